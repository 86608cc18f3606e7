// The radio schedule's clock: which programme is on air and which comes next, from a weekly
// schedule written in the newsroom's wall-clock time (ISO weekdays, "HH:mm"), for any instant.
import { TZDate } from '@date-fns/tz';
import { isTimeZone } from '../weeks/picture-week';

export interface Programme {
  title: string;
  host?: string | null;
  /** ISO weekday of the start: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Wall-clock "HH:mm" in the newsroom's time zone. */
  start: string;
  /** Wall-clock "HH:mm"; at or before `start` means the programme ends the next day ("24:00" is midnight). */
  end: string;
}

export interface Slot {
  title: string;
  host: string | null;
  startsAt: string;
  endsAt: string;
}

export interface OnAir {
  onAir: Slot | null;
  next: Slot | null;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** What is wrong with one programme, or null (for validating editors' input). */
export function programmeError(p: Programme): string | null {
  if (!p.title?.trim()) return 'A programme needs a title.';
  if (!Number.isInteger(p.weekday) || p.weekday < 1 || p.weekday > 7) return `"${p.title}": weekday must be 1 (Monday) to 7 (Sunday).`;
  if (!TIME.test(p.start) || p.start === '24:00') return `"${p.title}": start must be a time "HH:mm" from 00:00 to 23:59.`;
  if (!TIME.test(p.end)) return `"${p.title}": end must be a time "HH:mm" from 00:01 to 24:00.`;
  return null;
}

function minutes(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/** The instant of a wall-clock time on a calendar day in `timeZone` (a time skipped by DST moves forward). */
function instant(year: number, month: number, day: number, minuteOfDay: number, timeZone: string): number {
  return new TZDate(year, month, day, Math.floor(minuteOfDay / 60), minuteOfDay % 60, timeZone).getTime();
}

/**
 * The programme on air at `now` (null between programmes) and the next one to start.
 * Occurrences are laid out from last week to next week around `now`, so programmes that run
 * past midnight or from Sunday into Monday are found on either side. When two overlap, the
 * one that started last is on air.
 */
export function onAirAt(programmes: Programme[], now: Date, timeZone: string): OnAir {
  if (!isTimeZone(timeZone)) throw new RangeError(`Unknown time zone "${timeZone}".`);
  const today = new TZDate(now.getTime(), timeZone);
  const isoWeekday = today.getDay() === 0 ? 7 : today.getDay();
  const t = now.getTime();
  let onAir: { p: Programme; start: number; end: number } | null = null;
  let next: { p: Programme; start: number; end: number } | null = null;

  for (const p of programmes) {
    if (programmeError(p)) continue;
    const startMin = minutes(p.start);
    const endMin = minutes(p.end);
    const overnight = endMin <= startMin;
    for (const week of [-1, 0, 1]) {
      const offset = p.weekday - isoWeekday + week * 7;
      // Calendar arithmetic on the local date (not adding 24 h), so DST days keep their wall clock.
      const day = new TZDate(today.getFullYear(), today.getMonth(), today.getDate() + offset, 12, 0, timeZone);
      const start = instant(day.getFullYear(), day.getMonth(), day.getDate(), startMin, timeZone);
      const endDay = overnight ? new TZDate(day.getFullYear(), day.getMonth(), day.getDate() + 1, 12, 0, timeZone) : day;
      const end = instant(endDay.getFullYear(), endDay.getMonth(), endDay.getDate(), endMin, timeZone);
      if (end <= start) continue; // a slot swallowed entirely by a DST gap
      if (start <= t && t < end && (!onAir || start > onAir.start)) onAir = { p, start, end };
      if (start > t && (!next || start < next.start)) next = { p, start, end };
    }
  }
  const slot = (s: { p: Programme; start: number; end: number } | null): Slot | null =>
    s && { title: s.p.title, host: s.p.host?.trim() || null, startsAt: new Date(s.start).toISOString(), endsAt: new Date(s.end).toISOString() };
  return { onAir: slot(onAir), next: slot(next) };
}

/**
 * Seconds a response may be cached: never past the end of the programme on air, nor past the
 * start of the next one (when nothing is on air), and at most `ceiling`. Rounded down, so 0
 * in a programme's last second: the response is then not cached at all.
 */
export function maxAgeSeconds(state: OnAir, now: Date, ceiling: number): number {
  const boundaries = [state.onAir?.endsAt, state.next?.startsAt].filter((x): x is string => Boolean(x)).map((x) => Date.parse(x));
  const until = boundaries.length ? Math.min(...boundaries) - now.getTime() : ceiling * 1000;
  return Math.max(0, Math.min(ceiling, Math.floor(until / 1000)));
}
