// Benchmark parts for readers' numbers: 30 days of hourly view buckets in the benchmark database
// (seeded with it), and the beacon load (POST beacons from many readers over a set of articles).
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

const HOUR_MS = 3_600_000;
/** Hours after publication an article keeps being read (news decays fast). */
const READ_FOR_HOURS = 72;
const RETENTION_HOURS = 30 * 24;

/** Hourly buckets for the last 30 days: each article read for 72 hours after publication. Returns the rows written. */
export async function seedViewBuckets(strapi: Core.Strapi, now = new Date(), log: (line: string) => void = () => undefined): Promise<number> {
  const knex = strapi.db.connection as unknown as Knex;
  const meta = strapi.db.metadata.get('api::article.article') as unknown as { tableName: string; attributes: Record<string, { columnName?: string }> };
  const col = (a: string) => meta.attributes[a]?.columnName ?? a;
  const nowHour = Math.floor(now.getTime() / HOUR_MS);
  const since = new Date((nowHour - RETENTION_HOURS - READ_FOR_HOURS) * HOUR_MS);
  const articles = (await knex(meta.tableName)
    .select({ documentId: col('documentId'), at: col('firstPublishedAt') })
    .whereNotNull(col('publishedAt'))
    .andWhere(col('firstPublishedAt'), '>=', since)) as Array<{ documentId: string; at: unknown }>;
  const store = strapi.plugin('views').service('view-store');
  let batch: Array<{ documentId: string; hour: number; views: number }> = [];
  let rows = 0;
  for (const [i, a] of articles.entries()) {
    const published = Math.floor(new Date(typeof a.at === 'string' && /^\d+$/.test(a.at) ? Number(a.at) : (a.at as string)).getTime() / HOUR_MS);
    const popularity = 1 + ((i * 7919) % 50);
    for (let h = Math.max(published, nowHour - RETENTION_HOURS + 1); h <= Math.min(nowHour, published + READ_FOR_HOURS); h++) {
      batch.push({ documentId: a.documentId, hour: h, views: Math.max(1, Math.round((popularity * 30) / (1 + (h - published) / 4))) });
    }
    if (batch.length >= 20_000) {
      await store.add(batch);
      rows += batch.length;
      batch = [];
    }
  }
  if (batch.length) await store.add(batch);
  rows += batch.length;
  log(`  view buckets: ${rows} hourly rows for ${articles.length} articles over the last 30 days`);
  return rows;
}

interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  setupRequest?: (req: AutocannonRequest) => AutocannonRequest;
}

/** Autocannon options for beacons: articles in turn, readers cycling through `readers` user agents. */
export function beaconRequests(documentIds: string[], readers: number, userAgent: string): { method: string; requests: AutocannonRequest[] } {
  let n = 0;
  return {
    method: 'POST',
    requests: [
      {
        setupRequest(req) {
          n += 1;
          return { ...req, method: 'POST', path: `/api/articles/${documentIds[n % documentIds.length]}/views`, headers: { ...req.headers, 'user-agent': `${userAgent} reader/${n % readers}` } };
        },
      },
    ],
  };
}
