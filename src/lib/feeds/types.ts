// Plain data shapes that flow from the feed service to the renderers: no Strapi types.
import type { PhotoCredit } from '../photos/credit-line';
import type { Correction } from '../corrections/corrections';

export type FeedFormat = 'json' | 'rss' | 'atom' | 'jsonfeed';
export const FEED_FORMATS: readonly FeedFormat[] = ['json', 'rss', 'atom', 'jsonfeed'];

export interface ImageFormat {
  url: string;
  width: number | null;
  height: number | null;
  mime: string | null;
}

export interface FeedImage extends ImageFormat {
  /** thumbnail, small, medium, large, as the upload plugin made them. */
  formats: Record<string, ImageFormat>;
}

export interface FeedPhoto {
  documentId: string;
  caption: string;
  altText: string | null;
  creditLine: string | null;
  credit: Required<PhotoCredit> | null;
  takenAt: string | null;
  location: string | null;
  image: FeedImage | null;
  updatedAt: string | null;
  /** IPTC digital source type, e.g. digitalCapture, trainedAlgorithmicMedia. */
  digitalSourceType: string | null;
  provenanceNote: string | null;
}

export interface FeedSection {
  documentId: string;
  name: string;
  slug: string;
}

export interface FeedTag {
  name: string;
  slug: string;
}

export interface FeedArticle {
  documentId: string;
  locale: string | null;
  title: string;
  slug: string;
  kicker: string | null;
  standfirst: string | null;
  dateline: string | null;
  url: string;
  /** First publication, ISO. */
  publishedAt: string;
  updatedAt: string;
  section: FeedSection | null;
  leadPhoto: FeedPhoto | null;
  shortUrl: string | null;
  /** Readers' views, filled in live as the response is served (see view-marks.ts). */
  viewCount?: number;
  /** Approved comments (src/plugins/comments); cached with the feed and purged by `article:<documentId>`. */
  commentCount?: number;
  /** Multimedia feed: an article or a gallery, how its story is told, and its media. */
  kind?: 'article' | 'gallery';
  mediaKind?: string;
  media?: FeedMedia[];
  /** Corrections, updates and clarifications, newest first; `updatedAt` is the newest one's time, else `publishedAt`. */
  corrections: Correction[];
  /** Entity notes this item's text mentions (title and standfirst already carry their markers). */
  entityNotes: EntityFootnote[];
}

export interface FeedMedia {
  medium: 'image' | 'video' | 'audio';
  /** An upload's URL as stored, or an allowed host's embed URL. */
  url: string;
  embed: boolean;
  mime: string | null;
  width: number | null;
  height: number | null;
  posterUrl: string | null;
  caption: string | null;
  credit: string | null;
  /** False for photos whose credit forbids redistribution: kept in JSON, dropped from syndication. */
  mayRedistribute: boolean;
}

export interface EntityFootnote {
  marker: string;
  text: string;
  /** The entity note's documentId. */
  entity: string;
}

export interface FeedPicture {
  /** 1-based position in the week's sequence. */
  position: number;
  caption: string;
  photo: FeedPhoto;
  /** Entity notes the caption mentions (the caption already carries their markers). */
  entityNotes?: EntityFootnote[];
}

export interface PageInfo {
  limit: number;
  nextCursor: string | null;
  hasMore: boolean;
}

interface FeedBase {
  title: string;
  description: string;
  locale: string;
  /** The page on the public site this feed mirrors. */
  homeUrl: string;
  /** Where this feed lives on the CMS (without format/cursor). */
  feedPath: string;
  /** The newest change among the items (or the feed's own container). */
  updatedAt: string;
  pageInfo: PageInfo;
  surrogateKeys: string[];
  /** Articles whose viewCount is a placeholder filled as the response is served. */
  viewIds?: string[];
  /** Query parameters that belong to the feed's own URL (e.g. window=7d). */
  feedParams?: Record<string, string>;
  /** How long the rendered response may be cached, when shorter than usual (rankings that move without writes). */
  cacheTtlMs?: number;
}

export interface ArticleFeed extends FeedBase {
  kind: 'articles';
  section: FeedSection | null;
  items: FeedArticle[];
}

export interface PictureFeed extends FeedBase {
  kind: 'pictures';
  week: { start: string; end: string };
  gallery: { documentId: string; title: string; slug: string | null } | null;
  /** curated: an editor's gallery for the week; automatic: the week's photos by time taken. */
  source: 'curated' | 'automatic';
  items: FeedPicture[];
}

export type AnyFeed = ArticleFeed | PictureFeed;

/** Where public links point: the news site for pages, the CMS for images and the feeds themselves. */
export interface FeedLinks {
  siteUrl: string;
  cmsUrl: string;
}
