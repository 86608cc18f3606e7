// The article feeds' hot read: one keyset page of published articles with their section and lead
// photo (one query, all to-one joins), then the photos' images and credits (one query each), in
// the shape the Document Service returns, so src/lib/feeds maps both alike. Tables and columns
// come from strapi.db.metadata. Measured with `npm run bench`: the Document Service spent most of
// a cold feed request building and transforming queries, not in the database.
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { createQueryMemo, type Raw } from '../../../lib/db/query-memo';
import { columns, schemaNames, type FieldNeed, metadataLookup } from '../../../lib/db/schema-names';

const ARTICLE = 'api::article.article';
const SECTION = 'api::section.section';
const PHOTO = 'api::photo.photo';
const FILE = 'plugin::upload.file';
const CREDIT = 'media.photo-credit';
const CORRECTION = 'article.correction';

/** Every field this fast path reads: checked at boot (src/bootstrap/fast-path-schema.ts). */
export const ARTICLE_ROWS_FIELDS: readonly FieldNeed[] = [
  ...columns(ARTICLE, ['id', 'documentId', 'title', 'slug', 'kicker', 'standfirst', 'dateline', 'firstPublishedAt', 'updatedAt', 'locale', 'publishedAt']),
  { uid: ARTICLE, attribute: 'section', as: 'relation' },
  { uid: ARTICLE, attribute: 'leadPhoto', as: 'relation' },
  ...columns(SECTION, ['id', 'documentId', 'name', 'slug']),
  ...columns(PHOTO, ['id', 'documentId', 'caption', 'altText', 'creditLine', 'takenAt', 'location', 'updatedAt', 'digitalSourceType', 'provenanceNote']),
  { uid: PHOTO, attribute: 'credit', as: 'component' },
  ...columns(FILE, ['id', 'documentId', 'url', 'width', 'height', 'mime', 'formats']),
  { uid: FILE, attribute: 'related', as: 'media' },
  ...columns(CREDIT, ['id', 'photographer', 'agency', 'copyrightHolder', 'license', 'mayRedistribute']),
  { uid: ARTICLE, attribute: 'corrections', as: 'component' },
  ...columns(CORRECTION, ['id', 'at', 'kind', 'text']),
];

export interface ArticleRowsQuery {
  locale: string;
  /** Only this section's articles (its row id). */
  sectionId?: number;
  /** Keyset: strictly older than this (firstPublishedAt, id). */
  after?: { at: Date; id: number };
  /** Only these articles (most read, recommended): the caller orders them. */
  documentIds?: string[];
  limit: number;
}

/** Datetimes as the Document Service gives them: ISO strings (SQLite stores epoch ms, PostgreSQL timestamps). */
function iso(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  const d = v instanceof Date ? v : new Date(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : (v as string | number));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function json(v: unknown): unknown {
  if (typeof v !== 'string') return v ?? null;
  try {
    return JSON.parse(v);
  } catch {
    return null;
  }
}

const bool = (v: unknown) => (v === null || v === undefined ? null : v === true || v === 1 || v === '1' || v === 't');

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection as unknown as Knex;
  const names = schemaNames(metadataLookup(strapi.db.metadata));
  const { column, joinTable } = names;
  const run = createQueryMemo(knex);

  /** Images of the given photos, by photo id. */
  async function images(photoIds: number[]): Promise<Map<number, Raw>> {
    const out = new Map<number, Raw>();
    if (!photoIds.length) return out;
    const morph = names.morphTable(FILE, 'related');
    const f = names.table(FILE);
    const rows = await run(`images:${photoIds.length}`, photoIds, (ids) =>
      knex()
        .select({
          owner: `m.${morph.ownerIdColumn}`,
          id: `f.${column(FILE, 'id')}`,
          documentId: `f.${column(FILE, 'documentId')}`,
          url: `f.${column(FILE, 'url')}`,
          width: `f.${column(FILE, 'width')}`,
          height: `f.${column(FILE, 'height')}`,
          mime: `f.${column(FILE, 'mime')}`,
          formats: `f.${column(FILE, 'formats')}`,
        })
        .from({ m: morph.name })
        .join({ f }, `f.${column(FILE, 'id')}`, `m.${morph.fileColumn}`)
        .whereIn(`m.${morph.ownerIdColumn}`, ids)
        .andWhere(`m.${morph.ownerTypeColumn}`, PHOTO)
        .andWhere(`m.${morph.fieldColumn}`, 'image')
        .orderBy([{ column: `m.${morph.ownerIdColumn}` }, { column: `m.${morph.orderColumn}` }]),
    );
    for (const { owner, ...image } of rows) {
      if (!out.has(Number(owner))) out.set(Number(owner), { ...image, formats: json(image.formats) });
    }
    return out;
  }

  /** Rows of one component attribute (`owner` = the owning row id) for the given owners: one query. */
  function componentRows(owner: string, attribute: string, component: string, fields: string[], ids: number[]): Promise<Raw[]> {
    const cmps = names.componentTable(owner, attribute);
    const select: Record<string, string> = { owner: `j.${cmps.ownerColumn}`, id: `c.${column(component, 'id')}` };
    for (const field of fields) select[field] = `c.${column(component, field)}`;
    return run(`${attribute}:${ids.length}`, ids, (params) =>
      knex()
        .select(select)
        .from({ j: cmps.name })
        .join({ c: names.table(component) }, `c.${column(component, 'id')}`, `j.${cmps.componentColumn}`)
        .whereIn(`j.${cmps.ownerColumn}`, params)
        .andWhere(Object.fromEntries(Object.entries(cmps.on).map(([k, v]) => [`j.${k}`, v])))
        .andWhere(`j.${cmps.typeColumn}`, component),
    );
  }

  /** Credits (component) of the given photos, by photo id. */
  async function credits(photoIds: number[]): Promise<Map<number, Raw>> {
    const out = new Map<number, Raw>();
    if (!photoIds.length) return out;
    const rows = await componentRows(PHOTO, 'credit', CREDIT, ['photographer', 'agency', 'copyrightHolder', 'license', 'mayRedistribute'], photoIds);
    for (const { owner, ...credit } of rows) out.set(Number(owner), { ...credit, mayRedistribute: bool(credit.mayRedistribute) });
    return out;
  }

  /** Corrections (component) of the given article rows, by article row id: one query per page. */
  async function corrections(articleIds: number[]): Promise<Map<number, Raw[]>> {
    const out = new Map<number, Raw[]>();
    if (!articleIds.length) return out;
    const rows = await componentRows(ARTICLE, 'corrections', CORRECTION, ['at', 'kind', 'text'], articleIds);
    for (const { owner, id: _id, ...c } of rows) {
      const list = out.get(Number(owner)) ?? [];
      list.push({ ...c, at: iso(c.at) });
      out.set(Number(owner), list);
    }
    return out;
  }

  return {
    /** Newest first by (firstPublishedAt, id); published rows only, as `status: 'published'` reads them. */
    async page(query: ArticleRowsQuery): Promise<Raw[]> {
      const a = names.table(ARTICLE);
      const articleId = `a.${column(ARTICLE, 'id')}`;
      const section = joinTable(ARTICLE, 'section');
      const lead = joinTable(ARTICLE, 'leadPhoto');
      const first = `a.${column(ARTICLE, 'firstPublishedAt')}`;
      const { sectionId, after, documentIds } = query;
      if (documentIds && !documentIds.length) return [];
      // Parameters: locale, section id, keyset time and id, then any documentIds; the limit is part of the shape.
      const params: unknown[] = [query.locale, sectionId ?? null, after?.at ?? null, after?.id ?? null, ...(documentIds ?? [])];
      const shape = `page:${sectionId !== undefined}:${after !== undefined}:${query.limit}:${documentIds?.length ?? '-'}`;
      const rows = await run(shape, params, ([locale, sectionParam, at, id, ...ids]) => {
        const q = knex()
          .select({
            id: articleId,
            documentId: `a.${column(ARTICLE, 'documentId')}`,
            title: `a.${column(ARTICLE, 'title')}`,
            slug: `a.${column(ARTICLE, 'slug')}`,
            kicker: `a.${column(ARTICLE, 'kicker')}`,
            standfirst: `a.${column(ARTICLE, 'standfirst')}`,
            dateline: `a.${column(ARTICLE, 'dateline')}`,
            firstPublishedAt: first,
            updatedAt: `a.${column(ARTICLE, 'updatedAt')}`,
            locale: `a.${column(ARTICLE, 'locale')}`,
            sectionId: `s.${column(SECTION, 'id')}`,
            sectionDocumentId: `s.${column(SECTION, 'documentId')}`,
            sectionName: `s.${column(SECTION, 'name')}`,
            sectionSlug: `s.${column(SECTION, 'slug')}`,
            photoId: `p.${column(PHOTO, 'id')}`,
            photoDocumentId: `p.${column(PHOTO, 'documentId')}`,
            caption: `p.${column(PHOTO, 'caption')}`,
            altText: `p.${column(PHOTO, 'altText')}`,
            creditLine: `p.${column(PHOTO, 'creditLine')}`,
            takenAt: `p.${column(PHOTO, 'takenAt')}`,
            location: `p.${column(PHOTO, 'location')}`,
            photoUpdatedAt: `p.${column(PHOTO, 'updatedAt')}`,
            digitalSourceType: `p.${column(PHOTO, 'digitalSourceType')}`,
            provenanceNote: `p.${column(PHOTO, 'provenanceNote')}`,
          })
          .from({ a })
          .leftJoin({ sl: section.name }, `sl.${section.joinColumn.name}`, articleId)
          .leftJoin({ s: names.table(SECTION) }, `s.${column(SECTION, 'id')}`, `sl.${section.inverseJoinColumn.name}`)
          .leftJoin({ pl: lead.name }, `pl.${lead.joinColumn.name}`, articleId)
          .leftJoin({ p: names.table(PHOTO) }, `p.${column(PHOTO, 'id')}`, `pl.${lead.inverseJoinColumn.name}`)
          .whereNotNull(`a.${column(ARTICLE, 'publishedAt')}`)
          .andWhere(`a.${column(ARTICLE, 'locale')}`, locale)
          .whereNotNull(first);
        if (sectionId !== undefined) q.andWhere(`s.${column(SECTION, 'id')}`, sectionParam);
        if (documentIds) q.whereIn(`a.${column(ARTICLE, 'documentId')}`, ids);
        if (after) q.andWhere((w) => w.where(first, '<', at).orWhere((x) => x.where(first, at).andWhere(articleId, '<', id)));
        return q
          .orderBy([
            { column: first, order: 'desc' },
            { column: articleId, order: 'desc' },
          ])
          .limit(query.limit);
      });

      const photoIds = [
        ...new Set(
          rows
            .map((r) => r.photoId)
            .filter((id): id is number => id !== null && id !== undefined)
            .map(Number),
        ),
      ];
      const [imageOf, creditOf, correctionsOf] = await Promise.all([images(photoIds), credits(photoIds), corrections(rows.map((r) => Number(r.id)))]);
      return rows.map((r) => ({
        id: r.id,
        documentId: r.documentId,
        title: r.title,
        slug: r.slug,
        kicker: r.kicker,
        standfirst: r.standfirst,
        dateline: r.dateline,
        firstPublishedAt: iso(r.firstPublishedAt),
        updatedAt: iso(r.updatedAt),
        locale: r.locale,
        corrections: correctionsOf.get(Number(r.id)) ?? [],
        section:
          r.sectionId == null ? null : { id: r.sectionId, documentId: r.sectionDocumentId, name: r.sectionName, slug: r.sectionSlug },
        leadPhoto:
          r.photoId == null
            ? null
            : {
                id: r.photoId,
                documentId: r.photoDocumentId,
                caption: r.caption,
                altText: r.altText,
                creditLine: r.creditLine,
                takenAt: iso(r.takenAt),
                location: r.location,
                updatedAt: iso(r.photoUpdatedAt),
                digitalSourceType: r.digitalSourceType,
                provenanceNote: r.provenanceNote,
                image: imageOf.get(Number(r.photoId)) ?? null,
                credit: creditOf.get(Number(r.photoId)) ?? null,
              },
      }));
    },
  };
};
