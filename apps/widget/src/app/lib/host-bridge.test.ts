import { describe, expect, it, vi } from 'vitest';
import { createHostBridge } from './host-bridge.js';

const HOST = 'https://shop.example';

/** A frame window whose parent is a spy, embedded in a page at HOST. */
function frameWindow(referrer = `${HOST}/products/1`) {
  const parent = { postMessage: vi.fn() };
  const target = new EventTarget();
  const win = {
    parent,
    document: { referrer },
    location: { ancestorOrigins: undefined },
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
  };
  const deliver = (data: unknown, origin: string, source: unknown) =>
    target.dispatchEvent(new MessageEvent('message', { data, origin, source: source as Window }));
  return { win: win as unknown as Parameters<typeof createHostBridge>[0], parent, deliver };
}

describe('iframe side of the handshake', () => {
  it('posts to the host origin only', () => {
    const { win, parent } = frameWindow();
    createHostBridge(win, vi.fn()).post('ready');
    expect(parent.postMessage).toHaveBeenCalledWith({ source: 'switchboard', type: 'ready' }, HOST);
  });

  it('accepts commands from the parent at the host origin and nothing else', () => {
    const { win, parent, deliver } = frameWindow();
    const onCommand = vi.fn();
    createHostBridge(win, onCommand);
    deliver({ source: 'switchboard', type: 'open' }, HOST, parent);
    deliver({ source: 'switchboard', type: 'context', context: { plan: 'gold' } }, HOST, parent);
    deliver({ source: 'switchboard', type: 'close' }, 'https://evil.example', parent);
    deliver({ source: 'switchboard', type: 'close' }, HOST, {});
    deliver({ source: 'other', type: 'close' }, HOST, parent);
    expect(onCommand.mock.calls.map(([m]) => m.type)).toEqual(['open', 'context']);
  });
});
