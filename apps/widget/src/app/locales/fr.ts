import type { Translations } from './en.js';

export const fr: Translations = {
  header: {
    title: 'Chat',
    minimize: 'Réduire le chat',
  },
  loading: 'Chargement de votre conversation…',
  unavailable: 'Ce chat n’est pas disponible pour le moment. Veuillez réessayer plus tard.',
  /** CH1, CH5: the page gave no sign-in token for a widget that requires one. */
  signIn: {
    missing:
      "La boutique n'a pas pu vous identifier pour ce chat. Rechargez la page ou reconnectez-vous, puis réessayez.",
    failed: "La boutique n'a pas répondu à temps pour vous identifier pour ce chat. Veuillez réessayer.",
  },
  /** CH1: outside the widget's hours, the post-chat survey, the transcript. */
  offline: {
    message: 'Nous ne sommes pas là pour le moment. Laissez un message, nous répondrons par e-mail.',
    opens: 'De retour {{when}}.',
    yourMessage: 'Votre message',
    submit: 'Laisser un message',
    invalid: 'Indiquez votre nom, une adresse e-mail valide et votre message.',
  },
  survey: {
    question: "Comment s'est passé l'échange ?",
    score: '{{n}} sur 5',
    comment: 'Quelque chose à ajouter ? (facultatif)',
    submit: 'Envoyer la note',
    pick: 'Choisissez une note de 1 à 5.',
    thanks: 'Merci pour votre avis !',
  },
  transcript: { download: 'Télécharger la conversation' },
  prechat: {
    intro:
      'Bonjour ! Dites-nous qui vous êtes et ce dont vous avez besoin, ' +
      'et nous vous mettrons en relation avec notre équipe.',
    name: 'Nom',
    email: 'E-mail',
    question: 'Comment pouvons-nous vous aider ?',
    submit: 'Démarrer le chat',
    submitting: 'Démarrage…',
    errors: {
      nameRequired: 'Veuillez indiquer votre nom.',
      emailRequired: 'Veuillez indiquer votre adresse e-mail.',
      emailInvalid: 'Veuillez indiquer une adresse e-mail valide.',
      questionRequired: 'Veuillez poser votre question.',
      tooLong: '{{field}} est trop long.',
      network: 'Impossible de joindre le service de chat. Vérifiez votre connexion et réessayez.',
    },
  },
  status: {
    waiting: 'En attente d’un conseiller…',
    connected: 'En discussion avec {{name}}',
    ended: 'La discussion est terminée',
  },
  system: {
    joined: '{{name}} a rejoint la discussion',
    endedByYou: 'Vous avez mis fin à la discussion',
    endedBy: '{{name}} a mis fin à la discussion',
    requeued: 'En attente d’un autre conseiller…',
  },
  message: {
    you: 'Vous',
    sending: 'Envoi…',
    failed: 'Non envoyé : {{error}}',
    dismiss: 'Ignorer',
  },
  typing: '{{name}} est en train d’écrire…',
  attachments: {
    attach: 'Joindre un fichier',
    uploading: 'Envoi de {{name}}…',
    failed: "{{name}} n'a pas été ajouté : {{error}}",
    remove: 'Retirer {{name}}',
    open: 'Ouvrir {{name}}',
    image: 'Image {{name}}',
    unavailable: 'Le fichier ne peut pas être affiché',
  },
  composer: {
    label: 'Message',
    placeholder: 'Écrivez un message…',
    send: 'Envoyer',
    tooLong: 'Ce message est trop long.',
  },
  end: {
    button: 'Terminer',
    question: 'Terminer cette discussion ?',
    confirm: 'Terminer',
    cancel: 'Annuler',
    failed: 'Impossible de terminer la discussion : {{error}}',
  },
  callback: {
    intro: 'Laissez vos coordonnées et nous vous rappellerons.',
    name: 'Nom',
    phone: 'Numéro de téléphone',
    email: 'E-mail (si vous préférez)',
    when: 'Heure souhaitée (facultatif)',
    note: 'De quoi s’agit-il ? (facultatif)',
    submit: 'Rappelez-moi',
    submitting: 'Envoi…',
    confirmed: 'Merci, {{name}}. Nous vous rappellerons {{when}}.',
    soon: 'dès que possible',
    at: 'à {{time}}',
    network: 'Votre demande n’a pas pu être envoyée. Vérifiez votre connexion et réessayez.',
  },
  newChat: 'Nouvelle discussion',
  connection: {
    online: 'Connecté',
    reconnecting: 'Reconnexion…',
  },
};
