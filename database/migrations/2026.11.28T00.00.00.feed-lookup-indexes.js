'use strict';
// The batch lookup of a page of articles' short links (feeds, article lists, GraphQL): without
// it every feed page scans short_urls, so feeds slow down as the archive grows.
const { indexMigration } = require('../index-migration');

module.exports = indexMigration([
  { table: 'short_urls', name: 'short_urls_article_document_idx', columns: ['article_document_id', 'id'] },
]);
