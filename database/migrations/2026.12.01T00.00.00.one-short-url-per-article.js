'use strict';
// One automatic short link per article document, enforced by the database: two simultaneous
// first publishes cannot both create one (the loser finds the winner's link). Editors' vanity
// links to an article are not marked `made_on_publish` and stay allowed.
const { indexMigration } = require('../index-migration');

module.exports = indexMigration([
  {
    table: 'short_urls',
    name: 'short_urls_article_made_on_publish_uidx',
    columns: ['article_document_id'],
    unique: true,
    where: '"made_on_publish" = true',
    whereColumns: ['made_on_publish'],
  },
]);
