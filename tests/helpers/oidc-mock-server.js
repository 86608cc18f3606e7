// A local mock OpenID provider (oauth2-mock-server) in its own Node process: the package is
// ESM-only, which Jest's CommonJS runtime cannot load. Prints {"url": issuer} once listening.
const { OAuth2Server } = require('oauth2-mock-server');

(async () => {
  const server = new OAuth2Server();
  await server.issuer.keys.generate('RS256');
  server.service.on('beforeUserinfo', (userInfo) => {
    userInfo.body = {
      sub: 'oidc-subject-1',
      email: process.env.MOCK_OIDC_EMAIL,
      email_verified: process.env.MOCK_OIDC_EMAIL_VERIFIED !== 'false',
      preferred_username: process.env.MOCK_OIDC_USERNAME,
    };
  });
  await server.start(0, '127.0.0.1');
  process.stdout.write(`${JSON.stringify({ url: server.issuer.url })}\n`);
  process.on('SIGTERM', () => server.stop().then(() => process.exit(0)));
})();
