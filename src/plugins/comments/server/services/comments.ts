// Posting, reading, editing and deleting comments: the rules of the issue (who, where, when,
// replies one level deep, detectors, pre-moderation, rate limits) and the index-backed thread
// listing. Controllers and GraphQL resolvers both call these functions.
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { errors } from '@strapi/utils';
import { checkBody, renderCommentHtml } from '../../lib/body';
import { fingerprint, runDetectors, textHash, type RecentComment } from '../../lib/detectors';
import { commentingState } from '../../lib/closing';
import { decodeThreadCursor, encodeThreadCursor, ThreadCursorError, type ThreadSort } from '../../lib/thread-cursor';
import { DOCUMENT_ID } from '../../lib/request-bodies';
import { commentsClosed, commentsDisabled, editWindowClosed, notYourComment } from '../errors';
import { purgeFeedCache } from '../../../../api/feed/purge-feed-cache';
import { platform } from '../../../../platform';
import type { CommentsConfig } from '../config';
import { COMMENT, LOG, READER, USER } from '../uids';


export type CommentStatus = 'approved' | 'pending' | 'rejected' | 'deleted';

export interface CommentRow {
  id: number;
  articleDocumentId: string;
  locale: string | null;
  authorId: number;
  threadId: number | null;
  parentId: number | null;
  body: string;
  status: CommentStatus;
  heldFor: string[] | null;
  score: number | null;
  premoderated: boolean | null;
  fingerprint: string | null;
  textHash: string | null;
  reportCount: number | null;
  editedByModerator: boolean | null;
  rejectedCode: string | null;
  createdAt: string | Date;
  updatedAt: string | Date;
  editedAt: string | Date | null;
  deletedAt: string | Date | null;
}

/** What readers see of a comment. Tombstones (deleted, with replies) have no body and no author. */
export interface PublicComment {
  id: number;
  body: string | null;
  html: string | null;
  status: CommentStatus;
  heldFor?: string[];
  premoderated?: boolean;
  threadId: number;
  parentId: number | null;
  createdAt: string;
  editedAt: string | null;
  author: { displayName: string } | null;
  own: boolean;
  deleted: boolean;
  replies?: PublicComment[];
}

export interface ArticleForComments {
  documentId: string;
  locale: string;
  commentsEnabled: boolean | null;
  commentsClosed: boolean | null;
  commentsPremoderated: boolean | null;
  firstPublishedAt: string | null;
  section: { commentsCloseAfterDays: number | null; commentsPremoderated: boolean | null } | null;
}

const ROW_FIELDS = ['id', 'articleDocumentId', 'locale', 'authorId', 'threadId', 'parentId', 'body', 'status', 'heldFor', 'score', 'premoderated', 'createdAt', 'editedAt', 'deletedAt'];
const RECENT_FIELDS = ['authorId', 'body', 'textHash', 'fingerprint', 'createdAt'];
const DELETED_READER = 'deleted reader';
const SYSTEM_ACTOR = { actorType: 'system', actorId: 'detectors', actorName: 'automatic checks' };

const iso = (v: string | Date | null | undefined): string | null => {
  if (v === null || v === undefined) return null;
  const d = v instanceof Date ? v : new Date(/^\d+$/.test(String(v)) ? Number(v) : v);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
};

const heldList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('plugin::comments') as CommentsConfig;
  const knex = () => strapi.db.connection as unknown as Knex;
  /** The shared limiters (one budget per name across instances); read from config on each use. */
  function rateLimiters() {
    const { accountPoints, addressPoints, durationSeconds } = config().rateLimit;
    const store = platform(strapi).store;
    return {
      account: store.limiter({ name: 'comment-post-account', points: accountPoints, durationSeconds }),
      address: store.limiter({ name: 'comment-post-address', points: addressPoints, durationSeconds }),
    };
  }

  async function consumeRateLimit(userId: number, address: string | null) {
    const { account, address: byAddress } = rateLimiters();
    const wait = (await account.consume(`u:${userId}`)) ?? (address ? await byAddress.consume(`ip:${address}`) : null);
    if (wait !== null) throw new errors.RateLimitError('You are posting too fast; please wait a little.', { retryAfterSeconds: wait });
  }

  /** A published article by documentId (any locale; `locale` preferred), or NotFoundError. */
  async function publishedArticle(documentId: unknown, locale?: string): Promise<ArticleForComments> {
    if (typeof documentId !== 'string' || !DOCUMENT_ID.test(documentId)) throw new errors.NotFoundError('No published article with this id.');
    const rows = (await strapi.db.query(config().articleUid).findMany({
      where: { documentId, publishedAt: { $notNull: true } },
      select: ['documentId', 'locale', 'commentsEnabled', 'commentsClosed', 'commentsPremoderated', 'firstPublishedAt', 'publishedAt'],
      populate: { section: { select: ['commentsCloseAfterDays', 'commentsPremoderated'] } },
      orderBy: { id: 'asc' },
    })) as Array<ArticleForComments & { publishedAt: string }>;
    if (!rows.length) throw new errors.NotFoundError('No published article with this id.');
    const row = rows.find((r) => r.locale === locale) ?? rows[0];
    return { ...row, firstPublishedAt: iso(row.firstPublishedAt ?? row.publishedAt) };
  }

  function assertOpen(article: ArticleForComments, now: Date) {
    const state = commentingState({
      commentsEnabled: article.commentsEnabled,
      commentsClosed: article.commentsClosed,
      firstPublishedAt: article.firstPublishedAt,
      sectionCloseAfterDays: article.section?.commentsCloseAfterDays ?? null,
      closeAfterDays: config().closeAfterDays,
      now,
    });
    if (state === 'disabled') throw commentsDisabled();
    if (state === 'closed') throw commentsClosed();
  }

  function bodyOrThrow(raw: unknown): string {
    const { minLength, maxLength } = config();
    const checked = checkBody(raw, { minLength, maxLength });
    if (!checked.ok) throw new errors.ValidationError(checked.message, { path: ['data', 'body'] });
    return checked.body;
  }

  const toRecent = (rows: Array<Record<string, unknown>>): RecentComment[] =>
    rows.map((r) => ({
      authorId: Number(r.authorId),
      body: String(r.body ?? ''),
      textHash: String(r.textHash ?? ''),
      fingerprint: String(r.fingerprint ?? ''),
      createdAt: new Date(iso(r.createdAt as string) ?? 0),
    }));

  /** What the detectors compare with: cheap queries on (author_id, created_at) and (article_document_id, created_at). */
  async function recentContext(userId: number, articleDocumentId: string, now: Date, exceptId?: number) {
    const d = config().detectors;
    const authorSince = new Date(now.getTime() - Math.max(1, d.floodRepeatMinutes) * 60_000);
    const articleSince = new Date(now.getTime() - Math.max(1, d.flashMobMinutes) * 60_000);
    const except = exceptId ? { id: { $ne: exceptId } } : {};
    const [byAuthor, onArticle] = await Promise.all([
      strapi.db.query(COMMENT).findMany({ where: { authorId: userId, createdAt: { $gte: authorSince }, ...except }, select: RECENT_FIELDS, orderBy: { createdAt: 'desc' }, limit: 200 }),
      strapi.db.query(COMMENT).findMany({ where: { articleDocumentId, createdAt: { $gte: articleSince }, ...except }, select: RECENT_FIELDS, orderBy: { createdAt: 'desc' }, limit: 500 }),
    ]);
    return { recentByAuthor: toRecent(byAuthor), recentOnArticle: toRecent(onArticle) };
  }

  async function premoderated(userId: number, article: ArticleForComments): Promise<boolean> {
    if (article.commentsPremoderated || article.section?.commentsPremoderated) return true;
    const until = config().premoderateUntilApproved;
    if (until <= 0) return false;
    const approved = await strapi.db.query(COMMENT).count({ where: { authorId: userId, status: 'approved' } });
    return approved < until;
  }

  async function log(entry: Record<string, unknown>) {
    await strapi.db.query(LOG).create({ data: { at: new Date(), ...entry } });
  }

  /** Display names by user id in two queries; "deleted reader" for erased or pending-deletion accounts. */
  async function authorNames(ids: number[]): Promise<Map<number, string>> {
    const unique = [...new Set(ids.filter((id) => id > 0))];
    const out = new Map<number, string>();
    if (!unique.length) return out;
    const readers = (await strapi.db.query(READER).findMany({ where: { userId: { $in: unique } }, select: ['userId', 'displayName', 'status'] })) as Array<{
      userId: number;
      displayName: string | null;
      status: string;
    }>;
    const byUser = new Map(readers.map((r) => [Number(r.userId), r]));
    const users = (await strapi.db.query(USER).findMany({ where: { id: { $in: unique } }, select: ['id', 'username'] })) as Array<{ id: number; username: string }>;
    const usernames = new Map(users.map((u) => [Number(u.id), u.username]));
    for (const id of unique) {
      const reader = byUser.get(id);
      const username = usernames.get(id);
      if (!username || (reader && reader.status !== 'active')) out.set(id, DELETED_READER);
      else out.set(id, reader?.displayName || username);
    }
    return out;
  }

  function present(row: CommentRow, names: Map<number, string>, viewerId: number | null): PublicComment {
    const deleted = row.status === 'deleted';
    const base: PublicComment = {
      id: row.id,
      body: deleted ? null : row.body,
      html: deleted ? null : renderCommentHtml(row.body),
      status: row.status,
      threadId: row.threadId ?? row.id,
      parentId: row.parentId ?? null,
      createdAt: iso(row.createdAt) ?? '',
      editedAt: deleted ? null : iso(row.editedAt),
      author: deleted ? null : { displayName: names.get(row.authorId) ?? DELETED_READER },
      own: !deleted && viewerId !== null && row.authorId === viewerId,
      deleted,
    };
    if (row.status === 'pending') {
      base.heldFor = heldList(row.heldFor);
      base.premoderated = Boolean(row.premoderated);
    }
    return base;
  }

  async function presentOne(row: CommentRow, viewerId: number | null) {
    return present(row, await authorNames([row.authorId]), viewerId);
  }

  async function findRow(id: unknown): Promise<CommentRow> {
    const n = typeof id === 'string' && /^[1-9][0-9]{0,14}$/.test(id) ? Number(id) : id;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1) throw new errors.NotFoundError('No comment with this id.');
    const row = (await strapi.db.query(COMMENT).findOne({ where: { id: n }, select: [...ROW_FIELDS, 'fingerprint', 'textHash'] })) as CommentRow | null;
    if (!row || row.status === 'deleted') throw new errors.NotFoundError('No comment with this id.');
    return row;
  }

  /** Approved comments per article, one grouped query (article pages, feed items). */
  async function counts(documentIds: string[]): Promise<Map<string, number>> {
    const ids = [...new Set(documentIds.filter((d) => typeof d === 'string' && d))];
    const out = new Map<string, number>(ids.map((id) => [id, 0]));
    if (!ids.length) return out;
    const meta = strapi.db.metadata.get(COMMENT);
    const col = (attr: string) => (meta.attributes[attr] as { columnName?: string }).columnName ?? attr;
    const rows = (await knex()(meta.tableName)
      .select({ doc: col('articleDocumentId') })
      .count({ n: '*' })
      .whereIn(col('articleDocumentId'), ids)
      .andWhere(col('status'), 'approved')
      .groupBy(col('articleDocumentId'))) as Array<{ doc: string; n: number | string }>;
    for (const r of rows) out.set(String(r.doc), Number(r.n));
    return out;
  }

  /** The approved count of an article changed: drop the cached feeds and pages showing it. */
  async function countChanged(articleDocumentId: string): Promise<void> {
    await purgeFeedCache(strapi, [`article:${articleDocumentId}`]);
  }

  return {
    publishedArticle,
    present: presentOne,
    authorNames,
    counts,
    countChanged,

    async count(articleDocumentId: string): Promise<number> {
      return (await counts([articleDocumentId])).get(articleDocumentId) ?? 0;
    },

    /**
     * Posts a comment for a reader already checked by assertCanPost (the can-post policy).
     * `input` is `{ body, parent }` as the route's `data` carries it.
     */
    async post(userId: number, articleDocumentId: unknown, input: { body: unknown; parent?: number | null }, opts: { address?: string | null; now?: Date } = {}): Promise<PublicComment> {
      const now = opts.now ?? new Date();
      const body = bodyOrThrow(input.body);
      const article = await publishedArticle(articleDocumentId);
      assertOpen(article, now);
      let threadId: number | null = null;
      let parentId: number | null = null;
      if (input.parent !== undefined && input.parent !== null) {
        const parent = (await strapi.db.query(COMMENT).findOne({ where: { id: input.parent }, select: ['id', 'articleDocumentId', 'threadId', 'status'] })) as Pick<
          CommentRow,
          'id' | 'articleDocumentId' | 'threadId' | 'status'
        > | null;
        if (!parent || parent.articleDocumentId !== article.documentId || parent.status !== 'approved') {
          throw new errors.ValidationError('parent must be a published comment on this article.', { path: ['data', 'parent'] });
        }
        // One level deep: a reply to a reply joins the same thread.
        threadId = parent.threadId ?? parent.id;
        parentId = parent.id;
      }
      await consumeRateLimit(userId, opts.address ?? null);

      const context = await recentContext(userId, article.documentId, now);
      const result = runDetectors({ body, articleLocale: article.locale, authorId: userId, now, ...context }, config().detectors);
      const held = result.codes.length > 0;
      // Both may apply: `premoderated` says so even when a detector holds it too.
      const premod = await premoderated(userId, article);
      const status: CommentStatus = held || premod ? 'pending' : 'approved';
      const row = (await strapi.db.query(COMMENT).create({
        data: {
          articleDocumentId: article.documentId,
          locale: article.locale,
          authorId: userId,
          threadId,
          parentId,
          body,
          status,
          heldFor: status === 'pending' ? result.codes : null,
          score: result.score,
          premoderated: premod,
          fingerprint: fingerprint(body),
          textHash: textHash(body),
          reportCount: 0,
          createdAt: now,
        },
        select: ROW_FIELDS,
      })) as CommentRow;
      if (held) await log({ commentId: row.id, userId, action: 'auto-hold', code: result.codes[0], note: `held for ${result.codes.join(', ')} (score ${result.score.toFixed(2)})`, ...SYSTEM_ACTOR });
      if (status === 'approved') await countChanged(article.documentId);
      return presentOne(row, userId);
    },

    /** Root comments after the cursor, each with its replies; approved ones plus the viewer's own pending ones. */
    async list(articleDocumentId: unknown, query: { cursor?: string; limit?: number; sort?: ThreadSort }, viewerId: number | null) {
      const article = await publishedArticle(articleDocumentId);
      const sort: ThreadSort = query.sort ?? 'oldest';
      const { pageSize, maxPageSize } = config();
      const limit = query.limit ?? pageSize;
      if (limit < 1 || limit > maxPageSize) throw new errors.ValidationError(`limit must be between 1 and ${maxPageSize}.`, { path: ['limit'] });
      let after: number | null = null;
      if (query.cursor) {
        try {
          after = decodeThreadCursor(query.cursor, sort);
        } catch (e) {
          if (e instanceof ThreadCursorError) throw new errors.ValidationError(e.message, { path: ['cursor'] });
          throw e;
        }
      }
      const visible = viewerId ? [{ status: { $in: ['approved', 'deleted'] } }, { status: 'pending', authorId: viewerId }] : [{ status: { $in: ['approved', 'deleted'] } }];
      const roots = (await strapi.db.query(COMMENT).findMany({
        where: {
          articleDocumentId: article.documentId,
          threadId: { $null: true },
          ...(after !== null ? { id: sort === 'oldest' ? { $gt: after } : { $lt: after } } : {}),
          $or: visible,
        },
        select: ROW_FIELDS,
        orderBy: { id: sort === 'oldest' ? 'asc' : 'desc' },
        limit: limit + 1,
      })) as CommentRow[];
      const hasMore = roots.length > limit;
      const page = roots.slice(0, limit);
      const replyVisible = viewerId ? [{ status: 'approved' }, { status: 'pending', authorId: viewerId }] : [{ status: 'approved' }];
      const replies = page.length
        ? ((await strapi.db.query(COMMENT).findMany({
            where: { threadId: { $in: page.map((r) => r.id) }, $or: replyVisible },
            select: ROW_FIELDS,
            orderBy: { id: 'asc' },
          })) as CommentRow[])
        : [];
      const names = await authorNames([...page, ...replies].map((r) => r.authorId));
      const byThread = new Map<number, PublicComment[]>();
      for (const r of replies) {
        const list = byThread.get(r.threadId as number) ?? [];
        list.push(present(r, names, viewerId));
        byThread.set(r.threadId as number, list);
      }
      const threads = page
        .map((r) => ({ ...present(r, names, viewerId), replies: byThread.get(r.id) ?? [] }))
        // A tombstone stands only for the replies it keeps in place.
        .filter((t) => !t.deleted || t.replies.length > 0);
      const last = page[page.length - 1];
      return {
        data: threads,
        meta: {
          commentCount: await this.count(article.documentId),
          sort,
          pagination: { limit, hasMore, nextCursor: hasMore && last ? encodeThreadCursor(sort, last.id) : null },
        },
      };
    },

    /** The author's edit within the edit window; detectors run again on the new text. */
    async edit(userId: number, id: unknown, input: { body: unknown }, opts: { now?: Date } = {}): Promise<PublicComment> {
      const now = opts.now ?? new Date();
      const row = await findRow(id);
      if (row.authorId !== userId) throw notYourComment();
      if (row.status === 'rejected') throw new errors.ValidationError('A rejected comment cannot be edited.');
      const window = config().editWindowMinutes;
      const created = new Date(iso(row.createdAt) ?? 0).getTime();
      if (now.getTime() > created + window * 60_000) throw editWindowClosed(window);
      const body = bodyOrThrow(input.body);
      const context = await recentContext(userId, row.articleDocumentId, now, row.id);
      const result = runDetectors({ body, articleLocale: row.locale ?? '', authorId: userId, now, ...context }, config().detectors);
      const held = result.codes.length > 0;
      const status: CommentStatus = held ? 'pending' : row.status;
      const heldFor = held ? [...new Set([...heldList(row.heldFor), ...result.codes])] : row.heldFor;
      const updated = (await strapi.db.query(COMMENT).update({
        where: { id: row.id },
        data: { body, status, heldFor, score: held ? result.score : row.score, fingerprint: fingerprint(body), textHash: textHash(body), editedAt: now },
        select: ROW_FIELDS,
      })) as CommentRow;
      await log({ commentId: row.id, userId, action: 'author-edit', before: row.body, after: body, actorType: 'reader', actorId: String(userId), actorName: 'author' });
      if (held) await log({ commentId: row.id, userId, action: 'auto-hold', code: result.codes[0], note: `held for ${result.codes.join(', ')} after an edit (score ${result.score.toFixed(2)})`, ...SYSTEM_ACTOR });
      if (row.status === 'approved' && status !== 'approved') await countChanged(row.articleDocumentId);
      return presentOne(updated, userId);
    },

    /** The author's delete: a root comment with replies stays as a tombstone, anything else goes. */
    async remove(userId: number, id: unknown): Promise<{ id: number; deleted: true; tombstone: boolean }> {
      const row = await findRow(id);
      if (row.authorId !== userId) throw notYourComment();
      const tombstone = await this.removeRow(row);
      await log({ commentId: row.id, userId, action: 'author-delete', actorType: 'reader', actorId: String(userId), actorName: 'author' });
      return { id: row.id, deleted: true, tombstone };
    },

    /** Deletes one comment (tombstone when it keeps replies in place); used by the author's delete and erasure. */
    async removeRow(row: Pick<CommentRow, 'id' | 'threadId' | 'status' | 'articleDocumentId'>): Promise<boolean> {
      let tombstone = false;
      if (row.threadId === null || row.threadId === undefined) {
        const replies = await strapi.db.query(COMMENT).count({ where: { threadId: row.id } });
        tombstone = replies > 0;
      }
      if (tombstone) {
        await strapi.db.query(COMMENT).update({
          where: { id: row.id },
          data: { status: 'deleted', body: '', heldFor: null, fingerprint: null, textHash: null, authorId: 0, deletedAt: new Date() },
        });
      } else {
        await strapi.db.query(COMMENT).delete({ where: { id: row.id } });
        if (row.threadId) {
          // The last reply under a tombstone takes the tombstone with it.
          const root = (await strapi.db.query(COMMENT).findOne({ where: { id: row.threadId }, select: ['id', 'status'] })) as { id: number; status: string } | null;
          if (root?.status === 'deleted' && (await strapi.db.query(COMMENT).count({ where: { threadId: root.id } })) === 0) {
            await strapi.db.query(COMMENT).delete({ where: { id: root.id } });
          }
        }
      }
      if (row.status === 'approved') await countChanged(row.articleDocumentId);
      return tombstone;
    },
  };
};
