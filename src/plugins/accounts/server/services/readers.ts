// The reader row beside each users-permissions user: profile, account state, session cut-off.
import type { Core } from '@strapi/strapi';

const READER = 'plugin::accounts.reader';

export interface Reader {
  id: number;
  userId: number;
  displayName: string | null;
  locale: string | null;
  status: 'active' | 'pending-deletion';
  deletionRequestedAt: string | null;
  restoreTokenHash: string | null;
  blockedBeforeDeletion: boolean | null;
  sessionsValidAfter: string | number | null;
  acceptedPolicyVersion: number | null;
  avatar?: { id: number; url: string } | null;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(userId: number): Promise<Reader | null> {
    return strapi.db.query(READER).findOne({ where: { userId }, populate: { avatar: { select: ['id', 'url'] } } });
  },

  /** The reader row, created on first use (accounts made before this plugin, social logins). */
  async ensure(userId: number): Promise<Reader> {
    const found = await this.find(userId);
    if (found) return found;
    try {
      return await strapi.db.query(READER).create({ data: { userId, status: 'active' } });
    } catch (error) {
      // A concurrent request created it first (unique userId).
      const again = await this.find(userId);
      if (again) return again;
      throw error;
    }
  },

  async update(userId: number, data: Partial<Omit<Reader, 'id' | 'userId' | 'avatar'>> & { avatar?: number | null }): Promise<Reader> {
    await this.ensure(userId);
    return strapi.db.query(READER).update({ where: { userId }, data });
  },

  /** Logs the reader out everywhere: tokens issued before now stop working. */
  async revokeSessions(userId: number): Promise<void> {
    await this.update(userId, { sessionsValidAfter: Date.now() });
  },

  /** Whether a users-permissions token (with its issue time) is still good for this reader. */
  async tokenIsCurrent(userId: number, issuedAtMs: number): Promise<boolean> {
    const reader = await strapi.db.query(READER).findOne({ where: { userId }, select: ['status', 'sessionsValidAfter'] });
    if (!reader) return true;
    if (reader.status !== 'active') return false;
    const cutOff = Number(reader.sessionsValidAfter ?? 0);
    return !cutOff || issuedAtMs >= cutOff;
  },

  /** How other features (comments) show a reader: "deleted reader" while deletion is pending or done. */
  async publicAuthor(userId: number | null | undefined): Promise<{ displayName: string; deleted: boolean }> {
    const reader = userId ? await strapi.db.query(READER).findOne({ where: { userId }, select: ['status', 'displayName'] }) : null;
    if (!userId || (reader && reader.status !== 'active')) return { displayName: 'deleted reader', deleted: true };
    if (reader?.displayName) return { displayName: reader.displayName, deleted: false };
    const user = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: userId }, select: ['username'] });
    return { displayName: user?.username ?? 'deleted reader', deleted: !user };
  },
});
