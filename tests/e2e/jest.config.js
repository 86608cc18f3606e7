// The browser test: its own Jest config, so `npm test` never builds the admin or starts Chromium.
// Run with `npm run test:e2e` (one spec, one server, one browser: in band).
const path = require('path');

const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }];

module.exports = {
  rootDir: path.resolve(__dirname, '..', '..'),
  displayName: 'e2e',
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.e2e.spec.ts'],
  transform: { '^.+\\.ts$': swc },
  testTimeout: 120000,
  maxWorkers: 1,
};
