'use strict';
// Index for the batch lookup of articles' short links (feeds, article lists, GraphQL):
// short_urls(article_document_id). Idempotent like the list indexes, so the bootstrap step
// applies it again right after Strapi creates the tables of a fresh database.

const INDEXES = [{ table: 'short_urls', name: 'short_urls_article_document_idx', columns: ['article_document_id', 'id'] }];

async function up(knex) {
  for (const index of INDEXES) {
    if (!(await knex.schema.hasTable(index.table))) continue;
    let ok = true;
    for (const column of index.columns) ok = ok && (await knex.schema.hasColumn(index.table, column));
    if (!ok) continue;
    const cols = index.columns.map((c) => `"${c}"`).join(', ');
    await knex.raw(`CREATE INDEX IF NOT EXISTS "${index.name}" ON "${index.table}" (${cols})`);
  }
}

async function down(knex) {
  for (const index of INDEXES) await knex.raw(`DROP INDEX IF EXISTS "${index.name}"`);
}

module.exports = { up, down, idempotent: true, INDEXES };
