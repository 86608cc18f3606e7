// profanity: banned and suspect word lists per locale (words/<language>.json plus configuration),
// compared after folding look-alike characters and leetspeak; English also through the `obscenity`
// package's dataset and transformers. A banned word fires `profanity`; suspect words only raise the score.
import { DataSet, RegExpMatcher, englishDataset, englishRecommendedTransformers } from 'obscenity';
import type { DetectorConfig } from '../../server/config';
import type { Finding } from './types';
import en from './words/en.json';
import fr from './words/fr.json';
import ru from './words/ru.json';

type Config = Pick<DetectorConfig, 'bannedWords' | 'suspectWords'>;
interface WordList { banned: string[]; suspect: string[] }

export const builtInLists: Record<string, WordList> = { en, fr, ru };

// Cyrillic letters that look like Latin ones, and the reverse; digits and symbols of leetspeak.
const CYRILLIC_TO_LATIN: Record<string, string> = { а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', ь: 'b', п: 'n', г: 'r', и: 'u' };
const LATIN_TO_CYRILLIC: Record<string, string> = { a: 'а', b: 'в', c: 'с', e: 'е', h: 'н', k: 'к', m: 'м', o: 'о', p: 'р', t: 'т', x: 'х', y: 'у', u: 'и', n: 'п', r: 'г', i: 'и', '0': 'о', '3': 'з', '4': 'ч', '6': 'б', '@': 'а' };
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '2': 'z', '3': 'e', '4': 'a', '5': 's', '6': 'g', '7': 't', '8': 'b', '9': 'g', '@': 'a', $: 's', '!': 'i', '|': 'l', '€': 'e', '£': 'l', '+': 't' };
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATINISH = /[\p{Script=Latin}0-9@$!|€£+]/u;

function base(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').normalize('NFKC').toLowerCase();
}

function collapse(word: string): string {
  return word.replace(/(.)\1+/gu, '$1');
}

function mapChars(word: string, table: Record<string, string>): string {
  let out = '';
  for (const ch of word) out += table[ch] ?? ch;
  return out;
}

/** The folded forms of one token: Latin-script reading and, when it has Cyrillic letters, the Cyrillic reading. */
export function foldToken(raw: string): string[] {
  const token = base(raw);
  const forms = new Set<string>();
  if (LATINISH.test(token) || !CYRILLIC.test(token)) {
    const latin = mapChars(mapChars(token, CYRILLIC_TO_LATIN), LEET);
    forms.add(collapse(latin));
    // "1" and "|" read as "l" as often as "i".
    if (/[1|!]/.test(token)) forms.add(collapse(mapChars(mapChars(token.replace(/[1|!]/g, 'l'), CYRILLIC_TO_LATIN), LEET)));
  }
  if (CYRILLIC.test(token)) forms.add(collapse(mapChars(token, LATIN_TO_CYRILLIC)));
  return [...forms].filter((f) => f.length > 0);
}

/** The text as tokens (leet symbols kept inside words), runs of single spaced-out letters joined ("f u c k"). */
export function tokens(text: string): string[] {
  const raw = base(text)
    .split(/[^\p{L}\p{N}@$!|€£+*]+/u)
    .map((t) => t.replace(/^[!|*+]+|[!|*+]+$/g, ''))
    .filter(Boolean);
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 3) out.push(run.join(''));
    run = [];
  };
  for (const token of raw) {
    out.push(token);
    if ([...token].length === 1) run.push(token);
    else flush();
  }
  flush();
  return out;
}

interface Entry { word: string; prefix: boolean; phrase: boolean; label: string }
interface EntrySet { exact: Map<string, string>; prefixes: Entry[]; phrases: Entry[]; all: Entry[] }
interface Compiled { banned: EntrySet; suspect: EntrySet }

function compileEntry(label: string): Entry | null {
  const trimmed = base(label.trim());
  if (!trimmed) return null;
  const prefix = trimmed.endsWith('*');
  const words = trimmed.replace(/\*+$/, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean).map(collapse);
  if (!words.length) return null;
  return { word: words.join(' '), prefix, phrase: words.length > 1, label: label.trim() };
}

function entrySet(labels: string[]): EntrySet {
  const all = labels.map(compileEntry).filter((e): e is Entry => e !== null);
  const exact = new Map<string, string>();
  for (const e of all) if (!e.phrase && !e.prefix && !exact.has(e.word)) exact.set(e.word, e.label);
  return { exact, prefixes: all.filter((e) => !e.phrase && e.prefix), phrases: all.filter((e) => e.phrase), all };
}

const compiled = new WeakMap<Config, Map<string, Compiled>>();

function listsFor(locale: string, config: Config): Compiled {
  let byLocale = compiled.get(config);
  if (!byLocale) {
    byLocale = new Map();
    compiled.set(config, byLocale);
  }
  const key = locale.toLowerCase();
  const hit = byLocale.get(key);
  if (hit) return hit;
  const language = key.split(/[-_]/)[0];
  const keys = [...new Set([language, key])];
  const pick = (kind: 'banned' | 'suspect', extra: Record<string, string[]>) => entrySet([...(builtInLists[language]?.[kind] ?? []), ...keys.flatMap((k) => extra?.[k] ?? [])]);
  const result = { banned: pick('banned', config.bannedWords), suspect: pick('suspect', config.suspectWords) };
  byLocale.set(key, result);
  return result;
}

/** A masked form ("f*ck") against an entry, character by character ('*' stands for any one). */
function maskedMatches(form: string, entry: Entry): boolean {
  const f = [...form];
  const w = [...entry.word];
  if (entry.prefix ? f.length < w.length : f.length !== w.length) return false;
  for (let i = 0; i < w.length; i += 1) if (f[i] !== w[i] && f[i] !== '*') return false;
  return true;
}

/** Entries of the list found in the text (their labels, unique). */
export function matchList(textTokens: string[][], entries: EntrySet): string[] {
  const found = new Set<string>();
  for (const forms of textTokens) {
    for (const form of forms) {
      if (!form.includes('*')) {
        const label = entries.exact.get(form);
        if (label) found.add(label);
        for (const entry of entries.prefixes) if (form.startsWith(entry.word)) found.add(entry.label);
        continue;
      }
      // A masked word ("f*ck") counts only with at least two real letters, most of it unmasked.
      const masked = [...form].filter((c) => c === '*').length;
      if (form.length - masked < 2 || masked * 2 > form.length) continue;
      for (const entry of entries.all) if (!entry.phrase && maskedMatches(form, entry)) found.add(entry.label);
    }
  }
  if (entries.phrases.length) {
    // For phrases: the token sequence in its first folded form.
    const sequence = ` ${textTokens.map((forms) => forms[0] ?? '').join(' ')} `;
    for (const entry of entries.phrases) {
      if (entry.prefix ? sequence.includes(` ${entry.word}`) : sequence.includes(` ${entry.word} `)) found.add(entry.label);
    }
  }
  return [...found];
}

let english: RegExpMatcher | null = null;
const englishData = new DataSet<{ originalWord: string }>().addAll(englishDataset);
function englishMatcher(): RegExpMatcher {
  if (!english) {
    const built = englishData.build();
    english = new RegExpMatcher({
      ...built,
      // Latin phrases and names that contain an English swear word.
      whitelistedTerms: [...(built.whitelistedTerms ?? []), 'cum laude', 'magna cum', 'summa cum'],
      ...englishRecommendedTransformers,
    });
  }
  return english;
}

function obscenityWords(body: string): string[] {
  const words = new Set<string>();
  for (const match of englishMatcher().getAllMatches(body, true)) {
    const word = englishData.getPayloadWithPhraseMetadata(match).phraseMetadata?.originalWord;
    words.add(word ?? 'obscenity');
  }
  return [...words];
}

export function profanity(input: { body: string; articleLocale: string }, config: Config): Finding {
  const lists = listsFor(input.articleLocale || 'en', config);
  const textTokens = tokens(input.body).map(foldToken);
  const banned = new Set(matchList(textTokens, lists.banned));
  const language = (input.articleLocale || 'en').toLowerCase().split(/[-_]/)[0];
  if (language === 'en') for (const word of obscenityWords(input.body)) banned.add(word);
  const suspect = matchList(textTokens, lists.suspect).filter((w) => !banned.has(w));
  let score = 0;
  if (banned.size) score = Math.min(0.95, 0.75 + 0.05 * banned.size);
  else if (suspect.length) score = Math.min(0.5, 0.15 * suspect.length);
  return { codes: banned.size ? ['profanity'] : [], score, details: { banned: [...banned], suspect } };
}
