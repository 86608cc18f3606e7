// Week math for "This Week in Pictures" in the newsroom's time zone (an IANA name): which week a
// day or an instant falls in, the week as a time range, and the week's title in a locale.
// Calendar days are plain YYYY-MM-DD strings; Dates stand for instants only.

export interface PictureWeek {
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, YYYY-MM-DD (inclusive). */
  end: string;
}

const DAY_MS = 86_400_000;

/** A calendar day at 00:00 UTC, for arithmetic on days that no time zone can shift. */
function utcDay(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);
/** The calendar day `n` days after (or before) `day`. */
export const shiftDay = (day: string, n: number): string => isoDay(new Date(utcDay(day).getTime() + n * DAY_MS));

/** Parses a strict YYYY-MM-DD calendar date (2018-02-30 is not one); the day at 00:00 UTC, or null. */
export function parseDay(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = utcDay(value);
  return !Number.isNaN(date.getTime()) && isoDay(date) === value ? date : null;
}

/** Whether `timeZone` is an IANA zone name this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/** The calendar day (YYYY-MM-DD) an instant falls on in `timeZone`. */
export function dayInZone(instant: Date, timeZone = 'UTC'): string {
  let f = dayFormats.get(timeZone);
  if (!f) dayFormats.set(timeZone, (f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const parts = Object.fromEntries(f.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();
/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in ms. */
function zoneOffset(instant: number, timeZone: string): number {
  let f = offsetFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    offsetFormats.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(instant)).map((x) => [x.type, Number(x.value)]));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant / 1000) * 1000;
}

/** The instant a calendar day begins in `timeZone` (00:00 there, or the first moment after a DST gap). */
export function startOfDayInZone(day: string, timeZone = 'UTC'): Date {
  const wall = utcDay(day).getTime();
  let guess = wall - zoneOffset(wall, timeZone);
  guess = wall - zoneOffset(guess, timeZone); // again at the guess: the offset may change that day
  return new Date(guess);
}

/** The week (weekStartsOn: 0 = Sunday … 6 = Saturday) that contains the given calendar day. */
export function weekContaining(day: Date | string, weekStartsOn = 6): PictureWeek {
  const start = utcDay(typeof day === 'string' ? day : isoDay(day));
  const offset = (start.getUTCDay() - weekStartsOn + 7) % 7;
  const first = isoDay(new Date(start.getTime() - offset * DAY_MS));
  return { start: first, end: shiftDay(first, 6) };
}

/** The week an instant falls in, by the newsroom's calendar. */
export function weekOfInstant(instant: Date, weekStartsOn = 6, timeZone = 'UTC'): PictureWeek {
  return weekContaining(dayInZone(instant, timeZone), weekStartsOn);
}

/** The latest week that has fully ended before `now` in `timeZone`. */
export function latestCompletedWeek(now: Date, weekStartsOn = 6, timeZone = 'UTC'): PictureWeek {
  const current = weekOfInstant(now, weekStartsOn, timeZone);
  return weekContaining(shiftDay(current.start, -1), weekStartsOn);
}

/** The week's days as a title range in `locale`, without years ("November 17 - 23", "17–23 novembre"). */
export function weekRangeLabel(week: PictureWeek, locale = 'en-US'): string {
  const start = utcDay(week.start);
  let end = utcDay(week.end);
  // Years are never shown: a week across New Year is formatted with both days in the start's year
  // (ECMA-402 formats a range in the order given), so formatRange leaves the year out.
  if (end.getUTCFullYear() !== start.getUTCFullYear()) end = new Date(Date.UTC(start.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate()));
  const range = new Intl.DateTimeFormat(locale, { month: 'long', day: 'numeric', timeZone: 'UTC' }).formatRange(start, end);
  // English as the site has always printed it: a spaced hyphen, not ICU's thin-spaced en dash.
  return /^en\b/i.test(locale) ? range.replace(/\s*–\s*/u, ' - ') : range;
}

/** "This Week in Pictures: November 17 - 23"; the prefix is the locale's (see PICTURE_WEEK_TITLES). */
export function pictureWeekTitle(week: PictureWeek, locale = 'en-US', prefix = 'This Week in Pictures'): string {
  return `${prefix}: ${weekRangeLabel(week, locale)}`;
}

/** The title prefix for a locale: its own, else its language's, else the default. */
export function titlePrefixFor(locale: string, prefixes: Record<string, string>, fallback: string): string {
  return prefixes[locale] ?? prefixes[locale.split('-')[0]] ?? fallback;
}

/** The week as a half-open time range [from, to) of instants in `timeZone`, for querying timestamps. */
export function weekRange(week: PictureWeek, timeZone = 'UTC'): { from: Date; to: Date } {
  return { from: startOfDayInZone(week.start, timeZone), to: startOfDayInZone(shiftDay(week.end, 1), timeZone) };
}

/** The moment the latest completed week changes: the end of the week that contains `now`. */
export function nextWeekBoundary(now: Date, weekStartsOn = 6, timeZone = 'UTC'): Date {
  return weekRange(weekOfInstant(now, weekStartsOn, timeZone), timeZone).to;
}
