import type { Callback, VisitorCallback } from '@switchboard/protocol';
import { callbackOfSource, getCallback, toCallback } from '../store/callbacks.js';
import type { Db } from '../store/db.js';

/** The request a callback work item was made from, with the customer's details (AG11). */
export async function callbackOfWork(
  db: Db,
  c: { orgId: string; callbackId: string | null },
): Promise<Callback | null> {
  if (!c.callbackId) return null;
  const row = await getCallback(db, c.orgId, c.callbackId);
  return row ? toCallback(row) : null;
}

/** What the visitor's chat shows: the offer's form, or the request they made from it. */
export async function visitorCallbackOf(
  db: Db,
  c: { orgId: string; id: string; callbackQueueId: string | null },
): Promise<VisitorCallback | null> {
  if (!c.callbackQueueId) return null;
  const row = await callbackOfSource(db, c.orgId, c.id);
  return { offered: true, request: row ? visitorRequest(toCallback({ ...row, queueName: null })) : null };
}

export const visitorRequest = (c: Callback): NonNullable<VisitorCallback['request']> => ({
  name: c.name,
  phone: c.phone,
  email: c.email,
  preferredAt: c.preferredAt,
  dueAt: c.dueAt,
  state: c.state,
});
