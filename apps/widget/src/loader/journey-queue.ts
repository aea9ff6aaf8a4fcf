import type { JourneyKind } from '@switchboard/protocol';
import type { PendingAction } from '../shared/api-messages.js';

/** The newest this many wait for a chat: the server takes no more in one request. */
export const MAX_PENDING = 100;

/** Bounds the loader applies before anything leaves the page, so a chat start is never refused for them. */
const MAX_NAME = 2000;
const MAX_TEXT = 1000;
const MAX_DETAIL = 20;

type Store = Pick<Storage, 'getItem' | 'setItem'>;

export type JourneyQueue = {
  list(): PendingAction[];
  add(action: PendingAction): PendingAction[];
  /** Forgets the actions the server now has. */
  remove(keys: readonly string[]): PendingAction[];
  clear(): void;
};

/**
 * CH1: tracking calls made before a chat exists, in the host page's own localStorage (the
 * iframe's is per site and may be blocked), so they survive a navigation to the next page.
 */
export function createJourneyQueue(widgetId: string, store: Store | null): JourneyQueue {
  const key = `switchboard:journey:${widgetId}`;
  let memory: PendingAction[] = [];
  const read = (): PendingAction[] => {
    if (!store) return memory;
    try {
      const v: unknown = JSON.parse(store.getItem(key) ?? '[]');
      return Array.isArray(v) ? (v as PendingAction[]).slice(-MAX_PENDING) : [];
    } catch {
      return [];
    }
  };
  const write = (list: PendingAction[]) => {
    memory = list;
    try {
      store?.setItem(key, JSON.stringify(list));
    } catch {
      // Quota or blocked storage: this page still keeps them.
    }
    return list;
  };
  return {
    list: read,
    add: (action) => write([...read(), action].slice(-MAX_PENDING)),
    remove: (keys) => write(read().filter((a) => !keys.includes(a.key))),
    clear: () => void write([]),
  };
}

const clip = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);
/** Control characters the server refuses (common.ts) become spaces rather than failing the action. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const clean = (s: string, max: number) => clip(s.replace(/[\u0000-\u001f\u007f]/g, ' ').trim(), max);

function cleanDetail(raw: Record<string, unknown>): Record<string, string | number | boolean | null> {
  const out: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(raw)) {
    if (Object.keys(out).length >= MAX_DETAIL) break;
    const name = clean(k, 100);
    if (!name) continue;
    if (typeof v === 'string') out[name] = clean(v, MAX_TEXT);
    else if (typeof v === 'boolean' || v === null || (typeof v === 'number' && Number.isFinite(v))) out[name] = v;
    else if (typeof v === 'object') {
      // A nested value is kept as its JSON text: the server takes flat details only.
      const json = clean(safeJson(v), MAX_TEXT);
      if (json) out[name] = json;
    }
  }
  return out;
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? '';
  } catch {
    return '';
  }
}

let counter = 0;
/** An action as the loader keeps it; null when it has no name to show (an empty search). */
export function newAction(
  kind: JourneyKind,
  name: unknown,
  detail: Record<string, unknown>,
  now: Date,
): PendingAction | null {
  const text = typeof name === 'string' ? clean(name, MAX_NAME) : '';
  if (!text) return null;
  counter = (counter + 1) % 1e6;
  const key = `${now.getTime().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
  return { key, kind, name: text, detail: cleanDetail(detail), at: now.toISOString() };
}
