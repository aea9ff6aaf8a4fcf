import type {
  Callback,
  ConversationDetail,
  ConversationEvent,
  ConversationSummary,
  PrechatAnswers,
  WrapUp,
} from '@switchboard/protocol';
import {
  applyEvent,
  applyEvents,
  createCatchUp,
  foldSummary,
  sequenceFrom,
  type SequenceState,
} from '@switchboard/live';

export type ReadyTimeline = {
  status: 'ready';
  summary: ConversationSummary;
  prechat: PrechatAnswers | null;
  /** The wrap-up form as saved (AG4): from the snapshot, then from each save. */
  wrapUp: WrapUp;
  /** The callback request a callback work item was made from (AG11); null for any other conversation. */
  callback: Callback | null;
  seq: SequenceState<ConversationEvent>;
};

export type TimelineEntry =
  | { status: 'loading'; early: ConversationEvent[] }
  | { status: 'error'; error: string; httpStatus: number | null }
  | ReadyTimeline;

export type TimelineStorePort = {
  get(id: string): TimelineEntry | undefined;
  set(id: string, entry: TimelineEntry): void;
  remove(id: string): void;
  ids(): string[];
};

export type TimelineApi = {
  getConversation(id: string): Promise<ConversationDetail>;
  listEvents(id: string, after: number): Promise<ConversationEvent[]>;
};

function withEvents(
  entry: ReadyTimeline,
  events: readonly ConversationEvent[],
): { entry: ReadyTimeline; gap: boolean } {
  const { state, applied, gap } = applyEvents(entry.seq, events);
  if (applied.length === 0) return { entry, gap };
  return { entry: { ...entry, seq: state, summary: applied.reduce(foldSummary, entry.summary) }, gap };
}

/**
 * Keeps the history of each open conversation complete: loads it once, applies live events in
 * order and, on a gap or after a reconnect, fetches what was missed over REST.
 */
export function createTimelineSync(
  api: TimelineApi,
  store: TimelineStorePort,
  onError: (err: unknown) => void = () => {},
) {
  async function fetchMissed(id: string): Promise<void> {
    const before = store.get(id);
    if (before?.status !== 'ready') return;
    const events = await api.listEvents(id, before.seq.lastSeq);
    const current = store.get(id);
    if (current?.status !== 'ready') return;
    const result = withEvents(current, events);
    if (result.entry !== current) store.set(id, result.entry);
  }

  const catchUp = createCatchUp({ fetchMissed, onError: (err) => onError(err) });

  async function load(id: string): Promise<void> {
    const existing = store.get(id);
    if (existing && existing.status !== 'error') return;
    store.set(id, { status: 'loading', early: [] });
    try {
      const { events, prechat, context: _context, wrapUp, callback, ...summary } = await api.getConversation(id);
      const loading = store.get(id);
      const early = loading?.status === 'loading' ? loading.early : [];
      const seq = sequenceFrom(events);
      const base: ReadyTimeline = { status: 'ready', summary, prechat, wrapUp, callback, seq };
      // Events that arrived while the snapshot was on its way may be newer than it.
      const { entry, gap } = withEvents(base, early);
      store.set(id, entry);
      if (gap || entry.seq.lastSeq < summary.lastSeq) await catchUp(id);
    } catch (err) {
      const httpStatus =
        typeof err === 'object' && err && 'status' in err && typeof err.status === 'number' ? err.status : null;
      store.set(id, { status: 'error', error: err instanceof Error ? err.message : String(err), httpStatus });
    }
  }

  /** A live or just-sent event. Resolves once it (or what came before it) has been applied. */
  async function receive(event: ConversationEvent): Promise<void> {
    const id = event.conversationId;
    const entry = store.get(id);
    if (!entry || entry.status === 'error') return;
    if (entry.status === 'loading') {
      store.set(id, { ...entry, early: [...entry.early, event] });
      return;
    }
    const { state, outcome } = applyEvent(entry.seq, event);
    if (outcome === 'applied') store.set(id, { ...entry, seq: state, summary: foldSummary(entry.summary, event) });
    else if (outcome === 'gap') await catchUp(id);
  }

  return {
    load,
    receive,
    catchUp,
    /** After every (re)connect: whatever happened while we were away. */
    catchUpAll: () => Promise.all(store.ids().map(catchUp)).then(() => undefined),
    reload(id: string): Promise<void> {
      store.remove(id);
      return load(id);
    },
    drop: (id: string) => store.remove(id),
  };
}

export type TimelineSync = ReturnType<typeof createTimelineSync>;
