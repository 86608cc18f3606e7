// Koa middleware stack, in order, with the limits that keep it safe on the open internet.
import { parseCorsOrigins } from '../src/lib/security/cors-origins';
import { uploadMediaOrigins } from '../src/lib/uploads/s3-provider';

const AUTH_PATHS = [
  '/api/auth/local',
  '/api/auth/local/register',
  '/api/auth/forgot-password',
  '/api/auth/reset-password',
  '/api/auth/change-password',
  '/api/auth/send-email-confirmation',
  '/api/auth/email-confirmation',
  '/admin/login',
  '/admin/register',
  '/admin/register-admin',
  '/admin/forgot-password',
  '/admin/reset-password',
];

/**
 * Default auth rate-limit budget when RATE_LIMIT_AUTH_POINTS is unset; config/env/test/ raises it.
 * Short-link limits (aimed at code enumeration, the same in tests) are in config/short-urls.ts.
 */
export interface RateLimitDefaults {
  authPoints: number;
  pushPoints: number;
}

export const PRODUCTION_RATE_LIMITS: RateLimitDefaults = { authPoints: 20, pushPoints: 30 };

export default ({ env }: { env: any }) => middlewareStack(env, PRODUCTION_RATE_LIMITS);

export function middlewareStack(env: any, limits: RateLimitDefaults) {
  const siteOrigin = new URL(env('SITE_URL', 'http://localhost:3000')).origin;
  const mediaOrigins = uploadMediaOrigins(process.env);
  return [
    // GET /_ready for load balancers, and `Connection: close` while draining (src/middlewares/readiness.ts).
    'global::readiness',
    // Cache-Tag, xkey and Surrogate-Control beside every Surrogate-Key (src/platform/cdn-outbox.ts).
    'global::cdn-headers',
    // Warm public feeds are answered first, with the security headers recorded when they were
    // cached (see src/middlewares/feed-cache.ts); cache hits are therefore not access-logged.
    'global::feed-cache',
    // Plain view beacons are answered here too (src/plugins/views/server/middlewares/early-beacon.ts).
    'plugin::views.early-beacon',
    'strapi::logger',
    'strapi::errors',
    // Helmet's defaults (CSP, HSTS, nosniff, frame-ancestors via X-Frame-Options) stay on;
    // with UPLOAD_PROVIDER=s3 the admin may also show media from the bucket's origin.
    mediaOrigins.length
      ? { name: 'strapi::security', config: { contentSecurityPolicy: { useDefaults: true, directives: { 'img-src': ["'self'", 'data:', 'blob:', 'https://market-assets.strapi.io', ...mediaOrigins], 'media-src': ["'self'", 'data:', 'blob:', ...mediaOrigins] } } } }
      : 'strapi::security',
    {
      name: 'strapi::cors',
      config: {
        origin: parseCorsOrigins(env('CORS_ORIGINS', ''), [siteOrigin]),
        headers: ['Content-Type', 'Authorization', 'Origin', 'Accept'],
        keepHeadersOnError: true,
      },
    },
    // No strapi::poweredBy: the X-Powered-By header only helps fingerprinting.
    {
      name: 'global::rate-limit',
      config: {
        enabled: env.bool('RATE_LIMIT_ENABLED', true),
        rules: [
          {
            name: 'auth',
            // GET for the e-mail confirmation link, whose token could otherwise be guessed freely.
            methods: ['GET', 'POST'],
            paths: AUTH_PATHS,
            points: env.int('RATE_LIMIT_AUTH_POINTS', limits.authPoints),
            durationSeconds: env.int('RATE_LIMIT_AUTH_DURATION', 300),
          },
          {
            // Subscribing and unsubscribing push alerts: a browser does it once, a script in a loop.
            name: 'push',
            methods: ['POST', 'DELETE'],
            paths: ['/api/push/subscriptions'],
            points: env.int('RATE_LIMIT_PUSH_POINTS', limits.pushPoints),
            durationSeconds: env.int('RATE_LIMIT_PUSH_DURATION', 600),
          },
        ],
      },
    },
    {
      name: 'strapi::query',
      config: {
        // Deeper keys are not expanded (they stay literal and fail validation), bounding parse work.
        depth: env.int('QUERY_DEPTH_LIMIT', 10),
        arrayLimit: env.int('QUERY_ARRAY_LIMIT', 100),
        parameterLimit: env.int('QUERY_PARAMETER_LIMIT', 500),
      },
    },
    {
      name: 'strapi::body',
      config: {
        jsonLimit: env('BODY_JSON_LIMIT', '1mb'),
        formLimit: env('BODY_FORM_LIMIT', '1mb'),
        textLimit: env('BODY_TEXT_LIMIT', '256kb'),
        formidable: { maxFileSize: env.int('UPLOAD_MAX_FILE_SIZE', 50 * 1024 * 1024) },
      },
    },
    // PostgreSQL cannot store or compare U+0000: refuse it as bad input instead of failing with a 500.
    'global::reject-nul-bytes',
    // After strapi::query: a misshapen $and/$or/$not in `filters` is bad input (400), not a 500.
    'global::filter-shape',
    'strapi::session',
    'strapi::favicon',
    'global::upload-headers',
    'strapi::public',
    'api::short-url.article-short-url',
  ];
}
