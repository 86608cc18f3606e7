// Route policy `plugin::accounts.consent-current`: a logged-in reader who has not accepted the
// current privacy policy gets 403 ConsentRequired (with the version) until they accept it.
// Anonymous requests pass (authentication is the route's own concern). Other features attach it:
//   config: { policies: ['plugin::accounts.consent-current'] }
import type { Core } from '@strapi/strapi';
import { ConsentRequiredError } from '../errors';

export default async (policyContext: { state: { user?: { id: number } } }, _config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const user = policyContext.state.user;
  if (!user) return true;
  const state = await strapi.plugin('accounts').service('policy').state(user.id);
  if (state.consentRequired) throw new ConsentRequiredError(state.currentVersion);
  return true;
};
