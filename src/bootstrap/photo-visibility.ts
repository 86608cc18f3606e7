// The photo embargo's computed column at boot and hourly: recomputed for every photo when the
// ways a document can use a photo changed (first boot with the embargo, a new photo field),
// and by the hourly `photo-visibility` job for writes that bypassed the Document Service.
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { platform } from '../platform';
import { reconcilePhotoVisibility } from '../document-middlewares/photo-embargo';

const STORE = { type: 'plugin', name: 'newsroom' } as const;
const STORE_KEY = 'photo_visibility_paths';
export const PHOTO_VISIBILITY_JOB = 'photo-visibility';

export async function setUpPhotoVisibility(strapi: Core.Strapi) {
  platform(strapi).jobs.define({
    name: PHOTO_VISIBILITY_JOB,
    everySeconds: 3600,
    run: async () => {
      const changed = await reconcilePhotoVisibility(strapi);
      if (changed > 0) strapi.log.warn(`[photos] ${changed} photo(s) changed visibility in the hourly check (written outside the Document Service?)`);
    },
  });
  const service = strapi.service('api::photo.visibility') as unknown as { paths(): unknown };
  const fingerprint = crypto.createHash('sha256').update(JSON.stringify(service.paths())).digest('hex');
  const store = strapi.store(STORE);
  if ((await store.get({ key: STORE_KEY })) === fingerprint) return;
  await reconcilePhotoVisibility(strapi);
  await store.set({ key: STORE_KEY, value: fingerprint });
}
