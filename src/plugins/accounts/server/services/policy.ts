// The privacy policy: the published version with the highest number is current; consent state
// of a reader; the append-only consent ledger.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { sha256 } from '../../lib/tokens';

const POLICY = 'plugin::accounts.privacy-policy';
const CONSENT = 'plugin::accounts.consent';

export interface CurrentPolicy {
  version: number;
  text: string;
  changeSummary: string | null;
  publishedAt: string;
  textHash: string;
}

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async current(): Promise<CurrentPolicy | null> {
    const doc = (await strapi.documents(POLICY as never).findFirst({
      status: 'published',
      sort: [{ version: 'desc' }],
      fields: ['version', 'text', 'changeSummary', 'publishedAt'],
    } as never)) as { version: number; text: string; changeSummary: string | null; publishedAt: string } | null;
    if (!doc) return null;
    return { version: doc.version, text: doc.text, changeSummary: doc.changeSummary ?? null, publishedAt: doc.publishedAt, textHash: sha256(doc.text) };
  },

  /** What `GET /api/users/me` reports and the consent-current policy enforces. */
  async state(userId: number) {
    const [current, reader] = await Promise.all([
      this.current(),
      strapi.plugin('accounts').service('readers').find(userId) as Promise<{ acceptedPolicyVersion: number | null } | null>,
    ]);
    const acceptedVersion = reader?.acceptedPolicyVersion ?? null;
    const currentVersion = current?.version ?? null;
    return { acceptedVersion, currentVersion, consentRequired: currentVersion !== null && (acceptedVersion ?? 0) < currentVersion };
  },

  /** Records an acceptance of the current version (the only one that can be accepted). */
  async accept(userId: number, version: number, method: 'registration' | 're-consent', locale: string | null) {
    const current = await this.current();
    if (!current) throw new errors.ValidationError('There is no privacy policy to accept yet.');
    if (version !== current.version) {
      throw new errors.ValidationError(`Only the current privacy policy version (${current.version}) can be accepted.`, { currentVersion: current.version });
    }
    const readers = strapi.plugin('accounts').service('readers');
    await strapi.db.query(CONSENT).create({
      data: { userId, policyVersion: version, textHash: current.textHash, acceptedAt: new Date(), method, locale },
    });
    await readers.update(userId, { acceptedPolicyVersion: version });
    return { acceptedVersion: version, currentVersion: current.version, consentRequired: false };
  },

  async ledger(userId: number) {
    return strapi.db.query(CONSENT).findMany({
      where: { userId },
      select: ['policyVersion', 'textHash', 'acceptedAt', 'method', 'locale'],
      orderBy: { id: 'asc' },
    });
  },
});
