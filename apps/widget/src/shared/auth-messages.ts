/**
 * Authenticated chat (CH1, CH5) over the bridge: the iframe asks the host page for the site's
 * sign-in token (its `Switchboard.setAuthTokenProvider`), the loader answers to Switchboard's
 * origin only. Apart from bridge.ts's handshake, which ignores these. No imports: the loader stays small.
 */
export const AUTH_SOURCE = 'switchboard';

/** Why the page gave no token: it set no provider, the provider threw or took too long, or gave no text. */
export type AuthTokenProblem = 'no-provider' | 'provider-failed' | 'no-token';

export type AuthTokenRequest = { source: typeof AUTH_SOURCE; type: 'auth-token-request'; requestId: string };
export type AuthTokenReply = { source: typeof AUTH_SOURCE; type: 'auth-token'; requestId: string } & (
  { token: string } | { problem: AuthTokenProblem }
);

/** The `error` event's codes (docs/widget-api.md): what the host page hears when a signed-in start fails. */
export type AuthErrorCode = 'auth-provider-failed' | 'auth-token-missing' | 'auth-token-invalid';

/** A JWT is ASCII, three base64url parts: well under this. */
export const MAX_TOKEN_LENGTH = 16_000;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 100;
const PROBLEMS = new Set<unknown>(['no-provider', 'provider-failed', 'no-token']);

export function isAuthTokenRequest(data: unknown): data is AuthTokenRequest {
  return isRecord(data) && data.source === AUTH_SOURCE && data.type === 'auth-token-request' && isId(data.requestId);
}

export function isAuthTokenReply(data: unknown): data is AuthTokenReply {
  if (!isRecord(data) || data.source !== AUTH_SOURCE || data.type !== 'auth-token' || !isId(data.requestId))
    return false;
  return typeof data.token === 'string' ? data.token.length <= MAX_TOKEN_LENGTH : PROBLEMS.has(data.problem);
}
