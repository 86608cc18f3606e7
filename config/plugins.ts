// Plugin configuration: users-permissions JWT, GraphQL limits, upload type restrictions.
import { graphqlAuthRateLimit } from '../src/middlewares/rate-limit';
import { hideInternalErrorDetails, rejectNulBytes } from '../src/lib/security/graphql-guards';
import path from 'path';
import { emailPluginConfig } from '../src/plugins/accounts/server/mail-transport';
import { uploadProviderConfig } from '../src/lib/uploads/s3-provider';
import push from './push';
import { parseDetectorsEnv } from '../src/plugins/comments/server/config';

export default ({ env }: { env: any }) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      jwt: { expiresIn: env('JWT_EXPIRES_IN', '7d') },
      // users-permissions' own per-instance limiter (10 a minute); global::rate-limit covers the same
      // routes per IP. Test runs raise it (config/env/test/plugins.ts).
      ratelimit: { interval: 60000, max: 10 },
    },
  },
  graphql: {
    config: {
      endpoint: '/graphql',
      shadowCRUD: true,
      depthLimit: env.int('GRAPHQL_DEPTH_LIMIT', 10),
      defaultLimit: env.int('GRAPHQL_DEFAULT_LIMIT', 25),
      maxLimit: env.int('GRAPHQL_MAX_LIMIT', 100),
      landingPage: env('NODE_ENV', 'development') !== 'production',
      apolloServer: {
        introspection: env.bool('GRAPHQL_INTROSPECTION', env('NODE_ENV', 'development') !== 'production'),
        // Security (owned by the hardening work): no stack traces in production, the global
        // CORS allow-list instead of Apollo's "*", a body size limit, auth mutations rate-limited.
        includeStacktraceInErrorResponses: env('NODE_ENV', 'development') === 'development',
        cors: false,
        bodyParserConfig: { jsonLimit: env('GRAPHQL_BODY_LIMIT', '100kb'), enableTypes: ['json'] },
        plugins: [graphqlAuthRateLimit, rejectNulBytes, hideInternalErrorDetails],
      },
    },
  },
  // Reader accounts and privacy (src/plugins/accounts). The path is taken from this file's own
  // folder so the server loads the compiled plugin (dist/src/plugins/accounts) and the admin build
  // the sources; see HELPERS/README "Local plugins".
  accounts: {
    enabled: true,
    resolve: path.join(__dirname, '..', 'src', 'plugins', 'accounts'),
    config: {
      publicUrl: env('PUBLIC_URL', '') || `http://localhost:${env.int('PORT', 1337)}`,
      siteUrl: env('SITE_URL', 'http://localhost:3000'),
      siteName: env('FEED_TITLE', 'Newsroom'),
      restoreDays: env.int('ACCOUNT_RESTORE_DAYS', 30),
      captcha: { ttlSeconds: env.int('CAPTCHA_TTL', 600), difficulty: env.int('CAPTCHA_DIFFICULTY', 50000) },
      oidc: {
        issuer: env('OIDC_ISSUER', ''),
        clientId: env('OIDC_CLIENT_ID', ''),
        clientSecret: env('OIDC_CLIENT_SECRET', ''),
        scope: env.array('OIDC_SCOPE', ['openid', 'email', 'profile']),
        redirectUrl: env('OIDC_REDIRECT_URL', `${env('SITE_URL', 'http://localhost:3000')}/connect/oidc/redirect`),
      },
      avatar: { maxBytes: env.int('AVATAR_MAX_BYTES', 5 * 1024 * 1024), size: env.int('AVATAR_SIZE', 256) },
      rateLimit: {
        points: env.int('RATE_LIMIT_ACCOUNT_POINTS', 30),
        durationSeconds: env.int('RATE_LIMIT_ACCOUNT_DURATION', 300),
      },
    },
  },
  email: { config: emailPluginConfig(env) },
  // Local TypeScript plugin, compiled with the app: __dirname is <dist>/config, so this is its compiled copy.
  search: {
    enabled: true,
    resolve: path.join(__dirname, '..', 'src', 'plugins', 'search'),
  },
  upload: {
    config: {
      // UPLOAD_PROVIDER=s3: media in an S3-compatible store shared by every instance (src/lib/uploads/s3-provider.ts).
      ...uploadProviderConfig(process.env),
      sizeLimit: env.int('UPLOAD_MAX_FILE_SIZE', 50 * 1024 * 1024),
      // Checked against the declared type, the extension and the detected content.
      security: {
        allowedTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif', 'video/*', 'audio/*', 'application/pdf'],
        deniedTypes: ['text/html', 'application/xhtml+xml', 'image/svg+xml', 'text/xml', 'application/xml', 'text/javascript', 'application/javascript', 'application/x-sh', 'application/x-msdownload'],
      },
    },
  },
  // Readers' view counts (src/plugins/views). Resolved next to this compiled file, so the app and
  // the tests' compile (another dist directory) each load their own compiled plugin.
  views: {
    enabled: true,
    resolve: path.join(__dirname, '..', 'src', 'plugins', 'views'),
    config: {
      flushIntervalSeconds: env.int('VIEWS_FLUSH_INTERVAL', 5),
      dedupeMinutes: env.int('VIEWS_DEDUPE_MINUTES', 30),
      rateLimitPoints: env.int('VIEWS_RATE_LIMIT_POINTS', 60),
      rateLimitDurationSeconds: env.int('VIEWS_RATE_LIMIT_DURATION', 60),
      rankingTtlSeconds: env.int('VIEWS_RANKING_TTL', 60),
    },
  },
  // Comments and moderation (src/plugins/comments), a local TypeScript plugin resolved next to this
  // file like the others; detector thresholds and limits are documented in the README ("Comments").
  comments: {
    enabled: true,
    resolve: path.join(__dirname, '..', 'src', 'plugins', 'comments'),
    config: {
      siteName: env('FEED_TITLE', 'Newsroom'),
      siteUrl: env('SITE_URL', 'http://localhost:3000'),
      maxLength: env.int('COMMENTS_MAX_LENGTH', 5000),
      editWindowMinutes: env.int('COMMENTS_EDIT_WINDOW_MINUTES', 15),
      closeAfterDays: env.int('COMMENTS_CLOSE_AFTER_DAYS', 14),
      premoderateUntilApproved: env.int('COMMENTS_PREMODERATE_UNTIL', 0),
      reportsToHold: env.int('COMMENTS_REPORTS_TO_HOLD', 3),
      rateLimit: {
        accountPoints: env.int('COMMENTS_RATE_LIMIT_ACCOUNT', 10),
        addressPoints: env.int('COMMENTS_RATE_LIMIT_ADDRESS', 30),
        durationSeconds: env.int('COMMENTS_RATE_LIMIT_DURATION', 60),
      },
      // Detector thresholds over the defaults in src/plugins/comments/server/config.ts (README "Comments").
      detectors: parseDetectorsEnv(env('COMMENTS_DETECTORS', '')),
    },
  },
  // Web Push alerts (config/push.ts), a local TypeScript plugin resolved next to this file: the
  // server loads the compiled plugin beside the compiled config, the admin build its source.
  // Last: plugins bootstrap in this order, and push grants users-permissions roles made before it.
  push: { enabled: true, resolve: path.join(__dirname, '..', 'src', 'plugins', 'push'), config: push({ env }) },
});
