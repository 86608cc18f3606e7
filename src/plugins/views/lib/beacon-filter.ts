// Which beacon requests are not a reader's view: bots, link previews, prefetches and staff sessions.
import { isbot } from 'isbot';

export interface BeaconRequest {
  method: string;
  userAgent: string;
  headers: Record<string, string | string[] | undefined>;
}

const header = (h: BeaconRequest['headers'], name: string): string => {
  const v = h[name];
  return (Array.isArray(v) ? v.join(',') : (v ?? '')).toLowerCase();
};

/** Why the request is not counted, or null when it is a reader's view. */
export function notCountedBecause(req: BeaconRequest): string | null {
  if (req.method === 'HEAD') return 'head';
  if (!req.userAgent.trim() || isbot(req.userAgent)) return 'bot';
  const purpose = `${header(req.headers, 'sec-purpose')},${header(req.headers, 'purpose')},${header(req.headers, 'x-purpose')},${header(req.headers, 'x-moz')}`;
  if (/prefetch|prerender|preview/.test(purpose)) return 'prefetch';
  return null;
}

/** Strapi documentIds: 24 lowercase letters and digits; a little slack for imported ids. */
export const DOCUMENT_ID = /^[a-z0-9]{10,64}$/;
