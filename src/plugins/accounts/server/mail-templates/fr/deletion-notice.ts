// French: avis de suppression avec le lien de restauration.
export default {
  subject: 'Votre compte {{siteName}} sera supprimé le {{purgeDate}}',
  text: 'Bonjour {{username}},\n\nVotre compte {{siteName}} va être supprimé. Vous avez été déconnecté partout.\nLe {{purgeDate}}, vos données personnelles seront effacées définitivement.\n\nVous avez changé d’avis ? Restaurez votre compte dans les {{days}} jours :\n\n{{link}}\n',
  html: '<p>Bonjour {{username}},</p><p>Votre compte {{siteName}} va être supprimé. Vous avez été déconnecté partout. Le {{purgeDate}}, vos données personnelles seront effacées définitivement.</p><p>Vous avez changé d’avis ? Restaurez votre compte dans les {{days}} jours :</p><p><a href="{{link}}">Restaurer mon compte</a></p>',
};
