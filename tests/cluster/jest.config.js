// The multi-instance suite: separate CMS processes on PostgreSQL (DATABASE_URL, default the
// local `test` database) and Redis (TEST_REDIS_URL), run with `npm run test:cluster`, in band.
const path = require('path');

const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }];

module.exports = {
  rootDir: path.resolve(__dirname, '..', '..'),
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/cluster'],
  testMatch: ['**/*.cluster.spec.ts'],
  transform: { '^.+\\.ts$': swc },
  testTimeout: 300000,
  globalSetup: '<rootDir>/tests/helpers/global-setup.js',
  globalTeardown: '<rootDir>/tests/helpers/global-teardown.js',
};
