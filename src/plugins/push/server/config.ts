// The push plugin's settings (set from env in config/plugins.ts) with their defaults and checks.
import { parseAllowedOrigins } from '../lib/allowed-origins';

export interface ArticleSource {
  /** The app's article type and how to recognise its first publication. */
  uid: string;
  sectionUid: string;
  /** Field on the article holding the first publication time; null: "no published version exists yet". */
  firstPublishedField: string | null;
  /** What the plugin loads from an article to describe it (fields and populate of the Document Service). */
  query: { fields: string[]; populate: Record<string, unknown> };
  /** Turns a published article into the alert's text, link and image, and names its section. */
  describe(article: Record<string, any>): { title: string; body: string; url: string | null; image: string | null; sectionSlug: string | null };
}

export interface PushConfig {
  vapid: { publicKey?: string; privateKey?: string; subject?: string };
  /** Comma-separated origins; empty: the browsers' push services. */
  allowedOrigins: string;
  ttlSeconds: number;
  concurrency: number;
  timeoutMs: number;
  maxAttempts: number;
  retryBaseSeconds: number;
  retryCapSeconds: number;
  jobEverySeconds: number;
  batchSize: number;
  dropFailingAfterDays: number;
  articles: ArticleSource;
}

const defaults: PushConfig = {
  vapid: {},
  allowedOrigins: '',
  ttlSeconds: 3600,
  concurrency: 50,
  timeoutMs: 10_000,
  maxAttempts: 5,
  retryBaseSeconds: 60,
  retryCapSeconds: 6 * 3600,
  jobEverySeconds: 5,
  batchSize: 500,
  dropFailingAfterDays: 30,
  articles: {
    uid: 'api::article.article',
    sectionUid: 'api::section.section',
    firstPublishedField: 'firstPublishedAt',
    query: { fields: ['title', 'standfirst', 'locale'], populate: { section: { fields: ['slug'] } } },
    describe: (a) => ({ title: a.title, body: a.standfirst ?? '', url: null, image: null, sectionSlug: a.section?.slug ?? null }),
  },
};

const positive = ['ttlSeconds', 'concurrency', 'timeoutMs', 'maxAttempts', 'retryBaseSeconds', 'retryCapSeconds', 'jobEverySeconds', 'batchSize', 'dropFailingAfterDays'] as const;

export default {
  default: defaults,
  validator(config: PushConfig) {
    for (const key of positive) {
      if (!Number.isInteger(config[key]) || config[key] < 1) throw new Error(`push.${key} must be a positive integer (got ${config[key]}).`);
    }
    if (config.ttlSeconds > 28 * 86400) throw new Error('PUSH_TTL is at most 2419200 seconds (28 days).');
    parseAllowedOrigins(config.allowedOrigins);
  },
};
