import { ApiCallError, createAuthedApi, createAuthedFiles, type Call } from '@switchboard/web';
import { useAuth } from '../state/auth-store';

/** Every REST call of the app: a 401 anywhere (but on sign-in itself) returns to the sign-in page. */
export const call: Call = createAuthedApi(useAuth);

/** Attachments (AG4): uploads and downloads with the same token. */
export const files = createAuthedFiles(useAuth);

export type { Call };

export { ApiCallError };
