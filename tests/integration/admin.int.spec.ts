// What editors get in the admin: the first administrator from env (development only), the
// content manager's labels, columns and read-only computed fields, and the article preview URL.
import request from 'supertest';
import { startApp, type TestApp } from '../helpers/strapi';
import { createArticle, createSection, uploadImage, type Doc } from '../helpers/fixtures';
import { configureAdminViews } from '../../src/bootstrap/admin-views';
import { ensureFirstAdmin } from '../../src/bootstrap/first-admin';

const ADMIN = { ADMIN_EMAIL: 'Chief.Editor@Example.com', ADMIN_PASSWORD: 'Newsroom-2024', ADMIN_FIRSTNAME: 'Chief', ADMIN_LASTNAME: 'Editor' };
const SITE_URL = 'https://news.example/edition';

let app: TestApp;
let token: string;

function login(email: string, password: string) {
  return request(app.server).post('/admin/login').send({ email, password });
}

function cm(path: string) {
  return request(app.server).get(`/content-manager${path}`).set('Authorization', `Bearer ${token}`);
}

beforeAll(async () => {
  app = await startApp({ ...ADMIN, SITE_URL, ARTICLE_PATH_PATTERN: '/{section}/{slug}' });
  const res = await login('chief.editor@example.com', ADMIN.ADMIN_PASSWORD).expect(200);
  token = res.body.data.token;
});

afterAll(async () => {
  await app?.stop();
  // Jest reuses the worker for other suites: do not leave them a first admin to create.
  for (const key of [...Object.keys(ADMIN), 'SITE_URL', 'ARTICLE_PATH_PATTERN']) delete process.env[key];
});

const users = () => app.strapi.db.query('admin::user');

/** What the next boot would read from env: the firstAdmin config and NODE_ENV. */
function setConfig(firstAdmin: Record<string, string>, environment: string) {
  app.strapi.config.set('admin.firstAdmin', firstAdmin);
  app.strapi.config.set('environment', environment);
}

describe('the first administrator from env', () => {

  it('is created at boot as an active super admin who can log in', async () => {
    const all = await users().findMany({ populate: ['roles'] });
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ email: 'chief.editor@example.com', firstname: 'Chief', lastname: 'Editor', isActive: true });
    expect(all[0].roles.map((r: { code: string }) => r.code)).toEqual(['strapi-super-admin']);
    expect(token).toEqual(expect.any(String));
    await login('chief.editor@example.com', 'wrong-Password1').expect(400);
  });

  it('is not created again, nor a second one, once an administrator exists', async () => {
    setConfig({ email: 'second@example.com', password: 'Another-Pass1', firstname: 'Second' }, 'development');
    expect(await ensureFirstAdmin(app.strapi)).toBe('admin-exists');
    expect(await users().count()).toBe(1);
  });
});

describe('the content manager views', () => {
  const configuration = async (uid: string) => (await cm(`/content-types/${uid}/configuration`).expect(200)).body.data;

  it('keeps computed fields visible but read-only', async () => {
    const article = (await configuration('api::article.article')).contentType;
    for (const field of ['firstPublishedAt']) {
      expect(article.metadatas[field].edit).toMatchObject({ editable: false, visible: true });
      expect(article.layouts.edit.flat().map((f: { name: string }) => f.name)).toContain(field);
    }
    expect(article.metadatas.title.edit.editable).toBe(true);
    const photo = (await configuration('api::photo.photo')).contentType;
    expect(photo.metadatas.creditLine.edit).toMatchObject({ editable: false, visible: true, label: 'Credit line' });
  });

  it('labels fields, lists articles by headline, section and publication date, and photos with their image and credit', async () => {
    const { contentType, components } = await configuration('api::article.article');
    expect(contentType.layouts.list).toEqual(['title', 'section', 'firstPublishedAt']);
    expect(contentType.metadatas.title.edit.label).toBe('Headline');
    expect(contentType.metadatas.section.edit).toMatchObject({ mainField: 'name', description: expect.stringContaining('Required to publish') });
    expect(contentType.metadatas.leadPhoto.edit.mainField).toBe('caption');
    expect(contentType.metadatas.firstPublishedAt.list.label).toBe('Published');
    expect(contentType.settings).toMatchObject({ mainField: 'title', defaultSortBy: 'updatedAt', defaultSortOrder: 'DESC' });
    expect(components['article.related-story-link'].metadatas.article.edit.mainField).toBe('title');
    expect(components['blocks.photo-embed'].metadatas.photo.edit.mainField).toBe('caption');

    const photo = (await configuration('api::photo.photo')).contentType;
    expect(photo.layouts.list).toEqual(['image', 'caption', 'creditLine', 'takenAt', 'released']);
    expect(photo.settings.mainField).toBe('caption');
  });

  it('keeps an admin’s own changes across restarts, but locks computed fields again', async () => {
    const { contentType } = await configuration('api::article.article');
    // As the admin's "Configure the view" sends it: relation list cells' mainField is derived, not sent.
    const metadatas = Object.fromEntries(
      Object.entries(contentType.metadatas as Record<string, { edit: object; list: { mainField?: unknown } }>).map(([name, { edit, list: { mainField, ...list } }]) => [name, { edit, list }]),
    );
    const changed = {
      settings: contentType.settings,
      layouts: { ...contentType.layouts, list: ['title', 'firstPublishedAt'] },
      metadatas: {
        ...metadatas,
        title: { ...contentType.metadatas.title, edit: { ...contentType.metadatas.title.edit, label: 'Title (desk style)' } },
        firstPublishedAt: { ...contentType.metadatas.firstPublishedAt, edit: { ...contentType.metadatas.firstPublishedAt.edit, editable: true } },
      },
    };
    await request(app.server)
      .put('/content-manager/content-types/api::article.article/configuration')
      .set('Authorization', `Bearer ${token}`)
      .send(changed)
      .expect(200);

    await configureAdminViews(app.strapi); // what the next boot does

    const after = (await configuration('api::article.article')).contentType;
    expect(after.metadatas.title.edit.label).toBe('Title (desk style)');
    expect(after.layouts.list).toEqual(['title', 'firstPublishedAt']);
    expect(after.metadatas.firstPublishedAt.edit.editable).toBe(false);
  });

  it('applies a setting again when this code changes it', async () => {
    const store = app.strapi.store({ type: 'plugin', name: 'newsroom' });
    const applied = (await store.get({ key: 'admin_views_applied' })) as Record<string, Record<string, unknown>>;
    applied['api::article.article']['metadatas.title.edit.label'] = 'A label from an older release';
    await store.set({ key: 'admin_views_applied', value: applied });

    await configureAdminViews(app.strapi);

    const after = (await configuration('api::article.article')).contentType;
    expect(after.metadatas.title.edit.label).toBe('Headline');
    expect(after.layouts.list).toEqual(['title', 'firstPublishedAt']); // unchanged in code: the admin's choice stays
  });
});

describe('the article preview', () => {
  let world: Doc;
  let published: Doc;
  let sectionless: Doc;

  beforeAll(async () => {
    world = await createSection(app.strapi, 'World Desk');
    published = await createArticle(app.strapi, { title: 'Ministers meet at dawn', section: world.documentId });
    sectionless = await createArticle(app.strapi, { title: 'Unfinished draft' }, { publish: false });
  });

  const previewUrl = (uid: string, query: Record<string, string>) => cm(`/preview/url/${uid}`).query(query);

  it('points at the article’s page on the public site', async () => {
    const res = await previewUrl('api::article.article', { documentId: published.documentId, status: 'published' }).expect(200);
    expect(res.body.data.url).toBe(`${SITE_URL}/world-desk/ministers-meet-at-dawn`);
  });

  it('marks the draft version, for a site that renders drafts', async () => {
    const res = await previewUrl('api::article.article', { documentId: published.documentId, status: 'draft' }).expect(200);
    expect(res.body.data.url).toBe(`${SITE_URL}/world-desk/ministers-meet-at-dawn?status=draft`);
  });

  it('offers no preview for an article without a page yet, an unknown article, or other content types', async () => {
    await previewUrl('api::article.article', { documentId: sectionless.documentId, status: 'draft' }).expect(204);
    await previewUrl('api::article.article', { documentId: 'nosuchdocument00000000000', status: 'published' }).expect(204);
    await previewUrl('api::section.section', { documentId: world.documentId }).expect(204);
  });

  it('answers hostile parameters with 4xx or no preview, never 500', async () => {
    const odd = await previewUrl('api::article.article', { documentId: published.documentId, status: '<script>' });
    expect([200, 204]).toContain(odd.status);
    if (odd.status === 200) expect(odd.body.data.url).toContain('?status=draft');
    await previewUrl('api::nope.nope', { documentId: 'x' }).expect((res) => expect(res.status).toBeGreaterThanOrEqual(400));
    await previewUrl('api::article.article', {}).expect(400);
    await request(app.server).get(`/content-manager/preview/url/api::article.article?documentId=${published.documentId}`).expect(401);
  });

  it('lets the admin frame the public site', async () => {
    const res = await request(app.server).get('/api/articles');
    expect(res.headers['content-security-policy']).toMatch(/frame-src[^;]*https:\/\/news\.example/);
  });
});

describe('computed fields in writes from the admin', () => {
  const cmWrite = (method: 'post' | 'put', path: string) =>
    request(app.server)[method](`/content-manager/collection-types/${path}`).set('Authorization', `Bearer ${token}`);
  let section: Doc;

  beforeAll(async () => {
    section = await createSection(app.strapi, 'Metro');
  });

  it('ignores a first publication time sent by an editor, but keeps the rest of the save', async () => {
    const story = await createArticle(app.strapi, { title: 'Tram line reopens', section: section.documentId });
    const stamped = (await app.strapi.documents('api::article.article').findOne({ documentId: story.documentId, status: 'draft' } as never)) as Doc;

    await cmWrite('put', `api::article.article/${story.documentId}?locale=en`)
      .send({ title: 'Tram line reopens after repairs', firstPublishedAt: '2001-01-01T00:00:00.000Z' })
      .expect(200);

    const after = (await app.strapi.documents('api::article.article').findOne({ documentId: story.documentId, status: 'draft' } as never)) as Doc;
    expect(after.title).toBe('Tram line reopens after repairs');
    expect(new Date(after.firstPublishedAt as string).toISOString()).toBe(new Date(stamped.firstPublishedAt as string).toISOString());
  });

  it('still stamps the first publication of an article created and published from the admin', async () => {
    const before = Date.now();
    const res = await cmWrite('post', 'api::article.article/actions/publish?locale=en')
      .send({ title: 'Night buses return', section: { connect: [{ documentId: section.documentId }] }, firstPublishedAt: '2001-01-01T00:00:00.000Z' })
      .expect(200);
    const created = res.body.data;
    expect(new Date(created.firstPublishedAt).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('renders a photo’s credit line from its credit, whatever line the form sends', async () => {
    const image = await uploadImage(app.strapi);
    const res = await cmWrite('post', 'api::photo.photo')
      .send({ image: image.id, caption: 'Crowds at the tram stop', altText: 'A crowd', credit: { agency: 'AFP', photographer: 'Lea Martin', mayRedistribute: true }, creditLine: '© Someone else' })
      .expect(201);
    expect(res.body.data.creditLine).toBe('© AFP / Lea Martin');
  });
});

// Last: this block deletes the administrators the tests above log in with.
describe('the first administrator on a database without administrators', () => {
  beforeAll(async () => {
    await users().deleteMany({ where: {} });
  });

  it('is refused in production, and nothing is created', async () => {
    setConfig({ email: 'prod@example.com', password: 'Prod-Pass123', firstname: 'Prod' }, 'production');
    expect(await ensureFirstAdmin(app.strapi)).toBe('refused-in-production');
    expect(await users().count()).toBe(0);
  });

  it('does nothing when ADMIN_EMAIL and ADMIN_PASSWORD are not set', async () => {
    setConfig({ email: '', password: '', firstname: 'Admin', lastname: '' }, 'development');
    expect(await ensureFirstAdmin(app.strapi)).toBe('not-configured');
    expect(await users().count()).toBe(0);
  });

  it('fails loudly, naming the rule, on values the admin would reject', async () => {
    setConfig({ email: 'weak@example.com', password: 'password', firstname: 'Weak' }, 'development');
    await expect(ensureFirstAdmin(app.strapi)).rejects.toThrow(/ADMIN_PASSWORD needs an uppercase letter/);
    setConfig({ email: 'not-an-email', password: 'Good-Pass123', firstname: 'Bad' }, 'development');
    await expect(ensureFirstAdmin(app.strapi)).rejects.toThrow(/ADMIN_EMAIL must be an email address/);
    expect(await users().count()).toBe(0);
  });

  it('is created in development, and can log in', async () => {
    setConfig({ email: 'dev@example.com', password: 'Dev-Pass1234', firstname: 'Dev', lastname: '' }, 'development');
    expect(await ensureFirstAdmin(app.strapi)).toBe('created');
    await login('dev@example.com', 'Dev-Pass1234').expect(200);
  });
});
