import { and, eq } from 'drizzle-orm';
import type { Db } from '../db.js';
import { conversations } from '../schema.js';

/** What a conversation is linked to (AG9), and what the link rules read of it. */
export type ConversationLinkRow = {
  id: string;
  orgId: string;
  agentId: string | null;
  contactId: string | null;
  accountId: string | null;
  caseId: string | null;
};

const columns = {
  id: conversations.id,
  orgId: conversations.orgId,
  agentId: conversations.agentId,
  contactId: conversations.contactId,
  accountId: conversations.accountId,
  caseId: conversations.caseId,
};

export async function readLinks(db: Db, orgId: string, id: string): Promise<ConversationLinkRow | undefined> {
  const [row] = await db
    .select(columns)
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, id)))
    .limit(1);
  return row;
}

/**
 * The conversation's row locked for the link's transaction (`FOR NO KEY UPDATE`, as every
 * conversation command: docs/architecture.md). A link never writes to the agent's row.
 */
export async function lockLinks(tx: Db, orgId: string, id: string): Promise<ConversationLinkRow | undefined> {
  const [row] = await tx
    .select(columns)
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, id)))
    .for('no key update');
  return row;
}

export async function writeLinks(
  tx: Db,
  orgId: string,
  id: string,
  links: Partial<Pick<ConversationLinkRow, 'contactId' | 'accountId' | 'caseId'>>,
  now: Date,
): Promise<void> {
  await tx
    .update(conversations)
    .set({ ...links, updatedAt: now })
    .where(and(eq(conversations.orgId, orgId), eq(conversations.id, id)));
}
