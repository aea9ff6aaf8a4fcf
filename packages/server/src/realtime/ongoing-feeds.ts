import type { Logger } from 'pino';
import type { Socket } from 'socket.io';
import {
  OngoingSubscription,
  SocketEvents,
  type OngoingFeedMessage,
  type OngoingRow,
  type OngoingSubscribed,
} from '@switchboard/protocol';
import type { DomainEvent } from '../domain/events.js';
import { feedPatches, inFilter, ongoingChangeOf, type OngoingFilter } from '../domain/supervision/ongoing-feed.js';
import type { OngoingKeys } from '../domain/supervision/ongoing-feed.js';
import type { Identity } from '../services/identity.js';

/** Changes that come within this long go out together: one read of their rows for every feed. */
const BATCH_MS = 25;

export type OngoingReads = {
  /** The rows of these conversations still in progress, of one organisation. */
  rows(orgId: string, ids: readonly string[]): Promise<OngoingRow[]>;
  /** What decides which list each of the organisation's conversations in progress is in. */
  keys(orgId: string): Promise<(OngoingKeys & { id: string })[]>;
};

/** Which conversations changed, per organisation: what one node tells the others. */
export type ChangeBatch = { orgId: string; ids: string[] }[];

type Feed = { socket: Socket; id: number; filter: OngoingFilter; seq: number; total: number; ready: boolean };
/** An organisation's feeds on this node, the keys they are decided on, and the work on them, in order. */
type OrgFeeds = { feeds: Set<Feed>; known: Map<string, OngoingKeys> | null; queue: Promise<void> };

const oversees = (who: Identity) => who.kind === 'staff' && (who.role === 'supervisor' || who.role === 'admin');

function problem(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const said = issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.').slice(0, 60) || 'subscription'}: ${i.message.slice(0, 200)}`);
  return `the ongoing list cannot be followed with this: ${said.join('; ')}`;
}

/**
 * The supervisors' ongoing lists, live (SV1): each socket follows one list (its filters), and every
 * node serves its own sockets. A change is read once per batch on each node that has feeds of its
 * organisation, and each feed is sent what its list gained, changed or lost, numbered per feed.
 * `share` passes this node's changes on to the other nodes (null: one node).
 */
export function createOngoingFeeds(deps: {
  reads: OngoingReads;
  log: Logger;
  share: ((b: ChangeBatch) => void) | null;
}) {
  const orgs = new Map<string, OrgFeeds>();
  const bySocket = new Map<string, Feed>();
  let lastFeedId = 0;
  let local = new Map<string, Set<string>>();
  let remote = new Map<string, Set<string>>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const running = new Set<Promise<void>>();

  function later(org: OrgFeeds, work: () => Promise<void>) {
    const next = org.queue.then(work).catch((err: unknown) => deps.log.error({ msg: 'ongoing feed failed', err }));
    org.queue = next;
    running.add(next);
    void next.finally(() => running.delete(next));
  }

  /** Ends the socket's feed; `replaced`: a new one follows at once, so the keys are kept. */
  function drop(socket: Socket, replaced = false) {
    const feed = bySocket.get(socket.id);
    if (!feed) return;
    bySocket.delete(socket.id);
    const { orgId } = socket.data.who as Extract<Identity, { kind: 'staff' }>;
    const org = orgs.get(orgId);
    org?.feeds.delete(feed);
    // The last feed of the organisation here: its keys are read again when one comes back.
    if (org && org.feeds.size === 0 && !replaced) orgs.delete(orgId);
  }

  function subscribe(socket: Socket, raw: unknown, ack: unknown) {
    if (typeof ack !== 'function') return;
    const answer = ack as (a: OngoingSubscribed) => void;
    const who = socket.data.who as Identity;
    if (!oversees(who) || who.kind !== 'staff')
      return answer({ ok: false, message: 'only supervisors and admins follow the ongoing list' });
    const parsed = OngoingSubscription.safeParse(raw);
    if (!parsed.success) return answer({ ok: false, message: problem(parsed.error.issues) });
    // The sort is the client's to apply to the rows it is sent: whether a row is in the list does not depend on it.
    const { queueId, channel, state, agentId } = parsed.data;
    drop(socket, true);
    const feed: Feed = {
      socket,
      id: ++lastFeedId,
      filter: { queueId, channel, state, agentId },
      seq: 0,
      total: 0,
      ready: false,
    };
    bySocket.set(socket.id, feed);
    let org = orgs.get(who.orgId);
    if (!org) orgs.set(who.orgId, (org = { feeds: new Set(), known: null, queue: Promise.resolve() }));
    org.feeds.add(feed);
    const mine = org;
    later(mine, async () => {
      try {
        mine.known ??= new Map((await deps.reads.keys(who.orgId)).map(({ id, ...keys }) => [id, keys]));
      } catch (err) {
        if (bySocket.get(socket.id) === feed) drop(socket);
        answer({ ok: false, message: 'the ongoing list could not be read just now: subscribe again' });
        throw err;
      }
      for (const keys of mine.known.values()) if (inFilter(feed.filter, keys)) feed.total += 1;
      feed.ready = true;
      answer({ ok: true, feed: feed.id, total: feed.total });
    });
  }

  async function apply(orgId: string, org: OrgFeeds, ids: string[]) {
    // No keys yet: no feed is ready, and the first one reads them after this batch committed.
    const known = org.known;
    if (!known) return;
    const rows = new Map((await deps.reads.rows(orgId, ids)).map((r) => [r.id, r]));
    const changes = ids.map((id) => ({ id, before: known.get(id) ?? null, after: rows.get(id) ?? null }));
    for (const { id, after } of changes) {
      if (after)
        known.set(id, { state: after.state, queueId: after.queueId, channel: after.channel, agentId: after.agentId });
      else known.delete(id);
    }
    for (const feed of org.feeds) {
      if (!feed.ready) continue;
      // A role changed since (recheckSessions): no more of the list.
      if (!oversees(feed.socket.data.who as Identity)) {
        drop(feed.socket);
        continue;
      }
      const { patches, delta } = feedPatches(feed.filter, changes);
      if (!patches.length) continue;
      feed.total += delta;
      feed.seq += 1;
      const message: OngoingFeedMessage = { feed: feed.id, seq: feed.seq, total: feed.total, patches };
      feed.socket.emit(SocketEvents.ongoingPatch, message);
    }
  }

  function flush() {
    timer = undefined;
    const [mine, theirs] = [local, remote];
    local = new Map();
    remote = new Map();
    if (deps.share && mine.size) deps.share([...mine].map(([orgId, ids]) => ({ orgId, ids: [...ids] })));
    for (const [orgId, ids] of theirs) for (const id of ids) put(mine, orgId, id);
    for (const [orgId, ids] of mine) {
      const org = orgs.get(orgId);
      if (org) later(org, () => apply(orgId, org, [...ids]));
    }
  }

  function put(into: Map<string, Set<string>>, orgId: string, id: string) {
    let ids = into.get(orgId);
    if (!ids) into.set(orgId, (ids = new Set()));
    ids.add(id);
  }
  function add(into: Map<string, Set<string>>, orgId: string, id: string) {
    put(into, orgId, id);
    timer ??= setTimeout(flush, BATCH_MS);
  }

  return {
    subscribe,
    drop,
    /** A domain event on this node: its conversation's row may have changed. */
    note(event: DomainEvent) {
      const change = ongoingChangeOf(event);
      if (change) add(local, change.orgId, change.conversationId);
    },
    /** Another node's changes; each node reads them for its own feeds. */
    received(batch: unknown) {
      if (!Array.isArray(batch)) return;
      for (const entry of batch as ChangeBatch)
        if (typeof entry?.orgId === 'string' && Array.isArray(entry.ids))
          for (const id of entry.ids) if (typeof id === 'string') add(remote, entry.orgId, id);
    },
    /** Resolves once every change noted so far has gone out to the feeds. */
    async idle() {
      while (timer || running.size) {
        if (timer) {
          clearTimeout(timer);
          flush();
        }
        await Promise.all(running);
      }
    },
    close() {
      clearTimeout(timer);
      timer = undefined;
    },
  };
}

export type OngoingFeeds = ReturnType<typeof createOngoingFeeds>;
