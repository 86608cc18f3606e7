// The search scenario of `npm run bench` (key `search`): on a seeded benchmark database, builds
// the search index (timed, with its size) unless it is already complete, then measures search
// latency over HTTP, one request at a time with the response cache off, for one-word,
// three-word and phrase queries and for suggest. Bounded: --search-requests per query kind.
// Run by run.ts as `node <dist>/scripts/bench/search.js --db FILE --port N --requests N [--rebuild]`,
// or with DATABASE_URL set for PostgreSQL (the database must have been seeded there).
import http from 'http';
import path from 'path';
import type { Knex } from 'knex';
import { benchEnv, loadStrapi, runMain } from './boot';
import { benchStory, VOCABULARY } from './corpus';
import type { SearchRun } from './report';

export interface SearchBenchResult extends SearchRun {
  database: 'sqlite' | 'postgres';
  /** Built by `npm run search:reindex`'s code path; absent when the complete index was reused (buildSeconds null). */
  build?: 'reindex';
}

function arg(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * Queries a reader might type, from the benchmark corpus (scripts/bench/corpus.ts): single words
 * of middling frequency (each in roughly 1 to 7 % of the stories, as a topical word is), three
 * words and a two-word phrase from headlines of stories in the database, and for suggest the
 * first letters of those words and the words with a letter left out.
 */
export function benchQueries(articles: number) {
  const oneWord: string[] = [];
  for (let k = 0; oneWord.length < 40 && k < 400; k += 1) {
    const w = VOCABULARY[Math.round(300 * Math.pow(10, k / 40))];
    if (w && w.length >= 5 && !oneWord.includes(w)) oneWord.push(w);
  }
  const titles = Array.from({ length: 40 }, (_, k) => words(benchStory(Math.floor(((k + 0.5) * articles) / 40)).title));
  const long = (ws: string[]) => ws.filter((w) => w.length >= 5);
  const threeWords = titles.filter((t) => long(t).length >= 3).map((t) => long(t).slice(0, 3).join(' '));
  const phrases = titles.map((t) => `"${t.slice(1, 3).join(' ')}"`);
  const prefixes = oneWord.map((w) => w.slice(0, 4));
  const typos = oneWord.filter((w) => w.length >= 6).map((w) => w.slice(0, 2) + w.slice(3));
  return {
    'one word': oneWord.map((q) => `/api/search?q=${encodeURIComponent(q)}+`),
    'three words': threeWords.map((q) => `/api/search?q=${encodeURIComponent(q)}+`),
    phrase: phrases.map((q) => `/api/search?q=${encodeURIComponent(q)}`),
    'suggest (prefix)': prefixes.map((q) => `/api/search/suggest?q=${encodeURIComponent(q)}`),
    'suggest (one typo)': typos.map((q) => `/api/search/suggest?q=${encodeURIComponent(q)}`),
  };
}

function get(port: number, urlPath: string): Promise<{ status: number; body: string; ms: number }> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: urlPath, agent: false }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
      })
      .on('error', reject);
  });
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  const db = arg('db');
  const port = Number(arg('port', '1352'));
  const requests = Number(arg('requests', '200'));
  const pg = process.env.DATABASE_URL?.startsWith('postgres');
  Object.assign(process.env, benchEnv({ ...(db && !pg ? { DATABASE_FILENAME: path.resolve(db) } : {}), PORT: String(port), FEED_CACHE: 'false' }));
  const strapi = await loadStrapi();
  try {
    const knex = strapi.db.connection as unknown as Knex;
    const indexer = strapi.plugin('search').service('indexer');
    const table = strapi.db.metadata.get('api::article.article').tableName;
    const [{ n }] = (await knex(table).whereNotNull('published_at').countDistinct({ n: 'document_id' })) as Array<{ n: number | string }>;
    const articles = Number(n);
    let stats = await indexer.engine().stats();
    let buildSeconds: number | null = null;
    if (process.argv.includes('--rebuild') || stats.documents !== articles) {
      const started = Date.now();
      let last = 0;
      await indexer.reindex({
        fresh: true,
        batchSize: 500,
        onProgress: (done: number, total: number) => {
          if (done - last >= 10_000 || done === total) process.stdout.write(`  indexed ${done}/${total}\n`), (last = done);
        },
      });
      buildSeconds = Math.round((Date.now() - started) / 100) / 10;
      stats = await indexer.engine().stats();
    }
    await strapi.listen();
    const kinds: SearchBenchResult['kinds'] = [];
    for (const [kind, paths] of Object.entries(benchQueries(articles))) {
      for (const p of paths.slice(0, 5)) await get(port, p); // warm the statement caches
      const times: number[] = [];
      let hits = 0;
      let errors = 0;
      for (let i = 0; i < requests; i += 1) {
        const r = await get(port, paths[i % paths.length]);
        if (r.status !== 200) errors += 1;
        else hits += (JSON.parse(r.body) as { data: unknown[] }).data.length;
        times.push(r.ms);
      }
      times.sort((a, b) => a - b);
      kinds.push({ kind, requests, p50: Math.round(percentile(times, 50) * 10) / 10, p99: Math.round(percentile(times, 99) * 10) / 10, meanHits: Math.round((hits / requests) * 10) / 10, errors });
    }
    const result: SearchBenchResult = { database: pg ? 'postgres' : 'sqlite', articles, indexRows: stats.documents, indexBytes: stats.bytes, buildSeconds, ...(buildSeconds !== null ? { build: 'reindex' as const } : {}), kinds };
    process.stdout.write(`SEARCH-RESULT ${JSON.stringify(result)}\n`);
  } finally {
    await strapi.destroy();
  }
}

runMain(module, main);
