// Scenario `comments` of `npm run bench`: runs scripts/bench/comments.ts in its own process (its
// own throw-away database, Strapi on 127.0.0.1) and reports reading page 1 vs page 50 of an article
// with 2,000 comments (target: page 50's p50 within 1.5× of page 1's) and posting throughput with
// every detector on.
import { fork } from 'child_process';
import fs from 'fs';
import path from 'path';
import { appDir, distDir } from './boot';
import type { CommentsBenchResult } from './comments';
import type { Target } from './report';

export const COMMENTS_PAGE_RATIO_TARGET = 1.5;

export interface CommentsBenchOptions {
  port: number;
  comments: number;
  pageRequests: number;
  posts: number;
  postSeconds: number;
  concurrency: number;
  readers: number;
}

export const DEFAULT_COMMENTS_BENCH: Omit<CommentsBenchOptions, 'port'> = { comments: 2000, pageRequests: 200, posts: 300, postSeconds: 60, concurrency: 4, readers: 40 };

export async function benchComments(opts: CommentsBenchOptions, logDir: string, log: (line: string) => void): Promise<CommentsBenchResult> {
  log(`[comments] ${opts.comments} comments on one article: page 1 and page 50 (${opts.pageRequests} requests each), then up to ${opts.posts} posts in ${opts.postSeconds} s by ${opts.readers} readers, ${opts.concurrency} at a time…`);
  fs.mkdirSync(logDir, { recursive: true });
  const logFile = path.join(logDir, 'comments.log');
  const out = fs.createWriteStream(logFile);
  const args = ['--port', opts.port, '--comments', opts.comments, '--page-requests', opts.pageRequests, '--posts', opts.posts, '--post-seconds', opts.postSeconds, '--concurrency', opts.concurrency, '--readers', opts.readers].map(String);
  try {
    return await new Promise<CommentsBenchResult>((resolve, reject) => {
      const child = fork(path.join(distDir, 'scripts', 'bench', 'comments.js'), args, { cwd: appDir, env: process.env, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
      let result: CommentsBenchResult | null = null;
      child.stdout?.on('data', (d: Buffer) => {
        out.write(d);
        for (const line of d.toString().split('\n')) {
          if (line.startsWith('COMMENTS-RESULT ')) result = JSON.parse(line.slice('COMMENTS-RESULT '.length)) as CommentsBenchResult;
          else if (line.startsWith('  ')) log(line);
        }
      });
      child.stderr?.on('data', (d: Buffer) => out.write(d));
      child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`comments bench exited ${code} without a result; see ${path.relative(appDir, logFile)}`))));
    });
  } finally {
    out.end();
  }
}

export function commentsTargets(r: CommentsBenchResult): Target[] {
  return [
    {
      name: `comments page 50 vs page 1 p50 (${r.comments} comments)`,
      goal: `≤ ${COMMENTS_PAGE_RATIO_TARGET}×`,
      measured: `${r.ratio.toFixed(2)}×`,
      met: r.page1.requests > 0 && r.page50.requests > 0 ? r.ratio <= COMMENTS_PAGE_RATIO_TARGET : null,
    },
  ];
}

export function commentsTable(r: CommentsBenchResult): string {
  const held = Object.entries(r.posting.held).map(([code, n]) => `${code} ${n}`).join(', ') || 'none';
  const rows = [
    ['comments on the article (threads)', `${r.comments} (${r.threads})`],
    ['page size', String(r.pageSize)],
    ['page 1: p50 / p99', `${r.page1.p50.toFixed(1)} / ${r.page1.p99.toFixed(1)} ms (${r.page1.requests} requests, ${r.page1.errors} errors)`],
    ['page 50: p50 / p99', `${r.page50.p50.toFixed(1)} / ${r.page50.p99.toFixed(1)} ms (${r.page50.requests} requests, ${r.page50.errors} errors)`],
    ['page 50 / page 1 p50', `${r.ratio.toFixed(2)}× (target ≤ ${COMMENTS_PAGE_RATIO_TARGET}×: ${r.ratio <= COMMENTS_PAGE_RATIO_TARGET ? 'met' : 'MISSED'})`],
    ['posting, all detectors on', `${r.posting.perSecond.toFixed(1)} comments/s (${r.posting.requests} in ${r.posting.seconds.toFixed(1)} s, ${r.posting.concurrency} at a time, ${r.posting.readers} readers)`],
    ['posting: p50 / p99', `${r.posting.p50.toFixed(1)} / ${r.posting.p99.toFixed(1)} ms (${r.posting.errors} failed)`],
    ['posts approved / held', `${r.posting.approved} / ${r.posting.requests - r.posting.approved} (held for: ${held})`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return ['comments (comments)', ...rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`)].join('\n');
}
