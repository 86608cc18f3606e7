// Sent on forgot-password: the link opens a page asking for the new password.
export default {
  subject: 'Reset your {{siteName}} password',
  text: 'Hello {{username}},\n\nTo choose a new password, open:\n\n{{link}}\n\nIf you did not ask for this, ignore this mail: your password stays as it is.\n',
  html: '<p>Hello {{username}},</p><p>To choose a new password, open:</p><p><a href="{{link}}">Choose a new password</a></p><p>If you did not ask for this, ignore this mail: your password stays as it is.</p>',
};
