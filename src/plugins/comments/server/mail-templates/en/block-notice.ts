// Block notice: the reader is told why their account can no longer post.
export default {
  subject: 'Your {{siteName}} account is blocked from commenting',
  text: 'Hello {{displayName}},\n\nYour account (user id {{userId}}) can no longer post, report or edit comments: it breaks our community standard "{{standardTitle}}" ({{code}}):\n\n{{ruleText}}\n\n{{noteLine}}{{appealLine}}\n',
  html: '<p>Hello {{displayName}},</p><p>Your account (user id {{userId}}) can no longer post, report or edit comments: it breaks our community standard “{{standardTitle}}” (<code>{{code}}</code>):</p><blockquote>{{ruleText}}</blockquote><p>{{noteLine}}</p><p>{{appealLine}}</p>',
};
