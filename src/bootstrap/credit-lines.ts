// Re-renders every stored credit line when the configured template or disclosure wording has changed since the last boot.
import type { Core } from '@strapi/strapi';
import type { PhotoCredit } from '../lib/photos/credit-line';
import { photoCreditLineFor } from '../document-middlewares/photo-credit-line';

export async function refreshCreditLines(strapi: Core.Strapi) {
  const template = strapi.config.get('newsroom.creditTemplate') as string;
  const disclosure = strapi.config.get('newsroom.disclosure') as { ai: string; composite: string };
  // The template alone when the wording is the default, so databases from before keep their stored value.
  const version = disclosure.ai === 'AI-generated image' && disclosure.composite === 'Composite image' ? template : JSON.stringify([template, disclosure.ai, disclosure.composite]);
  const store = strapi.store({ type: 'plugin', name: 'newsroom', key: 'credit-template' });
  const previous = await store.get({});
  if (previous === version) return;
  const photos = (await strapi.db.query('api::photo.photo').findMany({
    select: ['id', 'creditLine', 'digitalSourceType'],
    populate: { credit: true },
  })) as Array<{ id: number; creditLine: string | null; digitalSourceType: string | null; credit: PhotoCredit | null }>;
  for (const photo of photos) {
    const line = photoCreditLineFor(strapi, photo.credit, photo.digitalSourceType);
    if (line !== photo.creditLine) await strapi.db.query('api::photo.photo').update({ where: { id: photo.id }, data: { creditLine: line } });
  }
  await store.set({ value: version });
}
