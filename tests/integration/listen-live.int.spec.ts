// Listen Live over REST and GraphQL: the station, its streams, the programme on air and the next
// one computed in SITE_TIME_ZONE, and a max-age that never outlasts the programme on air.
import request from 'supertest';
import { TZDate } from '@date-fns/tz';
import { startApp, type TestApp } from '../helpers/strapi';

const UID = 'api::listen-live.listen-live';
const ZONE = 'Asia/Tokyo';
const QUERY = '{ listenLive { station fallbackUrl streams { url mimeType } onAir { title host startsAt endsAt } next { title host startsAt endsAt } } }';

let app: TestApp;

/** The newsroom wall clock `minutes` from now, as the schedule's ISO weekday and "HH:mm". */
function wallClock(minutes: number) {
  const t = new TZDate(Date.now() + minutes * 60_000, ZONE);
  const hhmm = `${String(t.getHours()).padStart(2, '0')}:${String(t.getMinutes()).padStart(2, '0')}`;
  return { weekday: t.getDay() === 0 ? 7 : t.getDay(), hhmm };
}

async function setSchedule(schedule: unknown[]) {
  const existing = await app.strapi.documents(UID).findFirst({} as never);
  const data = {
    station: 'Test Radio',
    fallbackUrl: 'https://radio.example.org/listen',
    streams: [{ url: 'https://radio.example.org/live.m3u8', mimeType: 'application/vnd.apple.mpegurl' }, { url: 'https://radio.example.org/live.mp3', mimeType: 'audio/mpeg' }],
    schedule,
  };
  if (existing) await app.strapi.documents(UID).update({ documentId: (existing as { documentId: string }).documentId, data } as never);
  else await app.strapi.documents(UID).create({ data } as never);
}

const maxAge = (res: request.Response) => Number(/max-age=(\d+)/.exec(res.headers['cache-control'] ?? '')?.[1] ?? -1);

beforeAll(async () => {
  app = await startApp({ SITE_TIME_ZONE: ZONE, LISTEN_LIVE_MAX_AGE: '3600' });
});

afterAll(async () => {
  await app?.stop();
});

describe('GET /api/listen-live', () => {
  it('answers 404 with a message before the station is set up', async () => {
    const res = await request(app.server).get('/api/listen-live').expect(404);
    expect(res.body.error.message).toBe('Listen Live is not set up yet.');
  });

  it('returns the programme on air (in the newsroom time zone) and the next one, cached no longer than it lasts', async () => {
    const start = wallClock(-60);
    const end = wallClock(20);
    const later = wallClock(120);
    await setSchedule([
      { title: 'Now Playing', host: 'Ana', weekday: start.weekday, start: start.hhmm, end: end.hhmm },
      { title: 'Later Show', host: 'Bo', weekday: later.weekday, start: later.hhmm, end: wallClock(180).hhmm },
    ]);
    const res = await request(app.server).get('/api/listen-live').expect(200);
    const { data } = res.body;
    expect(data.station).toBe('Test Radio');
    expect(data.streams).toEqual([{ url: 'https://radio.example.org/live.m3u8', mimeType: 'application/vnd.apple.mpegurl' }, { url: 'https://radio.example.org/live.mp3', mimeType: 'audio/mpeg' }]);
    expect(data.fallbackUrl).toBe('https://radio.example.org/listen');
    expect(data.onAir).toMatchObject({ title: 'Now Playing', host: 'Ana' });
    const endsIn = (Date.parse(data.onAir.endsAt) - Date.now()) / 1000;
    expect(endsIn).toBeGreaterThan(18 * 60);
    expect(endsIn).toBeLessThanOrEqual(20 * 60);
    expect(data.next).toMatchObject({ title: 'Later Show', host: 'Bo' });
    expect(Date.parse(data.next.startsAt)).toBeGreaterThan(Date.parse(data.onAir.endsAt));
    expect(res.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
    expect(maxAge(res)).toBeGreaterThan(0);
    expect(maxAge(res)).toBeLessThanOrEqual(Math.ceil(endsIn));

    const gql = await request(app.server).post('/graphql').send({ query: QUERY }).expect(200);
    expect(gql.body.errors).toBeUndefined();
    expect(gql.body.data.listenLive).toEqual(data);
  });

  it('has nothing on air between programmes, and caches only until the next one starts', async () => {
    const next = wallClock(10);
    await setSchedule([{ title: 'Soon', host: null, weekday: next.weekday, start: next.hhmm, end: wallClock(70).hhmm }]);
    const res = await request(app.server).get('/api/listen-live').expect(200);
    expect(res.body.data.onAir).toBeNull();
    expect(res.body.data.next).toMatchObject({ title: 'Soon', host: null });
    const startsIn = (Date.parse(res.body.data.next.startsAt) - Date.now()) / 1000;
    expect(maxAge(res)).toBeLessThanOrEqual(Math.ceil(startsIn));
    expect(maxAge(res)).toBeGreaterThan(8 * 60);
  });

  it('is readable by the public role but not writable', async () => {
    await request(app.server).put('/api/listen-live').send({ data: { station: 'Hijacked' } }).expect(403);
    await request(app.server).delete('/api/listen-live').expect(403);
    expect(((await app.strapi.documents(UID).findFirst({} as never)) as { station: string }).station).toBe('Test Radio');
  });

  it('refuses an invalid schedule entry from an editor', async () => {
    await expect(setSchedule([{ title: 'Bad', weekday: 8, start: '25:00', end: '10:00' }])).rejects.toThrow();
  });
});
