// Multimedia and view counts in every format: Media RSS medium and statistics, JSON Feed extras,
// photos that may not be redistributed left out of syndication but kept in JSON.
import { XMLParser } from 'fast-xml-parser';
import { renderFeed } from '../../../../src/lib/feeds/render-feed';
import type { FeedMedia } from '../../../../src/lib/feeds/types';
import { article, articleFeed, links } from './fixtures';

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });
const media = (extra: Partial<FeedMedia>): FeedMedia => ({
  medium: 'video',
  url: 'https://www.youtube-nocookie.com/embed/abc',
  embed: true,
  mime: null,
  width: null,
  height: null,
  posterUrl: '/uploads/poster.jpg',
  caption: 'The last lap',
  credit: 'Sport TV',
  mayRedistribute: true,
  ...extra,
});

describe('multimedia items and view counts', () => {
  const feed = articleFeed(
    [
      { ...article(1), viewCount: 42, kind: 'article', mediaKind: 'video', media: [media({})] },
      {
        ...article(2),
        kind: 'gallery',
        mediaKind: 'gallery',
        media: [
          media({ medium: 'image', url: '/uploads/a.jpg', embed: false, mime: 'image/jpeg', posterUrl: null, caption: 'Open' }),
          media({ medium: 'image', url: '/uploads/b.jpg', embed: false, mime: 'image/jpeg', posterUrl: null, caption: 'Restricted', mayRedistribute: false }),
        ],
      },
    ],
    null,
  );

  it('rss: media:content with the medium, embeds as given, uploads absolute, posters as thumbnails, views as statistics', () => {
    const items = xml.parse(renderFeed(feed, 'rss', links).body).rss.channel.item;
    expect(items[0]['media:content']).toMatchObject({ '@medium': 'video', '@url': 'https://www.youtube-nocookie.com/embed/abc' });
    expect(items[0]['media:content']['media:thumbnail']['@url']).toBe('https://cms.example/uploads/poster.jpg');
    expect(items[0]['media:community']['media:statistics']['@views']).toBe('42');
    const gallery = [items[1]['media:content']].flat();
    expect(gallery).toHaveLength(1);
    expect(gallery[0]).toMatchObject({ '@medium': 'image', '@url': 'https://cms.example/uploads/a.jpg' });
    expect(items[1]['media:community']).toBeUndefined();
  });

  it('atom carries the same Media RSS', () => {
    const entries = xml.parse(renderFeed(feed, 'atom', links).body).feed.entry;
    expect(entries[0]['media:content']['@medium']).toBe('video');
    expect(entries[0]['media:community']['media:statistics']['@views']).toBe('42');
  });

  it('json feed: views, kind and media kind in _newsroom, the poster as the image of a video', () => {
    const items = JSON.parse(renderFeed(feed, 'jsonfeed', links).body).items;
    expect(items[0]._newsroom).toMatchObject({ viewCount: 42, kind: 'article', mediaKind: 'video' });
    expect(items[0]._newsroom.photos[0]).toMatchObject({ medium: 'video', url: 'https://www.youtube-nocookie.com/embed/abc' });
    expect(items[0].image).toBe('https://cms.example/uploads/poster.jpg');
    expect(items[1]._newsroom.photos).toHaveLength(1);
  });

  it('json keeps every media item, the restricted one too', () => {
    const data = JSON.parse(renderFeed(feed, 'json', links).body).data;
    expect(data[0]).toMatchObject({ viewCount: 42, kind: 'article', mediaKind: 'video' });
    expect(data[1].media).toHaveLength(2);
  });
});
