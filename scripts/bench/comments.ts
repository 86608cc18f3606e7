// The comments scenario of `npm run bench` (key `comments`), in its own process on a throw-away
// SQLite database: one published article with 2,000 comments (bulk-inserted: 1,500 threads and 500
// replies), then over HTTP on 127.0.0.1 (a) reading page 1 and page 50 of its threads, one request
// at a time, and (b) posting through the real route (`POST /api/articles/:documentId/comments`,
// can-post policy, rate limiter, every detector) by logged-in readers, a few at a time. Bounded in
// requests and seconds. Run by comments-scenario.ts as
// `node <dist>/scripts/bench/comments.js --port N --comments 2000 --page-requests 200 --posts 300 --post-seconds 60 --concurrency 4 --readers 40`.
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';
import { benchEnv, loadStrapi, runMain } from './boot';
import { fingerprint, textHash } from '../../src/plugins/comments/lib/detectors';

export interface LatencySummary { requests: number; p50: number; p99: number; mean: number; errors: number }
export interface CommentsBenchResult {
  comments: number;
  threads: number;
  pageSize: number;
  page1: LatencySummary;
  page50: LatencySummary;
  /** page 50's p50 over page 1's. */
  ratio: number;
  posting: LatencySummary & { seconds: number; perSecond: number; concurrency: number; readers: number; approved: number; held: Record<string, number>; statuses: Record<string, number> };
}

const COMMENT = 'plugin::comments.comment';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number ≥ 1`);
  return value;
}

const log = (line: string) => process.stdout.write(`  ${line}\n`);

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export function summarise(ms: number[], errors: number): LatencySummary {
  const sorted = [...ms].sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 100) / 100;
  return { requests: ms.length, p50: round(percentile(sorted, 0.5)), p99: round(percentile(sorted, 0.99)), mean: round(ms.reduce((s, x) => s + x, 0) / Math.max(1, ms.length)), errors };
}

// A small deterministic generator (mulberry32), so every run posts the same texts.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

// Comments from a small grammar (four slots of fifteen choices per sentence, three sentences): two
// posts share a sentence now and then, as readers do, but are not near-duplicates, so the flash-mob
// and flooding detectors do the work of comparing without firing on every post.
const SUBJECTS = ['The council', 'The new mayor', 'Our local school', 'The hospital board', 'The bus company', 'This newspaper', 'The planning office', 'The football club', 'The museum', 'The housing association', 'The police chief', 'The regional government', 'My landlord', 'The library service', 'The water company'];
const VERBS = ['should explain', 'has ignored', 'keeps delaying', 'finally published', 'quietly changed', 'must reconsider', 'underestimated', 'deserves credit for', 'has misjudged', 'could improve', 'refused to discuss', 'promised to review', 'barely mentioned', 'handled well', 'got wrong'];
const OBJECTS = ['the budget for next year', 'the parking rules', 'the night bus timetable', 'the plans for the old mill', 'the waiting lists', 'the price of season tickets', 'the flood defences', 'the new cycle lanes', 'the rent increases', 'the closing of the branch library', 'the school meals contract', 'the noise from the building site', 'the cost of the tram extension', 'the opening hours', 'the river clean-up'];
const QUALIFIERS = ['before the vote', 'in plain words', 'to the people it affects', 'after years of complaints', 'without any consultation', 'at the last meeting', 'this spring', 'as the article shows', 'despite the petition', 'for the third time', 'in the summer holidays', 'with very little notice', 'and nobody noticed', 'in front of the cameras', 'at our expense'];
// A share of posts that the detectors should hold, so that holding (the moderation log row) is in the measurement.
const TRIGGERS = [
  'THIS IS A COMPLETE DISGRACE AND EVERYONE RESPONSIBLE SHOULD RESIGN TODAY',
  'cheap watches at https://a.example/x https://b.example/y https://c.example/z',
  'What a load of bullshit this article is.',
  'Je pense que le conseil municipal a eu tort de voter cette loi hier soir.',
];

export function commentText(i: number): string {
  const r = rng(i * 7919 + 17);
  if (i % 25 === 24) return `${TRIGGERS[Math.floor(i / 25) % TRIGGERS.length]} (${i})`;
  const pick = <T>(list: T[]) => list[Math.floor(r() * list.length)];
  const sentence = () => `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(QUALIFIERS)}.`;
  return `${sentence()} ${sentence()} ${sentence()}`;
}

function request(port: number, method: string, urlPath: string, body?: unknown, jwt?: string): Promise<{ status: number; json: any; ms: number }> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path: urlPath,
        agent: keepAlive,
        headers: {
          accept: 'application/json',
          ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}),
          ...(jwt ? { authorization: `Bearer ${jwt}` } : {}),
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          let json: any = null;
          try {
            json = JSON.parse(text);
          } catch {
            json = { raw: text.slice(0, 200) };
          }
          resolve({ status: res.statusCode ?? 0, json, ms });
        });
      },
    );
    req.on('error', reject);
    req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${urlPath} timed out`)));
    if (payload) req.write(payload);
    req.end();
  });
}
const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 16 });

/** A section, a published English article with comments open, policy and standards version 1. */
async function setUp(strapi: Core.Strapi): Promise<{ documentId: string; locale: string }> {
  const section = (await strapi.documents('api::section.section').create({ data: { name: 'Comments bench', slug: 'comments-bench' } as never })) as unknown as { documentId: string };
  const now = new Date();
  const article = (await strapi.documents('api::article.article').create({
    data: {
      title: 'A story everyone has an opinion about',
      slug: 'a-story-everyone-has-an-opinion-about',
      section: section.documentId,
      firstPublishedAt: now.toISOString(),
      commentsEnabled: true,
      commentsClosed: false,
      commentsPremoderated: false,
    } as never,
    status: 'published',
  } as never)) as unknown as { documentId: string; locale: string };
  await strapi.documents('plugin::accounts.privacy-policy' as never).create({ data: { version: 1, text: 'Benchmark privacy policy.', changeSummary: 'First version.' } as never, status: 'published' } as never);
  await strapi.documents('plugin::comments.standards-version' as never).create({ data: { version: 1, changeSummary: 'First version.' } as never, status: 'published' } as never);
  return { documentId: article.documentId, locale: article.locale ?? 'en' };
}

/** Confirmed readers with the current consent and standards accepted, and a session token each (as login issues). */
async function createReaders(strapi: Core.Strapi, count: number): Promise<Array<{ id: number; jwt: string }>> {
  const role = (await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } })) as { id: number };
  const users = strapi.plugin('users-permissions').service('user');
  const jwt = strapi.plugin('users-permissions').service('jwt');
  const out: Array<{ id: number; jwt: string }> = [];
  for (let i = 0; i < count; i += 1) {
    const user = (await users.add({ username: `benchreader${i}`, email: `benchreader${i}@newsroom-bench.org`, password: `Bench-passw0rd-${i}!`, provider: 'local', confirmed: true, blocked: false, role: role.id })) as { id: number };
    await strapi.plugin('accounts').service('readers').ensure(user.id);
    await strapi.plugin('accounts').service('readers').update(user.id, { displayName: `Reader ${i}` });
    await strapi.plugin('accounts').service('policy').accept(user.id, 1, 'registration', 'en');
    await strapi.plugin('comments').service('standards').accept(user.id, 1);
    out.push({ id: user.id, jwt: jwt.issue({ id: user.id }) as string });
  }
  return out;
}

/** 2,000 comments in bulk: three quarters threads, one quarter replies, spread over the last three days. */
async function seedComments(strapi: Core.Strapi, article: { documentId: string; locale: string }, readers: Array<{ id: number }>, total: number) {
  const roots = Math.ceil((total * 3) / 4);
  const start = Date.now() - 3 * 24 * 3600_000;
  const step = Math.floor((3 * 24 * 3600_000 - 3600_000) / total);
  const row = (i: number, extra: Record<string, unknown>) => {
    const body = commentText(100_000 + i);
    return {
      articleDocumentId: article.documentId,
      locale: article.locale,
      authorId: readers[i % readers.length].id,
      body,
      status: 'approved',
      score: 0,
      premoderated: false,
      fingerprint: fingerprint(body),
      textHash: textHash(body),
      reportCount: 0,
      createdAt: new Date(start + i * step),
      updatedAt: new Date(start + i * step),
      ...extra,
    };
  };
  const insert = async (rows: Array<Record<string, unknown>>) => {
    for (let i = 0; i < rows.length; i += 250) await strapi.db.query(COMMENT).createMany({ data: rows.slice(i, i + 250) });
  };
  await insert(Array.from({ length: roots }, (_, i) => row(i, { threadId: null, parentId: null })));
  const ids = ((await strapi.db.query(COMMENT).findMany({ where: { articleDocumentId: article.documentId }, select: ['id'], orderBy: { id: 'asc' } })) as Array<{ id: number }>).map((r) => r.id);
  const r = rng(42);
  await insert(
    Array.from({ length: total - roots }, (_, j) => {
      const parent = ids[Math.floor(r() * ids.length)];
      return row(roots + j, { threadId: parent, parentId: parent });
    }),
  );
  return roots;
}

async function measureReading(port: number, documentId: string, requests: number): Promise<{ page1: LatencySummary; page50: LatencySummary; pageSize: number }> {
  const base = `/api/articles/${documentId}/comments`;
  // Walk to page 50 once, as a reader paging through would, to get its cursor.
  let cursor: string | null = null;
  let pageSize = 0;
  for (let page = 1; page < 50; page += 1) {
    const res = await request(port, 'GET', cursor ? `${base}?cursor=${encodeURIComponent(cursor)}` : base);
    if (res.status !== 200) throw new Error(`GET ${base} page ${page} answered ${res.status}: ${JSON.stringify(res.json).slice(0, 300)}`);
    pageSize = res.json.meta?.pagination?.limit ?? pageSize;
    cursor = res.json.meta?.pagination?.nextCursor ?? null;
    if (!cursor) throw new Error(`The thread has fewer than 50 pages (ended at page ${page}).`);
  }
  const paths = { page1: base, page50: `${base}?cursor=${encodeURIComponent(cursor!)}` };
  const check = await request(port, 'GET', paths.page50);
  if (check.status !== 200 || !Array.isArray(check.json.data) || check.json.data.length === 0) throw new Error(`Page 50 answered ${check.status} with ${check.json.data?.length ?? 0} threads.`);
  const ms: Record<'page1' | 'page50', number[]> = { page1: [], page50: [] };
  const errors = { page1: 0, page50: 0 };
  // Warm-up, then the two pages alternately so both see the same machine load.
  for (let i = 0; i < 20; i += 1) for (const key of ['page1', 'page50'] as const) await request(port, 'GET', paths[key]);
  for (let i = 0; i < requests; i += 1) {
    for (const key of ['page1', 'page50'] as const) {
      const res = await request(port, 'GET', paths[key]);
      if (res.status === 200) ms[key].push(res.ms);
      else errors[key] += 1;
    }
  }
  return { page1: summarise(ms.page1, errors.page1), page50: summarise(ms.page50, errors.page50), pageSize };
}

async function measurePosting(port: number, documentId: string, readers: Array<{ jwt: string }>, opts: { posts: number; seconds: number; concurrency: number }) {
  const url = `/api/articles/${documentId}/comments`;
  const deadline = Date.now() + opts.seconds * 1000;
  const ms: number[] = [];
  const statuses: Record<string, number> = {};
  const held: Record<string, number> = {};
  let approved = 0;
  let errors = 0;
  let next = 0;
  const started = Date.now();
  const worker = async () => {
    for (;;) {
      const i = next;
      if (i >= opts.posts || Date.now() > deadline) return;
      next += 1;
      const reader = readers[i % readers.length];
      const res = await request(port, 'POST', url, { data: { body: commentText(i) } }, reader.jwt);
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
      if (res.status !== 201) {
        errors += 1;
        if (errors === 1) log(`first failed post: ${res.status} ${JSON.stringify(res.json).slice(0, 300)}`);
        continue;
      }
      ms.push(res.ms);
      const data = res.json.data ?? {};
      if (data.status === 'approved') approved += 1;
      for (const code of (data.heldFor as string[] | undefined) ?? []) held[code] = (held[code] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const seconds = (Date.now() - started) / 1000;
  return { ...summarise(ms, errors), seconds: Math.round(seconds * 100) / 100, perSecond: Math.round((ms.length / seconds) * 10) / 10, concurrency: opts.concurrency, readers: readers.length, approved, held, statuses };
}

async function main() {
  const port = arg('port', 1350);
  const total = arg('comments', 2000);
  const pageRequests = arg('page-requests', 200);
  const posts = arg('posts', 300);
  const postSeconds = arg('post-seconds', 60);
  const concurrency = arg('concurrency', 4);
  const readerCount = arg('readers', 40);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-comments-bench-'));
  Object.assign(
    process.env,
    benchEnv({
      DATABASE_FILENAME: path.join(tmp, 'comments.db'),
      PORT: String(port),
      // The limiter is still consulted on every post (its cost is measured); its budget is not the subject.
      COMMENTS_RATE_LIMIT_ACCOUNT: '1000000',
      COMMENTS_RATE_LIMIT_ADDRESS: '1000000',
    }),
  );
  const strapi = await loadStrapi();
  try {
    const started = Date.now();
    const article = await setUp(strapi);
    const readers = await createReaders(strapi, readerCount);
    const threads = await seedComments(strapi, article, readers, total);
    log(`article ${article.documentId} with ${total} comments (${threads} threads), ${readers.length} readers, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    await strapi.listen();
    const reading = await measureReading(port, article.documentId, pageRequests);
    log(`reading: page 1 p50 ${reading.page1.p50} ms, page 50 p50 ${reading.page50.p50} ms (${pageRequests} requests each)`);
    const posting = await measurePosting(port, article.documentId, readers, { posts, seconds: postSeconds, concurrency });
    log(`posting: ${posting.requests} comments in ${posting.seconds} s (${posting.perSecond}/s), p50 ${posting.p50} ms, p99 ${posting.p99} ms`);
    const result: CommentsBenchResult = { comments: total, threads, pageSize: reading.pageSize, page1: reading.page1, page50: reading.page50, ratio: Math.round((reading.page50.p50 / Math.max(0.001, reading.page1.p50)) * 100) / 100, posting };
    process.stdout.write(`COMMENTS-RESULT ${JSON.stringify(result)}\n`);
  } finally {
    keepAlive.destroy();
    await strapi.destroy();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

runMain(module, main);
