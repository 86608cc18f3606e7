'use strict';
// The comments plugin's hot reads (src/plugins/comments/server/services/comments.ts): a thread's
// root comments by keyset (page 50 as fast as page 1), the replies of a page of roots, approved
// counts per article (pages, feeds), and the detectors' recent comments by author and by story.
const { indexMigration } = require('../index-migration');

module.exports = indexMigration([
  { table: 'comments_comments', name: 'comments_roots_idx', columns: ['article_document_id', 'thread_id', 'id'] },
  { table: 'comments_comments', name: 'comments_replies_idx', columns: ['thread_id', 'id'] },
  { table: 'comments_comments', name: 'comments_article_status_idx', columns: ['article_document_id', 'status'] },
  { table: 'comments_comments', name: 'comments_article_recent_idx', columns: ['article_document_id', 'created_at'] },
  { table: 'comments_comments', name: 'comments_author_recent_idx', columns: ['author_id', 'created_at'] },
  { table: 'comments_comments', name: 'comments_author_status_idx', columns: ['author_id', 'status'] },
  { table: 'comments_standards_acceptances', name: 'comments_acceptances_user_idx', columns: ['user_id', 'version'] },
  { table: 'comments_blocks', name: 'comments_blocks_user_idx', columns: ['user_id', 'lifted_at'] },
]);
