// Blocks and appeals of reader accounts, on the pure state machine in ../../lib/blocks.ts.
// Invariant (the can-post policy relies on it): blocked iff a block row with liftedAt null exists;
// the second block (ordinal 2) is permanent and never gets liftedAt.
import type { Core } from '@strapi/strapi';
import { accountState, canAppeal, canBlock, canDecide, summary, type AppealRow, type BlockRow } from '../../lib/blocks';
import { invalid, notFound, refusal } from '../moderation-errors';
import { APPEAL, BLOCK, USER, displayNames, mailAboutStandard, mailReader, pageArgs, requireStandard, writeLog, type Actor } from '../moderation-support';

export interface Block {
  id: number;
  userId: number;
  ordinal: number;
  permanent: boolean;
  code: string;
  note: string | null;
  blockedAt: string;
  liftedAt: string | null;
  actorName: string | null;
}

export interface Appeal {
  id: number;
  userId: number;
  blockId: number;
  explanation: string;
  status: 'open' | 'lifted' | 'refused';
  decisionNote: string | null;
  decidedAt: string | null;
  actorName: string | null;
  createdAt: string;
}

const BLOCK_FIELDS = ['id', 'userId', 'ordinal', 'permanent', 'code', 'note', 'blockedAt', 'liftedAt', 'actorName'];
const APPEAL_FIELDS = ['id', 'userId', 'blockId', 'explanation', 'status', 'decisionNote', 'decidedAt', 'actorName', 'createdAt'];
const MAX_EXPLANATION = 5000;
const MAX_NOTE = 5000;

export function optionalNote(note: unknown, field = 'note'): string | null {
  if (note === undefined || note === null) return null;
  if (typeof note !== 'string') throw invalid(`${field} must be a string.`, { field });
  const trimmed = note.trim();
  if (trimmed.length > MAX_NOTE) throw invalid(`${field} is too long (at most ${MAX_NOTE} characters).`, { field });
  return trimmed || null;
}

const blocksService = ({ strapi }: { strapi: Core.Strapi }) => {
  const rowsOf = async (userId: number) => {
    const blocks = (await strapi.db.query(BLOCK).findMany({ where: { userId }, select: BLOCK_FIELDS, orderBy: { ordinal: 'asc' } })) as Block[];
    const appeals = (await strapi.db.query(APPEAL).findMany({ where: { userId }, select: APPEAL_FIELDS, orderBy: { id: 'asc' } })) as Appeal[];
    return { blocks, appeals, state: accountState(blocks as BlockRow[], appeals as AppealRow[]) };
  };

  return {
    /** The user's id from an id or a documentId (404 when no such account). */
    async resolveUser(user: unknown): Promise<number> {
      let row: { id: number } | null = null;
      if (typeof user === 'number' || (typeof user === 'string' && /^\d{1,12}$/.test(user))) {
        const id = Number(user);
        if (Number.isSafeInteger(id) && id > 0) row = await strapi.db.query(USER).findOne({ where: { id }, select: ['id'] });
      } else if (typeof user === 'string' && /^[a-z0-9]{1,64}$/i.test(user)) {
        row = await strapi.db.query(USER).findOne({ where: { documentId: user }, select: ['id'] });
      } else {
        throw invalid('user must be an account id or documentId.', { field: 'user' });
      }
      if (!row) throw notFound('No such account.');
      return row.id;
    },

    async state(userId: number): Promise<{ blocked: boolean; permanent: boolean; block: Block | null; canAppeal: boolean }> {
      const { blocks, state } = await rowsOf(userId);
      const s = summary(state);
      const block = state.kind === 'active' ? null : (blocks.find((b) => b.id === state.block.id) ?? null);
      return { ...s, block };
    },

    async history(userId: number): Promise<{ blocks: Block[]; appeals: Appeal[]; blocked: boolean; permanent: boolean }> {
      const { blocks, appeals, state } = await rowsOf(userId);
      const s = summary(state);
      return { blocks, appeals, blocked: s.blocked, permanent: s.permanent };
    },

    async block(d: { user: number | string; code: string; note?: string | null }, actor: Actor): Promise<Block> {
      const userId = await this.resolveUser(d.user);
      const standard = await requireStandard(strapi, d.code);
      const note = optionalNote(d.note);
      const { state } = await rowsOf(userId);
      const next = canBlock(state);
      if (!next.ok) throw refusal(next.reason, next.message);
      const block = (await strapi.db.query(BLOCK).create({
        data: { userId, ordinal: next.ordinal, permanent: next.permanent, code: standard.code, note, blockedAt: new Date(), liftedAt: null, actorName: actor.name?.slice(0, 200) ?? null },
        select: BLOCK_FIELDS,
      })) as Block;
      await writeLog(strapi, { userId, action: 'block', code: standard.code, note: next.permanent ? `[permanent: second block] ${note ?? ''}`.trim() : note }, actor);
      await mailAboutStandard(strapi, 'block-notice', userId, standard, note, (fr) => ({
        appealLine: next.permanent
          ? fr
            ? 'C’est le second blocage de ce compte : il est définitif et ne peut faire l’objet d’aucun recours.'
            : 'This is the second block of this account: it is permanent and cannot be appealed.'
          : fr
            ? 'Vous pouvez demander la levée du blocage avec une explication (POST /api/account/appeals, ou depuis votre compte).'
            : 'You may ask for the block to be lifted with an explanation (POST /api/account/appeals, or from your account page).',
      }));
      return block;
    },

    async fileAppeal(userId: number, explanation: unknown): Promise<Appeal> {
      if (typeof explanation !== 'string' || !explanation.trim()) throw invalid('An explanation is required.', { field: 'explanation' });
      const text = explanation.trim().normalize('NFC');
      if (text.length > MAX_EXPLANATION) throw invalid(`The explanation is too long (at most ${MAX_EXPLANATION} characters).`, { field: 'explanation' });
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) throw invalid('The explanation contains control characters.', { field: 'explanation' });
      const { state } = await rowsOf(userId);
      const next = canAppeal(state);
      if (!next.ok) throw refusal(next.reason, next.message);
      const appeal = (await strapi.db.query(APPEAL).create({ data: { userId, blockId: next.blockId, explanation: text, status: 'open' }, select: APPEAL_FIELDS })) as Appeal;
      await writeLog(strapi, { userId, action: 'appeal', note: null }, { type: 'reader', id: String(userId), name: 'reader' });
      return appeal;
    },

    async decideAppeal(appealId: number, d: { decision: 'lift' | 'refuse'; note?: string | null }, actor: Actor): Promise<Appeal> {
      if (d.decision !== 'lift' && d.decision !== 'refuse') throw invalid('decision must be "lift" or "refuse".', { field: 'decision' });
      const note = optionalNote(d.note);
      if (d.decision === 'refuse' && !note) throw invalid('A refusal needs a reason (note).', { field: 'note' });
      const appeal = Number.isSafeInteger(appealId) ? ((await strapi.db.query(APPEAL).findOne({ where: { id: appealId }, select: APPEAL_FIELDS })) as Appeal | null) : null;
      if (!appeal) throw notFound('No such appeal.');
      const { state } = await rowsOf(appeal.userId);
      const next = canDecide(state, appeal, d.decision);
      if (!next.ok) throw refusal(next.reason, next.message);
      const now = new Date();
      if (d.decision === 'lift') {
        // Guarded in the query too: a permanent block never gets liftedAt.
        await strapi.db.query(BLOCK).update({ where: { id: next.blockId, permanent: false, liftedAt: null }, data: { liftedAt: now } });
      }
      const decided = (await strapi.db.query(APPEAL).update({
        where: { id: appeal.id },
        data: { status: d.decision === 'lift' ? 'lifted' : 'refused', decisionNote: note, decidedAt: now, actorName: actor.name?.slice(0, 200) ?? null },
        select: APPEAL_FIELDS,
      })) as Appeal;
      await writeLog(strapi, { userId: appeal.userId, action: d.decision, note }, actor);
      await mailReader(strapi, d.decision === 'lift' ? 'appeal-lifted' : 'appeal-refused', appeal.userId, (to): Record<string, string> => {
        const fr = (to.locale ?? '').startsWith('fr');
        return d.decision === 'lift' ? { noteLine: note ? `${fr ? 'Note du modérateur' : 'Moderator’s note'}: ${note}\n\n` : '' } : { reason: note ?? '' };
      });
      return decided;
    },

    async appeals(q: { status?: 'open' | 'lifted' | 'refused'; page?: number; pageSize?: number }) {
      if (q.status !== undefined && !['open', 'lifted', 'refused'].includes(q.status)) throw invalid('status must be open, lifted or refused.', { field: 'status' });
      const { page, pageSize } = pageArgs(q);
      const where = q.status ? { status: q.status } : {};
      const [rows, total] = await Promise.all([
        strapi.db.query(APPEAL).findMany({ where, select: APPEAL_FIELDS, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], offset: (page - 1) * pageSize, limit: pageSize }) as Promise<Appeal[]>,
        strapi.db.query(APPEAL).count({ where }),
      ]);
      const names = await displayNames(strapi, rows.map((r) => r.userId));
      const blockIds = [...new Set(rows.map((r) => r.blockId))];
      const blocks = blockIds.length ? ((await strapi.db.query(BLOCK).findMany({ where: { id: { $in: blockIds } }, select: BLOCK_FIELDS })) as Block[]) : [];
      const byId = new Map(blocks.map((b) => [b.id, b]));
      return {
        results: rows.map((r) => ({ ...r, user: { id: r.userId, displayName: names.get(r.userId) ?? 'deleted reader' }, block: byId.get(r.blockId) ?? null })),
        pagination: { page, pageSize, total },
      };
    },
  };
};

export type BlocksService = ReturnType<typeof blocksService>;
export default blocksService;
