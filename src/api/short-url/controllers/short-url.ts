// Short-url HTTP actions: the /s/:code redirect, an article's short link, and the QR image.
// Core CRUD stays as generated (private: editors use the admin, integrations API tokens).
import type { Context } from 'koa';
import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { isBotUserAgent } from '../../../lib/short-urls/bot-agent';
import { renderStatusPage } from '../../../lib/short-urls/status-page';
import type { ArticleShortUrl, Resolution } from '../services/short-url';
import type { RedirectGuard } from '../services/redirect-guard';

const UID = 'api::short-url.short-url';

const documentIdParam = z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'documentId must be 1 to 64 letters or digits');
const codeParam = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'a short code is 1 to 64 letters, digits, "-" or "_"');

interface ShortUrlService {
  resolve(code: string): Promise<Resolution>;
  countHit(id: number): Promise<void>;
  forArticle(documentId: string): Promise<ArticleShortUrl | null>;
  qrSvg(code: string): Promise<{ svg: string; shortUrl: string } | { kind: 'unknown' | 'unavailable' }>;
}

type Ctx = Context;

const PROBLEMS = {
  404: { name: 'NotFoundError', title: 'Short link not found', message: 'There is no short link with this code.' },
  410: { name: 'GoneError', title: 'Short link no longer available', message: 'This short link has been disabled or has expired.' },
} as const;

/** The redirect's error page: a small HTML page, or Strapi's error shape for JSON clients. */
function problem(ctx: Ctx, status: 404 | 410) {
  const p = PROBLEMS[status];
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  if (ctx.accepts('html', 'json') === 'json') {
    ctx.body = { data: null, error: { status, name: p.name, message: p.message, details: {} } };
  } else {
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = renderStatusPage(status, p.title, p.message);
  }
}

/** Over a short-link limit: 429 in Strapi's error shape, with Retry-After. */
function tooMany(ctx: Ctx, wait: number): never {
  ctx.set('Retry-After', String(wait));
  ctx.set('Cache-Control', 'no-store');
  throw new errors.RateLimitError('Too many requests from this address, please try again later.', { retryAfterSeconds: wait });
}

export default factories.createCoreController(UID, ({ strapi }) => {
  const service = () => strapi.service(UID) as unknown as ShortUrlService;
  const guard = () => strapi.service('api::short-url.redirect-guard') as unknown as RedirectGuard;

  /** A miss answers 404/410 unless it used up the address's budget. */
  async function missed(ctx: Ctx) {
    const wait = await guard().miss(ctx.request.ip);
    if (wait !== null) tooMany(ctx, wait);
  }

  return {
    /** GET /s/:code (outside /api): redirects to the current target and counts the hit. */
    async redirect(ctx: Ctx) {
      const blocked = await guard().blocked(ctx.request.ip);
      if (blocked !== null) tooMany(ctx, blocked);
      const code = codeParam.safeParse(ctx.params.code);
      const resolution: Resolution = code.success ? await service().resolve(code.data) : { kind: 'unknown' };
      if (resolution.kind !== 'redirect') {
        await missed(ctx);
        return problem(ctx, resolution.kind === 'unknown' ? 404 : 410);
      }
      const wait = await guard().hit(ctx.request.ip);
      if (wait !== null) tooMany(ctx, wait);
      if (ctx.method === 'GET' && !isBotUserAgent(ctx.get('User-Agent'))) await service().countHit(resolution.id);
      // Not cached: the target follows the article's slug and section, and each visit is a hit.
      ctx.set('Cache-Control', 'no-store');
      ctx.redirect(resolution.target);
      ctx.status = resolution.status;
    },

    /** GET /api/articles/:documentId/short-url */
    async forArticle(ctx: Ctx) {
      const documentId = documentIdParam.safeParse(ctx.params.documentId);
      if (!documentId.success) throw new errors.ValidationError(`Invalid documentId: ${documentId.error.issues[0].message}.`);
      const link = await service().forArticle(documentId.data);
      if (!link) throw new errors.NotFoundError(`No published article "${documentId.data}" with an active short URL.`);
      ctx.body = { data: link, meta: {} };
    },

    /** GET /api/short-urls/:code/qr: the short link as an SVG QR code. */
    async qr(ctx: Ctx) {
      const code = codeParam.safeParse(ctx.params.code);
      if (!code.success) throw new errors.ValidationError(`Invalid short code: ${code.error.issues[0].message}.`);
      // The QR route tells valid codes from unknown ones just as /s/ does: the same miss budget.
      const blocked = await guard().blocked(ctx.request.ip);
      if (blocked !== null) tooMany(ctx, blocked);
      const result = await service().qrSvg(code.data);
      if ('kind' in result) {
        await missed(ctx);
        if (result.kind === 'unknown') throw new errors.NotFoundError(`There is no short link with code "${code.data}".`);
        ctx.status = 410;
        ctx.body = { data: null, error: { status: 410, name: 'GoneError', message: `The short link "${code.data}" is disabled or has expired.`, details: {} } };
        return;
      }
      ctx.type = 'image/svg+xml';
      ctx.set('Cache-Control', 'public, max-age=86400');
      ctx.body = result.svg;
    },
  };
});
