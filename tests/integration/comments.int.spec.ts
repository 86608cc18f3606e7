// Comments end to end over REST and GraphQL: the community standards and their acceptance, who
// may post where and when, replies one level deep, pre-moderation and automatic holds, the
// thread listing (cursor pages, own pending comments, "deleted reader", tombstones), the
// author's edit and delete, rate limits, comment counts on the article page and in feeds,
// personal data, and the bad input of the issue (clear 4xx, nothing stored, never 5xx).
import request from 'supertest';
import { startApp, type TestApp } from '../helpers/strapi';
import { createArticle, createSection, type Doc } from '../helpers/fixtures';
import { confirmedReader } from '../helpers/accounts';
import { addStandard, publishStandardsVersion } from '../helpers/comments';
import { ACCEPTANCE, BLOCK, COMMENT, LOG } from '../../src/plugins/comments/server/uids';

const ARTICLE = 'api::article.article';
const POLICY = 'plugin::accounts.privacy-policy';

type Reader = Awaited<ReturnType<typeof confirmedReader>>;

let app: TestApp;
let news: Doc;
let story: Doc;
let other: Doc;

const server = () => app.server;
const auth = (r: request.Test, jwt?: string) => (jwt ? r.set('Authorization', `Bearer ${jwt}`) : r);
const post = (documentId: string, data: unknown, jwt?: string) => auth(request(server()).post(`/api/articles/${documentId}/comments`), jwt).send(data === undefined ? undefined : ({ data } as object));
const postRaw = (documentId: string, body: unknown, jwt?: string) => auth(request(server()).post(`/api/articles/${documentId}/comments`), jwt).send(body as object);
const list = (documentId: string, query: Record<string, string> = {}, jwt?: string) => auth(request(server()).get(`/api/articles/${documentId}/comments`).query(query), jwt);
const edit = (id: number | string, data: unknown, jwt?: string) => auth(request(server()).put(`/api/comments/${id}`), jwt).send({ data } as object);
const remove = (id: number | string, jwt?: string) => auth(request(server()).delete(`/api/comments/${id}`), jwt);
const gql = (query: string, variables?: Record<string, unknown>, jwt?: string) => auth(request(server()).post('/graphql'), jwt).send({ query, variables });
const commentCount = () => app.strapi.db.query(COMMENT).count({});
/** A published article (in News unless given a section). */
const art = (data: Record<string, unknown>, opts?: { publish?: boolean }) => createArticle(app.strapi, { section: news.documentId, ...data }, opts);
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);

async function currentVersion(): Promise<number> {
  const res = await request(server()).get('/api/community-standards').expect(200);
  return res.body.meta.version as number;
}

/** A confirmed, logged-in reader with a display name who accepted the current standards. */
async function reader(displayName = 'Reader', opts: { accept?: boolean } = {}): Promise<Reader> {
  const r = await confirmedReader(app);
  await app.strapi.plugin('accounts').service('readers').update(r.id, { displayName });
  if (opts.accept !== false) {
    await auth(request(server()).post('/api/community-standards/accept'), r.jwt).send({ version: await currentVersion() }).expect(200);
  }
  return r;
}

async function seedStandards() {
  const rules: Array<[string, string, string, string, boolean]> = [
    ['off-topic', 'Stay on topic', 'Hors sujet', 'remove', false],
    ['language-rules', 'Write in sentences', 'Écrivez des phrases', 'remove', true],
    ['spam', 'No spam', 'Pas de spam', 'remove', true],
    ['malware', 'No harmful links', 'Pas de liens dangereux', 'remove', true],
  ];
  let position = 0;
  for (const [code, en, fr, action, automatic] of rules) {
    await addStandard(app.strapi, { code, title: en, ruleText: `${en}: the rule in English.`, action, automatic, position: position++ }, { title: fr, ruleText: `${fr} : la règle en français.` });
  }
  await publishStandardsVersion(app.strapi, 1);
}

beforeAll(async () => {
  app = await startApp({ SITE_URL: 'https://news.example.org' });
  const locales = app.strapi.plugin('i18n').service('locales');
  if (!((await locales.find()) as Array<{ code: string }>).some((l) => l.code === 'fr')) await locales.create({ code: 'fr', name: 'French (fr)' });
  await seedStandards();
  news = await createSection(app.strapi, 'News', { slug: 'news' });
  story = await art({ title: 'Council approves the new bridge', slug: 'council-bridge', section: news.documentId });
  other = await art({ title: 'Floods in the valley', slug: 'valley-floods', section: news.documentId });
  // Booting on a fresh PostgreSQL schema takes long on a loaded machine; this bounds the boot, not the behaviour.
}, 600_000);

afterAll(async () => {
  await app?.stop();
});

describe('community standards', () => {
  it('lists the localised rules with the current version, to anyone', async () => {
    const en = await request(server()).get('/api/community-standards').expect(200);
    expect(en.body.meta).toEqual(expect.objectContaining({ locale: 'en', version: 1 }));
    expect(en.body.data[0]).toEqual({ code: 'off-topic', title: 'Stay on topic', ruleText: 'Stay on topic: the rule in English.', action: 'remove', automatic: false });
    expect(en.body.data.map((s: { code: string }) => s.code)).toEqual(['off-topic', 'language-rules', 'spam', 'malware']);
    const fr = await request(server()).get('/api/community-standards?locale=fr').expect(200);
    expect(fr.body.data[1]).toEqual(expect.objectContaining({ code: 'language-rules', title: 'Écrivez des phrases', automatic: true }));
    const bad = await request(server()).get('/api/community-standards?locale=xx').expect(400);
    expect(bad.body.error.name).toBe('ValidationError');
  });

  it('records an acceptance of the current version only; posting waits for it', async () => {
    const r = await reader('Late Acceptor', { accept: false });
    const before = await app.strapi.db.query(ACCEPTANCE).count({});
    const held = await post(story.documentId, { body: 'A first comment, before accepting.' }, r.jwt).expect(403);
    expect(held.body.error).toEqual(expect.objectContaining({ name: 'StandardsAcceptanceRequired', details: expect.objectContaining({ version: 1 }) }));
    for (const body of [{ version: 2 }, { version: '1' }, { version: 0 }, {}, { version: 1, extra: true }]) {
      const res = await auth(request(server()).post('/api/community-standards/accept'), r.jwt).send(body).expect(400);
      expect(res.body.error.name).toBe('ValidationError');
    }
    expect(await app.strapi.db.query(ACCEPTANCE).count({})).toBe(before);
    await request(server()).post('/api/community-standards/accept').send({ version: 1 }).expect((res) => expect([401, 403]).toContain(res.status));
    const ok = await auth(request(server()).post('/api/community-standards/accept'), r.jwt).send({ version: 1 }).expect(200);
    expect(ok.body.data).toEqual(expect.objectContaining({ acceptedVersion: 1, currentVersion: 1, acceptanceRequired: false }));
    const rows = await app.strapi.db.query(ACCEPTANCE).findMany({ where: { userId: r.id } });
    expect(rows).toEqual([expect.objectContaining({ userId: r.id, version: 1, acceptedAt: expect.anything() })]);
    await post(story.documentId, { body: 'Now I may comment.' }, r.jwt).expect(201);
  });
});

describe('posting', () => {
  let alice: Reader;
  let bob: Reader;
  beforeAll(async () => {
    alice = await reader('Alice A.');
    bob = await reader('Bob B.');
  });

  it('answers 201 with the comment as written, an escaped html rendering and the author by display name', async () => {
    const body = 'Good <b>news</b> & more:\nsee https://example.org/plan?a=1&b=2';
    const res = await post(story.documentId, { body }, alice.jwt).expect(201);
    const c = res.body.data;
    expect(c).toEqual(
      expect.objectContaining({ id: expect.any(Number), body, status: 'approved', threadId: c.id, parentId: null, author: { displayName: 'Alice A.' }, own: true }),
    );
    expect(c.heldFor).toBeUndefined();
    expect(c.html).toContain('&lt;b&gt;news&lt;/b&gt;');
    expect(c.html).toContain('<br>');
    expect(c.html).toMatch(/<a href="https:\/\/example\.org\/plan\?a=1&amp;b=2" rel="nofollow ugc">/);
    expect(JSON.stringify(res.body)).not.toContain(alice.email);
    const row = await app.strapi.db.query(COMMENT).findOne({ where: { id: c.id } });
    expect(row).toEqual(expect.objectContaining({ body, articleDocumentId: story.documentId, authorId: alice.id, fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/), textHash: expect.stringMatching(/^[0-9a-f]{64}$/) }));
  });

  it('keeps replies one level deep: a reply to a reply joins the same thread', async () => {
    const root = (await post(story.documentId, { body: 'Where will the bridge land?' }, alice.jwt).expect(201)).body.data;
    const reply = (await post(story.documentId, { body: 'Near the old ferry, I think.', parent: root.id }, bob.jwt).expect(201)).body.data;
    expect(reply).toEqual(expect.objectContaining({ threadId: root.id, parentId: root.id }));
    const deeper = (await post(story.documentId, { body: 'Yes, by the ferry.', parent: String(reply.id) }, alice.jwt).expect(201)).body.data;
    expect(deeper).toEqual(expect.objectContaining({ threadId: root.id, parentId: reply.id }));
    const page = await list(story.documentId).expect(200);
    const thread = page.body.data.find((t: { id: number }) => t.id === root.id);
    expect(thread.replies.map((r: { id: number }) => r.id)).toEqual([reply.id, deeper.id]);
    expect(thread.replies.every((r: { replies?: unknown }) => r.replies === undefined)).toBe(true);
  });

  it('refuses a parent from another article, an unknown one or a malformed one, storing nothing', async () => {
    const elsewhere = (await post(other.documentId, { body: 'About the floods.' }, alice.jwt).expect(201)).body.data;
    const before = await commentCount();
    for (const parent of [elsewhere.id, 99999999, 'abc', -1, 1.5, {}]) {
      const res = await post(story.documentId, { body: 'A reply in the wrong place.', parent }, bob.jwt).expect(400);
      expect(res.body.error.name).toBe('ValidationError');
    }
    expect(await commentCount()).toBe(before);
  });

  it('refuses bad bodies with a clear 400 and stores nothing', async () => {
    const before = await commentCount();
    const bodies: unknown[] = ['', '   \n\t ', 'x'.repeat(100 * 1024), 'bell \u0007 in text', 'nul \u0000 byte', 42, null, ['a'], { text: 'a' }];
    for (const body of bodies) {
      const res = await post(story.documentId, { body }, alice.jwt);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
    }
    for (const raw of [{}, { data: 'text' }, { data: [] }, { data: { body: 'fine text', extra: 1 } }, { body: 'not wrapped' }]) {
      const res = await postRaw(story.documentId, raw, alice.jwt);
      expect(res.status).toBe(400);
    }
    expect(await commentCount()).toBe(before);
  });

  it('answers 404 for unknown, draft and malformed articles, 403 for disabled and closed ones, storing nothing', async () => {
    const draft = await art({ title: 'Not yet', section: news.documentId }, { publish: false });
    const disabled = await art({ title: 'No comments here', commentsEnabled: false });
    const closed = await art({ title: 'Closed by hand', commentsClosed: true });
    const before = await commentCount();
    for (const id of ['doesnotexist0000000000000', draft.documentId, 'a'.repeat(200), '..%2F..%2Fetc', 'DROP%20TABLE']) {
      const res = await post(id, { body: 'Hello there.' }, alice.jwt);
      expect(res.status).toBe(404);
      expect(res.body.error.name).toBe('NotFoundError');
    }
    expect((await post(disabled.documentId, { body: 'Hello there.' }, alice.jwt).expect(403)).body.error.name).toBe('CommentsDisabled');
    expect((await post(closed.documentId, { body: 'Hello there.' }, alice.jwt).expect(403)).body.error.name).toBe('CommentsClosed');
    expect(await commentCount()).toBe(before);
    await list(draft.documentId).expect(404);
  });

  it('closes commenting N days after first publication, with the section overriding the site setting', async () => {
    const slow = await createSection(app.strapi, 'Long reads', { slug: 'long-reads', commentsCloseAfterDays: 60 });
    const never = await createSection(app.strapi, 'Forever', { slug: 'forever', commentsCloseAfterDays: 0 });
    const old = await art({ title: 'Twenty days old', section: news.documentId });
    const oldSlow = await art({ title: 'Twenty days old, long read', section: slow.documentId });
    const ancient = await art({ title: 'Seventy days old, long read', section: slow.documentId });
    const forever = await art({ title: 'A year old, never closes', section: never.documentId });
    for (const [doc, days] of [[old, 20], [oldSlow, 20], [ancient, 70], [forever, 365]] as const) {
      await app.strapi.db.query(ARTICLE).updateMany({ where: { documentId: doc.documentId }, data: { firstPublishedAt: daysAgo(days) } });
    }
    expect((await post(old.documentId, { body: 'Too late?' }, alice.jwt).expect(403)).body.error.name).toBe('CommentsClosed');
    await post(oldSlow.documentId, { body: 'Still open here.' }, alice.jwt).expect(201);
    expect((await post(ancient.documentId, { body: 'Too late here.' }, alice.jwt).expect(403)).body.error.name).toBe('CommentsClosed');
    await post(forever.documentId, { body: 'Never closes.' }, alice.jwt).expect(201);
  });

  it('needs a logged-in reader', async () => {
    const before = await commentCount();
    const res = await post(story.documentId, { body: 'Anonymous words.' });
    expect([401, 403]).toContain(res.status);
    expect(await commentCount()).toBe(before);
  });

  it('refuses a blocked reader (403 AccountBlocked), who can still read; a second block says permanent', async () => {
    const carol = await reader('Carol C.');
    const mine = (await post(story.documentId, { body: 'Before the block.' }, carol.jwt).expect(201)).body.data;
    const block = await app.strapi.db.query(BLOCK).create({ data: { userId: carol.id, ordinal: 1, permanent: false, code: 'off-topic', blockedAt: new Date() } });
    const before = await commentCount();
    const res = await post(story.documentId, { body: 'After the block.' }, carol.jwt).expect(403);
    expect(res.body.error).toEqual(expect.objectContaining({ name: 'AccountBlocked', details: { code: 'off-topic', permanent: false } }));
    expect((await edit(mine.id, { body: 'Edited while blocked.' }, carol.jwt).expect(403)).body.error.name).toBe('AccountBlocked');
    await list(story.documentId, {}, carol.jwt).expect(200);
    await app.strapi.db.query(BLOCK).update({ where: { id: block.id }, data: { liftedAt: new Date() } });
    await post(story.documentId, { body: 'Block lifted.' }, carol.jwt).expect(201);
    await app.strapi.db.query(BLOCK).create({ data: { userId: carol.id, ordinal: 2, permanent: true, code: 'spam', blockedAt: new Date() } });
    const second = await post(story.documentId, { body: 'After the second block.' }, carol.jwt).expect(403);
    expect(second.body.error.details).toEqual({ code: 'spam', permanent: true });
    expect(await commentCount()).toBe(before + 1);
  });
});

describe('pre-moderation and automatic holds', () => {
  it('holds comments on a pre-moderated article or section as pending, shown only to their author', async () => {
    const dave = await reader('Dave D.');
    const erin = await reader('Erin E.');
    const premodSection = await createSection(app.strapi, 'Sensitive', { slug: 'sensitive', commentsPremoderated: true });
    const premodArticle = await art({ title: 'Pre-moderated story', commentsPremoderated: true });
    const inSection = await art({ title: 'Story in a pre-moderated section', section: premodSection.documentId });
    for (const doc of [premodArticle, inSection]) {
      // Different texts: the same text twice from one account is flooding, a hold of its own.
      const c = (await post(doc.documentId, { body: `Waiting for a moderator on ${doc.title}.` }, dave.jwt).expect(201)).body.data;
      expect(c).toEqual(expect.objectContaining({ status: 'pending', heldFor: [], premoderated: true }));
      expect((await list(doc.documentId).expect(200)).body.data).toEqual([]);
      expect((await list(doc.documentId, {}, erin.jwt).expect(200)).body.data).toEqual([]);
      const own = (await list(doc.documentId, {}, dave.jwt).expect(200)).body;
      expect(own.data).toEqual([expect.objectContaining({ id: c.id, status: 'pending', own: true })]);
      expect(own.meta.commentCount).toBe(0);
    }
  });

  it('pre-moderates accounts with fewer approved comments than configured', async () => {
    const config = app.strapi.config.get('plugin::comments') as Record<string, unknown>;
    const fresh = await reader('Fresh F.');
    app.strapi.config.set('plugin::comments', { ...config, premoderateUntilApproved: 1 });
    try {
      const first = (await post(story.documentId, { body: 'My very first comment.' }, fresh.jwt).expect(201)).body.data;
      expect(first).toEqual(expect.objectContaining({ status: 'pending', premoderated: true }));
      await app.strapi.db.query(COMMENT).update({ where: { id: first.id }, data: { status: 'approved' } });
      const second = (await post(story.documentId, { body: 'My second comment.' }, fresh.jwt).expect(201)).body.data;
      expect(second.status).toBe('approved');
    } finally {
      app.strapi.config.set('plugin::comments', config);
    }
  });

  it('holds what a detector flags as pending with the codes that fired, logged as an automatic hold', async () => {
    const frank = await reader('Frank F.');
    const res = await post(story.documentId, { body: 'THIS BRIDGE IS A TOTAL DISGRACE AND EVERYONE KNOWS IT ALREADY' }, frank.jwt).expect(201);
    const c = res.body.data;
    expect(c.status).toBe('pending');
    expect(c.heldFor).toContain('language-rules');
    const row = await app.strapi.db.query(COMMENT).findOne({ where: { id: c.id } });
    expect(row.score).toBeGreaterThan(0);
    const log = await app.strapi.db.query(LOG).findMany({ where: { commentId: c.id } });
    expect(log).toEqual([expect.objectContaining({ action: 'auto-hold', actorType: 'system', code: 'language-rules' })]);
    expect((await list(story.documentId).expect(200)).body.data.some((t: { id: number }) => t.id === c.id)).toBe(false);
  });
});

describe('reading', () => {
  let thread: Doc;
  let readers: Reader[];
  const roots: number[] = [];

  beforeAll(async () => {
    thread = await art({ title: 'A busy thread' });
    readers = [await reader('Gina G.'), await reader('Hal H.')];
    for (let i = 0; i < 5; i++) roots.push((await post(thread.documentId, { body: `Root comment number ${i + 1}.` }, readers[i % 2].jwt).expect(201)).body.data.id);
    await post(thread.documentId, { body: 'A reply to the second.', parent: roots[1] }, readers[0].jwt).expect(201);
  });

  it('pages root comments by an opaque cursor, oldest or newest first, without gaps or repeats', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: request.Response = await list(thread.documentId, { limit: '2', ...(cursor ? { cursor } : {}) }).expect(200);
      seen.push(...res.body.data.map((t: { id: number }) => t.id));
      cursor = res.body.meta.pagination.nextCursor;
      expect(res.body.meta.pagination.hasMore).toBe(cursor !== null);
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(roots);
    const newest = await list(thread.documentId, { sort: 'newest', limit: '3' }).expect(200);
    expect(newest.body.data.map((t: { id: number }) => t.id)).toEqual([...roots].reverse().slice(0, 3));
    const next = await list(thread.documentId, { sort: 'newest', limit: '3', cursor: newest.body.meta.pagination.nextCursor }).expect(200);
    expect(next.body.data.map((t: { id: number }) => t.id)).toEqual([roots[1], roots[0]]);
    expect(next.body.data[0].replies).toHaveLength(1);
    expect(newest.body.meta.commentCount).toBe(6);
  });

  it('refuses bad cursors, limits and sorts with 400', async () => {
    const oldest = await list(thread.documentId, { limit: '2' }).expect(200);
    const cases: Record<string, string>[] = [
      { cursor: 'not a cursor!' },
      { cursor: Buffer.from('o-5').toString('base64url') },
      { cursor: oldest.body.meta.pagination.nextCursor, sort: 'newest' },
      { limit: '0' },
      { limit: '1000' },
      { limit: 'ten' },
      { sort: 'random' },
    ];
    for (const query of cases) {
      const res = await list(thread.documentId, query);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
    }
    await list('nope', {}).expect(404);
  });

  it('shows authors by display name only, and deleted readers as "deleted reader"', async () => {
    const gone = await reader('Soon Gone');
    const c = (await post(thread.documentId, { body: 'I will delete my account.' }, gone.jwt).expect(201)).body.data;
    await app.strapi.plugin('accounts').service('readers').update(gone.id, { status: 'pending-deletion' });
    const res = await list(thread.documentId, { sort: 'newest', limit: '1' }).expect(200);
    expect(res.body.data[0]).toEqual(expect.objectContaining({ id: c.id, author: { displayName: 'deleted reader' } }));
    const text = JSON.stringify((await list(thread.documentId, { limit: '100' }).expect(200)).body);
    for (const r of [...readers, gone]) {
      expect(text).not.toContain(r.email);
      expect(text).not.toContain(r.username);
    }
  });
});

describe("the author's edit and delete", () => {
  let ivy: Reader;
  let jack: Reader;
  beforeAll(async () => {
    ivy = await reader('Ivy I.');
    jack = await reader('Jack J.');
  });

  it('edits their own comment within the window, and never another reader’s', async () => {
    const c = (await post(story.documentId, { body: 'Frist!' }, ivy.jwt).expect(201)).body.data;
    const res = await edit(c.id, { body: 'First, I meant.' }, ivy.jwt).expect(200);
    expect(res.body.data).toEqual(expect.objectContaining({ id: c.id, body: 'First, I meant.', editedAt: expect.any(String), status: 'approved' }));
    const theirs = await edit(c.id, { body: 'Hijacked.' }, jack.jwt).expect(403);
    expect(theirs.body.error.name).toBe('NotYourComment');
    for (const body of ['', ' ', 'x'.repeat(100 * 1024), 'a\u0001b', 7]) expect((await edit(c.id, { body }, ivy.jwt)).status).toBe(400);
    expect((await app.strapi.db.query(COMMENT).findOne({ where: { id: c.id } })).body).toBe('First, I meant.');
    await edit(99999999, { body: 'Nothing here.' }, ivy.jwt).expect(404);
    await edit('abc', { body: 'Nothing here.' }, ivy.jwt).expect(404);
    expect((await edit(c.id, { body: 'No auth.' })).status).toBeGreaterThanOrEqual(401);
    await app.strapi.db.query(COMMENT).update({ where: { id: c.id }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
    expect((await edit(c.id, { body: 'Too late.' }, ivy.jwt).expect(403)).body.error.name).toBe('EditWindowClosed');
    expect((await app.strapi.db.query(COMMENT).findOne({ where: { id: c.id } })).body).toBe('First, I meant.');
    const log = await app.strapi.db.query(LOG).findMany({ where: { commentId: c.id } });
    expect(log).toEqual([expect.objectContaining({ action: 'author-edit', before: 'Frist!', after: 'First, I meant.', actorType: 'reader' })]);
  });

  it('runs the detectors again on an edit', async () => {
    const c = (await post(story.documentId, { body: 'A calm and measured remark.' }, ivy.jwt).expect(201)).body.data;
    const res = await edit(c.id, { body: 'ACTUALLY I AM FURIOUS ABOUT THIS WHOLE BRIDGE BUSINESS NOW' }, ivy.jwt).expect(200);
    expect(res.body.data).toEqual(expect.objectContaining({ status: 'pending', heldFor: expect.arrayContaining(['language-rules']) }));
  });

  it('deletes their own comment; one with replies stays as a tombstone until its last reply goes', async () => {
    const solo = (await post(story.documentId, { body: 'Delete me.' }, ivy.jwt).expect(201)).body.data;
    expect((await remove(solo.id, jack.jwt).expect(403)).body.error.name).toBe('NotYourComment');
    expect((await remove(solo.id, ivy.jwt).expect(200)).body.data).toEqual({ id: solo.id, deleted: true, tombstone: false });
    expect(await app.strapi.db.query(COMMENT).findOne({ where: { id: solo.id } })).toBeNull();
    await remove(solo.id, ivy.jwt).expect(404);

    const root = (await post(story.documentId, { body: 'A root with a reply.' }, ivy.jwt).expect(201)).body.data;
    const reply = (await post(story.documentId, { body: 'The reply.', parent: root.id }, jack.jwt).expect(201)).body.data;
    expect((await remove(root.id, ivy.jwt).expect(200)).body.data.tombstone).toBe(true);
    const page = await list(story.documentId, { limit: '100' }).expect(200);
    const tomb = page.body.data.find((t: { id: number }) => t.id === root.id);
    expect(tomb).toEqual(expect.objectContaining({ deleted: true, body: null, html: null, author: null, status: 'deleted' }));
    expect(tomb.replies.map((r: { id: number }) => r.id)).toEqual([reply.id]);
    await post(story.documentId, { body: 'Reply to a tombstone.', parent: root.id }, jack.jwt).expect(400);
    await remove(reply.id, jack.jwt).expect(200);
    expect(await app.strapi.db.query(COMMENT).findOne({ where: { id: root.id } })).toBeNull();
  });
});

describe('comment counts on the article page and in feeds', () => {
  it('shows the approved count on the article page and in RSS items, updated after a new comment', async () => {
    const counted = await art({ title: 'Counted story', slug: 'counted-story' });
    const kim = await reader('Kim K.');
    const page0 = await request(server()).get('/api/articles/by-slug/counted-story').expect(200);
    expect(page0.body.data.commentCount).toBe(0);
    const rss0 = await request(server()).get('/api/feeds/articles?format=rss').expect(200);
    expect(rss0.text).toContain('xmlns:slash=');
    expect(rss0.text).toMatch(/<slash:comments>0<\/slash:comments>/);
    await post(counted.documentId, { body: 'One.' }, kim.jwt).expect(201);
    await post(counted.documentId, { body: 'Two.' }, kim.jwt).expect(201);
    const page3 = await request(server()).get('/api/articles/by-slug/counted-story').expect(200);
    expect(page3.body.data.commentCount).toBe(2);
    const third = (await post(counted.documentId, { body: 'Three, soon deleted.' }, kim.jwt).expect(201)).body.data;
    expect((await request(server()).get('/api/articles/by-slug/counted-story').expect(200)).body.data.commentCount).toBe(3);
    await remove(third.id, kim.jwt).expect(200);
    const page = await request(server()).get('/api/articles/by-slug/counted-story').expect(200);
    expect(page.body.data.commentCount).toBe(2);
    const rss = await request(server()).get('/api/feeds/articles?format=rss').expect(200);
    const item = rss.text.split('<item>').find((i) => i.includes('Counted story'))!;
    expect(item).toMatch(/<slash:comments>2<\/slash:comments>/);
    expect(item).toMatch(/<comments>https:\/\/news\.example\.org\/[^<]*counted-story#comments<\/comments>/);
    const json = await request(server()).get('/api/feeds/articles').expect(200);
    expect(json.body.data.find((a: { documentId: string }) => a.documentId === counted.documentId).commentCount).toBe(2);
  });
});

describe('rate limits', () => {
  it('answers 429 past the per-account and per-address budgets', async () => {
    const config = app.strapi.config.get('plugin::comments') as Record<string, unknown>;
    const limited = await reader('Speedy S.');
    const second = await reader('Speedy Two');
    app.strapi.config.set('plugin::comments', { ...config, rateLimit: { accountPoints: 2, addressPoints: 3, durationSeconds: 60 } });
    try {
      await post(other.documentId, { body: 'One, quickly.' }, limited.jwt).expect(201);
      await post(other.documentId, { body: 'Two, quickly.' }, limited.jwt).expect(201);
      const before = await commentCount();
      const res = await post(other.documentId, { body: 'Three, too quickly.' }, limited.jwt).expect(429);
      expect(res.body.error.name).toBe('RateLimitError');
      // Same address, another account: the address has one point left.
      await post(other.documentId, { body: 'From the same address.' }, second.jwt).expect(201);
      await post(other.documentId, { body: 'Once more from the same address.' }, second.jwt).expect(429);
      expect(await commentCount()).toBe(before + 1);
    } finally {
      app.strapi.config.set('plugin::comments', config);
    }
  });
});

describe('GraphQL', () => {
  it('has the same queries, mutations, rules and errors', async () => {
    const standards = await gql('{ communityStandards(locale: "fr") { locale version standards { code title automatic } } }').expect(200);
    expect(standards.body.data.communityStandards).toEqual(expect.objectContaining({ locale: 'fr', version: 1 }));
    expect(standards.body.data.communityStandards.standards[0]).toEqual({ code: 'off-topic', title: 'Hors sujet', automatic: false });

    const lee = await reader('Lee L.', { accept: false });
    const postQ = 'mutation($d: ID!, $b: String!, $p: Int) { postComment(documentId: $d, body: $b, parent: $p) { id body html status heldFor threadId parentId author { displayName } } }';
    const early = await gql(postQ, { d: story.documentId, b: 'Via GraphQL.' }, lee.jwt);
    expect(early.body.errors[0].extensions.error.name).toBe('StandardsAcceptanceRequired');
    const anon = await gql(postQ, { d: story.documentId, b: 'Anonymous.' });
    expect(anon.body.errors[0].extensions.error.name).toBe('ForbiddenError');
    const wrong = await gql('mutation { acceptCommunityStandards(version: 9) { acceptanceRequired } }', undefined, lee.jwt);
    expect(wrong.body.errors[0].extensions.error.name).toBe('ValidationError');
    const accepted = await gql('mutation { acceptCommunityStandards(version: 1) { acceptedVersion acceptanceRequired } }', undefined, lee.jwt).expect(200);
    expect(accepted.body.data.acceptCommunityStandards).toEqual({ acceptedVersion: 1, acceptanceRequired: false });

    const made = await gql(postQ, { d: story.documentId, b: 'Via <i>GraphQL</i>.' }, lee.jwt).expect(200);
    const c = made.body.data.postComment;
    expect(c).toEqual(expect.objectContaining({ body: 'Via <i>GraphQL</i>.', status: 'approved', parentId: null, author: { displayName: 'Lee L.' } }));
    expect(c.html).toContain('&lt;i&gt;');
    const reply = await gql(postQ, { d: story.documentId, b: 'Replying via GraphQL.', p: c.id }, lee.jwt).expect(200);
    expect(reply.body.data.postComment.threadId).toBe(c.id);
    const wrongParent = await gql(postQ, { d: other.documentId, b: 'Wrong article.', p: c.id }, lee.jwt);
    expect(wrongParent.body.errors[0].extensions.error.name).toBe('ValidationError');
    const blank = await gql(postQ, { d: story.documentId, b: '   ' }, lee.jwt);
    expect(blank.body.errors[0].extensions.error.name).toBe('ValidationError');
    const missing = await gql(postQ, { d: 'nope', b: 'Where?' }, lee.jwt);
    expect(missing.body.errors[0].extensions.error.name).toBe('NotFoundError');

    const page = await gql('query($d: ID!) { articleComments(documentId: $d, limit: 100, sort: "newest") { commentCount pagination { hasMore nextCursor } comments { id replies { id } } } }', { d: story.documentId }).expect(200);
    const found = page.body.data.articleComments.comments.find((t: { id: number }) => t.id === c.id);
    expect(found.replies).toEqual([{ id: reply.body.data.postComment.id }]);
    const badLimit = await gql('query($d: ID!) { articleComments(documentId: $d, limit: 0) { commentCount } }', { d: story.documentId });
    expect(badLimit.body.errors[0].extensions.error.name).toBe('ValidationError');

    const edited = await gql('mutation($id: Int!) { editComment(id: $id, body: "Edited via GraphQL.") { body editedAt } }', { id: c.id }, lee.jwt).expect(200);
    expect(edited.body.data.editComment.body).toBe('Edited via GraphQL.');
    const mallory = await reader('Mallory M.');
    const foreign = await gql('mutation($id: Int!) { editComment(id: $id, body: "Not mine.") { body } }', { id: c.id }, mallory.jwt);
    expect(foreign.body.errors[0].extensions.error.name).toBe('NotYourComment');
    const deleted = await gql('mutation($id: Int!) { deleteComment(id: $id) { id deleted tombstone } }', { id: c.id }, lee.jwt).expect(200);
    expect(deleted.body.data.deleteComment).toEqual({ id: c.id, deleted: true, tombstone: true });
  });
});

describe('permissions and personal data', () => {
  it('grants the public role reading only', async () => {
    const role = await app.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const actions = (await app.strapi.db.query('plugin::users-permissions.permission').findMany({ where: { role: role.id, action: { $startsWith: 'plugin::comments.' } } })).map((p: { action: string }) => p.action).sort();
    expect(actions).toEqual(['plugin::comments.comments.list', 'plugin::comments.standards.list']);
  });

  it('exports and erases a reader’s comments data through the accounts convention', async () => {
    const nia = await reader('Nia N.');
    const omar = await reader('Omar O.');
    const root = (await post(story.documentId, { body: 'Nia’s root with a reply.' }, nia.jwt).expect(201)).body.data;
    await post(story.documentId, { body: 'Omar replies.', parent: root.id }, omar.jwt).expect(201);
    const solo = (await post(other.documentId, { body: 'Nia alone.' }, nia.jwt).expect(201)).body.data;
    const accounts = app.strapi.plugin('accounts').service('personal-data');
    const exported = (await accounts.exportEverywhere(nia.id)).comments;
    expect(exported.comments.map((c: { body: string }) => c.body)).toEqual(['Nia’s root with a reply.', 'Nia alone.']);
    expect(exported.standardsAcceptances).toEqual([expect.objectContaining({ version: 1 })]);
    expect(exported).toEqual(expect.objectContaining({ reports: [], blocks: [], appeals: [], moderationLog: [] }));

    await app.strapi.plugin('comments').service('personal-data').erase(nia.id);
    expect(await app.strapi.db.query(COMMENT).findOne({ where: { id: solo.id } })).toBeNull();
    const tomb = await app.strapi.db.query(COMMENT).findOne({ where: { id: root.id } });
    expect(tomb).toEqual(expect.objectContaining({ status: 'deleted', body: '', authorId: 0 }));
    expect(await app.strapi.db.query(ACCEPTANCE).count({ where: { userId: nia.id } })).toBe(0);
    expect(await app.strapi.db.query(COMMENT).count({ where: { authorId: nia.id } })).toBe(0);
  });
});

describe('a new version of the rules, and the privacy consent', () => {
  it('asks for acceptance again after a new standards version is published', async () => {
    const pat = await reader('Pat P.');
    await post(story.documentId, { body: 'Under version 1.' }, pat.jwt).expect(201);
    await publishStandardsVersion(app.strapi, 2);
    const res = await post(story.documentId, { body: 'Under version 2?' }, pat.jwt).expect(403);
    expect(res.body.error).toEqual(expect.objectContaining({ name: 'StandardsAcceptanceRequired', details: expect.objectContaining({ version: 2 }) }));
    await auth(request(server()).post('/api/community-standards/accept'), pat.jwt).send({ version: 1 }).expect(400);
    await auth(request(server()).post('/api/community-standards/accept'), pat.jwt).send({ version: 2 }).expect(200);
    await post(story.documentId, { body: 'Under version 2.' }, pat.jwt).expect(201);
  });

  it('needs the current privacy consent (plugin::accounts.consent-current)', async () => {
    const quinn = await reader('Quinn Q.');
    const current = await app.strapi.plugin('accounts').service('policy').current();
    await app.strapi.documents(POLICY as never).create({ data: { version: (current?.version ?? 1) + 1, text: 'A newer policy.' } as never, status: 'published' } as never);
    const before = await commentCount();
    const res = await post(story.documentId, { body: 'Before re-consenting.' }, quinn.jwt).expect(403);
    expect(res.body.error.name).toBe('ConsentRequired');
    expect(await commentCount()).toBe(before);
  });
});
