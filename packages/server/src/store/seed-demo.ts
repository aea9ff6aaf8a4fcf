import { eq } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords.js';
import type { RouteRule } from '../domain/routing/route-rules.js';
import type { Db } from './db.js';
import { accounts, cases, contacts, organizations, queueMembers, queues, users, widgets, workstreams } from './schema.js';

export const DEMO_PASSWORD = 'switchboard';
export const DEMO_WIDGET_ID = 'demo';
export const DEMO_USERS = [
  { email: 'alice@contoso.example', name: 'Alice Martin', role: 'agent', queues: ['Sales', 'Support'] },
  { email: 'bob@contoso.example', name: 'Bob de Vries', role: 'agent', queues: ['Support'] },
  { email: 'chloe@contoso.example', name: 'Chloé Dubois', role: 'agent', queues: ['Sales'] },
  { email: 'sam@contoso.example', name: 'Sam Supervisor', role: 'supervisor', queues: [] },
  { email: 'ada@contoso.example', name: 'Ada Admin', role: 'admin', queues: [] },
] as const;

/** Creates the demo organisation once; returns false when it already exists. */
export async function seedDemo(db: Db): Promise<boolean> {
  const [existing] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, 'contoso'));
  if (existing) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const [org] = await tx.insert(organizations).values({ name: 'Contoso', slug: 'contoso' }).returning();
    const orgId = org!.id;
    const queueRows = await tx.insert(queues).values([{ orgId, name: 'Sales' }, { orgId, name: 'Support' }]).returning();
    const queueId = (name: string) => queueRows.find((q) => q.name === name)!.id;
    for (const u of DEMO_USERS) {
      const [user] = await tx
        .insert(users)
        .values({ orgId, email: u.email, name: u.name, role: u.role, passwordHash, capacity: 3 })
        .returning();
      for (const q of u.queues) await tx.insert(queueMembers).values({ orgId, queueId: queueId(q), userId: user!.id });
    }
    const salesRule: RouteRule = {
      name: 'Buying questions go to Sales',
      queueId: queueId('Sales'),
      conditions: [{ field: 'prechat.question', operator: 'contains', value: ['price', 'buy', 'quote', 'order', 'prijs', 'prix'] }],
    };
    const [ws] = await tx
      .insert(workstreams)
      .values({
        orgId,
        name: 'Website chat',
        channel: 'webchat',
        capacityUnits: 1,
        allowedPresences: ['available', 'busy'],
        fallbackQueueId: queueId('Support'),
        routeRules: [salesRule],
      })
      .returning();
    await tx.insert(widgets).values({ id: DEMO_WIDGET_ID, orgId, workstreamId: ws!.id, title: 'Chat with Contoso' });
    const [fabrikam, northwind] = await tx
      .insert(accounts)
      .values([
        { orgId, name: 'Fabrikam', mainPhone: '+31201234567', city: 'Amsterdam' },
        { orgId, name: 'Northwind Traders', mainPhone: '+3222345678', city: 'Brussels' },
      ])
      .returning();
    const [emma, lucas] = await tx
      .insert(contacts)
      .values([
        { orgId, name: 'Emma Janssen', email: 'emma@fabrikam.example', mobilePhone: '+31612345678', jobTitle: 'Buyer', city: 'Amsterdam', accountId: fabrikam!.id },
        { orgId, name: 'Lucas Peeters', email: 'lucas@northwind.example', mobilePhone: '+32470123456', jobTitle: 'IT manager', city: 'Brussels', accountId: northwind!.id },
        { orgId, name: 'Léa Moreau', email: 'lea@example.fr', mobilePhone: '+33612345678', city: 'Lyon' },
      ])
      .returning();
    await tx.insert(cases).values([
      { orgId, title: 'Invoice shows the wrong VAT rate', priority: 'high', contactId: emma!.id, accountId: fabrikam!.id },
      { orgId, title: 'Cannot sign in to the portal', contactId: lucas!.id, accountId: northwind!.id },
    ]);
  });
  return true;
}
