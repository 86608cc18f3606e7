// When a pending deletion becomes final, and how many days a reader has left to restore.
const DAY_MS = 24 * 60 * 60 * 1000;

export function purgeAfter(requestedAt: Date, restoreDays: number): Date {
  return new Date(requestedAt.getTime() + restoreDays * DAY_MS);
}

export function isRestorable(requestedAt: Date, restoreDays: number, now: Date): boolean {
  return now.getTime() < purgeAfter(requestedAt, restoreDays).getTime();
}

export function daysLeft(requestedAt: Date, restoreDays: number, now: Date): number {
  return Math.max(0, Math.ceil((purgeAfter(requestedAt, restoreDays).getTime() - now.getTime()) / DAY_MS));
}
