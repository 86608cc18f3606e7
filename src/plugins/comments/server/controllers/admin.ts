// The "Comments" admin page's API: thin, validate with zod and call one of i15c's services
// (`moderation`, `blocks`) or the page's own lookups; the acting administrator is the actor.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';

interface AdminUser { id: number; firstname?: string | null; lastname?: string | null; username?: string | null }
interface Ctx {
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: unknown };
  state: { user?: AdminUser };
  status: number;
  body: unknown;
}

export type Actor = { type: 'admin' | 'api-token' | 'system' | 'reader'; id: string; name: string };
type Decision = { action: 'approve' | 'reject' | 'edit'; code?: string; note?: string; body?: string };
interface ModerationService {
  queue(q: Record<string, unknown>): Promise<unknown>;
  decide(commentId: number, d: Decision, actor: Actor): Promise<unknown>;
  bulk(ids: number[], d: Decision, actor: Actor): Promise<unknown>;
  history(userId: number): Promise<unknown>;
  item(commentId: number): Promise<{ log: unknown[] }>;
}
interface BlocksService {
  block(d: { user: number | string; code: string; note?: string }, actor: Actor): Promise<unknown>;
  decideAppeal(appealId: number, d: { decision: 'lift' | 'refuse'; note?: string }, actor: Actor): Promise<unknown>;
  appeals(q: { status?: 'open' | 'lifted' | 'refused'; page?: number; pageSize?: number }): Promise<unknown>;
}
interface LookupsService {
  standards(locale: string): Promise<unknown>;
}

const id = (name: string) =>
  z.coerce.number({ invalid_type_error: `${name} must be a positive integer.` }).int(`${name} must be a positive integer.`).positive(`${name} must be a positive integer.`).max(2 ** 31 - 1, `${name} is too large.`);
const code = z.string({ invalid_type_error: 'code must be a string.' }).trim().regex(/^[a-z][a-z0-9-]{0,39}$/, 'code must be a community standard\'s code, such as "off-topic".');
const note = z.string({ invalid_type_error: 'note must be a string.' }).trim().max(2000, 'note is at most 2000 characters.').optional();
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'dates are ISO 8601, such as 2026-12-01.');

const queueInput = z.object({
  status: z.enum(['pending', 'reported', 'all'], { errorMap: () => ({ message: 'status is pending, reported or all.' }) }).default('pending'),
  article: z.preprocess(blankToUndefined, z.string().trim().max(64, 'article is a document id.').regex(/^[A-Za-z0-9_-]+$/, 'article is a document id.').optional()),
  user: z.preprocess(blankToUndefined, id('user').optional()),
  code: z.preprocess(blankToUndefined, code.optional()),
  from: z.preprocess(blankToUndefined, isoDate.optional()),
  to: z.preprocess(blankToUndefined, isoDate.optional()),
  page: z.preprocess(blankToUndefined, id('page').optional()),
  pageSize: z.preprocess(blankToUndefined, id('pageSize').max(100, 'pageSize is at most 100.').optional()),
});

const decisionInput = z
  .object({
    action: z.enum(['approve', 'reject', 'edit'], { errorMap: () => ({ message: 'action is approve, reject or edit.' }) }),
    code: z.preprocess(blankToUndefined, code.optional()),
    note,
    body: z.string({ invalid_type_error: 'body must be a string.' }).max(100000, 'body is too long.').optional(),
  })
  .strict()
  .superRefine((d, issue) => {
    if (d.action === 'reject' && !d.code) issue.addIssue({ code: 'custom', path: ['code'], message: 'A rejection names a community standard: code is required.' });
    if (d.action === 'edit' && (d.body === undefined || !d.body.trim())) issue.addIssue({ code: 'custom', path: ['body'], message: 'An edit needs the new body.' });
  });

const bulkInput = z.object({
  ids: z.array(id('ids[]'), { required_error: 'ids is required.', invalid_type_error: 'ids must be an array of comment ids.' }).min(1, 'ids lists at least one comment.').max(100, 'at most 100 comments at once.'),
  action: z.enum(['approve', 'reject'], { errorMap: () => ({ message: 'bulk action is approve or reject.' }) }),
  code: z.preprocess(blankToUndefined, code.optional()),
  note,
}).strict().superRefine((d, issue) => {
  if (d.action === 'reject' && !d.code) issue.addIssue({ code: 'custom', path: ['code'], message: 'A rejection names a community standard: code is required.' });
});

const blockInput = z.object({
  user: z.union([id('user'), z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}$/, 'user is an account id or documentId.')], { errorMap: () => ({ message: 'user is an account id or documentId.' }) }),
  code: z.string({ required_error: 'code is required.' }).pipe(code),
  note,
}).strict();

const appealsInput = z.object({
  status: z.preprocess(blankToUndefined, z.enum(['open', 'lifted', 'refused'], { errorMap: () => ({ message: 'status is open, lifted or refused.' }) }).optional()),
  page: z.preprocess(blankToUndefined, id('page').optional()),
  pageSize: z.preprocess(blankToUndefined, id('pageSize').max(100, 'pageSize is at most 100.').optional()),
});

const appealDecisionInput = z.object({
  decision: z.enum(['lift', 'refuse'], { errorMap: () => ({ message: 'decision is lift or refuse.' }) }),
  note,
}).strict();

const localeInput = z.object({ locale: z.preprocess(blankToUndefined, z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/, 'locale is a language tag such as "en".').default('en')) });

function parse<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new errors.ValidationError(first?.message ?? 'Invalid input.', { errors: result.error.issues.map((i) => ({ path: i.path, message: i.message })) });
  }
  return result.data;
}

/** Admin bodies come as `{ data: {...} }` like the REST routes, or bare. */
function body(ctx: Ctx): unknown {
  const b = ctx.request.body;
  if (typeof b !== 'object' || b === null || Array.isArray(b)) throw new errors.ValidationError('The body must be a JSON object.');
  const data = (b as { data?: unknown }).data;
  return data !== undefined ? data : b;
}

function actor(ctx: Ctx): Actor {
  const u = ctx.state.user;
  if (!u) throw new errors.UnauthorizedError('An administrator session is required.');
  // The name shown in logs: never the administrator's e-mail.
  const name = [u.firstname, u.lastname].filter(Boolean).join(' ') || u.username || `Administrator #${u.id}`;
  return { type: 'admin', id: String(u.id), name };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const moderation = () => strapi.plugin('comments').service('moderation') as ModerationService;
  const blocks = () => strapi.plugin('comments').service('blocks') as BlocksService;
  const lookups = () => strapi.plugin('comments').service('admin-lookups') as LookupsService;

  return {
    async queue(ctx: Ctx) {
      ctx.body = await moderation().queue(parse(queueInput, ctx.query));
    },

    async standards(ctx: Ctx) {
      ctx.body = { data: await lookups().standards(parse(localeInput, ctx.query).locale) };
    },

    async commentLog(ctx: Ctx) {
      ctx.body = { data: (await moderation().item(parse(id('id'), ctx.params.id))).log };
    },

    async decide(ctx: Ctx) {
      const commentId = parse(id('id'), ctx.params.id);
      ctx.body = { data: await moderation().decide(commentId, parse(decisionInput, body(ctx)), actor(ctx)) };
    },

    async bulk(ctx: Ctx) {
      const { ids, ...decision } = parse(bulkInput, body(ctx));
      ctx.body = { data: await moderation().bulk(ids, decision, actor(ctx)) };
    },

    async history(ctx: Ctx) {
      ctx.body = { data: await moderation().history(parse(id('userId'), ctx.params.userId)) };
    },

    async block(ctx: Ctx) {
      const input = parse(blockInput, body(ctx));
      ctx.status = 201;
      ctx.body = { data: await blocks().block(input, actor(ctx)) };
    },

    async appeals(ctx: Ctx) {
      ctx.body = await blocks().appeals(parse(appealsInput, ctx.query));
    },

    async decideAppeal(ctx: Ctx) {
      const appealId = parse(id('id'), ctx.params.id);
      ctx.body = { data: await blocks().decideAppeal(appealId, parse(appealDecisionInput, body(ctx)), actor(ctx)) };
    },
  };
};
