import type { knowledgeEn } from './knowledge-en';

export const knowledgeFr: typeof knowledgeEn = {
  open: 'Base de connaissances',
  title: 'Articles de connaissances',
  close: 'Fermer',
  search: 'Rechercher des articles',
  placeholder: 'Rechercher dans la base de connaissances…',
  language: 'Langue',
  anyLanguage: 'Toutes les langues',
  languages: { en: 'Anglais', nl: 'Néerlandais', fr: 'Français' },
  hint: 'Tapez quelques mots : chaque langue est cherchée avec ses propres formes de mots.',
  noResults: 'Aucun article publié ne correspond à « {{q}} ».',
  failed: 'La recherche a échoué : {{message}}',
  openArticle: 'Ouvrir',
  sendLink: 'Envoyer le lien',
  sendText: 'Envoyer le texte',
  sent: 'Envoyé au client : {{title}}',
  cannotSend: 'Le client ne peut pas recevoir de message dans cette conversation pour le moment',
  loading: 'Chargement…',
  loadFailed: "L'article n'a pas pu être ouvert : {{message}}",
  updated: 'Mis à jour le {{date}}',
  results: 'Articles trouvés',
};
