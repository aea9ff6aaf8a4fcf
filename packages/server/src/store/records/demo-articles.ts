import type { KnowledgeLanguage } from '@switchboard/protocol';

/**
 * The demo's knowledge articles (AG9): the same three subjects in English, Dutch and French, published,
 * and one draft, so an agent's search and the admin's list both have something to show.
 */
export const DEMO_ARTICLES: {
  language: KnowledgeLanguage;
  title: string;
  keywords: string;
  body: string;
  status: 'draft' | 'published';
}[] = [
  {
    language: 'en',
    title: 'Where to find your invoices',
    keywords: 'bill billing receipt VAT payment',
    body:
      'Every invoice is in your account under Billing > Invoices, newest first.\n\n' +
      'Click an invoice to download it as a PDF. Invoices are sent by email on the first working day ' +
      'of the month as well.\n\nDoes an invoice show the wrong VAT rate or address? Reply in the chat ' +
      'with the invoice number and we will send a corrected one.',
    status: 'published',
  },
  {
    language: 'en',
    title: 'Reset your password',
    keywords: 'sign in login forgot locked account',
    body:
      'On the sign-in page, choose "Forgot password?" and enter your email address.\n\n' +
      'We send a link that is valid for one hour. Open it and choose a new password of at least 12 characters.\n\n' +
      'No email after ten minutes? Look in your spam folder, or ask us to unlock your account.',
    status: 'published',
  },
  {
    language: 'en',
    title: 'The printer does not print',
    keywords: 'printing paper jam offline driver',
    body:
      'Check that the printer is switched on and shows no error light.\n\n' +
      'Turn it off, wait ten seconds and turn it on again. Remove any jammed paper.\n\n' +
      'Still nothing? Remove the printer from your computer and add it again to reinstall its driver.',
    status: 'published',
  },
  {
    language: 'nl',
    title: 'Waar vindt u uw facturen?',
    keywords: 'rekening betaling btw bon',
    body:
      'Elke factuur staat in uw account onder Facturatie > Facturen, de nieuwste eerst.\n\n' +
      'Klik op een factuur om ze als pdf te downloaden. Facturen worden ook gemaild op de eerste werkdag ' +
      'van de maand.\n\nStaat er een verkeerd btw-tarief of adres op een factuur? Stuur ons het factuurnummer ' +
      'in de chat en u krijgt een gecorrigeerde factuur.',
    status: 'published',
  },
  {
    language: 'nl',
    title: 'Wachtwoord opnieuw instellen',
    keywords: 'aanmelden inloggen vergeten geblokkeerd',
    body:
      'Kies op de aanmeldpagina "Wachtwoord vergeten?" en vul uw e-mailadres in.\n\n' +
      'U krijgt een link die een uur geldig is. Open die en kies een nieuw wachtwoord van minstens 12 tekens.\n\n' +
      'Na tien minuten nog geen e-mail? Kijk in uw map met ongewenste mail, of vraag ons uw account te ' +
      'deblokkeren.',
    status: 'published',
  },
  {
    language: 'nl',
    title: 'De printer drukt niet af',
    keywords: 'printen papier vastgelopen offline stuurprogramma',
    body:
      'Controleer of de printer aanstaat en geen foutlampje toont.\n\n' +
      'Zet hem uit, wacht tien seconden en zet hem weer aan. Verwijder vastgelopen papier.\n\n' +
      'Nog steeds niets? Verwijder de printer van uw computer en voeg hem opnieuw toe.',
    status: 'published',
  },
  {
    language: 'fr',
    title: 'Où trouver vos factures ?',
    keywords: 'facturation paiement TVA reçu',
    body:
      'Chaque facture se trouve dans votre compte sous Facturation > Factures, la plus récente en premier.\n\n' +
      'Cliquez sur une facture pour la télécharger en PDF. Les factures sont aussi envoyées par e-mail ' +
      'le premier jour ouvré du mois.\n\nUne facture porte un mauvais taux de TVA ou une mauvaise adresse ? ' +
      'Envoyez-nous son numéro dans le chat et nous vous enverrons une facture corrigée.',
    status: 'published',
  },
  {
    language: 'fr',
    title: 'Réinitialiser votre mot de passe',
    keywords: 'connexion identifiant oublié compte bloqué',
    body:
      'Sur la page de connexion, choisissez « Mot de passe oublié ? » et saisissez votre adresse e-mail.\n\n' +
      'Nous envoyons un lien valable une heure. Ouvrez-le et choisissez un nouveau mot de passe ' +
      "d'au moins 12 caractères.\n\nPas d'e-mail après dix minutes ? Regardez dans vos courriers " +
      'indésirables, ou demandez-nous de débloquer votre compte.',
    status: 'published',
  },
  {
    language: 'fr',
    title: "L'imprimante n'imprime pas",
    keywords: 'impression papier bourrage pilote hors ligne',
    body:
      "Vérifiez que l'imprimante est allumée et qu'aucun voyant d'erreur n'est affiché.\n\n" +
      'Éteignez-la, attendez dix secondes et rallumez-la. Retirez le papier coincé.\n\n' +
      "Toujours rien ? Supprimez l'imprimante de votre ordinateur puis ajoutez-la de nouveau.",
    status: 'published',
  },
  {
    language: 'en',
    title: 'Delivery times (draft)',
    keywords: 'shipping',
    body: 'Orders ship within two working days. This article is still being written.',
    status: 'draft',
  },
];
