// The views tables and every query on them: totals outside the versioned article row, hourly
// buckets (kept for the retention period), day buckets (kept) and the daily salts. Tables are the plugin's own (created at boot,
// kept by Strapi's schema sync, which only drops tables it made), so publishing, editing or
// restoring an article never touches a count.
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

export const TABLES = { totals: 'views_totals', hourly: 'views_hourly', daily: 'views_daily', salts: 'views_salts' } as const;

export interface BucketCount {
  documentId: string;
  hour: number;
  views: number;
}

const CHUNK = 400;
const chunks = <T>(items: T[]): T[][] => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const knex = () => strapi.db.connection as unknown as Knex;
  /** The last write, for the benchmark's "writes per flush": statements, article rows, views in it. */
  let lastWrite = { statements: 0, rows: 0, views: 0 };

  async function createTable(name: string, build: (t: Knex.CreateTableBuilder) => void) {
    if (await knex().schema.hasTable(name)) return;
    try {
      await knex().schema.createTable(name, build);
    } catch (error) {
      // Another instance booting at the same moment made it first.
      if (!(await knex().schema.hasTable(name))) throw error;
    }
  }

  return {
    async ensureTables(): Promise<void> {
      await createTable(TABLES.totals, (t) => {
        t.string('article_document_id', 64).primary();
        t.bigInteger('total').notNullable().defaultTo(0);
      });
      await createTable(TABLES.hourly, (t) => {
        t.string('article_document_id', 64).notNullable();
        t.integer('hour').notNullable();
        t.integer('views').notNullable().defaultTo(0);
        // Hour first: rankings read a range of recent hours; the editors' chart reads one article's.
        t.primary(['hour', 'article_document_id']);
        t.index(['article_document_id', 'hour'], 'views_hourly_article_idx');
      });
      await createTable(TABLES.daily, (t) => {
        t.string('article_document_id', 64).notNullable();
        t.integer('day').notNullable();
        t.bigInteger('views').notNullable().defaultTo(0);
        t.primary(['day', 'article_document_id']);
      });
      await createTable(TABLES.salts, (t) => {
        t.string('day', 10).primary();
        t.string('salt', 64).notNullable();
      });
    },

    /**
     * Adds a flush's counts: one multi-row upsert for the totals (each article's row incremented
     * once, atomically, by the database) and one for the hour buckets, in one transaction.
     */
    async add(counts: BucketCount[]): Promise<void> {
      if (!counts.length) return;
      const perArticle = new Map<string, number>();
      for (const c of counts) perArticle.set(c.documentId, (perArticle.get(c.documentId) ?? 0) + c.views);
      const totals = [...perArticle].map(([id, n]) => ({ article_document_id: id, total: n }));
      let statements = 0;
      await knex().transaction(async (trx) => {
        for (const rows of chunks(totals)) {
          statements++;
          await trx(TABLES.totals)
            .insert(rows)
            .onConflict('article_document_id')
            .merge({ total: trx.raw('??.?? + excluded.??', [TABLES.totals, 'total', 'total']) } as never);
        }
        const buckets = counts.map((c) => ({ article_document_id: c.documentId, hour: c.hour, views: c.views }));
        for (const rows of chunks(buckets)) {
          statements++;
          await trx(TABLES.hourly)
            .insert(rows)
            .onConflict(['hour', 'article_document_id'])
            .merge({ views: trx.raw('??.?? + excluded.??', [TABLES.hourly, 'views', 'views']) } as never);
        }
        // Day buckets too, so 7- and 30-day rankings sum a few rows per article instead of hundreds.
        const perDay = new Map<string, { article_document_id: string; day: number; views: number }>();
        for (const c of counts) {
          const day = Math.floor(c.hour / 24);
          const row = perDay.get(`${day}:${c.documentId}`) ?? { article_document_id: c.documentId, day, views: 0 };
          row.views += c.views;
          perDay.set(`${day}:${c.documentId}`, row);
        }
        for (const rows of chunks([...perDay.values()])) {
          statements++;
          await trx(TABLES.daily)
            .insert(rows)
            .onConflict(['day', 'article_document_id'])
            .merge({ views: trx.raw('??.?? + excluded.??', [TABLES.daily, 'views', 'views']) } as never);
        }
      });
      lastWrite = { statements, rows: totals.length, views: counts.reduce((n, c) => n + c.views, 0) };
    },

    lastWrite() {
      return lastWrite;
    },

    async totals(documentIds: string[]): Promise<Map<string, number>> {
      const out = new Map<string, number>();
      for (const ids of chunks([...new Set(documentIds)])) {
        const rows = (await knex()(TABLES.totals).select('article_document_id', 'total').whereIn('article_document_id', ids)) as Array<{ article_document_id: string; total: number | string }>;
        for (const r of rows) out.set(r.article_document_id, Number(r.total));
      }
      return out;
    },

    async hourly(documentId: string, fromHour: number): Promise<Array<{ hour: number; views: number }>> {
      const rows = (await knex()(TABLES.hourly).select('hour', 'views').where('article_document_id', documentId).andWhere('hour', '>=', fromHour).orderBy('hour')) as Array<{ hour: number | string; views: number | string }>;
      return rows.map((r) => ({ hour: Number(r.hour), views: Number(r.views) }));
    },

    /** Drops hour buckets older than `beforeHour` (their days are kept in the day buckets); returns how many went. */
    async rollUp(beforeHour: number): Promise<number> {
      return Number(await knex()(TABLES.hourly).where('hour', '<', beforeHour).del());
    },

    /** The day's salt, made by whichever instance asks first; earlier days' salts are deleted. */
    async saltFor(day: string): Promise<string> {
      const candidate = crypto.randomBytes(32).toString('hex');
      await knex()(TABLES.salts).insert({ day, salt: candidate }).onConflict('day').ignore();
      const row = (await knex()(TABLES.salts).select('salt').where('day', day).first()) as { salt: string } | undefined;
      if (!row) throw new Error('views: the day salt could not be stored');
      await knex()(TABLES.salts).where('day', '<', day).del();
      return row.salt;
    },
  };
};
