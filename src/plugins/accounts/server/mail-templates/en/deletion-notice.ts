// The only mail a reader gets once deletion is requested: the restore link, valid {{days}} days.
export default {
  subject: 'Your {{siteName}} account will be deleted on {{purgeDate}}',
  text: 'Hello {{username}},\n\nYour {{siteName}} account is scheduled for deletion. You have been logged out everywhere.\nOn {{purgeDate}} your personal data will be erased for good.\n\nChanged your mind? Restore your account within {{days}} days:\n\n{{link}}\n',
  html: '<p>Hello {{username}},</p><p>Your {{siteName}} account is scheduled for deletion. You have been logged out everywhere. On {{purgeDate}} your personal data will be erased for good.</p><p>Changed your mind? Restore your account within {{days}} days:</p><p><a href="{{link}}">Restore my account</a></p>',
};
