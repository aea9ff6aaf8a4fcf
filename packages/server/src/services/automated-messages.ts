import type { AutomatedTrigger } from '@switchboard/protocol';
import { renderTemplate } from '@switchboard/protocol';
import { automatedText } from '../domain/conversation/automated-messages.js';
import { getAutomatedMessage } from '../store/automated-messages.js';
import { getChannel } from '../store/channels.js';
import type { ConversationRow } from '../store/conversations.js';
import type { Db } from '../store/db.js';
import { organisationName } from '../store/organisations.js';
import { insertOutbox } from '../store/outbox.js';
import type { EventLog } from './event-log.js';
import { newMessage } from './message-values.js';

type Told = Pick<ConversationRow, 'id' | 'orgId' | 'channel' | 'channelId' | 'customerAddress' | 'locale'> & {
  customerName: string;
};

/**
 * Tells the customer what just happened (CH6), inside the transaction of the change itself: the
 * message is stored with it, public, and on a channel such as SMS leaves through the outbox with it,
 * so it is never lost and never sent for a change that did not commit. Off: nothing at all.
 */
export async function tellCustomer(
  tx: Db,
  log: EventLog,
  c: Told,
  trigger: AutomatedTrigger,
  at: Date,
  agentName = '',
): Promise<void> {
  const text = automatedText(await getAutomatedMessage(tx, c.orgId, c.channel, trigger), trigger, c.locale);
  if (text === null) return;
  const orgName = text.includes('{orgName}') ? await organisationName(tx, c.orgId) : '';
  const channel = text.includes('{channelNumber}') && c.channelId ? await getChannel(tx, c.orgId, c.channelId) : null;
  const values = { customerName: c.customerName, agentName, orgName, channelNumber: channel?.numbers[0] ?? '' };
  const message = newMessage('system', renderTemplate(text, values), null, 'Switchboard', null, at);
  await log.append(tx, { orgId: c.orgId, conversationId: c.id, body: { type: 'message', message }, public: true, at });
  if (c.channelId && c.customerAddress) {
    const to = c.customerAddress;
    await insertOutbox(tx, {
      orgId: c.orgId,
      channelId: c.channelId,
      conversationId: c.id,
      messageId: message.id,
      to,
      text: message.text,
      at,
    });
    log.add({ kind: 'outbox-ready', orgId: c.orgId });
  }
}
