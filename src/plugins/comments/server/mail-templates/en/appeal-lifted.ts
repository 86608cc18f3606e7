// Appeal outcome, lifted: the reader may comment again.
export default {
  subject: 'Your {{siteName}} account may comment again',
  text: 'Hello {{displayName}},\n\nA moderator read your appeal and lifted the block on your account (user id {{userId}}). You may comment again.\n\n{{noteLine}}Please note: a second block would be permanent.\n',
  html: '<p>Hello {{displayName}},</p><p>A moderator read your appeal and lifted the block on your account (user id {{userId}}). You may comment again.</p><p>{{noteLine}}</p><p>Please note: a second block would be permanent.</p>',
};
