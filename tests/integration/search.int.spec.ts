// Search as the site calls it, on SQLite and (with DATABASE_URL) PostgreSQL: the same fixture,
// the same cases and the same expected ranking order on both engines (the parity suite), kept
// in step with publishing, HTTP caching, GraphQL and hostile input.
import request from 'supertest';
import { startApp, runJobNow, type TestApp } from '../helpers/strapi';
import { createArticle, createPhoto, createSection, type Doc } from '../helpers/fixtures';

let app: TestApp;
let politics: Doc;
let world: Doc;
let tag: Doc;
let captionPhoto: Doc;
const docs: Record<string, Doc> = {};

const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);
const ARTICLE = 'api::article.article';

async function search(query: Record<string, string>) {
  const res = await request(app.server).get('/api/search').query(query);
  if (res.status !== 200) throw new Error(`search ${JSON.stringify(query)}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { data: Array<{ documentId: string; title: string; snippet: string; score: number; url: string; section: { name: string; slug: string } | null; leadPhoto: { caption: string; creditLine: string | null } | null }>; meta: { pagination: { nextCursor: string | null; total: number } } };
}
const titles = async (q: string, extra: Record<string, string> = {}) => (await search({ q, ...extra })).data.map((h) => h.title);

/** Publication time fixed (as the seed does), then re-indexed, so "newest first on equal rank" is known. */
async function publishedDaysAgo(doc: Doc, days: number) {
  await app.strapi.db.query(ARTICLE).updateMany({ where: { documentId: doc.documentId }, data: { firstPublishedAt: daysAgo(days) } });
  await app.strapi.plugin('search').service('indexer').syncNow([doc.documentId]);
}

async function publishEdit(documentId: string, data: Record<string, unknown>) {
  await app.strapi.documents(ARTICLE).update({ documentId, data } as never);
  await app.strapi.documents(ARTICLE).publish({ documentId } as never);
}

beforeAll(async () => {
  app = await startApp({ SITE_URL: 'https://news.example' });
  const { strapi } = app;
  politics = await createSection(strapi, 'Politics', { slug: 'politics' });
  world = await createSection(strapi, 'World', { slug: 'world' });
  tag = (await strapi.documents('api::tag.tag').create({ data: { name: 'Vote 2026', slug: 'vote-2026' } } as never)) as Doc;
  captionPhoto = await createPhoto(strapi, { caption: 'Voters queue at an election station' });
  const unusedPhoto = await createPhoto(strapi, { caption: 'Election night fireworks over the harbour' });
  void unusedPhoto;
  const plain = (title: string, extra: Record<string, unknown> = {}) => createArticle(strapi, { title, section: world.documentId, ...extra });
  docs.title = await plain('Election results announced in the capital', { section: politics.documentId, tags: [tag.documentId] });
  docs.lede = await plain('Markets stay calm', { standfirst: 'Traders watch the election closely' });
  docs.body = await plain('Weather turns', { body: [{ __component: 'blocks.rich-text', body: 'It rained all **election** day in the north.' }] });
  docs.caption = await plain('Crowds gather downtown', { leadPhoto: captionPhoto.documentId });
  docs.phrase = await plain('Referendum on the new constitution', { body: [{ __component: 'blocks.quote', text: 'Voters rejected the constitution' }] });
  docs.football = await plain('Football final goes to extra time');
  docs.twinOld = await plain('Harbour festival opens');
  docs.twinNew = await plain('Harbour festival opens');
  docs.unpublished = await plain('Election recount ends');
  await createArticle(strapi, { title: 'Secret election strategy leaked', section: world.documentId }, { publish: false });
  await strapi.plugin('i18n').service('locales').create({ code: 'ru', name: 'Russian (ru)' });
  docs.russian = (await strapi.documents(ARTICLE).create({ locale: 'ru', data: { title: 'Выборы в столице', standfirst: 'Избиратели пришли на участки', section: world.documentId }, status: 'published' } as never)) as Doc;
  await strapi.plugin('i18n').service('locales').create({ code: 'fr', name: 'French (fr)' });
  for (const title of ['Le directeur général démissionne', "Générer de l'électricité sans charbon"]) {
    await strapi.documents(ARTICLE).create({ locale: 'fr', data: { title, section: world.documentId }, status: 'published' } as never);
  }
  const days: Record<string, number> = { title: 1, lede: 2, body: 3, caption: 4, phrase: 5, football: 6, twinOld: 9, twinNew: 8 };
  for (const [name, d] of Object.entries(days)) await publishedDaysAgo(docs[name], d);
  await strapi.documents(ARTICLE).unpublish({ documentId: docs.unpublished.documentId } as never);
});

afterAll(async () => {
  await app?.stop();
});

describe('ranking (the same order on SQLite and PostgreSQL)', () => {
  it('ranks a title match over kicker/standfirst, body, then caption; stemming finds "election" for "elections"', async () => {
    expect(await titles('elections ')).toEqual([
      'Election results announced in the capital',
      'Markets stay calm',
      'Weather turns',
      'Crowds gather downtown',
    ]);
  });

  it('puts the newest first on equal rank', async () => {
    const res = await search({ q: 'harbour festival' });
    expect(res.data.map((h) => h.documentId)).toEqual([docs.twinNew.documentId, docs.twinOld.documentId]);
    expect(res.data[0].score).toBe(res.data[1].score);
  });

  it('requires every word, excludes -words, and matches either side of "or"', async () => {
    expect(await titles('election capital ')).toEqual(['Election results announced in the capital']);
    expect(await titles('election -markets -weather')).toEqual(['Election results announced in the capital', 'Crowds gather downtown']);
    expect((await titles('football or referendum')).sort()).toEqual(['Football final goes to extra time', 'Referendum on the new constitution']);
  });

  it('matches an exact phrase and only in that order', async () => {
    expect(await titles('"new constitution"')).toEqual(['Referendum on the new constitution']);
    expect(await titles('"constitution new"')).toEqual([]);
  });

  it('matches the last word as a prefix while the reader types', async () => {
    expect(await titles('referen')).toEqual(['Referendum on the new constitution']);
    expect(await titles('referen ')).toEqual([]);
  });

  it('finds Cyrillic stories in their own locale only', async () => {
    expect(await titles('выборы', { locale: 'ru' })).toEqual(['Выборы в столице']);
    expect(await titles('избиратели', { locale: 'ru' })).toEqual(['Выборы в столице']);
    expect(await titles('выборы')).toEqual([]);
  });

  it('searches other locales with their own rules, not the English stemmer', async () => {
    // English stemming would make "général" and "générer" one word ("gener"); French keeps them apart.
    expect(await titles('général ', { locale: 'fr' })).toEqual(['Le directeur général démissionne']);
    expect(await titles('électricité', { locale: 'fr' })).toEqual(["Générer de l'électricité sans charbon"]);
    // A word's other forms: PostgreSQL's russian stemmer, SQLite's prefix match.
    expect(await titles('выбор ', { locale: 'ru' })).toEqual(['Выборы в столице']);
  });

  it('filters by section, tag and dates', async () => {
    expect(await titles('election', { section: 'politics' })).toEqual(['Election results announced in the capital']);
    expect(await titles('election', { tag: 'vote-2026' })).toEqual(['Election results announced in the capital']);
    expect(await titles('election', { section: 'no-such-section' })).toEqual([]);
    const from = daysAgo(3.5).toISOString();
    expect(await titles('election', { from })).toEqual(['Election results announced in the capital', 'Markets stay calm', 'Weather turns']);
    expect(await titles('election', { to: daysAgo(2.5).toISOString() })).toEqual(['Weather turns', 'Crowds gather downtown']);
  });
});

describe('hits', () => {
  it('carry the canonical URL, section, lead photo with caption and credit, an escaped snippet with <mark> and a score', async () => {
    const res = await search({ q: 'election' });
    const caption = res.data.find((h) => h.title === 'Crowds gather downtown')!;
    expect(caption.url).toMatch(/^https:\/\/news\.example\/world\//);
    expect(caption.section).toMatchObject({ name: 'World', slug: 'world' });
    expect(caption.leadPhoto).toMatchObject({ caption: 'Voters queue at an election station', creditLine: expect.stringContaining('AP Photo') });
    const body = res.data.find((h) => h.title === 'Weather turns')!;
    expect(body.snippet).toMatch(/<mark>election<\/mark>/i);
    expect(body.snippet).not.toContain('**');
    for (const h of res.data) expect(typeof h.score).toBe('number');
    expect(res.meta.pagination.total).toBe(4);
  });

  it('escape HTML in stories, marking only the matched words', async () => {
    const doc = await createArticle(app.strapi, { title: 'Markup test', standfirst: '<script>alert(1)</script> zanzibar & "quotes"', section: world.documentId });
    const [hit] = (await search({ q: 'zanzibar' })).data;
    expect(hit.documentId).toBe(doc.documentId);
    expect(hit.snippet).not.toMatch(/<script>/);
    expect(hit.snippet).toContain('&amp; &quot;quotes'); // PostgreSQL's headline parser drops the tag itself; SQLite escapes it
    expect(hit.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
    await app.strapi.documents(ARTICLE).delete({ documentId: doc.documentId } as never);
    expect(await titles('zanzibar')).toEqual([]);
  });

  it('page with a cursor that belongs to its query', async () => {
    const first = await search({ q: 'election', limit: '2' });
    expect(first.data).toHaveLength(2);
    const second = await search({ q: 'election', limit: '2', cursor: first.meta.pagination.nextCursor! });
    expect(second.data.map((h) => h.title)).toEqual(['Weather turns', 'Crowds gather downtown']);
    expect(second.meta.pagination.nextCursor).toBeNull();
    const other = await request(app.server).get('/api/search').query({ q: 'football', cursor: first.meta.pagination.nextCursor! });
    expect(other.status).toBe(400);
    expect(other.body.error.message).toMatch(/cursor/i);
  });
});

describe('only published content', () => {
  it('never finds a draft, an unpublished story or a photo no published story shows', async () => {
    expect(await titles('secret strategy')).toEqual([]);
    expect(await titles('recount')).toEqual([]);
    expect(await titles('fireworks')).toEqual([]);
  });

  it('finds a published edit at once and ignores a draft edit', async () => {
    await publishEdit(docs.football.documentId, { title: 'Football final ends in zebra crossing chaos' });
    expect(await titles('zebra')).toEqual(['Football final ends in zebra crossing chaos']);
    await app.strapi.documents(ARTICLE).update({ documentId: docs.football.documentId, data: { title: 'Football unicorn draft' } } as never);
    expect(await titles('unicorn')).toEqual([]);
    expect(await titles('zebra')).toEqual(['Football final ends in zebra crossing chaos']);
  });

  it('drops an unpublished story and brings it back on publish', async () => {
    await app.strapi.documents(ARTICLE).unpublish({ documentId: docs.phrase.documentId } as never);
    expect(await titles('referendum')).toEqual([]);
    await app.strapi.documents(ARTICLE).publish({ documentId: docs.phrase.documentId } as never);
    expect(await titles('referendum')).toEqual(['Referendum on the new constitution']);
  });

  it('follows a caption change, a section rename and a tag rename', async () => {
    await app.strapi.documents('api::photo.photo').update({ documentId: captionPhoto.documentId, data: { caption: 'Voters queue at a polling station' } } as never);
    expect(await titles('election')).not.toContain('Crowds gather downtown');
    expect(await titles('polling')).toEqual(['Crowds gather downtown']);
    await app.strapi.documents('api::section.section').update({ documentId: politics.documentId, data: { name: 'Government' } } as never);
    expect((await search({ q: 'capital' })).data[0].section).toMatchObject({ name: 'Government' });
    await app.strapi.documents('api::tag.tag').update({ documentId: tag.documentId, data: { name: 'Ballot' } } as never);
    expect(await titles('ballot')).toEqual(['Election results announced in the capital']);
  });

  it('never fails the editor save when indexing fails, and catches up through the retry job', async () => {
    const indexer = app.strapi.plugin('search').service('indexer');
    const engine = indexer.engine();
    const replace = engine.replace;
    engine.replace = async () => {
      throw new Error('index unavailable');
    };
    try {
      await publishEdit(docs.twinOld.documentId, { title: 'Harbour festival opens with quokka parade' });
    } finally {
      engine.replace = replace;
    }
    expect(await titles('quokka')).toEqual([]);
    expect(await app.strapi.plugin('search').service('indexer').retryPending()).toEqual({ retried: 1, failed: 0 });
    expect(await titles('quokka')).toEqual(['Harbour festival opens with quokka parade']);
  });

  it('leaves a change touching more than 200 stories to the job instead of the editor request', async () => {
    const indexer = app.strapi.plugin('search').service('indexer');
    const ids = Array.from({ length: 201 }, (_, i) => `not-indexed-${i}`);
    await indexer.sync([...ids, docs.title.documentId]);
    expect(await indexer.retryPending()).toEqual({ retried: 202, failed: 0 });
    expect(await indexer.retryPending()).toEqual({ retried: 0, failed: 0 });
    expect(await titles('capital')).toEqual(['Election results announced in the capital']);
  });

  it('rebuilds the same index from scratch (npm run search:reindex)', async () => {
    const before = await titles('election');
    const knex = app.strapi.db.connection;
    await knex('search_documents').where({ document_id: docs.title.documentId }).del();
    await knex('search_documents').insert({
      document_id: 'gone', locale: 'en', published_ms: Date.now(), title: 'Election ghost', payload: '{}', indexed_ms: 0,
      ...(app.strapi.db.dialect.client === 'postgres' ? { config: 'english', tsv: knex.raw("to_tsvector('english', 'Election ghost')") } : {}),
    });
    const result = await app.strapi.plugin('search').service('indexer').reindex({ fresh: true, batchSize: 3 });
    expect(result.removed).toBe(1);
    expect(await titles('election')).toEqual(before);
  });

  it('writes a batch of stories in a few statements, whatever its size, and finds them all again', async () => {
    // SQLite: the FTS5 tables are kept by triggers and FTS5 writes an index segment per statement
    // (merging 16 at a time), so two statements per story made a 100,000-story rebuild crawl.
    const knex = app.strapi.db.connection;
    const indexer = app.strapi.plugin('search').service('indexer');
    const ids = ((await knex('search_documents').distinct('document_id')) as Array<{ document_id: string }>).map((r) => r.document_id);
    expect(ids.length).toBeGreaterThanOrEqual(10);
    const rows = await indexer.rowsOf(ids);
    const before = await titles('election');
    let statements = 0;
    const count = () => (statements += 1);
    knex.on('query', count);
    try {
      await indexer.engine().replace(rows);
    } finally {
      knex.off('query', count);
    }
    // BEGIN/COMMIT, one DELETE, one INSERT per 200 rows (one per row on PostgreSQL), the headline words.
    if (app.strapi.db.dialect.client !== 'postgres') expect(statements).toBeLessThanOrEqual(6);
    expect(await titles('election')).toEqual(before);
  });

  it('resumes an interrupted rebuild after its last finished batch', async () => {
    const indexer = app.strapi.plugin('search').service('indexer');
    const before = await titles('election');
    const seen: number[] = [];
    await expect(
      indexer.reindex({
        fresh: true,
        batchSize: 2,
        onProgress: (done: number) => {
          if (done >= 4) throw new Error('interrupted');
        },
      }),
    ).rejects.toThrow('interrupted');
    expect(JSON.parse(await indexer.engine().getState('reindex'))).toMatchObject({ done: 4 });
    const resumed = await indexer.reindex({ batchSize: 2, onProgress: (done: number) => seen.push(done) });
    expect(seen[0]).toBe(6); // carried on from the checkpoint instead of starting over
    const published = await app.strapi.db.connection('articles').whereNotNull('published_at').countDistinct({ n: 'document_id' });
    expect(resumed.indexed).toBe(Number(published[0].n));
    expect(await indexer.engine().getState('reindex')).toBeNull();
    expect(await titles('election')).toEqual(before);
  });
});

describe('suggest', () => {
  it('completes headlines from a prefix and within one typo', async () => {
    const res = await request(app.server).get('/api/search/suggest').query({ q: 'electi' });
    expect(res.status).toBe(200);
    expect(res.body.data.map((s: { title: string }) => s.title)).toEqual(['Election results announced in the capital']);
    const typo = await request(app.server).get('/api/search/suggest').query({ q: 'elecion' });
    expect(typo.body.data.map((s: { title: string }) => s.title)).toContain('Election results announced in the capital');
    expect(typo.body.data[0]).toMatchObject({ url: expect.stringMatching(/^https:\/\/news\.example\//) });
  });

  it('fills the headline words of an index built before they were kept (an upgrade), once', async () => {
    const knex = app.strapi.db.connection;
    const terms = async () => Number((await knex('search_terms').count({ n: '*' }))[0].n);
    await knex('search_terms').del();
    const gone = await request(app.server).get('/api/search/suggest').query({ q: 'electon' });
    expect(gone.body.data).toEqual([]); // nothing to correct against
    await runJobNow(app.strapi, 'search-terms-backfill');
    const filled = await terms();
    expect(filled).toBeGreaterThan(0);
    const back = await request(app.server).get('/api/search/suggest').query({ q: 'elction' });
    expect(back.body.data.map((s: { title: string }) => s.title)).toContain('Election results announced in the capital');
    const weights = async () => Number((await knex('search_terms').sum({ w: 'weight' }))[0].w);
    const weighed = await weights();
    await runJobNow(app.strapi, 'search-terms-backfill'); // terms present: nothing added twice
    expect([await terms(), await weights()]).toEqual([filled, weighed]);
  });
});

describe('HTTP and GraphQL', () => {
  it('sends the feeds caching headers and answers 304 to a matching ETag', async () => {
    const res = await request(app.server).get('/api/search').query({ q: 'election' });
    expect(res.headers['cache-control']).toMatch(/public, max-age=\d+/);
    expect(res.headers.etag).toBeTruthy();
    expect(res.headers['surrogate-key']).toContain(`article:${docs.title.documentId}`);
    const again = await request(app.server).get('/api/search').query({ q: 'election' }).set('If-None-Match', res.headers.etag);
    expect(again.status).toBe(304);
    const other = await request(app.server).get('/api/search').query({ q: 'football' });
    expect(other.body.data.map((h: { title: string }) => h.title)).not.toEqual(res.body.data.map((h: { title: string }) => h.title));
  });

  it('offers search and searchSuggest over GraphQL', async () => {
    const res = await request(app.server)
      .post('/graphql')
      .send({ query: '{ search(q: "elections", first: 2) { total hits { title snippet url section { slug } } pageInfo { hasNextPage endCursor } } searchSuggest(q: "referen") { title } }' });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.search.hits.map((h: { title: string }) => h.title)).toEqual(['Election results announced in the capital', 'Markets stay calm']);
    expect(res.body.data.search.pageInfo.hasNextPage).toBe(true);
    expect(res.body.data.searchSuggest).toEqual([{ title: 'Referendum on the new constitution' }]);
    const page2 = await request(app.server)
      .post('/graphql')
      .send({ query: 'query($a: String) { search(q: "elections", first: 2, after: $a) { hits { title } } }', variables: { a: res.body.data.search.pageInfo.endCursor } });
    // The caption that matched "election" was changed above.
    expect(page2.body.data.search.hits.map((h: { title: string }) => h.title)).toEqual(['Weather turns']);
    const bad = await request(app.server).post('/graphql').send({ query: '{ search(q: "x", first: 1000) { total } }' });
    expect(bad.body.errors[0].message).toMatch(/first must be from 1 to 50/);
  });
});

describe('bad input', () => {
  const hostile = [
    'NEAR(election', 'election:*', 'a & b', 'a | b', '!election', '*', '"unbalanced', '-', '""', '-election', 'OR', 'or or or',
    "'; DROP TABLE search_documents; --", 'title:election', '{title}: x', 'election^2', 'elec\u0007tion', '🗳️ election 🎉', '\\', "it's", ')))(((', 'NOT', 'AND',
  ];
  it.each(hostile)('answers %j with 200 and never a database error', async (q) => {
    const res = await request(app.server).get('/api/search').query({ q });
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body.data)).toBe(true);
    const suggest = await request(app.server).get('/api/search/suggest').query({ q });
    expect(suggest.status).toBe(200);
  });

  it.each([
    [{}, /q is required/],
    [{ q: '   ' }, /q is required/],
    [{ q: 'x'.repeat(10_000) }, /too long/], // 10 kB
    [{ q: 'election', limit: '1000' }, /limit must be from 1 to 50/],
    [{ q: 'election', limit: 'abc' }, /limit must be a whole number/],
    [{ q: 'election', locale: 'xx' }, /Unknown locale/],
    [{ q: 'election', locale: '../etc' }, /locale must be a locale code/],
    [{ q: 'election', cursor: 'forged.cursor' }, /cursor/],
    [{ q: 'election', from: 'yesterday' }, /from must be a date/],
    [{ q: 'election', section: "x' OR 1=1" }, /section must be a slug/],
    [{ q: 'election', lookup: '1' }, /Unknown parameter "lookup"/],
    [{ q: ['a', 'b'] }, /q must be given once/],
    [{ q: '\u0000election' }, /NUL|null|control/i],
  ] as Array<[Record<string, unknown>, RegExp]>)('refuses bad parameters (case %#) with a clear 400', async (query, message) => {
    const res = await request(app.server).get('/api/search').query(query);
    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('ValidationError');
    expect(res.body.error.message).toMatch(message);
  });

  it('counts a query of many words as too many terms', async () => {
    const res = await request(app.server).get('/api/search').query({ q: Array.from({ length: 20 }, (_, i) => `w${i}`).join(' ') });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/too many terms/);
  });
});

describe('a common word (PostgreSQL ranks the stories with it in the headline first)', () => {
  const expected: string[] = [];
  beforeAll(async () => {
    const { strapi } = app;
    const made: Array<[string, Record<string, unknown>, number]> = [];
    // Eleven headlines with the word (one more than a page), equal in rank, oldest last.
    for (let i = 0; i < 11; i += 1) made.push([`Lighthouse keeper log ${String.fromCharCode(97 + i)}`, {}, 20 + i]);
    // Newer than all of them but ranked below: the word only in the standfirst, then only in the body
    // (two bodies of one length with the word at one place: equal in rank, the newer first).
    made.push(['Coastal guard changes hands', { standfirst: 'A new lighthouse keeper is chosen' }, 10]);
    made.push(['Ferry timetable grows', { body: [{ __component: 'blocks.rich-text', body: 'Ferries pass the lighthouse twice a day.' }] }, 11]);
    made.push(['Storm season ends', { body: [{ __component: 'blocks.rich-text', body: 'Waves reached the lighthouse again this year.' }] }, 12]);
    for (const [title, extra, days] of made) {
      const doc = await createArticle(strapi, { title, section: world.documentId, ...extra });
      await publishedDaysAgo(doc, days);
      expected.push(title);
    }
  });

  it('pages through every match once in the one ranking order, headline matches, then standfirst, then body', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let firstTotal = 0;
    for (let page = 0; page < 5; page += 1) {
      const res = await search({ q: 'lighthouse', limit: '10', ...(cursor ? { cursor } : {}) });
      if (page === 0) firstTotal = res.meta.pagination.total;
      seen.push(...res.data.map((h) => h.title));
      cursor = res.meta.pagination.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(expected);
    // Estimated when the first page came from the headline pass: at least one more than the page.
    expect(firstTotal).toBeGreaterThanOrEqual(11);
    // The word being typed ranks as the word itself, excluded words do not change the order.
    expect((await search({ q: 'lighthouse', limit: '10' })).data.map((h) => h.title)).toEqual(expected.slice(0, 10));
    expect(await titles('lighthouse -b')).toEqual(expected.filter((t) => t !== 'Lighthouse keeper log b').slice(0, 10));
    expect(await titles('lighthouse -keeper')).toEqual(['Ferry timetable grows', 'Storm season ends']);
  });
});
