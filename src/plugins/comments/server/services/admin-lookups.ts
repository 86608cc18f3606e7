// What the "Comments" admin page reads besides the moderation services: the standards listed in
// the reject and block dialogs.
import type { Core } from '@strapi/strapi';
import { STANDARD } from '../uids';


export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async standards(locale: string) {
    const find = (l: string) =>
      strapi.documents(STANDARD as never).findMany({ locale: l, fields: ['code', 'title', 'ruleText', 'action', 'automatic', 'position'], sort: ['position:asc', 'code:asc'], limit: 200 } as never) as Promise<Array<Record<string, unknown>>>;
    const found = await find(locale);
    if (found.length || locale === 'en') return found.map(({ code, title, ruleText, action, automatic }) => ({ code, title, ruleText, action, automatic }));
    return (await find('en')).map(({ code, title, ruleText, action, automatic }) => ({ code, title, ruleText, action, automatic }));
  },
});
