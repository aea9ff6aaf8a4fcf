import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ApiClient, Offer } from '@switchboard/protocol';
import { deleteDispositionCode, insertDispositionCode } from '../src/store/disposition-codes.js';
import { isForeignKeyViolation } from '../src/store/transaction.js';
import { conversations, dispositionCodes } from '../src/store/schema.js';
import { handoffFixture } from './support/handoff-fixture.js';
import { eventually, serverForFile } from './support/harness.js';
import { buildOrg, type BuiltOrg } from './support/org-builder.js';

// The wrap-up form (AG4): the primary agent saves a disposition code (the admin's list, active
// ones only) and a summary note on the conversation, until it is closed. Every refusal changes nothing.
const t = serverForFile();
const { signIn } = handoffFixture(t);

/** Ann has accepted Eve's chat; Ben (same queue), Sue (supervisor) and Ada (admin) are signed in. */
async function chat() {
  const org = await buildOrg(t.db.db, {
    queues: ['Support'],
    users: [
      { key: 'ann', queues: ['Support'] },
      { key: 'ben', queues: ['Support'] },
      { key: 'sue', role: 'supervisor' },
      { key: 'ada', role: 'admin' },
    ],
  });
  const ann = await signIn(org, 'ann', 'available');
  const started = await t.server.api().call('startChat', {
    params: { widgetId: org.widgetId },
    body: { prechat: { name: 'Eve', email: 'eve@x.example', question: 'My invoice is wrong' } },
  });
  const id = started.conversation.id;
  const offer = await eventually(() => ann.socket.of<Offer>('offer:new')[0]);
  await ann.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
  const [ben, sue, ada] = [await signIn(org, 'ben'), await signIn(org, 'sue'), await signIn(org, 'ada')];
  const code = (name: string, active = true) => insertDispositionCode(t.db.db, org.orgId, { name, active });
  const codes = {
    resolved: (await code('Resolved')).id,
    followUp: (await code('Follow-up needed')).id,
    old: (await code('Callback requested', false)).id,
  };
  return { org, id, ann: ann.api, ben: ben.api, sue: sue.api, ada: ada.api, codes };
}

/** What a refused save must leave alone: the conversation's wrap-up columns and the organisation's codes. */
async function stored(org: BuiltOrg, id: string) {
  const [row] = await t.db.db
    .select({
      state: conversations.state,
      code: conversations.dispositionCodeId,
      note: conversations.wrapUpNote,
      updatedAt: conversations.updatedAt,
    })
    .from(conversations)
    .where(eq(conversations.id, id));
  const codes = await t.db.db
    .select()
    .from(dispositionCodes)
    .where(eq(dispositionCodes.orgId, org.orgId))
    .orderBy(asc(dispositionCodes.id));
  return { row, codes };
}

const save = (api: ApiClient, id: string, dispositionCodeId: string | null, note = '') =>
  api.call('saveWrapUp', { params: { id }, body: { dispositionCodeId, note } });
const end = (api: ApiClient, id: string) => api.call('endConversation', { params: { id }, body: {} });
const close = (api: ApiClient, id: string) => api.call('closeConversation', { params: { id }, body: {} });

describe('the wrap-up form (AG4)', () => {
  it('the agent ends the chat, saves a code and a note: they are on the conversation, also once closed', async () => {
    const { id, ann, sue, codes } = await chat();
    expect((await ann.call('listDispositionCodes')).map((c) => c.name)).toEqual(['Follow-up needed', 'Resolved']);
    expect((await ann.call('getConversation', { params: { id } })).wrapUp).toEqual({
      dispositionCodeId: null,
      dispositionName: null,
      note: '',
    });

    // Filled in early, while the chat goes on: a contact center agent notes as they go.
    expect(await save(ann, id, codes.followUp)).toMatchObject({ dispositionName: 'Follow-up needed', note: '' });
    await end(ann, id);
    const saved = await save(ann, id, codes.resolved, '  Credit note sent\nby email  ');
    expect(saved).toEqual({
      dispositionCodeId: codes.resolved,
      dispositionName: 'Resolved',
      note: 'Credit note sent\nby email',
    });
    const detail = await ann.call('getConversation', { params: { id } });
    expect(detail).toMatchObject({ state: 'wrap-up', wrapUp: saved });

    await close(ann, id);
    expect((await ann.call('getConversation', { params: { id } })).wrapUp).toEqual(saved);
    // A supervisor reads it too.
    expect((await sue.call('getConversation', { params: { id } })).wrapUp).toEqual(saved);
  });

  it('stores no code and an empty note as nothing', async () => {
    const { org, id, ann, codes } = await chat();
    await save(ann, id, codes.resolved, 'first');
    expect(await save(ann, id, null, '   ')).toEqual({ dispositionCodeId: null, dispositionName: null, note: '' });
    expect((await stored(org, id)).row).toMatchObject({ code: null, note: null });
  });

  it('refuses a colleague, a supervisor, a retired, unknown or foreign code and a closed conversation', async () => {
    const { org, id, ann, ben, sue, codes } = await chat();
    const other = await buildOrg(t.db.db, { queues: ['Support'], users: [{ key: 'zed', queues: ['Support'] }] });
    const foreign = await insertDispositionCode(t.db.db, other.orgId, { name: 'Resolved', active: true });
    const zed = await signIn(other, 'zed');
    await end(ann, id);
    await save(ann, id, codes.resolved, 'Kept');
    const before = await stored(org, id);

    const refusals: [string, () => Promise<unknown>, number, string][] = [
      ['a colleague', () => save(ben, id, codes.followUp), 403, 'primary agent'],
      ['a supervisor', () => save(sue, id, codes.followUp), 403, 'primary agent'],
      ['a retired code', () => save(ann, id, codes.old, 'x'), 400, '"Callback requested" is retired'],
      ["another organisation's code", () => save(ann, id, foreign.id, 'x'), 404, 'disposition code'],
      ['an unknown code', () => save(ann, id, randomUUID(), 'x'), 404, 'disposition code'],
      ["another organisation's agent", () => save(zed.api, id, foreign.id, 'x'), 404, 'conversation'],
    ];
    for (const [what, call, status, says] of refusals) {
      await expect(call(), what).rejects.toMatchObject({ status, body: { message: expect.stringContaining(says) } });
      expect(await stored(org, id), `${what} changed nothing`).toEqual(before);
    }

    await close(ann, id);
    const closed = await stored(org, id);
    await expect(save(ann, id, codes.followUp, 'Too late')).rejects.toMatchObject({
      status: 409,
      body: { message: expect.stringContaining('closed') },
    });
    expect(await stored(org, id)).toEqual(closed);
  });

  it('keeps a code retired since it was saved while the note changes, and refuses it once left', async () => {
    const { id, ann, ada, codes } = await chat();
    await save(ann, id, codes.followUp, 'Calls back');
    await ada.call('updateDispositionCode', {
      params: { id: codes.followUp },
      body: { name: 'Follow-up needed', active: false },
    });
    expect(await save(ann, id, codes.followUp, 'Calls back Monday')).toMatchObject({
      dispositionName: 'Follow-up needed',
      note: 'Calls back Monday',
    });
    await save(ann, id, codes.resolved);
    await expect(save(ann, id, codes.followUp)).rejects.toMatchObject({ status: 400 });
  });

  it('admins keep the list: add, rename, retire, delete an unused one; a used one is retired instead', async () => {
    const { org, id, ann, ada, codes } = await chat();
    const escalated = await ada.call('createDispositionCode', { body: { name: 'Escalated' } });
    expect(escalated).toMatchObject({ name: 'Escalated', active: true });
    await expect(ada.call('createDispositionCode', { body: { name: 'Resolved' } })).rejects.toMatchObject({
      status: 409,
      body: { message: expect.stringContaining('already exists') },
    });
    await expect(ann.call('createDispositionCode', { body: { name: 'Mine' } })).rejects.toMatchObject({ status: 403 });

    const renamed = await ada.call('updateDispositionCode', {
      params: { id: escalated.id },
      body: { name: 'Escalated to billing', active: false },
    });
    expect(renamed).toEqual({ id: escalated.id, name: 'Escalated to billing', active: false });
    // Agents are offered the active codes; the admin sees every one.
    expect((await ann.call('listDispositionCodes')).map((c) => c.name)).toEqual(['Follow-up needed', 'Resolved']);
    expect((await ada.call('listDispositionCodes')).map((c) => `${c.name}/${c.active}`)).toEqual([
      'Callback requested/false',
      'Escalated to billing/false',
      'Follow-up needed/true',
      'Resolved/true',
    ]);

    expect(await ada.call('deleteDispositionCode', { params: { id: escalated.id } })).toEqual({ ok: true });
    await save(ann, id, codes.resolved);
    const before = await stored(org, id);
    await expect(ada.call('deleteDispositionCode', { params: { id: codes.resolved } })).rejects.toMatchObject({
      status: 409,
      body: { message: expect.stringContaining('retire it instead') },
    });
    // The net under that check, for a save that comes in between: the foreign key refuses the delete.
    await expect(deleteDispositionCode(t.db.db, org.orgId, codes.resolved)).rejects.toSatisfy(isForeignKeyViolation);
    expect(await stored(org, id)).toEqual(before);
    const unknown = randomUUID();
    await expect(ada.call('deleteDispositionCode', { params: { id: unknown } })).rejects.toMatchObject({ status: 404 });
    await expect(
      ada.call('updateDispositionCode', { params: { id: unknown }, body: { name: 'X', active: true } }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
