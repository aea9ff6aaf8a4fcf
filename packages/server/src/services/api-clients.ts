import { randomUUID } from 'node:crypto';
import type {
  ApiClientAccount,
  ApiClientChange,
  ApiKey,
  IssuedApiKey,
  NewApiClient,
  NewApiClientResult,
} from '@switchboard/protocol';
import { issueApiKey } from '../auth/api-keys.js';
import type { Clock } from '../domain/clock.js';
import { notFound } from '../domain/errors.js';
import {
  getApiClient,
  insertApiClient,
  insertApiKey,
  listApiClients,
  listApiKeys,
  lockApiClient,
  revokeApiKey,
  updateApiClient,
} from '../store/api-clients.js';
import type { Db } from '../store/db.js';
import { transaction } from '../store/transaction.js';
import type { StaffIdentity } from './identity.js';

/** Stored as the password hash of an API client: not a hash, so no password ever matches it. */
const NO_PASSWORD = '!api-client: signs in with its keys only';

/**
 * The admin's API clients (AD1): a client is a user row with the role `api` and a made-up address
 * no mail reaches (`.invalid`), so it never signs in; its keys are shown once, stored as hashes.
 * A change (disable, revoke) holds from the next request: keys are checked on every one.
 */
export function createApiClientService({ db, clock }: { db: Db; clock: Clock }) {
  async function addKey(tx: Db, who: StaffIdentity, userId: string, name: string): Promise<IssuedApiKey> {
    // A prefix is 64 random bits: a clash is all but impossible, and then another is drawn.
    for (;;) {
      const issued = issueApiKey();
      const row = { orgId: who.orgId, userId, name, prefix: issued.prefix, secretHash: issued.secretHash };
      const key = await insertApiKey(tx, { ...row, createdAt: clock.now() });
      if (key) return { key, secret: issued.key };
    }
  }

  async function clientOrThrow(tx: Db, who: StaffIdentity, id: string) {
    const client = await lockApiClient(tx, who.orgId, id);
    if (!client) throw notFound('API client');
    return client;
  }

  return {
    list: (who: StaffIdentity): Promise<ApiClientAccount[]> => listApiClients(db, who.orgId),

    async create(who: StaffIdentity, input: NewApiClient): Promise<NewApiClientResult> {
      return transaction(db, async (tx) => {
        const id = await insertApiClient(tx, who.orgId, {
          name: input.name,
          email: `api-client-${randomUUID()}@api-client.invalid`,
          passwordHash: NO_PASSWORD,
          createdAt: clock.now(),
        });
        const issued = await addKey(tx, who, id, input.keyName);
        return { ...issued, client: (await getApiClient(tx, who.orgId, id))! };
      });
    },

    async update(who: StaffIdentity, id: string, change: ApiClientChange): Promise<ApiClientAccount> {
      return transaction(db, async (tx) => {
        const client = await clientOrThrow(tx, who, id);
        const disabledAt = change.disabled ? (client.disabledAt ?? clock.now()) : null;
        if (!(await updateApiClient(tx, who.orgId, id, { name: change.name, disabledAt })))
          throw notFound('API client');
        return (await getApiClient(tx, who.orgId, id))!;
      });
    },

    async keys(who: StaffIdentity, id: string): Promise<ApiKey[]> {
      if (!(await getApiClient(db, who.orgId, id))) throw notFound('API client');
      return listApiKeys(db, who.orgId, id);
    },

    async createKey(who: StaffIdentity, id: string, name: string): Promise<IssuedApiKey> {
      return transaction(db, async (tx) => {
        await clientOrThrow(tx, who, id);
        return addKey(tx, who, id, name);
      });
    },

    async revokeKey(who: StaffIdentity, keyId: string): Promise<ApiKey> {
      const key = await revokeApiKey(db, who.orgId, keyId, clock.now());
      if (!key) throw notFound('API key');
      return key;
    },
  };
}

export type ApiClientService = ReturnType<typeof createApiClientService>;
