import type { ApiEventName } from '../shared/api-messages.js';

export type ApiListener = (detail: Record<string, unknown>) => void;

/**
 * `Switchboard.on(name, fn)` / `off(name, fn)`. Each event is also a `switchboard:<name>` window
 * event (a CustomEvent with the same detail), for pages that listen before the loader has run.
 * A listener that throws does not stop the others. `ready` is sticky: a listener added after it
 * is called at once. (Its window event is loader.ts's own `switchboard:ready`, sent when the API is there.)
 */
export function createApiEvents(win: Pick<Window, 'dispatchEvent'>) {
  const listeners = new Map<string, Set<ApiListener>>();
  let readyDetail: Record<string, unknown> | null = null;
  return {
    on(name: ApiEventName, fn: ApiListener) {
      if (typeof fn !== 'function') return;
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      set.add(fn);
      if (name === 'ready' && readyDetail) queueMicrotask(() => readyDetail && fn(readyDetail));
    },
    off(name: ApiEventName, fn: ApiListener) {
      listeners.get(name)?.delete(fn);
    },
    emit(name: ApiEventName, detail: Record<string, unknown> = {}) {
      if (name === 'ready') readyDetail = detail;
      for (const fn of [...(listeners.get(name) ?? [])]) {
        try {
          fn(detail);
        } catch (err) {
          console.warn(`[switchboard] a "${name}" listener failed`, err);
        }
      }
      if (name !== 'ready') win.dispatchEvent(new CustomEvent(`switchboard:${name}`, { detail }));
    },
  };
}

export type ApiEvents = ReturnType<typeof createApiEvents>;
