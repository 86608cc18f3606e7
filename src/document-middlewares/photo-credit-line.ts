// Keeps a photo's rendered credit line in step with its structured credit on every write.
import type { Core } from '@strapi/strapi';
import { renderCreditLine, type PhotoCredit } from '../lib/photos/credit-line';

export function photoCreditLine(strapi: Core.Strapi) {
  return async (ctx: { uid: string; action: string; params: unknown }, next: () => Promise<unknown>) => {
    if (ctx.uid === 'api::photo.photo' && (ctx.action === 'create' || ctx.action === 'update')) {
      const data = (ctx.params as { data?: Record<string, unknown> }).data;
      if (data && data.credit && typeof data.credit === 'object') {
        data.creditLine = renderCreditLine(data.credit as PhotoCredit, strapi.config.get('newsroom.creditTemplate') as string);
      }
    }
    return next();
  };
}
