// Compiles the TypeScript app once per test run into its own .tmp/test-dist-<pid>
// (so parallel runs do not trample each other); every suite boots from it.
const path = require('path');
const fs = require('fs');

module.exports = async () => {
  const appDir = path.resolve(__dirname, '..', '..');
  const distDir = path.join(appDir, '.tmp', `test-dist-${process.pid}`);
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  process.env.NEWSROOM_TEST_DIST = distDir;
  fs.rmSync(distDir, { recursive: true, force: true });
  const tsUtils = require('@strapi/typescript-utils');
  await tsUtils.compile(appDir, { configOptions: { options: { outDir: distDir, incremental: false } } });
  if (!fs.existsSync(path.join(distDir, 'src', 'index.js'))) throw new Error(`TypeScript compile produced no ${distDir}/src/index.js`);
};
