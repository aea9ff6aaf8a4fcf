import type { AutomatedTrigger, Channel } from '@switchboard/protocol';

/**
 * Automated messages (CH6): the built-in texts, which of them a new organisation has on, and which
 * one a new conversation gets. Placeholders are the templates' (`{customerName}`, `{agentName}`,
 * `{orgName}`, `{channelNumber}`).
 */
export type Language = 'en' | 'nl' | 'fr';
export const LANGUAGES: readonly Language[] = ['en', 'nl', 'fr'];

export const BUILT_IN_TEXTS: Record<AutomatedTrigger, Record<Language, string>> = {
  queued: {
    en: 'Thanks for your message. You are in the queue; the next available agent will answer you.',
    nl: 'Bedankt voor je bericht. Je staat in de wachtrij; de eerste vrije medewerker helpt je.',
    fr: 'Merci pour votre message. Vous êtes en file d’attente ; le prochain conseiller disponible vous répondra.',
  },
  'outside-hours': {
    en: 'Thanks for your message. We are closed right now; an agent will answer when we open again.',
    nl: 'Bedankt voor je bericht. We zijn nu gesloten; een medewerker antwoordt zodra we weer open zijn.',
    fr: 'Merci pour votre message. Nous sommes fermés ; un conseiller vous répondra dès notre réouverture.',
  },
  transfer: {
    en: 'We are passing your conversation to the right team. Please stay with us.',
    nl: 'We geven je gesprek door aan het juiste team. Een moment geduld.',
    fr: 'Nous transmettons votre conversation à la bonne équipe. Merci de patienter.',
  },
  assigned: {
    en: 'Hello {customerName}, this is {agentName}. How can I help?',
    nl: 'Hallo {customerName}, je spreekt met {agentName}. Waarmee kan ik helpen?',
    fr: 'Bonjour {customerName}, c’est {agentName}. Comment puis-je vous aider ?',
  },
  'agent-ended': {
    en: 'The agent has ended the conversation. Thank you for contacting {orgName}.',
    nl: 'De medewerker heeft het gesprek beëindigd. Bedankt voor je contact met {orgName}.',
    fr: 'Le conseiller a mis fin à la conversation. Merci d’avoir contacté {orgName}.',
  },
};

/**
 * On for a new organisation (`npm run org:create`, the demo). A text message is all an SMS customer
 * sees, so every event tells them; the chat widget shows who joined and who left by itself.
 */
export const ON_FOR_NEW_ORGANISATIONS: readonly { channel: Channel; trigger: AutomatedTrigger }[] = [
  ...(['sms', 'custom'] as const).flatMap((channel) =>
    (['queued', 'outside-hours', 'transfer', 'assigned', 'agent-ended'] as const).map((trigger) => ({
      channel,
      trigger,
    })),
  ),
  { channel: 'webchat', trigger: 'outside-hours' },
  { channel: 'webchat', trigger: 'transfer' },
];

/** A locale as the widget or a contact gives it ("nl-BE", "fr") as one of the languages, else English. */
export function languageOf(locale: string | null | undefined): Language {
  const base = (locale ?? '').slice(0, 2).toLowerCase();
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : 'en';
}

export type AutomatedSetting = { enabled: boolean; bodies: Partial<Record<Language, string>> };

/**
 * The text to send for an event, or null when it is off (no setting: off). The admin's text in the
 * customer's language, else the built-in one in it: a customer is never answered in a language the
 * admin did not choose for them.
 */
export function automatedText(
  setting: AutomatedSetting | undefined,
  trigger: AutomatedTrigger,
  locale: string | null | undefined,
): string | null {
  if (!setting?.enabled) return null;
  const language = languageOf(locale);
  return setting.bodies[language] ?? BUILT_IN_TEXTS[trigger][language];
}

/**
 * What a new conversation is told on arrival, once: closed hours first (the customer waits longest),
 * then an overflow that moved it to another queue, else that it waits. Null when an overflow ended
 * it: that action says its own message.
 */
export function arrivalTrigger(arrival: {
  ended: boolean;
  transferred: boolean;
  queueClosed: boolean;
}): AutomatedTrigger | null {
  if (arrival.ended) return null;
  if (arrival.queueClosed) return 'outside-hours';
  if (arrival.transferred) return 'transfer';
  return 'queued';
}
