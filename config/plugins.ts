// Plugin configuration: users-permissions JWT, GraphQL limits.
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
      apolloServer: { introspection: env.bool('GRAPHQL_INTROSPECTION', env('NODE_ENV', 'development') !== 'production') },
    },
  },
});
