// JSON Feed 1.1, through feedsmith; newsroom extras sit in the `_newsroom` extension objects.
import { generateJsonFeed, type JsonFeed } from 'feedsmith';
import type { SyndicationFeed } from './syndication';

export function buildJsonFeed(feed: SyndicationFeed): string {
  const items = feed.entries.map((e) => {
    const photo = e.photos[0];
    const item: JsonFeed.Item<Date> & { _newsroom: Record<string, unknown> } = {
      id: e.id,
      url: e.url,
      title: e.title,
      content_text: e.content ?? e.summary ?? e.title,
      ...(e.summary ? { summary: e.summary } : {}),
      ...(photo && (photo.medium ?? 'image') === 'image' ? { image: photo.url } : photo?.thumbnailUrl ? { image: photo.thumbnailUrl } : {}),
      date_published: e.published,
      // Modified only by a correction or update note, never by a silent save.
      ...(e.corrections.length ? { date_modified: e.updated } : {}),
      ...(e.categories.length ? { tags: e.categories } : {}),
      language: feed.language,
      _newsroom: {
        ...e.extension,
        photos: e.photos.map((p) => ({
          ...(p.medium && p.medium !== 'image' ? { medium: p.medium } : {}),
          url: p.url,
          thumbnailUrl: p.thumbnailUrl,
          width: p.width,
          height: p.height,
          mimeType: p.mime,
          caption: p.caption,
          altText: p.altText,
          creditLine: p.creditLine,
          photographer: p.photographer,
          agency: p.agency,
          copyright: p.copyright,
          license: p.license,
          digitalSourceType: p.digitalSourceType,
          disclosure: p.disclosure,
          provenanceNote: p.provenanceNote,
        })),
      },
    };
    return item;
  });
  const json = generateJsonFeed({
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.selfUrl,
    description: feed.description,
    language: feed.language,
    ...(feed.nextUrl ? { next_url: feed.nextUrl } : {}),
    items,
  });
  return JSON.stringify(json);
}
