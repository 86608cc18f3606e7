'use strict';
// `npm run bench`: compiles the app (with the TypeScript benchmark scripts) once into
// .tmp/bench-dist, then runs the harness from there. `--no-compile` reuses the last compile.
const fs = require('fs');
const path = require('path');

const appDir = path.resolve(__dirname, '..', '..');
const distDir = path.join(appDir, '.tmp', 'bench-dist');
const argv = process.argv.slice(2);
const compile = !argv.includes('--no-compile');
process.env.STRAPI_TELEMETRY_DISABLED = 'true';

(async () => {
  // --cluster: PostgreSQL + Redis, one instance against two behind the load balancer.
  const runner = path.join(distDir, 'scripts', 'bench', argv.includes('--cluster') ? 'cluster-bench.js' : 'run.js');
  if (compile || !fs.existsSync(runner)) {
    process.stdout.write('Compiling the app into .tmp/bench-dist…\n');
    const started = Date.now();
    fs.rmSync(distDir, { recursive: true, force: true });
    // Type errors are `npm run typecheck`'s business; the benchmark measures what compiles.
    await require('@strapi/typescript-utils').compile(appDir, {
      configOptions: { ignoreDiagnostics: true, options: { outDir: distDir, incremental: false } },
    });
    if (!fs.existsSync(runner)) throw new Error(`The compile produced no ${path.relative(appDir, runner)}`);
    process.stdout.write(`  compiled in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
  const child = require('child_process').fork(runner, argv.filter((a) => a !== '--no-compile' && a !== '--cluster'), { cwd: appDir, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 1));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
