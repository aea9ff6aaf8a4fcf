import { caseReference, type ConversationLinks, type RecordKind } from '@switchboard/protocol';
import type { DomainEvent } from '../../domain/events.js';
import { forbidden, notFound } from '../../domain/errors.js';
import { mayDo } from '../../domain/conversation/participants.js';
import { linksForAccount, linksForCase, linksForContact, type Links } from '../../domain/records/links.js';
import type { Db } from '../../store/db.js';
import { getAccount } from '../../store/records/accounts.js';
import { insertActivity } from '../../store/records/activities.js';
import { activeCasesOfContact, getCase } from '../../store/records/cases.js';
import { getContact } from '../../store/records/contacts.js';
import { lockLinks, readLinks, writeLinks, type ConversationLinkRow } from '../../store/records/links.js';
import { oversees, type StaffIdentity } from '../identity.js';
import type { RecordsKit } from './kit.js';
import { accountView, caseView, contactView } from './views.js';

export type LinkChange = { link: RecordKind; id: string } | { unlink: RecordKind };

/** The links as the protocol shows them, each record read in full. */
export async function linksView(db: Db, orgId: string, conversationId: string, l: Links): Promise<ConversationLinks> {
  // One after the other: inside a transaction they share its one connection.
  const contact = l.contactId ? await getContact(db, orgId, l.contactId) : undefined;
  const account = l.accountId ? await getAccount(db, orgId, l.accountId) : undefined;
  const kase = l.caseId ? await getCase(db, orgId, l.caseId) : undefined;
  return {
    conversationId,
    contact: contact ? contactView(contact) : null,
    account: account ? accountView(account) : null,
    case: kase ? caseView(kase) : null,
  };
}

const linksOf = (c: ConversationLinkRow): Links => ({
  contactId: c.contactId,
  accountId: c.accountId,
  caseId: c.caseId,
});

async function caseOwner(tx: Db, orgId: string, caseId: string | null) {
  return caseId ? ((await getCase(tx, orgId, caseId)) ?? null) : null;
}

/** The links after `change`, decided by domain/records/links.ts; a record of another organisation is "not found". */
async function nextLinks(tx: Db, orgId: string, now: Links, change: LinkChange): Promise<Links> {
  if ('unlink' in change) return { ...now, [`${change.unlink}Id`]: null } as Links;
  const contactAccount = async () =>
    now.contactId ? ((await getContact(tx, orgId, now.contactId))?.accountId ?? null) : null;
  switch (change.link) {
    case 'contact': {
      const contact = await getContact(tx, orgId, change.id);
      if (!contact) throw notFound(`contact ${change.id}`);
      const active = await activeCasesOfContact(tx, orgId, contact.id);
      return linksForContact(
        now,
        contact,
        await caseOwner(tx, orgId, now.caseId),
        active.map((c) => c.id),
      );
    }
    case 'account': {
      if (!(await getAccount(tx, orgId, change.id))) throw notFound(`account ${change.id}`);
      return linksForAccount(now, change.id, await contactAccount(), await caseOwner(tx, orgId, now.caseId));
    }
    case 'case': {
      const c = await getCase(tx, orgId, change.id);
      if (!c) throw notFound(`case ${change.id}`);
      return linksForCase(now, c.id, c, await contactAccount());
    }
  }
}

/** One line for the timeline per link that changed (CV4). */
async function recordActivities(
  tx: Db,
  at: { orgId: string; conversationId: string; actorId: string | null; now: Date; automatic: boolean },
  before: Links,
  after: Links,
) {
  const customer = { contactId: after.contactId ?? before.contactId, accountId: after.accountId ?? before.accountId };
  for (const kind of ['contact', 'account', 'case'] as const) {
    const key = `${kind}Id` as const;
    if (before[key] === after[key]) continue;
    const id = (after[key] ?? before[key])!;
    const linked = after[key] !== null;
    const label = await labelOf(tx, at.orgId, kind, id);
    const how = linked ? (at.automatic ? 'linked automatically' : 'linked') : 'unlinked';
    await insertActivity(
      tx,
      at.orgId,
      {
        kind: linked ? 'linked' : 'unlinked',
        ...customer,
        caseId: kind === 'case' ? id : null,
        conversationId: at.conversationId,
        actorId: at.actorId,
        summary: `${label} ${how} ${linked ? 'to' : 'from'} a conversation`,
        detail: { record: kind, id, automatic: at.automatic },
      },
      at.now,
    );
  }
}

async function labelOf(tx: Db, orgId: string, kind: RecordKind, id: string): Promise<string> {
  if (kind === 'contact') return `Contact ${(await getContact(tx, orgId, id))?.name ?? id}`;
  if (kind === 'account') return `Account ${(await getAccount(tx, orgId, id))?.name ?? id}`;
  const c = await getCase(tx, orgId, id);
  return c ? `Case ${caseReference(c.number)} ${c.title}` : `Case ${id}`;
}

/**
 * Applies a link change inside the caller's transaction: the conversation's row locked, the rule
 * checked, the links written, an activity per change, and the event for the agent's tabs.
 */
export async function changeLinks(
  tx: Db,
  events: DomainEvent[],
  at: { orgId: string; conversationId: string; actorId: string | null; now: Date; automatic?: boolean },
  change: LinkChange,
  authorise?: (c: ConversationLinkRow) => Promise<void>,
): Promise<ConversationLinks> {
  const c = await lockLinks(tx, at.orgId, at.conversationId);
  if (!c) throw notFound('conversation');
  if (authorise) await authorise(c);
  const before = linksOf(c);
  const after = await nextLinks(tx, at.orgId, before, change);
  const changed =
    before.contactId !== after.contactId || before.accountId !== after.accountId || before.caseId !== after.caseId;
  if (changed) {
    await writeLinks(tx, at.orgId, at.conversationId, after, at.now);
    await recordActivities(tx, { ...at, automatic: at.automatic ?? false }, before, after);
  }
  const view = await linksView(tx, at.orgId, at.conversationId, after);
  if (changed) events.push({ kind: 'records-linked', orgId: at.orgId, conversationId: at.conversationId, links: view });
  return view;
}

/**
 * AG6: a chat whose customer is identified gets the contact's account and, when the contact has
 * exactly one active case, that case (services/conversations.ts calls this as the chat starts).
 */
export async function linkIdentifiedCustomer(
  tx: Db,
  publish: (e: DomainEvent) => void,
  at: { orgId: string; conversationId: string; contactId: string; now: Date },
): Promise<void> {
  const events: DomainEvent[] = [];
  await changeLinks(tx, events, { ...at, actorId: null, automatic: true }, { link: 'contact', id: at.contactId });
  events.forEach(publish);
}

/** The link routes: who works the conversation (or oversees the organisation) links its records. */
export function linkUseCases(kit: RecordsKit) {
  const { db, clock } = kit;

  /** Read: whoever may read the conversation (`tx`: inside a transaction, its own connection). */
  async function mayRead(who: StaffIdentity, c: { id: string; agentId: string | null }, tx: Db = db) {
    if (!mayDo(await kit.partOf(tx, who, c), 'read')) throw forbidden('you are not the agent of this conversation');
  }

  /** Its agent or a consultant (they write notes in it), a supervisor or an admin. */
  const mayLink = (tx: Db, who: StaffIdentity) => async (c: ConversationLinkRow) => {
    if (oversees(who)) return;
    if (!mayDo(await kit.partOf(tx, who, c), 'write-note'))
      throw forbidden('only the agents working this conversation may link records to it');
  };

  const change = (who: StaffIdentity, conversationId: string, ch: LinkChange) =>
    kit.command((tx, events) =>
      changeLinks(
        tx,
        events,
        { orgId: who.orgId, conversationId, actorId: who.userId, now: clock.now() },
        ch,
        mayLink(tx, who),
      ),
    );

  return {
    mayRead,
    mayLink,
    async getConversationLinks(who: StaffIdentity, conversationId: string) {
      const c = await readLinks(db, who.orgId, conversationId);
      if (!c) throw notFound('conversation');
      await mayRead(who, c);
      return linksView(db, who.orgId, conversationId, linksOf(c));
    },
    link: (who: StaffIdentity, conversationId: string, kind: RecordKind, id: string) =>
      change(who, conversationId, { link: kind, id }),
    unlink: (who: StaffIdentity, conversationId: string, kind: RecordKind) =>
      change(who, conversationId, { unlink: kind }),
  };
}
