import { eq } from 'drizzle-orm';
import type { Offer } from '@switchboard/protocol';
import { users } from '../../src/store/schema.js';
import { eventually, type serverForFile } from './harness.js';
import { buildOrg, PASSWORD, type BuiltOrg } from './org-builder.js';

/** What transfer and consult tests start from, on the file's server. */
export function handoffFixture(t: ReturnType<typeof serverForFile>) {
  async function signIn(org: BuiltOrg, key: string, presence?: 'available' | 'away') {
    const { token } = await t.server.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } });
    const socket = t.socket(token);
    await socket.ready;
    const api = t.server.api(token);
    if (presence) await api.call('setPresence', { body: { presence } });
    return { socket, api };
  }

  /** Ann has accepted a chat of the Support queue; Ben, Cy (Support) and Dee (Billing) are signed in. */
  async function acceptedChat() {
    const org = await buildOrg(t.db.db, {
      queues: ['Support', 'Billing'],
      users: [
        { key: 'ann', queues: ['Support'] },
        { key: 'ben', queues: ['Support'] },
        { key: 'cy', queues: ['Support'] },
        { key: 'dee', queues: ['Billing'] },
        { key: 'sue', role: 'supervisor' },
      ],
    });
    const ann = await signIn(org, 'ann', 'available');
    const chat = await t.server.api().call('startChat', {
      params: { widgetId: org.widgetId },
      body: { prechat: { name: 'Eve', email: 'eve@x.example', question: 'My invoice is wrong' } },
    });
    const id = chat.conversation.id;
    const offer = await eventually(() => ann.socket.of<Offer>('offer:new')[0]);
    await ann.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
    const ben = await signIn(org, 'ben', 'available');
    const cy = await signIn(org, 'cy', 'away');
    const dee = await signIn(org, 'dee', 'available');
    const visitor = t.server.api(chat.token);
    return { org, id, ann, ben, cy, dee, visitor, visitorToken: chat.token };
  }

  const used = async (org: BuiltOrg, key: string) =>
    (
      await t.db.db
        .select({ used: users.usedCapacity })
        .from(users)
        .where(eq(users.id, org.user(key).id))
    )[0]!.used;

  return { signIn, acceptedChat, used };
}
