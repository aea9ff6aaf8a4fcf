import { ApiCallError, createApiClient, type CallInput, type CallOutput, type RouteName } from '@switchboard/protocol';
import type { AuthStore } from './auth-store';

export type Call = <N extends RouteName>(name: N, input?: CallInput<N>) => Promise<CallOutput<N>>;

/**
 * Every REST call of an app, with the token of `auth`: a 401 anywhere (but on sign-in itself)
 * returns to the sign-in page. Tests pass a fake `fetch`.
 */
export function createAuthedApi(auth: AuthStore, fetchImpl?: typeof fetch): Call {
  const withFetch = fetchImpl ? { fetch: fetchImpl } : {};
  const client = createApiClient({ baseUrl: '', getToken: () => auth.getState().token, ...withFetch });
  // Sign-out revokes the session it ends: the token is refused from the next request on (X3).
  auth
    .getState()
    .setRevoker((token) =>
      createApiClient({ baseUrl: '', getToken: () => token, ...withFetch }).call('logout', { body: {} }),
    );
  return async (name, input) => {
    try {
      return await client.call(name, input);
    } catch (err) {
      if (err instanceof ApiCallError && err.status === 401 && name !== 'login') auth.getState().signOut('expired');
      throw err;
    }
  };
}

export { ApiCallError };

type Rest = ReturnType<typeof createApiClient>;
export type Files = { upload: Rest['upload']; download: Rest['download'] };

/** Uploads and downloads (AG4) with the token of `auth`: files go as bytes, not JSON; a 401 signs out. */
export function createAuthedFiles(auth: AuthStore, fetchImpl?: typeof fetch): Files {
  const client = createApiClient({
    baseUrl: '',
    getToken: () => auth.getState().token,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
  const signedOut = (err: unknown) => {
    if (err instanceof ApiCallError && err.status === 401) auth.getState().signOut('expired');
    throw err;
  };
  return {
    upload: (name, input, file) => client.upload(name, input, file).catch(signedOut),
    download: (name, input) => client.download(name, input).catch(signedOut),
  };
}
