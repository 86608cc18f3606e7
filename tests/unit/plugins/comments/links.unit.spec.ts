import { defaultDetectors } from '../../../../src/plugins/comments/server/config';
import { findLinks, hostOf, links } from '../../../../src/plugins/comments/lib/detectors/links';

const config = { ...defaultDetectors, maxLinks: 2, blockedDomains: ['evil.example', 'Bad-Site.TEST.', 'пример.рф'] };

describe('links detector', () => {
  it('finds scheme links and bare www. links, once each', () => {
    expect(findLinks('a https://a.example/x, b http://b.example and www.c.example/page; ftp://d.example')).toEqual([
      'https://a.example/x,',
      'http://b.example',
      'ftp://d.example',
      'www.c.example/page;',
    ]);
    expect(findLinks('https://www.a.example/')).toEqual(['https://www.a.example/']);
    expect(findLinks('no links here, e.g. Node.js or 3.14')).toEqual([]);
  });

  it('parses hosts robustly', () => {
    expect(hostOf('https://user:pw@EVIL.example:8080/path?q')).toBe('evil.example');
    expect(hostOf('http://good.example@evil.example/')).toBe('evil.example');
    expect(hostOf('www.Example.org.')).toBe('www.example.org');
    expect(hostOf('https://пример.рф/')).toBe('xn--e1afmkfd.xn--p1ai');
    expect(hostOf('http://')).toBeNull();
  });

  it('up to maxLinks links is fine, one more is spam', () => {
    expect(links('see https://a.example and https://b.example', config).codes).toEqual([]);
    const spam = links('see https://a.example, https://b.example and www.c.example', config);
    expect(spam.codes).toEqual(['spam']);
    expect(spam.details).toMatchObject({ count: 3 });
  });

  it('a link to a blocked domain or one of its subdomains is malware', () => {
    expect(links('get it at https://evil.example/setup.exe', config).codes).toEqual(['malware']);
    expect(links('get it at http://cdn.files.EVIL.example/x', config).codes).toEqual(['malware']);
    expect(links('get it at www.bad-site.test', config).codes).toEqual(['malware']);
    expect(links('see https://good.example@evil.example/', config).codes).toEqual(['malware']);
    expect(links('IDN: https://ПРИМЕР.РФ/файл', config).codes).toEqual(['malware']);
  });

  it('look-alikes of a blocked domain that are other domains are not malware', () => {
    expect(links('https://notevil.example/ and https://evil.example.org/', config).codes).toEqual([]);
    expect(links('https://example/evil.example', config).codes).toEqual([]);
  });

  it('finds blocked domains written bare or hidden', () => {
    expect(links('just go to evil.example/free-money', config).codes).toEqual(['malware']);
    expect(links('go to evil[.]example now', config).codes).toEqual(['malware']);
    expect(links('hxxps://downloads.evil(dot)example/x', config).codes).toEqual(['malware']);
    expect(links('full width: ｅｖｉｌ．ｅｘａｍｐｌｅ', config).codes).toEqual(['malware']);
    expect(links('an evil example of nothing', config).codes).toEqual([]);
  });

  it('reports both codes when both fire', () => {
    expect(links('https://a.example https://b.example https://evil.example', config).codes).toEqual(['spam', 'malware']);
  });

  it('without a block list, hosts are only counted', () => {
    expect(links('https://evil.example', { ...config, blockedDomains: [] }).codes).toEqual([]);
  });
});
