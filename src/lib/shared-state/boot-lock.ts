// Serialises boots of several instances on one PostgreSQL database: a session advisory lock held
// on a connection of its own (not one of the pool's) from before Strapi syncs the schema until
// the app's bootstrap writes are done. If the process dies, PostgreSQL releases the lock with it.
import { Client, type ClientConfig } from 'pg';

export interface BootLock {
  release(): Promise<void>;
}

/** A stable 64-bit lock id per database schema, so apps in different schemas do not wait for each other. */
export function bootLockKey(schema: string): string {
  return `newsroom:boot:${schema}`;
}

export async function acquireBootLock(
  connection: ClientConfig,
  key: string,
  opts: { timeoutMs?: number; onWait?: () => void } = {},
): Promise<BootLock> {
  const client = new Client({ ...connection, application_name: 'newsroom-boot-lock' });
  await client.connect();
  try {
    const timeoutMs = opts.timeoutMs ?? 10 * 60_000;
    const { rows } = await client.query('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS got', [key]);
    if (!rows[0].got) {
      opts.onWait?.();
      await client.query(`SET lock_timeout = ${Math.max(1, Math.floor(timeoutMs))}`);
      await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
    }
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      try {
        await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
      } finally {
        await client.end().catch(() => {});
      }
    },
  };
}
