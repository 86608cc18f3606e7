// Seeds the demo newsroom into a fresh development database: sections, tags, photos with
// generated image files, about 40 articles over the last weeks, and two picture galleries.
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Core, Modules } from '@strapi/strapi';

/** What the Document Service accepts for an article (types/generated). */
type ArticleInput = Modules.Documents.Params.Data.Input<'api::article.article'>;
import sharp from 'sharp';
import { subDays } from 'date-fns';
import { ARTICLES, AGENCIES, PHOTOGRAPHERS, SECTIONS, type DemoArticle } from './demo-content';
import { shiftDay, type PictureWeek } from '../lib/weeks/picture-week';
import { seedReadersNumbers } from './seed-readers-numbers';
import { seedEditorialNotes } from './seed-editorial-notes';

type Doc = { documentId: string; id: number };

export function shouldSeedDemo(strapi: Core.Strapi): boolean {
  return process.env.NODE_ENV !== 'production' && strapi.config.get('newsroom.seedDemo') === true;
}

export async function seedDemoNewsroom(strapi: Core.Strapi, now = new Date()) {
  if (!shouldSeedDemo(strapi)) return;
  // Idempotent: any existing article means the newsroom is not fresh.
  if ((await strapi.db.query('api::article.article').count({})) > 0) return;
  strapi.log.info('Seeding the demo newsroom (SEED_DEMO=false to skip)…');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-seed-'));
  try {
    const sections = await seedSections(strapi);
    const tags = await seedTags(strapi);
    const photos: Doc[] = [];
    for (let i = 0; i < ARTICLES.length * 2; i += 1) {
      const article = ARTICLES[i % ARTICLES.length];
      const section = SECTIONS.find((s) => s.slug === article.section)!;
      const takenAt = subDays(now, Math.floor((i % ARTICLES.length) * 0.9) + (i >= ARTICLES.length ? 1 : 0));
      photos.push(await seedPhoto(strapi, tmp, i, article, section.color, takenAt));
    }
    const articles: Doc[] = [];
    // Oldest first, so related links can point at stories already published.
    for (let i = ARTICLES.length - 1; i >= 0; i -= 1) {
      const publishedAt = subDays(now, Math.floor(i * 0.9));
      publishedAt.setHours(6 + (i % 14), (i * 7) % 60, 0, 0);
      if (publishedAt > now) publishedAt.setTime(now.getTime() - (i + 1) * 60_000); // never in the future
      articles.push(await seedArticle(strapi, ARTICLES[i], i, { sections, tags, photos, earlier: articles, publishedAt }));
    }
    await seedGalleries(strapi, photos, now);
    await seedReadersNumbers(strapi, articles, sections, now);
    await seedEditorialNotes(strapi, articles, photos, now);
    strapi.log.info(`Seeded ${articles.length} demo articles, ${photos.length} photos and 2 galleries.`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function seedSections(strapi: Core.Strapi) {
  const out = new Map<string, Doc>();
  for (const [position, s] of SECTIONS.entries()) {
    out.set(s.slug, (await strapi.documents('api::section.section').create({
      data: { name: s.name, slug: s.slug, description: s.description, position },
    })) as Doc);
  }
  return out;
}

async function seedTags(strapi: Core.Strapi) {
  const names = [...new Set(ARTICLES.flatMap((a) => a.tags))];
  const out = new Map<string, Doc>();
  for (const name of names) {
    out.set(name, (await strapi.documents('api::tag.tag').create({ data: { name, slug: name } })) as Doc);
  }
  return out;
}

/** Draws a 1200×800 JPEG: the section's colours, a horizon and the story's kicker. */
export async function drawDemoImage(file: string, label: string, colors: [string, string], seed: number) {
  const sun = 200 + (seed * 97) % 800;
  const escape = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${colors[1]}"/><stop offset="1" stop-color="${colors[0]}"/></linearGradient></defs>
    <rect width="1200" height="800" fill="url(#g)"/>
    <circle cx="${sun}" cy="${260 + (seed % 5) * 30}" r="90" fill="#fff" fill-opacity="0.35"/>
    <path d="M0 560 Q 300 ${480 + (seed % 7) * 15} 600 560 T 1200 ${540 + (seed % 3) * 20} V 800 H 0 Z" fill="#000" fill-opacity="0.25"/>
    <text x="60" y="730" font-family="sans-serif" font-size="56" fill="#fff">${escape(label)}</text>
  </svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toFile(file);
}

async function seedPhoto(strapi: Core.Strapi, tmp: string, i: number, article: DemoArticle, colors: [string, string], takenAt: Date) {
  const file = path.join(tmp, `demo-${i + 1}.jpg`);
  const alt = i < ARTICLES.length ? `Illustration for "${article.title}"` : `Scene from ${article.dateline}`;
  await drawDemoImage(file, `${article.kicker} · ${article.dateline}`, colors, i);
  const [uploaded] = await strapi.plugin('upload').service('upload').upload({
    data: { fileInfo: { name: `demo-${i + 1}.jpg`, alternativeText: alt, caption: article.standfirst } },
    files: { filepath: file, originalFilename: `demo-${i + 1}.jpg`, mimetype: 'image/jpeg', size: fs.statSync(file).size },
  });
  const agency = AGENCIES[i % AGENCIES.length];
  return (await strapi.documents('api::photo.photo').create({
    data: {
      image: uploaded.id,
      caption: i < ARTICLES.length ? `${article.dateline}: ${article.standfirst}` : `${article.dateline}, ${article.kicker.toLowerCase()}: a second view of the scene.`,
      altText: alt,
      credit: {
        photographer: PHOTOGRAPHERS[i % PHOTOGRAPHERS.length],
        agency,
        copyrightHolder: agency,
        license: i % 9 === 4 ? 'Editorial use only; no syndication' : 'Editorial use',
        mayRedistribute: i % 9 !== 4,
      },
      takenAt,
      location: article.dateline,
    },
  })) as Doc;
}

function markdown(paragraphs: string[]) {
  return paragraphs.join('\n\n');
}

async function seedArticle(
  strapi: Core.Strapi,
  demo: DemoArticle,
  i: number,
  ctx: { sections: Map<string, Doc>; tags: Map<string, Doc>; photos: Doc[]; earlier: Doc[]; publishedAt: Date },
) {
  const lead = ctx.photos[i];
  const inline = ctx.photos[i + ARTICLES.length];
  const [first, ...rest] = demo.paragraphs;
  const related = ctx.earlier.slice(-3);
  const body: NonNullable<ArticleInput['body']> = [
    { __component: 'blocks.rich-text', body: first },
    { __component: 'blocks.photo-embed', photo: inline.documentId },
    { __component: 'blocks.rich-text', body: markdown(rest) },
  ];
  if (demo.quote) body.push({ __component: 'blocks.quote', ...demo.quote });
  if (related[0]) body.push({ __component: 'blocks.related-story', link: { article: related[0].documentId, label: 'Read more' } });
  const relatedLinks: NonNullable<ArticleInput['relatedLinks']> = related.slice(1).map((r) => ({ article: r.documentId, label: 'Related' }));
  if (i % 5 === 0) relatedLinks.push({ url: 'https://en.wikipedia.org/wiki/Journalism', titleOverride: 'Background: how news is made', label: 'External' });
  const created = (await strapi.documents('api::article.article').create({
    data: {
      title: demo.title,
      kicker: demo.kicker,
      standfirst: demo.standfirst,
      dateline: demo.dateline,
      section: ctx.sections.get(demo.section)!.documentId,
      tags: demo.tags.map((t) => ctx.tags.get(t)!.documentId),
      leadPhoto: lead.documentId,
      body,
      relatedLinks,
      footnotes: demo.footnote ? [demo.footnote] : [],
      commentsEnabled: i % 4 !== 3,
      firstPublishedAt: ctx.publishedAt,
    },
    status: 'published',
  })) as Doc;
  // Spread publication over the last weeks, as a real archive would be.
  await strapi.db.query('api::article.article').updateMany({
    where: { documentId: created.documentId },
    data: { firstPublishedAt: ctx.publishedAt, createdAt: ctx.publishedAt, updatedAt: ctx.publishedAt },
  });
  await strapi.db.query('api::article.article').updateMany({
    where: { documentId: created.documentId, publishedAt: { $notNull: true } },
    data: { publishedAt: ctx.publishedAt },
  });
  return created;
}

async function seedGalleries(strapi: Core.Strapi, photos: Doc[], now: Date) {
  const feeds = strapi.service('api::feed.feed');
  const last: PictureWeek = feeds.week(undefined, now);
  const before: PictureWeek = feeds.week(shiftDay(last.start, -1));
  for (const [n, week] of [last, before].entries()) {
    const picks = photos.filter((_, i) => i % 2 === n).slice(0, 8);
    await strapi.documents('api::gallery.gallery').create({
      data: {
        title: feeds.weekTitle(week),
        kind: 'this-week-in-pictures',
        coversFrom: week.start,
        coversTo: week.end,
        items: picks.map((p, i) => ({ photo: p.documentId, captionOverride: i === 0 ? 'Editor’s pick of the week.' : undefined })),
      },
      status: 'published',
    });
  }
}
