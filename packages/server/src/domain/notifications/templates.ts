import type {
  NotificationField,
  NotificationScenario,
  NotificationLanguage as TemplateLanguage,
  NotificationTemplateInput,
} from '@switchboard/protocol';

/**
 * The built-in notification of every scenario (AG2): new work waits for Accept or Reject, an
 * auto-accepted one only says it arrived. An admin's saved template replaces one scenario's.
 */
const ALERT: NotificationField[] = ['customerName', 'firstMessage', 'waitTime', 'queue'];

const TITLES: Record<NotificationScenario, Record<TemplateLanguage, string>> = {
  'incoming-chat': { en: 'Incoming chat', nl: 'Inkomende chat', fr: 'Chat entrant' },
  'incoming-sms': { en: 'Incoming SMS', nl: 'Inkomende sms', fr: 'SMS entrant' },
  'incoming-social': { en: 'Incoming message', nl: 'Inkomend bericht', fr: 'Message entrant' },
  assigned: { en: 'New conversation assigned', nl: 'Nieuw gesprek toegewezen', fr: 'Nouvelle conversation attribuée' },
  transfer: { en: 'Transfer to you', nl: 'Doorverbonden naar jou', fr: 'Transfert pour vous' },
  consult: { en: 'Consult request', nl: 'Consultverzoek', fr: 'Demande de consultation' },
  escalation: { en: 'Escalated conversation', nl: 'Geëscaleerd gesprek', fr: 'Conversation escaladée' },
  'bot-escalation': { en: 'Escalation from a bot', nl: 'Escalatie van een bot', fr: 'Escalade depuis un bot' },
};

export function builtInTitles(scenario: NotificationScenario): Record<TemplateLanguage, string> {
  return TITLES[scenario];
}

/** Which scenarios announce an offer of new work: only those can be auto-accepted. */
export function autoAcceptApplies(scenario: NotificationScenario): boolean {
  return scenario !== 'assigned' && scenario !== 'transfer' && scenario !== 'consult';
}

export function builtInTemplate(scenario: NotificationScenario): NotificationTemplateInput {
  if (scenario === 'assigned')
    return { kind: 'toast', titles: {}, fields: ALERT, timeoutSeconds: 8, autoAccept: false, theme: 'light' };
  const withNote = scenario === 'transfer' || scenario === 'consult' || scenario === 'escalation';
  const fields: NotificationField[] = withNote ? [...ALERT, 'note'] : ALERT;
  return { kind: 'alert', titles: {}, fields, timeoutSeconds: 30, autoAccept: false, theme: 'light' };
}

/**
 * What a saved template may say. The form already refuses most of it; this is the rule the service
 * applies, so an import or an old client cannot save an alert that can never be answered.
 */
export function templateRefusal(scenario: NotificationScenario, t: NotificationTemplateInput): string | null {
  if (t.autoAccept && !autoAcceptApplies(scenario))
    return `auto-accept applies to offers of new work, not to the '${scenario}' notification`;
  if (scenario === 'assigned' && t.kind === 'alert')
    return "the 'assigned' notification is a toast: the work is already the agent's";
  if ((scenario === 'transfer' || scenario === 'consult') && t.kind === 'toast')
    return `the '${scenario}' notification is an alert: the agent must accept or reject it`;
  return null;
}

/** A scenario's template as it applies: the admin's saved one, or the built-in one. */
export function effectiveTemplate(
  scenario: NotificationScenario,
  saved: NotificationTemplateInput | undefined,
): NotificationTemplateInput {
  return saved ?? builtInTemplate(scenario);
}

/** Every language has a title: the admin's where they wrote one, the built-in one elsewhere. */
export function resolvedTitles(
  scenario: NotificationScenario,
  titles: NotificationTemplateInput['titles'],
): Record<TemplateLanguage, string> {
  return { ...TITLES[scenario], ...titles };
}

/**
 * How long an offer or transfer announced by an alert waits: the admin's timeout once they saved the
 * scenario's template, else the workstream's offer timeout, as before templates existed.
 */
export function alertTimeoutSeconds(
  t: { kind: 'toast' | 'alert'; timeoutSeconds: number; saved: boolean },
  workstream: number,
) {
  return t.kind === 'alert' && t.saved ? t.timeoutSeconds : workstream;
}
