import { noWorkspaceChanges, type Workspace, type WorkspaceChanges, type WorkspaceState } from '@switchboard/protocol';
import type { Clock } from '../domain/clock.js';
import { DomainError } from '../domain/errors.js';
import type { DomainEvent } from '../domain/events.js';
import { holdOf } from '../domain/workspace/holds.js';
import { visibleWorkspace, writeWorkspace, type Holds } from '../domain/workspace/workspace-write.js';
import type { Db } from '../store/db.js';
import { RetryTransaction, transaction } from '../store/transaction.js';
import * as store from '../store/workspaces.js';
import type { EventBus } from './bus.js';
import type { StaffIdentity } from './identity.js';

/**
 * The agent's workspace (AG3): sessions, tabs, drafts and scroll, stored per user with a version
 * so that every browser tab and machine of theirs shows the same. A write is one transaction: the
 * row locked, the domain merges field by field, one conditional write bumps the version; the
 * agent's own sockets hear what changed after the commit.
 */
export function createWorkspaceService(deps: { db: Db; clock: Clock; bus: EventBus }) {
  const { db, clock, bus } = deps;

  async function holdsFor(tx: Db, who: StaffIdentity, ids: Iterable<string>): Promise<Holds> {
    const unique = [...new Set(ids)];
    const facts = await store.conversationFacts(tx, who.orgId, who.userId, unique);
    return new Map(unique.map((id) => [id, holdOf(facts.get(id), who)]));
  }

  const conversationsOf = (state: WorkspaceState, changes?: WorkspaceChanges) => [
    ...state.sessions.map((s) => s.conversationId),
    ...Object.values(changes?.sessions ?? {}).flatMap((s) => (s ? [s.conversationId] : [])),
  ];

  return {
    /** What the agent sees: sessions of conversations they no longer hold drop out. */
    async read(who: StaffIdentity): Promise<Workspace> {
      const { version, state } = await store.readWorkspace(db, who.orgId, who.userId);
      return { version, state: visibleWorkspace(state, await holdsFor(db, who, conversationsOf(state))) };
    },

    /**
     * Merges `changes` over what is stored now, whatever `baseVersion` the client saw (the last
     * write of each field wins); the answer is the whole state and its version, for the client to
     * take when it was behind.
     */
    async write(who: StaffIdentity, _baseVersion: number, changes: WorkspaceChanges): Promise<Workspace> {
      const events: DomainEvent[] = [];
      const answer = await transaction(db, async (tx) => {
        events.length = 0;
        const now = clock.now();
        const current = await store.lockWorkspace(tx, who.orgId, who.userId, now);
        const holds = await holdsFor(tx, who, conversationsOf(current.state, changes));
        const sessionLimit = await store.sessionLimitOf(tx, who.orgId);
        const out = writeWorkspace(current.state, changes, { holds, sessionLimit });
        if (!out.ok) throw new DomainError(out.kind, out.message);
        if (noWorkspaceChanges(out.changes)) return { version: current.version, state: out.state };
        const version = await store.saveWorkspace(tx, who.orgId, who.userId, current.version, out.state, now);
        // The row is locked, so the version cannot have moved; if it did, the whole write runs again.
        if (version === null) throw new RetryTransaction('workspace version moved');
        events.push({ kind: 'workspace-changed', orgId: who.orgId, userId: who.userId, version, changes: out.changes });
        return { version, state: out.state };
      });
      bus.publish(events);
      return answer;
    },
  };
}

export type WorkspaceService = ReturnType<typeof createWorkspaceService>;
