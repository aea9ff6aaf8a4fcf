import { AUTH_SOURCE, isAuthTokenRequest, MAX_TOKEN_LENGTH, type AuthTokenReply } from '../shared/auth-messages.js';

/**
 * `Switchboard.setAuthTokenProvider(fn)` (CH1, CH5): `fn` returns the site's JWT or a Promise of
 * it, or, as other chat widgets expect, calls the callback it is given with the JWT.
 */
export type AuthTokenProvider = (callback: (token: string) => void) => string | Promise<string> | void;

/** Like other widgets' token functions: a page that does not answer in 10 s gets an error, not a hang. */
export const PROVIDER_TIMEOUT_MS = 10_000;

type Problem = Extract<AuthTokenReply, { problem: unknown }>['problem'];

function ask(provider: AuthTokenProvider | null, timeoutMs: number): Promise<{ token: string } | { problem: Problem }> {
  if (!provider) return Promise.resolve({ problem: 'no-provider' });
  return new Promise((resolve) => {
    let done = false;
    const finish = (answer: { token: string } | { problem: Problem }) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(answer);
    };
    const accept = (token: unknown) =>
      finish(
        typeof token === 'string' && token && token.length <= MAX_TOKEN_LENGTH ? { token } : { problem: 'no-token' },
      );
    const timer = setTimeout(() => finish({ problem: 'provider-failed' }), timeoutMs);
    try {
      const result = provider(accept);
      // A callback-style provider returns nothing and calls `accept` itself.
      if (result !== undefined) Promise.resolve(result).then(accept, () => finish({ problem: 'provider-failed' }));
    } catch {
      finish({ problem: 'provider-failed' });
    }
  });
}

/**
 * The loader's side: answers the iframe's token requests, only when they come from our own
 * iframe at Switchboard's origin, and only to that origin, so no other frame sees the token.
 */
export function attachAuthTokenProvider(
  frame: HTMLIFrameElement,
  origin: string,
  win: Pick<Window, 'addEventListener' | 'removeEventListener'>,
  timeoutMs = PROVIDER_TIMEOUT_MS,
) {
  let provider: AuthTokenProvider | null = null;

  async function onMessage(event: MessageEvent) {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    if (!isAuthTokenRequest(event.data)) return;
    const { requestId } = event.data;
    const answer = await ask(provider, timeoutMs);
    const reply: AuthTokenReply = { source: AUTH_SOURCE, type: 'auth-token', requestId, ...answer };
    frame.contentWindow?.postMessage(reply, origin);
  }
  win.addEventListener('message', onMessage);

  return {
    setAuthTokenProvider(fn: AuthTokenProvider | null) {
      provider = typeof fn === 'function' ? fn : null;
    },
    dispose: () => win.removeEventListener('message', onMessage),
  };
}
