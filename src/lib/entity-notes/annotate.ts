// Marks entity mentions in an article's texts (in reading order) and lists each applicable note
// once, in order of first mention. Pure: the entities, the matcher and the clock come in as arguments.
import type { Matcher } from './matcher';

export interface EntityNote {
  key: string;
  name: string;
  marker: string;
  note: string;
  firstMentionOnly: boolean;
}

export interface TextSegment {
  /** Where the text sits, e.g. "title", "body.2.body", "leadPhoto.caption". */
  path: string;
  text: string;
}

export interface Mention {
  entity: string;
  marker: string;
  /** Offsets of the mention in the marked text (end exclusive); the marker, when added, starts at `end`. */
  start: number;
  end: number;
  marked: boolean;
}

export interface MarkedSegment {
  path: string;
  text: string;
  mentions: Mention[];
}

export interface Annotation {
  segments: MarkedSegment[];
  /** Applicable notes mentioned at least once, in order of first mention. */
  notes: EntityNote[];
}

export function annotate(segments: TextSegment[], matcher: Matcher, notes: Map<string, EntityNote>): Annotation {
  const firstSeen = new Set<string>();
  const order: EntityNote[] = [];
  const allow = (key: string) => notes.has(key);
  const out = segments.map((segment): MarkedSegment => {
    const matches = segment.text ? matcher.find(segment.text, allow) : [];
    if (!matches.length) return { path: segment.path, text: segment.text, mentions: [] };
    let text = '';
    let from = 0;
    const mentions: Mention[] = [];
    for (const m of matches) {
      const note = notes.get(m.key)!;
      const first = !firstSeen.has(m.key);
      if (first) {
        firstSeen.add(m.key);
        order.push(note);
      }
      text += segment.text.slice(from, m.end);
      const start = text.length - (m.end - m.start);
      // An editor who already typed the marker by hand keeps one, not two.
      const typed = segment.text.startsWith(note.marker, m.end);
      const mark = (first || !note.firstMentionOnly) && !typed;
      mentions.push({ entity: m.key, marker: note.marker, start, end: text.length, marked: mark || typed });
      if (mark) text += note.marker;
      from = m.end;
    }
    text += segment.text.slice(from);
    return { path: segment.path, text, mentions };
  });
  return { segments: out, notes: order };
}

export interface EntityRule {
  documentId: string;
  name: string;
  marker: string;
  scope: 'everywhere' | 'sections';
  sectionSlugs: string[];
  validFrom: string | null;
  validUntil: string | null;
  firstMentionOnly: boolean;
  /** Per locale: aliases and the note. */
  locales: Array<{ locale: string; aliases: string[]; note: string }>;
}

/** The notes that apply to an article in `locale`, in `sectionSlug`, at `now`, less the suppressed ones. */
export function applicableNotes(
  rules: EntityRule[],
  ctx: { locale: string; sectionSlug: string | null; now: Date; suppressed?: Iterable<string> },
): Map<string, EntityNote> {
  const suppressed = new Set(ctx.suppressed ?? []);
  const out = new Map<string, EntityNote>();
  const t = ctx.now.getTime();
  for (const rule of rules) {
    if (suppressed.has(rule.documentId)) continue;
    if (rule.validFrom && Date.parse(rule.validFrom) > t) continue;
    if (rule.validUntil && Date.parse(rule.validUntil) <= t) continue;
    if (rule.scope === 'sections' && !(ctx.sectionSlug && rule.sectionSlugs.includes(ctx.sectionSlug))) continue;
    const text = rule.locales.find((l) => l.locale === ctx.locale);
    if (!text || !text.note.trim()) continue;
    out.set(rule.documentId, { key: rule.documentId, name: rule.name, marker: rule.marker || '*', note: text.note, firstMentionOnly: rule.firstMentionOnly });
  }
  return out;
}

/** The matcher's entries for one locale: each entity's name plus that locale's aliases. */
export function matcherEntries(rules: EntityRule[], locale: string): Array<{ key: string; terms: string[] }> {
  return [...rules]
    .sort((a, b) => (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0))
    .map((rule) => ({ key: rule.documentId, terms: [rule.name, ...(rule.locales.find((l) => l.locale === locale)?.aliases ?? [])] }));
}
