import { and, desc, eq } from 'drizzle-orm';
import type { Db } from './db.js';
import { accounts, channelInbound, contacts, conversations } from './schema.js';

/** Whether the provider delivered this message before (a redelivered webhook). */
export async function inboundSeen(db: Db, channelId: string, providerMessageId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: channelInbound.id })
    .from(channelInbound)
    .where(and(eq(channelInbound.channelId, channelId), eq(channelInbound.providerMessageId, providerMessageId)));
  return row !== undefined;
}

/** Records the delivery; a concurrent redelivery fails on the unique index and its transaction rolls back. */
export async function recordInbound(
  tx: Db,
  v: { orgId: string; channelId: string; providerMessageId: string; conversationId: string; at: Date },
): Promise<void> {
  await tx.insert(channelInbound).values({
    orgId: v.orgId,
    channelId: v.channelId,
    providerMessageId: v.providerMessageId,
    conversationId: v.conversationId,
    receivedAt: v.at,
  });
}

/** The number's latest conversation on the channel, locked: the next text continues or reopens it. */
export async function lockLatestForAddress(tx: Db, orgId: string, channelId: string, address: string) {
  const [row] = await tx
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.orgId, orgId),
        eq(conversations.channelId, channelId),
        eq(conversations.customerAddress, address),
      ),
    )
    .orderBy(desc(conversations.createdAt))
    .limit(1)
    .for('no key update');
  return row;
}

type Facts = Record<string, string | null>;
export type PhoneMatch = {
  contactId: string | null;
  /** The contact's name, or the account's when only its main phone matched. */
  name: string;
  facts: { contact: Facts; account: Facts };
};

/**
 * Who texts from this number (CH5): a contact whose mobile phone it is, else an account whose main
 * phone it is. Numbers are stored in E.164, so this is an equality on an index.
 */
export async function identifyByPhone(db: Db, orgId: string, e164: string): Promise<PhoneMatch | null> {
  const [c] = await db
    .select({ contact: contacts, account: accounts })
    .from(contacts)
    .leftJoin(accounts, and(eq(accounts.id, contacts.accountId), eq(accounts.orgId, contacts.orgId)))
    .where(and(eq(contacts.orgId, orgId), eq(contacts.mobilePhone, e164)))
    .limit(1);
  if (c) {
    const { contact, account } = c;
    return {
      contactId: contact.id,
      name: contact.name,
      facts: {
        contact: {
          name: contact.name,
          email: contact.email,
          mobilePhone: contact.mobilePhone,
          jobTitle: contact.jobTitle,
          city: contact.city,
        },
        account: account ? { name: account.name, mainPhone: account.mainPhone, city: account.city } : {},
      },
    };
  }
  const [a] = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.orgId, orgId), eq(accounts.mainPhone, e164)))
    .limit(1);
  if (!a) return null;
  return {
    contactId: null,
    name: a.name,
    facts: { contact: { mobilePhone: e164 }, account: { name: a.name, mainPhone: a.mainPhone, city: a.city } },
  };
}
