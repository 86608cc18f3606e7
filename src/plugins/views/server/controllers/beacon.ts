// The view beacon: POST (the front-end, once the story has been on screen) and a GIF pixel for
// pages without JavaScript. Answers at once; counting happens in the batch.
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { DOCUMENT_ID, notCountedBecause } from '../../lib/beacon-filter';

const LOCALE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/;
const MAX_BODY_BYTES = 4096;
/** A transparent 1×1 GIF. */
export const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const counter = () => strapi.plugin('views').service('counter');

  /** Staff (admin session, API token) are not readers; a reader's own JWT is. */
  async function isStaff(ctx: Context): Promise<boolean> {
    if (/(^|;\s*)strapi_admin_refresh=/.test(ctx.get('cookie'))) return true;
    const auth = ctx.get('authorization');
    if (!auth) return false;
    const token = /^Bearer\s+(.+)$/i.exec(auth)?.[1];
    if (!token) return true;
    try {
      await strapi.plugin('users-permissions').service('jwt').verify(token);
      return false;
    } catch {
      return true; // an API token or an admin JWT
    }
  }

  async function take(ctx: Context): Promise<void> {
    const documentId = String(ctx.params.documentId ?? '');
    if (!DOCUMENT_ID.test(documentId)) throw new errors.ValidationError('documentId must be an article documentId (letters and digits).', { path: ['documentId'] });
    const unknownParams = Object.keys(ctx.query).filter((k) => k !== 'locale');
    if (unknownParams.length) throw new errors.ValidationError(`Unknown query parameter "${unknownParams[0].slice(0, 50)}".`, { path: [unknownParams[0].slice(0, 50)] });
    const locale = ctx.query.locale;
    if (locale !== undefined && (typeof locale !== 'string' || !LOCALE.test(locale))) throw new errors.ValidationError('locale must be a locale code such as en or fr-FR.', { path: ['locale'] });
    if (Number(ctx.request.length ?? 0) > MAX_BODY_BYTES) {
      throw new errors.PayloadTooLargeError(`A view beacon carries no body (at most ${MAX_BODY_BYTES} bytes).`);
    }

    const wait = await counter().consumeBeacon(ctx.request.ip);
    if (wait !== null) {
      ctx.set('Retry-After', String(wait));
      throw new errors.RateLimitError('Too many view beacons from this address, please try again later.', { retryAfterSeconds: wait });
    }

    if (!(await counter().isPublished(documentId, locale))) throw new errors.NotFoundError(`No published article with the documentId "${documentId}".`);
    const userAgent = ctx.get('user-agent');
    if (notCountedBecause({ method: ctx.method, userAgent, headers: ctx.headers }) || (await isStaff(ctx))) return;
    await counter().record(documentId, { address: ctx.request.ip, userAgent });
  }

  return {
    async record(ctx: Context) {
      await take(ctx);
      ctx.set('Cache-Control', 'no-store');
      ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
      ctx.body = '';
      ctx.status = 202;
    },

    async pixel(ctx: Context) {
      await take(ctx);
      ctx.set('Cache-Control', 'no-store');
      // The site shows the pixel from its own origin: an image the browser may load cross-origin.
      ctx.set('Cross-Origin-Resource-Policy', 'cross-origin');
      ctx.type = 'image/gif';
      ctx.body = ctx.method === 'HEAD' ? null : PIXEL;
      ctx.status = 200;
    },
  };
};
