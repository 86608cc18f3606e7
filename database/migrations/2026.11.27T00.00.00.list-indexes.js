'use strict';
// Indexes for the columns that lists sort and filter by: publication time, section, slug, code.
// Idempotent: skips tables that do not exist yet and indexes that already exist, so the
// bootstrap step can apply it again right after Strapi creates the tables of a fresh database.

const INDEXES = [
  { table: 'articles', name: 'articles_first_published_idx', columns: ['first_published_at', 'id'] },
  { table: 'articles', name: 'articles_published_idx', columns: ['published_at', 'id'] },
  { table: 'articles', name: 'articles_slug_idx', columns: ['slug', 'locale'] },
  { table: 'articles_section_lnk', name: 'articles_section_lnk_section_idx', columns: ['section_id', 'article_id'] },
  { table: 'sections', name: 'sections_slug_idx', columns: ['slug'] },
  { table: 'tags', name: 'tags_slug_idx', columns: ['slug'] },
  { table: 'galleries', name: 'galleries_slug_idx', columns: ['slug'] },
  { table: 'galleries', name: 'galleries_kind_covers_idx', columns: ['kind', 'covers_from'] },
  { table: 'photos', name: 'photos_taken_at_idx', columns: ['taken_at'] },
  { table: 'short_urls', name: 'short_urls_code_uidx', columns: ['code'], unique: true },
];

async function up(knex) {
  for (const index of INDEXES) {
    if (!(await knex.schema.hasTable(index.table))) continue;
    let ok = true;
    for (const column of index.columns) ok = ok && (await knex.schema.hasColumn(index.table, column));
    if (!ok) continue;
    const cols = index.columns.map((c) => `"${c}"`).join(', ');
    await knex.raw(`CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS "${index.name}" ON "${index.table}" (${cols})`);
  }
}

async function down(knex) {
  for (const index of INDEXES) await knex.raw(`DROP INDEX IF EXISTS "${index.name}"`);
}

module.exports = { up, down, idempotent: true, INDEXES };
