import { annotate, applicableNotes, matcherEntries, type EntityRule } from '../../../../src/lib/entity-notes/annotate';
import { createMatcher } from '../../../../src/lib/entity-notes/matcher';
import { markerProblem, termProblem } from '../../../../src/lib/entity-notes/check-terms';

const rule = (over: Partial<EntityRule> = {}): EntityRule => ({
  documentId: 'isis',
  name: 'Islamic State',
  marker: '*',
  scope: 'everywhere',
  sectionSlugs: [],
  validFrom: null,
  validUntil: null,
  firstMentionOnly: true,
  locales: [
    { locale: 'en', aliases: ['ISIS'], note: '*Terrorist group outlawed in Russia.' },
    { locale: 'ru', aliases: ['ИГИЛ', 'Исламского государства'], note: '*Террористическая организация, запрещена в России.' },
  ],
  ...over,
});
const now = new Date('2026-06-01T00:00:00Z');

function run(rules: EntityRule[], locale: string, texts: string[], ctx: Partial<Parameters<typeof applicableNotes>[1]> = {}) {
  const notes = applicableNotes(rules, { locale, sectionSlug: 'world', now, ...ctx });
  return annotate(texts.map((text, i) => ({ path: `t${i}`, text })), createMatcher(matcherEntries(rules, locale)), notes);
}

describe('annotate', () => {
  it('marks the first mention only by default and lists the note once', () => {
    const a = run([rule()], 'en', ['ISIS claims attack', 'ISIS said. Islamic State again.']);
    expect(a.segments.map((s) => s.text)).toEqual(['ISIS* claims attack', 'ISIS said. Islamic State again.']);
    expect(a.notes.map((n) => n.note)).toEqual(['*Terrorist group outlawed in Russia.']);
    expect(a.segments[0].mentions).toEqual([{ entity: 'isis', marker: '*', start: 0, end: 4, marked: true }]);
    expect(a.segments[1].mentions.map((m) => m.marked)).toEqual([false, false]);
  });

  it('marks every mention when first-mention-only is off, with span offsets in the marked text', () => {
    const a = run([rule({ firstMentionOnly: false, marker: '**' })], 'en', ['ISIS and ISIS']);
    expect(a.segments[0].text).toBe('ISIS** and ISIS**');
    expect(a.segments[0].mentions.map((m) => a.segments[0].text.slice(m.start, m.end))).toEqual(['ISIS', 'ISIS']);
  });

  it('uses the article locale: Russian aliases and note for a Russian story, none for a locale without a note', () => {
    const ru = run([rule()], 'ru', ['Удар ИГИЛ и Исламского государства']);
    expect(ru.segments[0].text).toBe('Удар ИГИЛ* и Исламского государства');
    expect(ru.notes[0].note).toMatch(/^\*Террористическая/);
    expect(run([rule()], 'fr', ['ISIS Islamic State']).notes).toEqual([]);
  });

  it('does not double a marker the editor typed', () => {
    expect(run([rule()], 'en', ['ISIS* claims']).segments[0].text).toBe('ISIS* claims');
  });

  it('applies scope, validity dates and suppression', () => {
    expect(run([rule({ scope: 'sections', sectionSlugs: ['politics'] })], 'en', ['ISIS']).notes).toHaveLength(0);
    expect(run([rule({ scope: 'sections', sectionSlugs: ['world'] })], 'en', ['ISIS']).notes).toHaveLength(1);
    expect(run([rule({ validFrom: '2026-07-01T00:00:00Z' })], 'en', ['ISIS']).notes).toHaveLength(0);
    expect(run([rule({ validUntil: '2026-05-01T00:00:00Z' })], 'en', ['ISIS']).notes).toHaveLength(0);
    expect(run([rule()], 'en', ['ISIS'], { suppressed: ['isis'] }).segments[0].text).toBe('ISIS');
  });

  it('orders notes by first mention across segments', () => {
    const hamas = rule({ documentId: 'hamas', name: 'Hamas', marker: '**', locales: [{ locale: 'en', aliases: [], note: '**Hamas note' }] });
    const a = run([rule(), hamas], 'en', ['Hamas today', 'ISIS later']);
    expect(a.notes.map((n) => n.key)).toEqual(['hamas', 'isis']);
  });
});

describe('save-time checks', () => {
  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['a', /single character/],
    ['Я', /single character/],
    ['***', /no letters/],
    ['a.', /single letter/],
    ['the', /common word/],
    ['И', /single/],
    ['это', /common word/],
    ['-Hamas', /begin and end/],
    ['x'.repeat(201), /longer/],
    [42, /text/],
  ])('refuses the alias %p', (alias, reason) => {
    expect(termProblem(alias)).toMatch(reason);
  });

  it.each(['Hamas', 'ИГИЛ', 'Société Générale', 'G7', 'Al-Qaeda'])('accepts %p', (alias) => expect(termProblem(alias)).toBeNull());

  it('checks markers', () => {
    expect(markerProblem('*')).toBeNull();
    expect(markerProblem('¹')).toBeNull();
    expect(markerProblem('†‡*')).toBeNull();
    expect(markerProblem('****')).toMatch(/at most 3/);
    expect(markerProblem('')).toMatch(/1 to 3/);
    expect(markerProblem('a')).toMatch(/symbols/);
    expect(markerProblem('<')).toMatch(/symbols/);
    expect(markerProblem('1')).toMatch(/symbols/);
  });
});
