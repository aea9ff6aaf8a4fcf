import type { Channel, NotificationScenario } from '@switchboard/protocol';

/**
 * Which notification an offer or handoff is (AG2). Incoming work is named by its channel; work a
 * colleague sent back to a queue is an escalation; a bot's hand-over is 'bot-escalation' once bots
 * exist (it has its template already, nothing makes one yet).
 */
export function scenarioOfOffer(o: { channel: Channel; escalated: boolean; fromBot?: boolean }): NotificationScenario {
  if (o.fromBot) return 'bot-escalation';
  if (o.escalated) return 'escalation';
  if (o.channel === 'sms') return 'incoming-sms';
  if (o.channel === 'custom') return 'incoming-social';
  return 'incoming-chat';
}

/**
 * An offer whose template says auto-accept is accepted as it is made: the agent is told with the
 * 'assigned' toast instead of the scenario's own notification.
 */
export function announcedAs(scenario: NotificationScenario, autoAccept: boolean): NotificationScenario {
  return autoAccept ? 'assigned' : scenario;
}

export function scenarioOfHandoff(kind: 'transfer' | 'consult'): NotificationScenario {
  return kind;
}
