// Who may post (and edit, report): a logged-in reader with the current privacy consent, the
// current community standards accepted, and no block in force. The route policy
// `plugin::comments.can-post` and the GraphQL resolvers both call assertCanPost.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ConsentRequiredError } from '../../../accounts/server/errors';
import { accountBlocked, standardsAcceptanceRequired } from '../errors';
import { BLOCK } from '../uids';


export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The block in force (liftedAt null), per the invariant in COMMENTS.md; null when none. */
  async activeBlock(userId: number): Promise<{ code: string; permanent: boolean } | null> {
    const row = (await strapi.db.query(BLOCK).findOne({ where: { userId, liftedAt: { $null: true } }, select: ['code', 'permanent', 'ordinal'], orderBy: { ordinal: 'desc' } })) as {
      code: string;
      permanent: boolean | null;
      ordinal: number;
    } | null;
    return row ? { code: row.code, permanent: Boolean(row.permanent) || row.ordinal >= 2 } : null;
  },

  async assertNotBlocked(userId: number): Promise<void> {
    const block = await this.activeBlock(userId);
    if (block) throw accountBlocked(block.code, block.permanent);
  },

  async assertCanPost(userId: number | null | undefined): Promise<number> {
    if (!userId) throw new errors.UnauthorizedError('Log in first.');
    const consent = await strapi.plugin('accounts').service('policy').state(userId);
    if (consent.consentRequired) throw new ConsentRequiredError(consent.currentVersion);
    const standards = await strapi.plugin('comments').service('standards').state(userId);
    if (standards.acceptanceRequired) throw standardsAcceptanceRequired(standards.currentVersion);
    await this.assertNotBlocked(userId);
    return userId;
  },
});
