// Personal data convention (see the accounts plugin): what the comments plugin holds about a
// reader, exported and erased by user id. Erasure deletes the reader's comments; a root comment
// that keeps other readers' replies in place becomes an anonymous tombstone (no text, no author).
// Their acceptances, reports, blocks, appeals and the moderation log rows about them are removed.
import type { Core } from '@strapi/strapi';
import type { CommentRow } from './comments';
import { ACCEPTANCE, APPEAL, BLOCK, COMMENT, LOG, REPORT } from '../uids';


export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async export(userId: number) {
    const q = (uid: string) => strapi.db.query(uid);
    const [comments, acceptances, reports, blocks, appeals, moderationLog] = await Promise.all([
      q(COMMENT).findMany({
        where: { authorId: userId, status: { $ne: 'deleted' } },
        select: ['id', 'articleDocumentId', 'threadId', 'parentId', 'body', 'status', 'heldFor', 'rejectedCode', 'createdAt', 'editedAt'],
        orderBy: { id: 'asc' },
      }),
      q(ACCEPTANCE).findMany({ where: { userId }, select: ['version', 'acceptedAt'], orderBy: { id: 'asc' } }),
      q(REPORT).findMany({ where: { reporterId: userId }, select: ['commentId', 'code', 'note', 'createdAt'], orderBy: { id: 'asc' } }),
      q(BLOCK).findMany({ where: { userId }, select: ['ordinal', 'permanent', 'code', 'note', 'blockedAt', 'liftedAt'], orderBy: { id: 'asc' } }),
      q(APPEAL).findMany({ where: { userId }, select: ['explanation', 'status', 'decisionNote', 'decidedAt', 'createdAt'], orderBy: { id: 'asc' } }),
      // Decisions about the reader and their comments (the moderator's name is not theirs to export).
      q(LOG).findMany({ where: { userId }, select: ['commentId', 'action', 'code', 'note', 'before', 'after', 'actorType', 'at'], orderBy: { id: 'asc' } }),
    ]);
    return { comments, standardsAcceptances: acceptances, reports, blocks, appeals, moderationLog };
  },

  async erase(userId: number) {
    const service = strapi.plugin('comments').service('comments');
    const own = (await strapi.db.query(COMMENT).findMany({
      where: { authorId: userId },
      select: ['id', 'threadId', 'status', 'articleDocumentId'],
      // Replies first, so a root whose only replies were the reader's own goes entirely.
      orderBy: [{ threadId: 'asc' }, { id: 'desc' }],
    })) as Array<Pick<CommentRow, 'id' | 'threadId' | 'status' | 'articleDocumentId'>>;
    const replies = own.filter((c) => c.threadId);
    const roots = own.filter((c) => !c.threadId);
    for (const row of [...replies, ...roots]) {
      const still = await strapi.db.query(COMMENT).findOne({ where: { id: row.id }, select: ['id'] });
      if (still) await service.removeRow(row);
    }
    const ids = own.map((c) => c.id);
    if (ids.length) await strapi.db.query(REPORT).deleteMany({ where: { commentId: { $in: ids } } });
    await strapi.db.query(REPORT).deleteMany({ where: { reporterId: userId } });
    await strapi.db.query(ACCEPTANCE).deleteMany({ where: { userId } });
    await strapi.db.query(APPEAL).deleteMany({ where: { userId } });
    await strapi.db.query(BLOCK).deleteMany({ where: { userId } });
    await strapi.db.query(LOG).deleteMany({ where: { userId } });
    if (ids.length) await strapi.db.query(LOG).deleteMany({ where: { commentId: { $in: ids } } });
  },
});
