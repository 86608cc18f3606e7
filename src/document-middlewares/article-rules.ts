// Article rules applied on every write, through the admin and the API alike:
// a section before publishing, the first publication time kept, and every
// related-story link pointing at exactly one target (checked as stored on create and update,
// and again on publish, so a draft saved before a rule existed cannot reach readers).
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { hasRelationTarget, relatedStoryLinkError } from '../lib/links/related-story-link';

const UID = 'api::article.article';

type Data = Record<string, unknown>;
type Params = { data?: Data; documentId?: string; locale?: string; status?: string };

const LINK_POPULATE = { article: { fields: ['documentId'] } } as const;

export function articleRules(strapi: Core.Strapi) {
  return async (ctx: { uid: string; action: string; params: unknown }, next: () => Promise<unknown>) => {
    if (ctx.uid !== UID) return next();
    const params = (ctx.params ?? {}) as Params;

    if (ctx.action === 'create' || ctx.action === 'update') {
      const data = (params.data ??= {});
      if (params.status === 'published') {
        await requireSection(strapi, params, data);
        if (ctx.action === 'create' || !(await firstPublishedAt(strapi, params))) data.firstPublishedAt ??= new Date();
      }
      // Validate the links as stored, so relations given as connect/disconnect are resolved,
      // and roll the write back when one is invalid.
      return strapi.db.transaction(async () => {
        const result = (await next()) as { documentId?: string; locale?: string } | null;
        if (result?.documentId) await assertLinksValid(strapi, result.documentId, result.locale ?? params.locale);
        return result;
      });
    }

    if (ctx.action === 'publish' && params.documentId) {
      await requireSection(strapi, params);
      for (const locale of await draftLocales(strapi, params.documentId, params.locale)) await assertLinksValid(strapi, params.documentId, locale);
      await stampFirstPublication(strapi, params);
    }
    return next();
  };
}

async function draftOf(strapi: Core.Strapi, params: Params, populate: Record<string, unknown> = {}) {
  return strapi.documents(UID).findOne({
    documentId: params.documentId!,
    locale: params.locale,
    status: 'draft',
    populate,
  }) as Promise<Record<string, unknown> | null>;
}

async function firstPublishedAt(strapi: Core.Strapi, params: Params) {
  if (!params.documentId) return null;
  const draft = await draftOf(strapi, params);
  return draft?.firstPublishedAt ?? null;
}

async function requireSection(strapi: Core.Strapi, params: Params, data?: Data) {
  const hasSection =
    data && data.section !== undefined
      ? hasRelationTarget(data.section)
      : Boolean(params.documentId && (await draftOf(strapi, params, { section: { fields: ['documentId'] } }))?.section);
  if (!hasSection) {
    throw new errors.ValidationError('An article needs a section before it can be published.', { path: ['section'] });
  }
}

async function stampFirstPublication(strapi: Core.Strapi, params: Params) {
  const where: Record<string, unknown> = { documentId: params.documentId, publishedAt: null, firstPublishedAt: null };
  if (params.locale && params.locale !== '*') where.locale = params.locale;
  // Written on the draft row so that the published copy made next carries it.
  await strapi.db.query(UID).updateMany({ where, data: { firstPublishedAt: new Date() } });
}

/** The locales a publish call covers: the one asked for, every draft's for "*", else the default. */
async function draftLocales(strapi: Core.Strapi, documentId: string, locale?: string): Promise<Array<string | undefined>> {
  if (locale !== '*') return [locale];
  const rows = (await strapi.db.query(UID).findMany({ where: { documentId, publishedAt: null }, select: ['locale'] })) as Array<{ locale?: string }>;
  return rows.map((r) => r.locale);
}

async function assertLinksValid(strapi: Core.Strapi, documentId: string, locale?: string) {
  const doc = (await strapi.documents(UID).findOne({
    documentId,
    locale,
    status: 'draft',
    populate: {
      relatedLinks: { populate: LINK_POPULATE },
      body: { on: { 'blocks.related-story': { populate: { link: { populate: LINK_POPULATE } } } } },
    },
    // Strapi's typings force this: a readonly populate constant shared by two component paths.
  } as never)) as { relatedLinks?: Data[]; body?: Data[] } | null;
  if (!doc) return;
  const checks: Array<{ link: Data; path: (string | number)[] }> = [];
  (doc.relatedLinks ?? []).forEach((link, i) => checks.push({ link, path: ['relatedLinks', i] }));
  (doc.body ?? []).forEach((block, i) => {
    if (block.__component === 'blocks.related-story') checks.push({ link: (block.link ?? {}) as Data, path: ['body', i, 'link'] });
  });
  for (const { link, path } of checks) {
    const message = relatedStoryLinkError(link);
    if (message) throw new errors.ValidationError(message, { path });
  }
}
