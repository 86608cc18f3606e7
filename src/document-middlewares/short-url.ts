// Short URLs on every write, through the admin and the API alike: an article gets its short
// link on first publish, and editors' short links are checked (safe http(s) target or an
// article, a claimable code that never changes, a redirect status we support).
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { vanityCodeError } from '../lib/short-urls/short-code';
import { redirectStatusError, targetUrlError } from '../lib/short-urls/target-url';

const ARTICLE = 'api::article.article';
const SHORT_URL = 'api::short-url.short-url';

type Data = Record<string, unknown>;
type Params = { data?: Data; documentId?: string; status?: string } & Record<string, unknown>;
type Ctx = { uid: string; action: string; params: unknown };
type Stored = { id: number; code?: string; url?: string | null; articleDocumentId?: string | null; article?: { documentId?: string } | null };

interface ShortUrlService {
  ensureForArticle(articleDocumentId: string): Promise<unknown>;
  createWithFreshCode(data: Data, params?: Record<string, unknown>): Promise<unknown>;
}

function invalid(message: string, path: string): never {
  throw new errors.ValidationError(message, { errors: [{ path: [path], message, name: 'ValidationError' }] });
}

export function shortUrls(strapi: Core.Strapi) {
  const service = () => strapi.service(SHORT_URL) as unknown as ShortUrlService;

  return async (ctx: Ctx, next: () => Promise<unknown>) => {
    const params = (ctx.params ?? {}) as Params;

    if (ctx.uid === ARTICLE) {
      // documents().create/update with status 'published' publish internally, without a 'publish' action.
      const publishing = ctx.action === 'publish' || ((ctx.action === 'create' || ctx.action === 'update') && params.status === 'published');
      const result = (await next()) as { documentId?: string } | null;
      const documentId = params.documentId ?? result?.documentId;
      if (publishing && documentId) {
        try {
          await service().ensureForArticle(documentId);
        } catch (error) {
          // The publication stands; GET /api/articles/:id/short-url and the boot backfill create it later.
          strapi.log.error(`[short-urls] no short link for article ${documentId}: ${(error as Error).message}`);
        }
      }
      return result;
    }

    if (ctx.uid === SHORT_URL && (ctx.action === 'create' || ctx.action === 'update')) {
      const data = (params.data ??= {});
      const stored = ctx.action === 'update' && params.documentId ? await storedLink(strapi, params.documentId) : null;
      checkInput(data, stored);
      if (ctx.action === 'create' && !data.code) {
        const { data: _ignored, ...rest } = params;
        return service().createWithFreshCode(data, rest);
      }
      // Checked as stored, so relations given as connect/disconnect are resolved; an invalid
      // result rolls the write back.
      return strapi.db.transaction(async () => {
        let result: { documentId?: string } | null;
        try {
          result = (await next()) as { documentId?: string } | null;
        } catch (error) {
          throw codeTakenError(error, data.code) ?? error;
        }
        if (result?.documentId) await checkStored(strapi, result.documentId);
        return result;
      });
    }

    return next();
  };
}

async function storedLink(strapi: Core.Strapi, documentId: string): Promise<Stored | null> {
  return (await strapi.db.query(SHORT_URL).findOne({
    where: { documentId },
    select: ['id', 'code', 'url', 'articleDocumentId'],
    populate: { article: { select: ['documentId'] } },
  })) as Stored | null;
}

function checkInput(data: Data, stored: Stored | null) {
  delete data.madeOnPublish; // set by ensureForArticle only, after the write (see the short-url service)
  if (typeof data.code === 'string') data.code = data.code.trim();
  if (data.code === '' || data.code === null) delete data.code;
  if (data.code !== undefined) {
    if (stored) {
      if (data.code !== stored.code) invalid('A short code cannot be changed once created: printed and shared links would break.', 'code');
    } else {
      const message = vanityCodeError(data.code);
      if (message) invalid(message, 'code');
    }
  }
  if (typeof data.url === 'string' && data.url.trim() === '') data.url = null;
  if (data.url !== undefined && data.url !== null) {
    const message = targetUrlError(data.url);
    if (message) invalid(message, 'url');
  }
  if (typeof data.articleDocumentId === 'string') data.articleDocumentId = data.articleDocumentId.trim() || null;
  const status = redirectStatusError(data.redirectStatus);
  if (status) invalid(status, 'redirectStatus');
}

/** After the write: the article picked in the admin is the link's target, and there is exactly one target. */
async function checkStored(strapi: Core.Strapi, documentId: string) {
  const link = await storedLink(strapi, documentId);
  if (!link) return;
  let articleDocumentId = link.articleDocumentId ?? null;
  const related = link.article?.documentId;
  if (related && related !== articleDocumentId) {
    articleDocumentId = related;
    await strapi.db.query(SHORT_URL).update({ where: { id: link.id }, data: { articleDocumentId } });
  }
  const hasUrl = typeof link.url === 'string' && link.url.length > 0;
  if (hasUrl && articleDocumentId) invalid('A short URL points to either an article or an external URL, not both.', 'url');
  if (!hasUrl && !articleDocumentId) invalid('A short URL needs a target: choose an article or enter an external http(s) URL.', 'url');
  if (articleDocumentId) {
    const exists = await strapi.db.query(ARTICLE).count({ where: { documentId: articleDocumentId } });
    if (!exists) invalid(`There is no article with documentId "${articleDocumentId}".`, 'articleDocumentId');
  }
}

/** A race lost on the unique index, told as a validation error instead of a 500. */
function codeTakenError(error: unknown, code: unknown): Error | null {
  const e = error as { code?: string; name?: string; details?: { errors?: Array<{ path?: string[]; message?: string }> } };
  const dbUnique = e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE';
  const strapiUnique = e?.name === 'ValidationError' && e.details?.errors?.some((d) => d.path?.[0] === 'code' && /unique/i.test(d.message ?? ''));
  if (!dbUnique && !strapiUnique) return null;
  const message = `The short code "${String(code)}" is already taken (codes must be unique).`;
  return new errors.ValidationError(message, { errors: [{ path: ['code'], message, name: 'ValidationError' }] });
}
