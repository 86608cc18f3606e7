// Fixture documents created through the Document Service, as editors' saves would be.
import fs from 'fs';
import os from 'os';
import path from 'path';
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { drawDemoImage } from '../../src/seed/seed-demo';

type Data = Record<string, unknown>;
export type Doc = { id: number; documentId: string } & Data;

const unique = () => crypto.randomBytes(3).toString('hex');

export async function createSection(strapi: Core.Strapi, name = `Section ${unique()}`, extra: Data = {}): Promise<Doc> {
  return (await strapi.documents('api::section.section').create({ data: { name, ...extra } } as never)) as Doc;
}

export async function uploadImage(strapi: Core.Strapi, label = 'Test'): Promise<Doc> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-img-'));
  const file = path.join(dir, `photo-${unique()}.jpg`);
  try {
    await drawDemoImage(file, label, ['#223344', '#8899aa'], 3);
    const [uploaded] = await strapi.plugin('upload').service('upload').upload({
      data: { fileInfo: { name: path.basename(file) } },
      files: { filepath: file, originalFilename: path.basename(file), mimetype: 'image/jpeg', size: fs.statSync(file).size },
    });
    return uploaded as Doc;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function createPhoto(strapi: Core.Strapi, extra: Data = {}): Promise<Doc> {
  const image = await uploadImage(strapi);
  return (await strapi.documents('api::photo.photo').create({
    data: {
      image: image.id,
      caption: 'Rescue workers search the rubble',
      altText: 'Two rescue workers in orange helmets',
      credit: { agency: 'AP Photo', photographer: 'Dusan Vranic', mayRedistribute: true },
      ...extra,
    },
  } as never)) as Doc;
}

export async function createArticle(strapi: Core.Strapi, data: Data, opts: { publish?: boolean } = {}): Promise<Doc> {
  return (await strapi.documents('api::article.article').create({
    data: { title: `Story ${unique()}`, ...data },
    ...(opts.publish === false ? {} : { status: 'published' }),
  } as never)) as Doc;
}
