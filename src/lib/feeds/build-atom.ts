// Atom 1.0 (RFC 4287) with Media RSS photos, through feedsmith.
import { generateAtomFeed, type AtomFeed } from 'feedsmith';
import { mediaOf } from './build-rss';
import { tightCdata } from './tight-cdata';
import type { SyndicationFeed } from './syndication';

export function buildAtom(feed: SyndicationFeed): string {
  const links: AtomFeed.Link<Date>[] = [
    { href: feed.homeUrl, rel: 'alternate', type: 'text/html' },
    { href: feed.selfUrl, rel: 'self', type: 'application/atom+xml' },
  ];
  if (feed.nextUrl) links.push({ href: feed.nextUrl, rel: 'next', type: 'application/atom+xml' });
  const entries: AtomFeed.Entry<Date>[] = feed.entries.map((e) => ({
    id: e.id,
    title: { value: e.title, type: 'text' },
    updated: e.updated,
    published: e.published,
    links: [{ href: e.url, rel: 'alternate', type: 'text/html' }],
    ...(e.summary ? { summary: { value: e.summary, type: 'text' } } : {}),
    ...(e.content ? { content: { value: e.content, type: 'text' } } : {}),
    ...(e.categories.length ? { categories: e.categories.map((term) => ({ term })) } : {}),
    ...mediaOf(e),
  }));
  const xml = generateAtomFeed({
    id: feed.id,
    title: { value: feed.title, type: 'text' },
    subtitle: { value: feed.description, type: 'text' },
    updated: feed.updated,
    links,
    generator: { text: feed.generator },
    authors: [{ name: feed.title }],
    entries,
  });
  return tightCdata(xml);
}
