import { ApiCallError, createApiClient, type CallInput, type CallOutput, type RouteName } from '@switchboard/protocol';
import { useAuth } from '../state/auth-store';

const client = createApiClient({ baseUrl: '', getToken: () => useAuth.getState().token });

/** Every REST call of the app: a 401 anywhere (but on sign-in itself) returns to the sign-in page. */
export async function call<N extends RouteName>(name: N, input?: CallInput<N>): Promise<CallOutput<N>> {
  try {
    return await client.call(name, input);
  } catch (err) {
    if (err instanceof ApiCallError && err.status === 401 && name !== 'login') useAuth.getState().signOut('expired');
    throw err;
  }
}

export type Call = typeof call;

export { ApiCallError };
