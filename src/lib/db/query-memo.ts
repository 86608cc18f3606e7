// Hot read paths: compile a query shape once with knex, then run it as raw SQL with fresh
// values (and, on SQLite, as a statement prepared once per connection).
import type { Knex } from 'knex';

export type Raw = Record<string, unknown>;

/** Stands in for the i-th parameter while a query shape is compiled once. */
const slot = (i: number) => `\u0000slot${i}\u0000`;
const SLOT = /^\u0000slot(\d+)\u0000$/;

/**
 * Compiles each query shape once with knex and then runs it as raw SQL with fresh values: the
 * profile of a cold feed showed knex's builder (not the database) as the largest single cost.
 */
export function createQueryMemo(knex: () => Knex) {
  const shapes = new Map<string, { sql: string; bindings: Array<{ slot: number } | { value: unknown }> }>();
  return async function run(key: string, params: unknown[], build: (p: string[]) => Knex.QueryBuilder): Promise<Raw[]> {
    let shape = shapes.get(key);
    if (!shape) {
      const { sql, bindings } = build(params.map((_, i) => slot(i))).toSQL();
      shape = {
        sql,
        bindings: bindings.map((b) => {
          const m = typeof b === 'string' ? SLOT.exec(b) : null;
          return m ? { slot: Number(m[1]) } : { value: b };
        }),
      };
      shapes.set(key, shape);
    }
    const values = shape.bindings.map((b) => ('slot' in b ? params[b.slot] : b.value)) as Knex.RawBinding[];
    const k = knex();
    if (isBetterSqlite(k)) return runPrepared(k, shape.sql, values);
    const result = (await k.raw(shape.sql, values)) as Raw[] | { rows: Raw[] };
    return Array.isArray(result) ? result : result.rows;
  };
}

type SqliteClient = Knex.Client & {
  acquireConnection(): Promise<{ prepare(sql: string): { all(bindings: unknown[]): Raw[] } }>;
  releaseConnection(connection: unknown): Promise<void>;
  _formatBindings(bindings: unknown[]): unknown[];
};
type Statement = { all(bindings: unknown[]): Raw[] };

const statements = new WeakMap<object, Map<string, Statement>>();

function isBetterSqlite(k: Knex): boolean {
  return (k.client as { driverName?: string }).driverName === 'better-sqlite3';
}

/**
 * SQLite: keeps one prepared statement per query shape and connection instead of preparing the
 * same SQL on every request (knex prepares each time; the profile showed it). Goes through the
 * pool like knex does, and emits knex's 'query' event so query logging and counting still see it.
 */
async function runPrepared(k: Knex, sql: string, values: unknown[]): Promise<Raw[]> {
  const client = k.client as SqliteClient;
  const connection = await client.acquireConnection();
  try {
    let cache = statements.get(connection);
    if (!cache) statements.set(connection, (cache = new Map()));
    const statement = cache.get(sql) ?? connection.prepare(sql);
    cache.set(sql, statement);
    (k as unknown as { emit(event: string, data: unknown): void }).emit('query', { sql, bindings: values, method: 'raw' });
    return statement.all(client._formatBindings(values));
  } finally {
    await client.releaseConnection(connection);
  }
}

