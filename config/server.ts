// HTTP server settings; production refuses to boot without real secrets.
import { assertProductionSecrets } from '../src/lib/secrets/check-secrets';

export default ({ env }: { env: any }) => {
  assertProductionSecrets(process.env, env('NODE_ENV', 'development'));
  return {
    host: env('HOST', '0.0.0.0'),
    port: env.int('PORT', 1337),
    url: env('PUBLIC_URL', ''),
    proxy: env.bool('TRUST_PROXY', false),
    app: { keys: env.array('APP_KEYS') },
  };
};
