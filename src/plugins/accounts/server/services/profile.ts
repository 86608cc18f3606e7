// A reader's own profile (display name, locale, avatar) and their data export.
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import fs from 'fs';
import os from 'os';
import path from 'path';
import sharp from 'sharp';
import { profileBody } from '../../lib/request-bodies';
import { platform } from '../../../../platform';
import { parseBody } from './auth-flows';
import type { AccountsConfig } from '../config';

const IMAGE_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'heif']);

interface UploadedFile {
  filepath?: string;
  path?: string;
  size?: number;
  mimetype?: string;
  originalFilename?: string;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const plugin = () => strapi.plugin('accounts');
  const config = () => strapi.config.get('plugin::accounts') as AccountsConfig;

  return {
    async get(userId: number) {
      const user = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: userId }, select: ['username'] });
      const reader = await plugin().service('readers').ensure(userId);
      const withAvatar = await plugin().service('readers').find(userId);
      return {
        username: user?.username ?? null,
        displayName: reader.displayName ?? null,
        locale: reader.locale ?? null,
        avatar: withAvatar?.avatar ? { url: withAvatar.avatar.url } : null,
      };
    },

    async update(userId: number, body: unknown) {
      const input = parseBody(profileBody, body);
      const data: Record<string, unknown> = {};
      if (input.displayName !== undefined) data.displayName = input.displayName;
      if (input.locale !== undefined) data.locale = input.locale;
      await plugin().service('readers').update(userId, data);
      return this.get(userId);
    },

    /** Images only, size-limited, re-encoded and resized by the server, metadata stripped. */
    async setAvatar(userId: number, file: unknown) {
      const upload = (Array.isArray(file) ? file[0] : file) as UploadedFile | undefined;
      const source = upload?.filepath ?? upload?.path;
      if (!upload || !source) throw new errors.ValidationError('Send the image as the multipart field "avatar".');
      const { maxBytes, size } = config().avatar;
      if ((upload.size ?? 0) > maxBytes) throw new errors.ValidationError(`The avatar must be at most ${maxBytes} bytes.`, { maxBytes });
      let encoded: Buffer;
      try {
        const meta = await sharp(source).metadata();
        if (!meta.format || !IMAGE_FORMATS.has(meta.format)) throw new Error('not an image');
        // rotate() applies the EXIF orientation before sharp drops all metadata on output.
        encoded = await sharp(source, { limitInputPixels: 40_000_000 }).rotate().resize(size, size, { fit: 'cover' }).webp({ quality: 82 }).toBuffer();
      } catch {
        throw new errors.ValidationError('The avatar must be an image (JPEG, PNG, WebP, GIF or AVIF).');
      }
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'avatar-'));
      const filepath = path.join(dir, 'avatar.webp');
      fs.writeFileSync(filepath, encoded);
      try {
        const [stored] = await strapi.plugin('upload').service('upload').upload({
          data: { fileInfo: { name: `avatar-${userId}.webp`, alternativeText: 'Reader avatar' } },
          files: { filepath, originalFilename: `avatar-${userId}.webp`, mimetype: 'image/webp', size: encoded.length },
        });
        const previous = await plugin().service('readers').find(userId);
        await plugin().service('readers').update(userId, { avatar: stored.id });
        if (previous?.avatar?.id) {
          const old = await strapi.db.query('plugin::upload.file').findOne({ where: { id: previous.avatar.id } });
          if (old) await strapi.plugin('upload').service('upload').remove(old);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      return this.get(userId);
    },

    /** Everything held about the reader, at most once per `intervalHours` (shared across instances). */
    async exportOnce(userId: number, intervalHours: number) {
      const first = await platform(strapi).store.claim(`accounts:export:${userId}`, intervalHours * 3600);
      if (!first) {
        throw new errors.RateLimitError(`Your data can be exported once every ${intervalHours} hours.`, { retryAfterHours: intervalHours });
      }
      return plugin().service('personal-data').exportEverywhere(userId);
    },
  };
};
