// Statement of reasons: sent to the author of a comment a moderator rejected.
export default {
  subject: 'Your comment on {{siteName}} was removed ({{code}})',
  text: 'Hello {{displayName}},\n\nA moderator removed your comment under "{{articleTitle}}" because it breaks our community standard "{{standardTitle}}" ({{code}}):\n\n{{ruleText}}\n\n{{noteLine}}Your comment:\n\n{{body}}\n\nIf you think this is a mistake, reply to this e-mail with your user id ({{userId}}) and an explanation. The community standards: {{standardsUrl}}\n',
  html: '<p>Hello {{displayName}},</p><p>A moderator removed your comment under “{{articleTitle}}” because it breaks our community standard “{{standardTitle}}” (<code>{{code}}</code>):</p><blockquote>{{ruleText}}</blockquote><p>{{noteLine}}</p><p>Your comment:</p><blockquote style="white-space:pre-wrap">{{body}}</blockquote><p>If you think this is a mistake, reply to this e-mail with your user id ({{userId}}) and an explanation. <a href="{{standardsUrl}}">Our community standards</a>.</p>',
};
