// Admin: an article's total and its views per hour over the last 48 hours (the side panel's chart).
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { DOCUMENT_ID } from '../../lib/beacon-filter';
import { hourOf, hourlySeries } from '../../lib/hours';

export const CHART_HOURS = 48;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async article(ctx: Context) {
    const documentId = String(ctx.params.documentId ?? '');
    if (!DOCUMENT_ID.test(documentId)) throw new errors.ValidationError('documentId must be an article documentId.', { path: ['documentId'] });
    const now = new Date();
    const store = strapi.plugin('views').service('view-store');
    const [totals, rows] = await Promise.all([store.totals([documentId]), store.hourly(documentId, hourOf(now) - CHART_HOURS + 1)]);
    ctx.body = { data: { documentId, total: (totals as Map<string, number>).get(documentId) ?? 0, hourly: hourlySeries(rows, CHART_HOURS, now).map((h) => ({ at: new Date(h.hour * 3_600_000).toISOString(), views: h.views })) } };
  },
});
