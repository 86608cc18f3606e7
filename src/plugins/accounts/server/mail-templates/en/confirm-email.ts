// Sent after registration (and on request): the link opens a confirm page; only its button uses the token.
export default {
  subject: 'Confirm your e-mail address for {{siteName}}',
  text: 'Hello {{username}},\n\nPlease confirm your e-mail address to finish creating your {{siteName}} account:\n\n{{link}}\n\nIf you did not create this account, ignore this mail.\n',
  html: '<p>Hello {{username}},</p><p>Please confirm your e-mail address to finish creating your {{siteName}} account:</p><p><a href="{{link}}">Confirm my e-mail address</a></p><p>If you did not create this account, ignore this mail.</p>',
};
