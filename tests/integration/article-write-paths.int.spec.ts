// Related-story links are checked on every way an article is written (Document Service, REST
// with and without `status`, GraphQL, the admin), and API tokens are integrations: they read
// drafts, while anonymous and logged-in readers never do.
import request from 'supertest';
import { startApp, fullAccessToken, type TestApp } from '../helpers/strapi';
import { createArticle, createSection, type Doc } from '../helpers/fixtures';
import { confirmedReader } from '../helpers/accounts';

const ARTICLE = 'api::article.article';
const LINK = 'article.related-story-link';

type Data = Record<string, unknown>;
type Outcome = { ok: true } | { ok: false; message: string };

let app: TestApp;
let section: Doc;
let target: Doc;
let token: string;
let admin: Record<string, string>;
let seq = 0;

beforeAll(async () => {
  app = await startApp();
  section = await createSection(app.strapi, 'World');
  target = await createArticle(app.strapi, { title: 'The earlier story', section: section.documentId });
  token = await fullAccessToken(app.strapi);
  const role = await app.strapi.service('admin::role').getSuperAdmin();
  await app.strapi.service('admin::user').create({ email: 'desk@example.com', firstname: 'Desk', password: 'Desk-Editor-1', isActive: true, roles: [role.id] });
  const login = await request(app.server).post('/admin/login').send({ email: 'desk@example.com', password: 'Desk-Editor-1' }).expect(200);
  admin = { Authorization: `Bearer ${login.body.data.token}` };
});

afterAll(async () => {
  await app?.stop();
});

const bearer = () => ({ Authorization: `Bearer ${token}` });

/** The link cases: what an editor or integration might send, and whether it must be stored. */
const CASES: Array<{ name: string; link: () => Data; valid: boolean; message: RegExp }> = [
  { name: 'both an article and a URL', link: () => ({ article: target.documentId, url: 'https://example.org/both' }), valid: false, message: /not both/ },
  { name: 'neither target', link: () => ({ label: 'Background' }), valid: false, message: /needs a target/ },
  { name: 'a javascript: URL', link: () => ({ url: 'javascript:alert(document.domain)' }), valid: false, message: /not an absolute http\(s\) URL/ },
  { name: 'a valid article', link: () => ({ article: target.documentId, label: 'Earlier' }), valid: true, message: /./ },
  { name: 'a valid URL', link: () => ({ url: 'https://example.org/background', titleOverride: 'Background' }), valid: true, message: /./ },
];

/** Where the link sits: the article's list of related links, or a related-story body block. */
const PLACES: Array<{ name: string; data: (link: Data) => Data }> = [
  { name: 'relatedLinks', data: (link) => ({ relatedLinks: [link] }) },
  { name: 'a body block', data: (link) => ({ body: [{ __component: 'blocks.related-story', link }] }) },
];

/** The admin's relation format inside components. */
const adminLink = (link: Data): Data => (link.article ? { ...link, article: { connect: [{ documentId: link.article }] } } : link);
const adminData = (data: Data): Data => ({
  ...data,
  ...(data.relatedLinks ? { relatedLinks: (data.relatedLinks as Data[]).map(adminLink) } : {}),
  ...(data.body ? { body: (data.body as Data[]).map((b) => ({ ...b, link: adminLink(b.link as Data) })) } : {}),
});

/** GraphQL names dynamic-zone blocks by type name. */
const graphqlData = (data: Data): Data =>
  data.body ? { ...data, body: (data.body as Data[]).map(({ __component: _c, ...block }) => ({ __typename: 'ComponentBlocksRelatedStory', ...block })) } : data;

const httpOutcome = (res: request.Response): Outcome =>
  res.status < 300 ? { ok: true } : res.status === 400 ? { ok: false, message: String(res.body?.error?.message) } : { ok: false, message: `HTTP ${res.status}: ${JSON.stringify(res.body)}` };

const graphqlOutcome = (res: request.Response): Outcome => {
  const error = res.body.errors?.[0];
  if (!error) return { ok: true };
  return error.extensions?.error?.name === 'ValidationError' || error.extensions?.code === 'BAD_USER_INPUT'
    ? { ok: false, message: String(error.message) }
    : { ok: false, message: `unexpected: ${JSON.stringify(error)}` };
};

async function thrownOutcome(write: () => Promise<unknown>): Promise<Outcome> {
  try {
    await write();
    return { ok: true };
  } catch (error) {
    const e = error as { name?: string; message?: string };
    return { ok: false, message: e.name === 'ValidationError' ? String(e.message) : `unexpected ${e.name}: ${e.message}` };
  }
}

const newTitle = () => `Write path story ${++seq}`;
const draftFor = (title: string) => createArticle(app.strapi, { title, section: section.documentId }, { publish: false });

const GRAPHQL_CREATE = 'mutation($data: ArticleInput!, $status: PublicationStatus) { createArticle(data: $data, status: $status) { documentId } }';
const GRAPHQL_UPDATE = 'mutation($id: ID!, $data: ArticleInput!, $status: PublicationStatus) { updateArticle(documentId: $id, data: $data, status: $status) { documentId } }';

/**
 * Every write path. `write` stores an article titled `title` with `data` (creating it or, for
 * updates and publishes, writing to a draft made beforehand) and reports the outcome.
 */
const PATHS: Array<{ name: string; creates: boolean; write: (title: string, data: Data) => Promise<Outcome> }> = [
  {
    name: 'Document Service create (draft)',
    creates: true,
    write: (title, data) => thrownOutcome(() => app.strapi.documents(ARTICLE).create({ data: { title, section: section.documentId, ...data } } as never)),
  },
  {
    name: 'Document Service create, published',
    creates: true,
    write: (title, data) => thrownOutcome(() => app.strapi.documents(ARTICLE).create({ data: { title, section: section.documentId, ...data }, status: 'published' } as never)),
  },
  {
    name: 'Document Service update',
    creates: false,
    write: async (title, data) => {
      const draft = await draftFor(title);
      return thrownOutcome(() => app.strapi.documents(ARTICLE).update({ documentId: draft.documentId, data } as never));
    },
  },
  {
    name: 'Document Service publish of a draft stored before the rule',
    creates: false,
    write: async (title, data) => {
      const draft = await storedWithoutRules(title, data);
      return thrownOutcome(() => app.strapi.documents(ARTICLE).publish({ documentId: draft.documentId } as never));
    },
  },
  {
    name: 'REST create without status (token)',
    creates: true,
    write: async (title, data) => httpOutcome(await request(app.server).post('/api/articles').set(bearer()).send({ data: { title, section: section.documentId, ...data } })),
  },
  {
    name: 'REST create ?status=draft (token)',
    creates: true,
    write: async (title, data) =>
      httpOutcome(await request(app.server).post('/api/articles').query({ status: 'draft' }).set(bearer()).send({ data: { title, section: section.documentId, ...data } })),
  },
  {
    name: 'REST create ?status=published (token)',
    creates: true,
    write: async (title, data) =>
      httpOutcome(await request(app.server).post('/api/articles').query({ status: 'published' }).set(bearer()).send({ data: { title, section: section.documentId, ...data } })),
  },
  {
    name: 'REST update (token)',
    creates: false,
    write: async (title, data) => {
      const draft = await draftFor(title);
      return httpOutcome(await request(app.server).put(`/api/articles/${draft.documentId}`).set(bearer()).send({ data }));
    },
  },
  {
    name: 'REST update ?status=published (token)',
    creates: false,
    write: async (title, data) => {
      const draft = await draftFor(title);
      return httpOutcome(await request(app.server).put(`/api/articles/${draft.documentId}`).query({ status: 'published' }).set(bearer()).send({ data }));
    },
  },
  {
    name: 'GraphQL createArticle (token, draft)',
    creates: true,
    write: async (title, data) =>
      graphqlOutcome(
        await request(app.server).post('/graphql').set(bearer()).send({ query: GRAPHQL_CREATE, variables: { data: { title, section: section.documentId, ...graphqlData(data) }, status: 'DRAFT' } }),
      ),
  },
  {
    name: 'GraphQL updateArticle (token, published)',
    creates: false,
    write: async (title, data) => {
      const draft = await draftFor(title);
      return graphqlOutcome(await request(app.server).post('/graphql').set(bearer()).send({ query: GRAPHQL_UPDATE, variables: { id: draft.documentId, data: graphqlData(data), status: 'PUBLISHED' } }));
    },
  },
  {
    name: 'admin create',
    creates: true,
    write: async (title, data) =>
      httpOutcome(
        await request(app.server)
          .post(`/content-manager/collection-types/${ARTICLE}`)
          .set(admin)
          .send({ title, section: { connect: [{ documentId: section.documentId }] }, ...adminData(data) }),
      ),
  },
  {
    name: 'admin update',
    creates: false,
    write: async (title, data) => {
      const draft = await draftFor(title);
      return httpOutcome(await request(app.server).put(`/content-manager/collection-types/${ARTICLE}/${draft.documentId}`).set(admin).send(adminData(data)));
    },
  },
  {
    name: 'admin save and publish',
    creates: false,
    write: async (title, data) => {
      const draft = await draftFor(title);
      return httpOutcome(await request(app.server).post(`/content-manager/collection-types/${ARTICLE}/${draft.documentId}/actions/publish`).set(admin).send(adminData(data)));
    },
  },
];

/**
 * A draft whose links were stored before the link rule existed: saved with a valid external
 * link, then the link row changed underneath, as old data or a direct import would leave it.
 */
async function storedWithoutRules(title: string, data: Data): Promise<Doc> {
  const inBody = Boolean(data.body);
  const placeholder = { url: 'https://example.org/placeholder' };
  const draft = (await app.strapi.documents(ARTICLE).create({
    data: { title, section: section.documentId, ...(inBody ? { body: [{ __component: 'blocks.related-story', link: placeholder }] } : { relatedLinks: [placeholder] }) },
  } as never)) as Doc;
  const link = (inBody ? (data.body as Data[])[0].link : (data.relatedLinks as Data[])[0]) as Data;
  const row = (await app.strapi.db.query(LINK).findOne({ where: { url: 'https://example.org/placeholder' }, orderBy: { id: 'desc' } })) as { id: number };
  const targetRow = link.article ? ((await app.strapi.db.query(ARTICLE).findOne({ where: { documentId: link.article, publishedAt: null } })) as { id: number }) : null;
  await app.strapi.db.query(LINK).update({ where: { id: row.id }, data: { url: (link.url as string) ?? null, article: targetRow ? targetRow.id : null, label: link.label ?? null } });
  return draft;
}

const rows = (title: string) => app.strapi.db.query(ARTICLE).findMany({ where: { title }, select: ['id', 'publishedAt'] }) as Promise<Array<{ publishedAt: unknown }>>;

async function storedLinks(title: string): Promise<Data[]> {
  const doc = (await app.strapi.documents(ARTICLE).findFirst({
    filters: { title },
    status: 'draft',
    populate: { relatedLinks: { populate: { article: { fields: ['documentId'] } } }, body: { on: { 'blocks.related-story': { populate: { link: { populate: { article: { fields: ['documentId'] } } } } } } } },
  } as never)) as { relatedLinks?: Data[]; body?: Data[] } | null;
  return [...(doc?.relatedLinks ?? []), ...(doc?.body ?? []).map((b) => b.link as Data)];
}

const table = PATHS.flatMap((path) => PLACES.flatMap((place) => CASES.map((c) => ({ path, place, c, label: `${path.name} · ${c.name} in ${place.name}` }))));

describe.each(table)('$label', ({ path, place, c }) => {
  it(c.valid ? 'is stored' : 'is refused with a 4xx message and changes nothing', async () => {
    const title = newTitle();
    const outcome = await path.write(title, place.data(c.link()));
    const stored = await rows(title);
    const links = await storedLinks(title);
    if (c.valid) {
      expect(outcome).toEqual({ ok: true });
      expect(links).toHaveLength(1);
      const link = c.link();
      if (link.article) expect((links[0].article as { documentId: string }).documentId).toBe(target.documentId);
      else expect(links[0].url).toBe(link.url);
    } else {
      expect(outcome).toEqual({ ok: false, message: expect.stringMatching(c.message) });
      // Nothing was created, and an existing draft was neither changed nor published.
      if (path.creates) expect(stored).toHaveLength(0);
      else expect(stored.filter((r) => r.publishedAt)).toHaveLength(0);
      if (!path.creates && path.name.indexOf('before the rule') < 0) expect(links).toHaveLength(0);
    }
  });
});

describe('API tokens read drafts; readers never do', () => {
  let draft: Doc;
  let readerJwt: string;

  beforeAll(async () => {
    draft = await createArticle(app.strapi, { title: 'Unpublished scoop', section: section.documentId }, { publish: false });
    readerJwt = (await confirmedReader(app)).jwt;
  });

  const listTitles = async (headers: Record<string, string>) => {
    const res = await request(app.server).get('/api/articles').query({ status: 'draft', pagination: { pageSize: 100 } }).set(headers).expect(200);
    return (res.body.data as Array<{ title: string }>).map((a) => a.title);
  };

  it('a full-access token lists and reads drafts over REST and GraphQL', async () => {
    expect(await listTitles(bearer())).toContain('Unpublished scoop');
    const one = await request(app.server).get(`/api/articles/${draft.documentId}`).query({ status: 'draft' }).set(bearer()).expect(200);
    expect(one.body.data.title).toBe('Unpublished scoop');
    const gql = await request(app.server).post('/graphql').set(bearer()).send({ query: '{ articles(status: DRAFT, pagination: { limit: 100 }) { title } }' }).expect(200);
    expect(gql.body.data.articles.map((a: { title: string }) => a.title)).toContain('Unpublished scoop');
  });

  it('anonymous and logged-in readers get published content only, whatever status they ask for', async () => {
    for (const headers of [{}, { Authorization: `Bearer ${readerJwt}` }]) {
      expect(await listTitles(headers)).not.toContain('Unpublished scoop');
      await request(app.server).get(`/api/articles/${draft.documentId}`).query({ status: 'draft' }).set(headers).expect(404);
      const gql = await request(app.server).post('/graphql').set(headers).send({ query: '{ articles(status: DRAFT, pagination: { limit: 100 }) { title } }' }).expect(200);
      expect(JSON.stringify(gql.body)).not.toContain('Unpublished scoop');
    }
  });
});
