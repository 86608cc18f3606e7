import { XMLParser } from 'fast-xml-parser';
import { buildNewsSitemap, newsLanguage } from '../../../../src/lib/feeds/build-news-sitemap';

describe('Google News sitemap', () => {
  it('writes news:news entries with publication, date and escaped title', async () => {
    const out = await buildNewsSitemap(
      [{ url: 'https://news.example/world/a', title: 'Floods & fire', publishedAt: '2018-11-20T10:00:00.000Z', keywords: ['Floods', 'Weather'] }],
      { name: 'Newsroom', locale: 'en-US' },
    );
    expect(out).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    const url = new XMLParser().parse(out).urlset.url;
    expect(url.loc).toBe('https://news.example/world/a');
    expect(url['news:news']).toMatchObject({
      'news:publication': { 'news:name': 'Newsroom', 'news:language': 'en' },
      'news:publication_date': '2018-11-20T10:00:00.000Z',
      'news:title': 'Floods & fire',
      'news:keywords': 'Floods, Weather',
    });
  });

  it('uses ISO 639 languages, keeping Google\'s two Chinese exceptions', () => {
    expect(newsLanguage('fr-FR')).toBe('fr');
    expect(newsLanguage('zh-CN')).toBe('zh-cn');
    expect(newsLanguage('zh-TW')).toBe('zh-tw');
  });
});
