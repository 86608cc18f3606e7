// GraphQL side of the feeds: articleFeed, thisWeekInPictures and articleBySlug return the same
// items and cursors as the REST feeds' JSON format, under the same public-role permissions.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { FeedQueryError, parseFeedQuery, type FeedQuery } from '../lib/feeds/feed-query';
import type { ArticleFeed, PictureFeed } from '../lib/feeds/types';
import { fillObjects } from '../lib/feeds/view-marks';
import { argumentError } from '../lib/graphql/argument-errors';

const typeDefs = /* GraphQL */ `
  type FeedImageFormat { url: String! width: Int height: Int mime: String }
  type FeedImageFormats { thumbnail: FeedImageFormat small: FeedImageFormat medium: FeedImageFormat large: FeedImageFormat }
  type FeedImage { url: String! width: Int height: Int mime: String formats: FeedImageFormats! }
  type FeedPhotoCredit { photographer: String agency: String copyrightHolder: String license: String mayRedistribute: Boolean! }
  type FeedPhoto {
    documentId: ID!
    caption: String!
    altText: String
    creditLine: String
    credit: FeedPhotoCredit
    takenAt: String
    location: String
    image: FeedImage
    "IPTC digital source type (digitalCapture, trainedAlgorithmicMedia, composite, ...)"
    digitalSourceType: String
    provenanceNote: String
  }
  type FeedSection { documentId: ID! name: String! slug: String! }
  type FeedTag { name: String! slug: String! }
  type FeedArticle {
    documentId: ID!
    locale: String
    title: String!
    slug: String!
    kicker: String
    standfirst: String
    dateline: String
    "Canonical URL on the public site"
    url: String!
    "First publication time (ISO 8601)"
    publishedAt: String!
    updatedAt: String!
    section: FeedSection
    leadPhoto: FeedPhoto
    shortUrl: String
    "Readers' views so far"
    viewCount: Int
    "Multimedia list only: article or gallery, how the story is told, its media"
    kind: String
    mediaKind: String
    media: [FeedMedia!]
  }
  type FeedMedia { medium: String! url: String! embed: Boolean! mime: String width: Int height: Int posterUrl: String caption: String credit: String mayRedistribute: Boolean! }
  type FeedPageInfo { limit: Int! endCursor: String hasNextPage: Boolean! }
  type ArticleFeed {
    title: String!
    description: String!
    locale: String!
    homeUrl: String!
    updatedAt: String!
    section: FeedSection
    items: [FeedArticle!]!
    pageInfo: FeedPageInfo!
  }
  type FeedPicture { position: Int! caption: String! photo: FeedPhoto! }
  type FeedPictureWeek { start: String! end: String! }
  type FeedGallery { documentId: ID! title: String! slug: String }
  type PictureWeekFeed {
    title: String!
    description: String!
    locale: String!
    homeUrl: String!
    updatedAt: String!
    week: FeedPictureWeek!
    gallery: FeedGallery
    "curated (an editors' gallery) or automatic (the week's photos by time taken)"
    source: String!
    items: [FeedPicture!]!
    pageInfo: FeedPageInfo!
  }
  type FeedLinkedArticle { documentId: ID! slug: String! }
  type FeedThumbnail { url: String! width: Int height: Int altText: String }
  type FeedResolvedLink { title: String! url: String! label: String external: Boolean! article: FeedLinkedArticle thumbnail: FeedThumbnail }
  type FeedFootnote { marker: String! text: String! }
  type ArticlePage {
    documentId: ID!
    locale: String
    title: String!
    slug: String!
    kicker: String
    standfirst: String
    dateline: String
    url: String!
    canonicalUrl: String!
    publishedAt: String!
    updatedAt: String!
    section: FeedSection
    tags: [FeedTag!]!
    leadPhoto: FeedPhoto
    shortUrl: String
    viewCount: Int!
    commentsEnabled: Boolean!
    "Body blocks as in the REST payload: photos and related-story links resolved"
    body: JSON!
    relatedLinks: [FeedResolvedLink!]!
    footnotes: [FeedFootnote!]!
  }
  extend type Query {
    "All news, or one section's news when section (a slug) is given; newest first"
    articleFeed(section: String, locale: String, first: Int, after: String): ArticleFeed!
    "The picture week containing date (YYYY-MM-DD), or the latest completed week"
    thisWeekInPictures(date: String, locale: String, first: Int, after: String): PictureWeekFeed!
    "A published article page by slug, everything it shows resolved"
    articleBySlug(slug: String!, locale: String): ArticlePage!
    "Most read in the window (24h, 7d or 30d; default 24h), optionally in one section"
    mostRead(window: String, section: String, locale: String, first: Int, after: String): ArticleFeed!
    "Editors' live picks (the section's, then site-wide), filled from most read; never the excluded article"
    recommended(section: String, exclude: ID, locale: String, first: Int): ArticleFeed!
    "Galleries and articles told mainly in pictures, video, audio or graphics, newest first"
    multimedia(locale: String, first: Int, after: String): ArticleFeed!
  }
`;

/** The REST query validation, with GraphQL's argument names in its messages. */
function parseArgs(args: { locale?: string | null; first?: number | null; after?: string | null; date?: string | null }, allowDate = false): FeedQuery {
  try {
    return parseFeedQuery(
      {
        locale: args.locale ?? undefined,
        limit: args.first === null || args.first === undefined ? undefined : String(args.first),
        cursor: args.after ?? undefined,
        date: args.date ?? undefined,
      },
      { allowDate },
    );
  } catch (e) {
    if (!(e instanceof FeedQueryError)) throw e;
    throw argumentError(e);
  }
}

function withPageInfo<T extends ArticleFeed | PictureFeed>(feed: T) {
  return { ...feed, pageInfo: { limit: feed.pageInfo.limit, endCursor: feed.pageInfo.nextCursor, hasNextPage: feed.pageInfo.hasMore } };
}

export function registerFeedsGraphql(strapi: Core.Strapi) {
  if (!strapi.plugin('graphql')) return;
  const feeds = () => strapi.service('api::feed.feed');
  const lists = () => strapi.service('api::feed.lists');
  /** Current totals in place of the placeholders the feed service put in (REST fills them as it serves). */
  const live = async <T extends { documentId: string; viewCount?: number }>(items: T[]): Promise<T[]> => {
    const views = strapi.plugin('views')?.service('live-totals');
    const counted = items.filter((i) => i.viewCount !== undefined);
    return fillObjects(items, views && counted.length ? await views.totals(counted.map((i) => i.documentId)) : new Map());
  };
  const withLive = async <T extends ArticleFeed>(feed: T): Promise<T> => ({ ...feed, items: await live(feed.items) });
  strapi.plugin('graphql').service('extension').use(() => ({
    typeDefs,
    resolvers: {
      Query: {
        articleFeed: async (_: unknown, args: { section?: string | null; locale?: string | null; first?: number | null; after?: string | null }) => {
          const query = parseArgs(args);
          if (args.section !== undefined && args.section !== null) {
            if (!/^[A-Za-z0-9_-]{1,200}$/.test(args.section)) throw new errors.ValidationError('section must be a section slug.', { path: ['section'] });
            return withPageInfo(await withLive(await feeds().sectionFeed(args.section, query)));
          }
          return withPageInfo(await withLive(await feeds().articleFeed(query)));
        },
        thisWeekInPictures: async (_: unknown, args: { date?: string | null; locale?: string | null; first?: number | null; after?: string | null }) => {
          const query = parseArgs(args, true);
          return withPageInfo(await feeds().thisWeekInPictures(feeds().week(query.date), query));
        },
        articleBySlug: async (_: unknown, args: { slug: string; locale?: string | null }) => {
          const { locale } = parseArgs({ locale: args.locale });
          if (!/^[A-Za-z0-9_-]{1,300}$/.test(args.slug)) throw new errors.NotFoundError(`No published article with the slug "${args.slug.slice(0, 300)}".`);
          const [page] = await live([(await feeds().articleBySlug(args.slug, locale)).page]);
          return page;
        },
        mostRead: async (_: unknown, args: { window?: string | null; section?: string | null; locale?: string | null; first?: number | null; after?: string | null }) =>
          withPageInfo(await withLive(await lists().mostRead(parseArgs(args), { window: args.window ?? undefined, section: args.section ?? undefined }))),
        recommended: async (_: unknown, args: { section?: string | null; exclude?: string | null; locale?: string | null; first?: number | null }) =>
          withPageInfo(await withLive(await lists().recommended(parseArgs(args), { section: args.section ?? undefined, exclude: args.exclude ?? undefined }))),
        multimedia: async (_: unknown, args: { locale?: string | null; first?: number | null; after?: string | null }) =>
          withPageInfo(await withLive(await lists().multimedia(parseArgs(args)))),
      },
    },
    resolversConfig: {
      'Query.mostRead': { auth: { scope: ['api::article.article.mostRead'] } },
      'Query.recommended': { auth: { scope: ['api::article.article.recommended'] } },
      'Query.multimedia': { auth: { scope: ['api::article.article.multimedia'] } },
      'Query.articleFeed': { auth: { scope: ['api::article.article.feed'] } },
      'Query.thisWeekInPictures': { auth: { scope: ['api::gallery.gallery.thisWeekInPictures'] } },
      'Query.articleBySlug': { auth: { scope: ['api::article.article.bySlug'] } },
    },
  }));
}
