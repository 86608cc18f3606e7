import { mayRedistribute, toSyndicationFeed } from '../../../../src/lib/feeds/syndication';
import { articlePageUrl, pictureWeekUrl, assetUrl } from '../../../../src/lib/feeds/feed-urls';
import { article, articleFeed, links, photo, pictureFeed } from './fixtures';

describe('syndication entries', () => {
  it('keeps a photo only when its credit allows redistribution and it has an image', () => {
    expect(mayRedistribute(photo())).toBe(true);
    expect(mayRedistribute(photo({}, { mayRedistribute: false }))).toBe(false);
    expect(mayRedistribute(photo({ image: null }))).toBe(false);
    expect(mayRedistribute(null)).toBe(false);
  });

  it('maps structured credit to photographer, agency and copyright (holder, else agency)', () => {
    const feed = toSyndicationFeed(articleFeed([article(1, { leadPhoto: photo({}, { copyrightHolder: null }) })]), links, 'rss');
    expect(feed.entries[0].photos[0]).toMatchObject({ photographer: 'Dusan Vranic', agency: 'AP Photo', copyright: 'AP Photo', url: 'https://cms.example/uploads/quake.jpg' });
  });

  it('links pictures to the week page with their position and keeps the date in self links', () => {
    const feed = toSyndicationFeed(pictureFeed(), links, 'atom');
    expect(feed.entries.map((e) => e.url)).toEqual(['https://news.example/pictures/2018-11-17#photo-1']);
    expect(feed.selfUrl).toBe('https://cms.example/api/feeds/this-week-in-pictures?format=atom&date=2018-11-17&locale=en');
  });
});

describe('feed URLs', () => {
  it('builds canonical article URLs from the pattern and falls back when it cannot be filled', () => {
    const a = { slug: 'quake', documentId: 'd1', locale: 'en', section: { slug: 'world' }, publishedAt: '2018-11-20T10:00:00.000Z' };
    expect(articlePageUrl('https://news.example/', '/{section}/{slug}', a)).toBe('https://news.example/world/quake');
    expect(articlePageUrl('https://news.example', '/{year}/{month}/{slug}', a)).toBe('https://news.example/2018/11/quake');
    expect(articlePageUrl('https://news.example', '/{section}/{slug}', { ...a, section: null })).toBe('https://news.example/quake');
  });

  it('joins week pages and upload URLs, keeping remote URLs', () => {
    expect(pictureWeekUrl('https://news.example', '/pictures/{start}', { start: '2018-11-17', end: '2018-11-23' })).toBe('https://news.example/pictures/2018-11-17');
    expect(assetUrl('https://cms.example/', '/uploads/a.jpg')).toBe('https://cms.example/uploads/a.jpg');
    expect(assetUrl('https://cms.example', 'https://cdn.example/a.jpg')).toBe('https://cdn.example/a.jpg');
  });
});
