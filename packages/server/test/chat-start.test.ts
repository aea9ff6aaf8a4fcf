import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { contacts, conversations } from '../src/store/schema.js';
import { serverForFile } from './support/harness.js';
import { buildOrg } from './support/org-builder.js';

const t = serverForFile();

const contactsOf = (orgId: string) => t.db.db.select().from(contacts).where(eq(contacts.orgId, orgId));
const conversationsOf = (orgId: string) =>
  t.db.db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.orgId, orgId)));

describe('starting a chat (CV1): the contact and the conversation are created together or not at all', () => {
  it('a chat start that fails after the contact would have been made leaves no contact behind', async () => {
    const org = await buildOrg(t.db.db, { queues: ['Support'], users: [] });
    // PostgreSQL cannot store a NUL character in jsonb: the conversation's context is refused by the
    // database, after the contact (plain text) would already exist.
    const start = t.server.api().call('startChat', {
      params: { widgetId: org.widgetId },
      body: { prechat: { name: 'Eve', email: 'eve@x.example', question: 'help' }, context: { note: 'a\u0000b' } },
    });
    await expect(start).rejects.toMatchObject({ status: expect.any(Number) });
    expect(await conversationsOf(org.orgId)).toEqual([]);
    expect(await contactsOf(org.orgId)).toEqual([]);
  });

  it('a chat start that succeeds creates its contact once, and the next chat from the same address reuses it', async () => {
    const org = await buildOrg(t.db.db, { queues: ['Support'], users: [] });
    const start = (email: string) =>
      t.server
        .api()
        .call('startChat', {
          params: { widgetId: org.widgetId },
          body: { prechat: { name: 'Eve', email, question: 'help' } },
        });
    await start('eve@x.example');
    await start('EVE@x.example');
    expect((await contactsOf(org.orgId)).map((c) => c.email)).toEqual(['eve@x.example']);
    expect(await conversationsOf(org.orgId)).toHaveLength(2);
  });
});
