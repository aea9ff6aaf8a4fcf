import { ApiCallError, createAuthedApi, type Call } from '@switchboard/web';
import { createContext, useContext } from 'react';
import { useAuth } from '../state/auth-store';

export type { Call };

/**
 * Every REST call of the admin center: a 401 anywhere (but on sign-in itself) returns to the
 * sign-in page. Tests pass a fake `fetch`.
 */
export function createAdminApi(fetchImpl?: typeof fetch): Call {
  return createAuthedApi(useAuth, fetchImpl);
}

export const ApiContext = createContext<Call | null>(null);

export function useApi(): Call {
  const call = useContext(ApiContext);
  if (!call) throw new Error('useApi must be used inside ApiContext');
  return call;
}

export { ApiCallError };
