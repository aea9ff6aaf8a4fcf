import type { Translations } from './en.js';

export const nl: Translations = {
  header: {
    title: 'Chat',
    minimize: 'Chat minimaliseren',
  },
  loading: 'Je chat wordt geladen…',
  unavailable: 'Deze chat is nu niet beschikbaar. Probeer het later opnieuw.',
  /** CH1, CH5: the page gave no sign-in token for a widget that requires one. */
  signIn: {
    missing:
      'De winkel kon je niet aanmelden voor deze chat. Laad de pagina opnieuw of meld je opnieuw aan en ' +
      'probeer het nog eens.',
    failed: 'De winkel antwoordde niet op tijd om je aan te melden voor deze chat. Probeer het opnieuw.',
  },
  /** CH1: outside the widget's hours, the post-chat survey, the transcript. */
  offline: {
    message: 'We zijn er nu niet. Laat een bericht achter, dan antwoorden we per e-mail.',
    opens: 'We zijn er weer {{when}}.',
    yourMessage: 'Uw bericht',
    submit: 'Bericht achterlaten',
    invalid: 'Vul uw naam, een geldig e-mailadres en uw bericht in.',
  },
  survey: {
    question: 'Hoe hebben we het gedaan?',
    score: '{{n}} van 5',
    comment: 'Nog iets toe te voegen? (optioneel)',
    submit: 'Beoordeling versturen',
    pick: 'Kies een cijfer van 1 tot 5.',
    thanks: 'Bedankt voor uw feedback!',
  },
  transcript: { download: 'Gesprek downloaden' },
  prechat: {
    intro: 'Hallo! Vertel ons wie je bent en waarmee we je kunnen helpen, dan verbinden we je met iemand van ons team.',
    name: 'Naam',
    email: 'E-mail',
    question: 'Waarmee kunnen we helpen?',
    submit: 'Chat starten',
    submitting: 'Bezig met starten…',
    errors: {
      nameRequired: 'Vul je naam in.',
      emailRequired: 'Vul je e-mailadres in.',
      emailInvalid: 'Vul een geldig e-mailadres in.',
      questionRequired: 'Vertel ons je vraag.',
      tooLong: '{{field}} is te lang.',
      network: 'We konden de chatdienst niet bereiken. Controleer je verbinding en probeer het opnieuw.',
    },
  },
  status: {
    waiting: 'Wachten op een medewerker…',
    connected: 'In gesprek met {{name}}',
    ended: 'De chat is beëindigd',
  },
  system: {
    joined: '{{name}} neemt deel aan de chat',
    endedByYou: 'Je hebt de chat beëindigd',
    endedBy: '{{name}} heeft de chat beëindigd',
    requeued: 'Wachten op een andere medewerker…',
  },
  message: {
    you: 'Jij',
    sending: 'Verzenden…',
    failed: 'Niet verzonden: {{error}}',
    dismiss: 'Verwijderen',
  },
  typing: '{{name}} is aan het typen…',
  attachments: {
    attach: 'Bestand bijvoegen',
    uploading: '{{name}} uploaden…',
    failed: '{{name}} is niet toegevoegd: {{error}}',
    remove: '{{name}} verwijderen',
    open: '{{name}} openen',
    image: 'Afbeelding {{name}}',
    unavailable: 'Het bestand kan niet worden getoond',
  },
  composer: {
    label: 'Bericht',
    placeholder: 'Typ een bericht…',
    send: 'Verzenden',
    tooLong: 'Dit bericht is te lang.',
  },
  end: {
    button: 'Chat beëindigen',
    question: 'Deze chat beëindigen?',
    confirm: 'Beëindigen',
    cancel: 'Annuleren',
    failed: 'De chat kon niet worden beëindigd: {{error}}',
  },
  callback: {
    intro: 'Laat uw gegevens achter en wij bellen u terug.',
    name: 'Naam',
    phone: 'Telefoonnummer',
    email: 'E-mail (als u dat liever hebt)',
    when: 'Voorkeurstijd (optioneel)',
    note: 'Waar gaat het over? (optioneel)',
    submit: 'Bel mij terug',
    submitting: 'Versturen…',
    confirmed: 'Bedankt, {{name}}. Wij bellen u {{when}} terug.',
    soon: 'zo snel mogelijk',
    at: 'om {{time}}',
    network: 'Uw verzoek kon niet worden verstuurd. Controleer uw verbinding en probeer het opnieuw.',
  },
  newChat: 'Nieuwe chat starten',
  connection: {
    online: 'Verbonden',
    reconnecting: 'Opnieuw verbinden…',
  },
};
