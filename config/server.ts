// HTTP server settings; production refuses to boot without real secrets.
import { assertProductionSecrets } from '../src/lib/secrets/check-secrets';

export default ({ env }: { env: any }) => {
  assertProductionSecrets(process.env, env('NODE_ENV', 'development'));
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    url: env('PUBLIC_URL', ''),
    // Strapi 5 reads server.proxy.koa (a bare boolean is ignored). maxIpsCount: only the last
    // TRUST_PROXY_HOPS entries of X-Forwarded-For come from our proxies; earlier ones are client-forged.
    proxy: { koa: env.bool('TRUST_PROXY', false), maxIpsCount: env.int('TRUST_PROXY_HOPS', 1) },
    app: { keys: env.array('APP_KEYS') },
    // Behind a load balancer: keep idle connections longer than its idle timeout (often 60 s),
    // so the proxy, not Node, closes them; headers must arrive within HTTP_HEADERS_TIMEOUT.
    http: {
      serverOptions: {
        keepAliveTimeout: env.int('HTTP_KEEP_ALIVE_TIMEOUT', 65000),
        headersTimeout: env.int('HTTP_HEADERS_TIMEOUT', 66000),
      },
    },
  };
};
