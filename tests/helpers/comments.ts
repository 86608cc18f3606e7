// Community standards for the comments specs: a rule in English (and French when given) and a
// published standards version, written through the Document Service as an editor would.
import type { Core } from '@strapi/strapi';
import { STANDARD, VERSION } from '../../src/plugins/comments/server/uids';

export interface StandardFixture {
  code: string;
  title: string;
  ruleText: string;
  action?: string;
  automatic?: boolean;
  position?: number;
}

/** One rule; `fr` adds its French localisation (the fr locale must exist). */
export async function addStandard(strapi: Core.Strapi, rule: StandardFixture, fr?: { title: string; ruleText: string }): Promise<string> {
  const { code, action = 'remove', automatic } = rule;
  const doc = (await strapi.documents(STANDARD as never).create({ locale: 'en', data: { action, ...rule } as never } as never)) as unknown as { documentId: string };
  if (fr) await strapi.documents(STANDARD as never).update({ documentId: doc.documentId, locale: 'fr', data: { code, ...fr, action, ...(automatic === undefined ? {} : { automatic }) } as never } as never);
  return doc.documentId;
}

/** Publishes standards version `version`: the current one when it is the highest. */
export async function publishStandardsVersion(strapi: Core.Strapi, version: number, changeSummary = `Version ${version}.`): Promise<void> {
  await strapi.documents(VERSION as never).create({ data: { version, changeSummary } as never, status: 'published' } as never);
}
