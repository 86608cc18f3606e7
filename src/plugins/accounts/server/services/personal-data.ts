// Personal data convention: every plugin holding reader data has a `personal-data` service with
// export(userId) and erase(userId). This one covers the accounts plugin itself (account, profile,
// consents, login provider) and runs export/erase across all plugins.
import type { Core } from '@strapi/strapi';

const USER = 'plugin::users-permissions.user';
const READER = 'plugin::accounts.reader';
const CONSENT = 'plugin::accounts.consent';

interface PersonalDataService {
  export(userId: number): Promise<unknown>;
  erase(userId: number): Promise<void>;
}

function holders(strapi: Core.Strapi): [string, PersonalDataService][] {
  return Object.keys(strapi.plugins)
    .filter((name) => name !== 'accounts')
    .map((name) => [name, strapi.plugin(name).service('personal-data') as PersonalDataService | undefined] as const)
    .filter((entry): entry is [string, PersonalDataService] => Boolean(entry[1]));
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async export(userId: number) {
    const user = await strapi.db.query(USER).findOne({
      where: { id: userId },
      select: ['username', 'email', 'provider', 'confirmed', 'createdAt', 'updatedAt'],
      populate: { role: { select: ['name'] } },
    });
    const reader = await strapi.db.query(READER).findOne({
      where: { userId },
      select: ['displayName', 'locale', 'status', 'acceptedPolicyVersion', 'createdAt'],
      populate: { avatar: { select: ['url', 'mime', 'width', 'height'] } },
    });
    const consents = await strapi.plugin('accounts').service('policy').ledger(userId);
    return {
      account: user ? { username: user.username, email: user.email, confirmed: user.confirmed, createdAt: user.createdAt, role: user.role?.name ?? null } : null,
      loginProviders: user ? [user.provider] : [],
      profile: reader ? { displayName: reader.displayName, locale: reader.locale, avatar: reader.avatar ?? null, status: reader.status } : null,
      consents,
    };
  },

  async erase(userId: number) {
    const reader = await strapi.db.query(READER).findOne({ where: { userId }, populate: { avatar: { select: ['id'] } } });
    if (reader?.avatar?.id) {
      const file = await strapi.db.query('plugin::upload.file').findOne({ where: { id: reader.avatar.id } });
      if (file) await strapi.plugin('upload').service('upload').remove(file);
    }
    await strapi.db.query(CONSENT).deleteMany({ where: { userId } });
    await strapi.db.query(READER).deleteMany({ where: { userId } });
    // The users-permissions row holds the e-mail, password hash and tokens: it goes last.
    await strapi.db.query(USER).delete({ where: { id: userId } });
  },

  /** Everything every plugin holds about the reader, keyed by plugin name. */
  async exportEverywhere(userId: number) {
    const out: Record<string, unknown> = { accounts: await this.export(userId) };
    for (const [name, service] of holders(strapi)) out[name] = await service.export(userId);
    return out;
  },

  /** Other plugins first (they may still need the user row), then the account itself. */
  async eraseEverywhere(userId: number) {
    for (const [, service] of holders(strapi)) await service.erase(userId);
    await this.erase(userId);
  },
});
