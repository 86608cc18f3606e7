// Plugin configuration: users-permissions JWT, GraphQL limits, upload type restrictions.
import { graphqlAuthRateLimit } from '../src/middlewares/rate-limit';
import { hideInternalErrorDetails, rejectNulBytes } from '../src/lib/security/graphql-guards';

export default ({ env }: { env: any }) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      jwt: { expiresIn: env('JWT_EXPIRES_IN', '7d') },
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
  upload: {
    config: {
      sizeLimit: env.int('UPLOAD_MAX_FILE_SIZE', 50 * 1024 * 1024),
      // Checked against the declared type, the extension and the detected content.
      security: {
        allowedTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/avif', 'video/*', 'audio/*', 'application/pdf'],
        deniedTypes: ['text/html', 'application/xhtml+xml', 'image/svg+xml', 'text/xml', 'application/xml', 'text/javascript', 'application/javascript', 'application/x-sh', 'application/x-msdownload'],
      },
    },
  },
});
