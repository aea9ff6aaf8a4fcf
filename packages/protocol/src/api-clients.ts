import { z } from 'zod';
import { Id, SingleLine, Timestamp } from './common.js';

// API clients (AD1): a program's account in an organisation, with the role `api`. It never signs in
// with a password; it sends one of its keys with every request ("Authorization: Bearer <key>" or
// "X-Api-Key: <key>"). A key's secret is shown once, when it is made; the server keeps only a hash.

const ClientName = SingleLine(200, { min: 1, minMessage: 'name is required' });
const KeyName = SingleLine(100, { min: 1, minMessage: 'a key needs a name' });

/** An API client as the admin center lists it. */
export const ApiClientAccount = z.object({
  id: Id,
  name: z.string(),
  /** Disabled: every one of its keys is refused from the next request on. */
  disabled: z.boolean(),
  createdAt: Timestamp,
  /** Its keys that are not revoked. */
  activeKeys: z.number().int(),
});
export type ApiClientAccount = z.infer<typeof ApiClientAccount>;

/** A key as it is listed: never its secret. `prefix` is the key's start (`sbk_<prefix>_…`), to tell keys apart. */
export const ApiKey = z.object({
  id: Id,
  name: z.string(),
  prefix: z.string(),
  createdAt: Timestamp,
  /** To the minute: a key in use writes this at most once a minute. */
  lastUsedAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
});
export type ApiKey = z.infer<typeof ApiKey>;

/** A new key and, this once, the whole of it: `sbk_<prefix>_<secret>`. */
export const IssuedApiKey = z.object({ key: ApiKey, secret: z.string() });
export type IssuedApiKey = z.infer<typeof IssuedApiKey>;

export const NewApiKey = z.strictObject({ name: KeyName });
export type NewApiKey = z.infer<typeof NewApiKey>;

/** A new client comes with its first key, so it can be used at once. */
export const NewApiClient = z.strictObject({ name: ClientName, keyName: KeyName });
export type NewApiClient = z.infer<typeof NewApiClient>;

export const NewApiClientResult = IssuedApiKey.extend({ client: ApiClientAccount });
export type NewApiClientResult = z.infer<typeof NewApiClientResult>;

export const ApiClientChange = z.strictObject({ name: ClientName, disabled: z.boolean() });
export type ApiClientChange = z.infer<typeof ApiClientChange>;
