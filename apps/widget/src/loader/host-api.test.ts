import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { stopResourceLoading } from '../test-support/happy-dom.js';
import type { EmbedOptions } from './embed.js';
import { createHostApi, type HostApi } from './host-api.js';
import { consumeResumeToken, withResumeToken } from './carry.js';
import { createJourneyQueue, MAX_PENDING, newAction } from './journey-queue.js';
import { mountWidget, type WidgetHost } from './widget-host.js';

// CH1: the host page's JavaScript API (docs/widget-api.md) as the loader runs it: tracking kept in
// the host page's storage until a chat exists, the bridge messages it sends, and the events it hears.
const ORIGIN = 'https://switchboard.example';
const options: EmbedOptions = {
  origin: ORIGIN,
  widgetId: 'demo',
  locale: 'en',
  frameUrl: `${ORIGIN}/widget/index.html?widgetId=demo`,
};
const flush = () => new Promise((r) => setTimeout(r, 0));

beforeAll(stopResourceLoading);

type Sent = { type: string; [k: string]: unknown };

describe('the loader API', () => {
  let host: WidgetHost;
  let api: HostApi & { destroy(): void };
  let frameWin: { postMessage: ReturnType<typeof vi.fn> };
  const sent = () => frameWin.postMessage.mock.calls.map(([m]) => m as Sent);
  const fromFrame = (data: unknown, origin = ORIGIN, source: unknown = frameWin) =>
    window.dispatchEvent(
      new MessageEvent('message', {
        data: { source: 'switchboard', ...(data as object) },
        origin,
        source: source as Window,
      }),
    );

  beforeEach(() => {
    localStorage.clear();
    host = mountWidget(options, window, document);
    frameWin = { postMessage: vi.fn() };
    Object.defineProperty(host.frame, 'contentWindow', { value: frameWin, configurable: true });
    api = createHostApi(host, 'demo', window, document);
  });
  afterEach(() => {
    api.destroy();
    host.destroy();
  });

  it('keeps tracking calls made before a chat in the host page storage and offers them to the iframe', async () => {
    api.trackPageVisited('https://shop.example/ink', 'Ink');
    api.trackSearch('black ink', 12);
    api.trackArticleViewed('kb-7', 'Refilling');
    api.trackCustomAction('added-to-cart', { sku: 'INK-9', qty: 2, fn: () => 1 });
    const stored = JSON.parse(localStorage.getItem('switchboard:journey:demo')!);
    expect(stored.map((a: Sent) => [a.kind, a.name, a.detail])).toEqual([
      ['page-visited', 'https://shop.example/ink', { title: 'Ink' }],
      ['search', 'black ink', { resultsCount: 12 }],
      ['article-viewed', 'Refilling', { id: 'kb-7' }],
      ['custom', 'added-to-cart', { sku: 'INK-9', qty: 2 }],
    ]);
    expect(sent()).toEqual([]); // the iframe is not ready yet
    fromFrame({ type: 'ready' });
    await flush();
    const offer = sent()
      .filter((m) => m.type === 'journey')
      .at(-1)!;
    expect((offer.actions as Sent[]).map((a) => a.kind)).toEqual([
      'page-visited',
      'search',
      'article-viewed',
      'custom',
    ]);
    for (const [, target] of frameWin.postMessage.mock.calls) expect(target).toBe(ORIGIN);
  });

  it('forgets what the start request took, and sends the rest, and later calls, straight to the chat', async () => {
    fromFrame({ type: 'ready' });
    api.trackSearch('one');
    api.trackSearch('two');
    const [first] = JSON.parse(localStorage.getItem('switchboard:journey:demo')!) as { key: string }[];
    fromFrame({ type: 'journey-taken', keys: [first!.key] });
    fromFrame({ type: 'chat', active: true });
    await flush();
    const track = sent().filter((m) => m.type === 'track');
    expect(track.map((m) => (m.actions as Sent[]).map((a) => a.name))).toEqual([['two']]);
    expect(JSON.parse(localStorage.getItem('switchboard:journey:demo')!)).toEqual([]);
    api.trackPageVisited('https://shop.example/cart');
    expect(sent().at(-1)).toMatchObject({
      type: 'track',
      actions: [{ kind: 'page-visited', name: 'https://shop.example/cart' }],
    });
    expect(localStorage.getItem('switchboard:journey:demo')).toBe('[]');
  });

  it('startChat sends customContext over the provider, then asks to start, and opens the panel', async () => {
    fromFrame({ type: 'ready' });
    host.setContextProvider(() => ({ plan: 'silver', page: 'home' }));
    await api.startChat({ customContext: { plan: 'gold', name: 'Eve', bad: { x: 1 } as never } });
    await flush();
    // The merged context reaches the iframe before the request to start (which reads it).
    const types = sent().map((m) => m.type);
    const start = types.indexOf('start-chat');
    expect(start).toBeGreaterThan(0);
    expect(sent()[start - 1]).toMatchObject({ type: 'context', context: { plan: 'gold', page: 'home', name: 'Eve' } });
    expect(
      sent()
        .filter((m) => m.type === 'context')
        .at(-1)!.context,
    ).toEqual({ plan: 'gold', page: 'home', name: 'Eve' });
    expect(host.frame.dataset.open).toBe('true');
    api.endChat();
    expect(sent().at(-1)).toEqual({ source: 'switchboard', type: 'end-chat' });
  });

  it('passes the iframe events on to on() listeners and window events; off() stops them; ready is sticky', async () => {
    const started = vi.fn();
    const windowEvent = vi.fn();
    window.addEventListener('switchboard:chatStarted', windowEvent);
    api.on('chatStarted', started);
    api.on('chatStarted', () => {
      throw new Error('a listener that fails stops no other');
    });
    fromFrame({ type: 'ready' });
    fromFrame({ type: 'event', name: 'chatStarted', detail: { conversationId: 'c1' } });
    expect(started).toHaveBeenCalledWith({ conversationId: 'c1' });
    expect((windowEvent.mock.calls[0]![0] as CustomEvent).detail).toEqual({ conversationId: 'c1' });
    api.off('chatStarted', started);
    fromFrame({ type: 'event', name: 'chatStarted', detail: { conversationId: 'c2' } });
    expect(started).toHaveBeenCalledTimes(1);
    const late = vi.fn();
    api.on('ready', late);
    await flush();
    expect(late).toHaveBeenCalledOnce();
    window.removeEventListener('switchboard:chatStarted', windowEvent);
  });

  it('shows the unread count on the launcher, and ignores events from another origin or window', () => {
    const unread = vi.fn();
    api.on('unreadCount', unread);
    fromFrame({ type: 'event', name: 'unreadCount', detail: { count: 2 } });
    const badge = document.querySelector<HTMLElement>('[data-testid=widget-unread]')!;
    expect(badge.hidden).toBe(false);
    expect(badge.textContent).toBe('2');
    host.open(); // the launcher's icon is redrawn; the badge stays
    expect(host.launcher.contains(badge)).toBe(true);
    fromFrame({ type: 'event', name: 'unreadCount', detail: { count: 5 } }, 'https://evil.example');
    fromFrame({ type: 'event', name: 'unreadCount', detail: { count: 7 } }, ORIGIN, window);
    fromFrame({ type: 'event', name: 'hacked', detail: {} });
    expect(unread.mock.calls.map(([d]) => d.count)).toEqual([2]);
    fromFrame({ type: 'event', name: 'unreadCount', detail: { count: 0 } });
    expect(badge.hidden).toBe(true);
  });

  it('a marked link, during a chat, is followed with a resume token in its fragment', async () => {
    const assign = vi.fn();
    const realLocation = window.location;
    Object.defineProperty(window, 'location', { value: { ...realLocation, hash: '', assign }, configurable: true });
    try {
      fromFrame({ type: 'ready' });
      fromFrame({ type: 'chat', active: true });
      const link = document.createElement('a');
      link.href = 'http://127.0.0.1:3000/demo/page2.html';
      link.dataset.switchboardCarry = '';
      document.body.appendChild(link);
      link.click();
      const request = sent().find((m) => m.type === 'resume-link-request')!;
      fromFrame({ type: 'resume-link', requestId: request.requestId, token: 'tok.en' });
      await flush();
      await flush();
      expect(assign).toHaveBeenCalledWith('http://127.0.0.1:3000/demo/page2.html#sb-resume=tok.en');
      link.remove();
    } finally {
      Object.defineProperty(window, 'location', { value: realLocation, configurable: true });
    }
  });
});

describe('the journey queue', () => {
  it('keeps the newest 100 and bounds every text', () => {
    const store = new Map<string, string>();
    const q = createJourneyQueue('w', {
      getItem: (k) => store.get(k) ?? null,
      setItem: (k, v) => void store.set(k, v),
    });
    for (let i = 0; i < 130; i++) q.add(newAction('search', `q${i}`, {}, new Date())!);
    expect(q.list()).toHaveLength(MAX_PENDING);
    expect(q.list()[0]!.name).toBe('q30');
    const long = newAction(
      'custom',
      `a\u0000b${'x'.repeat(5000)}`,
      { ['k'.repeat(200)]: 'v'.repeat(5000), n: Infinity },
      new Date(),
    )!;
    expect(long.name.startsWith('a b')).toBe(true);
    expect(long.name.length).toBe(2000);
    expect(Object.keys(long.detail!)[0]!.length).toBe(100);
    expect(Object.values(long.detail!)[0]).toHaveLength(1000);
    expect(long.detail).not.toHaveProperty('n');
    expect(newAction('search', '   ', {}, new Date())).toBeNull();
    expect(newAction('search', 42 as never, {}, new Date())).toBeNull();
  });

  it('works without storage (blocked), in memory for the page', () => {
    const q = createJourneyQueue('w', null);
    q.add(newAction('search', 'x', {}, new Date())!);
    expect(q.list()).toHaveLength(1);
  });
});

describe('the resume token in the address', () => {
  it('is taken out of the fragment, keeping the rest of it', () => {
    const replaceState = vi.fn();
    const win = {
      location: { hash: '#top&sb-resume=a.b%2Ec', pathname: '/p', search: '?x=1' },
      history: { state: null, replaceState },
    };
    expect(consumeResumeToken(win as never)).toBe('a.b.c');
    expect(replaceState).toHaveBeenCalledWith(null, '', '/p?x=1#top');
    expect(consumeResumeToken({ location: { hash: '#top' }, history: win.history } as never)).toBeNull();
  });

  it('is added to a link with or without its own fragment', () => {
    expect(withResumeToken('https://b.example/x', 't')).toBe('https://b.example/x#sb-resume=t');
    expect(withResumeToken('https://b.example/x#faq', 't')).toBe('https://b.example/x#faq&sb-resume=t');
  });
});
