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
  },
};
