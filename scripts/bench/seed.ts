// Seeds a benchmark database in bulk: 10 sections, 5,000 photos sharing a few real uploads,
// and N articles (a draft and a published row each, as Strapi 5 stores draft & publish; their text
// from the Zipf-distributed corpus in corpus.ts) with a lead photo, three body blocks, two related-story links and a short URL. Run by run.ts as
// `node <dist>/scripts/bench/seed.js --articles N --db FILE`; 100,000 articles take minutes.
import fs from 'fs';
import os from 'os';
import path from 'path';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import sharp from 'sharp';
import { customAlphabet } from 'nanoid';
import { BulkWriter } from './bulk-writer';
import { benchStory } from './corpus';
import { seedViewBuckets } from './views';
import { benchEnv, loadStrapi, runMain } from './boot';
import { ARTICLES, AGENCIES, PHOTOGRAPHERS } from '../../src/seed/demo-content';
import { makeSlug } from '../../src/lib/slugs/make-slug';
import { renderCreditLine, DEFAULT_CREDIT_TEMPLATE } from '../../src/lib/photos/credit-line';
import { CODE_ALPHABET } from '../../src/lib/short-urls/short-code';

const ARTICLE = 'api::article.article';
const PHOTO = 'api::photo.photo';
const SHORT_URL = 'api::short-url.short-url';

const SECTIONS = ['World', 'Politics', 'Business', 'Technology', 'Science', 'Health', 'Sport', 'Culture', 'Climate', 'Opinion'];
const IMAGE_FILES = 8;
/** Articles per transaction: big enough to amortise the commit, small enough to show progress. */
const BATCH = 2000;
/** One story every seven minutes, back from an hour ago: 100,000 articles cover about 16 months. */
const INTERVAL_MS = 7 * 60 * 1000;

export interface SeedOptions {
  articles: number;
  photos: number;
  now: Date;
  log: (line: string) => void;
}

const docIdHead = customAlphabet('abcdefghijklmnopqrstuvwxyz', 1);
const docIdTail = customAlphabet('abcdefghijklmnopqrstuvwxyz0123456789', 23);
/** Like Strapi's own (cuid2): 24 characters starting with a letter, which Strapi relies on to tell them from ids. */
const documentId = () => docIdHead() + docIdTail();

/** A 7-character short code for article n, from the short-URL alphabet; distinct for distinct n. */
export function benchShortCode(n: number): string {
  let code = '';
  let rest = n;
  for (let i = 0; i < 7; i += 1) {
    code = CODE_ALPHABET[rest % CODE_ALPHABET.length] + code;
    rest = Math.floor(rest / CODE_ALPHABET.length);
  }
  return code;
}

export async function seedBenchmark(strapi: Core.Strapi, opts: SeedOptions) {
  const knex = strapi.db.connection as unknown as Knex;
  if ((await knex(strapi.db.metadata.get(ARTICLE).tableName).count({ n: '*' }).first())?.n != 0) {
    throw new Error('The benchmark database already has articles; seed into a fresh file.');
  }
  const writer = new BulkWriter(strapi, knex);
  if (writer.sqlite) {
    // Only this process writes; a crash means seeding again anyway.
    await knex.raw('PRAGMA synchronous = OFF');
    await knex.raw('PRAGMA journal_mode = MEMORY');
  }
  const started = Date.now();
  const sectionIds = await seedSections(strapi);
  const fileIds = await seedImageFiles(strapi);
  const template = (strapi.config.get('newsroom.creditTemplate') as string | undefined) ?? DEFAULT_CREDIT_TEMPLATE;
  const photoIds = await seedPhotos(writer, opts, fileIds, template);
  opts.log(`  ${sectionIds.length} sections, ${fileIds.length} image files, ${photoIds.length} photos (${Date.now() - started} ms)`);
  await seedArticles(writer, opts, sectionIds, photoIds);
  await writer.fixSequences();
  // Statistics for the planner: a fresh PostgreSQL database without them plans the Document Service's
  // joins as nested loops over a million component rows (minutes for one read at 100,000 articles).
  await knex.raw('ANALYZE');
  opts.log(`  ${writer.rowsWritten} rows written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function seedSections(strapi: Core.Strapi): Promise<number[]> {
  const ids: number[] = [];
  for (const [position, name] of SECTIONS.entries()) {
    const doc = (await strapi.documents('api::section.section').create({
      data: { name, slug: makeSlug(name), description: `${name} news.`, position },
    })) as { id: number };
    ids.push(doc.id);
  }
  return ids;
}

/** A handful of real uploads (with their responsive formats) that all photos share. */
async function seedImageFiles(strapi: Core.Strapi): Promise<number[]> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-'));
  const ids: number[] = [];
  try {
    for (let i = 0; i < IMAGE_FILES; i += 1) {
      const file = path.join(tmp, `bench-${i + 1}.jpg`);
      const hue = Math.round((i * 360) / IMAGE_FILES);
      await sharp({ create: { width: 1200, height: 800, channels: 3, background: `hsl(${hue}, 45%, 40%)` } })
        .jpeg({ quality: 70 })
        .toFile(file);
      const [uploaded] = (await strapi.plugin('upload').service('upload').upload({
        data: { fileInfo: { name: `bench-${i + 1}.jpg`, alternativeText: `Benchmark image ${i + 1}` } },
        files: { filepath: file, originalFilename: `bench-${i + 1}.jpg`, mimetype: 'image/jpeg', size: fs.statSync(file).size },
      })) as Array<{ id: number }>;
      ids.push(uploaded.id);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return ids;
}

async function seedPhotos(writer: BulkWriter, opts: SeedOptions, fileIds: number[], template: string): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < opts.photos; i += 1) {
    const story = ARTICLES[i % ARTICLES.length];
    const agency = AGENCIES[i % AGENCIES.length];
    const credit = {
      photographer: PHOTOGRAPHERS[i % PHOTOGRAPHERS.length],
      agency,
      copyrightHolder: agency,
      license: i % 9 === 4 ? 'Editorial use only; no syndication' : 'Editorial use',
      mayRedistribute: i % 9 !== 4,
    };
    const at = new Date(opts.now.getTime() - i * 3 * INTERVAL_MS);
    const id = await writer.entity(PHOTO, {
      documentId: documentId(),
      caption: `${story.dateline}: ${story.standfirst}`,
      altText: `Scene from ${story.dateline} (${i + 1})`,
      creditLine: renderCreditLine(credit, template),
      takenAt: at,
      location: story.dateline,
      createdAt: at,
      updatedAt: at,
      publishedAt: at,
      locale: null,
    });
    const creditId = await writer.entity('media.photo-credit', credit);
    await writer.attach(PHOTO, 'credit', id, 'media.photo-credit', creditId, null);
    await writer.media(PHOTO, 'image', id, fileIds[i % fileIds.length]);
    ids.push(id);
  }
  await writer.flush();
  return ids;
}

interface ArticleRows {
  draft: number;
  published: number;
}

async function seedArticles(writer: BulkWriter, opts: SeedOptions, sectionIds: number[], photoIds: number[]) {
  const started = Date.now();
  const rows: ArticleRows[] = [];
  const perSection = new Map<number, number>();
  const shortUrls = writer.has(SHORT_URL, 'code');
  const articleDocumentIdColumn = shortUrls && writer.has(SHORT_URL, 'articleDocumentId');
  // The comments plugin's per-article switches, at their schema defaults (as the Document Service writes them).
  const commentSwitches = Object.fromEntries(['commentsClosed', 'commentsPremoderated'].filter((a) => writer.has(ARTICLE, a)).map((a) => [a, false]));
  for (let i = 0; i < opts.articles; i += 1) {
    // i = 0 is the oldest story, so related links always point back in time.
    const story = benchStory(i);
    const { dateline } = ARTICLES[i % ARTICLES.length];
    const firstPublishedAt = new Date(opts.now.getTime() - 60 * 60 * 1000 - (opts.articles - 1 - i) * INTERVAL_MS);
    const updatedAt = new Date(firstPublishedAt.getTime() + 5 * 60 * 1000);
    const sectionId = sectionIds[i % sectionIds.length];
    const ord = (perSection.get(sectionId) ?? 0) + 1;
    perSection.set(sectionId, ord);
    const docId = documentId();
    const slug = `${makeSlug(story.title)}-${i + 1}`;
    const [first, ...more] = story.paragraphs;
    const pair: Partial<ArticleRows> = {};
    for (const version of ['draft', 'published'] as const) {
      const id = await writer.entity(ARTICLE, {
        documentId: docId,
        title: story.title,
        slug,
        kicker: story.kicker,
        standfirst: story.standfirst,
        dateline,
        firstPublishedAt,
        commentsEnabled: i % 4 !== 3,
        ...commentSwitches,
        mediaKind: 'text',
        createdAt: firstPublishedAt,
        updatedAt,
        publishedAt: version === 'published' ? updatedAt : null,
        locale: 'en',
      });
      pair[version] = id;
      // Each version links to targets of its own kind: a draft to drafts, the published row to published rows.
      const target = (n: number) => rows[n]?.[version];
      await writer.relate(ARTICLE, 'section', id, sectionId, { inverseOrder: ord });
      await writer.relate(ARTICLE, 'leadPhoto', id, photoIds[i % photoIds.length]);

      const text = await writer.entity('blocks.rich-text', { body: [first, ...more].join('\n\n') });
      await writer.attach(ARTICLE, 'body', id, 'blocks.rich-text', text, 1);
      const embed = await writer.entity('blocks.photo-embed', { captionOverride: null });
      await writer.relate('blocks.photo-embed', 'photo', embed, photoIds[(i * 7 + 3) % photoIds.length]);
      await writer.attach(ARTICLE, 'body', id, 'blocks.photo-embed', embed, 2);
      const related = await writer.entity('blocks.related-story', {});
      const relatedLink = await relatedStoryLink(writer, target(i - 1), 'Read more');
      await writer.attach('blocks.related-story', 'link', related, 'article.related-story-link', relatedLink, null);
      await writer.attach(ARTICLE, 'body', id, 'blocks.related-story', related, 3);

      for (const [n, back] of [2, 3].entries()) {
        const link = await relatedStoryLink(writer, target(i - back), 'Related');
        await writer.attach(ARTICLE, 'relatedLinks', id, 'article.related-story-link', link, n + 1);
      }
    }
    rows.push(pair as ArticleRows);
    if (shortUrls) {
      await writer.entity(SHORT_URL, {
        documentId: documentId(),
        code: benchShortCode(i),
        ...(articleDocumentIdColumn ? { articleDocumentId: docId } : {}),
        url: null,
        redirectStatus: 301,
        hits: 0,
        enabled: true,
        expiresAt: null,
        createdAt: firstPublishedAt,
        updatedAt: firstPublishedAt,
        publishedAt: firstPublishedAt,
        locale: null,
      });
    }
    if ((i + 1) % BATCH === 0 || i + 1 === opts.articles) {
      await writer.flush();
      const seconds = (Date.now() - started) / 1000;
      opts.log(`  articles ${i + 1}/${opts.articles} (${Math.round((i + 1) / seconds)}/s)`);
    }
  }
}

/** A related-story link to an earlier article, or to an outside page for the very first stories. */
async function relatedStoryLink(writer: BulkWriter, articleId: number | undefined, label: string) {
  const link = await writer.entity('article.related-story-link', {
    url: articleId ? null : 'https://en.wikipedia.org/wiki/Journalism',
    titleOverride: articleId ? null : 'Background: how news is made',
    label,
  });
  if (articleId) await writer.relate('article.related-story-link', 'article', link, articleId);
  return link;
}

const DEEP_POPULATE = {
  section: true,
  leadPhoto: { populate: { image: true, credit: true } },
  body: { on: { 'blocks.rich-text': true, 'blocks.photo-embed': { populate: { photo: true } }, 'blocks.related-story': { populate: { link: { populate: { article: true } } } } } },
  relatedLinks: { populate: { article: true } },
};

/** The shape of a document: keys and value kinds, not values. */
export function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value instanceof Date) return 'date';
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, shapeOf((value as Record<string, unknown>)[k])]));
  }
  return value === null ? 'null' : typeof value;
}

/**
 * Creates one article through the Document Service from the same ingredients as a bulk row,
 * reads both back with the same populate and fails when their shapes differ; then removes it.
 */
export async function verifyAgainstDocumentService(strapi: Core.Strapi) {
  const articles = strapi.documents(ARTICLE);
  const [newest, older] = (await articles.findMany({ status: 'published', sort: 'firstPublishedAt:desc', limit: 3, populate: DEEP_POPULATE })) as unknown as Array<Record<string, any>>;
  const reference = (await articles.create({
    data: {
      title: 'Benchmark reference story',
      kicker: newest.kicker,
      standfirst: newest.standfirst,
      dateline: newest.dateline,
      firstPublishedAt: new Date(),
      commentsEnabled: true,
      section: newest.section.documentId,
      leadPhoto: newest.leadPhoto.documentId,
      body: [
        { __component: 'blocks.rich-text', body: newest.body[0].body },
        { __component: 'blocks.photo-embed', photo: newest.body[1].photo.documentId },
        { __component: 'blocks.related-story', link: { article: older.documentId, label: 'Read more' } },
      ],
      relatedLinks: newest.relatedLinks.map((l: { label: string }) => ({ article: older.documentId, label: l.label })),
    },
    status: 'published',
  })) as unknown as { documentId: string };
  try {
    const read = async (documentId: string) =>
      shapeOf(await articles.findOne({ documentId, status: 'published', populate: DEEP_POPULATE }));
    const [bulk, viaService] = [await read(newest.documentId), await read(reference.documentId)];
    if (JSON.stringify(bulk) !== JSON.stringify(viaService)) {
      throw new Error(`A bulk-seeded article does not read back like one made by the Document Service:\n${JSON.stringify(bulk)}\n${JSON.stringify(viaService)}`);
    }
    const drafts = await articles.count({ status: 'draft' });
    const published = await articles.count({ status: 'published' });
    if (drafts !== published) throw new Error(`Expected a draft per published article, got ${drafts} drafts and ${published} published`);
  } finally {
    await articles.delete({ documentId: reference.documentId });
    if (strapi.db.metadata.get(SHORT_URL).attributes.articleDocumentId) {
      await strapi.db.query(SHORT_URL).deleteMany({ where: { articleDocumentId: reference.documentId } });
    }
  }
}

function argValue(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

async function main(argv: string[]) {
  const articles = Number(argValue(argv, '--articles') ?? 10000);
  const db = argValue(argv, '--db');
  const info = argValue(argv, '--info');
  if (!db || !Number.isInteger(articles) || articles < 1) throw new Error('usage: seed.js --articles N --db FILE [--info FILE]');
  Object.assign(process.env, benchEnv({ DATABASE_FILENAME: path.resolve(db) }));
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const strapi = await loadStrapi();
  strapi.log.level = 'warn';
  try {
    await seedBenchmark(strapi, { articles, photos: 5000, now: new Date(), log });
    await verifyAgainstDocumentService(strapi);
    log('  verified: a seeded article reads back like one created through the Document Service');
    await seedViewBuckets(strapi, new Date(), log);
    const hasShortUrls = Boolean(strapi.db.metadata.get(SHORT_URL)?.attributes.code);
    if (info) fs.writeFileSync(info, JSON.stringify({ shortCode: hasShortUrls ? benchShortCode(articles - 1) : null }));
  } finally {
    await strapi.destroy();
  }
}

runMain(module, () => main(process.argv.slice(2)));
