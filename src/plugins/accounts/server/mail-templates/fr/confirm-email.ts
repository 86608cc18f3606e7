// French: confirmation de l'adresse après l'inscription.
export default {
  subject: 'Confirmez votre adresse e-mail pour {{siteName}}',
  text: 'Bonjour {{username}},\n\nVeuillez confirmer votre adresse e-mail pour terminer la création de votre compte {{siteName}} :\n\n{{link}}\n\nSi vous n’avez pas créé ce compte, ignorez ce message.\n',
  html: '<p>Bonjour {{username}},</p><p>Veuillez confirmer votre adresse e-mail pour terminer la création de votre compte {{siteName}} :</p><p><a href="{{link}}">Confirmer mon adresse</a></p><p>Si vous n’avez pas créé ce compte, ignorez ce message.</p>',
};
