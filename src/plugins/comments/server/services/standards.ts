// The community standards: the rules (localised, ordered), the published version with the highest
// number (current), and the append-only acceptance ledger (account, version, time).
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ACCEPTANCE, STANDARD, VERSION } from '../uids';


export interface Standard {
  code: string;
  title: string;
  ruleText: string;
  action: string;
  automatic: boolean;
}

export interface StandardsState {
  currentVersion: number | null;
  acceptedVersion: number | null;
  acceptanceRequired: boolean;
}

const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async current(): Promise<{ version: number; changeSummary: string | null; publishedAt: string } | null> {
    const doc = (await strapi.documents(VERSION as never).findFirst({
      status: 'published',
      sort: [{ version: 'desc' }],
      fields: ['version', 'changeSummary', 'publishedAt'],
    } as never)) as { version: number; changeSummary: string | null; publishedAt: string } | null;
    return doc ? { version: doc.version, changeSummary: doc.changeSummary ?? null, publishedAt: doc.publishedAt } : null;
  },

  /** The rules page: every standard in `locale` (default locale when absent), in their editors' order. */
  async list(requested?: unknown) {
    const i18n = strapi.plugin('i18n').service('locales');
    const defaultLocale = ((await i18n.getDefaultLocale()) as string) ?? 'en';
    let locale = defaultLocale;
    if (requested !== undefined && requested !== '') {
      const codes = ((await i18n.find()) as Array<{ code: string }>).map((l) => l.code);
      if (typeof requested !== 'string' || !LOCALE.test(requested) || !codes.includes(requested)) {
        throw new errors.ValidationError(`Unknown locale. Available: ${codes.join(', ')}.`, { path: ['locale'] });
      }
      locale = requested;
    }
    const rows = (await strapi.documents(STANDARD as never).findMany({
      locale,
      sort: [{ position: 'asc' }, { code: 'asc' }],
      fields: ['code', 'title', 'ruleText', 'action', 'automatic', 'position'],
    } as never)) as Array<Standard & { position: number }>;
    const current = await this.current();
    return {
      locale,
      version: current?.version ?? null,
      publishedAt: current?.publishedAt ?? null,
      changeSummary: current?.changeSummary ?? null,
      standards: rows.map((r) => ({ code: r.code, title: r.title, ruleText: r.ruleText, action: r.action, automatic: Boolean(r.automatic) })),
    };
  },

  /** The codes every moderation decision must name (from any locale). */
  async codes(): Promise<string[]> {
    const rows = (await strapi.db.query(STANDARD).findMany({ select: ['code'] })) as Array<{ code: string }>;
    return [...new Set(rows.map((r) => r.code))].sort();
  },

  async state(userId: number): Promise<StandardsState> {
    const [current, last] = await Promise.all([
      this.current(),
      strapi.db.query(ACCEPTANCE).findOne({ where: { userId }, select: ['version'], orderBy: { version: 'desc' } }) as Promise<{ version: number } | null>,
    ]);
    const currentVersion = current?.version ?? null;
    const acceptedVersion = last?.version ?? null;
    // No published standards yet: nothing to accept, nobody waits.
    return { currentVersion, acceptedVersion, acceptanceRequired: currentVersion !== null && (acceptedVersion ?? 0) < currentVersion };
  },

  /** Records an acceptance of the current version (the only one that can be accepted). */
  async accept(userId: number, version: unknown): Promise<StandardsState & { acceptedAt: string }> {
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
      throw new errors.ValidationError('version must be the current community standards version (a whole number).', { path: ['version'] });
    }
    const current = await this.current();
    if (!current) throw new errors.ValidationError('There are no community standards to accept yet.');
    if (version !== current.version) {
      throw new errors.ValidationError(`Only the current community standards version (${current.version}) can be accepted.`, { currentVersion: current.version });
    }
    const acceptedAt = new Date();
    await strapi.db.query(ACCEPTANCE).create({ data: { userId, version, acceptedAt } });
    return { currentVersion: current.version, acceptedVersion: version, acceptanceRequired: false, acceptedAt: acceptedAt.toISOString() };
  },

  async ledger(userId: number) {
    return strapi.db.query(ACCEPTANCE).findMany({ where: { userId }, select: ['version', 'acceptedAt'], orderBy: { id: 'asc' } });
  },
});
