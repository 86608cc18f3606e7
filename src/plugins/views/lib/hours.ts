// Hour buckets: whole hours since the epoch (UTC), so no time zone or database date type is involved.
export const HOUR_MS = 3_600_000;

export type ViewWindow = '24h' | '7d' | '30d';
export const VIEW_WINDOWS: readonly ViewWindow[] = ['24h', '7d', '30d'];
const WINDOW_HOURS: Record<ViewWindow, number> = { '24h': 24, '7d': 24 * 7, '30d': 24 * 30 };

export function hourOf(time: Date | number): number {
  return Math.floor((typeof time === 'number' ? time : time.getTime()) / HOUR_MS);
}

/** The first hour bucket inside a window ending now (the current, partial hour included). */
export function windowStartHour(window: ViewWindow, now: Date | number): number {
  return hourOf(now) - WINDOW_HOURS[window] + 1;
}

/** Hour buckets older than this are rolled up into days. */
export function retentionStartHour(retentionDays: number, now: Date | number): number {
  return hourOf(now) - retentionDays * 24 + 1;
}

/** Views per hour for the last `hours` hours, oldest first, zeros where nothing was counted. */
export function hourlySeries(rows: Array<{ hour: number; views: number }>, hours: number, now: Date | number): Array<{ hour: number; views: number }> {
  const last = hourOf(now);
  const byHour = new Map(rows.map((r) => [r.hour, r.views]));
  return Array.from({ length: hours }, (_, i) => {
    const hour = last - hours + 1 + i;
    return { hour, views: byHour.get(hour) ?? 0 };
  });
}
