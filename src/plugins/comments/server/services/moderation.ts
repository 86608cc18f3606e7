// Moderation of comments: the queues, approve / reject (with a standard's code) / edit, bulk
// decisions, readers' reports, and a reader's moderation history. Every decision writes one
// moderation-log row; approve and reject change the article's approved count.
import type { Core } from '@strapi/strapi';
import { badRequest, invalid, notFound, accountBlocked } from '../moderation-errors';
import {
  COMMENT,
  LOG,
  REPORT,
  SYSTEM,
  approvedCountChanged,
  config,
  displayNames,
  findStandard,
  mailAboutStandard,
  pageArgs,
  requireStandard,
  writeLog,
  type Actor,
  type LogEntry,
} from '../moderation-support';
import { optionalNote, type BlocksService } from './blocks';
import { checkBody } from '../../lib/body';
import type { CommentRow } from './comments';

export type Decision = { action: 'approve' | 'reject' | 'edit'; code?: string | null; note?: string | null; body?: string | null };

/** The comment row as stored (one definition, with the posting side). */
export type { CommentRow };

export interface ReportRow {
  id: number;
  commentId: number;
  reporterId: number;
  code: string;
  note: string | null;
  resolved: boolean;
  createdAt: string;
}

const COMMENT_FIELDS = ['id', 'articleDocumentId', 'locale', 'authorId', 'threadId', 'parentId', 'body', 'status', 'heldFor', 'score', 'reportCount', 'editedAt', 'editedByModerator', 'deletedAt', 'rejectedCode', 'createdAt', 'updatedAt'];
const REPORT_FIELDS = ['id', 'commentId', 'reporterId', 'code', 'note', 'resolved', 'createdAt'];
const LOG_FIELDS = ['id', 'commentId', 'userId', 'action', 'code', 'note', 'before', 'after', 'actorType', 'actorId', 'actorName', 'at'];
const MAX_REPORT_NOTE = 2000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A moderator's body edit: the same rules as a reader's post (lib/body.ts). */
function checkModeratorBody(raw: unknown, limits: { minLength: number; maxLength: number }): string {
  if (raw === undefined || raw === null) throw invalid('body is required for an edit.', { field: 'body' });
  const checked = checkBody(raw, limits);
  if (!checked.ok) throw invalid(checked.message, { field: 'body' });
  return checked.body;
}

const moderationService = ({ strapi }: { strapi: Core.Strapi }) => {
  const blocks = () => strapi.plugin('comments').service('blocks') as BlocksService;
  const loadComment = async (id: number) => {
    const row = Number.isSafeInteger(id) && id > 0 ? ((await strapi.db.query(COMMENT).findOne({ where: { id }, select: COMMENT_FIELDS })) as CommentRow | null) : null;
    if (!row) throw notFound('No such comment.');
    return row;
  };

  async function articleTitles(documentIds: string[]): Promise<Map<string, string>> {
    const ids = [...new Set(documentIds)];
    const out = new Map<string, string>();
    if (!ids.length) return out;
    const uid = config(strapi).articleUid;
    const rows = (await strapi.db.query(uid as never).findMany({ where: { documentId: { $in: ids } }, select: ['documentId', 'title', 'publishedAt'] })) as Array<{ documentId: string; title: string; publishedAt: string | null }>;
    for (const r of rows) if (!out.has(r.documentId) || r.publishedAt) out.set(r.documentId, r.title);
    return out;
  }

  async function items(rows: CommentRow[]) {
    const ids = rows.map((r) => r.id);
    const [titles, names, reports, logs] = await Promise.all([
      articleTitles(rows.map((r) => r.articleDocumentId)),
      displayNames(strapi, rows.map((r) => r.authorId)),
      ids.length ? (strapi.db.query(REPORT).findMany({ where: { commentId: { $in: ids } }, select: REPORT_FIELDS, orderBy: { id: 'asc' } }) as Promise<ReportRow[]>) : Promise.resolve([] as ReportRow[]),
      ids.length ? (strapi.db.query(LOG).findMany({ where: { commentId: { $in: ids } }, select: LOG_FIELDS, orderBy: { id: 'asc' } }) as Promise<LogEntry[]>) : Promise.resolve([] as LogEntry[]),
    ]);
    const reporterNames = await displayNames(strapi, reports.map((r) => r.reporterId));
    return rows.map((r) => ({
      ...r,
      heldFor: r.heldFor ?? [],
      article: { documentId: r.articleDocumentId, title: titles.get(r.articleDocumentId) ?? null },
      author: { id: r.authorId, displayName: names.get(r.authorId) ?? 'deleted reader' },
      reports: reports.filter((p) => p.commentId === r.id).map((p) => ({ ...p, reporter: { id: p.reporterId, displayName: reporterNames.get(p.reporterId) ?? 'deleted reader' } })),
      log: logs.filter((l) => l.commentId === r.id),
    }));
  }

  return {
    async queue(q: { status?: 'pending' | 'reported' | 'all'; article?: string; user?: number | string; code?: string; from?: string; to?: string; page?: number | string; pageSize?: number | string }) {
      const status = q.status ?? 'pending';
      if (!['pending', 'reported', 'all'].includes(status)) throw invalid('status must be pending, reported or all.', { field: 'status' });
      const { page, pageSize } = pageArgs(q);
      const and: Record<string, unknown>[] = [];
      if (status === 'pending') and.push({ status: 'pending' });
      if (status === 'reported') {
        const reported = (await strapi.db.query(REPORT).findMany({ where: { resolved: false }, select: ['commentId'] })) as Array<{ commentId: number }>;
        and.push({ id: { $in: [...new Set(reported.map((r) => r.commentId))].concat([-1]) } }, { status: { $in: ['approved', 'pending'] } });
      }
      if (q.article !== undefined && q.article !== '') {
        if (typeof q.article !== 'string' || q.article.length > 64) throw invalid('article must be a documentId.', { field: 'article' });
        and.push({ articleDocumentId: q.article });
      }
      if (q.user !== undefined && q.user !== '') {
        const user = Number(q.user);
        if (!Number.isSafeInteger(user) || user < 1) throw invalid('user must be an account id.', { field: 'user' });
        and.push({ authorId: user });
      }
      if (q.code !== undefined && q.code !== '') {
        if (typeof q.code !== 'string' || !/^[a-z][a-z0-9-]{0,39}$/.test(q.code)) throw invalid('code must be a standard code.', { field: 'code' });
        // heldFor is JSON: codes that fired, reports with the code, or the rejection's code.
        const [reported, all] = await Promise.all([
          strapi.db.query(REPORT).findMany({ where: { code: q.code }, select: ['commentId'] }) as Promise<Array<{ commentId: number }>>,
          strapi.db.query(COMMENT).findMany({ where: { heldFor: { $notNull: true } }, select: ['id', 'heldFor'] }) as Promise<Array<{ id: number; heldFor: unknown }>>,
        ]);
        const held = all.filter((c) => Array.isArray(c.heldFor) && (c.heldFor as unknown[]).includes(q.code)).map((c) => c.id);
        and.push({ $or: [{ id: { $in: [...reported.map((r) => r.commentId), ...held, -1] } }, { rejectedCode: q.code }] });
      }
      for (const [key, op] of [['from', '$gte'], ['to', '$lte']] as const) {
        const value = q[key];
        if (value === undefined || value === '') continue;
        if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(value))) throw invalid(`${key} must be an ISO date.`, { field: key });
        const date = new Date(value);
        if (key === 'to' && /^\d{4}-\d{2}-\d{2}$/.test(value)) date.setUTCHours(23, 59, 59, 999);
        and.push({ createdAt: { [op]: date } });
      }
      const where = and.length ? { $and: and } : {};
      const [rows, total] = await Promise.all([
        strapi.db.query(COMMENT).findMany({ where, select: COMMENT_FIELDS, orderBy: [{ createdAt: status === 'all' ? 'desc' : 'asc' }, { id: 'asc' }], offset: (page - 1) * pageSize, limit: pageSize }) as Promise<CommentRow[]>,
        strapi.db.query(COMMENT).count({ where }),
      ]);
      return { results: await items(rows), pagination: { page, pageSize, total } };
    },

    /** One comment as the moderation queue shows it. */
    async item(commentId: number) {
      return (await items([await loadComment(commentId)]))[0];
    },

    async decide(commentId: number, d: Decision, actor: Actor) {
      if (!d || !['approve', 'reject', 'edit'].includes(d.action)) throw invalid('action must be "approve", "reject" or "edit".', { field: 'action' });
      const note = optionalNote(d.note);
      const comment = await loadComment(commentId);
      if (comment.status === 'deleted') throw badRequest('CommentDeleted', 'This comment was deleted by its author.');
      const now = new Date();
      const base = { commentId: comment.id, userId: comment.authorId, note };
      if (d.action === 'edit') {
        const body = checkModeratorBody(d.body, config(strapi));
        const code = d.code === undefined || d.code === null || d.code === '' ? null : (await requireStandard(strapi, d.code)).code;
        await strapi.db.query(COMMENT).update({ where: { id: comment.id }, data: { body, editedAt: now, editedByModerator: true } });
        await writeLog(strapi, { ...base, action: 'edit', code, before: comment.body, after: body }, actor);
        if (comment.status === 'approved') await approvedCountChanged(strapi, comment.articleDocumentId); // the cached page shows the text
        return this.item(comment.id);
      }
      if (d.action === 'approve') {
        const code = d.code === undefined || d.code === null || d.code === '' ? null : (await requireStandard(strapi, d.code)).code;
        await strapi.db.query(COMMENT).update({ where: { id: comment.id }, data: { status: 'approved', rejectedCode: null } });
        await strapi.db.query(REPORT).updateMany({ where: { commentId: comment.id, resolved: false }, data: { resolved: true } });
        await writeLog(strapi, { ...base, action: 'approve', code }, actor);
        if (comment.status !== 'approved') await approvedCountChanged(strapi, comment.articleDocumentId);
        return this.item(comment.id);
      }
      const standard = await requireStandard(strapi, d.code);
      await strapi.db.query(COMMENT).update({ where: { id: comment.id }, data: { status: 'rejected', rejectedCode: standard.code } });
      await strapi.db.query(REPORT).updateMany({ where: { commentId: comment.id, resolved: false }, data: { resolved: true } });
      await writeLog(strapi, { ...base, action: 'reject', code: standard.code }, actor);
      if (comment.status === 'approved') await approvedCountChanged(strapi, comment.articleDocumentId);
      if (comment.status !== 'rejected') {
        const title = (await articleTitles([comment.articleDocumentId])).get(comment.articleDocumentId) ?? '';
        await mailAboutStandard(strapi, 'statement-of-reasons', comment.authorId, standard, note, () => ({
          articleTitle: title,
          body: comment.body,
          standardsUrl: new URL('/community-standards', config(strapi).siteUrl).toString(),
        }));
      }
      return this.item(comment.id);
    },

    async bulk(ids: number[], d: Decision, actor: Actor) {
      if (!Array.isArray(ids) || !ids.length || ids.length > 200 || !ids.every((id) => Number.isSafeInteger(id) && id > 0)) {
        throw invalid('ids must be 1 to 200 comment ids.', { field: 'ids' });
      }
      if (d?.action === 'edit') throw invalid('Edits are one comment at a time.', { field: 'action' });
      const done: number[] = [];
      const failed: Array<{ id: number; message: string }> = [];
      for (const id of [...new Set(ids)]) {
        try {
          await this.decide(id, d, actor);
          done.push(id);
        } catch (error) {
          if (!(error instanceof Error) || !('details' in error)) throw error;
          failed.push({ id, message: error.message });
        }
      }
      return { done, failed };
    },

    async history(userId: number) {
      const log = (await strapi.db.query(LOG).findMany({ where: { userId }, select: LOG_FIELDS, orderBy: [{ at: 'asc' }, { id: 'asc' }] })) as LogEntry[];
      const h = await blocks().history(userId);
      return { log, ...h };
    },

    /**
     * Personal data held by moderation about a reader, for the account export (the plugin's
     * personal-data service calls it): reports they filed, blocks, appeals and the log rows about them.
     */
    async personalData(userId: number) {
      const [reports, h] = await Promise.all([
        strapi.db.query(REPORT).findMany({ where: { reporterId: userId }, select: ['commentId', 'code', 'note', 'createdAt'], orderBy: { id: 'asc' } }),
        this.history(userId),
      ]);
      return {
        reportsFiled: reports,
        blocks: h.blocks.map((b) => ({ ordinal: b.ordinal, permanent: b.permanent, code: b.code, note: b.note, blockedAt: b.blockedAt, liftedAt: b.liftedAt })),
        appeals: h.appeals.map((a) => ({ explanation: a.explanation, status: a.status, decisionNote: a.decisionNote, decidedAt: a.decidedAt, createdAt: a.createdAt })),
        moderationLog: h.log.map((l) => ({ commentId: l.commentId, action: l.action, code: l.code, note: l.note, before: l.before, after: l.after, by: l.actorType, at: l.at })),
        blocked: h.blocked,
        permanentlyBlocked: h.permanent,
      };
    },

    /** A reader's report: one per account and comment; reportsToHold distinct reports hold the comment. */
    async report(commentId: number, reporterId: number, d: { code?: unknown; note?: unknown }) {
      const state = await blocks().state(reporterId);
      if (state.blocked) throw accountBlocked(state.block?.code ?? '', state.permanent);
      const comment = await loadComment(commentId);
      if (comment.status === 'deleted' || comment.status === 'rejected') throw notFound('No such comment.');
      if (comment.status === 'pending' && comment.authorId !== reporterId) throw notFound('No such comment.');
      if (comment.authorId === reporterId) throw badRequest('OwnComment', 'You cannot report your own comment.', { reason: 'OwnComment' });
      const standard = await requireStandard(strapi, d.code);
      if (d.note !== undefined && d.note !== null && typeof d.note !== 'string') throw invalid('note must be a string.', { field: 'note' });
      const note = typeof d.note === 'string' ? d.note.trim() || null : null;
      if (note && note.length > MAX_REPORT_NOTE) throw invalid(`note is too long (at most ${MAX_REPORT_NOTE} characters).`, { field: 'note' });
      // eslint-disable-next-line no-control-regex
      if (note && /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(note)) throw invalid('note contains control characters.', { field: 'note' });
      const existing = await strapi.db.query(REPORT).findOne({ where: { commentId: comment.id, reporterId }, select: ['id'] });
      if (existing) throw badRequest('AlreadyReported', 'You already reported this comment.', { reason: 'AlreadyReported' });
      let report: ReportRow;
      try {
        report = (await strapi.db.query(REPORT).create({ data: { commentId: comment.id, reporterId, code: standard.code, note, resolved: false }, select: REPORT_FIELDS })) as ReportRow;
      } catch (error) {
        // The unique index (comment, reporter) refused a report sent twice at once.
        if (await strapi.db.query(REPORT).findOne({ where: { commentId: comment.id, reporterId }, select: ['id'] })) {
          throw badRequest('AlreadyReported', 'You already reported this comment.', { reason: 'AlreadyReported' });
        }
        throw error;
      }
      const open = (await strapi.db.query(REPORT).findMany({ where: { commentId: comment.id, resolved: false }, select: ['reporterId', 'code'] })) as Array<{ reporterId: number; code: string }>;
      const distinct = new Set(open.map((r) => r.reporterId)).size;
      const held = comment.status === 'approved' && distinct >= config(strapi).reportsToHold;
      const heldFor = held ? [...new Set([...(comment.heldFor ?? []), ...open.map((r) => r.code)])] : comment.heldFor;
      await strapi.db.query(COMMENT).update({ where: { id: comment.id }, data: { reportCount: distinct, ...(held ? { status: 'pending', heldFor } : {}) } });
      if (held) {
        await writeLog(strapi, { commentId: comment.id, userId: comment.authorId, action: 'report-hold', code: standard.code, note: `${distinct} reports` }, SYSTEM);
        await approvedCountChanged(strapi, comment.articleDocumentId);
      }
      return { id: report.id, commentId: comment.id, code: report.code, note: report.note, createdAt: report.createdAt, held };
    },
  };
};

export type ModerationService = ReturnType<typeof moderationService>;
export default moderationService;
