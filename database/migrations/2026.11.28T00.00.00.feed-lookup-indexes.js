'use strict';
// Indexes for the lookups a cold feed page makes after its keyset query: the short URLs of a
// page of articles (by article documentId; without it every page scans short_urls, so the feed
// slows down as the archive grows). Idempotent like the list-index migration, so the bootstrap
// step applies it again right after Strapi creates the tables of a fresh database.

const INDEXES = [
  { table: 'short_urls', name: 'short_urls_article_document_idx', columns: ['article_document_id'] },
];

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
