// Settings of the accounts plugin (config/plugins.ts passes them from env), with defaults and a validator.
export interface AccountsConfig {
  /** Public URL of the CMS: the confirm pages live under it. */
  publicUrl: string;
  /** The news site, for links back to it. */
  siteUrl: string;
  siteName: string;
  restoreDays: number;
  captcha: { ttlSeconds: number; difficulty: number };
  /** Hours between two exports of the same reader. */
  exportIntervalHours: number;
  /** Requests per client IP per account route family within `durationSeconds`. */
  rateLimit: { points: number; durationSeconds: number };
  avatar: { maxBytes: number; size: number };
  defaultLocale: string;
  /** Generic OpenID Connect login; off while `issuer` is empty. */
  oidc: { issuer: string; clientId: string; clientSecret: string; scope: string[]; redirectUrl: string };
  /** The app's users-permissions user uid (a plugin reads app content by uid from its config). */
  userUid: string;
}

export default {
  default: {
    publicUrl: 'http://localhost:1337',
    siteUrl: 'http://localhost:3000',
    siteName: 'Newsroom',
    restoreDays: 30,
    captcha: { ttlSeconds: 600, difficulty: 50000 },
    exportIntervalHours: 24,
    rateLimit: { points: 30, durationSeconds: 300 },
    avatar: { maxBytes: 5 * 1024 * 1024, size: 256 },
    defaultLocale: 'en',
    userUid: 'plugin::users-permissions.user',
    oidc: { issuer: '', clientId: '', clientSecret: '', scope: ['openid', 'email', 'profile'], redirectUrl: 'http://localhost:3000/connect/oidc/redirect' },
  } satisfies AccountsConfig,
  validator(config: AccountsConfig) {
    const positive = (name: string, value: number) => {
      if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer (got ${value})`);
    };
    positive('restoreDays (ACCOUNT_RESTORE_DAYS)', config.restoreDays);
    positive('captcha.ttlSeconds (CAPTCHA_TTL)', config.captcha.ttlSeconds);
    positive('captcha.difficulty (CAPTCHA_DIFFICULTY)', config.captcha.difficulty);
    if (config.captcha.difficulty < 2) throw new Error('captcha.difficulty (CAPTCHA_DIFFICULTY) must be at least 2');
    positive('exportIntervalHours', config.exportIntervalHours);
    if (config.oidc.issuer && (!config.oidc.clientId || !config.oidc.clientSecret)) {
      throw new Error('OIDC_ISSUER is set: OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are needed too');
    }
    for (const url of [config.publicUrl, config.siteUrl]) {
      if (!/^https?:\/\//.test(url)) throw new Error(`accounts: "${url}" is not an http(s) URL (PUBLIC_URL, SITE_URL)`);
    }
  },
};
