// Picture weeks follow the newsroom's time zone (SITE_TIME_ZONE), not the server's, and their
// titles the feed's language; a new photo purges only the week it was taken in.
import request from 'supertest';
import { startApp, type TestApp } from '../helpers/strapi';
import { createPhoto } from '../helpers/fixtures';

let app: TestApp;
const week = (date: string, extra = '') => `/api/feeds/this-week-in-pictures?date=${date}${extra}`;

beforeAll(async () => {
  app = await startApp({
    SITE_TIME_ZONE: 'Europe/Helsinki',
    PICTURE_WEEK_TITLES: JSON.stringify({ fr: 'Cette semaine en images', ru: 'Неделя в фотографиях' }),
  });
  const locales = app.strapi.plugin('i18n').service('locales');
  await locales.create({ code: 'fr', name: 'French (fr)' });
  await locales.create({ code: 'ru', name: 'Russian (ru)' });
  // Saturday 2018-11-24 at 01:30 in Helsinki is still Friday 23:30 in UTC, where this server runs.
  // The photos here are released (public without a published story), as automatic weeks list only public photos.
  await createPhoto(app.strapi, { caption: 'Saturday night in Helsinki', takenAt: new Date('2018-11-23T23:30:00Z'), released: true });
  // Friday 23:30 in Helsinki: the last evening of the week before.
  await createPhoto(app.strapi, { caption: 'Friday evening in Helsinki', takenAt: new Date('2018-11-23T21:30:00Z'), released: true });
});

afterAll(async () => {
  await app?.stop();
});

describe('SITE_TIME_ZONE', () => {
  it('puts a photo taken on Saturday at 01:30 newsroom time in the week that starts that Saturday', async () => {
    const next = await request(app.server).get(week('2018-11-24')).expect(200);
    expect(next.body.meta.feed.week).toEqual({ start: '2018-11-24', end: '2018-11-30' });
    expect(next.body.data.map((p: { caption: string }) => p.caption)).toEqual(['Saturday night in Helsinki']);
    const before = await request(app.server).get(week('2018-11-20')).expect(200);
    expect(before.body.data.map((p: { caption: string }) => p.caption)).toEqual(['Friday evening in Helsinki']);
  });

});

describe('week titles in the feed\'s language', () => {
  it('keeps English as the site prints it, and reads naturally in French and Russian', async () => {
    const title = async (date: string, extra = '') => (await request(app.server).get(week(date, extra)).expect(200)).body.meta.feed.title;
    expect(await title('2018-11-20')).toBe('This Week in Pictures: November 17 - 23');
    expect(await title('2019-01-01')).toBe('This Week in Pictures: December 29 - January 4');
    expect(await title('2018-11-20', '&locale=fr')).toBe('Cette semaine en images: 17–23 novembre');
    expect(await title('2019-01-01', '&locale=fr')).toBe('Cette semaine en images: 29 décembre\u2009–\u20094 janvier');
    expect(await title('2018-11-20', '&locale=ru')).toBe('Неделя в фотографиях: 17–23 ноября');
    const rss = await request(app.server).get(week('2018-11-20', '&locale=fr&format=rss')).expect(200);
    expect(rss.text).toContain('Cette semaine en images: 17–23 novembre');
  });
});

describe('a new photo purges the week it belongs to', () => {
  it('refreshes that week and leaves the other weeks warm', async () => {
    const [thisWeek, otherWeek] = [week('2018-11-24'), week('2018-11-20')];
    for (const url of [thisWeek, otherWeek, thisWeek, otherWeek]) await request(app.server).get(url).expect(200);
    await createPhoto(app.strapi, { caption: 'Sunday market', takenAt: new Date('2018-11-25T10:00:00Z'), released: true });
    const refreshed = await request(app.server).get(thisWeek).expect(200);
    expect(refreshed.headers['x-feed-cache']).toBe('miss');
    expect(refreshed.body.data.map((p: { caption: string }) => p.caption)).toContain('Sunday market');
    expect((await request(app.server).get(otherWeek).expect(200)).headers['x-feed-cache']).toBe('hit');
  });
});

describe('a gallery publish purges its week', () => {
  it('turns the warm automatic week into the editors\' gallery at once, and leaves other weeks warm', async () => {
    const [thisWeek, otherWeek] = [week('2018-11-26'), week('2018-11-20')];
    for (const url of [thisWeek, otherWeek, thisWeek, otherWeek]) await request(app.server).get(url).expect(200);
    expect((await request(app.server).get(thisWeek).expect(200)).body.meta.feed.source).toBe('automatic');
    const photo = await createPhoto(app.strapi, { caption: 'Picked by the desk', takenAt: new Date('2018-11-20T10:00:00Z'), released: true });
    const otherWarm = (await request(app.server).get(otherWeek).expect(200)).headers['x-feed-cache'];
    await app.strapi.documents('api::gallery.gallery').create({
      data: { title: 'Desk picks', kind: 'this-week-in-pictures', coversFrom: '2018-11-24', coversTo: '2018-11-30', items: [{ photo: photo.documentId }] },
      status: 'published',
    } as never);
    const curated = await request(app.server).get(thisWeek).expect(200);
    expect(curated.headers['x-feed-cache']).toBe('miss');
    expect(curated.body.meta.feed.source).toBe('curated');
    // The photo taken on the 20th purged its own week (a miss just above); the gallery left it alone.
    expect(otherWarm).toBe('miss');
    expect((await request(app.server).get(otherWeek).expect(200)).headers['x-feed-cache']).toBe('hit');
  });
});

