'use strict';
// Full-text search index (src/plugins/search): one row per published article and locale.
// SQLite: FTS5 tables kept in step with search_documents by triggers (stemmed for ranked
// search, unstemmed with its vocabulary to complete the word being typed). PostgreSQL: a maintained
// tsvector with a GIN index. (Typo tolerance reads search_terms, 2026.12.02; the trigram structures
// it used to have are dropped by 2026.12.04.) Idempotent: re-applied at boot after schema sync (src/bootstrap/list-indexes.ts).

const isSqlite = (knex) => /sqlite/i.test(String(knex.client.config.client));

const SQLITE = [
  `CREATE TABLE IF NOT EXISTS search_documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id TEXT NOT NULL,
    locale TEXT NOT NULL,
    section_slug TEXT,
    tag_slugs TEXT NOT NULL DEFAULT '',
    refs TEXT NOT NULL DEFAULT '',
    published_ms INTEGER NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    lede TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    captions TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '',
    payload TEXT NOT NULL,
    indexed_ms INTEGER NOT NULL
  )`,
  'CREATE UNIQUE INDEX IF NOT EXISTS search_documents_doc_uidx ON search_documents (document_id, locale)',
  'CREATE INDEX IF NOT EXISTS search_documents_recent_idx ON search_documents (locale, published_ms)',
  `CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(title, lede, body, captions, tags,
    content='search_documents', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')`,
  `CREATE VIRTUAL TABLE IF NOT EXISTS search_plain USING fts5(title, lede, body, captions, tags,
    content='search_documents', content_rowid='id', tokenize='unicode61 remove_diacritics 2')`,
  // The unstemmed vocabulary, for completing the word being typed.
  "CREATE VIRTUAL TABLE IF NOT EXISTS search_plain_vocab USING fts5vocab(search_plain, 'row')",
  `CREATE TRIGGER IF NOT EXISTS search_documents_ai AFTER INSERT ON search_documents BEGIN
    INSERT INTO search_fts(rowid, title, lede, body, captions, tags) VALUES (new.id, new.title, new.lede, new.body, new.captions, new.tags);
    INSERT INTO search_plain(rowid, title, lede, body, captions, tags) VALUES (new.id, new.title, new.lede, new.body, new.captions, new.tags);
  END`,
  `CREATE TRIGGER IF NOT EXISTS search_documents_ad AFTER DELETE ON search_documents BEGIN
    INSERT INTO search_fts(search_fts, rowid, title, lede, body, captions, tags) VALUES ('delete', old.id, old.title, old.lede, old.body, old.captions, old.tags);
    INSERT INTO search_plain(search_plain, rowid, title, lede, body, captions, tags) VALUES ('delete', old.id, old.title, old.lede, old.body, old.captions, old.tags);
  END`,
  `CREATE TRIGGER IF NOT EXISTS search_documents_au AFTER UPDATE ON search_documents BEGIN
    INSERT INTO search_fts(search_fts, rowid, title, lede, body, captions, tags) VALUES ('delete', old.id, old.title, old.lede, old.body, old.captions, old.tags);
    INSERT INTO search_plain(search_plain, rowid, title, lede, body, captions, tags) VALUES ('delete', old.id, old.title, old.lede, old.body, old.captions, old.tags);
    INSERT INTO search_fts(rowid, title, lede, body, captions, tags) VALUES (new.id, new.title, new.lede, new.body, new.captions, new.tags);
    INSERT INTO search_plain(rowid, title, lede, body, captions, tags) VALUES (new.id, new.title, new.lede, new.body, new.captions, new.tags);
  END`,
  `CREATE TABLE IF NOT EXISTS search_state (name TEXT PRIMARY KEY, value TEXT NOT NULL)`,
];

const POSTGRES = [
  `CREATE TABLE IF NOT EXISTS search_documents (
    id BIGSERIAL PRIMARY KEY,
    document_id VARCHAR(64) NOT NULL,
    locale VARCHAR(32) NOT NULL,
    config REGCONFIG NOT NULL,
    section_slug VARCHAR(255),
    tag_slugs TEXT NOT NULL DEFAULT '',
    refs TEXT NOT NULL DEFAULT '',
    published_ms BIGINT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    lede TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL DEFAULT '',
    captions TEXT NOT NULL DEFAULT '',
    tags TEXT NOT NULL DEFAULT '',
    payload TEXT NOT NULL,
    indexed_ms BIGINT NOT NULL,
    tsv TSVECTOR NOT NULL
  )`,
  'CREATE UNIQUE INDEX IF NOT EXISTS search_documents_doc_uidx ON search_documents (document_id, locale)',
  'CREATE INDEX IF NOT EXISTS search_documents_recent_idx ON search_documents (locale, published_ms)',
  // fastupdate off: each publish updates the index at once instead of a pending list that slows searches until VACUUM.
  'CREATE INDEX IF NOT EXISTS search_documents_tsv_idx ON search_documents USING GIN (tsv) WITH (fastupdate = off)',
  'ALTER INDEX search_documents_tsv_idx SET (fastupdate = off)',
  'CREATE TABLE IF NOT EXISTS search_state (name VARCHAR(64) PRIMARY KEY, value TEXT NOT NULL)',
];

async function up(knex) {
  if (isSqlite(knex)) {
    for (const sql of SQLITE) await knex.raw(sql);
    return;
  }
  for (const sql of POSTGRES) await knex.raw(sql);
}

async function down(knex) {
  for (const name of ['search_plain_vocab', 'search_fts', 'search_plain', 'search_trigram']) await knex.raw(`DROP TABLE IF EXISTS ${name}`);
  await knex.raw('DROP TABLE IF EXISTS search_documents');
  await knex.raw('DROP TABLE IF EXISTS search_state');
}

/** The triggers that keep the FTS5 tables in step (2026.12.04 makes them again without the trigram table). */
const SQLITE_TRIGGERS = SQLITE.filter((sql) => sql.startsWith('CREATE TRIGGER'));

module.exports = { up, down, idempotent: true, SQLITE_TRIGGERS };
