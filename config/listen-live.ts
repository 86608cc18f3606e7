// Listen Live settings: the response cache ceiling. The schedule's wall clock is the newsroom's
// time zone, SITE_TIME_ZONE, parsed once in config/feeds.ts (feeds.timeZone).
export default ({ env }: { env: any }) => ({
  /** Upper bound of max-age, in seconds; the programme on air may shorten it. */
  maxAge: env.int('LISTEN_LIVE_MAX_AGE', 60),
});
