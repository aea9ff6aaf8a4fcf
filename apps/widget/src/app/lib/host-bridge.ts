import {
  BRIDGE_SOURCE,
  isHostToFrame,
  type FrameToHost,
  type FrameToHostType,
  type HostToFrame,
} from '../../shared/bridge.js';

export type HostBridge = {
  post(type: FrameToHostType): void;
  /** A JavaScript API message (lib/page-api.ts); `secret` ones go only to a known host origin, never to `*`. */
  send(message: FrameToHost, opts?: { secret?: boolean }): boolean;
  dispose(): void;
};

type FrameWindow = Pick<Window, 'parent' | 'addEventListener' | 'removeEventListener' | 'document' | 'location'> & {
  location: Location & { ancestorOrigins?: DOMStringList };
};

/**
 * The embedding page's origin, as the browser reports it (a page cannot fake it):
 * `ancestorOrigins` where supported, else the referrer, which a strict referrer policy may hide.
 */
export function detectHostOrigin(win: FrameWindow): string | null {
  const ancestor = win.location.ancestorOrigins?.[0];
  if (ancestor && ancestor !== 'null') return ancestor;
  try {
    return win.document.referrer ? new URL(win.document.referrer).origin : null;
  } catch {
    return null;
  }
}

/**
 * The iframe side of the handshake. It accepts commands only from its parent window (and from
 * the parent's origin when known), and tells the parent nothing secret: only ready/open/close,
 * so falling back to `*` when the origin is unknown leaks nothing.
 */
export function createHostBridge(win: FrameWindow, onCommand: (message: HostToFrame) => void): HostBridge {
  const hostOrigin = detectHostOrigin(win);
  const embedded = win.parent !== (win as unknown as Window);

  function onMessage(event: MessageEvent) {
    if (event.source !== win.parent) return;
    if (hostOrigin && event.origin !== hostOrigin) return;
    if (isHostToFrame(event.data)) onCommand(event.data);
  }
  win.addEventListener('message', onMessage);

  return {
    post(type) {
      if (embedded) win.parent.postMessage({ source: BRIDGE_SOURCE, type }, hostOrigin ?? '*');
    },
    send(message, opts = {}) {
      if (!embedded || (opts.secret && !hostOrigin)) return false;
      win.parent.postMessage(message, hostOrigin ?? '*');
      return true;
    },
    dispose: () => win.removeEventListener('message', onMessage),
  };
}
