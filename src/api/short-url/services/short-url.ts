// Short links: one per published article (created on first publish), plus editors' links to
// external URLs. Owns every short-url query: lookup, batch lookup for feeds, collision-safe
// creation, atomic hit counting and the QR image.
import { factories, type Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import QRCode from 'qrcode';
import { createCodeGenerator, isCodeFormat, isReservedCode, type CodeGenerator } from '../../../lib/short-urls/short-code';
import { linkAvailability, shortLinkUrl, type LinkAvailability } from '../../../lib/short-urls/link-state';
import { articleUrl } from '../../../lib/urls/canonical-url';
import { createQueryMemo } from '../../../lib/db/query-memo';
import { columns, schemaNames, type FieldNeed, metadataLookup } from '../../../lib/db/schema-names';
import type { Knex } from 'knex';

const UID = 'api::short-url.short-url';
const ARTICLE = 'api::article.article';
const SECTION = 'api::section.section';
/** Attempts at a fresh random code before giving up; each failure means the code was taken. */
const MAX_CODE_ATTEMPTS = 12;
/** Keeps `IN (...)` lists well under SQLite's bound-parameter limit. */
const IN_CHUNK = 500;
/** Core-store key: the last published article row the backfill checked. */
const BACKFILL_KEY = 'short_urls_backfill_after_id';
/** The job that resumes the backfill (registered in src/bootstrap/short-urls.ts). */
export const BACKFILL_JOB = 'short-urls-backfill';

/** Every field the redirect and short-link fast paths read: checked at boot (src/bootstrap/fast-path-schema.ts). */
export const SHORT_URL_FIELDS: readonly FieldNeed[] = [
  ...columns(UID, ['id', 'documentId', 'code', 'url', 'articleDocumentId', 'redirectStatus', 'hits', 'enabled', 'expiresAt']),
  ...columns(ARTICLE, ['id', 'documentId', 'slug', 'locale', 'firstPublishedAt', 'publishedAt']),
  { uid: ARTICLE, attribute: 'section', as: 'relation' },
  ...columns(SECTION, ['id', 'slug']),
];

export interface ShortLink {
  code: string;
  shortUrl: string;
}

export interface ArticleShortUrl extends ShortLink {
  target: string;
  hits: number;
}

type Row = {
  id: number;
  documentId: string;
  code: string;
  url?: string | null;
  articleDocumentId?: string | null;
  redirectStatus?: number | null;
  hits?: number | string | null;
  enabled?: boolean | null;
  expiresAt?: string | null;
};

export type Resolution =
  | { kind: 'unknown' }
  | { kind: 'unavailable'; reason: Exclude<LinkAvailability, 'active'> }
  | { kind: 'redirect'; id: number; code: string; target: string; status: number };

const LINK_FIELDS = ['id', 'documentId', 'code', 'url', 'articleDocumentId', 'redirectStatus', 'hits', 'enabled', 'expiresAt'];

function shortUrlConfig(strapi: Core.Strapi) {
  return {
    baseUrl: strapi.config.get('short-urls.baseUrl', 'http://localhost:1337') as string,
    codeLength: strapi.config.get('short-urls.codeLength', 7) as number,
  };
}

/** The one-automatic-link-per-article index (migration 2026.12.01): SQLite names the column, PostgreSQL the index. */
export function isArticleLinkConflict(error: unknown): boolean {
  const e = error as { code?: string; message?: string; constraint?: string };
  const text = `${e?.constraint ?? ''} ${e?.message ?? ''}`;
  return (e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || /unique/i.test(text)) && /article_made_on_publish|article_document_id/.test(text);
}

/** A unique-constraint failure on `code`: Strapi's own pre-check or the database index (race). */
export function isCodeConflict(error: unknown): boolean {
  const e = error as { name?: string; code?: string; message?: string; details?: { errors?: Array<{ path?: string[] }> } };
  if (isArticleLinkConflict(error)) return false;
  if (e?.name === 'ValidationError' && e.details?.errors?.some((d) => d.path?.[0] === 'code' && /unique/i.test(JSON.stringify(d)))) return true;
  if (e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE') return true; // PostgreSQL, SQLite
  return /unique/i.test(e?.message ?? '') && /code/i.test(e?.message ?? '');
}

let savepointSeq = 0;

/**
 * Runs `fn` behind a SAVEPOINT so a unique violation can be retried even inside an outer
 * transaction: PostgreSQL aborts the whole transaction on an error otherwise.
 */
async function withSavepoint<T>(strapi: Core.Strapi, fn: () => Promise<T>): Promise<T> {
  return strapi.db.transaction(async ({ trx }) => {
    const name = `short_code_${++savepointSeq}`;
    await trx.raw(`SAVEPOINT ${name}`);
    try {
      const result = await fn();
      await trx.raw(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await trx.raw(`ROLLBACK TO SAVEPOINT ${name}`);
      throw error;
    }
  });
}

export default factories.createCoreService(UID, ({ strapi }) => {
  const knex = () => strapi.db.connection as unknown as Knex;
  const runMemo = createQueryMemo(knex);
  let generateCode: CodeGenerator | null = null;
  const nextCode = () => (generateCode ??= createCodeGenerator(shortUrlConfig(strapi).codeLength))();

  const names = schemaNames(metadataLookup(strapi.db.metadata));
  const col = names.column;

  /**
   * The article's current canonical URL (its published row in the default locale when it has
   * several): one query, compiled once, since every redirect asks it.
   */
  async function articleTarget(articleDocumentId: string): Promise<string | null> {
    const rows = (await runMemo('article-target', [articleDocumentId], ([documentId]) => {
      const section = names.joinTable(ARTICLE, 'section');
      const articleId = `a.${col(ARTICLE, 'id')}`;
      return knex()
        .select({
          slug: `a.${col(ARTICLE, 'slug')}`,
          locale: `a.${col(ARTICLE, 'locale')}`,
          documentId: `a.${col(ARTICLE, 'documentId')}`,
          firstPublishedAt: `a.${col(ARTICLE, 'firstPublishedAt')}`,
          sectionSlug: `s.${col(SECTION, 'slug')}`,
        })
        .from({ a: names.table(ARTICLE) })
        .leftJoin({ sl: section.name }, `sl.${section.joinColumn.name}`, articleId)
        .leftJoin({ s: names.table(SECTION) }, `s.${col(SECTION, 'id')}`, `sl.${section.inverseJoinColumn.name}`)
        .where(`a.${col(ARTICLE, 'documentId')}`, documentId)
        .whereNotNull(`a.${col(ARTICLE, 'publishedAt')}`);
    })) as Array<{ slug: string; locale?: string; documentId: string; firstPublishedAt?: string | number | Date | null; sectionSlug?: string | null }>;
    if (rows.length === 0) return null;
    // Only an article published in several locales needs to know which one is the default.
    const defaultLocale =
      rows.length > 1 ? ((await strapi.plugin('i18n')?.service('locales')?.getDefaultLocale?.()) as string | undefined) : undefined;
    const row = rows.find((r) => r.locale === defaultLocale) ?? rows[0];
    const firstPublishedAt = row.firstPublishedAt == null ? null : new Date(row.firstPublishedAt as string | number | Date);
    return articleUrl(
      strapi.config.get('newsroom.siteUrl') as string,
      { slug: row.slug, section: row.sectionSlug ?? null, documentId: row.documentId, locale: row.locale ?? null, firstPublishedAt },
      strapi.config.get('newsroom.articlePathPattern') as string,
    );
  }

  /** The link behind a code, for the redirect's hot path: one compiled query, raw values normalised. */
  async function linkForRedirect(code: string): Promise<Row | null> {
    const [row] = (await runMemo('link-by-code', [code], ([value]) =>
      knex()
        .select({
          id: col(UID, 'id'),
          documentId: col(UID, 'documentId'),
          code: col(UID, 'code'),
          url: col(UID, 'url'),
          articleDocumentId: col(UID, 'articleDocumentId'),
          redirectStatus: col(UID, 'redirectStatus'),
          enabled: col(UID, 'enabled'),
          expiresAt: col(UID, 'expiresAt'),
        })
        .from(names.table(UID))
        .where(col(UID, 'code'), value)
        .limit(1),
    )) as Array<Omit<Row, 'enabled' | 'expiresAt'> & { enabled: unknown; expiresAt: unknown }>;
    if (!row) return null;
    const enabled = row.enabled === null || row.enabled === undefined ? null : row.enabled === true || row.enabled === 1 || row.enabled === '1' || row.enabled === 't';
    const expiresAt = row.expiresAt == null ? null : new Date(row.expiresAt as string | number | Date).toISOString();
    return { ...row, enabled, expiresAt, redirectStatus: row.redirectStatus == null ? null : Number(row.redirectStatus) };
  }

  return {
    /** Replaces the random code generator (tests force collisions with it); null restores the default. */
    useCodeGenerator(generator: CodeGenerator | null) {
      generateCode = generator;
    },

    shortUrlFor(code: string): string {
      return shortLinkUrl(shortUrlConfig(strapi).baseUrl, code);
    },

    /**
     * The usable short link of each article: one query for all ids. An article with several
     * links gets its oldest active one (the one made on first publish).
     */
    async getShortLinks(articleDocumentIds: string[]): Promise<Map<string, ShortLink>> {
      const ids = [...new Set(articleDocumentIds.filter((id) => typeof id === 'string' && id.length > 0))];
      const links = new Map<string, ShortLink>();
      if (ids.length === 0) return links;
      const now = new Date();
      const { baseUrl } = shortUrlConfig(strapi);
      for (let i = 0; i < ids.length; i += IN_CHUNK) {
        // A hot path (every feed page and article page): a query shape compiled once, not rebuilt per request.
        const chunk = ids.slice(i, i + IN_CHUNK);
        const rows = (await runMemo(`short-links:${chunk.length}`, [now, ...chunk], ([at, ...list]) =>
          knex()
            .select({ id: col(UID, 'id'), code: col(UID, 'code'), articleDocumentId: col(UID, 'articleDocumentId') })
            .from(names.table(UID))
            .whereIn(col(UID, 'articleDocumentId'), list)
            .andWhere((w) => w.whereNull(col(UID, 'enabled')).orWhere(col(UID, 'enabled'), true))
            .andWhere((w) => w.whereNull(col(UID, 'expiresAt')).orWhere(col(UID, 'expiresAt'), '>', at))
            .orderBy(col(UID, 'id'), 'asc'),
        )) as Row[];
        for (const row of rows) {
          if (row.articleDocumentId && !links.has(row.articleDocumentId)) {
            links.set(row.articleDocumentId, { code: row.code, shortUrl: shortLinkUrl(baseUrl, row.code) });
          }
        }
      }
      return links;
    },

    /**
     * Creates a short link with a fresh random code. Codes taken already (or in a race with a
     * concurrent publish) fail on the unique index and are retried with a new code.
     */
    async createWithFreshCode(data: Record<string, unknown>, params: Record<string, unknown> = {}): Promise<Row> {
      for (let attempt = 1; attempt <= MAX_CODE_ATTEMPTS; attempt++) {
        const code = nextCode();
        if (isReservedCode(code)) continue;
        try {
          return (await withSavepoint(strapi, () =>
            strapi.documents(UID).create({ ...params, data: { ...data, code } }),
          )) as unknown as Row;
        } catch (error) {
          if (!isCodeConflict(error)) throw error;
          strapi.log.debug(`[short-urls] code ${code} is taken, trying another (attempt ${attempt})`);
        }
      }
      throw new errors.ApplicationError(`No free short code found after ${MAX_CODE_ATTEMPTS} attempts; raise SHORT_CODE_LENGTH.`);
    },

    /**
     * Idempotent: the article keeps the link it has (even a disabled one: an editor chose that).
     * The new link is marked `madeOnPublish`, which a partial unique index allows once per article
     * document: of two simultaneous first publishes one fails there, rolls back its link and
     * returns the winner's.
     */
    async ensureForArticle(articleDocumentId: string): Promise<Row> {
      const existing = async () =>
        (await strapi.db.query(UID).findOne({
          where: { articleDocumentId },
          select: ['id', 'documentId', 'code', 'articleDocumentId'],
          orderBy: { id: 'asc' },
        })) as Row | null;
      const found = await existing();
      if (found) return found;
      try {
        return await withSavepoint(strapi, async () => {
          const created = await this.createWithFreshCode({ articleDocumentId, enabled: true, redirectStatus: 301 });
          await strapi.db.query(UID).update({ where: { id: created.id }, data: { madeOnPublish: true } });
          return created;
        });
      } catch (error) {
        if (!isArticleLinkConflict(error)) throw error;
        const winner = await existing();
        if (!winner) throw error;
        return winner;
      }
    },

    /**
     * Published articles that predate short links get theirs: a bounded, resumable pass over
     * published rows newer than the last one it checked (kept in the core store), so a boot or a
     * run of the `short-urls-backfill` job looks only at what was published since the last run.
     * Resolves with how many links it made.
     */
    async backfillPublishedArticles(opts: { batch?: number; maxBatches?: number } = {}): Promise<number> {
      const batch = opts.batch ?? IN_CHUNK;
      const maxBatches = opts.maxBatches ?? 10;
      const store = strapi.store({ type: 'plugin', name: 'newsroom' });
      let after = Number((await store.get({ key: BACKFILL_KEY })) ?? 0);
      let created = 0;
      for (let round = 0; round < maxBatches; round++) {
        const rows = (await strapi.db.query(ARTICLE).findMany({
          where: { publishedAt: { $notNull: true }, id: { $gt: after } },
          select: ['id', 'documentId'],
          orderBy: { id: 'asc' },
          limit: batch,
        })) as Array<{ id: number; documentId: string }>;
        if (rows.length === 0) break;
        const ids = [...new Set(rows.map((a) => a.documentId))];
        const have = (await strapi.db.query(UID).findMany({ where: { articleDocumentId: { $in: ids } }, select: ['articleDocumentId'] })) as Row[];
        const linked = new Set(have.map((r) => r.articleDocumentId));
        for (const id of ids.filter((d) => !linked.has(d))) {
          await this.ensureForArticle(id);
          created++;
        }
        after = rows[rows.length - 1].id;
        await store.set({ key: BACKFILL_KEY, value: after });
        if (rows.length < batch) break;
      }
      return created;
    },

    async findByCode(code: string): Promise<Row | null> {
      if (!isCodeFormat(code)) return null;
      return (await strapi.db.query(UID).findOne({ where: { code }, select: LINK_FIELDS })) as Row | null;
    },

    /** Where `/s/:code` goes now: the article's current canonical URL, or the external URL. */
    async resolve(code: string, now: Date = new Date()): Promise<Resolution> {
      const link = isCodeFormat(code) ? await linkForRedirect(code) : null;
      if (!link) return { kind: 'unknown' };
      const availability = linkAvailability(link, now);
      if (availability !== 'active') return { kind: 'unavailable', reason: availability };
      const target = link.articleDocumentId ? await articleTarget(link.articleDocumentId) : link.url || null;
      if (!target) return { kind: 'unknown' }; // the article is unpublished or deleted
      return { kind: 'redirect', id: link.id, code: link.code, target, status: link.redirectStatus ?? 301 };
    },

    /** `hits = hits + 1` in one statement: no increment is lost to concurrent requests. */
    async countHit(id: number): Promise<void> {
      await strapi.db.getConnection(names.table(UID)).where(col(UID, 'id'), id).increment(col(UID, 'hits'), 1);
    },

    /** The short link of a published article; read-only (links are made on publish and by the backfill). */
    async forArticle(articleDocumentId: string): Promise<ArticleShortUrl | null> {
      const target = await articleTarget(articleDocumentId);
      if (!target) return null;
      const link = (await this.getShortLinks([articleDocumentId])).get(articleDocumentId);
      if (!link) return null; // none yet, or an editor deleted, disabled or let expire the article's link
      const row = (await strapi.db.query(UID).findOne({ where: { code: link.code }, select: ['hits'] })) as Row | null;
      return { ...link, target, hits: Number(row?.hits ?? 0) };
    },

    /** The short link as an SVG QR code, or why there is none. */
    async qrSvg(code: string): Promise<{ svg: string; shortUrl: string } | { kind: 'unknown' } | { kind: 'unavailable' }> {
      const link = await this.findByCode(code);
      if (!link) return { kind: 'unknown' };
      if (linkAvailability(link, new Date()) !== 'active') return { kind: 'unavailable' };
      const shortUrl = this.shortUrlFor(link.code);
      const svg = await QRCode.toString(shortUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return { svg, shortUrl };
    },
  };
});
