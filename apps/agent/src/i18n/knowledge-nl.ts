import type { knowledgeEn } from './knowledge-en';

export const knowledgeNl: typeof knowledgeEn = {
  open: 'Kennisbank',
  title: 'Kennisartikelen',
  close: 'Sluiten',
  search: 'Artikelen zoeken',
  placeholder: 'Zoeken in de kennisbank…',
  language: 'Taal',
  anyLanguage: 'Alle talen',
  languages: { en: 'Engels', nl: 'Nederlands', fr: 'Frans' },
  hint: 'Typ een paar woorden: elke taal wordt met haar eigen woordvormen doorzocht.',
  noResults: 'Geen gepubliceerd artikel past bij “{{q}}”.',
  failed: 'Zoeken mislukt: {{message}}',
  openArticle: 'Openen',
  sendLink: 'Link sturen',
  sendText: 'Tekst sturen',
  sent: 'Naar de klant gestuurd: {{title}}',
  cannotSend: 'De klant kan in dit gesprek nu geen bericht krijgen',
  loading: 'Laden…',
  loadFailed: 'Het artikel kon niet worden geopend: {{message}}',
  updated: 'Bijgewerkt {{date}}',
  results: 'Gevonden artikelen',
};
