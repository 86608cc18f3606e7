// language-rules: a text that shouts (mostly capitals) or runs on without a sentence break.
import type { DetectorConfig } from '../../server/config';
import type { Finding } from './types';
import { stripLinks } from './links';

type Config = Pick<DetectorConfig, 'capsRatio' | 'capsMinLetters' | 'maxSentenceLength'>;

// A sentence ends at . ! ? … (and their CJK, Arabic, Devanagari forms), ; or a line break.
const SENTENCE_BREAK = /[.!?…;。！？؟।\n\r]+/u;

export function capitals(text: string): { letters: number; upper: number } {
  let letters = 0;
  let upper = 0;
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const up = ch.toUpperCase();
    if (lower === up) continue; // not a cased letter (digits, punctuation, scripts without case)
    letters += 1;
    if (ch === up) upper += 1;
  }
  return { letters, upper };
}

export function longestSentence(text: string): number {
  let longest = 0;
  for (const part of text.split(SENTENCE_BREAK)) longest = Math.max(longest, [...part.trim()].length);
  return longest;
}

export function languageRules(body: string, config: Config): Finding {
  // Links are neither shouting nor prose: leave them out of both checks.
  const text = stripLinks(body);
  const { letters, upper } = capitals(text);
  const ratio = letters ? upper / letters : 0;
  const shouting = letters >= config.capsMinLetters && ratio > config.capsRatio;
  const longest = longestSentence(text);
  const runOn = longest > config.maxSentenceLength;
  let score = 0;
  if (shouting) score = Math.max(score, 0.6);
  else if (letters >= config.capsMinLetters && ratio > config.capsRatio * 0.75) score = Math.max(score, 0.2);
  if (runOn) score = Math.max(score, 0.5);
  return {
    codes: shouting || runOn ? ['language-rules'] : [],
    score,
    details: { capitalsRatio: Math.round(ratio * 100) / 100, letters, shouting, longestSentence: longest, runOn },
  };
}
