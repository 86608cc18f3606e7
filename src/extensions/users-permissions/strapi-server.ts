// users-permissions hardening: forgot-password answers the same whether or not the address
// has an account, even when sending the e-mail fails (no 500, no account-existence oracle).
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

type Ctx = { send(body: unknown): void };
type AuthController = Record<string, (ctx: Ctx, next?: unknown) => Promise<unknown>>;
type Plugin = { controllers: Record<string, (deps: { strapi: Core.Strapi }) => AuthController> };

export default (plugin: Plugin) => {
  const createAuth = plugin.controllers.auth;
  plugin.controllers.auth = (deps) => {
    const auth = createAuth(deps);
    return {
      ...auth,
      async forgotPassword(ctx: Ctx) {
        try {
          return await auth.forgotPassword(ctx);
        } catch (error) {
          // Bad input stays a 400; anything later (mail transport) is logged, not disclosed.
          if (error instanceof errors.ValidationError) throw error;
          deps.strapi.log.error(`forgot-password: could not send the reset e-mail: ${error instanceof Error ? error.message : String(error)}`);
          ctx.send({ ok: true });
        }
      },
    };
  };
  return plugin;
};
