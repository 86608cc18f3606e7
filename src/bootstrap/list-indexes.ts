// Applies the list-index migration once more after schema sync: Strapi runs user
// migrations before it creates tables, so on a fresh database they find nothing to index.
import path from 'path';
import type { Core } from '@strapi/strapi';

type Migration = { up(knex: unknown): Promise<void> };

export async function ensureListIndexes(strapi: Core.Strapi) {
  const dir = path.join(strapi.dirs.app.root, 'database', 'migrations');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('fs') as typeof import('fs');
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.js')).sort()) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const migration = require(path.join(dir, file)) as Migration & { idempotent?: boolean };
    if (migration.idempotent) await migration.up(strapi.db.connection);
  }
}
