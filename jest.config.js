// Projects: fast unit tests (no Strapi), the time-zone-sensitive ones again under two other
// server zones, and integration tests on a real Strapi, compiled once per run in globalSetup.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }];

module.exports = {
  testTimeout: 120000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/unit'],
      testMatch: ['**/*.unit.spec.ts'],
      transform: { '^.+\\.ts$': swc },
    },
    // Code that must not depend on the server's clock zone runs again as if the server were elsewhere.
    ...['America/Los_Angeles', 'Pacific/Kiritimati'].map((timezone) => ({
      displayName: `unit-tz-${timezone.split('/')[1].toLowerCase()}`,
      testEnvironment: '<rootDir>/tests/helpers/tz-environment.js',
      testEnvironmentOptions: { timezone },
      roots: ['<rootDir>/tests/unit'],
      testMatch: ['**/lib/weeks/*.unit.spec.ts'],
      transform: { '^.+\\.ts$': swc },
    })),
    {
      displayName: 'integration',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests/integration'],
      testMatch: ['**/*.int.spec.ts'],
      transform: { '^.+\\.ts$': swc },
      globalSetup: '<rootDir>/tests/helpers/global-setup.js',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.js',
    },
  ],
};
