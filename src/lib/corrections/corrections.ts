// Corrections, updates and clarifications on a published story: newest first, and the time
// readers see as "updated" (the last such note, never a silent save).

export type CorrectionKind = 'correction' | 'update' | 'clarification';
export const CORRECTION_KINDS: readonly CorrectionKind[] = ['correction', 'update', 'clarification'];

export interface Correction {
  at: string;
  kind: CorrectionKind;
  text: string;
}

const LABELS: Record<CorrectionKind, string> = { correction: 'Correction', update: 'Update', clarification: 'Clarification' };

/** The notes as stored (any order, loosely typed), valid ones only, newest first. */
export function toCorrections(raw: unknown): Correction[] {
  if (!Array.isArray(raw)) return [];
  const out: Correction[] = [];
  for (const c of raw as Array<Record<string, unknown> | null>) {
    if (!c) continue;
    const at = c.at instanceof Date ? c.at : new Date(typeof c.at === 'string' && /^\d+$/.test(c.at) ? Number(c.at) : (c.at as string));
    if (Number.isNaN(at.getTime()) || typeof c.text !== 'string' || !c.text.trim()) continue;
    const kind = CORRECTION_KINDS.includes(c.kind as CorrectionKind) ? (c.kind as CorrectionKind) : 'correction';
    out.push({ at: at.toISOString(), kind, text: c.text.trim() });
  }
  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** What readers see as the story's update time: the newest note's, else null (never updated). */
export function lastCorrectionAt(corrections: Correction[]): string | null {
  return corrections[0]?.at ?? null;
}

/** One line per note for plain-text feeds: "Correction (2026-05-01 10:00 UTC): …". */
export function correctionLine(c: Correction): string {
  return `${LABELS[c.kind]} (${c.at.slice(0, 16).replace('T', ' ')} UTC): ${c.text}`;
}
