'use strict';
// `npm run search:reindex`: rebuilds the search index from the published articles, safe while
// the site serves (rows are replaced article by article, leftovers removed at the end) and
// resumable (an interrupted run continues after the last finished batch; --fresh starts over).
// Compiles the server code into dist/ first (incremental), then boots the app without serving.
const path = require('path');

const appDir = path.resolve(__dirname, '..');
const distDir = path.join(appDir, 'dist');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const value = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? Number(argv[i + 1]) : fallback;
};
process.env.STRAPI_TELEMETRY_DISABLED = 'true';

function bar(done, total) {
  const width = 30;
  const ratio = total ? Math.min(1, done / total) : 1;
  const filled = Math.round(ratio * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${(ratio * 100).toFixed(0)}%`;
}

(async () => {
  if (flag('help')) {
    process.stdout.write('Usage: npm run search:reindex [-- --fresh] [-- --batch 200]\n');
    return;
  }
  if (!flag('no-compile')) {
    process.stderr.write('Compiling the server into dist/…\n');
    await require('@strapi/typescript-utils').compile(appDir, { configOptions: { options: { outDir: distDir } } });
  }
  const { createStrapi } = require('@strapi/strapi');
  const strapi = await createStrapi({ appDir, distDir, serveAdminPanel: false }).load();
  const started = Date.now();
  try {
    const tty = process.stderr.isTTY;
    let last = 0;
    const result = await strapi.plugin('search').service('indexer').reindex({
      fresh: flag('fresh'),
      batchSize: value('batch', 200),
      onProgress(done, total) {
        if (tty) process.stderr.write(`\r${bar(done, total)}`);
        else if (done - last >= 1000 || done === total) process.stderr.write(`${bar(done, total)}\n`), (last = done);
      },
    });
    if (tty) process.stderr.write('\n');
    const mb = result.bytes === null ? 'unknown size' : `${(result.bytes / 1024 / 1024).toFixed(1)} MB`;
    process.stdout.write(
      `Indexed ${result.indexed} articles in ${((Date.now() - started) / 1000).toFixed(1)} s; ${result.documents} index rows, ${mb}; ${result.removed} stale rows removed.\n`,
    );
  } finally {
    await strapi.destroy();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
