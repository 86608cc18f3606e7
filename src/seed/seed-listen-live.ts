// Demo seed: a radio station with two streams and a weekly schedule (weekday mornings, a late show
// running past midnight, a weekend overnight from Sunday into Monday), so Listen Live shows on air and next.
import type { Core } from '@strapi/strapi';
import { shouldSeedDemo } from './seed-demo';

const UID = 'api::listen-live.listen-live';

const WEEKDAYS = [1, 2, 3, 4, 5];

export const DEMO_STATION = {
  station: 'Newsroom Radio',
  fallbackUrl: 'https://radio.example.com/listen',
  streams: [
    { url: 'https://radio.example.com/live/master.m3u8', mimeType: 'application/vnd.apple.mpegurl' },
    { url: 'https://icecast.example.com/newsroom.mp3', mimeType: 'audio/mpeg' },
  ],
  schedule: [
    ...WEEKDAYS.map((weekday) => ({ title: 'Morning Briefing', host: 'Ana Petrova', weekday, start: '06:00', end: '09:00' })),
    ...WEEKDAYS.map((weekday) => ({ title: 'World at Noon', host: 'Kwame Mensah', weekday, start: '12:00', end: '13:00' })),
    ...WEEKDAYS.map((weekday) => ({ title: 'The Evening Report', host: 'Lucía Ortega', weekday, start: '18:00', end: '19:30' })),
    ...[1, 2, 3, 4].map((weekday) => ({ title: 'Late Desk', host: 'Sam Whitfield', weekday, start: '22:00', end: '01:00' })),
    { title: 'Friday Night Jazz', host: 'Mei Tanaka', weekday: 5, start: '20:00', end: '24:00' },
    { title: 'Weekend Review', host: 'Jonas Berg', weekday: 6, start: '09:00', end: '11:00' },
    { title: 'Sunday Documentary', host: null, weekday: 7, start: '15:00', end: '16:00' },
    { title: 'Overnight News', host: null, weekday: 7, start: '23:00', end: '05:00' },
  ],
};

export async function seedListenLive(strapi: Core.Strapi) {
  if (!shouldSeedDemo(strapi)) return;
  if (await strapi.documents(UID).findFirst({ fields: ['id'] } as never)) return;
  await strapi.documents(UID).create({ data: DEMO_STATION } as never);
  strapi.log.info(`Seeded the demo radio station "${DEMO_STATION.station}" with ${DEMO_STATION.schedule.length} programmes.`);
}
