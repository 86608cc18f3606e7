// foreign-language: a comment written in a language other than the article's. Uses tinyld (pure JS,
// CommonJS build, no dependencies; answers ISO 639-1). Texts shorter than languageMinLength (links
// left out) are not checked; a guess below languageMinAccuracy does not count.
import { detectAll } from 'tinyld';
import type { DetectorConfig } from '../../server/config';
import type { Finding } from './types';
import { stripLinks } from './links';

type Config = Pick<DetectorConfig, 'languageMinLength' | 'languageMinAccuracy'>;

// ISO 639-3 (and 639-2/B) codes some locales use, to their 639-1 form.
const TO_639_1: Record<string, string> = { eng: 'en', fra: 'fr', fre: 'fr', deu: 'de', ger: 'de', spa: 'es', ita: 'it', por: 'pt', rus: 'ru', ukr: 'uk', bel: 'be', pol: 'pl', nld: 'nl', dut: 'nl', swe: 'sv', nob: 'nb', nno: 'nn', dan: 'da', fin: 'fi', ces: 'cs', cze: 'cs', slk: 'sk', slo: 'sk', ron: 'ro', rum: 'ro', hun: 'hu', ell: 'el', gre: 'el', tur: 'tr', ara: 'ar', arb: 'ar', heb: 'he', fas: 'fa', per: 'fa', hin: 'hi', jpn: 'ja', kor: 'ko', zho: 'zh', chi: 'zh', cmn: 'zh', vie: 'vi', ind: 'id', cat: 'ca', bul: 'bg', srp: 'sr', hrv: 'hr', slv: 'sl', lit: 'lt', lav: 'lv', est: 'et' };
// Languages the detector cannot tell apart reliably count as one.
const SAME: Record<string, string> = { nb: 'no', nn: 'no', no: 'no', bs: 'sr', hr: 'sr', sr: 'sr' };

export function languageOf(locale: string): string {
  const primary = locale.trim().toLowerCase().split(/[-_]/)[0];
  const two = TO_639_1[primary] ?? primary;
  return SAME[two] ?? two;
}

export function foreignLanguage(input: { body: string; articleLocale: string }, config: Config): Finding {
  const text = stripLinks(input.body).replace(/\s+/g, ' ').trim();
  const length = [...text].length;
  if (!input.articleLocale || length < config.languageMinLength) return { codes: [], score: 0, details: { checked: false, length } };
  const expected = languageOf(input.articleLocale);
  const guesses = detectAll(text);
  const top = guesses[0];
  if (!top || !top.lang) return { codes: [], score: 0, details: { checked: true, detected: null } };
  const detected = languageOf(top.lang);
  const accuracy = Math.round(top.accuracy * 100) / 100;
  const fired = detected !== expected && top.accuracy >= config.languageMinAccuracy;
  return {
    codes: fired ? ['foreign-language'] : [],
    score: fired ? 0.5 : detected !== expected ? 0.15 : 0,
    details: { checked: true, expected, detected, accuracy },
  };
}
