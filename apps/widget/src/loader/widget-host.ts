import type { ContextVariables } from '@switchboard/protocol';
import { BRIDGE_SOURCE, isFrameToHost, sanitizeContext, type FrameToHost, type HostToFrame } from '../shared/bridge.js';
import { attachAuthTokenProvider, type AuthTokenProvider } from './auth-token-provider.js';
import type { EmbedOptions } from './embed.js';
import { LAUNCHER_LABELS, LOADER_CSS, launcherIcon } from './loader-styles.js';

export type ContextProvider = () => ContextVariables | Promise<ContextVariables>;

/** The host page's JavaScript API, `window.Switchboard`. */
export type SwitchboardApi = {
  open(): void;
  close(): void;
  setContextProvider(provider: ContextProvider | null): void;
  /** CH1, CH5: the site's sign-in JWT, asked for when the widget requires sign-in (auth-token-provider.ts). */
  setAuthTokenProvider(provider: AuthTokenProvider | null): void;
};

export type WidgetHost = SwitchboardApi & {
  launcher: HTMLButtonElement;
  frame: HTMLIFrameElement;
  /** For the JavaScript API (host-api.ts): send to the iframe (queued until ready), hear from it. */
  post(message: HostToFrame): void;
  onFrameMessage(fn: (message: FrameToHost) => void): void;
  /** `startChat({ customContext })`: these win over the provider's values; resolves once sent. */
  setCustomContext(context: ContextVariables): Promise<void>;
  isOpen(): boolean;
  destroy(): void;
};

/**
 * Adds the launcher and the chat iframe to the host page and runs the host side of the
 * handshake. Messages to the iframe wait in a queue until it says `ready`; messages from it
 * count only when they come from Switchboard's origin and from our own iframe's window.
 */
export function mountWidget(options: EmbedOptions, win: Window, doc: Document): WidgetHost {
  const labels = LAUNCHER_LABELS[options.locale];
  let isOpen = false;
  let ready = false;
  let queue: HostToFrame[] = [];
  let provider: ContextProvider | null = null;
  let customContext: ContextVariables = {};
  const frameListeners: ((message: FrameToHost) => void)[] = [];

  const style = doc.createElement('style');
  style.id = 'switchboard-style';
  style.textContent = LOADER_CSS;
  doc.head.appendChild(style);

  const launcher = doc.createElement('button');
  launcher.type = 'button';
  launcher.id = 'switchboard-launcher';
  launcher.dataset.testid = 'widget-launcher';
  launcher.setAttribute('aria-controls', 'switchboard-frame');

  const frame = doc.createElement('iframe');
  frame.id = 'switchboard-frame';
  frame.title = 'Chat';
  frame.dataset.testid = 'widget-frame';
  frame.dataset.open = 'false';
  frame.setAttribute('allow', 'clipboard-write');
  frame.src = options.frameUrl;

  doc.body.append(frame, launcher);
  const auth = attachAuthTokenProvider(frame, options.origin, win);

  function render() {
    frame.dataset.open = String(isOpen);
    launcher.setAttribute('aria-expanded', String(isOpen));
    launcher.setAttribute('aria-label', isOpen ? labels.close : labels.open);
    // Only the icon is redrawn: the unread badge (launcher-alerts.ts) stays.
    launcher.querySelector('svg')?.remove();
    launcher.insertAdjacentHTML('afterbegin', launcherIcon(isOpen));
  }

  function post(message: HostToFrame) {
    if (!ready) {
      // Only the newest context matters; open/close keep their order.
      if (message.type === 'context') queue = queue.filter((m) => m.type !== 'context');
      queue.push(message);
      return;
    }
    // Read contentWindow each time: it changes if the iframe reloads.
    frame.contentWindow?.postMessage(message, options.origin);
  }

  async function sendContext() {
    if (!provider && !Object.keys(customContext).length) return;
    try {
      const context = sanitizeContext({ ...(provider ? await provider() : {}), ...customContext });
      post({ source: BRIDGE_SOURCE, type: 'context', context });
    } catch (err) {
      console.warn('[switchboard] the context provider failed', err);
    }
  }

  /** `notify` is false when the iframe itself asked: no need to echo it back. */
  function setOpen(open: boolean, notify: boolean) {
    if (open) void sendContext();
    isOpen = open;
    render();
    if (notify) post({ source: BRIDGE_SOURCE, type: open ? 'open' : 'close' });
  }

  function onMessage(event: MessageEvent) {
    if (event.origin !== options.origin || event.source !== frame.contentWindow) return;
    if (!isFrameToHost(event.data)) return;
    const message = event.data;
    frameListeners.forEach((fn) => fn(message));
    switch (message.type) {
      case 'ready': {
        ready = true;
        void sendContext();
        const pending = queue;
        queue = [];
        pending.forEach(post);
        return;
      }
      case 'open':
        setOpen(true, false);
        return;
      case 'close':
        setOpen(false, false);
        return;
    }
  }

  launcher.addEventListener('click', () => setOpen(!isOpen, true));
  win.addEventListener('message', onMessage);
  render();

  return {
    launcher,
    frame,
    post,
    onFrameMessage: (fn) => void frameListeners.push(fn),
    async setCustomContext(context) {
      customContext = sanitizeContext(context);
      await sendContext();
    },
    isOpen: () => isOpen,
    open: () => setOpen(true, true),
    close: () => setOpen(false, true),
    setContextProvider(fn) {
      provider = typeof fn === 'function' ? fn : null;
      void sendContext();
    },
    setAuthTokenProvider: auth.setAuthTokenProvider,
    destroy() {
      win.removeEventListener('message', onMessage);
      auth.dispose();
      launcher.remove();
      frame.remove();
      style.remove();
    },
  };
}
