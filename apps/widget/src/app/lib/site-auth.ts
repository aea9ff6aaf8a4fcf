import { ApiCallError } from '@switchboard/protocol';
import {
  AUTH_SOURCE,
  isAuthTokenReply,
  type AuthErrorCode,
  type AuthTokenProblem,
  type AuthTokenRequest,
} from '../../shared/auth-messages.js';
import { BRIDGE_SOURCE, type FrameToHost } from '../../shared/bridge.js';
import type { Translate } from '../i18n.js';
import { detectHostOrigin } from './host-bridge.js';

type FrameWindow = Pick<Window, 'parent' | 'addEventListener' | 'removeEventListener'>;

export type SiteAuthDeps = {
  win: FrameWindow;
  /** The host page's origin when known (host-bridge.ts#detectHostOrigin): replies from elsewhere are ignored. */
  hostOrigin: string | null;
  /** The `error` event to the host page (`Switchboard.on('error')`, `switchboard:error`). */
  reportError(code: AuthErrorCode, message: string): void;
  /** What the customer reads in the form when the page gave no token. */
  messages: { missing: string; failed: string };
  /** A little more than the loader's 10 s for the provider, so its answer (an error) comes first. */
  timeoutMs?: number;
};

const CODE_OF: Record<AuthTokenProblem, AuthErrorCode> = {
  'no-provider': 'auth-token-missing',
  'no-token': 'auth-token-missing',
  'provider-failed': 'auth-provider-failed',
};

/**
 * Authenticated chat in the iframe (CH1, CH5): asks the host page for the site's token, starts
 * with it, and on any failure tells the host page (an `error` event) and the form (a 401, shown
 * like the server's), so there is never a silent anonymous chat.
 */
export function createSiteAuth(deps: SiteAuthDeps) {
  const waiting = new Map<string, (answer: { token: string } | { problem: AuthTokenProblem }) => void>();

  deps.win.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== deps.win.parent) return;
    if (deps.hostOrigin && event.origin !== deps.hostOrigin) return;
    if (!isAuthTokenReply(event.data)) return;
    waiting.get(event.data.requestId)?.(event.data);
    waiting.delete(event.data.requestId);
  });

  function requestToken(): Promise<{ token: string } | { problem: AuthTokenProblem }> {
    const requestId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        waiting.delete(requestId);
        resolve({ problem: 'provider-failed' });
      }, deps.timeoutMs ?? 12_000);
      waiting.set(requestId, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      const request: AuthTokenRequest = { source: AUTH_SOURCE, type: 'auth-token-request', requestId };
      // Asking reveals nothing; the answer comes back only to Switchboard's origin (the loader's side).
      deps.win.parent.postMessage(request, deps.hostOrigin ?? '*');
    });
  }

  return {
    /** `call` is the start request; it gets the token, or is never made. */
    async start<T>(call: (authToken: string) => Promise<T>): Promise<T> {
      const answer = await requestToken();
      if ('problem' in answer) {
        const message = answer.problem === 'provider-failed' ? deps.messages.failed : deps.messages.missing;
        deps.reportError(CODE_OF[answer.problem], message);
        throw new ApiCallError(401, { message });
      }
      try {
        return await call(answer.token);
      } catch (err) {
        if (err instanceof ApiCallError && (err.status === 401 || err.status === 400))
          deps.reportError('auth-token-invalid', err.body?.message ?? err.message);
        throw err;
      }
    },
  };
}

export type SiteAuth = ReturnType<typeof createSiteAuth>;

/** As main.tsx wires it: the page's origin as the browser reports it, errors as the API's `error` event. */
export function siteAuthFor(win: Window, t: Translate, send: (message: FrameToHost) => boolean): SiteAuth {
  return createSiteAuth({
    win,
    hostOrigin: detectHostOrigin(win),
    reportError: (code, message) =>
      send({ source: BRIDGE_SOURCE, type: 'event', name: 'error', detail: { code, message } }),
    messages: { missing: t('signIn.missing'), failed: t('signIn.failed') },
  });
}
