// GET /s/:code lives outside /api: Strapi mounts every src/api router under the REST prefix,
// so the route is added to the server's root router (as plugins add theirs). It is public by
// nature (auth: false) and keeps the plain /s/ prefix, easy for a rate limiter to match.
import type { Core } from '@strapi/strapi';

export const SHORT_LINK_PREFIX = '/s/';

export function registerShortUrlRedirect(strapi: Core.Strapi) {
  strapi.server.routes([
    { method: 'GET', path: `${SHORT_LINK_PREFIX}:code`, handler: 'api::short-url.short-url.redirect', config: { auth: false } },
  ]);
}
