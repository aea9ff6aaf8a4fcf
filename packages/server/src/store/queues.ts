import { asc, eq } from 'drizzle-orm';
import type { Db } from './db.js';
import { queues } from './schema.js';

export const listQueues = (db: Db, orgId: string) =>
  db.select({ id: queues.id, name: queues.name }).from(queues).where(eq(queues.orgId, orgId)).orderBy(asc(queues.name));
