// Account deletion: pending at once (logged out everywhere, cannot log in, shown as "deleted
// reader"), restorable for ACCOUNT_RESTORE_DAYS through the mailed link, then purged by a job
// that runs once across instances.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { daysLeft, isRestorable, purgeAfter } from '../../lib/deletion-window';
import { hashToken, isTokenShaped, newToken } from '../../lib/tokens';
import { deleteBody, tokenBody } from '../../lib/request-bodies';
import { platform } from '../../../../platform';
import { parseBody } from './auth-flows';
import type { AccountsConfig } from '../config';

const USER = 'plugin::users-permissions.user';
const READER = 'plugin::accounts.reader';
/** A password-less (social) account proves itself with a login this recent. */
const FRESH_LOGIN_MS = 10 * 60 * 1000;

export const PURGE_JOB = 'accounts-purge';

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = () => strapi.plugin('accounts');
  const config = () => strapi.config.get('plugin::accounts') as AccountsConfig;
  const now = (): Date => plugin().service('clock').now();

  return {
    /** `tokenIssuedAtMs`: when the caller's login token was issued (fresh-login proof for social accounts). */
    async request(userId: number, body: unknown, tokenIssuedAtMs: number | null) {
      const user = await strapi.db.query(USER).findOne({ where: { id: userId }, select: ['id', 'email', 'username', 'password', 'blocked'] });
      if (!user) throw new errors.NotFoundError('There is no such account.');
      const reader = await plugin().service('readers').ensure(userId);
      if (reader.status === 'pending-deletion') throw new errors.ValidationError('This account is already scheduled for deletion.');
      if (user.password) {
        const { password } = parseBody(deleteBody, body);
        const valid = await strapi.plugin('users-permissions').service('user').validatePassword(password, user.password);
        if (!valid) throw new errors.ValidationError('The password is not correct.', { field: 'password' });
      } else if (!tokenIssuedAtMs || Date.now() - tokenIssuedAtMs > FRESH_LOGIN_MS) {
        throw new errors.PolicyError('Log in again with your social account (within the last 10 minutes) to delete the account.');
      }

      const requestedAt = now();
      const token = newToken();
      await strapi.db.query(READER).update({
        where: { userId },
        data: {
          status: 'pending-deletion',
          deletionRequestedAt: requestedAt,
          restoreTokenHash: hashToken(token),
          blockedBeforeDeletion: Boolean(user.blocked),
          sessionsValidAfter: Date.now(),
        },
      });
      // Blocked: users-permissions refuses its logins and tokens, for every provider.
      await strapi.db.query(USER).update({ where: { id: userId }, data: { blocked: true } });
      const purgeDate = purgeAfter(requestedAt, config().restoreDays);
      await plugin().service('mailer').sendQuietly('deletion-notice', user.email, reader.locale, {
        username: user.username,
        days: String(config().restoreDays),
        purgeDate: purgeDate.toISOString().slice(0, 10),
        link: plugin().service('mailer').pageLink('restore', { token }),
      });
      return { status: 'pending-deletion', restorableUntil: purgeDate.toISOString() };
    },

    async restore(body: unknown) {
      const { token } = parseBody(tokenBody, body);
      const invalid = () => new errors.ValidationError('This restore link is invalid, was already used, or the account has been erased.');
      if (!isTokenShaped(token)) throw invalid();
      const hash = hashToken(token);
      const reader = await strapi.db.query(READER).findOne({ where: { restoreTokenHash: hash, status: 'pending-deletion' } });
      if (!reader || !reader.deletionRequestedAt) throw invalid();
      if (!isRestorable(new Date(reader.deletionRequestedAt), config().restoreDays, now())) {
        throw new errors.ValidationError('This restore link has expired: the restore period is over.');
      }
      // Two clicks racing (or two instances): only one restores.
      if (!(await platform(strapi).store.claim(`accounts:restore:${hash}`, 3600))) throw invalid();
      await strapi.db.query(READER).update({
        where: { id: reader.id },
        data: { status: 'active', deletionRequestedAt: null, restoreTokenHash: null },
      });
      await strapi.db.query(USER).update({ where: { id: reader.userId }, data: { blocked: Boolean(reader.blockedBeforeDeletion) } });
      return { status: 'active' };
    },

    async pending() {
      const rows = await strapi.db.query(READER).findMany({
        where: { status: 'pending-deletion' },
        select: ['userId', 'deletionRequestedAt', 'deletionVerifiedAt'],
        orderBy: { deletionRequestedAt: 'asc' },
      });
      const at = now();
      return rows.map((r: { userId: number; deletionRequestedAt: string }) => {
        const requested = new Date(r.deletionRequestedAt);
        return {
          userId: r.userId,
          requestedAt: requested.toISOString(),
          purgeAfter: purgeAfter(requested, config().restoreDays).toISOString(),
          daysLeft: daysLeft(requested, config().restoreDays, at),
        };
      });
    },

    /** Erases one reader's personal data in every plugin that holds some. */
    async purgeOne(userId: number) {
      await plugin().service('personal-data').eraseEverywhere(userId);
    },

    /** The scheduled purge: idempotent (a purged reader has no row left to find). Logs counts only. */
    async purgeDue(): Promise<number> {
      const cutOff = new Date(now().getTime() - config().restoreDays * 24 * 60 * 60 * 1000);
      const due = await strapi.db.query(READER).findMany({
        where: { status: 'pending-deletion', deletionRequestedAt: { $lte: cutOff } },
        select: ['userId'],
      });
      let purged = 0;
      for (const { userId } of due as { userId: number }[]) {
        try {
          await this.purgeOne(userId);
          purged += 1;
        } catch (error) {
          strapi.log.error(`accounts purge: one account could not be erased: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      strapi.log.info(`accounts purge: ${purged} account(s) erased, ${due.length - purged} failed`);
      return purged;
    },
  };
};
