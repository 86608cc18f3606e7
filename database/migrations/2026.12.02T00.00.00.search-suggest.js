'use strict';
// Headline suggestions (src/plugins/search): a small table of the words seen in headlines, per
// locale, for completing within one typo without scanning every headline; on PostgreSQL also a
// GIN index on the headlines' own `simple` tsvector (completion by prefix without rechecking
// the whole document's tsvector). Idempotent: re-applied at boot (src/bootstrap/list-indexes.ts).
// Terms are read by code-point range (C collation on PostgreSQL, SQLite's binary order).
// Filled as stories are indexed; an index built before this table existed has its headline words
// filled once at boot (the search-terms-backfill job, src/plugins/search/strapi-server.ts).

const isSqlite = (knex) => /sqlite/i.test(String(knex.client.config.client));

const SQLITE = [
  `CREATE TABLE IF NOT EXISTS search_terms (
    locale TEXT NOT NULL,
    term TEXT NOT NULL,
    weight INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (locale, term)
  ) WITHOUT ROWID`,
];

const POSTGRES = [
  `CREATE TABLE IF NOT EXISTS search_terms (
    locale VARCHAR(32) NOT NULL,
    term TEXT COLLATE "C" NOT NULL,
    weight INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (locale, term)
  )`,
  "CREATE INDEX IF NOT EXISTS search_documents_title_tsv_idx ON search_documents USING GIN (to_tsvector('simple'::regconfig, title)) WITH (fastupdate = off)",
];

async function up(knex) {
  for (const sql of isSqlite(knex) ? SQLITE : POSTGRES) await knex.raw(sql);
}

async function down(knex) {
  await knex.raw('DROP TABLE IF EXISTS search_terms');
  if (!isSqlite(knex)) await knex.raw('DROP INDEX IF EXISTS search_documents_title_tsv_idx');
}

module.exports = { up, down, idempotent: true };
