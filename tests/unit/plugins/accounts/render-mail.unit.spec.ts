import { escapeHtml, pickTemplate, renderMail } from '../../../../src/plugins/accounts/lib/render-mail';
import { MAIL_TEMPLATES } from '../../../../src/plugins/accounts/server/mail-templates';

describe('renderMail', () => {
  const template = { subject: 'Hi {{name}} at {{siteName}}', text: 'Go to {{link}}', html: '<p>{{name}}: <a href="{{link}}">here</a></p>' };

  it('fills text and subject as given and escapes values in the HTML part', () => {
    const mail = renderMail(template, { siteName: 'Daily', name: '<b>Ann</b>', link: 'https://x.test/a?b=1&c=2' });
    expect(mail.subject).toBe('Hi <b>Ann</b> at Daily');
    expect(mail.text).toBe('Go to https://x.test/a?b=1&c=2');
    expect(mail.html).toContain('&lt;b&gt;Ann&lt;/b&gt;');
    expect(mail.html).toContain('href="https://x.test/a?b=1&amp;c=2"');
    expect(mail.html).toContain('Daily');
  });

  it('never lets a value put a line break into the subject', () => {
    expect(renderMail(template, { siteName: 'D', name: 'A\r\nBcc: evil@x.test', link: '' }).subject).toBe('Hi A Bcc: evil@x.test at D');
  });

  it('refuses a placeholder without a value instead of sending {{name}}', () => {
    expect(() => renderMail(template, { siteName: 'D', link: '' })).toThrow(/\{\{name\}\}/);
  });

  it('escapes the five HTML-special characters', () => {
    expect(escapeHtml(`<>&"'`)).toBe('&lt;&gt;&amp;&quot;&#39;');
  });
});

describe('pickTemplate', () => {
  const t = { en: 'EN', fr: 'FR' };
  it.each([
    ['fr', 'FR'],
    ['fr-CA', 'FR'],
    ['FR', 'FR'],
    ['de', 'EN'],
    [null, 'EN'],
    ['', 'EN'],
  ])('%s → %s', (locale, expected) => {
    expect(pickTemplate(t, locale, 'en')).toBe(expected);
  });
});

describe('mail templates', () => {
  it('have an English version of every mail, and each renders with a link and the site name in both parts', () => {
    for (const [name, translations] of Object.entries(MAIL_TEMPLATES)) {
      expect({ name, en: Boolean(translations.en) }).toEqual({ name, en: true });
      for (const template of Object.values(translations)) {
        const mail = renderMail(template, { siteName: 'Daily Site', username: 'ann', link: 'https://cms.test/x', days: '30', purgeDate: '2027-01-01' });
        expect(mail.text).toContain('https://cms.test/x');
        expect(mail.html).toContain('https://cms.test/x');
        expect(mail.subject + mail.text).toContain('Daily Site');
      }
    }
  });
});
