// Entity notes on every write, from the admin, REST, GraphQL and scripts alike: names, aliases,
// markers and locales checked (400 with the field's path), suppressions on articles logged, and,
// after an entity changes, only the stories that mention it (before or after) purged from the caches.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { MAX_ALIASES, markerProblem, termProblem } from '../lib/entity-notes/check-terms';
import { normalizeTerm } from '../lib/entity-notes/matcher';
import type { EntityRule } from '../lib/entity-notes/annotate';
import { purgeFeedCache } from '../api/feed/purge-feed-cache';

const ENTITY = 'api::entity-note.entity-note';
const ARTICLE = 'api::article.article';
const WRITES = new Set(['create', 'update', 'delete', 'clone']);

type Data = Record<string, unknown>;
type Ctx = { uid: string; action: string; params: unknown };

const fail = (message: string, path: Array<string | number>) => new errors.ValidationError(message, { path });

async function siteLocales(strapi: Core.Strapi): Promise<string[]> {
  const all = (await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>;
  return all.map((l) => l.code);
}

/** Throws a ValidationError naming the first bad field of an entity-note write. */
export async function assertEntityNoteValid(strapi: Core.Strapi, data: Data, creating: boolean): Promise<void> {
  if (creating || data.name !== undefined) {
    const problem = termProblem(data.name);
    if (problem) throw fail(`The name ${problem}.`, ['name']);
  }
  if (data.marker !== undefined && data.marker !== null) {
    const problem = markerProblem(data.marker);
    if (problem) throw fail(`The marker ${problem}.`, ['marker']);
  }
  if (data.validFrom && data.validUntil && Date.parse(String(data.validFrom)) >= Date.parse(String(data.validUntil))) {
    throw fail('validUntil must be later than validFrom.', ['validUntil']);
  }
  if (data.translations === undefined || data.translations === null) return;
  if (!Array.isArray(data.translations)) throw fail('translations must be a list of { locale, aliases, note }.', ['translations']);
  const locales = await siteLocales(strapi);
  const seen = new Set<string>();
  const name = typeof data.name === 'string' ? normalizeTerm(data.name) : null;
  for (const [i, raw] of (data.translations as unknown[]).entries()) {
    const t = (raw ?? {}) as Data;
    if (typeof t.locale !== 'string' || !locales.includes(t.locale)) {
      throw fail(`translations[${i}].locale "${String(t.locale).slice(0, 40)}" is not a locale of this site (${locales.join(', ')}).`, ['translations', i, 'locale']);
    }
    if (seen.has(t.locale)) throw fail(`translations has the locale "${t.locale}" twice.`, ['translations', i, 'locale']);
    seen.add(t.locale);
    if (typeof t.note !== 'string' || !t.note.trim()) throw fail(`translations[${i}].note must not be empty.`, ['translations', i, 'note']);
    const aliases = t.aliases ?? [];
    if (!Array.isArray(aliases)) throw fail(`translations[${i}].aliases must be a list of strings.`, ['translations', i, 'aliases']);
    if (aliases.length > MAX_ALIASES) throw fail(`translations[${i}].aliases has more than ${MAX_ALIASES} entries.`, ['translations', i, 'aliases']);
    const folded = new Set<string>();
    for (const [j, alias] of aliases.entries()) {
      const problem = termProblem(alias);
      if (problem) throw fail(`The alias ${JSON.stringify(typeof alias === 'string' ? alias.slice(0, 60) : alias)} ${problem}.`, ['translations', i, 'aliases', j]);
      const f = normalizeTerm(alias as string);
      if (folded.has(f) || f === name) throw fail(`The alias "${(alias as string).slice(0, 60)}" is listed twice (aliases compare without case and accents).`, ['translations', i, 'aliases', j]);
      folded.add(f);
    }
  }
}

function checkSuppressions(data: Data): Array<{ entity: unknown; reason: string }> {
  const list = data.noteSuppressions;
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw fail('noteSuppressions must be a list of { entity, reason }.', ['noteSuppressions']);
  return list.map((raw, i) => {
    const s = (raw ?? {}) as Data;
    const entity = s.entity;
    const empty = entity === undefined || entity === null || (typeof entity === 'object' && !Array.isArray(entity) && Array.isArray((entity as Data).connect) && ((entity as Data).connect as unknown[]).length === 0 && !(entity as Data).set);
    if (empty) throw fail(`noteSuppressions[${i}].entity must name the entity note to suppress.`, ['noteSuppressions', i, 'entity']);
    if (typeof s.reason !== 'string' || s.reason.trim().length < 3) throw fail(`noteSuppressions[${i}].reason must say why (at least 3 characters).`, ['noteSuppressions', i, 'reason']);
    return { entity, reason: s.reason.trim() };
  });
}

/** The one place that purges what an entity edit touches: those stories' pages, the feeds listing them and the picture weeks, nothing else. */
export async function purgeStories(strapi: Core.Strapi, documentIds: string[]): Promise<void> {
  // Picture weeks on any entity edit: finding the captions that mention it would mean scanning every photo and gallery.
  const keys = ['feed:pictures', ...new Set(documentIds.map((id) => `article:${id}`))];
  await purgeFeedCache(strapi, keys);
  // Inside a transaction other requests still read the old rows until it commits: purge again then.
  if (strapi.db.inTransaction()) await strapi.db.transaction(async ({ onCommit }) => onCommit(() => void purgeFeedCache(strapi, keys)));
}

export function entityNotes(strapi: Core.Strapi) {
  const notes = () => strapi.service('api::entity-note.notes');
  return async (ctx: Ctx, next: () => Promise<unknown>) => {
    const params = (ctx.params ?? {}) as { data?: Data; documentId?: string; locale?: string };

    if (ctx.uid === ARTICLE && (ctx.action === 'create' || ctx.action === 'update') && params.data) {
      const suppressions = checkSuppressions(params.data);
      const result = (await next()) as { documentId?: string } | null;
      for (const s of suppressions) {
        // An audit line, no personal data: which story, which note, why.
        strapi.log.info(`Entity note suppressed on article ${result?.documentId ?? params.documentId}: entity ${JSON.stringify(s.entity)}; reason: ${JSON.stringify(s.reason.slice(0, 500))}`);
      }
      return result;
    }

    if (ctx.uid !== ENTITY || !WRITES.has(ctx.action)) return next();
    if ((ctx.action === 'create' || ctx.action === 'update') && params.data) await assertEntityNoteValid(strapi, params.data, ctx.action === 'create');

    const before: EntityRule | null = params.documentId ? await notes().rule(params.documentId) : null;
    const result = (await next()) as { documentId?: string } | null;
    const documentId = result?.documentId ?? params.documentId;
    const after: EntityRule | null = documentId && ctx.action !== 'delete' ? await notes().rule(documentId) : null;
    await notes().changed(String(documentId));
    // A read between the write and its commit would compile the old notes again: forget once more then.
    if (strapi.db.inTransaction()) await strapi.db.transaction(async ({ onCommit }) => onCommit(() => notes().forget()));
    const stories = (await notes().storiesMentioning([before, after].filter((r): r is EntityRule => r !== null))) as Array<{ documentId: string }>;
    await purgeStories(strapi, stories.map((s) => s.documentId));
    return result;
  };
}
