// Refuses article writes whose lead media or video/audio blocks break the media-item rules
// (allowed embed hosts, an embed or a file), from the admin and the API alike.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { mediaItemError } from '../lib/media/media-item';

const UID = 'api::article.article';

export function mediaItems(strapi: Core.Strapi) {
  return async (ctx: { uid: string; action: string; params: unknown }, next: () => Promise<unknown>) => {
    if (ctx.uid !== UID || (ctx.action !== 'create' && ctx.action !== 'update')) return next();
    const data = ((ctx.params ?? {}) as { data?: Record<string, unknown> }).data ?? {};
    const hosts = strapi.config.get('newsroom.mediaEmbedHosts') as string[];
    const check = (item: unknown, path: string[]) => {
      if (!item || typeof item !== 'object') return;
      const problem = mediaItemError(item as Record<string, unknown>, hosts);
      if (problem) throw new errors.ValidationError(problem, { errors: [{ path, message: problem }] });
    };
    check(data.leadMedia, ['leadMedia']);
    if (Array.isArray(data.body)) {
      data.body.forEach((block: unknown, i) => {
        const b = block as { __component?: string; item?: unknown };
        if (b?.__component === 'blocks.media') check(b.item, ['body', String(i), 'item']);
      });
    }
    return next();
  };
}
