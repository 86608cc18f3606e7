// Exposé des motifs : envoyé à l’auteur d’un commentaire rejeté par un modérateur.
export default {
  subject: 'Votre commentaire sur {{siteName}} a été retiré ({{code}})',
  text: 'Bonjour {{displayName}},\n\nUn modérateur a retiré votre commentaire sous « {{articleTitle}} » : il enfreint la règle « {{standardTitle}} » ({{code}}) de notre charte :\n\n{{ruleText}}\n\n{{noteLine}}Votre commentaire :\n\n{{body}}\n\nSi vous pensez qu’il s’agit d’une erreur, répondez à ce message avec votre identifiant ({{userId}}) et une explication. La charte : {{standardsUrl}}\n',
  html: '<p>Bonjour {{displayName}},</p><p>Un modérateur a retiré votre commentaire sous « {{articleTitle}} » : il enfreint la règle « {{standardTitle}} » (<code>{{code}}</code>) de notre charte :</p><blockquote>{{ruleText}}</blockquote><p>{{noteLine}}</p><p>Votre commentaire :</p><blockquote style="white-space:pre-wrap">{{body}}</blockquote><p>Si vous pensez qu’il s’agit d’une erreur, répondez à ce message avec votre identifiant ({{userId}}) et une explication. <a href="{{standardsUrl}}">Notre charte</a>.</p>',
};
