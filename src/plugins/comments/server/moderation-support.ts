// Shared by the moderation and blocks services: the standards lookup, the moderation log, the
// approved-count hook, and the mails to a reader (through the accounts plugin's mailer).
import type { Core } from '@strapi/strapi';
import { COMMENTS_MAIL_TEMPLATES, type CommentsMailName } from './mail-templates';
import { invalid } from './moderation-errors';
import type { CommentsConfig } from './config';

import { COMMENT, STANDARD, LOG, REPORT, BLOCK, APPEAL, USER, READER } from './uids';

export { COMMENT, STANDARD, LOG, REPORT, BLOCK, APPEAL, USER, READER };

export type Actor = { type: 'admin' | 'api-token' | 'system' | 'reader'; id: string; name: string };
export const SYSTEM: Actor = { type: 'system', id: 'system', name: 'automatic' };

export type LogAction = 'auto-hold' | 'report-hold' | 'approve' | 'reject' | 'edit' | 'block' | 'appeal' | 'lift' | 'refuse' | 'author-edit' | 'author-delete';

export interface LogEntry {
  id: number;
  commentId: number | null;
  userId: number | null;
  action: LogAction;
  code: string | null;
  note: string | null;
  before: string | null;
  after: string | null;
  actorType: Actor['type'];
  actorId: string | null;
  actorName: string | null;
  at: string;
}

export const config = (strapi: Core.Strapi) => strapi.config.get('plugin::comments') as CommentsConfig;

export interface Standard {
  code: string;
  title: string;
  ruleText: string;
}

/** The standard with this code, in the locale when translated (else any). */
export async function findStandard(strapi: Core.Strapi, code: unknown, locale?: string | null): Promise<Standard | null> {
  if (typeof code !== 'string' || !/^[a-z][a-z0-9-]{0,39}$/.test(code)) return null;
  const rows = (await strapi.db.query(STANDARD).findMany({ where: { code }, select: ['code', 'title', 'ruleText', 'locale'] })) as Array<Standard & { locale: string }>;
  if (!rows.length) return null;
  const language = (locale ?? '').split('-')[0];
  const row = rows.find((r) => r.locale === locale) ?? rows.find((r) => r.locale?.split('-')[0] === language) ?? rows.find((r) => r.locale === 'en') ?? rows[0];
  return { code: row.code, title: row.title, ruleText: row.ruleText };
}

/** 400 unless `code` is one of the community standards' codes. */
export async function requireStandard(strapi: Core.Strapi, code: unknown, locale?: string | null): Promise<Standard> {
  const standard = await findStandard(strapi, code, locale);
  if (!standard) {
    throw invalid(code === undefined || code === null || code === '' ? 'A community standard code is required.' : 'Unknown community standard code.', { field: 'code', reason: 'UnknownCode' });
  }
  return standard;
}

export async function writeLog(
  strapi: Core.Strapi,
  entry: { commentId?: number | null; userId?: number | null; action: LogAction; code?: string | null; note?: string | null; before?: string | null; after?: string | null },
  actor: Actor,
): Promise<void> {
  await strapi.db.query(LOG).create({
    data: {
      commentId: entry.commentId ?? null,
      userId: entry.userId ?? null,
      action: entry.action,
      code: entry.code ?? null,
      note: entry.note ?? null,
      before: entry.before ?? null,
      after: entry.after ?? null,
      actorType: actor.type,
      actorId: String(actor.id ?? '').slice(0, 80) || null,
      actorName: String(actor.name ?? '').slice(0, 200) || null,
      at: new Date(),
    },
  });
}

/** The approved comment count of an article changed (approve, reject, report-hold): the comments service's hook. */
export async function approvedCountChanged(strapi: Core.Strapi, articleDocumentId: string): Promise<void> {
  await strapi.plugin('comments').service('comments').countChanged(articleDocumentId);
}

export interface Recipient {
  userId: number;
  email: string | null;
  locale: string | null;
  displayName: string;
}

export async function recipient(strapi: Core.Strapi, userId: number): Promise<Recipient | null> {
  const user = await strapi.db.query(USER).findOne({ where: { id: userId }, select: ['id', 'username', 'email', 'blocked'] });
  if (!user) return null;
  const reader = strapi.contentTypes[READER as never] ? await strapi.db.query(READER).findOne({ where: { userId }, select: ['displayName', 'locale'] }) : null;
  return { userId, email: user.email ?? null, locale: reader?.locale ?? null, displayName: reader?.displayName || user.username || 'reader' };
}

/** Display names of these accounts ("deleted reader" when gone); never e-mail addresses. */
export async function displayNames(strapi: Core.Strapi, userIds: number[]): Promise<Map<number, string>> {
  const ids = [...new Set(userIds.filter((id) => Number.isInteger(id)))];
  const out = new Map<number, string>();
  if (!ids.length) return out;
  const users = (await strapi.db.query(USER).findMany({ where: { id: { $in: ids } }, select: ['id', 'username'] })) as Array<{ id: number; username: string }>;
  const readers = strapi.contentTypes[READER as never]
    ? ((await strapi.db.query(READER).findMany({ where: { userId: { $in: ids } }, select: ['userId', 'displayName'] })) as Array<{ userId: number; displayName: string | null }>)
    : [];
  for (const u of users) out.set(u.id, u.username);
  for (const r of readers) if (r.displayName) out.set(r.userId, r.displayName);
  for (const id of ids) if (!out.has(id)) out.set(id, 'deleted reader');
  return out;
}

/** Sends one of the plugin's mails to a reader; a failure is logged (without the address), never thrown. */
export async function mailReader(strapi: Core.Strapi, name: CommentsMailName, userId: number, vars: (to: Recipient) => Promise<Record<string, string>> | Record<string, string>): Promise<boolean> {
  try {
    const to = await recipient(strapi, userId);
    if (!to?.email) return false;
    const values = await vars(to);
    await strapi.plugin('accounts').service('mailer').sendTemplate(COMMENTS_MAIL_TEMPLATES[name], to.email, to.locale, {
      siteName: config(strapi).siteName,
      displayName: to.displayName,
      userId: String(userId),
      ...values,
    });
    return true;
  } catch (error) {
    strapi.log.error(`comments: could not send the ${name} mail: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

/**
 * A mail that quotes a community standard (statement of reasons, block notice): the rule in the
 * reader's language and the moderator's note, plus the mail's own values (`fr`: a French reader).
 */
export function mailAboutStandard(
  strapi: Core.Strapi,
  name: CommentsMailName,
  userId: number,
  standard: { code: string; title: string; ruleText: string },
  note: string | null,
  extra: (fr: boolean) => Record<string, string>,
): Promise<boolean> {
  return mailReader(strapi, name, userId, async (to) => {
    const localized = (await findStandard(strapi, standard.code, to.locale)) ?? standard;
    const fr = (to.locale ?? '').startsWith('fr');
    return {
      code: localized.code,
      standardTitle: localized.title,
      ruleText: localized.ruleText,
      noteLine: note ? `${fr ? 'Note du modérateur' : 'Moderator’s note'}: ${note}\n\n` : '',
      ...extra(fr),
    };
  });
}

export function pageArgs(q: { page?: unknown; pageSize?: unknown }, max = 100): { page: number; pageSize: number } {
  const page = Number(q.page ?? 1);
  const pageSize = Number(q.pageSize ?? 20);
  if (!Number.isInteger(page) || page < 1) throw invalid('page must be a whole number ≥ 1.', { field: 'page' });
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > max) throw invalid(`pageSize must be a whole number from 1 to ${max}.`, { field: 'pageSize' });
  return { page, pageSize };
}
