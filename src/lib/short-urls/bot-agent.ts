// Requests from crawlers, link-preview fetchers and monitors are not counted as hits.
import { isbot } from 'isbot';

export function isBotUserAgent(userAgent: string | null | undefined): boolean {
  return isbot(userAgent ?? '');
}
