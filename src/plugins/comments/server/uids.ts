// The content types the comments plugin reads and writes, named once.
export const COMMENT = 'plugin::comments.comment';
export const STANDARD = 'plugin::comments.community-standard';
export const VERSION = 'plugin::comments.standards-version';
export const ACCEPTANCE = 'plugin::comments.standards-acceptance';
export const LOG = 'plugin::comments.moderation-log';
export const REPORT = 'plugin::comments.report';
export const BLOCK = 'plugin::comments.block';
export const APPEAL = 'plugin::comments.appeal';
export const USER = 'plugin::users-permissions.user';
export const READER = 'plugin::accounts.reader';
