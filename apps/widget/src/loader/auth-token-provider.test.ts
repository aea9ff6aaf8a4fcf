import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiCallError } from '@switchboard/protocol';
import { createSiteAuth } from '../app/lib/site-auth.js';
import { attachAuthTokenProvider, type AuthTokenProvider } from './auth-token-provider.js';

// CH1, CH5: the site's sign-in token over the bridge, both sides: the loader answers the iframe's
// request from `setAuthTokenProvider`, the iframe starts with it or reports an `error` event.
const ORIGIN = 'https://switchboard.example';
const HOST = 'https://shop.example';

/** Two fake windows joined like a page and its iframe: each postMessage arrives as a MessageEvent. */
function wire(timeoutMs = 200) {
  const hostTarget = new EventTarget();
  const frameTarget = new EventTarget();
  const on = (t: EventTarget) => ({
    addEventListener: t.addEventListener.bind(t),
    removeEventListener: t.removeEventListener.bind(t),
  });
  const sentToFrame: { data: unknown; origin: string }[] = [];
  const parent = {
    postMessage: (data: unknown) =>
      hostTarget.dispatchEvent(new MessageEvent('message', { data, origin: ORIGIN, source: frameWin as never })),
  };
  const frameWin = {
    ...on(frameTarget),
    parent,
    // What the loader posts to its iframe's window arrives there from the host page.
    postMessage: (data: unknown, targetOrigin: string) => {
      sentToFrame.push({ data, origin: targetOrigin });
      frameTarget.dispatchEvent(new MessageEvent('message', { data, origin: HOST, source: parent as never }));
    },
  } as unknown as Window;
  const hostWin = on(hostTarget) as unknown as Window;
  const frame = { contentWindow: frameWin } as unknown as HTMLIFrameElement;
  const loader = attachAuthTokenProvider(frame, ORIGIN, hostWin, timeoutMs);
  const errors: { code: string; message: string }[] = [];
  const site = createSiteAuth({
    win: frameWin,
    hostOrigin: HOST,
    reportError: (code, message) => void errors.push({ code, message }),
    messages: { missing: 'no token from the shop', failed: 'the shop did not answer' },
    timeoutMs: timeoutMs * 2,
  });
  return { loader, site, errors, sentToFrame };
}

afterEach(() => vi.useRealTimers());

describe('setAuthTokenProvider over the bridge (CH1, CH5)', () => {
  it('a provider returning a Promise: the start request gets the token, sent only to Switchboard', async () => {
    const { loader, site, errors, sentToFrame } = wire();
    loader.setAuthTokenProvider(async () => 'eyJ.jwt.sig');
    const call = vi.fn(async (token: string) => `started with ${token}`);
    expect(await site.start(call)).toBe('started with eyJ.jwt.sig');
    expect(sentToFrame.map((m) => m.origin)).toEqual([ORIGIN]);
    expect(errors).toEqual([]);
  });

  it('a provider calling back, as other widgets expect, works too', async () => {
    const { loader, site } = wire();
    loader.setAuthTokenProvider((callback) => void setTimeout(() => callback('cb.jwt.sig'), 5));
    expect(await site.start(async (token) => token)).toBe('cb.jwt.sig');
  });

  const throws: AuthTokenProvider = () => Promise.reject(new Error('signed out'));
  const silent: AuthTokenProvider = () => new Promise<string>(() => undefined);
  it.each([
    ['no provider', null, 'auth-token-missing', 'no token from the shop'],
    ['a provider that throws', throws, 'auth-provider-failed', 'the shop did not answer'],
    ['a provider that gives no text', () => '', 'auth-token-missing', 'no token from the shop'],
    ['a provider that never answers', silent, 'auth-provider-failed', 'the shop did not answer'],
  ] as const)('%s: no start request, an error event and a 401 for the form', async (_what, fn, code, message) => {
    const { loader, site, errors } = wire();
    loader.setAuthTokenProvider(fn as never);
    const call = vi.fn(async () => 'started');
    const err = await site.start(call).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiCallError);
    expect((err as ApiCallError).status).toBe(401);
    expect((err as ApiCallError).body?.message).toBe(message);
    expect(call).not.toHaveBeenCalled();
    expect(errors).toEqual([{ code, message }]);
  });

  it("the server's refusal of the token is an error event too, with its message", async () => {
    const { loader, site, errors } = wire();
    loader.setAuthTokenProvider(() => 'expired.jwt.sig');
    const refusal = new ApiCallError(401, { message: 'sign-in token refused: it has expired (exp)' });
    await expect(site.start(() => Promise.reject(refusal))).rejects.toBe(refusal);
    expect(errors).toEqual([{ code: 'auth-token-invalid', message: 'sign-in token refused: it has expired (exp)' }]);
  });
});
