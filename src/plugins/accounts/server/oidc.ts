// A generic OpenID Connect login provider for users-permissions ("oidc"): any identity provider
// with discovery works, configured by OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET.
// Flow: GET /api/connect/oidc → the provider → /api/connect/oidc/callback (tokens kept in the
// session) → OIDC_REDIRECT_URL (the site) → the site calls GET /api/auth/oidc/callback with the
// same browser session and gets { jwt, user }.
import type { Core } from '@strapi/strapi';
import type { AccountsConfig } from './config';

export const OIDC_PROVIDER = 'oidc';

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
  userinfo_endpoint: string;
}

let discovered: Discovery | null = null;

async function discover(issuer: string): Promise<Discovery> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`OIDC discovery at ${url} answered ${res.status}`);
  const body = (await res.json()) as Partial<Discovery>;
  if (!body.authorization_endpoint || !body.token_endpoint || !body.userinfo_endpoint) throw new Error(`OIDC discovery at ${url} lacks an endpoint`);
  return body as Discovery;
}

function grantConfig(config: AccountsConfig, endpoints: Discovery) {
  return {
    key: config.oidc.clientId,
    secret: config.oidc.clientSecret,
    callback: config.oidc.redirectUrl,
    scope: config.oidc.scope,
    oauth: 2,
    authorize_url: endpoints.authorization_endpoint,
    access_url: endpoints.token_endpoint,
  };
}

/** register(): adds the provider when OIDC_ISSUER is set and its discovery document answers. */
export async function registerOidcProvider(strapi: Core.Strapi, config: AccountsConfig) {
  discovered = null;
  if (!config.oidc.issuer) return;
  try {
    discovered = await discover(config.oidc.issuer);
  } catch (error) {
    strapi.log.error(`accounts: OpenID Connect login is off: ${error instanceof Error ? error.message : String(error)}`);
    return;
  }
  const endpoints = discovered;
  strapi.plugin('users-permissions').service('providers-registry').add(OIDC_PROVIDER, {
    enabled: true,
    icon: '',
    grantConfig: grantConfig(config, endpoints),
    async authCallback({ accessToken }: { accessToken: string }) {
      const res = await fetch(endpoints.userinfo_endpoint, { headers: { Authorization: `Bearer ${accessToken}` }, signal: AbortSignal.timeout(5000) });
      if (!res.ok) throw new Error('The identity provider refused the access token');
      const info = (await res.json()) as { sub?: string; email?: string; email_verified?: boolean; preferred_username?: string };
      if (!info.email) throw new Error('The identity provider gave no e-mail address');
      if (info.email_verified === false) throw new Error('The identity provider has not verified this e-mail address');
      return { username: info.preferred_username || info.email.split('@')[0], email: info.email };
    },
  });
}

/** bootstrap(): the env settings win over what the admin's Providers page stored earlier. */
export async function syncOidcGrantSettings(strapi: Core.Strapi, config: AccountsConfig) {
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const grant = ((await store.get({ key: 'grant' })) ?? {}) as Record<string, Record<string, unknown>>;
  const wanted = discovered ? { icon: '', enabled: true, ...grantConfig(config, discovered) } : grant[OIDC_PROVIDER] ? { ...grant[OIDC_PROVIDER], enabled: false } : undefined;
  if (!wanted || JSON.stringify(grant[OIDC_PROVIDER]) === JSON.stringify(wanted)) return;
  await store.set({ key: 'grant', value: { ...grant, [OIDC_PROVIDER]: wanted } });
}
