// Turns a feed (articles or a picture week) into the format-neutral entries the RSS, Atom
// and JSON Feed renderers share. Photos whose credit forbids redistribution are dropped here.
import { assetUrl, joinUrl } from './feed-urls';
import { correctionLine, type Correction } from '../corrections/corrections';
import { disclosureFor, isAiGenerated, type DisclosureLabels } from '../photos/provenance';
import type { AnyFeed, FeedArticle, FeedFormat, FeedLinks, FeedMedia, FeedPhoto, FeedPicture } from './types';

export interface SyndicatedPhoto {
  /** Media RSS medium; photos are images. */
  medium?: 'image' | 'video' | 'audio';
  url: string;
  mime: string | null;
  width: number | null;
  height: number | null;
  thumbnailUrl: string | null;
  caption: string;
  altText: string | null;
  creditLine: string | null;
  photographer: string | null;
  agency: string | null;
  copyright: string | null;
  license: string | null;
  /** "AI-generated image" / "Composite image" when the source type owes one. */
  disclosure: string | null;
  digitalSourceType: string | null;
  provenanceNote: string | null;
}

export interface SyndicationEntry {
  id: string;
  url: string;
  title: string;
  summary: string | null;
  /** The summary followed by the story's corrections, newest first; null when it has none. */
  content: string | null;
  corrections: Correction[];
  published: Date;
  updated: Date;
  categories: string[];
  photos: SyndicatedPhoto[];
  /** Readers' views (Media RSS media:community/media:statistics in RSS and Atom). */
  views?: number;
  /** Approved comments and where they are read (RSS `comments` and `slash:comments`). */
  comments?: { count: number; url: string };
  /** Extra fields kept in JSON Feed's `_newsroom` extension. */
  extension: Record<string, unknown>;
}

export interface SyndicationFeed {
  id: string;
  title: string;
  description: string;
  language: string;
  homeUrl: string;
  selfUrl: string;
  nextUrl: string | null;
  updated: Date;
  generator: string;
  entries: SyndicationEntry[];
}

export interface SyndicationOptions {
  /** Leave AI-generated images out (FEED_DROP_AI_IMAGES). */
  dropAiImages?: boolean;
  disclosure?: DisclosureLabels;
}

/** Whether a photo may leave the site in a syndication format. */
export function mayRedistribute(photo: FeedPhoto | null | undefined, options: SyndicationOptions = {}): boolean {
  if (options.dropAiImages && isAiGenerated(photo?.digitalSourceType)) return false;
  return Boolean(photo && photo.image && photo.credit?.mayRedistribute !== false);
}

/**
 * The editorial extras of an article entry: the entity notes appended to the summary (after the
 * standfirst), and the corrections, newest first, after that in the content.
 */
export function editorialText(article: FeedArticle): { summary: string | null; content: string | null } {
  const notes = article.entityNotes.map((n) => n.text);
  const summary = [article.standfirst, ...notes].filter((t): t is string => Boolean(t)).join('\n\n') || null;
  if (!article.corrections.length) return { summary, content: null };
  return { summary, content: [summary, ...article.corrections.map(correctionLine)].filter(Boolean).join('\n\n') };
}

export function syndicatedPhoto(photo: FeedPhoto, links: FeedLinks, caption = photo.caption, labels?: DisclosureLabels): SyndicatedPhoto {
  const image = photo.image!;
  const thumb = image.formats.thumbnail ?? image.formats.small ?? null;
  const credit = photo.credit;
  return {
    url: assetUrl(links.cmsUrl, image.url),
    mime: image.mime,
    width: image.width,
    height: image.height,
    thumbnailUrl: thumb ? assetUrl(links.cmsUrl, thumb.url) : null,
    caption,
    altText: photo.altText,
    creditLine: photo.creditLine,
    photographer: credit?.photographer || null,
    agency: credit?.agency || null,
    copyright: credit?.copyrightHolder || credit?.agency || credit?.photographer || null,
    license: credit?.license || null,
    disclosure: disclosureFor(photo.digitalSourceType, labels),
    digitalSourceType: photo.digitalSourceType,
    provenanceNote: photo.provenanceNote,
  };
}

/** The feed's own URL in a given format, with an optional cursor. */
export function feedUrl(links: FeedLinks, feedPath: string, format: FeedFormat, params: Record<string, string | undefined> = {}): string {
  const search = new URLSearchParams();
  search.set('format', format);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) search.set(k, v);
  return `${joinUrl(links.cmsUrl, feedPath)}?${search.toString()}`;
}

/** A multimedia item's media (video, audio, gallery photos) for Media RSS and JSON Feed. */
export function syndicatedMedia(media: FeedMedia, links: FeedLinks): SyndicatedPhoto {
  return {
    medium: media.medium,
    url: media.embed ? media.url : assetUrl(links.cmsUrl, media.url),
    mime: media.mime,
    width: media.width,
    height: media.height,
    thumbnailUrl: media.posterUrl ? assetUrl(links.cmsUrl, media.posterUrl) : null,
    caption: media.caption ?? '',
    altText: null,
    creditLine: media.credit,
    photographer: null,
    agency: null,
    copyright: media.credit,
    license: null,
    disclosure: null,
    digitalSourceType: null,
    provenanceNote: null,
  };
}

function articleEntry(article: FeedArticle, links: FeedLinks, options: SyndicationOptions): SyndicationEntry {
  const photo = mayRedistribute(article.leadPhoto, options) ? syndicatedPhoto(article.leadPhoto!, links, undefined, options.disclosure) : null;
  const text = editorialText(article);
  const media = article.media?.filter((m) => m.mayRedistribute).map((m) => syndicatedMedia(m, links));
  return {
    id: `urn:newsroom:article:${article.documentId}${article.locale ? `:${article.locale}` : ''}`,
    url: article.url,
    title: article.title,
    summary: text.summary,
    content: text.content,
    corrections: article.corrections,
    published: new Date(article.publishedAt),
    updated: new Date(article.updatedAt),
    categories: article.section ? [article.section.name] : [],
    photos: media ?? (photo ? [photo] : []),
    ...(article.viewCount !== undefined ? { views: article.viewCount } : {}),
    ...(article.commentCount !== undefined ? { comments: { count: article.commentCount, url: `${article.url}#comments` } } : {}),
    extension: {
      documentId: article.documentId,
      ...(article.viewCount !== undefined ? { viewCount: article.viewCount } : {}),
      ...(article.commentCount !== undefined ? { commentCount: article.commentCount } : {}),
      kicker: article.kicker,
      dateline: article.dateline,
      section: article.section?.slug ?? null,
      shortUrl: article.shortUrl,
      ...(article.kind ? { kind: article.kind, mediaKind: article.mediaKind ?? null } : {}),
      corrections: article.corrections,
      entityNotes: article.entityNotes,
    },
  };
}

function pictureEntry(picture: FeedPicture, homeUrl: string, links: FeedLinks, options: SyndicationOptions): SyndicationEntry | null {
  if (!mayRedistribute(picture.photo, options)) return null;
  const photo = picture.photo;
  const when = photo.takenAt ?? photo.updatedAt ?? new Date(0).toISOString();
  const title = picture.caption.length > 140 ? `${picture.caption.slice(0, 139).trimEnd()}…` : picture.caption;
  return {
    id: `urn:newsroom:photo:${photo.documentId}`,
    url: `${homeUrl}#photo-${picture.position}`,
    title,
    summary: [picture.caption, ...(picture.entityNotes ?? []).map((n) => n.text)].join('\n\n'),
    content: null,
    corrections: [],
    published: new Date(when),
    updated: new Date(photo.updatedAt ?? when),
    categories: [],
    photos: [syndicatedPhoto(photo, links, picture.caption, options.disclosure)],
    extension: { documentId: photo.documentId, position: picture.position, creditLine: photo.creditLine, location: photo.location, entityNotes: picture.entityNotes ?? [] },
  };
}

export function toSyndicationFeed(feed: AnyFeed, links: FeedLinks, format: FeedFormat, options: SyndicationOptions = {}): SyndicationFeed {
  const entries =
    feed.kind === 'articles'
      ? feed.items.map((a) => articleEntry(a, links, options))
      : feed.items.map((p) => pictureEntry(p, feed.homeUrl, links, options)).filter((e): e is SyndicationEntry => e !== null);
  const base = { ...(feed.kind === 'pictures' ? { date: feed.week.start } : {}), ...feed.feedParams };
  const idQuery = new URLSearchParams(base).toString();
  return {
    id: `${joinUrl(links.cmsUrl, feed.feedPath)}${idQuery ? `?${idQuery}` : ''}`,
    title: feed.title,
    description: feed.description,
    language: feed.locale,
    homeUrl: feed.homeUrl,
    selfUrl: feedUrl(links, feed.feedPath, format, { ...base, locale: feed.locale }),
    nextUrl: feed.pageInfo.nextCursor
      ? feedUrl(links, feed.feedPath, format, { ...base, locale: feed.locale, limit: String(feed.pageInfo.limit), cursor: feed.pageInfo.nextCursor })
      : null,
    updated: new Date(feed.updatedAt),
    generator: 'Newsroom CMS',
    entries,
  };
}
