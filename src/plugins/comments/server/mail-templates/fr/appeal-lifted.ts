// Issue du recours, levée : le lecteur peut de nouveau commenter.
export default {
  subject: 'Votre compte {{siteName}} peut de nouveau commenter',
  text: 'Bonjour {{displayName}},\n\nUn modérateur a lu votre recours et levé le blocage de votre compte (identifiant {{userId}}). Vous pouvez de nouveau commenter.\n\n{{noteLine}}Attention : un second blocage serait définitif.\n',
  html: '<p>Bonjour {{displayName}},</p><p>Un modérateur a lu votre recours et levé le blocage de votre compte (identifiant {{userId}}). Vous pouvez de nouveau commenter.</p><p>{{noteLine}}</p><p>Attention : un second blocage serait définitif.</p>',
};
