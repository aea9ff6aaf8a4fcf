import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { NewQuickReply } from '@switchboard/protocol';
import { quickReplies } from '../src/store/schema.js';
import { serverForFile } from './support/harness.js';
import { buildOrg, PASSWORD, type BuiltOrg } from './support/org-builder.js';

// Quick replies (AG4): the organisation's, which admins edit, and each staff member's own, which
// only they see and change. Anything else (a colleague's, the organisation's through the personal
// routes, another organisation's) is "not found" and stays as it was.
const t = serverForFile();

async function team() {
  const org = await buildOrg(t.db.db, {
    queues: ['Support'],
    users: [
      { key: 'ann', queues: ['Support'] },
      { key: 'bob', queues: ['Support'] },
      { key: 'sue', role: 'supervisor' },
      { key: 'ada', role: 'admin' },
    ],
  });
  const signIn = async (key: string) => {
    const login = { email: org.user(key).email, password: PASSWORD };
    return t.server.api((await t.server.api().call('login', { body: login })).token);
  };
  return {
    org,
    ann: await signIn('ann'),
    bob: await signIn('bob'),
    sue: await signIn('sue'),
    ada: await signIn('ada'),
  };
}

const reply = (title: string, en = `${title}, {customerName}.`): NewQuickReply => ({ title, bodies: { en } });

/** Every quick reply row of the organisation, anyone's: what a refused request must leave alone. */
const rowsOf = (org: BuiltOrg) =>
  t.db.db.select().from(quickReplies).where(eq(quickReplies.orgId, org.orgId)).orderBy(asc(quickReplies.id));

describe('quick replies (AG4)', () => {
  it("list the organisation's and the caller's own by title, never a colleague's", async () => {
    const { ann, bob, sue, ada } = await team();
    const greeting = await ada.call('createOrgQuickReply', {
      body: { title: 'Greeting', bodies: { en: 'Hi {customerName}, {agentName} of {queue} here.', nl: 'Hallo!' } },
    });
    expect(greeting).toMatchObject({ title: 'Greeting', scope: 'organisation', bodies: { nl: 'Hallo!' } });
    const annOwn = await ann.call('createQuickReply', { body: reply('Ann thanks') });
    expect(annOwn.scope).toBe('personal');
    await bob.call('createQuickReply', { body: reply('Bob thanks') });
    // A supervisor keeps their own too.
    await sue.call('createQuickReply', { body: reply('Sue only') });

    const titles = async (api: typeof ann) => (await api.call('listQuickReplies')).map((q) => `${q.title}/${q.scope}`);
    expect(await titles(ann)).toEqual(['Ann thanks/personal', 'Greeting/organisation']);
    expect(await titles(bob)).toEqual(['Bob thanks/personal', 'Greeting/organisation']);
    expect(await titles(sue)).toEqual(['Greeting/organisation', 'Sue only/personal']);
    expect(await titles(ada)).toEqual(['Greeting/organisation']);
  });

  it('let staff change and delete their own', async () => {
    const { org, ann } = await team();
    const own = await ann.call('createQuickReply', { body: reply('Thanks') });
    const changed = await ann.call('updateQuickReply', {
      params: { id: own.id },
      body: { title: 'Thank you', bodies: { fr: 'Merci {customerName} !' } },
    });
    expect(changed).toMatchObject({
      id: own.id,
      title: 'Thank you',
      scope: 'personal',
      bodies: { fr: 'Merci {customerName} !' },
    });
    expect(changed.bodies).not.toHaveProperty('en');
    expect(await ann.call('deleteQuickReply', { params: { id: own.id } })).toEqual({ ok: true });
    expect(await rowsOf(org)).toEqual([]);
  });

  it("refuse an agent the organisation's and a colleague's (404), and the admin routes (403)", async () => {
    const { org, ann, bob, ada } = await team();
    const shared = await ada.call('createOrgQuickReply', { body: reply('Greeting') });
    const bobs = await bob.call('createQuickReply', { body: reply('Bob thanks') });
    const before = await rowsOf(org);

    for (const id of [shared.id, bobs.id]) {
      await expect(ann.call('updateQuickReply', { params: { id }, body: reply('Mine now') })).rejects.toMatchObject({
        status: 404,
        body: { message: `quick reply ${id} not found` },
      });
      await expect(ann.call('deleteQuickReply', { params: { id } })).rejects.toMatchObject({ status: 404 });
    }
    // An admin's own routes do not reach the organisation's either, nor the admin routes an agent's own.
    await expect(ada.call('deleteQuickReply', { params: { id: shared.id } })).rejects.toMatchObject({ status: 404 });
    await expect(
      ada.call('updateOrgQuickReply', { params: { id: bobs.id }, body: reply('Taken') }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(ada.call('deleteOrgQuickReply', { params: { id: bobs.id } })).rejects.toMatchObject({ status: 404 });

    const admins = { status: 403, body: { message: 'Only admins may do this' } };
    await expect(ann.call('createOrgQuickReply', { body: reply('Sneaky') })).rejects.toMatchObject(admins);
    await expect(
      ann.call('updateOrgQuickReply', { params: { id: shared.id }, body: reply('Sneaky') }),
    ).rejects.toMatchObject(admins);
    await expect(ann.call('deleteOrgQuickReply', { params: { id: shared.id } })).rejects.toMatchObject(admins);
    expect(await rowsOf(org)).toEqual(before);

    // What admins may do: change and delete the organisation's.
    await ada.call('updateOrgQuickReply', { params: { id: shared.id }, body: reply('Welcome') });
    expect((await ann.call('listQuickReplies')).map((q) => q.title)).toEqual(['Welcome']);
    await ada.call('deleteOrgQuickReply', { params: { id: shared.id } });
    expect(await ann.call('listQuickReplies')).toEqual([]);
  });

  it('refuse an unknown placeholder, naming it, and an empty text or title, changing nothing', async () => {
    const { org, ann, ada } = await team();
    const own = await ann.call('createQuickReply', { body: reply('Thanks') });
    const before = await rowsOf(org);
    const unknown = { title: 'Order', bodies: { en: 'Hi {customerName}', nl: 'Order {orderId} voor {orgName}' } };

    const naming = {
      status: 400,
      body: {
        message: expect.stringMatching(
          /the nl text names \{orderId\}, \{orgName\}.*\{customerName\}, \{agentName\}, \{queue\}/,
        ),
      },
    };
    await expect(ann.call('createQuickReply', { body: unknown })).rejects.toMatchObject(naming);
    await expect(ann.call('updateQuickReply', { params: { id: own.id }, body: unknown })).rejects.toMatchObject(naming);
    await expect(ada.call('createOrgQuickReply', { body: unknown })).rejects.toMatchObject(naming);

    const bad = (body: object) => ann.call('createQuickReply', { body: body as NewQuickReply });
    await expect(bad({ title: 'Empty', bodies: {} })).rejects.toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('at least one language') },
    });
    await expect(bad({ title: 'Blank', bodies: { fr: '  ' } })).rejects.toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('cannot be empty') },
    });
    await expect(bad({ title: ' ', bodies: { en: 'x' } })).rejects.toMatchObject({
      status: 400,
      body: { message: expect.stringContaining('needs a title') },
    });
    await expect(bad({ title: 'German', bodies: { de: 'Hallo' } })).rejects.toMatchObject({ status: 400 });
    expect(await rowsOf(org)).toEqual(before);
  });

  it("never show or change another organisation's, by any route", async () => {
    const one = await team();
    const two = await team();
    const theirs = await two.ada.call('createOrgQuickReply', { body: reply('Their greeting') });
    const theirOwn = await two.ann.call('createQuickReply', { body: reply('Their thanks') });
    const before = await rowsOf(two.org);

    expect(await one.ann.call('listQuickReplies')).toEqual([]);
    for (const id of [theirs.id, theirOwn.id]) {
      for (const api of [one.ann, one.ada]) {
        await expect(api.call('updateQuickReply', { params: { id }, body: reply('Taken') })).rejects.toMatchObject({
          status: 404,
        });
        await expect(api.call('deleteQuickReply', { params: { id } })).rejects.toMatchObject({ status: 404 });
      }
      await expect(one.ada.call('updateOrgQuickReply', { params: { id }, body: reply('Taken') })).rejects.toMatchObject(
        { status: 404 },
      );
      await expect(one.ada.call('deleteOrgQuickReply', { params: { id } })).rejects.toMatchObject({ status: 404 });
    }
    expect(await rowsOf(two.org)).toEqual(before);
    expect(await rowsOf(one.org)).toEqual([]);
  });
});
