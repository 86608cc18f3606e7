'use strict';
// Builds an idempotent index migration: it skips tables or columns that do not exist yet and
// indexes that already exist, so src/bootstrap/list-indexes.ts can apply it again right after
// Strapi creates the tables of a fresh database (user migrations run before schema sync).

function indexMigration(indexes) {
  async function up(knex) {
    for (const index of indexes) {
      if (!(await knex.schema.hasTable(index.table))) continue;
      let ok = true;
      for (const column of [...index.columns, ...(index.whereColumns ?? [])]) ok = ok && (await knex.schema.hasColumn(index.table, column));
      if (!ok) continue;
      const cols = index.columns.map((c) => `"${c}"`).join(', ');
      // `where` makes a partial index (SQLite and PostgreSQL alike), for uniqueness over some rows only.
      const where = index.where ? ` WHERE ${index.where}` : '';
      await knex.raw(`CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${index.name}" ON "${index.table}" (${cols})${where}`);
    }
  }

  async function down(knex) {
    for (const index of indexes) await knex.raw(`DROP INDEX IF EXISTS "${index.name}"`);
  }

  return { up, down, idempotent: true, INDEXES: indexes };
}

module.exports = { indexMigration };
