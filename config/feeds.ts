// Feed settings: titles, locale, picture-week rules, public URLs and HTTP/response caching.
export default ({ env }: { env: any }) => ({
  title: env('FEED_TITLE', 'Newsroom'),
  description: env('FEED_DESCRIPTION', 'The latest news'),
  siteLocale: env('SITE_LOCALE', 'en-US'),
  /** 0 = Sunday … 6 = Saturday. */
  pictureWeekStartsOn: env.int('PICTURE_WEEK_STARTS_ON', 6),
  pictureWeekTitle: env('PICTURE_WEEK_TITLE', 'This Week in Pictures'),
  pictureWeekPathPattern: env('PICTURE_WEEK_PATH_PATTERN', '/pictures/{start}'),
  /** Absolute base of image and feed URLs in RSS, Atom and JSON Feed (the CMS itself). */
  cmsUrl: env('PUBLIC_URL', '') || `http://localhost:${env('PORT', '1337')}`,
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
