import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { NewMacro, Offer } from '@switchboard/protocol';
import { cases, contacts, conversations, macros, recordActivities } from '../src/store/schema.js';
import { handoffFixture } from './support/handoff-fixture.js';
import { eventually, serverForFile } from './support/harness.js';
import { buildOrg } from './support/org-builder.js';

// Macros (AG8): admins write them; the conversation's agent (or a supervisor) runs one while the
// conversation is active. Steps run in order with placeholders from the conversation; the first
// failing step stops the run, naming itself and why, and what earlier steps did stays. Every run
// is on the customer's timeline.
const t = serverForFile();
const { signIn } = handoffFixture(t);

/** Ann accepted Eve's chat (context orderId A-17); Ben (same queue), Sue (supervisor), Ada (admin). */
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
    body: {
      prechat: { name: 'Eve', email: 'eve@x.example', question: 'My printer is broken' },
      context: { orderId: 'A-17' },
    },
  });
  const id = started.conversation.id;
  const offer = await eventually(() => ann.socket.of<Offer>('offer:new')[0]);
  await ann.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
  const [ben, sue, ada] = [await signIn(org, 'ben'), await signIn(org, 'sue'), await signIn(org, 'ada')];
  return { org, id, ann: ann.api, ben: ben.api, sue: sue.api, ada: ada.api };
}

const createAndTell: NewMacro = {
  name: 'Create case from chat',
  steps: [
    { id: 'case', kind: 'createCase', title: 'Order {context.orderId} for {customer.name}', priority: 'high' },
    { id: 'tell', kind: 'sendQuickReply', text: 'I opened case {steps.case.caseNumber} for you, {customer.name}.' },
  ],
};

const casesOf = (orgId: string) =>
  t.db.db.select().from(cases).where(eq(cases.orgId, orgId)).orderBy(asc(cases.number));
const runsOf = (orgId: string) =>
  t.db.db
    .select()
    .from(recordActivities)
    .where(and(eq(recordActivities.orgId, orgId), eq(recordActivities.kind, 'macro-run')));
const macrosOf = (orgId: string) =>
  t.db.db.select().from(macros).where(eq(macros.orgId, orgId)).orderBy(asc(macros.id));

describe('macros (AG8)', () => {
  it('run in order: a case filled from the context, linked, opened, the customer told; on the timeline', async () => {
    const { org, id, ann, ada } = await chat();
    const macro = await ada.call('createMacro', { body: createAndTell });
    expect(macro).toMatchObject({ name: 'Create case from chat', steps: createAndTell.steps });
    expect(await ann.call('listAgentMacros')).toEqual([{ id: macro.id, name: 'Create case from chat', steps: 2 }]);

    const run = await ann.call('runMacro', { params: { id, macroId: macro.id }, body: {} });
    expect(run.ok).toBe(true);
    expect(run.steps.map((s) => [s.stepId, s.status])).toEqual([
      ['case', 'done'],
      ['tell', 'done'],
    ]);
    const [created] = await casesOf(org.orgId);
    expect(created).toMatchObject({ title: 'Order A-17 for Eve', priority: 'high', ownerId: org.user('ann').id });
    expect(run.open).toEqual([{ kind: 'case', id: created!.id, label: 'CAS-01001 Order A-17 for Eve' }]);
    const [conv] = await t.db.db.select().from(conversations).where(eq(conversations.id, id));
    expect(conv!.caseId).toBe(created!.id);
    expect(created!.contactId).toBe(conv!.contactId);

    const detail = await ann.call('getConversation', { params: { id } });
    expect(JSON.stringify(detail)).toContain('I opened case CAS-01001 for you, Eve.');

    const [activity] = await runsOf(org.orgId);
    expect(activity).toMatchObject({
      caseId: created!.id,
      contactId: conv!.contactId,
      conversationId: id,
      actorId: org.user('ann').id,
      summary: 'Macro "Create case from chat" ran: 2 steps done',
      detail: { macroId: macro.id, ok: true, steps: [{ stepId: 'case', status: 'done' }, { stepId: 'tell' }] },
    });
  });

  it('stop at a failing step, naming it and why; earlier steps stay done and the run is recorded', async () => {
    const { org, id, ann, ada } = await chat();
    const reply = await ada.call('createOrgQuickReply', { body: { title: 'Bye', bodies: { en: 'Bye' } } });
    const macro = await ada.call('createMacro', {
      body: {
        name: 'Broken',
        steps: [
          { id: 'make', kind: 'createCase', title: 'From {customer.name}' },
          { id: 'tell', kind: 'sendQuickReply', quickReplyId: reply.id },
          { id: 'close', kind: 'resolveCase' },
        ],
      },
    });
    // The quick reply goes away after the macro was saved: the run meets a missing reference.
    await ada.call('deleteOrgQuickReply', { params: { id: reply.id } });
    const run = await ann.call('runMacro', { params: { id, macroId: macro.id }, body: {} });
    expect(run.ok).toBe(false);
    expect(run.failed).toEqual({
      stepId: 'tell',
      index: 1,
      reason: `step 2 (tell, sendQuickReply): quick reply ${reply.id} not found`,
    });
    expect(run.steps.map((s) => s.status)).toEqual(['done', 'failed', 'skipped']);
    // Step 1's case stays (and is not resolved: step 3 never ran).
    const [kept] = await casesOf(org.orgId);
    expect(kept).toMatchObject({ title: 'From Eve', status: 'active' });
    const [activity] = await runsOf(org.orgId);
    expect(activity!.summary).toBe(`Macro "Broken" stopped at ${run.failed!.reason}`);
    expect(activity!.detail).toMatchObject({ ok: false, failed: { stepId: 'tell' } });
  });

  it('fail a step whose placeholder has no value, before doing anything', async () => {
    const { org, id, ann, ada } = await chat();
    const macro = await ada.call('createMacro', {
      body: { name: 'Needs a ticket', steps: [{ id: 'c', kind: 'createCase', title: 'Ticket {context.ticket}' }] },
    });
    const run = await ann.call('runMacro', { params: { id, macroId: macro.id }, body: {} });
    expect(run.failed?.reason).toBe('step 1 (c, createCase): {context.ticket} has no value in this conversation');
    expect(await casesOf(org.orgId)).toEqual([]);
  });

  it('set a context variable, link and resolve the case, search knowledge', async () => {
    const { org, id, ann, ada } = await chat();
    const macro = await ada.call('createMacro', {
      body: {
        name: 'All of it',
        steps: [
          { id: 'set', kind: 'setField', target: 'context', field: 'topic', value: 'printer of {customer.name}' },
          { id: 'case', kind: 'createCase', title: '{context.topic}', link: false },
          { id: 'link', kind: 'linkRecord', record: 'case', ref: '{steps.case.caseId}' },
          { id: 'prio', kind: 'setField', target: 'case', field: 'priority', value: 'low' },
          { id: 'kb', kind: 'searchKnowledge', phrase: 'printer' },
          { id: 'done', kind: 'resolveCase' },
          { id: 'open', kind: 'openRecord', record: 'case', ref: '{case.id}' },
        ],
      },
    });
    const run = await ann.call('runMacro', { params: { id, macroId: macro.id }, body: {} });
    expect(run.failed).toBeUndefined();
    const [kase] = await casesOf(org.orgId);
    expect(kase).toMatchObject({ title: 'printer of Eve', priority: 'low', status: 'resolved' });
    expect(kase!.resolvedAt).not.toBeNull();
    const [conv] = await t.db.db.select().from(conversations).where(eq(conversations.id, id));
    expect(conv).toMatchObject({ caseId: kase!.id, context: { orderId: 'A-17', topic: 'printer of Eve' } });
    expect(run.steps.find((s) => s.stepId === 'kb')).toMatchObject({ status: 'done', knowledge: [] });
    expect(run.open.map((o) => o.id)).toEqual([kase!.id, kase!.id]);
  });

  it('refuse a link to a case of another customer and an unknown case, naming the step', async () => {
    const { org, id, ann, ada } = await chat();
    const [other] = await t.db.db
      .insert(cases)
      .values({ orgId: org.orgId, number: 5000, title: 'Not yours', contactId: null })
      .returning();
    const [stranger] = await t.db.db.insert(contacts).values({ orgId: org.orgId, name: 'Stranger' }).returning();
    await t.db.db.update(cases).set({ contactId: stranger!.id }).where(eq(cases.id, other!.id));
    const macro = await ada.call('createMacro', {
      body: { name: 'Link', steps: [{ id: 'l', kind: 'linkRecord', record: 'case', ref: other!.id }] },
    });
    const run = await ann.call('runMacro', { params: { id, macroId: macro.id }, body: {} });
    expect(run.failed?.reason).toBe('step 1 (l, linkRecord): case CAS-05000 Not yours belongs to another customer');
    const missing = '00000000-0000-4000-8000-000000000001';
    await ada.call('updateMacro', {
      params: { id: macro.id },
      body: { name: 'Link', steps: [{ id: 'l', kind: 'linkRecord', record: 'case', ref: missing }] },
    });
    const again = await ann.call('runMacro', { params: { id, macroId: macro.id }, body: {} });
    expect(again.failed?.reason).toBe(`step 1 (l, linkRecord): case ${missing} not found`);
    const [conv] = await t.db.db.select().from(conversations).where(eq(conversations.id, id));
    expect(conv!.caseId).toBeNull();
  });

  it("let only the conversation's agent or a supervisor run, and only while it is active", async () => {
    const { org, id, ann, ben, sue, ada } = await chat();
    const macro = await ada.call('createMacro', {
      body: { name: 'Search', steps: [{ id: 'k', kind: 'searchKnowledge', phrase: 'printer' }] },
    });
    await expect(ben.call('runMacro', { params: { id, macroId: macro.id }, body: {} })).rejects.toMatchObject({
      status: 403,
      body: { message: "only the conversation's agent or a supervisor may use its script and macros" },
    });
    expect((await sue.call('runMacro', { params: { id, macroId: macro.id }, body: {} })).ok).toBe(true);
    await ann.call('endConversation', { params: { id }, body: {} });
    await expect(ann.call('runMacro', { params: { id, macroId: macro.id }, body: {} })).rejects.toMatchObject({
      status: 409,
      body: { message: 'macros run only in an active conversation; this one is wrap-up' },
    });
    expect(await runsOf(org.orgId)).toHaveLength(1);
  });

  it('refuse a macro that names what no run could fill, changing nothing', async () => {
    const { org, ada } = await chat();
    const saved = await ada.call('createMacro', { body: createAndTell });
    const before = await macrosOf(org.orgId);
    const bad = (steps: NewMacro['steps']) => ({ name: 'Bad', steps });
    const cases400 = [
      [
        bad([{ id: 'a', kind: 'createCase', title: '{customer.nmae}' }]),
        'step 1 (a): {customer.nmae} is not a placeholder',
      ],
      [
        bad([{ id: 'a', kind: 'createCase', title: '{steps.b.caseId}' }]),
        'step 1 (a): {steps.b...} names no earlier step',
      ],
      [bad([{ id: 'a', kind: 'openRecord', record: 'case', ref: 'CAS-1' }]), 'step 1 (a): the record is an id or one'],
      [
        bad([{ id: 'a', kind: 'sendQuickReply', quickReplyId: '00000000-0000-4000-8000-000000000009' }]),
        "quick reply 00000000-0000-4000-8000-000000000009 is not one of the organisation's",
      ],
    ] as const;
    for (const [body, message] of cases400) {
      await expect(ada.call('createMacro', { body })).rejects.toMatchObject({
        status: 400,
        body: { message: expect.stringContaining(message) },
      });
      await expect(ada.call('updateMacro', { params: { id: saved.id }, body })).rejects.toMatchObject({ status: 400 });
    }
    expect(await macrosOf(org.orgId)).toEqual(before);
  });

  it("treat another organisation's macro and conversation as missing", async () => {
    const mine = await chat();
    const theirs = await chat();
    const macro = await theirs.ada.call('createMacro', { body: createAndTell });
    const notFound = { status: 404 };
    await expect(
      mine.ann.call('runMacro', { params: { id: mine.id, macroId: macro.id }, body: {} }),
    ).rejects.toMatchObject({ status: 404, body: { message: `macro ${macro.id} not found` } });
    const own = await mine.ada.call('createMacro', { body: createAndTell });
    await expect(
      mine.ann.call('runMacro', { params: { id: theirs.id, macroId: own.id }, body: {} }),
    ).rejects.toMatchObject({ status: 404, body: { message: 'conversation not found' } });
    await expect(mine.ada.call('updateMacro', { params: { id: macro.id }, body: createAndTell })).rejects.toMatchObject(
      notFound,
    );
    await expect(mine.ada.call('deleteMacro', { params: { id: macro.id } })).rejects.toMatchObject(notFound);
    expect(await casesOf(theirs.org.orgId)).toEqual([]);
    expect(await macrosOf(theirs.org.orgId)).toHaveLength(1);
  });

  it('keep the admin routes for admins and delete a macro', async () => {
    const { org, ann, ada } = await chat();
    await expect(ann.call('createMacro', { body: createAndTell })).rejects.toMatchObject({ status: 403 });
    await expect(ann.call('listMacros')).rejects.toMatchObject({ status: 403 });
    const m = await ada.call('createMacro', { body: createAndTell });
    expect(await ada.call('listMacros')).toHaveLength(1);
    expect(await ada.call('deleteMacro', { params: { id: m.id } })).toEqual({ ok: true });
    expect(await macrosOf(org.orgId)).toEqual([]);
  });
});
