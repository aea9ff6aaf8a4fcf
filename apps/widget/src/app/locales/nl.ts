import type { Translations } from './en.js';

export const nl: Translations = {
  header: {
    title: 'Chat',
    minimize: 'Chat minimaliseren',
  },
  loading: 'Je chat wordt geladen…',
  unavailable: 'Deze chat is nu niet beschikbaar. Probeer het later opnieuw.',
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
    connected: '{{name}} neemt deel aan de chat',
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
  newChat: 'Nieuwe chat starten',
  connection: {
    online: 'Verbonden',
    reconnecting: 'Opnieuw verbinden…',
  },
};
