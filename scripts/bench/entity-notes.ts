// Entity-note marking cost: 500 entities with 2,000 aliases (Latin and Cyrillic, inflected forms)
// against a 2,000-word article in 30 paragraphs. Prints the time marking adds per article (p50,
// p99) with the compiled matcher, as the article page uses it, and the one-off compile time.
import { performance } from 'perf_hooks';
import { annotate, applicableNotes, matcherEntries, type EntityRule } from '../../src/lib/entity-notes/annotate';
import { createMatcher } from '../../src/lib/entity-notes/matcher';

const ENTITIES = 500;
const ALIASES_PER_ENTITY = 4;
const WORDS = 2000;
const RUNS = 1000;

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
const LATIN = 'abcdefghijklmnopqrstuvwxyz';
const CYRILLIC = 'абвгдежзийклмнопрстуфхцчшщыэюя';
const word = (alphabet: string, min = 3, max = 9) => Array.from({ length: min + Math.floor(random() * (max - min)) }, () => pick([...alphabet])).join('');
const capital = (w: string) => w[0].toUpperCase() + w.slice(1);

const rules: EntityRule[] = Array.from({ length: ENTITIES }, (_, i) => {
  const cyr = i % 2 === 1;
  const alphabet = cyr ? CYRILLIC : LATIN;
  const name = `${capital(word(alphabet))} ${capital(word(alphabet))}`;
  const stem = name.slice(0, -1);
  const aliases = cyr ? ['а', 'у', 'ом', 'е'].map((ending) => `${stem}${ending}`) : [name.toUpperCase().replace(/ /g, ''), `${name} Group`, `the ${name}`, word(alphabet, 6, 10)];
  return {
    documentId: `e${String(i).padStart(4, '0')}`,
    name,
    marker: '*',
    scope: 'everywhere',
    sectionSlugs: [],
    validFrom: null,
    validUntil: null,
    firstMentionOnly: true,
    locales: [{ locale: 'xx', aliases: aliases.slice(0, ALIASES_PER_ENTITY), note: `Note ${i}` }],
  };
});
const aliasCount = rules.reduce((n, r) => n + r.locales[0].aliases.length, 0);

// 2,000 words: ordinary words with 40 entity mentions spread through, in 30 paragraphs.
const vocabulary = Array.from({ length: 3000 }, (_, i) => word(i % 3 === 0 ? CYRILLIC : LATIN));
const words: string[] = [];
while (words.length < WORDS) {
  if (random() < 0.02) {
    const r = pick(rules);
    const term = pick([r.name, ...r.locales[0].aliases]);
    words.push(...term.split(' '));
  } else words.push(pick(vocabulary) + (random() < 0.08 ? '.' : random() < 0.05 ? ',' : ''));
}
const paragraphs: string[] = [];
for (let i = 0; i < 30; i++) paragraphs.push(words.slice(Math.floor((i * WORDS) / 30), Math.floor(((i + 1) * WORDS) / 30)).join(' '));
paragraphs[3] += ' See https://example.org/' + rules[0].name.replace(/ /g, '-') + ' and <a href="/x" title="' + rules[2].name + '">this</a>.';
const segments = [{ path: 'title', text: `${rules[4].name} said today` }, { path: 'standfirst', text: paragraphs[0].slice(0, 200) }, ...paragraphs.map((text, i) => ({ path: `body.${i}.body`, text }))];

const t0 = performance.now();
const matcher = createMatcher(matcherEntries(rules, 'xx'));
const compileMs = performance.now() - t0;
const notes = applicableNotes(rules, { locale: 'xx', sectionSlug: null, now: new Date() });

const times: number[] = [];
let found = 0;
for (let i = 0; i < RUNS + 100; i++) {
  const start = performance.now();
  const result = annotate(segments, matcher, notes);
  const ms = performance.now() - start;
  if (i >= 100) times.push(ms);
  found = result.notes.length;
}
times.sort((a, b) => a - b);
const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
const p50 = at(0.5);
const countWords = segments.reduce((n, s) => n + s.text.split(/\s+/).length, 0);

process.stdout.write(
  [
    `Entity notes: ${ENTITIES} entities, ${aliasCount} aliases (${matcher.size} terms), article of ${countWords} words in ${segments.length} texts`,
    `  compile matcher (once per locale and note change): ${compileMs.toFixed(1)} ms`,
    `  marking adds per article: p50 ${p50.toFixed(3)} ms, p99 ${at(0.99).toFixed(3)} ms over ${RUNS} runs (${found} notes found)`,
    `  target p50 ≤ 2 ms: ${p50 <= 2 ? 'met' : 'NOT met'}`,
    '',
  ].join('\n'),
);
