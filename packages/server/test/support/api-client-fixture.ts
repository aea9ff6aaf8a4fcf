import { and, eq } from 'drizzle-orm';
import type { ApiClient } from '@switchboard/protocol';
import type { Db } from '../../src/store/db.js';
import { apiKeys, users } from '../../src/store/schema.js';

// API clients (AD1) in tests: an answer to a raw request, sent with a key the way a program sends it.

export type Answer = { status: number; body: { message?: string } & Record<string, unknown> };

/** A request with an API key, as `Authorization: Bearer <key>` or `X-Api-Key: <key>`. */
export async function withKey(
  url: string,
  key: string,
  method: string,
  path: string,
  opts: { body?: unknown; header?: 'bearer' | 'x-api-key' } = {},
): Promise<Answer> {
  const headers: Record<string, string> =
    opts.header === 'x-api-key' ? { 'x-api-key': key } : { authorization: `Bearer ${key}` };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${url}${path}`, {
    method,
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Answer['body']) : {} };
}

/** An admin makes a client with its first key: the client's id and the whole key, shown that once. */
export async function makeClient(admin: ApiClient, name = 'CRM sync') {
  const made = await admin.call('createApiClient', { body: { name, keyName: 'first' } });
  return { id: made.client.id, keyId: made.key.id, secret: made.secret };
}

/** What the database holds of an organisation's API clients and their keys, every column. */
export async function storedClients(db: Db, orgId: string) {
  const clients = await db
    .select()
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, 'api')))
    .orderBy(users.id);
  const keys = await db.select().from(apiKeys).where(eq(apiKeys.orgId, orgId)).orderBy(apiKeys.id);
  return { clients, keys };
}
