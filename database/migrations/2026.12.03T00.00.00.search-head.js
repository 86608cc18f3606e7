'use strict';
// Search ranking at scale on PostgreSQL (src/plugins/search/server/engines/postgres.ts): a generated
// tsvector of the headline, kicker and standfirst alone (the document's "head"), with its own GIN
// index. A query of one group of terms ranks the stories whose head has one of its words first; when
// the page is full of those and its last score is above the most a body-only match can reach, the
// thousands of body-only matches of a common word are never ranked. SQLite: nothing (FTS5 ranks
// inside its own index). Idempotent: re-applied at boot (src/bootstrap/list-indexes.ts); adding the
// column computes it for the rows already indexed.

const isSqlite = (knex) => /sqlite/i.test(String(knex.client.config.client));

const HEAD = `setweight(to_tsvector(config, title), 'A') || setweight(to_tsvector(config, lede), 'B')
  || setweight(to_tsvector('simple'::regconfig, title), 'A') || setweight(to_tsvector('simple'::regconfig, lede), 'B')`;

const POSTGRES = [
  `ALTER TABLE search_documents ADD COLUMN IF NOT EXISTS tsv_head TSVECTOR GENERATED ALWAYS AS (${HEAD}) STORED`,
  'CREATE INDEX IF NOT EXISTS search_documents_head_idx ON search_documents USING GIN (tsv_head) WITH (fastupdate = off)',
];

async function up(knex) {
  if (isSqlite(knex)) return;
  for (const sql of POSTGRES) await knex.raw(sql);
}

async function down(knex) {
  if (isSqlite(knex)) return;
  await knex.raw('DROP INDEX IF EXISTS search_documents_head_idx');
  await knex.raw('ALTER TABLE search_documents DROP COLUMN IF EXISTS tsv_head');
}

module.exports = { up, down, idempotent: true };
