// The "Comments" admin page's API (admin JWT): its permissions, every route's bad input (4xx,
// never 5xx, nothing changed), and decisions, bulk, blocks and appeals recorded with the
// administrator as the actor (by name, never by e-mail).
import request from 'supertest';
import { startApp, type TestApp } from '../helpers/strapi';
import { createArticle, createSection, type Doc } from '../helpers/fixtures';

const ADMIN = { ADMIN_EMAIL: 'comments.moderator@newsroom-tests.org', ADMIN_PASSWORD: 'Comments-Desk-2024', ADMIN_FIRSTNAME: 'Mona', ADMIN_LASTNAME: 'Moderator' };
const COMMENT = 'plugin::comments.comment';
const LOG = 'plugin::comments.moderation-log';
const BLOCK = 'plugin::comments.block';

let app: TestApp;
let adminToken: string;
let editorToken: string;
let article: Doc;
let readerId: number;
let otherId: number;

const as = (token: string | null, r: request.Test) => (token ? r.set('Authorization', `Bearer ${token}`) : r);
const get = (path: string, token: string | null = adminToken) => as(token, request(app.server).get(path));
const post = (path: string, body: unknown, token: string | null = adminToken) => as(token, request(app.server).post(path)).send(body as object);

async function comment(body: string, extra: Record<string, unknown> = {}) {
  return (await app.strapi.db.query(COMMENT).create({
    data: { articleDocumentId: article.documentId, locale: 'en', authorId: readerId, body, status: 'pending', heldFor: ['language-rules'], score: 0.8, ...extra },
  })) as { id: number };
}
const statusOf = async (id: number) => ((await app.strapi.db.query(COMMENT).findOne({ where: { id } })) as { status: string }).status;
const counts = async () => ({
  logs: await app.strapi.db.query(LOG).count({}),
  blocks: await app.strapi.db.query(BLOCK).count({}),
  pending: await app.strapi.db.query(COMMENT).count({ where: { status: 'pending' } }),
});

beforeAll(async () => {
  app = await startApp({ ...ADMIN });
  for (const [code, title] of [['off-topic', 'Off topic'], ['trolling', 'Trolling']]) {
    await app.strapi.documents('plugin::comments.community-standard' as never).create({ locale: 'en', data: { code, title, ruleText: `${title}: keep to the story.`, action: 'remove' } } as never);
  }
  article = await createArticle(app.strapi, { section: (await createSection(app.strapi)).documentId, commentsEnabled: true } as never);
  const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  const users = app.strapi.plugin('users-permissions').service('user');
  readerId = (await users.add({ username: 'commenter1', email: 'commenter1@newsroom-tests.org', password: 'Reader-pass-1', provider: 'local', confirmed: true, role: role.id })).id;
  otherId = (await users.add({ username: 'commenter2', email: 'commenter2@newsroom-tests.org', password: 'Reader-pass-2', provider: 'local', confirmed: true, role: role.id })).id;

  adminToken = (await post('/admin/login', { email: ADMIN.ADMIN_EMAIL, password: ADMIN.ADMIN_PASSWORD }, null).expect(200)).body.data.token;
  // An editor (the admin's built-in Editor role) has none of the plugin's permissions.
  const editorRole = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
  await app.strapi.service('admin::user').create({ email: 'desk.editor@newsroom-tests.org', firstname: 'Desk', lastname: 'Editor', password: 'Desk-Editor-2024', isActive: true, roles: [editorRole.id] });
  editorToken = (await post('/admin/login', { email: 'desk.editor@newsroom-tests.org', password: 'Desk-Editor-2024' }, null).expect(200)).body.data.token;
}, 600000);

afterAll(async () => {
  await app?.stop();
});

describe('access', () => {
  it('registers the read, moderate and block admin actions', async () => {
    const actions = app.strapi.service('admin::permission').actionProvider.values().map((a: { actionId: string }) => a.actionId);
    expect(actions).toEqual(expect.arrayContaining(['plugin::comments.read', 'plugin::comments.moderate', 'plugin::comments.block']));
  });

  it('refuses anonymous callers (401) and administrators without the permissions (403)', async () => {
    const c = await comment('Held for the access test');
    for (const token of [null, editorToken]) {
      const status = token ? 403 : 401;
      await get('/comments/queue', token).expect(status);
      await get('/comments/standards', token).expect(status);
      await get(`/comments/readers/${readerId}/history`, token).expect(status);
      await get('/comments/appeals', token).expect(status);
      await post(`/comments/comments/${c.id}/decision`, { data: { action: 'approve' } }, token).expect(status);
      await post('/comments/comments/bulk', { data: { ids: [c.id], action: 'approve' } }, token).expect(status);
      await post('/comments/blocks', { data: { user: readerId, code: 'trolling' } }, token).expect(status);
    }
    expect(await statusOf(c.id)).toBe('pending');
    await post(`/comments/comments/${c.id}/decision`, { data: { action: 'approve' } }).expect(200);
  });
});

describe('the queues and decisions', () => {
  it('lists held comments with their reasons, score, article and author, and filters them', async () => {
    const held = await comment('Held: ALL CAPITALS ANNOUNCEMENT');
    const res = await get('/comments/queue?status=pending').expect(200);
    const item = res.body.results.find((r: { id: number }) => r.id === held.id);
    expect(item).toMatchObject({ status: 'pending', heldFor: ['language-rules'], score: 0.8, article: { documentId: article.documentId }, author: { id: readerId, displayName: 'commenter1' } });
    expect(res.body.pagination).toMatchObject({ page: 1 });
    const filtered = await get(`/comments/queue?status=all&user=${otherId}`).expect(200);
    expect(filtered.body.results).toEqual([]);
    const byCode = await get('/comments/queue?status=pending&code=language-rules&from=2000-01-01').expect(200);
    expect(byCode.body.results.map((r: { id: number }) => r.id)).toContain(held.id);
    const standards = await get('/comments/standards').expect(200);
    expect(standards.body.data.map((s: { code: string }) => s.code)).toEqual(expect.arrayContaining(['off-topic', 'trolling']));
  });

  it('lists reported comments with their reports in the Reported queue', async () => {
    const c = await comment('An approved remark others dislike', { status: 'approved', heldFor: null, score: null });
    await app.strapi.plugin('comments').service('moderation').report(c.id, otherId, { code: 'trolling', note: 'Baiting everyone.' });
    const res = await get('/comments/queue?status=reported').expect(200);
    const item = res.body.results.find((r: { id: number }) => r.id === c.id);
    expect(item.reports).toEqual([expect.objectContaining({ code: 'trolling', note: 'Baiting everyone.', reporter: { id: otherId, displayName: 'commenter2' } })]);
    await post(`/comments/comments/${c.id}/decision`, { data: { action: 'approve' } }).expect(200);
    const after = await get('/comments/queue?status=reported').expect(200);
    expect(after.body.results.map((r: { id: number }) => r.id)).not.toContain(c.id); // approving resolves the reports
  });

  it('rejects with a code and a note, logs the administrator by name, and serves the comment log', async () => {
    const c = await comment('Football, not harbours');
    const res = await post(`/comments/comments/${c.id}/decision`, { data: { action: 'reject', code: 'off-topic', note: 'Keep to the story.' } }).expect(200);
    expect(res.body.data).toMatchObject({ id: c.id, status: 'rejected', rejectedCode: 'off-topic' });
    const log = await get(`/comments/comments/${c.id}/log`).expect(200);
    expect(log.body.data).toEqual([expect.objectContaining({ action: 'reject', code: 'off-topic', note: 'Keep to the story.', actorType: 'admin', actorName: 'Mona Moderator' })]);
    expect(JSON.stringify(log.body)).not.toContain(ADMIN.ADMIN_EMAIL);
  });

  it('edits a comment (before and after in the log) and decides in bulk', async () => {
    const c = await comment('A typo in teh text');
    await post(`/comments/comments/${c.id}/decision`, { action: 'edit', body: 'A typo in the text' }).expect(200);
    const log = await get(`/comments/comments/${c.id}/log`).expect(200);
    expect(log.body.data[0]).toMatchObject({ action: 'edit', before: 'A typo in teh text', after: 'A typo in the text' });

    const a = await comment('Bulk one');
    const b = await comment('Bulk two');
    const res = await post('/comments/comments/bulk', { data: { ids: [a.id, b.id], action: 'reject', code: 'trolling' } }).expect(200);
    expect(res.body.data).toEqual({ done: [a.id, b.id], failed: [] });
    expect([await statusOf(a.id), await statusOf(b.id)]).toEqual(['rejected', 'rejected']);
    const mixed = await post('/comments/comments/bulk', { data: { ids: [a.id, 999999], action: 'approve' } }).expect(200);
    expect(mixed.body.data.done).toEqual([a.id]);
    expect(mixed.body.data.failed).toEqual([expect.objectContaining({ id: 999999 })]);
  });
});

describe('blocks, appeals and the second block', () => {
  it('blocks, lifts on appeal, blocks again for good; the lift is refused and the history says so', async () => {
    const first = await post('/comments/blocks', { data: { user: readerId, code: 'trolling', note: 'Derails threads.' } }).expect(201);
    expect(first.body.data).toMatchObject({ userId: readerId, ordinal: 1, permanent: false, code: 'trolling' });
    await post('/comments/blocks', { data: { user: readerId, code: 'trolling' } }).expect(400); // already blocked

    const appeal = await app.strapi.plugin('comments').service('blocks').fileAppeal(readerId, 'I will stay on topic.');
    const open = await get('/comments/appeals?status=open').expect(200);
    expect(open.body.results).toEqual([expect.objectContaining({ id: appeal.id, userId: readerId, status: 'open', block: expect.objectContaining({ permanent: false }) })]);
    await post(`/comments/appeals/${appeal.id}/decision`, { data: { decision: 'lift', note: 'Welcome back.' } }).expect(200);
    await post(`/comments/appeals/${appeal.id}/decision`, { data: { decision: 'lift' } }).expect(400); // decided already

    const second = await post('/comments/blocks', { data: { user: readerId, code: 'off-topic' } }).expect(201);
    expect(second.body.data).toMatchObject({ ordinal: 2, permanent: true });
    const history = await get(`/comments/readers/${readerId}/history`).expect(200);
    expect(history.body.data).toMatchObject({ blocked: true, permanent: true });
    expect(history.body.data.blocks.map((b: { ordinal: number; permanent: boolean }) => [b.ordinal, b.permanent])).toEqual([[1, false], [2, true]]);
    expect(history.body.data.appeals).toEqual([expect.objectContaining({ status: 'lifted' })]);
    expect(history.body.data.log.map((l: { action: string }) => l.action)).toEqual(expect.arrayContaining(['block', 'lift']));

    const before = await counts();
    await expect(app.strapi.plugin('comments').service('blocks').fileAppeal(readerId, 'Once more, please.')).rejects.toMatchObject({ name: expect.any(String) });
    await post(`/comments/appeals/${appeal.id}/decision`, { data: { decision: 'lift' } }).expect((r) => expect([400, 403]).toContain(r.status));
    expect(await counts()).toEqual(before);
  });
});

describe('bad input: 4xx with a clear message, never 5xx, nothing changed', () => {
  it('answers every route\'s hostile parameters with 4xx', async () => {
    const c = await comment('Target of bad input');
    const before = await counts();
    const cases: Array<[string, () => request.Test]> = [
      ['queue status', () => get('/comments/queue?status=deleted')],
      ['queue user', () => get('/comments/queue?user=abc')],
      ['queue user array', () => get('/comments/queue?user[]=1&user[]=2')],
      ['queue code', () => get('/comments/queue?code=%3Cscript%3E')],
      ['queue date', () => get('/comments/queue?from=yesterday')],
      ['queue pageSize', () => get('/comments/queue?pageSize=100000')],
      ['queue article', () => get(`/comments/queue?article=${'x'.repeat(200)}`)],
      ['standards locale', () => get('/comments/standards?locale=../../etc')],
      ['log id', () => get('/comments/comments/abc/log')],
      ['log unknown', () => get('/comments/comments/999999/log')],
      ['history id', () => get('/comments/readers/-1/history')],
      ['decide id', () => post('/comments/comments/1e3x/decision', { data: { action: 'approve' } })],
      ['decide unknown', () => post('/comments/comments/999999/decision', { data: { action: 'approve' } })],
      ['decide action', () => post(`/comments/comments/${c.id}/decision`, { data: { action: 'delete' } })],
      ['decide reject without code', () => post(`/comments/comments/${c.id}/decision`, { data: { action: 'reject' } })],
      ['decide reject unknown code', () => post(`/comments/comments/${c.id}/decision`, { data: { action: 'reject', code: 'not-a-standard' } })],
      ['decide edit blank', () => post(`/comments/comments/${c.id}/decision`, { data: { action: 'edit', body: '   ' } })],
      ['decide edit control chars', () => post(`/comments/comments/${c.id}/decision`, { data: { action: 'edit', body: 'bad\u0000text' } })],
      ['decide edit 100 kB', () => post(`/comments/comments/${c.id}/decision`, { data: { action: 'edit', body: 'x'.repeat(100_001) } })],
      ['decide note type', () => post(`/comments/comments/${c.id}/decision`, { data: { action: 'approve', note: { $ne: 1 } } })],
      ['decide unknown field', () => post(`/comments/comments/${c.id}/decision`, { data: { action: 'approve', status: 'approved' } })],
      ['decide body array', () => post(`/comments/comments/${c.id}/decision`, [1, 2])],
      ['bulk empty', () => post('/comments/comments/bulk', { data: { ids: [], action: 'approve' } })],
      ['bulk ids type', () => post('/comments/comments/bulk', { data: { ids: 'all', action: 'approve' } })],
      ['bulk edit', () => post('/comments/comments/bulk', { data: { ids: [c.id], action: 'edit', body: 'x' } })],
      ['bulk too many', () => post('/comments/comments/bulk', { data: { ids: Array.from({ length: 101 }, (_, i) => i + 1), action: 'approve' } })],
      ['block no code', () => post('/comments/blocks', { data: { user: otherId } })],
      ['block unknown code', () => post('/comments/blocks', { data: { user: otherId, code: 'nope' } })],
      ['block unknown user', () => post('/comments/blocks', { data: { user: 999999, code: 'trolling' } })],
      ['block user type', () => post('/comments/blocks', { data: { user: { id: otherId }, code: 'trolling' } })],
      ['appeals status', () => get('/comments/appeals?status=closed')],
      ['appeal decision', () => post('/comments/appeals/1/decision', { data: { decision: 'forgive' } })],
      ['appeal unknown', () => post('/comments/appeals/999999/decision', { data: { decision: 'lift' } })],
      ['appeal id', () => post('/comments/appeals/abc/decision', { data: { decision: 'refuse' } })],
    ];
    for (const [name, req] of cases) {
      const res = await req(); // one at a time: each supertest request listens and closes
      if (res.status < 400 || res.status >= 500) throw new Error(`${name}: ${res.status} ${JSON.stringify(res.body)}`);
      expect(res.body).toMatchObject({ data: null, error: { status: res.status, name: expect.any(String), message: expect.any(String) } });
    }
    expect(await counts()).toEqual(before);
    expect(await statusOf(c.id)).toBe('pending');
  });
});
