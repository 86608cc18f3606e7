// Defaults and a validator for the views plugin's settings (config/plugins.ts).
export interface ViewsConfig {
  /** The content type whose documents are counted. */
  articleUid: string;
  flushIntervalSeconds: number;
  /** One reader counts once per article within this many minutes. */
  dedupeMinutes: number;
  /** Hourly buckets older than this are rolled up into daily ones. */
  retentionDays: number;
  /** Beacons per client address within rateLimitDurationSeconds. */
  rateLimitPoints: number;
  rateLimitDurationSeconds: number;
  /** How long a most-read ranking is reused (0: computed on every request, for benchmarks). */
  rankingTtlSeconds: number;
}

export default {
  default: {
    articleUid: 'api::article.article',
    flushIntervalSeconds: 5,
    dedupeMinutes: 30,
    retentionDays: 30,
    rateLimitPoints: 60,
    rateLimitDurationSeconds: 60,
    rankingTtlSeconds: 60,
  } satisfies ViewsConfig,
  validator(config: ViewsConfig) {
    const whole = (name: keyof ViewsConfig, min: number, max: number) => {
      const v = config[name];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
        throw new Error(`views.${name} must be a whole number from ${min} to ${max} (got ${String(v)}).`);
      }
    };
    whole('flushIntervalSeconds', 1, 3600);
    whole('dedupeMinutes', 1, 24 * 60);
    whole('retentionDays', 1, 3650);
    whole('rateLimitPoints', 1, 1_000_000);
    whole('rateLimitDurationSeconds', 1, 86_400);
    whole('rankingTtlSeconds', 0, 3600);
    if (typeof config.articleUid !== 'string' || !config.articleUid.includes('::')) throw new Error('views.articleUid must be a content-type uid.');
  },
};
