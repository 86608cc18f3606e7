// Maps documents as the Document Service returns them (loosely typed) to the plain feed shapes.
import { articlePageUrl } from './feed-urls';
import { lastCorrectionAt, toCorrections } from '../corrections/corrections';
import type { FeedArticle, FeedImage, FeedPhoto, FeedSection, FeedTag, ImageFormat } from './types';

type Raw = Record<string, unknown> | null | undefined;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const iso = (v: unknown): string | null => {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string' || typeof v === 'number') {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  return null;
};

export interface ArticleUrlConfig {
  siteUrl: string;
  articlePathPattern: string;
}

function toFormat(raw: Raw): ImageFormat | null {
  if (!raw || !str(raw.url)) return null;
  return { url: raw.url as string, width: num(raw.width), height: num(raw.height), mime: str(raw.mime) };
}

export function toFeedImage(raw: Raw): FeedImage | null {
  const base = toFormat(raw);
  if (!base) return null;
  const formats: Record<string, ImageFormat> = {};
  const given = raw!.formats && typeof raw!.formats === 'object' ? (raw!.formats as Record<string, Raw>) : {};
  for (const name of ['thumbnail', 'small', 'medium', 'large']) {
    const f = toFormat(given[name]);
    if (f) formats[name] = f;
  }
  return { ...base, formats };
}

export function toFeedPhoto(raw: Raw): FeedPhoto | null {
  if (!raw || !str(raw.documentId)) return null;
  const credit = raw.credit as Raw;
  return {
    documentId: raw.documentId as string,
    caption: str(raw.caption) ?? '',
    altText: str(raw.altText),
    creditLine: str(raw.creditLine),
    credit: credit
      ? {
          photographer: str(credit.photographer),
          agency: str(credit.agency),
          copyrightHolder: str(credit.copyrightHolder),
          license: str(credit.license),
          mayRedistribute: credit.mayRedistribute !== false,
        }
      : null,
    takenAt: iso(raw.takenAt),
    location: str(raw.location),
    image: toFeedImage(raw.image as Raw),
    updatedAt: iso(raw.updatedAt),
    digitalSourceType: str(raw.digitalSourceType),
    provenanceNote: str(raw.provenanceNote),
  };
}

export function toFeedSection(raw: Raw): FeedSection | null {
  if (!raw || !str(raw.slug)) return null;
  return { documentId: String(raw.documentId), name: str(raw.name) ?? (raw.slug as string), slug: raw.slug as string };
}

export function toFeedArticle(raw: Record<string, unknown>, urls: ArticleUrlConfig, shortUrl: string | null = null): FeedArticle {
  const section = toFeedSection(raw.section as Raw);
  const publishedAt = iso(raw.firstPublishedAt) ?? iso(raw.publishedAt) ?? new Date(0).toISOString();
  const slug = str(raw.slug) ?? String(raw.documentId);
  const corrections = toCorrections(raw.corrections);
  return {
    documentId: String(raw.documentId),
    locale: str(raw.locale),
    title: str(raw.title) ?? '',
    slug,
    kicker: str(raw.kicker),
    standfirst: str(raw.standfirst),
    dateline: str(raw.dateline),
    url: articlePageUrl(urls.siteUrl, urls.articlePathPattern, { slug, documentId: String(raw.documentId), locale: str(raw.locale), section, publishedAt }),
    publishedAt,
    // Readers see a story as updated only when an editor says so with a note; silent saves do not count.
    updatedAt: lastCorrectionAt(corrections) ?? publishedAt,
    section,
    leadPhoto: toFeedPhoto(raw.leadPhoto as Raw),
    shortUrl,
    corrections,
    entityNotes: [],
  };
}

/** Tags as populated with name and slug (empty when not populated). */
export function toFeedTags(raw: unknown): FeedTag[] {
  if (!Array.isArray(raw)) return [];
  return (raw as Raw[]).filter((t) => t && str(t.slug)).map((t) => ({ name: str(t!.name) ?? '', slug: t!.slug as string }));
}

/** The newest ISO timestamp among the given ones (epoch when none). */
export function newest(values: Array<string | null | undefined>): string {
  let best = 0;
  for (const v of values) {
    const t = v ? Date.parse(v) : NaN;
    if (!Number.isNaN(t) && t > best) best = t;
  }
  return new Date(best).toISOString();
}
