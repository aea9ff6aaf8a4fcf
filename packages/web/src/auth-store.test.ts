import type { StaffUser } from '@switchboard/protocol';
import { describe, expect, it } from 'vitest';
import { createAuthedApi } from './api';
import { createAuthStore } from './auth-store';

const user = {
  id: '00000000-0000-4000-8000-000000000001',
  orgId: '00000000-0000-4000-8000-000000000002',
  orgName: 'Org',
  email: 'a@x.example',
  name: 'A',
  role: 'agent',
  presence: 'offline',
  capacity: 1,
  usedCapacity: 0,
} satisfies StaffUser;

/** A fake server that records each request's method, path and bearer token. */
function fakeServer() {
  const requests: string[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const auth = new Headers(init?.headers).get('authorization');
    requests.push(`${init?.method ?? 'GET'} ${new URL(String(input), 'http://app.test').pathname} ${auth}`);
    return new Response(JSON.stringify({ ok: true }), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

describe('signing out ends the session on the server (X3)', () => {
  it('calls POST /api/auth/logout with the token being signed out', async () => {
    const auth = createAuthStore(`test.auth.${Math.random()}`);
    const server = fakeServer();
    createAuthedApi(auth, server.fetch);
    auth.getState().signIn('the-token', user);
    auth.getState().signOut();
    expect(auth.getState().token).toBeNull();
    await new Promise((r) => setTimeout(r, 0));
    expect(server.requests).toEqual(['POST /api/auth/logout Bearer the-token']);
  });

  it('does not call it for a token the server already refused, nor when nobody is signed in', async () => {
    const auth = createAuthStore(`test.auth.${Math.random()}`);
    const server = fakeServer();
    createAuthedApi(auth, server.fetch);
    auth.getState().signOut();
    auth.getState().signIn('the-token', user);
    auth.getState().signOut('expired');
    await new Promise((r) => setTimeout(r, 0));
    expect(server.requests).toEqual([]);
  });

  it('signs out locally even when the server cannot be reached', async () => {
    const auth = createAuthStore(`test.auth.${Math.random()}`);
    createAuthedApi(auth, (async () => Promise.reject(new TypeError('offline'))) as typeof globalThis.fetch);
    auth.getState().signIn('the-token', user);
    auth.getState().signOut();
    await new Promise((r) => setTimeout(r, 0));
    expect(auth.getState()).toMatchObject({ token: null, user: null });
  });
});
