import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { emptyWorkspaceState, WorkspaceState, type Workspace } from '@switchboard/protocol';
import type { ConversationFacts } from '../domain/workspace/holds.js';
import type { Db } from './db.js';
import { agentWorkspaces, conversationParticipants, conversations, orgSettings } from './schema.js';

// One row per staff member (AG3); every statement names the organisation as well as the user.
const mine = (orgId: string, userId: string) =>
  and(eq(agentWorkspaces.orgId, orgId), eq(agentWorkspaces.userId, userId));

// A row stored by an older build, or changed by hand, that no longer parses reads as empty, not as a 500.
const parsed = (state: unknown) => {
  const result = WorkspaceState.safeParse(state);
  return result.success ? result.data : emptyWorkspaceState();
};

/** The stored workspace; version 0 and empty when the user never wrote one. */
export async function readWorkspace(db: Db, orgId: string, userId: string): Promise<Workspace> {
  const [row] = await db
    .select({ version: agentWorkspaces.version, state: agentWorkspaces.state })
    .from(agentWorkspaces)
    .where(mine(orgId, userId));
  return row ? { version: row.version, state: parsed(row.state) } : { version: 0, state: emptyWorkspaceState() };
}

/**
 * Locks the user's row for one write, making it first if there is none: two first writes at once
 * both end up on the one row, the second after the first commits.
 */
export async function lockWorkspace(tx: Db, orgId: string, userId: string, now: Date): Promise<Workspace> {
  await tx
    .insert(agentWorkspaces)
    .values({ userId, orgId, version: 0, state: emptyWorkspaceState(), updatedAt: now })
    .onConflictDoNothing();
  const [row] = await tx
    .select({ version: agentWorkspaces.version, state: agentWorkspaces.state })
    .from(agentWorkspaces)
    .where(mine(orgId, userId))
    .for('no key update');
  return row ? { version: row.version, state: parsed(row.state) } : { version: 0, state: emptyWorkspaceState() };
}

/** The conditional write: only over the version read; answers the new version, or null when it moved. */
export async function saveWorkspace(
  tx: Db,
  orgId: string,
  userId: string,
  readVersion: number,
  state: WorkspaceState,
  now: Date,
): Promise<number | null> {
  const [row] = await tx
    .update(agentWorkspaces)
    .set({ state, version: sql`${agentWorkspaces.version} + 1`, updatedAt: now })
    .where(and(mine(orgId, userId), eq(agentWorkspaces.version, readVersion)))
    .returning({ version: agentWorkspaces.version });
  return row?.version ?? null;
}

/** For each of these conversations of the organisation: its agent, its state and whether the user consults on it. */
export async function conversationFacts(
  db: Db,
  orgId: string,
  userId: string,
  ids: readonly string[],
): Promise<Map<string, ConversationFacts>> {
  const facts = new Map<string, ConversationFacts>();
  if (!ids.length) return facts;
  const rows = await db
    .select({ id: conversations.id, agentId: conversations.agentId, state: conversations.state })
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId), inArray(conversations.id, [...ids])));
  const consulting = await db
    .select({ id: conversationParticipants.conversationId })
    .from(conversationParticipants)
    .where(
      and(
        eq(conversationParticipants.orgId, orgId),
        eq(conversationParticipants.userId, userId),
        eq(conversationParticipants.role, 'consultant'),
        isNull(conversationParticipants.leftAt),
        inArray(conversationParticipants.conversationId, [...ids]),
      ),
    );
  const consults = new Set(consulting.map((r) => r.id));
  for (const r of rows) facts.set(r.id, { agentId: r.agentId, state: r.state, consulting: consults.has(r.id) });
  return facts;
}

/** The organisation's session limit (AG1); null: none. */
export async function sessionLimitOf(db: Db, orgId: string): Promise<number | null> {
  const [row] = await db
    .select({ limit: orgSettings.sessionLimit })
    .from(orgSettings)
    .where(eq(orgSettings.orgId, orgId));
  return row?.limit ?? null;
}
