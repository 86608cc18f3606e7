// Queues a push alert when an article marked "Send push" is published for the first time;
// a republish, or a publish after it was once published without the mark, sends nothing.
import type { Core } from '@strapi/strapi';
import { BREAKING } from '../lib/subscription-input';
import type { PushConfig } from './config';
import type { AlertsService } from './services/alerts';

type Ctx = { uid: string; action: string; params: Record<string, any> };

export function articleAlerts(strapi: Core.Strapi) {
  const config = () => strapi.config.get('plugin::push') as PushConfig;

  /** True while no version of the document has been published yet (so this write is its first publication). */
  async function neverPublished(documentId: string | undefined): Promise<boolean> {
    if (!documentId) return true;
    const { uid, firstPublishedField } = config().articles;
    const rows = await strapi.db.query(uid).findMany({
      where: { documentId },
      select: ['publishedAt', ...(firstPublishedField ? [firstPublishedField] : [])],
    });
    return rows.every((r: Record<string, unknown>) => !r.publishedAt && (!firstPublishedField || !r[firstPublishedField]));
  }

  async function enqueueFor(documentId: string, locale: string | null) {
    const { uid, query, describe } = config().articles;
    const article = (await strapi.documents(uid as never).findOne({
      documentId,
      locale: locale ?? undefined,
      status: 'published',
      fields: [...new Set([...query.fields, 'sendPush', 'pushTopic', 'locale'])],
      populate: query.populate,
    } as never)) as Record<string, any> | null;
    if (!article?.sendPush) return;
    const { title, body, url, image, sectionSlug } = describe(article);
    const topic = article.pushTopic === 'section' ? sectionSlug : BREAKING;
    if (!topic) {
      strapi.log.warn(`Push: article ${documentId} asks for a section alert but has no section; nothing sent.`);
      return;
    }
    const defaultLocale = strapi.plugin('i18n') ? await strapi.plugin('i18n').service('locales').getDefaultLocale() : null;
    const alertLocale = article.locale ?? locale ?? null;
    await (strapi.plugin('push').service('alerts') as AlertsService).enqueue({
      sourceKey: `article:${documentId}:${alertLocale ?? ''}`,
      title,
      body,
      url,
      image,
      topic,
      locale: alertLocale,
      // Subscribers who gave no locale get the alert in the default locale only, so never twice.
      includeUnlocalized: !alertLocale || alertLocale === defaultLocale,
    });
  }

  return async (ctx: Ctx, next: () => Promise<unknown>) => {
    if (ctx.uid !== config().articles.uid) return next();
    const publishing =
      ctx.action === 'publish' || ((ctx.action === 'create' || ctx.action === 'update') && ctx.params?.status === 'published');
    if (!publishing) return next();
    const first = ctx.action === 'create' || (await neverPublished(ctx.params?.documentId));
    const result = (await next()) as { documentId?: string; locale?: string; entries?: { documentId: string; locale?: string }[] } | null;
    if (!first || !result) return result;
    const entries = result.entries ?? [result];
    try {
      for (const entry of entries) if (entry.documentId) await enqueueFor(entry.documentId, entry.locale ?? null);
    } catch (error) {
      // The article is published either way; a failed alert is logged, never a failed publish.
      strapi.log.error(`Push: could not queue the alert for article ${entries[0]?.documentId}: ${(error as Error).message}`);
    }
    return result;
  };
}
