// A small health-checked HTTP load balancer (http-proxy) for `npm run cluster` and the
// multi-instance tests: round robin over the backends whose /_ready answers 200, and an
// idempotent request whose backend refused or dropped the connection is retried on another.
const http = require('http');
const httpProxy = require('http-proxy');

// Only requests without a body: a proxied body stream cannot be sent twice.
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS']);
const RETRYABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

/**
 * @param {{ port: number, host?: string, backends: string[], healthPath?: string, healthEveryMs?: number, log?: (line: string) => void }} options
 */
function createLoadBalancer(options) {
  const healthPath = options.healthPath ?? '/_ready';
  const log = options.log ?? (() => {});
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const proxy = httpProxy.createProxyServer({ agent, xfwd: true, proxyTimeout: 60_000 });
  const backends = options.backends.map((url) => ({ url, healthy: false }));
  let next = 0;

  const pick = (exclude) => {
    const candidates = backends.filter((b) => b.healthy && !exclude.has(b.url));
    const pool = candidates.length ? candidates : backends.filter((b) => !exclude.has(b.url));
    if (!pool.length) return null;
    next = (next + 1) % pool.length;
    return pool[next];
  };

  const check = (backend) =>
    new Promise((resolve) => {
      const req = http.get(backend.url + healthPath, { timeout: 1000, agent: false }, (res) => {
        res.resume();
        resolve(res.statusCode === 200);
      });
      req.on('timeout', () => req.destroy());
      req.on('error', () => resolve(false));
    }).then((ok) => {
      if (ok !== backend.healthy) log(`${backend.url} ${ok ? 'is ready' : 'is not ready'}`);
      backend.healthy = ok;
    });
  const checkAll = () => Promise.all(backends.map(check));
  const timer = setInterval(checkAll, options.healthEveryMs ?? 500);
  timer.unref();

  const forward = (req, res, tried, attempt = 1) => {
    const backend = pick(tried.size >= backends.length ? new Set() : tried);
    if (!backend) {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ data: null, error: { status: 502, name: 'BadGatewayError', message: 'No instance is available.', details: {} } }));
      return;
    }
    tried.add(backend.url);
    proxy.web(req, res, { target: backend.url }, (error) => {
      // Nothing was sent yet and the request can be repeated: try another instance.
      if (!res.headersSent && IDEMPOTENT.has(req.method) && RETRYABLE.has(error.code) && attempt <= backends.length * 2) {
        backend.healthy = false;
        log(`${backend.url}: ${error.code}, retrying ${req.method} ${req.url} elsewhere`);
        // Every instance tried: wait a moment (a restart in progress) before the next round.
        const delay = tried.size >= backends.length ? 200 : 0;
        return void setTimeout(() => forward(req, res, tried, attempt + 1), delay);
      }
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ data: null, error: { status: 502, name: 'BadGatewayError', message: `Upstream error: ${error.code ?? error.message}`, details: {} } }));
    });
  };

  const server = http.createServer((req, res) => forward(req, res, new Set()));
  proxy.on('error', () => {}); // handled per request above
  server.keepAliveTimeout = 60_000;

  return {
    server,
    backends,
    checkAll,
    async listen() {
      await checkAll();
      await new Promise((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', resolve));
      return server.address().port;
    },
    async close() {
      clearInterval(timer);
      await new Promise((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      agent.destroy();
      proxy.close();
    },
  };
}

module.exports = { createLoadBalancer };
