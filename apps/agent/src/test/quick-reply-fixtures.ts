import type { QuickReply } from '@switchboard/protocol';
import { id } from './outbound-fixtures';

const reply = (n: number, title: string, scope: QuickReply['scope'], bodies: QuickReply['bodies']): QuickReply => ({
  id: id(n),
  title,
  scope,
  bodies,
  updatedAt: '2026-03-01T09:00:00.000Z',
});

/** The organisation's quick replies and one of Alice's own, in the server's order (by title). */
export const GREETING = reply(91, 'Greeting', 'organisation', {
  en: 'Hello {customerName}, this is {agentName} of {queue}.',
  nl: 'Hallo {customerName}, met {agentName} van {queue}.',
  fr: 'Bonjour {customerName}, ici {agentName} du service {queue}.',
});
export const ORDER = reply(92, 'Order number', 'organisation', { en: 'Could you give me your order number?' });
export const REPONSE = reply(93, 'Réponse rapide', 'organisation', { fr: 'Je reviens vers vous, {customerName}.' });
export const MY_THANKS = reply(94, 'Thanks', 'personal', {
  en: 'Thanks, {customerName}!',
  nl: 'Bedankt, {customerName}!',
});
export const QUICK_REPLIES = [GREETING, ORDER, REPONSE, MY_THANKS];
