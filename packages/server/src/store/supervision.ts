import { and, asc, eq, ilike } from 'drizzle-orm';
import type { StaffMatches } from '@switchboard/protocol';
import { switchesFrom, type SupervisorSwitches } from '../domain/supervision/switches.js';
import type { Db } from './db.js';
import { orgSettings, users } from './schema.js';
import { containsPattern } from './search.js';

/** The organisation's supervisor switches (SV7), each missing one at its default. */
export async function switchesOf(db: Db, orgId: string): Promise<SupervisorSwitches> {
  const [row] = await db
    .select({ switches: orgSettings.supervisorSwitches })
    .from(orgSettings)
    .where(eq(orgSettings.orgId, orgId));
  return switchesFrom(row?.switches);
}

export async function saveSwitches(db: Db, orgId: string, switches: SupervisorSwitches): Promise<void> {
  const values = { supervisorSwitches: { ...switches } };
  await db
    .insert(orgSettings)
    .values({ orgId, ...values })
    .onConflictDoUpdate({ target: orgSettings.orgId, set: values });
}

/** Agents whose name contains `search`, by name: the ongoing list's agent filter reaches every one. */
export async function searchAgents(db: Db, orgId: string, search: string, limit: number) {
  const rows = await db
    .select({ id: users.id, name: users.name, presence: users.presence })
    .from(users)
    .where(
      and(
        eq(users.orgId, orgId),
        eq(users.role, 'agent'),
        search ? ilike(users.name, containsPattern(search)) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(users.id))
    .limit(limit);
  return rows satisfies StaffMatches['agents'];
}
