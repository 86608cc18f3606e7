// Re-renders every stored credit line when the configured template has changed since the last boot.
import type { Core } from '@strapi/strapi';
import { renderCreditLine, type PhotoCredit } from '../lib/photos/credit-line';

export async function refreshCreditLines(strapi: Core.Strapi) {
  const template = strapi.config.get('newsroom.creditTemplate') as string;
  const store = strapi.store({ type: 'plugin', name: 'newsroom', key: 'credit-template' });
  const previous = await store.get({});
  if (previous === template) return;
  const photos = (await strapi.db.query('api::photo.photo').findMany({
    select: ['id', 'creditLine'],
    populate: { credit: true },
  })) as Array<{ id: number; creditLine: string | null; credit: PhotoCredit | null }>;
  for (const photo of photos) {
    const line = renderCreditLine(photo.credit, template);
    if (line !== photo.creditLine) await strapi.db.query('api::photo.photo').update({ where: { id: photo.id }, data: { creditLine: line } });
  }
  await store.set({ value: template });
}
