// Benchmark scenario "wr": the feed cache's warm-hit ratio under a newsroom's write load, in real
// time: a draft saved every second, a publish every minute, readers on 20 feeds and 200 article
// pages. Run once with precise purges (the app as it is) and once flushing the whole cache on
// every write (how it behaved before surrogate-key purges). Prints and returns the ratios.
import type { Core } from '@strapi/strapi';
import { loadStrapi, runMain } from './boot';
import { ALL_FEEDS_KEY, purgeFeedCache } from '../../src/api/feed/purge-feed-cache';

export type PurgeMode = 'precise' | 'flush-all';

export interface WarmRatioResult {
  mode: PurgeMode;
  seconds: number;
  reads: number;
  hits: number;
  misses: number;
  ratio: number;
  draftSaves: number;
  publishes: number;
  feeds: number;
  pages: number;
}

const ARTICLE = 'api::article.article';

/** A small deterministic PRNG, so both modes see the same reads and writes. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function readerUrls(strapi: Core.Strapi) {
  const sections = (await strapi.db.query('api::section.section').findMany({ select: ['slug'], orderBy: { position: 'asc' }, limit: 10 })) as Array<{ slug: string }>;
  const feeds = [
    ...['json', 'rss', 'atom', 'jsonfeed'].map((f) => `/api/feeds/articles?format=${f}`),
    '/api/feeds/articles?limit=10',
    '/api/feeds/news-sitemap',
    ...sections.map((s) => `/api/feeds/sections/${s.slug}`),
    ...sections.slice(0, 4).map((s) => `/api/feeds/sections/${s.slug}?format=rss`),
  ].slice(0, 20);
  const articles = (await strapi.db.query(ARTICLE).findMany({
    where: { publishedAt: { $notNull: true } },
    select: ['documentId', 'slug'],
    orderBy: [{ firstPublishedAt: 'desc' }, { id: 'desc' }],
    limit: 200,
  })) as Array<{ documentId: string; slug: string }>;
  return { feeds, articles, pages: articles.map((a) => `/api/articles/by-slug/${a.slug}`) };
}

export async function runWarmRatio(strapi: Core.Strapi, port: number, mode: PurgeMode, seconds: number, readsPerSecond: number): Promise<WarmRatioResult> {
  const { feeds, articles, pages } = await readerUrls(strapi);
  const urls = [...feeds, ...pages];
  const next = random(11);
  const read = async (url: string) => {
    const res = await fetch(`http://127.0.0.1:${port}${url}`, { headers: { 'accept-encoding': 'gzip' } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    return res.headers.get('x-feed-cache');
  };
  // Warm-up: every URL once, so the measurement starts from a warm cache in both modes.
  for (const url of urls) await read(url);

  const write = async (fn: () => Promise<unknown>) => {
    await fn();
    if (mode === 'flush-all') await purgeFeedCache(strapi, [ALL_FEEDS_KEY]);
  };
  let hits = 0;
  let misses = 0;
  let draftSaves = 0;
  let publishes = 0;
  let lastDraft: string | null = null;
  const started = Date.now();
  for (let second = 1; second <= seconds; second += 1) {
    const target = articles[Math.floor(next() * articles.length)];
    await write(() => strapi.documents(ARTICLE).update({ documentId: target.documentId, data: { standfirst: `Draft revision ${second}` } }));
    draftSaves += 1;
    lastDraft = target.documentId;
    if (second % 60 === 0 && lastDraft) {
      await write(() => strapi.documents(ARTICLE).publish({ documentId: lastDraft! }));
      publishes += 1;
    }
    for (let i = 0; i < readsPerSecond; i += 1) {
      // Half the reads go to the feeds, half to article pages.
      const url = next() < 0.5 ? feeds[Math.floor(next() * feeds.length)] : pages[Math.floor(next() * pages.length)];
      if ((await read(url)) === 'hit') hits += 1;
      else misses += 1;
    }
    const wait = started + second * 1000 - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  const reads = hits + misses;
  return { mode, seconds, reads, hits, misses, ratio: reads ? hits / reads : 0, draftSaves, publishes, feeds: feeds.length, pages: pages.length };
}

/** Child-process entry: boots the app on DATABASE_FILENAME, runs one mode, sends the result over IPC. */
async function main() {
  const [mode, seconds, readsPerSecond] = [process.argv[2] as PurgeMode, Number(process.argv[3]), Number(process.argv[4])];
  const strapi = await loadStrapi();
  await strapi.listen();
  process.on('disconnect', () => process.exit(0));
  try {
    const result = await runWarmRatio(strapi, Number(process.env.PORT), mode, seconds, readsPerSecond);
    process.send?.({ type: 'warm-ratio', result });
  } finally {
    await strapi.destroy();
  }
}

runMain(module, main);
