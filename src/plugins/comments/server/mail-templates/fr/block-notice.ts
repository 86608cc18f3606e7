// Avis de blocage : le lecteur apprend pourquoi son compte ne peut plus commenter.
export default {
  subject: 'Votre compte {{siteName}} ne peut plus commenter',
  text: 'Bonjour {{displayName}},\n\nVotre compte (identifiant {{userId}}) ne peut plus publier, signaler ni modifier de commentaires : il enfreint la règle « {{standardTitle}} » ({{code}}) de notre charte :\n\n{{ruleText}}\n\n{{noteLine}}{{appealLine}}\n',
  html: '<p>Bonjour {{displayName}},</p><p>Votre compte (identifiant {{userId}}) ne peut plus publier, signaler ni modifier de commentaires : il enfreint la règle « {{standardTitle}} » (<code>{{code}}</code>) de notre charte :</p><blockquote>{{ruleText}}</blockquote><p>{{noteLine}}</p><p>{{appealLine}}</p>',
};
