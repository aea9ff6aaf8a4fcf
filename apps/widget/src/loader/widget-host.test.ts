import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { stopResourceLoading } from '../test-support/happy-dom.js';
import { findLoaderScript, readEmbedOptions, type EmbedOptions } from './embed.js';
import { mountWidget, type WidgetHost } from './widget-host.js';

const ORIGIN = 'https://switchboard.example';

function addScriptTag(attrs: Record<string, string>) {
  const script = document.createElement('script');
  for (const [k, v] of Object.entries(attrs)) script.setAttribute(k, v);
  document.body.appendChild(script);
  return script;
}

/** Replaces the iframe's window with a spy, as a browser would give us a cross-origin window. */
function fakeFrameWindow(host: WidgetHost) {
  const win = { postMessage: vi.fn() };
  Object.defineProperty(host.frame, 'contentWindow', { value: win, configurable: true });
  return win;
}

function fromFrame(data: unknown, opts: { origin?: string; source?: unknown } = {}) {
  window.dispatchEvent(new MessageEvent('message', { data, origin: opts.origin ?? ORIGIN, source: opts.source as Window }));
}

const flush = () => new Promise((r) => setTimeout(r, 0));

beforeAll(stopResourceLoading);

describe('embedding from the script tag', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    document.documentElement.removeAttribute('lang');
  });

  it('reads the widget id, the origin of its own src and the page language', () => {
    document.documentElement.lang = 'nl-BE';
    addScriptTag({ src: `${ORIGIN}/widget/loader.js`, 'data-widget-id': 'demo', async: '' });
    const script = findLoaderScript(document);
    expect(script).not.toBeNull();
    const options = readEmbedOptions(script!, document, { language: 'fr-FR' });
    expect(options).toEqual({
      origin: ORIGIN,
      widgetId: 'demo',
      locale: 'nl',
      frameUrl: `${ORIGIN}/widget/index.html?widgetId=demo&locale=nl`,
    });
  });

  it('falls back to the browser language, then to English', () => {
    const script = addScriptTag({ src: `${ORIGIN}/widget/loader.js`, 'data-widget-id': 'demo' });
    expect(readEmbedOptions(script, document, { language: 'fr-CA' })?.locale).toBe('fr');
    expect(readEmbedOptions(script, document, { language: 'de-DE' })?.locale).toBe('en');
  });

  it('refuses a tag without a widget id', () => {
    const script = addScriptTag({ src: `${ORIGIN}/widget/loader.js` });
    expect(findLoaderScript(document)).toBeNull();
    expect(readEmbedOptions(script, document, { language: 'en' })).toBeNull();
  });

  it('installs window.Switchboard and the two elements when loader.js runs', async () => {
    addScriptTag({ src: `${ORIGIN}/widget/loader.js`, 'data-widget-id': 'demo' });
    const ready = vi.fn();
    window.addEventListener('switchboard:ready', ready);
    await import('./loader.js');
    expect(typeof window.Switchboard?.open).toBe('function');
    expect(typeof window.Switchboard?.setContextProvider).toBe('function');
    expect(document.querySelectorAll('[data-testid=widget-launcher]')).toHaveLength(1);
    expect(document.querySelector<HTMLIFrameElement>('[data-testid=widget-frame]')?.src).toBe(`${ORIGIN}/widget/index.html?widgetId=demo&locale=en`);
    expect(ready).toHaveBeenCalledOnce();
    delete window.Switchboard;
  });
});

describe('the host side of the handshake', () => {
  const options: EmbedOptions = { origin: ORIGIN, widgetId: 'demo', locale: 'en', frameUrl: `${ORIGIN}/widget/index.html?widgetId=demo&locale=en` };
  let host: WidgetHost;

  beforeEach(() => {
    host = mountWidget(options, window, document);
  });
  afterEach(() => host.destroy());

  it('adds a launcher and a hidden chat iframe', () => {
    const launcher = document.getElementById('switchboard-launcher')!;
    const frame = document.getElementById('switchboard-frame') as HTMLIFrameElement;
    expect(launcher.dataset.testid).toBe('widget-launcher');
    expect(launcher.getAttribute('aria-expanded')).toBe('false');
    expect(frame.dataset.testid).toBe('widget-frame');
    expect(frame.title).toBe('Chat');
    expect(frame.src).toBe(options.frameUrl);
    expect(frame.dataset.open).toBe('false');
  });

  it('opens and closes the panel from the launcher, and tells the iframe', () => {
    const win = fakeFrameWindow(host);
    fromFrame({ source: 'switchboard', type: 'ready' }, { source: win });
    host.launcher.click();
    expect(host.frame.dataset.open).toBe('true');
    expect(host.launcher.getAttribute('aria-expanded')).toBe('true');
    expect(win.postMessage).toHaveBeenLastCalledWith({ source: 'switchboard', type: 'open' }, ORIGIN);
    host.launcher.click();
    expect(host.frame.dataset.open).toBe('false');
    expect(win.postMessage).toHaveBeenLastCalledWith({ source: 'switchboard', type: 'close' }, ORIGIN);
  });

  it('queues calls made before the iframe is ready and sends them in order after ready', async () => {
    const win = fakeFrameWindow(host);
    host.open();
    host.close();
    host.open();
    host.setContextProvider(() => ({ plan: 'gold', cartItems: 3, loggedIn: true, nested: { no: 1 } as never }));
    await flush();
    expect(win.postMessage).not.toHaveBeenCalled();
    expect(host.frame.dataset.open).toBe('true');

    fromFrame({ source: 'switchboard', type: 'ready' }, { source: win });
    await flush();
    const sent = win.postMessage.mock.calls.map(([msg]) => msg as { type: string; context?: unknown });
    expect(sent.map((m) => m.type)).toEqual(['open', 'close', 'open', 'context', 'context']);
    expect(sent[3]!.context).toEqual({ plan: 'gold', cartItems: 3, loggedIn: true });
    for (const [, target] of win.postMessage.mock.calls) expect(target).toBe(ORIGIN);
  });

  it('shows the panel when the iframe asks, without echoing it back', () => {
    const win = fakeFrameWindow(host);
    fromFrame({ source: 'switchboard', type: 'open' }, { source: win });
    fromFrame({ source: 'switchboard', type: 'ready' }, { source: win });
    expect(host.frame.dataset.open).toBe('true');
    expect(win.postMessage).not.toHaveBeenCalled();
    fromFrame({ source: 'switchboard', type: 'close' }, { source: win });
    expect(host.frame.dataset.open).toBe('false');
  });

  it('ignores messages from other origins, other windows or other senders', async () => {
    const win = fakeFrameWindow(host);
    host.open(); // queued
    host.close(); // queued
    fromFrame({ source: 'switchboard', type: 'ready' }, { source: win, origin: 'https://evil.example' });
    fromFrame({ source: 'switchboard', type: 'open' }, { source: win, origin: 'https://evil.example' });
    fromFrame({ source: 'switchboard', type: 'open' }, { source: window });
    fromFrame({ source: 'someone-else', type: 'open' }, { source: win });
    fromFrame('open', { source: win });
    await flush();
    expect(host.frame.dataset.open).toBe('false');
    expect(win.postMessage).not.toHaveBeenCalled(); // still not ready: the fake "ready" was ignored
  });
});
