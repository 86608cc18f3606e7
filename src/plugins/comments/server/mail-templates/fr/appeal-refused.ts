// Issue du recours, refus, avec le motif du modérateur.
export default {
  subject: 'Votre recours auprès de {{siteName}} a été refusé',
  text: 'Bonjour {{displayName}},\n\nUn modérateur a lu votre recours et maintenu le blocage de votre compte (identifiant {{userId}}).\n\nMotif : {{reason}}\n',
  html: '<p>Bonjour {{displayName}},</p><p>Un modérateur a lu votre recours et maintenu le blocage de votre compte (identifiant {{userId}}).</p><p>Motif : {{reason}}</p>',
};
