'use strict';
// `npm run bench:entity-notes`: bundles the pure matcher benchmark with esbuild (already installed
// with Strapi's admin tooling) and runs it; no Strapi, no database.
const path = require('path');
const { execFileSync } = require('child_process');

const appDir = path.resolve(__dirname, '..', '..');
const outfile = path.join(appDir, '.tmp', 'bench-entity-notes.js');
require('esbuild').buildSync({ entryPoints: [path.join(__dirname, 'entity-notes.ts')], bundle: true, platform: 'node', target: 'node20', outfile, logLevel: 'warning' });
execFileSync(process.execPath, [outfile], { stdio: 'inherit' });
