// RSS 2.0 with Media RSS (media:content, thumbnail, description, credit, copyright), through feedsmith.
import { generateRssFeed, type MediaNs, type RssFeed } from 'feedsmith';
import { tightCdata } from './tight-cdata';
import type { SyndicatedPhoto, SyndicationEntry, SyndicationFeed } from './syndication';

export function mediaContent(photo: SyndicatedPhoto): MediaNs.Content {
  const credits: MediaNs.Credit[] = [];
  // The disclosure travels with the credit and the description, where syndication partners print them.
  const disclosed = (value: string) => (photo.disclosure ? `${value} (${photo.disclosure})` : value);
  if (photo.photographer) credits.push({ value: disclosed(photo.photographer), role: 'photographer', scheme: 'urn:ebu' });
  if (photo.agency) credits.push({ value: disclosed(photo.agency), role: 'distributor', scheme: 'urn:ebu' });
  if (!credits.length && photo.disclosure) credits.push({ value: photo.disclosure });
  return {
    url: photo.url,
    medium: photo.medium ?? 'image',
    ...(photo.mime ? { type: photo.mime } : {}),
    ...(photo.width ? { width: photo.width } : {}),
    ...(photo.height ? { height: photo.height } : {}),
    description: { value: photo.disclosure ? `${photo.caption} (${photo.disclosure})` : photo.caption, type: 'plain' },
    ...(photo.altText ? { title: { value: photo.altText, type: 'plain' } } : {}),
    ...(photo.thumbnailUrl ? { thumbnails: [{ url: photo.thumbnailUrl }] } : {}),
    ...(credits.length ? { credits } : {}),
    ...(photo.copyright ? { copyright: { value: photo.copyright } } : {}),
    ...(photo.license ? { licenses: [{ name: photo.license }] } : {}),
  };
}

/** An entry's Media RSS: its photos and its readers' views. */
export function mediaOf(e: SyndicationEntry): { media?: MediaNs.ItemOrFeed } {
  const media: MediaNs.ItemOrFeed = {
    ...(e.photos.length ? { contents: e.photos.map(mediaContent) } : {}),
    ...(e.views !== undefined ? { community: { statistics: { views: e.views } } } : {}),
  };
  return Object.keys(media).length ? { media } : {};
}

export function buildRss(feed: SyndicationFeed): string {
  const links: Array<{ href: string; rel: string; type: string }> = [{ href: feed.selfUrl, rel: 'self', type: 'application/rss+xml' }];
  if (feed.nextUrl) links.push({ href: feed.nextUrl, rel: 'next', type: 'application/rss+xml' });
  const items: RssFeed.Item<Date>[] = feed.entries.map((e) => ({
    title: e.title,
    link: e.url,
    guid: { value: e.id, isPermaLink: false },
    pubDate: e.published,
    ...(e.content ?? e.summary ? { description: (e.content ?? e.summary)! } : {}),
    ...(e.categories.length ? { categories: e.categories.map((name) => ({ name })) } : {}),
    ...(e.comments ? { comments: e.comments.url, slash: { comments: e.comments.count } } : {}),
    ...mediaOf(e),
  }));
  const xml = generateRssFeed({
    title: feed.title,
    link: feed.homeUrl,
    description: feed.description,
    language: feed.language,
    lastBuildDate: feed.updated,
    generator: feed.generator,
    atom: { links },
    items,
  });
  return tightCdata(xml);
}
