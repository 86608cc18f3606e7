// Google News sitemap (urlset with news:news entries), through the sitemap package.
import { Readable } from 'stream';
import { SitemapStream, streamToPromise } from 'sitemap';

export interface NewsSitemapEntry {
  url: string;
  title: string;
  publishedAt: string;
  keywords?: string[];
}

/** Google wants an ISO 639 language code; "en-US" becomes "en", but "zh-cn" and "zh-tw" stay. */
export function newsLanguage(locale: string): string {
  const lower = locale.toLowerCase();
  if (lower === 'zh-cn' || lower === 'zh-tw') return lower;
  return lower.split('-')[0];
}

export async function buildNewsSitemap(entries: NewsSitemapEntry[], publication: { name: string; locale: string }): Promise<string> {
  const stream = new SitemapStream({ xmlns: { news: true, xhtml: false, image: false, video: false } });
  const items = entries.map((e) => ({
    url: e.url,
    news: {
      publication: { name: publication.name, language: newsLanguage(publication.locale) },
      publication_date: new Date(e.publishedAt).toISOString(),
      title: e.title,
      ...(e.keywords?.length ? { keywords: e.keywords.join(', ') } : {}),
    },
  }));
  const xml = await streamToPromise(Readable.from(items).pipe(stream));
  return xml.toString('utf8');
}
