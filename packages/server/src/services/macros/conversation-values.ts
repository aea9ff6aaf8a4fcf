import { caseReference } from '@switchboard/protocol';
import type { RoutingContext } from '../../domain/routing/types.js';
import type { MacroValues } from '../../domain/macros/interpreter.js';
import type { ConversationRow } from '../../store/conversations.js';
import type { Db } from '../../store/db.js';
import { linkedRecords } from '../../store/macro-facts.js';

type Scalar = string | number | boolean;
type Conversation = Pick<
  ConversationRow,
  | 'orgId'
  | 'id'
  | 'channel'
  | 'customerName'
  | 'customerEmail'
  | 'context'
  | 'prechat'
  | 'contactId'
  | 'accountId'
  | 'caseId'
>;

/** Only a flat map of scalars: a context variable or pre-chat answer that is a list or object is left out. */
function scalars(value: unknown): Record<string, Scalar> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (e): e is [string, Scalar] => typeof e[1] === 'string' || typeof e[1] === 'number' || typeof e[1] === 'boolean',
    ),
  );
}

const facts = (row: Record<string, unknown> | undefined, fields: string[]) =>
  row ? Object.fromEntries(fields.map((f) => [f, (row[f] as string | null | undefined) ?? null])) : {};

/** What a script rule reads of a conversation: the routing condition's fields (AG7, RT2). */
export async function routingContextOf(db: Db, c: Conversation): Promise<RoutingContext> {
  const linked = await linkedRecords(db, c.orgId, c);
  return {
    context: scalars(c.context),
    prechat: scalars(c.prechat),
    channel: { kind: c.channel },
    contact: facts(linked.contact, ['name', 'email', 'mobilePhone', 'jobTitle', 'city', 'category', 'externalId']),
    account: facts(linked.account, ['name', 'mainPhone', 'city', 'category', 'externalId']),
  };
}

/** The values macro placeholders are filled from (AG8): see packages/protocol/src/macros.ts. */
export async function macroValuesOf(db: Db, c: Conversation, agentName: string): Promise<MacroValues> {
  const linked = await linkedRecords(db, c.orgId, c);
  const values: Record<string, string | undefined> = {
    'customer.name': c.customerName,
    'customer.email': c.customerEmail ?? undefined,
    'conversation.id': c.id,
    'conversation.channel': c.channel,
    'agent.name': agentName,
    'contact.id': linked.contact?.id,
    'account.id': linked.account?.id,
    'case.id': linked.case?.id,
    'case.number': linked.case ? caseReference(linked.case.number) : undefined,
  };
  for (const [name, v] of Object.entries(scalars(c.context))) values[`context.${name}`] = String(v);
  for (const [name, v] of Object.entries(scalars(c.prechat))) values[`prechat.${name}`] = String(v);
  return values;
}
