// Every environment variable the app reads is documented: in .env.example and in the README's
// configuration table (test and benchmark plumbing excepted, and said so here).
import fs from 'fs';
import path from 'path';

const root = path.resolve(__dirname, '..', '..', '..');
/** Set by one process of ours for another (test compile dir, benchmark children, the e2e runner's knobs). */
const INTERNAL = new Set(['NEWSROOM_TEST_DIST', 'BENCH_BODY_FILE', 'BENCH_CONTENT_TYPE', 'BENCH_SUBSCRIPTIONS_FILE', 'BENCH_PUSH_PROFILE', 'E2E_PUSH_PORT', 'E2E_BUILT_BY', 'E2E_PORT', 'E2E_REUSE_BUILD', 'CHROMIUM_PATH', 'TZ', 'CI']);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'admin' ? [] : sourceFiles(rel);
    return /\.(ts|js)$/.test(entry.name) ? [rel] : [];
  });
}

function variablesRead(): Set<string> {
  const found = new Set<string>();
  const patterns = [/\benv(?:\.(?:int|bool|float|json|array|date))?\(\s*'([A-Z][A-Z0-9_]+)'/g, /process\.env\.([A-Z][A-Z0-9_]+)/g, /process\.env\[\s*'([A-Z][A-Z0-9_]+)'\s*\]/g];
  for (const file of ['config', 'src', 'scripts'].flatMap(sourceFiles)) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.add(m[1]);
  }
  return found;
}

describe('configuration is documented', () => {
  const read = [...variablesRead()].filter((name) => !INTERNAL.has(name));
  const example = fs.readFileSync(path.join(root, '.env.example'), 'utf8');
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## Content model'));

  it('finds the variables the code reads', () => {
    expect(read).toEqual(expect.arrayContaining(['DATABASE_URL', 'SITE_TIME_ZONE', 'FEED_CACHE_TTL']));
  });

  it('lists every one in .env.example', () => {
    expect(read.filter((name) => !new RegExp(`^#?\\s?${name}=`, 'm').test(example))).toEqual([]);
  });

  it('lists every one in the README configuration table', () => {
    expect(read.filter((name) => !table.includes(`\`${name}\``))).toEqual([]);
  });
});
