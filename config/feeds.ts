// Feed settings: titles, locale, time zone, picture-week rules, public URLs and HTTP/response caching.
import { isTimeZone } from '../src/lib/weeks/picture-week';

function siteTimeZone(value: string): string {
  if (!isTimeZone(value)) throw new Error(`SITE_TIME_ZONE must be an IANA time zone such as Europe/Paris (got "${value}").`);
  return value;
}

function pictureWeekTitles(value: string): Record<string, string> {
  if (!value.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    parsed = null;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || Object.values(parsed).some((v) => typeof v !== 'string')) {
    throw new Error('PICTURE_WEEK_TITLES must be a JSON object of strings, e.g. {"fr":"Cette semaine en images"}.');
  }
  return parsed as Record<string, string>;
}

export default ({ env }: { env: any }) => ({
  title: env('FEED_TITLE', 'Newsroom'),
  description: env('FEED_DESCRIPTION', 'The latest news'),
  siteLocale: env('SITE_LOCALE', 'en-US'),
  /** IANA zone of the newsroom: picture weeks, their titles and ranges follow its calendar. */
  timeZone: siteTimeZone(env('SITE_TIME_ZONE', 'UTC')),
  /** 0 = Sunday … 6 = Saturday. */
  pictureWeekStartsOn: env.int('PICTURE_WEEK_STARTS_ON', 6),
  pictureWeekTitle: env('PICTURE_WEEK_TITLE', 'This Week in Pictures'),
  /** JSON object of title prefixes by locale or language: {"fr":"Cette semaine en images"}. */
  pictureWeekTitles: pictureWeekTitles(env('PICTURE_WEEK_TITLES', '')),
  pictureWeekPathPattern: env('PICTURE_WEEK_PATH_PATTERN', '/pictures/{start}'),
  /** Absolute base of image and feed URLs in RSS, Atom and JSON Feed (the CMS itself). */
  cmsUrl: env('PUBLIC_URL', '') || `http://localhost:${env('PORT', '1337')}`,
  /** Leave AI-generated images (IPTC digital source type) out of RSS, Atom and JSON Feed. */
  dropAiImages: env.bool('FEED_DROP_AI_IMAGES', false),
  cache: {
    enabled: env.bool('FEED_CACHE', true),
    ttlSeconds: env.int('FEED_CACHE_TTL', 300),
    maxEntries: env.int('FEED_CACHE_MAX_ENTRIES', 500),
  },
  http: {
    maxAge: env.int('FEED_MAX_AGE', 60),
    sMaxAge: env.int('FEED_S_MAXAGE', 300),
    staleWhileRevalidate: env.int('FEED_STALE_WHILE_REVALIDATE', 600),
  },
});
