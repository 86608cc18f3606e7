// The comments plugin's settings (set from env in config/plugins.ts), with their defaults and a
// check run when Strapi loads the plugin. Detector thresholds live under `detectors`.
export interface DetectorConfig {
  /** language-rules: share of letters in capitals above which a text "shouts" (texts of at least minLetters letters). */
  capsRatio: number;
  capsMinLetters: number;
  /** language-rules: a text longer than this with no sentence break at all. */
  maxSentenceLength: number;
  /** links: more than this many links holds the comment (spam). */
  maxLinks: number;
  /** links: domains (and their subdomains) that hold a comment (malware). */
  blockedDomains: string[];
  /** flooding: more than this many comments per minute from one account, or the same text again within the window. */
  floodPerMinute: number;
  floodRepeatMinutes: number;
  /** flash-mob: near-identical text from this many accounts on one story within the window: the third and later are held. */
  flashMobAccounts: number;
  flashMobMinutes: number;
  /** flash-mob: largest Hamming distance between two 64-bit SimHash fingerprints that still counts as "nearly the same". */
  flashMobDistance: number;
  /** profanity: extra banned and suspect words per locale (added to the built-in lists). */
  bannedWords: Record<string, string[]>;
  suspectWords: Record<string, string[]>;
  /** foreign-language: texts shorter than this are not language-checked (too short to tell). */
  languageMinLength: number;
  /** foreign-language: the detector's confidence (0..1) a guess needs before it counts. */
  languageMinAccuracy: number;
}

export interface CommentsConfig {
  /** The app's content types the plugin reads. */
  articleUid: string;
  sectionUid: string;
  /** Site name and the reader-facing links in mails. */
  siteName: string;
  siteUrl: string;
  /** Body limits (characters). */
  minLength: number;
  maxLength: number;
  /** Minutes a reader may edit their own comment after posting. */
  editWindowMinutes: number;
  /** Commenting closes this many days after first publication (0: never); a section may override it. */
  closeAfterDays: number;
  /** Pre-moderation for accounts with fewer approved comments than this. */
  premoderateUntilApproved: number;
  /** Reports from this many distinct accounts hold a comment for review. */
  reportsToHold: number;
  /** Page size of a thread listing (default and largest). */
  pageSize: number;
  maxPageSize: number;
  /** Per account and per address: posts allowed per window. */
  rateLimit: { accountPoints: number; addressPoints: number; durationSeconds: number };
  detectors: DetectorConfig;
}

export const defaultDetectors: DetectorConfig = {
  capsRatio: 0.7,
  capsMinLetters: 12,
  maxSentenceLength: 400,
  maxLinks: 2,
  blockedDomains: [],
  floodPerMinute: 5,
  floodRepeatMinutes: 60,
  flashMobAccounts: 3,
  flashMobMinutes: 10,
  flashMobDistance: 10,
  bannedWords: {},
  suspectWords: {},
  languageMinLength: 40,
  languageMinAccuracy: 0.6,
};

type NumberRule = { key: keyof DetectorConfig; min: number; max: number; integer: boolean };
const DETECTOR_NUMBERS: NumberRule[] = [
  { key: 'capsRatio', min: 0, max: 1, integer: false },
  { key: 'capsMinLetters', min: 1, max: 100_000, integer: true },
  { key: 'maxSentenceLength', min: 1, max: 1_000_000, integer: true },
  { key: 'maxLinks', min: 0, max: 10_000, integer: true },
  { key: 'floodPerMinute', min: 1, max: 10_000, integer: true },
  { key: 'floodRepeatMinutes', min: 0, max: 525_600, integer: true },
  { key: 'flashMobAccounts', min: 2, max: 10_000, integer: true },
  { key: 'flashMobMinutes', min: 1, max: 525_600, integer: true },
  { key: 'flashMobDistance', min: 0, max: 32, integer: true },
  { key: 'languageMinLength', min: 0, max: 1_000_000, integer: true },
  { key: 'languageMinAccuracy', min: 0, max: 1, integer: false },
];
const isWordLists = (v: unknown) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((list) => Array.isArray(list) && list.every((w) => typeof w === 'string'));

/** What is wrong with detector settings (empty when they are fine); unknown keys are mistakes too. */
export function detectorConfigProblems(d: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const known = new Set(Object.keys(defaultDetectors));
  for (const key of Object.keys(d)) if (!known.has(key)) problems.push(`unknown setting "${key}"`);
  for (const { key, min, max, integer } of DETECTOR_NUMBERS) {
    if (!(key in d)) continue;
    const v = d[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || (integer && !Number.isInteger(v)) || v < min || v > max) problems.push(`"${key}" must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max} (got ${JSON.stringify(v)})`);
  }
  if ('blockedDomains' in d && !(Array.isArray(d.blockedDomains) && d.blockedDomains.every((x) => typeof x === 'string'))) problems.push('"blockedDomains" must be a list of domain names');
  for (const key of ['bannedWords', 'suspectWords'] as const) if (key in d && !isWordLists(d[key])) problems.push(`"${key}" must map locales to lists of words, e.g. {"fr":["mot"]}`);
  return problems;
}

/** COMMENTS_DETECTORS: a JSON object of detector settings over the defaults, e.g. {"blockedDomains":["evil.example"],"floodPerMinute":3}. */
export function parseDetectorsEnv(raw: string | undefined): Partial<DetectorConfig> {
  if (!raw || !raw.trim()) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Error('COMMENTS_DETECTORS must be a JSON object, e.g. {"blockedDomains":["evil.example"]}.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('COMMENTS_DETECTORS must be a JSON object, e.g. {"blockedDomains":["evil.example"]}.');
  const problems = detectorConfigProblems(parsed as Record<string, unknown>);
  if (problems.length) throw new Error(`COMMENTS_DETECTORS: ${problems.join('; ')}.`);
  return parsed as Partial<DetectorConfig>;
}

const defaults: CommentsConfig = {
  articleUid: 'api::article.article',
  sectionUid: 'api::section.section',
  siteName: 'Newsroom',
  siteUrl: 'http://localhost:3000',
  minLength: 2,
  maxLength: 5000,
  editWindowMinutes: 15,
  closeAfterDays: 14,
  premoderateUntilApproved: 0,
  reportsToHold: 3,
  pageSize: 20,
  maxPageSize: 100,
  rateLimit: { accountPoints: 10, addressPoints: 30, durationSeconds: 60 },
  detectors: defaultDetectors,
};

const nonNegativeInts: Array<keyof CommentsConfig> = ['minLength', 'maxLength', 'editWindowMinutes', 'closeAfterDays', 'premoderateUntilApproved', 'reportsToHold', 'pageSize', 'maxPageSize'];

export default {
  default: defaults,
  validator(config: CommentsConfig) {
    for (const key of nonNegativeInts) {
      const value = config[key];
      if (!Number.isInteger(value) || (value as number) < 0) throw new Error(`comments plugin: "${key}" must be a whole number ≥ 0 (got ${String(value)}).`);
    }
    if (config.minLength < 1 || config.maxLength < config.minLength) throw new Error('comments plugin: minLength must be ≥ 1 and maxLength ≥ minLength.');
    if (config.reportsToHold < 1) throw new Error('comments plugin: reportsToHold must be ≥ 1.');
    if (config.pageSize < 1 || config.maxPageSize < config.pageSize) throw new Error('comments plugin: pageSize must be ≥ 1 and maxPageSize ≥ pageSize.');
    const detectorProblems = detectorConfigProblems((config.detectors ?? {}) as unknown as Record<string, unknown>);
    if (detectorProblems.length) throw new Error(`comments plugin detectors: ${detectorProblems.join('; ')}.`);
  },
};
