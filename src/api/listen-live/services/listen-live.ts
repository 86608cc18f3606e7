// Listen Live: the station's streams and what is on air now, computed from the weekly schedule.
import { factories } from '@strapi/strapi';
import { maxAgeSeconds, onAirAt, type OnAir, type Programme } from '../../../lib/listen-live/schedule';

const UID = 'api::listen-live.listen-live';

export interface ListenLive extends OnAir {
  station: string;
  streams: { url: string; mimeType: string }[];
  fallbackUrl: string | null;
}

export default factories.createCoreService(UID, ({ strapi }) => ({
  /** The player's data at `now` and how many seconds it stays true; null when no station is set up. */
  async current(now = new Date()): Promise<{ data: ListenLive; maxAge: number } | null> {
    const doc = (await strapi.documents(UID).findFirst({
      fields: ['station', 'fallbackUrl'],
      populate: { streams: { fields: ['url', 'mimeType'] }, schedule: { fields: ['title', 'host', 'weekday', 'start', 'end'] } },
    } as never)) as { station: string; fallbackUrl?: string | null; streams?: ListenLive['streams']; schedule?: Programme[] } | null;
    if (!doc) return null;
    const { maxAge } = strapi.config.get('listen-live') as { maxAge: number };
    const timeZone = strapi.config.get('feeds.timeZone') as string; // SITE_TIME_ZONE
    const state = onAirAt(doc.schedule ?? [], now, timeZone);
    return {
      data: {
        station: doc.station,
        streams: (doc.streams ?? []).map((s) => ({ url: s.url, mimeType: s.mimeType })),
        fallbackUrl: doc.fallbackUrl || null,
        ...state,
      },
      maxAge: maxAgeSeconds(state, now, maxAge),
    };
  },
}));
