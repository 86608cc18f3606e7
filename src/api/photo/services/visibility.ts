// The photo embargo, in one place: a photo is public while an editor has released it or at least
// one published document uses it (an article's lead photo, an inline photo block, a related-story
// thumbnail, a published gallery's item: every path the metadata shows, see
// src/lib/photos/photo-references.ts). The "used" half is kept in the photo's private
// `usedInPublished` column, recomputed for the photos a publication touches, so every reader
// query (REST, GraphQL, feeds) filters on two columns instead of joining every document table.
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { photoReferencePaths, type ModelMeta, type ReferencePath } from '../../../lib/photos/photo-references';

export const PHOTO = 'api::photo.photo';
/** Keeps `IN (...)` lists well under SQLite's bound-parameter limit. */
const IN_CHUNK = 400;

/** The Document Service filter a reader's photo query gets: released, or used by something published. */
export const PUBLIC_PHOTO_FILTER = { $or: [{ released: true }, { usedInPublished: true }] };

export interface PhotoVisibility {
  /** Every way a document can use a photo, from the metadata. */
  paths(): ReferencePath[];
  /** Content types whose documents can use a photo. */
  readonly referencingTypes: Set<string>;
  /** Photo row ids that any row (draft or published, any locale) of the document refers to. */
  photosOf(uid: string, documentId: string): Promise<number[]>;
  /** Recomputes `usedInPublished` for these photos; resolves with those whose public visibility changed. */
  refresh(photoIds: number[]): Promise<number[]>;
  /** Recomputes every photo (boot and the hourly job): catches writes that bypassed the Document Service. */
  reconcileAll(): Promise<number>;
  /** Which of these photo ids a reader may see now. */
  publicIds(photoIds: number[]): Promise<Set<number>>;
}

type Dynamic = { attributes: Record<string, { type: string; components?: string[] }> };

export default ({ strapi }: { strapi: Core.Strapi }): PhotoVisibility => {
  let cached: ReferencePath[] | null = null;
  /** Runs on the current transaction when there is one: SQLite has a single connection, and a
   * query outside the transaction would wait for it forever. */
  const withDb = <T>(fn: (db: Knex | Knex.Transaction) => Promise<T>): Promise<T> =>
    strapi.db.inTransaction()
      ? (strapi.db.transaction(({ trx }) => fn(trx as unknown as Knex.Transaction)) as unknown as Promise<T>)
      : fn(strapi.db.connection as unknown as Knex);
  const photoTable = () => (strapi.db.metadata.get(PHOTO) as unknown as ModelMeta).tableName;
  const column = (attribute: string) => (strapi.db.metadata.get(PHOTO) as unknown as { attributes: Record<string, { columnName: string }> }).attributes[attribute].columnName;

  function paths(): ReferencePath[] {
    if (cached) return cached;
    const models: Record<string, ModelMeta> = {};
    for (const [uid, meta] of strapi.db.metadata as unknown as Map<string, ModelMeta>) models[uid] = meta;
    const dynamicZones: Record<string, Record<string, string[]>> = {};
    const schemas = { ...(strapi.contentTypes as unknown as Record<string, Dynamic>), ...(strapi.components as unknown as Record<string, Dynamic>) };
    for (const [uid, schema] of Object.entries(schemas)) {
      for (const [name, attribute] of Object.entries(schema.attributes)) {
        if (attribute.type === 'dynamiczone') (dynamicZones[uid] ??= {})[name] = attribute.components ?? [];
      }
    }
    cached = photoReferencePaths({ models, dynamicZones, components: new Set(Object.keys(strapi.components)) }, PHOTO);
    return cached;
  }

  /** The photo ids one path reaches, as a query on the root table aliased `r`. */
  function pathQuery(db: Knex | Knex.Transaction, path: ReferencePath) {
    const qb = db.from({ r: path.rootTable });
    path.hops.forEach((hop, i) => {
      const alias = `j${i}`;
      const previous = i === 0 ? 'r.id' : `j${i - 1}.${path.hops[i - 1].to}`;
      qb.join({ [alias]: hop.table }, (on) => {
        on.on(`${alias}.${hop.from}`, '=', previous);
        for (const [col, value] of Object.entries(hop.where)) on.andOn(`${alias}.${col}`, '=', db.raw('?', [value]));
      });
    });
    const last = `j${path.hops.length - 1}.${path.hops[path.hops.length - 1].to}`;
    return { qb: qb.select({ photoId: last }).whereNotNull(last), photoColumn: last };
  }

  /** Not wrapped in parentheses: SQLite refuses `(SELECT …) UNION (SELECT …)`. */
  const unionAll = (selects: Knex.QueryBuilder[]) => (selects.length === 1 ? selects[0] : selects[0].unionAll(selects.slice(1)));

  async function usedAmong(db: Knex | Knex.Transaction, photoIds: number[]): Promise<Set<number>> {
    const used = new Set<number>();
    for (let i = 0; i < photoIds.length; i += IN_CHUNK) {
      const chunk = photoIds.slice(i, i + IN_CHUNK);
      const selects = paths().map((path) => {
        const { qb, photoColumn } = pathQuery(db, path);
        return qb.whereNotNull('r.published_at').whereIn(photoColumn, chunk);
      });
      if (selects.length === 0) continue;
      const query = unionAll(selects);
      for (const row of (await query) as Array<{ photoId: number | string }>) used.add(Number(row.photoId));
    }
    return used;
  }

  async function visibleAmong(db: Knex | Knex.Transaction, photoIds: number[]): Promise<Map<number, { released: boolean; used: boolean }>> {
    const out = new Map<number, { released: boolean; used: boolean }>();
    const truthy = (v: unknown) => v === true || v === 1 || v === '1' || v === 't';
    for (let i = 0; i < photoIds.length; i += IN_CHUNK) {
      const rows = (await db
        .from(photoTable())
        .select({ id: 'id', released: column('released'), used: column('usedInPublished') })
        .whereIn('id', photoIds.slice(i, i + IN_CHUNK))) as Array<{ id: number; released: unknown; used: unknown }>;
      for (const row of rows) out.set(Number(row.id), { released: truthy(row.released), used: truthy(row.used) });
    }
    return out;
  }

  return {
    paths,

    get referencingTypes() {
      return new Set(paths().map((p) => p.rootUid));
    },

    async photosOf(uid, documentId) {
      // Only this content type's paths: another type's rows could share the documentId by chance.
      const own = paths().filter((p) => p.rootUid === uid);
      if (own.length === 0) return [];
      return withDb(async (db) => {
        const rows = (await unionAll(own.map((path) => pathQuery(db, path).qb.where('r.document_id', documentId)))) as Array<{ photoId: number | string }>;
        return [...new Set(rows.map((r) => Number(r.photoId)))];
      });
    },

    async refresh(photoIds) {
      const ids = [...new Set(photoIds)].filter((id) => Number.isInteger(id));
      if (ids.length === 0) return [];
      return strapi.db.transaction(async ({ trx }) => {
        const db = trx as unknown as Knex.Transaction;
        const [used, before] = await Promise.all([usedAmong(db, ids), visibleAmong(db, ids)]);
        const flipped: number[] = [];
        const toTrue: number[] = [];
        const toFalse: number[] = [];
        for (const [id, state] of before) {
          const now = used.has(id);
          if (now === state.used) continue;
          (now ? toTrue : toFalse).push(id);
          if (!state.released) flipped.push(id);
        }
        if (toTrue.length) await db.from(photoTable()).whereIn('id', toTrue).update({ [column('usedInPublished')]: true });
        if (toFalse.length) await db.from(photoTable()).whereIn('id', toFalse).update({ [column('usedInPublished')]: false });
        return flipped;
      });
    },

    async reconcileAll() {
      const ids = await withDb(async (db) => ((await db.from(photoTable()).select('id')) as Array<{ id: number }>).map((r) => Number(r.id)));
      let changed = 0;
      for (let i = 0; i < ids.length; i += IN_CHUNK * 10) changed += (await this.refresh(ids.slice(i, i + IN_CHUNK * 10))).length;
      return changed;
    },

    async publicIds(photoIds) {
      const states = await withDb((db) => visibleAmong(db, [...new Set(photoIds)]));
      return new Set([...states].filter(([, s]) => s.released || s.used).map(([id]) => id));
    },
  };
};
