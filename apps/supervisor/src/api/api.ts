import { createAuthedApi, type Call } from '@switchboard/web';
import { createContext, useContext } from 'react';
import { useAuth } from '../state/auth-store';

export type { Call };

/** The supervisor desk's REST calls: a 401 anywhere (but on sign-in) returns to the sign-in page. */
export const createSupervisorApi = (fetchImpl?: typeof fetch): Call => createAuthedApi(useAuth, fetchImpl);

export const ApiContext = createContext<Call | null>(null);

export function useApi(): Call {
  const call = useContext(ApiContext);
  if (!call) throw new Error('useApi must be used inside ApiContext');
  return call;
}
