// The running app's shared state and jobs: created on first use, started after bootstrap,
// closed on destroy. Features reach them through platform(strapi) and never talk to Redis or
// timers themselves. One per Strapi instance, so tests that boot several apps do not share state.
import type { Core } from '@strapi/strapi';
import { createMemoryStore } from '../lib/shared-state/memory';
import { createLocalJobRunner } from '../lib/shared-state/local-jobs';
import type { JobRunner, SharedStore } from '../lib/shared-state/types';

export interface Platform {
  store: SharedStore;
  jobs: JobRunner;
}

const platforms = new WeakMap<object, Platform>();

export function createPlatform(strapi: Core.Strapi): Platform {
  const existing = platforms.get(strapi);
  if (existing) return existing;
  const platform: Platform = {
    store: createMemoryStore(),
    jobs: createLocalJobRunner({
      onError: (job, error) => strapi.log.error(`Job ${job} failed: ${error instanceof Error ? error.message : String(error)}`),
    }),
  };
  platforms.set(strapi, platform);
  return platform;
}

/** Created on first use: local plugins' register() runs before the app's own. */
export function platform(strapi: Core.Strapi): Platform {
  return platforms.get(strapi) ?? createPlatform(strapi);
}

export async function closePlatform(strapi: Core.Strapi): Promise<void> {
  const found = platforms.get(strapi);
  if (!found) return;
  await found.jobs.stop();
  await found.store.close();
  platforms.delete(strapi);
}
