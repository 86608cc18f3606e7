// Sent to an address's existing owner when someone registers with it (the API answers the same either way).
export default {
  subject: 'Someone tried to register with your address on {{siteName}}',
  text: 'Hello,\n\nSomeone tried to create a {{siteName}} account with this e-mail address, which already has one.\nIf it was you, log in or reset your password:\n\n{{link}}\n\nOtherwise you can ignore this mail: nothing has changed.\n',
  html: '<p>Hello,</p><p>Someone tried to create a {{siteName}} account with this e-mail address, which already has one. If it was you, log in or reset your password:</p><p><a href="{{link}}">Reset my password</a></p><p>Otherwise you can ignore this mail: nothing has changed.</p>',
};
