import type { ContextVariables } from '@switchboard/protocol';
import { BRIDGE_SOURCE, isFrameToHost, sanitizeContext, type HostToFrame } from '../shared/bridge.js';
import type { EmbedOptions } from './embed.js';
import { LAUNCHER_LABELS, LOADER_CSS, launcherIcon } from './loader-styles.js';

export type ContextProvider = () => ContextVariables | Promise<ContextVariables>;

/** The host page's JavaScript API, `window.Switchboard`. */
export type SwitchboardApi = {
  open(): void;
  close(): void;
  setContextProvider(provider: ContextProvider | null): void;
};

export type WidgetHost = SwitchboardApi & {
  launcher: HTMLButtonElement;
  frame: HTMLIFrameElement;
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

  function render() {
    frame.dataset.open = String(isOpen);
    launcher.setAttribute('aria-expanded', String(isOpen));
    launcher.setAttribute('aria-label', isOpen ? labels.close : labels.open);
    launcher.innerHTML = launcherIcon(isOpen);
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
    if (!provider) return;
    try {
      const context = sanitizeContext(await provider());
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
    switch (event.data.type) {
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
    open: () => setOpen(true, true),
    close: () => setOpen(false, true),
    setContextProvider(fn) {
      provider = typeof fn === 'function' ? fn : null;
      void sendContext();
    },
    destroy() {
      win.removeEventListener('message', onMessage);
      launcher.remove();
      frame.remove();
      style.remove();
    },
  };
}
