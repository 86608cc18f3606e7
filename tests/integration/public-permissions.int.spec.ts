// The public role's grants are made once per action and then left to the administrators:
// a route turned off in Settings → Users & Permissions stays off across restarts.
import request from 'supertest';
import { startApp, type TestApp } from '../helpers/strapi';
import { createArticle, createSection } from '../helpers/fixtures';
import { PUBLIC_ACTIONS } from '../../src/bootstrap/public-permissions';

const PERMISSION = 'plugin::users-permissions.permission';

let app: TestApp | undefined;

afterAll(async () => {
  await app?.stop();
});

/** What an administrator's untick-and-save in the role editor does to the stored permissions. */
async function revoke(testApp: TestApp, action: string) {
  const role = await testApp.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  await testApp.strapi.db.query(PERMISSION).deleteMany({ where: { action, role: role.id } });
}

const publicActions = async (testApp: TestApp) =>
  ((await testApp.strapi.db.query(PERMISSION).findMany({ where: { role: { type: 'public' } }, select: ['action'] })) as Array<{ action: string }>).map((p) => p.action);

it('keeps a revoked public route at 403 after a restart on the same database, and the others answering', async () => {
  app = await startApp();
  const section = await createSection(app.strapi, 'World', { slug: 'world' });
  await createArticle(app.strapi, { title: 'Still readable', slug: 'still-readable', section: section.documentId });
  expect((await publicActions(app)).sort()).toEqual(expect.arrayContaining(PUBLIC_ACTIONS));

  await request(app.server).get('/api/feeds/articles').expect(200);
  await revoke(app, 'api::article.article.feed');
  await revoke(app, 'api::tag.tag.find');
  await revoke(app, 'plugin::accounts.account.privacyPolicy'); // a plugin's public action, the same rule
  await request(app.server).get('/api/feeds/articles').expect(403);
  await request(app.server).get('/api/tags').expect(403);

  const database = app.database;
  await app.stop({ keepDatabase: true });
  app = undefined;
  app = await startApp({}, { reuse: database });

  const actions = await publicActions(app);
  expect(actions).not.toContain('api::article.article.feed');
  expect(actions).not.toContain('api::tag.tag.find');
  expect(actions).not.toContain('plugin::accounts.account.privacyPolicy');
  expect(actions).toContain('plugin::accounts.account.challenge');
  expect(actions.filter((a) => a === 'api::article.article.find')).toHaveLength(1); // never granted twice
  await request(app.server).get('/api/feeds/articles').expect(403);
  await request(app.server).get('/api/tags').expect(403);
  await request(app.server).get('/api/feeds/sections/world').expect(200);
  await request(app.server).get('/api/articles/by-slug/still-readable').expect(200);
  const list = await request(app.server).get('/api/articles').expect(200);
  expect(list.body.data.map((a: { title: string }) => a.title)).toEqual(['Still readable']);
});

it('grants an action the first boot that knows it (a feature added later), once', async () => {
  // As if `api::tag.tag.findOne` were new in this release: not yet recorded, not held by the role.
  const store = app!.strapi.store({ type: 'plugin', name: 'newsroom' });
  const recorded = (await store.get({ key: 'public_actions_granted' })) as string[];
  expect(recorded).toEqual(expect.arrayContaining(PUBLIC_ACTIONS));
  await store.set({ key: 'public_actions_granted', value: recorded.filter((a) => a !== 'api::tag.tag.findOne') });
  await revoke(app!, 'api::tag.tag.findOne');

  const database = app!.database;
  await app!.stop({ keepDatabase: true });
  app = undefined;
  app = await startApp({}, { reuse: database });
  const actions = await publicActions(app);
  expect(actions.filter((a) => a === 'api::tag.tag.findOne')).toHaveLength(1);
  expect(actions).not.toContain('api::tag.tag.find'); // still as the administrator left it
});
