'use strict';
// Moderation (src/plugins/comments/server/services/{moderation,blocks}.ts): one report per account
// and comment, enforced by the database too (two reports sent at once); a reader's history and a
// comment's log; the appeals queue.
const { indexMigration } = require('../index-migration');

module.exports = indexMigration([
  { table: 'comments_reports', name: 'comments_reports_once_idx', columns: ['comment_id', 'reporter_id'], unique: true },
  { table: 'comments_reports', name: 'comments_reports_reporter_idx', columns: ['reporter_id'] },
  { table: 'comments_moderation_logs', name: 'comments_log_user_idx', columns: ['user_id', 'at'] },
  { table: 'comments_moderation_logs', name: 'comments_log_comment_idx', columns: ['comment_id'] },
  { table: 'comments_appeals', name: 'comments_appeals_user_idx', columns: ['user_id'] },
  { table: 'comments_appeals', name: 'comments_appeals_status_idx', columns: ['status', 'created_at'] },
]);
