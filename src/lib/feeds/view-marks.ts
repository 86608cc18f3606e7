// Live view counts in cached feed bodies. A feed is rendered with a placeholder number for each
// item's viewCount (MARK_BASE + its index); the cache keeps the body split at those numbers and
// each response is filled with the current totals, so a flush never purges a cached page.
export const MARK_BASE = 987_654_321_000_000;
const MAX_MARKS = 10_000;
const MARK = /(?<!\d)987654321(\d{6})(?!\d)/g;

export interface MarkedBody {
  /** Body text around the placeholders: parts.length === slots.length + 1. */
  parts: string[];
  /** For each placeholder, the index into `ids`. */
  slots: number[];
  ids: string[];
}

/** Gives each distinct documentId a placeholder viewCount, in order; returns the ids in placeholder order. */
export function markViewCounts<T extends { documentId: string; viewCount?: number }>(items: T[], ids: string[] = []): string[] {
  for (const item of items) {
    let index = ids.indexOf(item.documentId);
    if (index < 0 && ids.length < MAX_MARKS) index = ids.push(item.documentId) - 1;
    item.viewCount = index < 0 ? 0 : MARK_BASE + index;
  }
  return ids;
}

/** Splits a rendered body at its placeholders (none: a single part). */
export function splitMarked(body: string, ids: string[]): MarkedBody {
  const parts: string[] = [];
  const slots: number[] = [];
  let last = 0;
  for (const m of body.matchAll(MARK)) {
    const index = Number(m[1]);
    if (index >= ids.length) continue;
    parts.push(body.slice(last, m.index));
    slots.push(index);
    last = m.index! + m[0].length;
  }
  parts.push(body.slice(last));
  return { parts, slots, ids };
}

/** The body with each placeholder replaced by its article's current total (0 when unknown). */
export function fillMarked(marked: MarkedBody, totals: Map<string, number>): string {
  let out = marked.parts[0];
  for (let i = 0; i < marked.slots.length; i++) out += String(totals.get(marked.ids[marked.slots[i]]) ?? 0) + marked.parts[i + 1];
  return out;
}

/** Replaces placeholder viewCounts in plain objects (GraphQL answers) with current totals. */
export function fillObjects<T extends { documentId: string; viewCount?: number }>(items: T[], totals: Map<string, number>): T[] {
  for (const item of items) if (item.viewCount !== undefined) item.viewCount = totals.get(item.documentId) ?? 0;
  return items;
}
