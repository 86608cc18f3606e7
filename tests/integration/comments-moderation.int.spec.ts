// Comment moderation end to end: readers' reports (one per account, N distinct reports hold a
// comment), API-token moderation routes (approve, reject with a standard's code, edit, queue),
// blocks and appeals (the second block is permanent: no appeal, no lift), the mails to the reader
// (statement of reasons, block notice, appeal outcome) on a real SMTP server, GraphQL, and the
// personal-data export. Comments are inserted directly until the posting route lands.
import request from 'supertest';
import { startApp, fullAccessToken, type TestApp } from '../helpers/strapi';
import { createArticle, createSection, type Doc } from '../helpers/fixtures';
import { confirmedReader, startMailbox, unique, type Mailbox } from '../helpers/accounts';
import { addStandard, publishStandardsVersion } from '../helpers/comments';
import { APPEAL, BLOCK, COMMENT, LOG, REPORT } from '../../src/plugins/comments/server/uids';


type Reader = Awaited<ReturnType<typeof confirmedReader>>;

let app: TestApp;
let mailbox: Mailbox;
let token: string;
let article: Doc;
let section: Doc;
let author: Reader;
const readers: Reader[] = [];

const post = (path: string, body: unknown, auth?: string) => {
  const r = request(app.server).post(path);
  if (auth) r.set('Authorization', `Bearer ${auth}`);
  return r.send(body as object);
};
const get = (path: string, auth?: string) => {
  const r = request(app.server).get(path);
  if (auth) r.set('Authorization', `Bearer ${auth}`);
  return r;
};
const gql = (query: string, variables: Record<string, unknown>, auth?: string) => post('/graphql', { query, variables }, auth);

async function comment(authorId: number, body = `A thoughtful comment ${unique()}`, status = 'approved'): Promise<{ id: number; body: string }> {
  return app.strapi.db.query(COMMENT).create({ data: { articleDocumentId: article.documentId, locale: 'en', authorId, body, status, reportCount: 0 } });
}
const acceptStandards = (r: Reader) => post('/api/community-standards/accept', { version: 1 }, r.jwt).expect((res) => expect([200, 201]).toContain(res.status));
const logsOf = (where: Record<string, unknown>) => app.strapi.db.query(LOG).findMany({ where, orderBy: { id: 'asc' } });

const standard = (code: string, title: string, ruleText: string, fr?: { title: string; ruleText: string }) => addStandard(app.strapi, { code, title, ruleText }, fr);

beforeAll(async () => {
  mailbox = await startMailbox();
  app = await startApp({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(mailbox.port),
    SMTP_SECURE: 'false',
    EMAIL_FROM: 'Newsroom <news@example.com>',
    PUBLIC_URL: 'http://cms.example.test',
    COMMENTS_REPORTS_TO_HOLD: '2',
  });
  token = await fullAccessToken(app.strapi);
  await standard('insults', 'Insults and threats', 'No insults, no threats, no harassment of anyone.', { title: 'Insultes et menaces', ruleText: 'Ni insultes, ni menaces, ni harcèlement.' });
  await standard('spam', 'Spam', 'No advertising, no get-rich schemes, no repeated messages.');
  await standard('off-topic', 'Off topic', 'Stay on the subject of the story.');
  // A current privacy policy, accepted by every reader registered below.
  if ((await get('/api/privacy-policy')).status !== 200) {
    const policy = await app.strapi.documents('plugin::accounts.privacy-policy' as never).create({ data: { version: 1, text: 'Policy text' } } as never);
    await app.strapi.documents('plugin::accounts.privacy-policy' as never).publish({ documentId: (policy as { documentId: string }).documentId } as never);
  }
  await publishStandardsVersion(app.strapi, 1);
  section = await createSection(app.strapi);
  article = await createArticle(app.strapi, { title: `Moderated story ${unique()}`, section: section.documentId });
  author = await confirmedReader(app);
  for (let i = 0; i < 3; i += 1) readers.push(await confirmedReader(app));
}, 300_000);

afterAll(async () => {
  await app?.stop();
  await mailbox?.close();
});

describe('reports', () => {
  it('needs a logged-in reader', async () => {
    const c = await comment(author.id);
    const res = await post(`/api/comments/${c.id}/reports`, { data: { code: 'spam' } });
    expect([401, 403]).toContain(res.status);
    const byToken = await post(`/api/comments/${c.id}/reports`, { data: { code: 'spam' } }, token);
    expect(byToken.status).toBe(403);
    expect(await app.strapi.db.query(REPORT).count({ where: { commentId: c.id } })).toBe(0);
  });

  it('refuses bad input with a clear 4xx and stores nothing', async () => {
    const c = await comment(author.id);
    const r = readers[0].jwt;
    const cases: Array<[string, string, unknown, number]> = [
      ['unknown code', `/api/comments/${c.id}/reports`, { data: { code: 'not-a-standard' } }, 400],
      ['no code', `/api/comments/${c.id}/reports`, { data: { note: 'bad' } }, 400],
      ['code not a string', `/api/comments/${c.id}/reports`, { data: { code: ['spam'] } }, 400],
      ['no data', `/api/comments/${c.id}/reports`, { code: 'spam' }, 400],
      ['note too long', `/api/comments/${c.id}/reports`, { data: { code: 'spam', note: 'x'.repeat(2001) } }, 400],
      ['note with control characters', `/api/comments/${c.id}/reports`, { data: { code: 'spam', note: 'a\u0000b' } }, 400],
      ['unknown comment', '/api/comments/999999/reports', { data: { code: 'spam' } }, 404],
      ['non-numeric id', '/api/comments/abc/reports', { data: { code: 'spam' } }, 400],
    ];
    for (const [name, path, body, status] of cases) {
      const res = await post(path, body, r);
      expect({ name, status: res.status }).toEqual({ name, status });
      expect(res.body.error).toBeDefined();
    }
    expect(await app.strapi.db.query(REPORT).count({ where: { commentId: c.id } })).toBe(0);
  });

  it('refuses reporting one’s own comment', async () => {
    const c = await comment(author.id);
    const res = await post(`/api/comments/${c.id}/reports`, { data: { code: 'spam' } }, author.jwt).expect(400);
    expect(res.body.error.name).toBe('OwnComment');
    expect(await app.strapi.db.query(REPORT).count({ where: { commentId: c.id } })).toBe(0);
  });

  it('one report per account per comment: the second answers 400 AlreadyReported and stores nothing', async () => {
    const c = await comment(author.id);
    const first = await post(`/api/comments/${c.id}/reports`, { data: { code: 'spam', note: 'Selling watches' } }, readers[0].jwt).expect(201);
    expect(first.body.data).toMatchObject({ commentId: c.id, code: 'spam', note: 'Selling watches', held: false });
    const again = await post(`/api/comments/${c.id}/reports`, { data: { code: 'insults' } }, readers[0].jwt).expect(400);
    expect(again.body.error.name).toBe('AlreadyReported');
    expect(await app.strapi.db.query(REPORT).count({ where: { commentId: c.id } })).toBe(1);
    const row = await app.strapi.db.query(COMMENT).findOne({ where: { id: c.id } });
    expect(row).toMatchObject({ status: 'approved', reportCount: 1 });
  });

  it('two reports sent at once by one account: one stored, the other 400 AlreadyReported', async () => {
    const c = await comment(author.id);
    const results = await Promise.all([1, 2].map(() => post(`/api/comments/${c.id}/reports`, { data: { code: 'spam' } }, readers[2].jwt)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 400]);
    expect(results.find((r) => r.status === 400)?.body.error.name).toBe('AlreadyReported');
    expect(await app.strapi.db.query(REPORT).count({ where: { commentId: c.id } })).toBe(1);
  });

  it('reports from reportsToHold distinct accounts hold the comment (pending, report-hold log row), listed in the reported queue', async () => {
    const c = await comment(author.id);
    await post(`/api/comments/${c.id}/reports`, { data: { code: 'insults' } }, readers[0].jwt).expect(201);
    const second = await post(`/api/comments/${c.id}/reports`, { data: { code: 'insults' } }, readers[1].jwt).expect(201);
    expect(second.body.data.held).toBe(true);
    const row = await app.strapi.db.query(COMMENT).findOne({ where: { id: c.id } });
    expect(row).toMatchObject({ status: 'pending', reportCount: 2 });
    expect(row.heldFor).toContain('insults');
    const logs = await logsOf({ commentId: c.id });
    expect(logs).toEqual([expect.objectContaining({ action: 'report-hold', actorType: 'system', code: 'insults', userId: author.id })]);
    const reported = await get('/api/moderation/queue?status=reported&pageSize=100', token).expect(200);
    const item = reported.body.data.find((i: { id: number }) => i.id === c.id);
    expect(item.reports).toHaveLength(2);
    expect(item.author).toEqual({ id: author.id, displayName: expect.any(String) });
    expect(JSON.stringify(item)).not.toContain('@example.com');
    const pending = await get('/api/moderation/queue?status=pending&pageSize=100', token).expect(200);
    expect(pending.body.data.map((i: { id: number }) => i.id)).toContain(c.id);
    // A pending comment is not reportable by others (it is not shown to them).
    const third = await post(`/api/comments/${c.id}/reports`, { data: { code: 'insults' } }, readers[2].jwt);
    expect(third.status).toBe(404);
  });

  it('needs the current privacy-policy consent', async () => {
    const reader = await confirmedReader(app);
    await app.strapi.db.query('plugin::accounts.reader').update({ where: { userId: reader.id }, data: { acceptedPolicyVersion: 0 } });
    const c = await comment(author.id);
    const res = await post(`/api/comments/${c.id}/reports`, { data: { code: 'spam' } }, reader.jwt).expect(403);
    expect(res.body.error.name).toBe('ConsentRequired');
    const appeal = await post('/api/account/appeals', { data: { explanation: 'Please' } }, reader.jwt).expect(403);
    expect(appeal.body.error.name).toBe('ConsentRequired');
  });
});

describe('moderation over the API (API token)', () => {
  it('is refused to the public role and to readers, over REST and GraphQL', async () => {
    const c = await comment(author.id, 'Untouched', 'pending');
    const calls: Array<[string, string, unknown]> = [
      ['POST', `/api/moderation/comments/${c.id}`, { data: { action: 'approve' } }],
      ['POST', '/api/moderation/blocks', { data: { user: author.id, code: 'spam' } }],
      ['POST', '/api/moderation/appeals/1', { data: { decision: 'lift' } }],
      ['GET', '/api/moderation/queue?status=pending', null],
      ['GET', '/api/moderation/appeals', null],
      ['GET', `/api/moderation/history/${author.id}`, null],
    ];
    for (const [method, path, body] of calls) {
      for (const auth of [undefined, readers[0].jwt]) {
        const res = method === 'GET' ? await get(path, auth) : await post(path, body, auth);
        expect({ path, auth: Boolean(auth), ok: [401, 403].includes(res.status) }).toEqual({ path, auth: Boolean(auth), ok: true });
      }
    }
    const g = await gql('mutation($id: ID!) { moderateComment(id: $id, action: "approve") { id status } }', { id: String(c.id) }, readers[0].jwt);
    expect(g.body.errors?.length).toBeGreaterThan(0);
    const q = await gql('{ moderationQueue { total } }', {});
    expect(q.body.errors?.length).toBeGreaterThan(0);
    expect((await app.strapi.db.query(COMMENT).findOne({ where: { id: c.id } })).status).toBe('pending');
    expect(await app.strapi.db.query(BLOCK).count({ where: { userId: author.id } })).toBe(0);
    expect(await logsOf({ commentId: c.id })).toEqual([]);
  });

  it('approves a held comment (logged with the token as moderator)', async () => {
    const c = await comment(author.id, 'Held for no reason', 'pending');
    const res = await post(`/api/moderation/comments/${c.id}`, { data: { action: 'approve', note: 'Fine after all' } }, token).expect(200);
    expect(res.body.data).toMatchObject({ id: c.id, status: 'approved' });
    expect(res.body.data.log).toEqual([expect.objectContaining({ action: 'approve', actorType: 'api-token', note: 'Fine after all' })]);
    const pending = await get('/api/moderation/queue?status=pending&pageSize=100', token).expect(200);
    expect(pending.body.data.map((i: { id: number }) => i.id)).not.toContain(c.id);
  });

  it('rejects only with a valid standard code; the author gets a statement of reasons', async () => {
    const c = await comment(author.id, 'You are all <b>idiots</b>\nand I will find you');
    for (const data of [{ action: 'reject' }, { action: 'reject', code: 'nonsense' }, { action: 'reject', code: '' }]) {
      const bad = await post(`/api/moderation/comments/${c.id}`, { data }, token).expect(400);
      expect(bad.body.error.message).toMatch(/standard code/i);
    }
    expect((await app.strapi.db.query(COMMENT).findOne({ where: { id: c.id } })).status).toBe('approved');
    expect(await logsOf({ commentId: c.id })).toEqual([]);

    const res = await post(`/api/moderation/comments/${c.id}`, { data: { action: 'reject', code: 'insults', note: 'Threat to other readers' } }, token).expect(200);
    expect(res.body.data).toMatchObject({ status: 'rejected', rejectedCode: 'insults' });
    const logs = await logsOf({ commentId: c.id });
    expect(logs).toEqual([expect.objectContaining({ action: 'reject', code: 'insults', note: 'Threat to other readers', actorType: 'api-token', userId: author.id })]);
    expect(logs[0].actorName).toMatch(/API token/);

    const mail = await mailbox.next(author.email, /removed/);
    expect(mail.subject).toContain('insults');
    expect(mail.text).toContain('No insults, no threats');
    expect(mail.text).toContain('You are all <b>idiots</b>\nand I will find you');
    expect(mail.text).toContain('Threat to other readers');
    expect(mail.text).toContain(`user id (${author.id})`);
    expect(mail.html).toContain('&lt;b&gt;idiots&lt;/b&gt;');
    expect(mail.html).not.toContain('<b>idiots</b>');
  });

  it('a comment posted through the route, rejected over the API: the approved count drops on the cached article page', async () => {
    const poster = await confirmedReader(app);
    await acceptStandards(poster);
    const posted = await post(`/api/articles/${article.documentId}/comments`, { data: { body: 'I disagree with the second paragraph, and here is why.' } }, poster.jwt).expect(201);
    expect(posted.body.data.status).toBe('approved');
    const slug = (await app.strapi.db.query('api::article.article').findOne({ where: { documentId: article.documentId }, select: ['slug'] })).slug;
    const before = await get(`/api/articles/by-slug/${slug}`).expect(200);
    const count = before.body.data.commentCount as number;
    expect(count).toBeGreaterThan(0);
    await post(`/api/moderation/comments/${posted.body.data.id}`, { data: { action: 'reject', code: 'off-topic' } }, token).expect(200);
    const after = await get(`/api/articles/by-slug/${slug}`).expect(200);
    expect(after.body.data.commentCount).toBe(count - 1);
    const mail = await mailbox.next(poster.email, /removed/);
    expect(mail.text).toContain('I disagree with the second paragraph');
    await post(`/api/moderation/comments/${posted.body.data.id}`, { data: { action: 'approve' } }, token).expect(200);
    expect((await get(`/api/articles/by-slug/${slug}`).expect(200)).body.data.commentCount).toBe(count);
  });

  it('the statement of reasons is in French for a French reader', async () => {
    const fr = await confirmedReader(app);
    await app.strapi.db.query('plugin::accounts.reader').update({ where: { userId: fr.id }, data: { locale: 'fr' } });
    const c = await comment(fr.id, 'Commentaire insultant');
    await post(`/api/moderation/comments/${c.id}`, { data: { action: 'reject', code: 'insults' } }, token).expect(200);
    const mail = await mailbox.next(fr.email, /retiré/);
    expect(mail.text).toContain('Ni insultes, ni menaces');
    expect(mail.text).toContain('Commentaire insultant');
  });

  it('edits a comment, logging the text before and after', async () => {
    const c = await comment(author.id, 'Call me at 555-0100 tonight');
    for (const body of [undefined, '', '   ', 'a\u0007b', 'x'.repeat(5001), 42]) {
      await post(`/api/moderation/comments/${c.id}`, { data: { action: 'edit', body } }, token).expect(400);
    }
    const res = await post(`/api/moderation/comments/${c.id}`, { data: { action: 'edit', body: 'Call me [number removed] tonight', code: 'off-topic', note: 'Personal data' } }, token).expect(200);
    expect(res.body.data).toMatchObject({ body: 'Call me [number removed] tonight', editedByModerator: true, status: 'approved' });
    const logs = await logsOf({ commentId: c.id });
    expect(logs).toEqual([expect.objectContaining({ action: 'edit', before: 'Call me at 555-0100 tonight', after: 'Call me [number removed] tonight', code: 'off-topic', note: 'Personal data' })]);
  });

  it('refuses bad decisions with a clear 4xx', async () => {
    const c = await comment(author.id);
    const cases: Array<[string, unknown, number]> = [
      [`/api/moderation/comments/${c.id}`, { data: { action: 'delete' } }, 400],
      [`/api/moderation/comments/${c.id}`, { data: {} }, 400],
      [`/api/moderation/comments/${c.id}`, { action: 'approve' }, 400],
      [`/api/moderation/comments/${c.id}`, { data: { action: 'approve', note: 7 } }, 400],
      ['/api/moderation/comments/999999', { data: { action: 'approve' } }, 404],
      ['/api/moderation/comments/0', { data: { action: 'approve' } }, 400],
    ];
    for (const [path, body, status] of cases) {
      const res = await post(path, body, token);
      expect({ path, body, status: res.status }).toEqual({ path, body, status });
    }
    for (const q of ['status=all', 'status=nope', 'status=pending&pageSize=1000', 'status=pending&page=0', 'status=pending&from=yesterday', 'status=pending&status=reported']) {
      const res = await get(`/api/moderation/queue?${q}`, token);
      expect({ q, status: res.status }).toEqual({ q, status: 400 });
    }
    expect(await logsOf({ commentId: c.id })).toEqual([]);
  });

  it('filters the queue by article, account, code and date', async () => {
    const other = await createArticle(app.strapi, { title: `Other story ${unique()}`, section: section.documentId });
    const mine = await comment(readers[2].id, 'Held spam', 'pending');
    await app.strapi.db.query(COMMENT).update({ where: { id: mine.id }, data: { heldFor: ['spam'] } });
    const elsewhere = await app.strapi.db.query(COMMENT).create({ data: { articleDocumentId: other.documentId, authorId: readers[2].id, body: 'Elsewhere', status: 'pending', heldFor: ['off-topic'] } });
    const ids = async (q: string) => (await get(`/api/moderation/queue?status=pending&pageSize=100&${q}`, token).expect(200)).body.data.map((i: { id: number }) => i.id);
    expect(await ids(`article=${other.documentId}`)).toEqual([elsewhere.id]);
    expect(await ids(`user=${readers[2].id}`)).toEqual([mine.id, elsewhere.id]);
    expect(await ids(`user=${readers[2].id}&code=spam`)).toEqual([mine.id]);
    expect(await ids(`user=${readers[2].id}&from=2999-01-01`)).toEqual([]);
    expect(await ids(`user=${readers[2].id}&to=2999-01-01`)).toEqual([mine.id, elsewhere.id]);
    const page = await get(`/api/moderation/queue?status=pending&user=${readers[2].id}&pageSize=1&page=2`, token).expect(200);
    expect(page.body.meta.pagination).toEqual({ page: 2, pageSize: 1, total: 2 });
    expect(page.body.data.map((i: { id: number }) => i.id)).toEqual([elsewhere.id]);
    const item = page.body.data[0];
    expect(item.article).toEqual({ documentId: other.documentId, title: other.title });
  });
});

describe('blocks and appeals', () => {
  let reader: Reader;
  beforeAll(async () => {
    reader = await confirmedReader(app);
  });

  it('appealing while not blocked answers 400 NotBlocked and stores nothing', async () => {
    const res = await post('/api/account/appeals', { data: { explanation: 'I did nothing' } }, reader.jwt).expect(400);
    expect(res.body.error.name).toBe('NotBlocked');
    expect(await app.strapi.db.query(APPEAL).count({ where: { userId: reader.id } })).toBe(0);
    expect([401, 403]).toContain((await post('/api/account/appeals', { data: { explanation: 'x' } })).status);
  });

  it('refuses a block with a bad code or an unknown account, stores nothing', async () => {
    await post('/api/moderation/blocks', { data: { user: reader.id, code: 'nope' } }, token).expect(400);
    await post('/api/moderation/blocks', { data: { user: reader.id } }, token).expect(400);
    await post('/api/moderation/blocks', { data: { code: 'spam' } }, token).expect(400);
    await post('/api/moderation/blocks', { data: { user: 99999999, code: 'spam' } }, token).expect(404);
    await post('/api/moderation/blocks', { data: { user: 'nosuchdocumentid', code: 'spam' } }, token).expect(404);
    await post('/api/moderation/blocks', { data: { user: { id: 1 }, code: 'spam' } }, token).expect(400);
    expect(await app.strapi.db.query(BLOCK).count({ where: { userId: reader.id } })).toBe(0);
  });

  it('first block (by documentId): the reader is told why, cannot report, may appeal once at a time', async () => {
    const user = await app.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: reader.id } });
    const res = await post('/api/moderation/blocks', { data: { user: user.documentId, code: 'insults', note: 'Repeated insults' } }, token).expect(201);
    expect(res.body.data).toMatchObject({ userId: reader.id, ordinal: 1, permanent: false, code: 'insults', liftedAt: null });
    const mail = await mailbox.next(reader.email, /blocked/);
    expect(mail.text).toContain('No insults, no threats');
    expect(mail.text).toContain('Repeated insults');
    expect(mail.text).toMatch(/appeal/);

    const again = await post('/api/moderation/blocks', { data: { user: reader.id, code: 'spam' } }, token).expect(400);
    expect(again.body.error.name).toBe('AlreadyBlocked');

    await acceptStandards(reader);
    const posting = await post(`/api/articles/${article.documentId}/comments`, { data: { body: 'Let me post anyway.' } }, reader.jwt).expect(403);
    expect(posting.body.error).toMatchObject({ name: 'AccountBlocked', details: { code: 'insults', permanent: false } });
    const c = await comment(author.id);
    const report = await post(`/api/comments/${c.id}/reports`, { data: { code: 'spam' } }, reader.jwt).expect(403);
    expect(report.body.error).toMatchObject({ name: 'AccountBlocked', details: { code: 'insults', permanent: false } });
    const state = await get('/api/account/comments-block', reader.jwt).expect(200);
    expect(state.body.data).toMatchObject({ blocked: true, permanent: false, canAppeal: true, code: 'insults' });

    for (const explanation of [undefined, '', '   ', 'x'.repeat(5001), 12]) {
      await post('/api/account/appeals', { data: { explanation } }, reader.jwt).expect(400);
    }
    const appeal = await post('/api/account/appeals', { data: { explanation: 'I am sorry, it will not happen again.', userId: 1 } }, reader.jwt).expect(201);
    expect(appeal.body.data).toMatchObject({ status: 'open', explanation: 'I am sorry, it will not happen again.' });
    const row = await app.strapi.db.query(APPEAL).findOne({ where: { id: appeal.body.data.id } });
    expect(row.userId).toBe(reader.id);
    const twice = await post('/api/account/appeals', { data: { explanation: 'Again' } }, reader.jwt).expect(400);
    expect(twice.body.error.name).toBe('AppealOpen');
    expect(await app.strapi.db.query(APPEAL).count({ where: { userId: reader.id } })).toBe(1);
  });

  it('a refusal needs a reason; the reader is told; they may appeal again; a lift restores access and tells them', async () => {
    const open = await get('/api/moderation/appeals?status=open&pageSize=100', token).expect(200);
    const appeal = open.body.data.find((a: { userId: number }) => a.userId === reader.id);
    expect(appeal).toMatchObject({ status: 'open', user: { id: reader.id }, block: { ordinal: 1 } });
    await post(`/api/moderation/appeals/${appeal.id}`, { data: { decision: 'refuse' } }, token).expect(400);
    await post(`/api/moderation/appeals/${appeal.id}`, { data: { decision: 'maybe', note: 'x' } }, token).expect(400);
    await post('/api/moderation/appeals/99999999', { data: { decision: 'lift' } }, token).expect(404);
    const refused = await post(`/api/moderation/appeals/${appeal.id}`, { data: { decision: 'refuse', note: 'Too soon after the insults' } }, token).expect(200);
    expect(refused.body.data).toMatchObject({ status: 'refused', decisionNote: 'Too soon after the insults' });
    const refusedMail = await mailbox.next(reader.email, /refused/);
    expect(refusedMail.text).toContain('Too soon after the insults');
    const decidedTwice = await post(`/api/moderation/appeals/${appeal.id}`, { data: { decision: 'lift' } }, token).expect(400);
    expect(decidedTwice.body.error.name).toBe('AppealNotOpen');

    const second = await post('/api/account/appeals', { data: { explanation: 'A month has passed.' } }, reader.jwt).expect(201);
    const lifted = await post(`/api/moderation/appeals/${second.body.data.id}`, { data: { decision: 'lift', note: 'Welcome back' } }, token).expect(200);
    expect(lifted.body.data.status).toBe('lifted');
    const liftedMail = await mailbox.next(reader.email, /comment again/);
    expect(liftedMail.text).toContain('Welcome back');
    const block = await app.strapi.db.query(BLOCK).findOne({ where: { userId: reader.id, ordinal: 1 } });
    expect(block.liftedAt).not.toBeNull();
    const c = await comment(author.id);
    await post(`/api/comments/${c.id}/reports`, { data: { code: 'spam' } }, reader.jwt).expect(201);
    const notBlocked = await post('/api/account/appeals', { data: { explanation: 'Again?' } }, reader.jwt).expect(400);
    expect(notBlocked.body.error.name).toBe('NotBlocked');
  });

  it('the second block is permanent: no appeal, no lift over the API, no new block; the history says so', async () => {
    const res = await post('/api/moderation/blocks', { data: { user: String(reader.id), code: 'spam', note: 'Back to spamming' } }, token).expect(201);
    expect(res.body.data).toMatchObject({ ordinal: 2, permanent: true });
    const mail = await mailbox.next(reader.email, /blocked/);
    expect(mail.text).toMatch(/permanent/);

    const appealsBefore = await app.strapi.db.query(APPEAL).count({ where: { userId: reader.id } });
    const appeal = await post('/api/account/appeals', { data: { explanation: 'Please, one more chance' } }, reader.jwt).expect(403);
    expect(appeal.body.error.name).toBe('BlockPermanent');
    expect(await app.strapi.db.query(APPEAL).count({ where: { userId: reader.id } })).toBe(appealsBefore);

    // Even an appeal row that reached the database some other way cannot lift it.
    const stray = await app.strapi.db.query(APPEAL).create({ data: { userId: reader.id, blockId: res.body.data.id, explanation: 'Injected', status: 'open' } });
    const lift = await post(`/api/moderation/appeals/${stray.id}`, { data: { decision: 'lift' } }, token).expect(403);
    expect(lift.body.error.name).toBe('BlockPermanent');
    const oldAppeal = (await app.strapi.db.query(APPEAL).findMany({ where: { userId: reader.id, status: 'lifted' } }))[0];
    const liftOld = await post(`/api/moderation/appeals/${oldAppeal.id}`, { data: { decision: 'lift' } }, token).expect(403);
    expect(liftOld.body.error.name).toBe('BlockPermanent');
    const gqlLift = await gql('mutation($id: ID!) { decideAppeal(id: $id, decision: "lift") { status } }', { id: String(stray.id) }, token);
    expect(gqlLift.body.errors[0].extensions.error.name).toBe('BlockPermanent');
    const permanentBlock = await app.strapi.db.query(BLOCK).findOne({ where: { id: res.body.data.id } });
    expect(permanentBlock.liftedAt).toBeNull();

    const third = await post('/api/moderation/blocks', { data: { user: reader.id, code: 'spam' } }, token).expect(403);
    expect(third.body.error.name).toBe('BlockPermanent');

    const history = await get(`/api/moderation/history/${reader.id}`, token).expect(200);
    expect(history.body.data).toMatchObject({ blocked: true, permanent: true });
    expect(history.body.data.blocks.map((b: { ordinal: number; permanent: boolean }) => [b.ordinal, b.permanent])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(history.body.data.log.map((l: { action: string }) => l.action)).toEqual(['block', 'appeal', 'refuse', 'appeal', 'lift', 'block']);
    expect(history.body.data.log[5].note).toMatch(/permanent/);
    const state = await get('/api/account/comments-block', reader.jwt).expect(200);
    expect(state.body.data).toMatchObject({ blocked: true, permanent: true, canAppeal: false });
  });

  it('personal data: the export holds the reader’s reports, blocks, appeals and the log about them', async () => {
    const data = await app.strapi.plugin('comments').service('moderation').personalData(reader.id);
    expect(data.reportsFiled).toHaveLength(1);
    expect(data.blocks).toHaveLength(2);
    expect(data.appeals.map((a: { explanation: string }) => a.explanation)).toContain('A month has passed.');
    expect(data.moderationLog.length).toBeGreaterThanOrEqual(6);
    expect(data.permanentlyBlocked).toBe(true);
    const authorData = await app.strapi.plugin('comments').service('moderation').personalData(author.id);
    expect(authorData.moderationLog.map((l: { action: string }) => l.action)).toEqual(expect.arrayContaining(['report-hold', 'approve', 'reject', 'edit']));
    // The account export (accounts' personal-data convention) carries the same log.
    const exported = (await app.strapi.plugin('accounts').service('personal-data').exportEverywhere(author.id)).comments;
    expect(exported.moderationLog.map((l: { action: string }) => l.action)).toEqual(expect.arrayContaining(['report-hold', 'approve', 'reject', 'edit']));
  });
});

describe('GraphQL', () => {
  it('reportComment: same rules (once per account, unknown code, own comment)', async () => {
    const c = await comment(author.id);
    const m = 'mutation($id: ID!, $code: String!, $note: String) { reportComment(commentId: $id, code: $code, note: $note) { id commentId code held } }';
    const ok = await gql(m, { id: String(c.id), code: 'spam', note: 'ads' }, readers[1].jwt).expect(200);
    expect(ok.body.data.reportComment).toMatchObject({ commentId: String(c.id), code: 'spam', held: false });
    const twice = await gql(m, { id: String(c.id), code: 'spam' }, readers[1].jwt);
    expect(twice.body.errors[0].extensions.error.name).toBe('AlreadyReported');
    const unknownCode = await gql(m, { id: String(c.id), code: 'zzz' }, readers[2].jwt);
    expect(unknownCode.body.errors[0].extensions.error.name).toBe('ValidationError');
    const own = await gql(m, { id: String(c.id), code: 'spam' }, author.jwt);
    expect(own.body.errors[0].extensions.error.name).toBe('OwnComment');
    const anon = await gql(m, { id: String(c.id), code: 'spam' });
    expect(anon.body.errors.length).toBeGreaterThan(0);
    expect(await app.strapi.db.query(REPORT).count({ where: { commentId: c.id } })).toBe(1);
  });

  it('fileAppeal: NotBlocked for an unblocked reader', async () => {
    const res = await gql('mutation($e: String!) { fileAppeal(explanation: $e) { id status } }', { e: 'Why?' }, readers[1].jwt);
    expect(res.body.errors[0].extensions.error.name).toBe('NotBlocked');
  });

  it('moderation by API token: queue, moderateComment, blockAccount, decideAppeal', async () => {
    const held = await comment(readers[1].id, 'Held over GraphQL', 'pending');
    const queue = await gql('query { moderationQueue(status: "pending", pageSize: 100) { total results { id status author article } } }', {}, token).expect(200);
    expect(queue.body.data.moderationQueue.results.map((r: { id: string }) => r.id)).toContain(String(held.id));
    const bad = await gql('mutation($id: ID!) { moderateComment(id: $id, action: "reject") { id } }', { id: String(held.id) }, token);
    expect(bad.body.errors[0].extensions.error.name).toBe('ValidationError');
    const approve = await gql('mutation($id: ID!) { moderateComment(id: $id, action: "approve") { id status log } }', { id: String(held.id) }, token).expect(200);
    expect(approve.body.data.moderateComment).toMatchObject({ id: String(held.id), status: 'approved', log: [expect.objectContaining({ action: 'approve' })] });

    const target = await confirmedReader(app);
    const block = await gql('mutation($u: String!) { blockAccount(user: $u, code: "spam", note: "bot") { ordinal permanent code } }', { u: String(target.id) }, token).expect(200);
    expect(block.body.data.blockAccount).toEqual({ ordinal: 1, permanent: false, code: 'spam' });
    await mailbox.next(target.email, /blocked/);
    const appeal = await gql('mutation($e: String!) { fileAppeal(explanation: $e) { id status } }', { e: 'Not a bot' }, target.jwt).expect(200);
    expect(appeal.body.data.fileAppeal.status).toBe('open');
    const readerDecides = await gql('mutation($id: ID!) { decideAppeal(id: $id, decision: "lift") { status } }', { id: appeal.body.data.fileAppeal.id }, target.jwt);
    expect(readerDecides.body.errors.length).toBeGreaterThan(0);
    const lift = await gql('mutation($id: ID!) { decideAppeal(id: $id, decision: "lift") { status } }', { id: appeal.body.data.fileAppeal.id }, token).expect(200);
    expect(lift.body.data.decideAppeal.status).toBe('lifted');
    await mailbox.next(target.email, /comment again/);
  });
});
