// Renders a feed in the requested format, with its media type.
import { buildAtom } from './build-atom';
import { buildJson } from './build-json';
import { buildJsonFeed } from './build-json-feed';
import { buildRss } from './build-rss';
import { toSyndicationFeed, type SyndicationOptions } from './syndication';
import type { AnyFeed, FeedFormat, FeedLinks } from './types';

export const CONTENT_TYPES: Record<FeedFormat, string> = {
  json: 'application/json; charset=utf-8',
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  jsonfeed: 'application/feed+json; charset=utf-8',
};

export function renderFeed(feed: AnyFeed, format: FeedFormat, links: FeedLinks, options: SyndicationOptions = {}): { body: string; contentType: string } {
  const contentType = CONTENT_TYPES[format];
  if (format === 'json') return { body: buildJson(feed), contentType };
  const syndication = toSyndicationFeed(feed, links, format, options);
  const body = format === 'rss' ? buildRss(syndication) : format === 'atom' ? buildAtom(syndication) : buildJsonFeed(syndication);
  return { body, contentType };
}
