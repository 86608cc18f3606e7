// GET /api/listen-live answers the player's shape (not the raw document), cached no longer than the programme on air.
import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const UID = 'api::listen-live.listen-live';

export default factories.createCoreController(UID, ({ strapi }) => ({
  async find(ctx) {
    const result = await (strapi.service(UID) as unknown as { current(): Promise<{ data: unknown; maxAge: number } | null> }).current();
    if (!result) throw new errors.NotFoundError('Listen Live is not set up yet.');
    ctx.set('Cache-Control', result.maxAge > 0 ? `public, max-age=${result.maxAge}` : 'no-cache');
    ctx.body = { data: result.data };
  },
}));
