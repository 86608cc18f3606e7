// Appeal outcome, refused, with the moderator's reason.
export default {
  subject: 'Your appeal to {{siteName}} was refused',
  text: 'Hello {{displayName}},\n\nA moderator read your appeal and kept the block on your account (user id {{userId}}).\n\nReason: {{reason}}\n',
  html: '<p>Hello {{displayName}},</p><p>A moderator read your appeal and kept the block on your account (user id {{userId}}).</p><p>Reason: {{reason}}</p>',
};
