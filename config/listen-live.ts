// Listen Live settings: the newsroom's time zone (the schedule's wall clock) and the response cache ceiling.
import { isValidTimeZone } from '../src/lib/listen-live/schedule';

export default ({ env }: { env: any }) => {
  const timeZone = env('SITE_TIME_ZONE', 'UTC');
  if (!isValidTimeZone(timeZone)) throw new Error(`SITE_TIME_ZONE "${timeZone}" is not an IANA time zone (such as Europe/Berlin).`);
  return {
    timeZone,
    /** Upper bound of max-age, in seconds; the programme on air may shorten it. */
    maxAge: env.int('LISTEN_LIVE_MAX_AGE', 60),
  };
};
