// The typo candidates read from search_terms (readTitleTerms, the same SQL on both databases) on a
// real SQLite table: narrowed by the second and third letters, they still hold every headline word
// within one edit of what was typed, as a whole word and as the beginning of a word being typed.
import Database from 'better-sqlite3';
import { readTitleTerms } from '../../../../src/plugins/search/server/engines/types';
import { completesWithinOneEdit, withinOneEdit } from '../../../../src/plugins/search/lib/typo';

const LETTERS = 'aeiouylnrstkm';

/** Every word one substitution, deletion, insertion or swap away from `w`, the first letter kept. */
function oneEditAway(w: string): string[] {
  const out = new Set<string>();
  for (let i = 1; i <= w.length; i += 1) {
    if (i < w.length) out.add(w.slice(0, i) + w.slice(i + 1));
    if (i < w.length - 1) out.add(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
    for (const c of LETTERS) {
      out.add(w.slice(0, i) + c + w.slice(i));
      if (i < w.length) out.add(w.slice(0, i) + c + w.slice(i + 1));
    }
  }
  out.delete(w);
  return [...out];
}

describe('typo candidates from search_terms', () => {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE search_terms (locale TEXT NOT NULL, term TEXT NOT NULL, weight INTEGER NOT NULL DEFAULT 1, PRIMARY KEY (locale, term)) WITHOUT ROWID');
  const knex = { raw: async (sql: string, bindings: unknown[]) => db.prepare(sql).all(...(bindings as never[])) };
  const typedWords = ['climate', 'council', 'harbour', 'выборы', 'élection'];
  // The headline words: each typed word's one-edit neighbours, their longer completions, and others.
  const terms = new Set<string>(['cabinet', 'culture', 'hospital', 'вокзал', 'écoles']);
  for (const w of typedWords) for (const v of oneEditAway(w)) terms.add(v), terms.add(`${v}s`);
  const insert = db.prepare('INSERT OR IGNORE INTO search_terms (locale, term) VALUES (?, ?)');
  for (const t of terms) insert.run('en', t);

  it.each(typedWords)('keeps every headline word within one edit of "%s", whole or as a beginning, and fewer of the rest', async (typed) => {
    const firstLetter = [...terms].filter((t) => t.startsWith(Array.from(typed)[0]));
    const read = new Set((await readTitleTerms(knex, 'en', typed, 2)).map((t) => t.term));
    const whole = firstLetter.filter((t) => withinOneEdit(typed, t));
    const beginnings = firstLetter.filter((t) => completesWithinOneEdit(typed, t));
    expect(whole.length).toBeGreaterThan(20);
    expect(whole.filter((t) => !read.has(t))).toEqual([]);
    expect(beginnings.filter((t) => !read.has(t))).toEqual([]);
    // The narrowing is real: words of the first letter that no edit reaches are left out.
    expect(read.size).toBeLessThan(firstLetter.length);
  });

  it('reads a two-letter word without the narrowing', async () => {
    insert.run('en', 'ca');
    expect((await readTitleTerms(knex, 'en', 'cx', 2)).map((t) => t.term)).toEqual(expect.arrayContaining(['ca', 'cabinet', 'culture']));
  });
});
