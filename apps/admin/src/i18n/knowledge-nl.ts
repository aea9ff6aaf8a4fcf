import type { knowledgeEn } from './knowledge-en';

export const knowledgeNl: typeof knowledgeEn = {
  knowledge: {
    title: 'Kennisartikelen',
    description:
      'Artikelen die agenten zoeken en naar klanten sturen, als link naar hun openbare pagina of als tekst. ' +
      'Alleen gepubliceerde artikelen worden gevonden; elke taal wordt met haar eigen woordvormen doorzocht.',
    new: 'Nieuw artikel',
    empty: 'Nog geen artikelen.',
    filter: 'Tonen',
    allLanguages: 'Alle talen',
    articleTitle: 'Titel',
    language: 'Taal',
    status: 'Status',
    published: 'Gepubliceerd',
    draft: 'Concept',
    keywords: 'Trefwoorden',
    keywordsHint: 'Woorden die klanten gebruiken en die niet in de tekst staan; ze tellen zwaarder dan de tekst.',
    body: 'Tekst',
    bodyHint: 'Platte tekst; een lege regel begint een nieuwe alinea.',
    publish: 'Gepubliceerd: agenten vinden het en de link werkt',
  },
};
