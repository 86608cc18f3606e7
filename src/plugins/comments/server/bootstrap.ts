// Boot steps of the comments plugin: role permissions (once per action, so an administrator's
// removal stays), and the append-only acceptance ledger.
import type { Core } from '@strapi/strapi';
import { grantOnce } from '../../../platform/grant-once';

/** Anyone reads the rules and the threads; logged-in readers also accept, post, edit and delete. */
export const PUBLIC_ACTIONS = ['plugin::comments.standards.list', 'plugin::comments.comments.list'];
export const READER_ACTIONS = [...PUBLIC_ACTIONS, 'plugin::comments.standards.accept', 'plugin::comments.comments.post', 'plugin::comments.comments.edit', 'plugin::comments.comments.remove'];

function keepAcceptanceLedgerAppendOnly(strapi: Core.Strapi) {
  const refuse = () => {
    throw new Error('The community standards acceptance ledger is append-only.');
  };
  strapi.db.lifecycles.subscribe({ models: ['plugin::comments.standards-acceptance'], beforeUpdate: refuse, beforeUpdateMany: refuse });
}

export async function bootstrapCore(strapi: Core.Strapi) {
  await grantOnce(strapi, 'public', PUBLIC_ACTIONS);
  await grantOnce(strapi, 'authenticated', READER_ACTIONS);
  keepAcceptanceLedgerAppendOnly(strapi);
}
