import type { knowledgeEn } from './knowledge-en';

export const knowledgeFr: typeof knowledgeEn = {
  knowledge: {
    title: 'Articles de connaissances',
    description:
      'Des articles que les agents cherchent et envoient aux clients, en lien vers leur page publique ou en texte. ' +
      'Seuls les articles publiés sont trouvés ; chaque langue est cherchée avec ses propres formes de mots.',
    new: 'Nouvel article',
    empty: "Pas encore d'articles.",
    filter: 'Afficher',
    allLanguages: 'Toutes les langues',
    articleTitle: 'Titre',
    language: 'Langue',
    status: 'Statut',
    published: 'Publié',
    draft: 'Brouillon',
    keywords: 'Mots-clés',
    keywordsHint:
      'Des mots que les clients emploient et que le texte ne contient pas ; ils comptent plus que le texte.',
    body: 'Texte',
    bodyHint: 'Texte brut ; une ligne vide commence un nouveau paragraphe.',
    publish: 'Publié : les agents le trouvent et son lien fonctionne',
  },
};
