// Compiles the TypeScript app once per test run into its own .tmp/test-dist-<pid>
// (so parallel runs do not trample each other); every suite boots from it. With
// NEWSROOM_PREBUILT_DIST (CI: the `strapi build` output every suite shares) nothing is compiled.
const path = require('path');
const fs = require('fs');

module.exports = async () => {
  const appDir = path.resolve(__dirname, '..', '..');
  process.env.STRAPI_TELEMETRY_DISABLED = 'true';
  if (process.env.NEWSROOM_PREBUILT_DIST) {
    const prebuilt = path.resolve(appDir, process.env.NEWSROOM_PREBUILT_DIST);
    if (!fs.existsSync(path.join(prebuilt, 'src', 'index.js'))) throw new Error(`NEWSROOM_PREBUILT_DIST=${prebuilt} holds no src/index.js: build first`);
    process.env.NEWSROOM_TEST_DIST = prebuilt;
    return;
  }
  const distDir = path.join(appDir, '.tmp', `test-dist-${process.pid}`);
  process.env.NEWSROOM_TEST_DIST = distDir;
  fs.rmSync(distDir, { recursive: true, force: true });
  const tsUtils = require('@strapi/typescript-utils');
  await tsUtils.compile(appDir, { configOptions: { options: { outDir: distDir, incremental: false } } });
  if (!fs.existsSync(path.join(distDir, 'src', 'index.js'))) throw new Error(`TypeScript compile produced no ${distDir}/src/index.js`);
};
