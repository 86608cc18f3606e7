// What of a published article is searchable, as plain text per weight: title; kicker and
// standfirst; body text; captions of the photos the article shows; tag names.
import { cleanText } from './query-parser';

type Raw = Record<string, unknown> | null | undefined;

export interface ArticleText {
  title: string;
  lede: string;
  body: string;
  captions: string;
  tags: string;
}

/** Body text is capped: enough for any story, bounded for the index. */
export const MAX_BODY_CHARS = 100_000;

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Markdown to the words a reader sees: link and image targets, markup characters and HTML tags dropped. */
export function markdownText(md: string): string {
  return md
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/[*_~`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const tidy = (parts: string[]) => cleanText(parts.filter(Boolean).join(' ')).replace(/\s+/g, ' ').trim();

/** The captions an article shows: its lead photo and inline photos (the block's override first). */
export function shownPhotoCaptions(article: Raw): string[] {
  const out: string[] = [];
  const lead = article?.leadPhoto as Raw;
  if (lead) out.push(str(lead.caption));
  for (const block of Array.isArray(article?.body) ? (article!.body as Raw[]) : []) {
    if (block?.__component === 'blocks.photo-embed' && block.photo) out.push(str(block.captionOverride) || str((block.photo as Raw)?.caption));
  }
  return out.filter(Boolean);
}

export function articleText(article: Raw): ArticleText {
  const bodyParts: string[] = [];
  for (const block of Array.isArray(article?.body) ? (article!.body as Raw[]) : []) {
    if (block?.__component === 'blocks.rich-text') bodyParts.push(markdownText(str(block.body)));
    else if (block?.__component === 'blocks.quote') bodyParts.push(str(block.text), str(block.attribution));
  }
  const tags = Array.isArray(article?.tags) ? (article!.tags as Raw[]).map((t) => str(t?.name)) : [];
  return {
    title: tidy([str(article?.title)]),
    lede: tidy([str(article?.kicker), str(article?.standfirst)]),
    body: tidy(bodyParts).slice(0, MAX_BODY_CHARS),
    captions: tidy(shownPhotoCaptions(article)),
    tags: tidy(tags),
  };
}
