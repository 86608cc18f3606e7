// Plain feed data for the renderer tests.
import type { ArticleFeed, FeedArticle, FeedLinks, FeedPhoto, PictureFeed } from '../../../../src/lib/feeds/types';

export const links: FeedLinks = { siteUrl: 'https://news.example', cmsUrl: 'https://cms.example' };

export function photo(over: Partial<FeedPhoto> = {}, credit: Partial<NonNullable<FeedPhoto['credit']>> = {}): FeedPhoto {
  return {
    documentId: 'p1',
    caption: 'Rescue workers search the rubble',
    altText: 'Two rescue workers',
    creditLine: '© AP Photo / Dusan Vranic',
    credit: { photographer: 'Dusan Vranic', agency: 'AP Photo', copyrightHolder: 'The Associated Press', license: 'Editorial use', mayRedistribute: true, ...credit },
    takenAt: '2018-11-18T09:00:00.000Z',
    location: 'Valmora',
    image: {
      url: '/uploads/quake.jpg',
      width: 1200,
      height: 800,
      mime: 'image/jpeg',
      formats: { thumbnail: { url: '/uploads/thumbnail_quake.jpg', width: 234, height: 156, mime: 'image/jpeg' } },
    },
    updatedAt: '2018-11-18T10:00:00.000Z',
    digitalSourceType: null,
    provenanceNote: null,
    ...over,
  };
}

export function article(n: number, over: Partial<FeedArticle> = {}): FeedArticle {
  return {
    documentId: `a${n}`,
    locale: 'en',
    title: `Story ${n} & more <b>`,
    slug: `story-${n}`,
    kicker: null,
    standfirst: `Standfirst ${n}`,
    dateline: null,
    url: `https://news.example/world/story-${n}`,
    publishedAt: new Date(Date.UTC(2018, 10, 20, 12 - n)).toISOString(),
    updatedAt: new Date(Date.UTC(2018, 10, 20, 13 - n)).toISOString(),
    section: { documentId: 's1', name: 'World', slug: 'world' },
    leadPhoto: photo({ documentId: `p${n}` }),
    shortUrl: `https://sho.rt/${n}`,
    corrections: [],
    entityNotes: [],
    ...over,
  };
}

export function articleFeed(items: FeedArticle[], nextCursor: string | null = null): ArticleFeed {
  return {
    kind: 'articles',
    title: 'Newsroom',
    description: 'The latest news',
    locale: 'en',
    homeUrl: 'https://news.example',
    feedPath: '/api/feeds/articles',
    updatedAt: '2018-11-20T12:00:00.000Z',
    pageInfo: { limit: 20, nextCursor, hasMore: nextCursor !== null },
    surrogateKeys: ['feed'],
    section: null,
    items,
  };
}

export function pictureFeed(): PictureFeed {
  return {
    kind: 'pictures',
    title: 'This Week in Pictures: November 17 - 23',
    description: 'This Week in Pictures, 2018-11-17 to 2018-11-23',
    locale: 'en',
    homeUrl: 'https://news.example/pictures/2018-11-17',
    feedPath: '/api/feeds/this-week-in-pictures',
    updatedAt: '2018-11-23T12:00:00.000Z',
    pageInfo: { limit: 20, nextCursor: null, hasMore: false },
    surrogateKeys: ['feed'],
    week: { start: '2018-11-17', end: '2018-11-23' },
    gallery: null,
    source: 'automatic',
    items: [
      { position: 1, caption: 'Open picture', photo: photo({ documentId: 'p1' }) },
      { position: 2, caption: 'Restricted picture', photo: photo({ documentId: 'p2' }, { mayRedistribute: false }) },
    ],
  };
}
