import { ApiCallError, createApiClient, type CallInput, type CallOutput, type RouteName } from '@switchboard/protocol';
import { createContext, useContext } from 'react';
import { useAuth } from '../state/auth-store';

export type Call = <N extends RouteName>(name: N, input?: CallInput<N>) => Promise<CallOutput<N>>;

/**
 * Every REST call of the admin center: a 401 anywhere (but on sign-in itself) returns to the
 * sign-in page. Tests pass a fake `fetch`.
 */
export function createAdminApi(fetchImpl?: typeof fetch): Call {
  const client = createApiClient({ baseUrl: '', getToken: () => useAuth.getState().token, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  return async (name, input) => {
    try {
      return await client.call(name, input);
    } catch (err) {
      if (err instanceof ApiCallError && err.status === 401 && name !== 'login') useAuth.getState().signOut('expired');
      throw err;
    }
  };
}

export const ApiContext = createContext<Call | null>(null);

export function useApi(): Call {
  const call = useContext(ApiContext);
  if (!call) throw new Error('useApi must be used inside ApiContext');
  return call;
}

export { ApiCallError };
