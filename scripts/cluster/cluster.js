// `npm run cluster`: two CMS instances and a health-checked load balancer on this machine, on
// DATABASE_URL (PostgreSQL) and REDIS_URL, for trying the multi-instance layout.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsroom REDIS_URL=redis://127.0.0.1:6379/0 npm run cluster
// Load balancer on PORT (1337), instances on CLUSTER_PORTS (1341,1342). Ctrl-C stops all three
// gracefully. `kill -TERM <instance pid>` shows a drain; the script restarts instances that exit.
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { createLoadBalancer } = require('./load-balancer');

const appDir = path.resolve(__dirname, '..', '..');
const env = process.env;
for (const name of ['DATABASE_URL', 'REDIS_URL']) {
  if (!env[name]) {
    console.error(`npm run cluster needs ${name} (several instances share one PostgreSQL and one Redis).`);
    process.exit(2);
  }
}
const ports = (env.CLUSTER_PORTS || '1341,1342').split(',').map(Number);
const lbPort = Number(env.PORT || 1337);

const dist = env.NEWSROOM_DIST ? path.resolve(appDir, env.NEWSROOM_DIST) : path.join(appDir, 'dist');
if (!fs.existsSync(path.join(dist, 'src', 'index.js'))) {
  if (env.NEWSROOM_DIST) {
    console.error(`NEWSROOM_DIST=${env.NEWSROOM_DIST} holds no compiled app`);
    process.exit(2);
  }
  console.log('No build yet: running npm run build once');
  if (spawnSync('npm', ['run', 'build'], { cwd: appDir, stdio: 'inherit' }).status !== 0) process.exit(1);
} else {
  spawnSync(process.execPath, [path.join(appDir, 'scripts', 'ensure-env.js')], { cwd: appDir, stdio: 'inherit' });
}

let stopping = false;
const children = new Map();
function start(port) {
  const child = spawn(process.execPath, [path.join(__dirname, 'instance.js')], {
    cwd: appDir,
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', TRUST_PROXY: env.TRUST_PROXY || 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tag = `[${port}] `;
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk) => process.stdout.write(String(chunk).replace(/^(?=.)/gm, tag)));
  }
  child.on('exit', (code, signal) => {
    children.delete(port);
    console.log(`${tag}exited (${signal || code})`);
    if (!stopping) setTimeout(() => start(port), 1000);
  });
  children.set(port, child);
  console.log(`${tag}starting, pid ${child.pid}`);
}
ports.forEach(start);

const lb = createLoadBalancer({ port: lbPort, host: env.HOST || '0.0.0.0', backends: ports.map((p) => `http://127.0.0.1:${p}`), log: (line) => console.log(`[lb] ${line}`) });
lb.listen().then((port) => console.log(`[lb] http://localhost:${port} → ${ports.join(', ')}`));

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopping = true;
    for (const child of children.values()) child.kill('SIGTERM');
    const wait = setInterval(() => {
      if (children.size === 0) {
        clearInterval(wait);
        lb.close().finally(() => process.exit(0));
      }
    }, 100);
  });
}
