'use strict';
// Indexes for the columns that lists sort and filter by: publication time, section, slug, code.
const { indexMigration } = require('../index-migration');

module.exports = indexMigration([
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
]);
