// Adds `shortUrl` to the article list and article page payloads of the REST API
// (GET /api/articles and /api/articles/:documentId), with one query per response.
// A global middleware, so the article's own routes and controller stay untouched.
import type { Core } from '@strapi/strapi';

type Item = { documentId?: unknown; shortUrl?: string | null } & Record<string, unknown>;
type ShortLinks = { getShortLinks(ids: string[]): Promise<Map<string, { code: string; shortUrl: string }>> };

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const prefix = (strapi.config.get('api.rest.prefix', '/api') as string).replace(/\/+$/, '');
  const articlePath = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/articles(?:/[^/]+)?/?$`);

  return async (ctx: { method: string; path: string; status: number; body: unknown }, next: () => Promise<void>) => {
    await next();
    if (ctx.method !== 'GET' || ctx.status !== 200 || !articlePath.test(ctx.path)) return;
    const body = ctx.body as { data?: Item | Item[] | null } | null;
    if (!body || typeof body !== 'object' || !body.data) return;
    const items = (Array.isArray(body.data) ? body.data : [body.data]).filter((i) => i && typeof i.documentId === 'string');
    if (items.length === 0) return;
    const service = strapi.service('api::short-url.short-url') as unknown as ShortLinks;
    const links = await service.getShortLinks(items.map((i) => i.documentId as string));
    for (const item of items) item.shortUrl = links.get(item.documentId as string)?.shortUrl ?? null;
  };
};
