// The automatic checks run before a comment goes up. Each detector is a small pure module; this
// module runs them all and combines their findings: the standard codes that fired (unique, in a
// fixed order), a score in 0..1 and each detector's details. A detector never rejects: a code
// holds the comment for review.
import type { DetectorConfig } from '../../server/config';
import { defaultDetectors } from '../../server/config';
import { flashMob } from './flash-mob';
import { flooding } from './flooding';
import { foreignLanguage } from './foreign-language';
import { languageRules } from './language-rules';
import { links } from './links';
import { profanity } from './profanity';
import { fingerprint, textHash } from './text';
import type { Finding } from './types';

export interface RecentComment { authorId: number; body: string; textHash: string; fingerprint: string; createdAt: Date }
export interface DetectorInput {
  body: string; articleLocale: string; authorId: number; now: Date;
  recentByAuthor: RecentComment[];   // this author's comments (any article) within max(1 min, floodRepeatMinutes)
  recentOnArticle: RecentComment[];  // this article's comments (other authors included) within flashMobMinutes
}
export interface DetectorResult { codes: string[]; score: number; details: Record<string, unknown> }

export { fingerprint, textHash } from './text';
export { hammingDistance, normalise } from './text';

/** The standard codes a detector can fire, in the order runDetectors reports them. */
export const DETECTOR_CODES = ['malware', 'spam', 'profanity', 'flash-mob', 'flooding', 'language-rules', 'foreign-language'] as const;

export function runDetectors(input: DetectorInput, config: DetectorConfig): DetectorResult {
  // Missing settings (an older config object) fall back to the defaults.
  const settings: DetectorConfig = { ...defaultDetectors, ...config };
  const hash = textHash(input.body);
  const print = fingerprint(input.body);
  const findings: Record<string, Finding> = {
    'language-rules': languageRules(input.body, settings),
    links: links(input.body, settings),
    flooding: flooding({ authorId: input.authorId, now: input.now, textHash: hash, recentByAuthor: input.recentByAuthor ?? [] }, settings),
    'flash-mob': flashMob({ authorId: input.authorId, now: input.now, textHash: hash, fingerprint: print, recentOnArticle: input.recentOnArticle ?? [] }, settings),
    profanity: profanity(input, settings),
    'foreign-language': foreignLanguage(input, settings),
  };
  const fired = new Set<string>();
  let clean = 1;
  const details: Record<string, unknown> = {};
  for (const [name, finding] of Object.entries(findings)) {
    for (const code of finding.codes) fired.add(code);
    clean *= 1 - Math.min(1, Math.max(0, finding.score));
    details[name] = finding.details;
  }
  const codes = DETECTOR_CODES.filter((code) => fired.has(code));
  // Independent suspicions combine like probabilities: 1 − Π(1 − sᵢ).
  const score = Math.round((1 - clean) * 1000) / 1000;
  return { codes: [...codes], score, details };
}
