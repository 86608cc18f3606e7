// The article page payload: a feed article plus body blocks with photos and related-story
// links resolved to title, URL and thumbnail, related links, footnotes and counters.
import { articlePageUrl } from './feed-urls';
import { toFeedArticle, toFeedPhoto, toFeedSection, toFeedTags, type ArticleUrlConfig } from './from-documents';
import type { FeedArticle, FeedPhoto, FeedTag } from './types';

type Raw = Record<string, unknown>;

export interface ResolvedLink {
  title: string;
  url: string;
  label: string | null;
  external: boolean;
  /** The linked article, for internal links. */
  article: { documentId: string; slug: string } | null;
  thumbnail: { url: string; width: number | null; height: number | null; altText: string | null } | null;
}

export type PageBlock =
  | { __component: 'blocks.rich-text'; body: string }
  | { __component: 'blocks.photo-embed'; caption: string; photo: FeedPhoto }
  | { __component: 'blocks.related-story'; link: ResolvedLink }
  | { __component: 'blocks.quote'; text: string; attribution: string | null }
  | { __component: 'blocks.external-embed'; url: string; provider: string | null; caption: string | null };

export interface ArticlePage extends FeedArticle {
  canonicalUrl: string;
  tags: FeedTag[];
  viewCount: number;
  commentsEnabled: boolean;
  body: PageBlock[];
  relatedLinks: ResolvedLink[];
  /** The editor's footnotes, then the entity notes the story mentions (`entity` set), in its locale. */
  footnotes: Array<{ marker: string; text: string; entity?: string | null }>;
}

function thumbnailOf(photo: FeedPhoto | null): ResolvedLink['thumbnail'] {
  if (!photo?.image) return null;
  const f = photo.image.formats.thumbnail ?? photo.image.formats.small ?? photo.image;
  return { url: f.url, width: f.width, height: f.height, altText: photo.altText };
}

/** Resolves a related-story link component; null when its target is gone (an unpublished article). */
export function resolveLink(raw: Raw | null | undefined, urls: ArticleUrlConfig): ResolvedLink | null {
  if (!raw) return null;
  const label = typeof raw.label === 'string' && raw.label ? raw.label : null;
  const override = typeof raw.titleOverride === 'string' && raw.titleOverride ? raw.titleOverride : null;
  const ownThumb = toFeedPhoto(raw.thumbnail as Raw);
  const target = raw.article as Raw | null | undefined;
  if (target && typeof target.slug === 'string') {
    const section = toFeedSection(target.section as Raw);
    const documentId = String(target.documentId);
    return {
      title: override ?? String(target.title ?? ''),
      url: articlePageUrl(urls.siteUrl, urls.articlePathPattern, {
        slug: target.slug,
        documentId,
        locale: (target.locale as string) ?? null,
        section,
        publishedAt: (target.firstPublishedAt as string) ?? null,
      }),
      label,
      external: false,
      article: { documentId, slug: target.slug },
      thumbnail: thumbnailOf(ownThumb ?? toFeedPhoto(target.leadPhoto as Raw)),
    };
  }
  if (typeof raw.url === 'string' && raw.url) {
    return { title: override ?? raw.url, url: raw.url, label, external: true, article: null, thumbnail: thumbnailOf(ownThumb) };
  }
  return null;
}

function toBlock(raw: Raw, urls: ArticleUrlConfig): PageBlock | null {
  switch (raw.__component) {
    case 'blocks.rich-text':
      return { __component: 'blocks.rich-text', body: String(raw.body ?? '') };
    case 'blocks.photo-embed': {
      const photo = toFeedPhoto(raw.photo as Raw);
      if (!photo) return null;
      const override = typeof raw.captionOverride === 'string' && raw.captionOverride ? raw.captionOverride : null;
      return { __component: 'blocks.photo-embed', caption: override ?? photo.caption, photo };
    }
    case 'blocks.related-story': {
      const link = resolveLink(raw.link as Raw, urls);
      return link ? { __component: 'blocks.related-story', link } : null;
    }
    case 'blocks.quote':
      return { __component: 'blocks.quote', text: String(raw.text ?? ''), attribution: (raw.attribution as string) || null };
    case 'blocks.external-embed':
      return { __component: 'blocks.external-embed', url: String(raw.url ?? ''), provider: (raw.provider as string) || null, caption: (raw.caption as string) || null };
    default:
      return null;
  }
}

export function toArticlePage(raw: Raw, urls: ArticleUrlConfig, shortUrl: string | null): ArticlePage {
  const article = toFeedArticle(raw, urls, shortUrl);
  const body = Array.isArray(raw.body) ? (raw.body as Raw[]).map((b) => toBlock(b, urls)).filter((b): b is PageBlock => b !== null) : [];
  const relatedLinks = Array.isArray(raw.relatedLinks)
    ? (raw.relatedLinks as Raw[]).map((l) => resolveLink(l, urls)).filter((l): l is ResolvedLink => l !== null)
    : [];
  const footnotes = Array.isArray(raw.footnotes)
    ? (raw.footnotes as Raw[]).map((f) => ({ marker: String(f.marker ?? ''), text: String(f.text ?? ''), entity: null }))
    : [];
  return {
    ...article,
    canonicalUrl: article.url,
    tags: toFeedTags(raw.tags),
    viewCount: typeof raw.viewCount === 'number' ? raw.viewCount : Number(raw.viewCount ?? 0) || 0,
    commentsEnabled: raw.commentsEnabled !== false,
    body,
    relatedLinks,
    footnotes,
  };
}
