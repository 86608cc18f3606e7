import Parser from 'rss-parser';
import { XMLParser } from 'fast-xml-parser';
import { parseJsonFeed } from 'feedsmith';
import { renderFeed, CONTENT_TYPES } from '../../../../src/lib/feeds/render-feed';
import { article, articleFeed, links, photo, pictureFeed } from './fixtures';

const rss = new Parser();
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

describe('renderFeed', () => {
  const feed = articleFeed([article(1), article(2, { leadPhoto: photo({ documentId: 'px' }, { mayRedistribute: false, agency: 'Getty Images' }) })], 'CURSOR.sig');

  it('json keeps Strapi\'s { data, meta } shape and every photo', () => {
    const { body, contentType } = renderFeed(feed, 'json', links);
    expect(contentType).toBe(CONTENT_TYPES.json);
    const parsed = JSON.parse(body);
    expect(parsed.data).toHaveLength(2);
    expect(parsed.data[1].leadPhoto.credit).toMatchObject({ agency: 'Getty Images', mayRedistribute: false });
    expect(parsed.meta.pagination).toEqual({ limit: 20, nextCursor: 'CURSOR.sig', hasMore: true });
    expect(parsed.meta.feed).not.toHaveProperty('surrogateKeys');
  });

  it('rss: escaped titles, permanent guids, Media RSS with absolute URLs and credits, rel=next', async () => {
    const { body } = renderFeed(feed, 'rss', links);
    const parsed = await rss.parseString(body);
    expect(parsed.items.map((i) => i.title)).toEqual(['Story 1 & more <b>', 'Story 2 & more <b>']);
    expect(parsed.items[0].guid).toBe('urn:newsroom:article:a1:en');
    expect(parsed.items[0].categories).toEqual(['World']);
    const channel = xml.parse(body).rss.channel;
    const media = channel.item[0]['media:content'];
    expect(media['@url']).toBe('https://cms.example/uploads/quake.jpg');
    expect(media['@width']).toBe('1200');
    expect(media['media:thumbnail']['@url']).toBe('https://cms.example/uploads/thumbnail_quake.jpg');
    expect(media['media:copyright']).toBe('The Associated Press');
    expect(channel.item[1]['media:content']).toBeUndefined();
    expect(body).not.toContain('Getty Images');
    const next = [channel['atom:link']].flat().find((l: { '@rel': string }) => l['@rel'] === 'next');
    expect(next['@href']).toBe('https://cms.example/api/feeds/articles?format=rss&locale=en&limit=20&cursor=CURSOR.sig');
  });

  it('atom: entries with ids, alternate links, summary and media', async () => {
    const { body, contentType } = renderFeed(feed, 'atom', links);
    expect(contentType).toMatch(/atom\+xml/);
    const parsed = await rss.parseString(body);
    expect(parsed.items[0]).toMatchObject({ title: 'Story 1 & more <b>', link: 'https://news.example/world/story-1', id: 'urn:newsroom:article:a1:en' });
    expect(xml.parse(body).feed.entry[0]['media:content']['@url']).toBe('https://cms.example/uploads/quake.jpg');
  });

  it('jsonfeed: version 1.1, short URL and credits in _newsroom, no restricted photo', () => {
    const { body } = renderFeed(feed, 'jsonfeed', links);
    const raw = JSON.parse(body);
    expect(raw.version).toBe('https://jsonfeed.org/version/1.1');
    expect(raw.next_url).toContain('cursor=CURSOR.sig');
    const parsed = parseJsonFeed(raw);
    expect(parsed.items).toHaveLength(2);
    expect(raw.items[0]._newsroom).toMatchObject({ shortUrl: 'https://sho.rt/1', photos: [expect.objectContaining({ photographer: 'Dusan Vranic' })] });
    expect(raw.items[1].image).toBeUndefined();
    expect(raw.items[1]._newsroom.photos).toEqual([]);
  });

  it('a picture week drops pictures that may not be redistributed in every syndication format', async () => {
    for (const format of ['rss', 'atom'] as const) {
      const parsed = await rss.parseString(renderFeed(pictureFeed(), format, links).body);
      expect(parsed.items.map((i) => i.title)).toEqual(['Open picture']);
    }
    expect(JSON.parse(renderFeed(pictureFeed(), 'jsonfeed', links).body).items).toHaveLength(1);
    expect(JSON.parse(renderFeed(pictureFeed(), 'json', links).body).data).toHaveLength(2);
  });

  it('renders the same items to the same bytes (so ETags are stable)', () => {
    expect(renderFeed(feed, 'rss', links).body).toBe(renderFeed(feed, 'rss', links).body);
    expect(renderFeed(feed, 'atom', links).body).toBe(renderFeed(feed, 'atom', links).body);
  });
});

describe('tightCdata', () => {
  it('removes the pretty-printing around CDATA and nothing else', async () => {
    const { tightCdata } = await import('../../../../src/lib/feeds/tight-cdata');
    expect(tightCdata('<title>\n  <![CDATA[a & b]]>\n</title>')).toBe('<title><![CDATA[a & b]]></title>');
    expect(tightCdata('<title type="text">\n  <![CDATA[x]]]]><![CDATA[>y]]>\n</title>')).toBe('<title type="text"><![CDATA[x]]]]><![CDATA[>y]]></title>');
    expect(tightCdata('<a>\n  <b>text</b>\n</a>')).toBe('<a>\n  <b>text</b>\n</a>');
  });
});
