// What the "Comments" admin page reads besides the queues: the standards for the reject and block
// dialogs, and one comment's decision log (oldest first).
import type { Core } from '@strapi/strapi';

const STANDARD = 'plugin::comments.community-standard';
const LOG = 'plugin::comments.moderation-log';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async standards(locale: string) {
    const find = (l: string) =>
      strapi.documents(STANDARD as never).findMany({ locale: l, fields: ['code', 'title', 'ruleText', 'action', 'automatic', 'position'], sort: ['position:asc', 'code:asc'], limit: 200 } as never) as Promise<Array<Record<string, unknown>>>;
    const found = await find(locale);
    if (found.length || locale === 'en') return found.map(({ code, title, ruleText, action, automatic }) => ({ code, title, ruleText, action, automatic }));
    return (await find('en')).map(({ code, title, ruleText, action, automatic }) => ({ code, title, ruleText, action, automatic }));
  },

  async commentLog(commentId: number) {
    return strapi.db.query(LOG).findMany({
      where: { commentId },
      select: ['id', 'action', 'code', 'note', 'before', 'after', 'actorType', 'actorName', 'at'],
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
      limit: 500,
    });
  },
});
