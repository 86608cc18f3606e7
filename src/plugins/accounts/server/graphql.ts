// GraphQL side of reader accounts: the same services and permissions as the REST routes.
// The plugin's own types stay out of the generated CRUD (readers and consents are private).
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { ConsentRequiredError } from './errors';

type Nexus = Record<string, any>;
interface Context {
  state: { user?: { id: number } };
}

const scope = (action: string) => ({ auth: { scope: [`plugin::accounts.account.${action}`] } });

export function registerAccountsGraphql(strapi: Core.Strapi) {
  if (!strapi.plugin('graphql')) return;
  const extension = strapi.plugin('graphql').service('extension');
  for (const uid of ['plugin::accounts.reader', 'plugin::accounts.consent', 'plugin::accounts.privacy-policy']) extension.shadowCRUD(uid).disable();

  const service = (name: string) => strapi.plugin('accounts').service(name);
  const userId = (context: Context) => {
    const id = context.state.user?.id;
    if (!id) throw new errors.UnauthorizedError('Log in first.');
    return id;
  };
  const needsConsent = async (id: number) => {
    const state = await service('policy').state(id);
    if (state.consentRequired) throw new ConsentRequiredError(state.currentVersion);
  };
  // GraphQL arguments are typed already; drop absent optional ones so the REST body rules apply unchanged.
  const defined = (args: Record<string, unknown>) => Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined && v !== null));

  extension.use(({ nexus }: { nexus: Nexus }) => ({
    types: [
      nexus.objectType({
        name: 'AccountsPrivacyPolicy',
        definition(t: Nexus) {
          t.nonNull.int('version');
          t.nonNull.string('text');
          t.string('changeSummary');
          t.nonNull.string('publishedAt');
          t.nonNull.string('textHash');
        },
      }),
      nexus.objectType({
        name: 'AccountsPrivacyState',
        definition(t: Nexus) {
          t.int('acceptedVersion');
          t.int('currentVersion');
          t.nonNull.boolean('consentRequired');
        },
      }),
      nexus.objectType({
        name: 'AccountsProfile',
        definition(t: Nexus) {
          t.string('username');
          t.string('displayName');
          t.string('locale');
          t.string('avatarUrl');
        },
      }),
      nexus.objectType({
        name: 'AccountsStatus',
        definition(t: Nexus) {
          t.nonNull.string('status');
          t.string('restorableUntil');
        },
      }),
      nexus.extendType({
        type: 'Query',
        definition(t: Nexus) {
          t.field('privacyPolicy', {
            type: 'AccountsPrivacyPolicy',
            resolve: async () => {
              const current = await service('policy').current();
              if (!current) throw new errors.NotFoundError('No privacy policy has been published yet.');
              return current;
            },
          });
          t.field('accountPrivacy', { type: 'AccountsPrivacyState', resolve: (_p: unknown, _a: unknown, ctx: Context) => service('policy').state(userId(ctx)) });
          t.field('accountProfile', {
            type: 'AccountsProfile',
            resolve: async (_p: unknown, _a: unknown, ctx: Context) => {
              const profile = await service('profile').get(userId(ctx));
              return { ...profile, avatarUrl: profile.avatar?.url ?? null };
            },
          });
          t.field('accountExport', {
            type: 'JSON',
            resolve: (_p: unknown, _a: unknown, ctx: Context) => service('profile').exportOnce(userId(ctx), (strapi.config.get('plugin::accounts') as { exportIntervalHours: number }).exportIntervalHours),
          });
          t.field('captchaChallenge', { type: 'JSON', resolve: () => service('captcha').challenge() });
        },
      }),
      nexus.extendType({
        type: 'Mutation',
        definition(t: Nexus) {
          t.field('updateAccountProfile', {
            type: 'AccountsProfile',
            args: { displayName: nexus.stringArg(), locale: nexus.stringArg() },
            resolve: async (_p: unknown, args: Record<string, unknown>, ctx: Context) => {
              const id = userId(ctx);
              await needsConsent(id);
              const profile = await service('profile').update(id, defined(args));
              return { ...profile, avatarUrl: profile.avatar?.url ?? null };
            },
          });
          t.field('acceptPrivacyPolicy', {
            type: 'AccountsPrivacyState',
            args: { version: nexus.nonNull(nexus.intArg()) },
            resolve: async (_p: unknown, args: { version: number }, ctx: Context) => {
              const id = userId(ctx);
              const reader = await service('readers').ensure(id);
              return service('policy').accept(id, args.version, 're-consent', reader.locale);
            },
          });
          t.field('deleteAccount', {
            type: 'AccountsStatus',
            args: { password: nexus.stringArg() },
            resolve: (_p: unknown, args: Record<string, unknown>, ctx: Context) => service('deletion').request(userId(ctx), defined(args), null),
          });
          t.field('restoreAccount', {
            type: 'AccountsStatus',
            args: { token: nexus.nonNull(nexus.stringArg()) },
            resolve: (_p: unknown, args: { token: string }) => service('deletion').restore(args),
          });
        },
      }),
    ],
    resolversConfig: {
      'Query.privacyPolicy': scope('privacyPolicy'),
      'Query.accountPrivacy': scope('profile'),
      'Query.accountProfile': scope('profile'),
      'Query.accountExport': scope('export'),
      'Query.captchaChallenge': scope('challenge'),
      'Mutation.updateAccountProfile': scope('updateProfile'),
      'Mutation.acceptPrivacyPolicy': scope('consent'),
      'Mutation.deleteAccount': scope('delete'),
      'Mutation.restoreAccount': scope('restore'),
    },
  }));
}
