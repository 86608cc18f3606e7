// What a front-end gets for a complete story over REST and GraphQL, and what it must never get.
import request from 'supertest';
import { startApp, fullAccessToken, type TestApp } from '../helpers/strapi';
import { createArticle, createPhoto, createSection, type Doc } from '../helpers/fixtures';

let app: TestApp;
let section: Doc;
let lead: Doc;
let inline: Doc;
let older: Doc;
let story: Doc;

const POPULATE = {
  leadPhoto: { populate: { image: true, credit: true } },
  section: true,
  footnotes: true,
  relatedLinks: { populate: { article: true, thumbnail: true } },
  body: {
    on: {
      'blocks.rich-text': true,
      'blocks.photo-embed': { populate: { photo: { populate: { image: true, credit: true } } } },
      'blocks.related-story': { populate: { link: { populate: { article: true } } } },
      'blocks.quote': true,
    },
  },
};

beforeAll(async () => {
  app = await startApp();
  const { strapi } = app;
  section = await createSection(strapi, 'World');
  lead = await createPhoto(strapi);
  inline = await createPhoto(strapi, { caption: 'Inline caption', credit: { agency: 'Reuters', photographer: 'Omar Haddad' } });
  older = await createArticle(strapi, { title: 'Earlier coverage of the quake', section: section.documentId });
  story = await createArticle(strapi, {
    title: 'Earthquake shakes the coast',
    kicker: 'Disaster',
    standfirst: 'Rescue teams search through the night.',
    dateline: 'Valmora',
    section: section.documentId,
    leadPhoto: lead.documentId,
    body: [
      { __component: 'blocks.rich-text', body: 'The quake struck at dawn.' },
      { __component: 'blocks.photo-embed', photo: inline.documentId, captionOverride: 'Override caption' },
      { __component: 'blocks.related-story', link: { article: older.documentId, label: 'Earlier' } },
      { __component: 'blocks.quote', text: 'We felt everything move.', attribution: 'A resident' },
    ],
    relatedLinks: [{ url: 'https://example.org/background', titleOverride: 'Background', label: 'External' }],
    footnotes: [{ marker: '*', text: 'Casualty figures are provisional.' }],
  });
});

afterAll(async () => {
  await app?.stop();
});

describe('an article over REST', () => {
  it('carries its lead photo with url, caption, credit line, credit structure and alt text', async () => {
    const res = await request(app.server).get(`/api/articles/${story.documentId}`).query({ populate: POPULATE }).expect(200);
    const a = res.body.data;
    expect(a.title).toBe('Earthquake shakes the coast');
    expect(a.slug).toBe('earthquake-shakes-the-coast');
    expect(a.leadPhoto.caption).toBe('Rescue workers search the rubble');
    expect(a.leadPhoto.creditLine).toBe('© AP Photo / Dusan Vranic');
    expect(a.leadPhoto.credit).toMatchObject({ agency: 'AP Photo', photographer: 'Dusan Vranic', mayRedistribute: true });
    expect(a.leadPhoto.altText).toBe('Two rescue workers in orange helmets');
    expect(a.leadPhoto.image.url).toMatch(/^\/uploads\/.+\.jpe?g$/);
    expect(a.section.name).toBe('World');
  });

  it('resolves body blocks: inline photos, related-story links and quotes, in order', async () => {
    const res = await request(app.server).get(`/api/articles/${story.documentId}`).query({ populate: POPULATE }).expect(200);
    const body = res.body.data.body;
    expect(body.map((b: { __component: string }) => b.__component)).toEqual([
      'blocks.rich-text', 'blocks.photo-embed', 'blocks.related-story', 'blocks.quote',
    ]);
    expect(body[1].captionOverride).toBe('Override caption');
    expect(body[1].photo.creditLine).toBe('© Reuters / Omar Haddad');
    expect(body[1].photo.image.url).toMatch(/^\/uploads\//);
    expect(body[2].link.article.title).toBe('Earlier coverage of the quake');
    expect(res.body.data.relatedLinks[0]).toMatchObject({ url: 'https://example.org/background', titleOverride: 'Background' });
    expect(res.body.data.footnotes).toEqual([expect.objectContaining({ marker: '*', text: 'Casualty figures are provisional.' })]);
  });

  it('generates a transliterated, unique slug when none is given', async () => {
    const a = await createArticle(app.strapi, { title: 'Новый мост открыт', section: section.documentId });
    const b = await createArticle(app.strapi, { title: 'Новый мост открыт', section: section.documentId });
    expect(a.slug).toBe('novyj-most-otkryt');
    expect(b.slug).toBe('novyj-most-otkryt-2');
  });

  it('keeps the first publication time across republishing', async () => {
    const first = (await app.strapi.documents('api::article.article').findOne({ documentId: story.documentId, status: 'published' } as never)) as Doc;
    expect(first.firstPublishedAt).toBeTruthy();
    await app.strapi.documents('api::article.article').update({ documentId: story.documentId, data: { kicker: 'Update' } } as never);
    await app.strapi.documents('api::article.article').publish({ documentId: story.documentId } as never);
    const again = (await app.strapi.documents('api::article.article').findOne({ documentId: story.documentId, status: 'published' } as never)) as Doc;
    expect(again.kicker).toBe('Update');
    expect(again.firstPublishedAt).toBe(first.firstPublishedAt);
  });
});

describe('photos always travel with caption, credit and alt text', () => {
  it('over /api/photos without any populate', async () => {
    const res = await request(app.server).get(`/api/photos/${lead.documentId}`).expect(200);
    expect(res.body.data).toMatchObject({ caption: 'Rescue workers search the rubble', altText: 'Two rescue workers in orange helmets', creditLine: '© AP Photo / Dusan Vranic' });
    expect(res.body.data.credit).toMatchObject({ agency: 'AP Photo', photographer: 'Dusan Vranic' });
    expect(res.body.data.image.url).toMatch(/^\/uploads\//);
  });

  it('under an article populated with populate=* or a bare leadPhoto', async () => {
    for (const populate of ['*', 'leadPhoto']) {
      const res = await request(app.server).get(`/api/articles/${story.documentId}`).query({ populate }).expect(200);
      expect(res.body.data.leadPhoto.credit).toMatchObject({ agency: 'AP Photo' });
      expect(res.body.data.leadPhoto.image.url).toMatch(/^\/uploads\//);
      expect(res.body.data.leadPhoto.altText).toBeTruthy();
    }
  });
});

describe('article rules on save', () => {
  it('refuses a related-story link with two targets, with a clear message, and stores nothing', async () => {
    const before = await app.strapi.db.query('api::article.article').count({});
    await expect(
      createArticle(app.strapi, { title: 'Two targets', section: section.documentId, relatedLinks: [{ article: older.documentId, url: 'https://example.org' }] }, { publish: false }),
    ).rejects.toThrow(/either an internal article or an external URL, not both/);
    expect(await app.strapi.db.query('api::article.article').count({})).toBe(before);
  });

  it('refuses a related-story block without a target over the REST API', async () => {
    const token = await fullAccessToken(app.strapi);
    const res = await request(app.server)
      .post('/api/articles')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { title: 'No target', section: section.documentId, body: [{ __component: 'blocks.related-story', link: { label: 'x' } }] } })
      .expect(400);
    expect(res.body.error.message).toMatch(/needs a target/);
  });

  it('refuses a javascript: URL in a related-story link', async () => {
    await expect(
      createArticle(app.strapi, { title: 'Bad link', section: section.documentId, relatedLinks: [{ url: 'javascript:alert(1)' }] }, { publish: false }),
    ).rejects.toThrow(/not an absolute http\(s\) URL/);
  });

  it('refuses to publish an article without a section', async () => {
    await expect(createArticle(app.strapi, { title: 'Sectionless' })).rejects.toThrow(/needs a section/);
    const draft = await createArticle(app.strapi, { title: 'Sectionless draft' }, { publish: false });
    await expect(app.strapi.documents('api::article.article').publish({ documentId: draft.documentId } as never)).rejects.toThrow(/needs a section/);
  });
});

describe('what the public role sees', () => {
  it('never sees drafts, not even with status=draft', async () => {
    const draft = await createArticle(app.strapi, { title: 'Embargoed scoop', section: section.documentId }, { publish: false });
    await request(app.server).get(`/api/articles/${draft.documentId}`).expect(404);
    const list = await request(app.server).get('/api/articles').query({ status: 'draft', pagination: { pageSize: 100 } }).expect(200);
    expect(JSON.stringify(list.body)).not.toContain('Embargoed scoop');
    const one = await request(app.server).get(`/api/articles/${draft.documentId}`).query({ status: 'draft' });
    expect(one.status).toBe(404);
  });

  it('can read published sections, photos, tags and galleries but not short URLs or users', async () => {
    await request(app.server).get('/api/sections').expect(200);
    await request(app.server).get('/api/photos').expect(200);
    await request(app.server).get('/api/tags').expect(200);
    await request(app.server).get('/api/galleries').expect(200);
    await request(app.server).get('/api/short-urls').expect(403);
    await request(app.server).get('/api/users').expect(403);
    await request(app.server).post('/api/articles').send({ data: { title: 'x' } }).expect(403);
  });

  it('cannot reach admin users through createdBy, nor filter on their private fields', async () => {
    const populated = await request(app.server).get('/api/articles').query({ populate: { createdBy: true } });
    expect([400, 200]).toContain(populated.status);
    expect(JSON.stringify(populated.body)).not.toMatch(/"(email|password|firstname)"/);
    const probe = await request(app.server).get('/api/articles').query({ filters: { createdBy: { password: { $startsWith: '$' } } } });
    expect(probe.status).toBe(400);
  });
});

describe('the same article over GraphQL', () => {
  it('returns title, lead photo with credit and alt text, section and inline photos', async () => {
    const query = `query($slug: String!) {
      articles(filters: { slug: { eq: $slug } }) {
        documentId title slug
        section { name }
        leadPhoto { caption creditLine altText credit { agency photographer } image { url } }
        body {
          __typename
          ... on ComponentBlocksPhotoEmbed { captionOverride photo { caption creditLine } }
          ... on ComponentBlocksRelatedStory { link { label article { title } } }
        }
        footnotes { marker text }
      }
    }`;
    const res = await request(app.server).post('/graphql').send({ query, variables: { slug: 'earthquake-shakes-the-coast' } }).expect(200);
    expect(res.body.errors).toBeUndefined();
    const [a] = res.body.data.articles;
    expect(a.title).toBe('Earthquake shakes the coast');
    expect(a.section.name).toBe('World');
    expect(a.leadPhoto).toMatchObject({ creditLine: '© AP Photo / Dusan Vranic', altText: 'Two rescue workers in orange helmets' });
    expect(a.leadPhoto.image.url).toMatch(/^\/uploads\//);
    expect(a.body[1]).toMatchObject({ __typename: 'ComponentBlocksPhotoEmbed', photo: { creditLine: '© Reuters / Omar Haddad' } });
    expect(a.body[2].link.article.title).toBe('Earlier coverage of the quake');
    expect(a.footnotes[0].marker).toBe('*');
  });

  it('hides drafts from the public over GraphQL too', async () => {
    const res = await request(app.server).post('/graphql').send({ query: '{ articles(status: DRAFT) { title } }' });
    expect(JSON.stringify(res.body)).not.toContain('Embargoed scoop');
  });
});
