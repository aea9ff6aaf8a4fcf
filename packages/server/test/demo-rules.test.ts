import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNotNull } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/store/db.js';
import { conversations, queues } from '../src/store/schema.js';
import { QUICK_REPLY_PLACEHOLDERS, unknownPlaceholders } from '@switchboard/protocol';
import {
  DEMO_DISPOSITION_CODES,
  DEMO_PASSWORD,
  DEMO_QUICK_REPLIES,
  DEMO_USERS,
  DEMO_WIDGET_ID,
  seedDemo,
} from '../src/store/seed-demo.js';
import { startServer, type TestServer } from './support/harness.js';

let db: Database;
let server: TestServer;

beforeAll(async () => {
  // A database of its own (never the shared PostgreSQL): the demo is seeded exactly as `npm start` does.
  db = await openDatabase({ databaseUrl: undefined, dataDir: 'memory://' });
  expect(await seedDemo(db.db)).toBe(true);
  server = await startServer({ database: db });
});
afterAll(async () => {
  await server.close();
  await db.close();
});

async function queueFor(question: string, locale: 'en' | 'nl' | 'fr' = 'en'): Promise<string | undefined> {
  const { conversation } = await server.api().call('startChat', {
    params: { widgetId: DEMO_WIDGET_ID },
    body: { prechat: { name: 'Eve', email: 'eve@x.example', question }, locale },
  });
  const [row] = await db.db
    .select({ name: queues.name })
    .from(conversations)
    .innerJoin(queues, eq(queues.id, conversations.queueId))
    .where(eq(conversations.id, conversation.id));
  return row?.name;
}

describe('the seeded demo routes as the README\'s "Try it in two minutes" says', () => {
  it.each([
    // The README's own two examples.
    ['What is the price of the X200?', 'Sales'],
    ['Where is my order?', 'Support'],
    // A question about a price, a quote or buying goes to Sales; anything else to Support.
    ['Can I get a quote for 20 chairs?', 'Sales'],
    ['I want to buy the Linden table', 'Sales'],
    ['My order has not arrived yet', 'Support'],
    ['When will my order be delivered?', 'Support'],
    ['My router keeps dropping the connection', 'Support'],
  ])('"%s" → %s', async (question, queue) => {
    expect(await queueFor(question)).toBe(queue);
  });

  it.each<[string, 'nl' | 'fr', string]>([
    ['Wat is de prijs van de X200?', 'nl', 'Sales'],
    ['Waar blijft mijn bestelling?', 'nl', 'Support'],
    ['Quel est le prix de la X200 ?', 'fr', 'Sales'],
    ['Où est ma commande ?', 'fr', 'Support'],
  ])('"%s" (%s) → %s', async (question, locale, queue) => {
    expect(await queueFor(question, locale)).toBe(queue);
  });
});

describe('the seeded demo has what the README shows', () => {
  it('quick replies, each in English, Dutch and French, naming only placeholders that are filled', async () => {
    const login = { email: DEMO_USERS[0].email, password: DEMO_PASSWORD };
    const alice = server.api((await server.api().call('login', { body: login })).token);
    const listed = await alice.call('listQuickReplies');
    expect(listed.map((q) => q.title).sort()).toEqual(DEMO_QUICK_REPLIES.map((q) => q.title).sort());
    for (const q of listed) {
      expect(q.scope).toBe('organisation');
      expect(Object.keys(q.bodies).sort()).toEqual(['en', 'fr', 'nl']);
      for (const body of Object.values(q.bodies))
        expect(unknownPlaceholders(body, QUICK_REPLY_PLACEHOLDERS)).toEqual([]);
    }
  });

  it('disposition codes: a few in English, one of them retired', async () => {
    const login = { email: DEMO_USERS[0].email, password: DEMO_PASSWORD };
    const alice = server.api((await server.api().call('login', { body: login })).token);
    const offered = DEMO_DISPOSITION_CODES.filter((c) => c.active).map((c) => c.name);
    expect((await alice.call('listDispositionCodes')).map((c) => c.name)).toEqual([...offered].sort());
    expect(offered).toContain('Resolved');
  });

  it('a chat asking to be called back is offered a callback, which becomes work for the Callbacks queue', async () => {
    const started = await server.api().call('startChat', {
      params: { widgetId: DEMO_WIDGET_ID },
      body: { prechat: { name: 'Emma', email: 'emma@x.example', question: 'Could you call me back?' }, context: {} },
    });
    expect(started.conversation.state).toBe('closed');
    expect(started.conversation.callback).toEqual({ offered: true, request: null });
    const visitor = server.api(started.token);
    const answer = await visitor.call('visitorCallback', {
      params: { id: started.conversation.id },
      body: { name: 'Emma', phone: '+31612345678' },
    });
    expect(answer.request).toMatchObject({ state: 'queued' });
    const [work] = await db.db
      .select()
      .from(conversations)
      .where(and(eq(conversations.customerName, 'Emma'), isNotNull(conversations.callbackId)));
    const [queue] = await db.db.select().from(queues).where(eq(queues.id, work!.queueId!));
    expect(queue!.name).toBe('Callbacks');
  });
});
