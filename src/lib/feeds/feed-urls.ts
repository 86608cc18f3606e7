// Public URLs in feeds: articles (through src/lib/urls), picture weeks and uploaded images.
import { articleUrl } from '../urls/canonical-url';

/** Joins a base URL and a path without doubling or dropping the slash. */
export function joinUrl(base: string, path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** An article's canonical URL on the site (src/lib/urls), falling back to /{slug} when the pattern cannot be filled. */
export function articlePageUrl(
  siteUrl: string,
  pattern: string,
  article: { slug: string; documentId: string; locale?: string | null; section?: { slug: string } | null; publishedAt?: string | null },
): string {
  const url = articleUrl(
    siteUrl,
    { slug: article.slug, section: article.section?.slug ?? null, documentId: article.documentId, locale: article.locale ?? null, firstPublishedAt: article.publishedAt ?? null },
    pattern,
  );
  return url ?? joinUrl(siteUrl, `/${encodeURIComponent(article.slug)}`);
}

/** A picture week's page on the site, from a pattern such as "/pictures/{start}". */
export function pictureWeekUrl(siteUrl: string, pattern: string, week: { start: string; end: string }): string {
  return joinUrl(siteUrl, pattern.replace('{start}', week.start).replace('{end}', week.end));
}

/** Absolute URL of an upload ("/uploads/x.jpg" → "https://cms.example/uploads/x.jpg"); remote URLs are kept. */
export function assetUrl(cmsUrl: string, url: string): string {
  return joinUrl(cmsUrl, url);
}
