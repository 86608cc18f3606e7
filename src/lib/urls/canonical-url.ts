// Builds an article's canonical URL on the public news site from the configured path pattern.

export interface ArticleUrlParts {
  slug?: string | null;
  /** The section's slug. */
  section?: string | null;
  documentId?: string | null;
  locale?: string | null;
  /** The first publication time; gives {year}, {month} and {day} (UTC). */
  firstPublishedAt?: string | Date | null;
}

export const DEFAULT_ARTICLE_PATH_PATTERN = '/{section}/{slug}';

const TOKEN = /\{([^{}]*)\}/g;
const KNOWN = new Set(['section', 'slug', 'documentId', 'locale', 'year', 'month', 'day']);

/** Placeholders in a path pattern that this module cannot fill (a configuration mistake). */
export function unknownPlaceholders(pattern: string): string[] {
  return [...pattern.matchAll(TOKEN)].map((m) => m[1]).filter((name) => !KNOWN.has(name));
}

/**
 * The article's path, e.g. "/world/quake-hits-coast", or null when a placeholder the
 * pattern uses has no value yet (a draft without a section has no page on the site).
 * Each value is URL-encoded, so a slug can never add path segments of its own.
 */
export function articlePath(parts: ArticleUrlParts, pattern = DEFAULT_ARTICLE_PATH_PATTERN): string | null {
  const unknown = unknownPlaceholders(pattern);
  if (unknown.length) throw new Error(`Unknown placeholder(s) in the article path pattern "${pattern}": ${unknown.map((n) => `{${n}}`).join(', ')}`);
  const date = parts.firstPublishedAt ? new Date(parts.firstPublishedAt) : null;
  const validDate = date && !Number.isNaN(date.getTime()) ? date : null;
  const values: Record<string, string | null | undefined> = {
    section: parts.section,
    slug: parts.slug,
    documentId: parts.documentId,
    locale: parts.locale,
    year: validDate ? String(validDate.getUTCFullYear()) : null,
    month: validDate ? String(validDate.getUTCMonth() + 1).padStart(2, '0') : null,
    day: validDate ? String(validDate.getUTCDate()).padStart(2, '0') : null,
  };
  let missing = false;
  const path = pattern.replace(TOKEN, (_, name: string) => {
    const value = values[name]?.trim();
    if (!value) {
      missing = true;
      return '';
    }
    return encodeURIComponent(value);
  });
  if (missing) return null;
  return path.startsWith('/') ? path : `/${path}`;
}

/** The absolute URL of an article on the site, or null when it has no page yet (see articlePath). */
export function articleUrl(siteUrl: string, parts: ArticleUrlParts, pattern = DEFAULT_ARTICLE_PATH_PATTERN): string | null {
  const path = articlePath(parts, pattern);
  if (path === null) return null;
  return siteUrl.replace(/\/+$/, '') + path;
}
