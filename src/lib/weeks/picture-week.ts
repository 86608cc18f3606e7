// Week math for "This Week in Pictures": which week a day falls in, and the week's title.
import { addDays, differenceInCalendarDays, format, isValid, parse } from 'date-fns';

export interface PictureWeek {
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day, YYYY-MM-DD (inclusive). */
  end: string;
}

const DAY = 'yyyy-MM-dd';

/** Parses a strict YYYY-MM-DD calendar date; null for anything else (2018-02-30 included). */
export function parseDay(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = parse(value, DAY, new Date(0));
  return isValid(date) && format(date, DAY) === value ? date : null;
}

/** The week (weekStartsOn: 0 = Sunday … 6 = Saturday) that contains the given day. */
export function weekContaining(day: Date, weekStartsOn = 6): PictureWeek {
  const offset = (day.getDay() - weekStartsOn + 7) % 7;
  const start = addDays(new Date(day.getFullYear(), day.getMonth(), day.getDate()), -offset);
  return { start: format(start, DAY), end: format(addDays(start, 6), DAY) };
}

/** The latest week that has fully ended before `now`. */
export function latestCompletedWeek(now: Date, weekStartsOn = 6): PictureWeek {
  const current = weekContaining(now, weekStartsOn);
  return weekContaining(addDays(parseDay(current.start)!, -1), weekStartsOn);
}

/**
 * "This Week in Pictures: November 17 - 23"; across months "December 29 - January 4".
 * Month names follow the site's locale through Intl.
 */
export function pictureWeekTitle(week: PictureWeek, locale = 'en-US', prefix = 'This Week in Pictures'): string {
  const start = parseDay(week.start)!;
  const end = parseDay(week.end)!;
  const month = new Intl.DateTimeFormat(locale, { month: 'long' });
  const sameMonth = start.getMonth() === end.getMonth() && differenceInCalendarDays(end, start) < 31;
  const left = `${month.format(start)} ${start.getDate()}`;
  const right = sameMonth ? `${end.getDate()}` : `${month.format(end)} ${end.getDate()}`;
  return `${prefix}: ${left} - ${right}`;
}

/** The week as a half-open time range [from, to) in local time, for querying timestamps. */
export function weekRange(week: PictureWeek): { from: Date; to: Date } {
  return { from: parseDay(week.start)!, to: addDays(parseDay(week.end)!, 1) };
}

/** The moment the latest completed week changes: the end of the week that contains `now`. */
export function nextWeekBoundary(now: Date, weekStartsOn = 6): Date {
  return weekRange(weekContaining(now, weekStartsOn)).to;
}
