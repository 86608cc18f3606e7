'use strict';
// Typo-tolerant suggestions read the search_terms table (2026.12.02): the trigram structures that
// served them before are read by nothing, so they are dropped and no write keeps them any more.
// SQLite: the search_trigram FTS5 table, and the triggers that fed it, made again from the
// search-index migration's statements without it. PostgreSQL: the pg_trgm index on titles (the
// extension itself is left, other things may use it). Idempotent: re-applied at boot.

const { SQLITE_TRIGGERS } = require('./2026.12.01T00.00.00.search-index.js');

const isSqlite = (knex) => /sqlite/i.test(String(knex.client.config.client));

async function up(knex) {
  if (!isSqlite(knex)) {
    await knex.raw('DROP INDEX IF EXISTS search_documents_title_trgm_idx');
    return;
  }
  const found = await knex.raw("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_trigram'");
  if (!found.length) return;
  for (const t of ['ai', 'ad', 'au']) await knex.raw(`DROP TRIGGER IF EXISTS search_documents_${t}`);
  await knex.raw('DROP TABLE search_trigram');
  for (const sql of SQLITE_TRIGGERS) await knex.raw(sql);
}

async function down() {
  // Nothing to restore: nothing reads the trigram structures.
}

module.exports = { up, down, idempotent: true };
