import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { NewScript, Offer } from '@switchboard/protocol';
import { scriptProgress, scripts } from '../src/store/schema.js';
import { handoffFixture } from './support/handoff-fixture.js';
import { eventually, serverForFile } from './support/harness.js';
import { buildOrg } from './support/org-builder.js';

// Agent scripts (AG7): the admin gives a workstream a default script, or a rule on the conversation's
// context that picks one first; the agent sees it beside the conversation and ticks steps off, kept
// per conversation. Sub-scripts may not loop; what a script names must exist.
const t = serverForFile();
const { signIn } = handoffFixture(t);

async function chat(context: Record<string, string> = {}) {
  const org = await buildOrg(t.db.db, {
    queues: ['Support'],
    users: [
      { key: 'ann', queues: ['Support'] },
      { key: 'ben', queues: ['Support'] },
      { key: 'ada', role: 'admin' },
    ],
  });
  const ann = await signIn(org, 'ann', 'available');
  const started = await t.server.api().call('startChat', {
    params: { widgetId: org.widgetId },
    body: { prechat: { name: 'Eve', email: 'eve@x.example', question: 'Help' }, context },
  });
  const id = started.conversation.id;
  const offer = await eventually(() => ann.socket.of<Offer>('offer:new')[0]);
  await ann.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
  const [ben, ada] = [await signIn(org, 'ben'), await signIn(org, 'ada')];
  return { org, id, ann: ann.api, ben: ben.api, ada: ada.api };
}

const script = (name: string, over: Partial<NewScript> = {}): NewScript => ({
  name,
  steps: [{ id: 'greet', kind: 'text', text: 'Greet the customer' }],
  workstreamId: null,
  rule: null,
  order: 0,
  ...over,
});
const scriptsOf = (orgId: string) =>
  t.db.db.select().from(scripts).where(eq(scripts.orgId, orgId)).orderBy(asc(scripts.id));

describe('agent scripts (AG7)', () => {
  it("give a conversation its workstream's script with sub-scripts and macros, and keep progress", async () => {
    const { org, id, ann, ada } = await chat();
    const macro = await ada.call('createMacro', {
      body: { name: 'Look up', steps: [{ id: 'k', kind: 'searchKnowledge', phrase: 'printer' }] },
    });
    const sub = await ada.call('createScript', { body: script('Verify identity') });
    const main = await ada.call('createScript', {
      body: script('Support', {
        workstreamId: org.workstreamId,
        steps: [
          { id: 'greet', kind: 'text', text: 'Greet {customer}' },
          { id: 'verify', kind: 'script', scriptId: sub.id },
          { id: 'lookup', kind: 'macro', macroId: macro.id },
        ],
      }),
    });
    const view = await ann.call('getConversationScript', { params: { id } });
    expect(view.script?.id).toBe(main.id);
    expect(view.subScripts.map((s) => s.id)).toEqual([sub.id]);
    expect(view.macros).toEqual([{ id: macro.id, name: 'Look up' }]);
    expect(view.done).toEqual({});

    const marked = await ann.call('markScriptStep', { params: { id, stepId: 'greet' }, body: { scriptId: main.id } });
    expect(marked.done).toEqual({ [main.id]: ['greet'] });
    await ann.call('markScriptStep', { params: { id, stepId: 'greet' }, body: { scriptId: sub.id } });
    // Kept: read again (another tab, a reload) it is there.
    expect((await ann.call('getConversationScript', { params: { id } })).done).toEqual({
      [main.id]: ['greet'],
      [sub.id]: ['greet'],
    });
    // The macro step is done when its run succeeds.
    await ann.call('runMacro', { params: { id, macroId: macro.id }, body: { scriptId: main.id, stepId: 'lookup' } });
    expect((await ann.call('getConversationScript', { params: { id } })).done[main.id]).toEqual(['greet', 'lookup']);
    const undone = await ann.call('markScriptStep', {
      params: { id, stepId: 'greet' },
      body: { scriptId: main.id, done: false },
    });
    expect(undone.done[main.id]).toEqual(['lookup']);
  });

  it("choose the first rule that holds on the context, else the workstream's default", async () => {
    const vip = await chat({ tier: 'vip' });
    const fallback = await vip.ada.call('createScript', {
      body: script('Default', { workstreamId: vip.org.workstreamId }),
    });
    const ruled = await vip.ada.call('createScript', {
      body: script('VIP', {
        order: 1,
        rule: { kind: 'compare', field: 'context.tier', operator: 'equals', value: 'vip' },
      }),
    });
    expect((await vip.ann.call('getConversationScript', { params: { id: vip.id } })).script?.id).toBe(ruled.id);
    await vip.ada.call('updateScript', {
      params: { id: ruled.id },
      body: script('VIP', { rule: { kind: 'compare', field: 'context.tier', operator: 'equals', value: 'gold' } }),
    });
    expect((await vip.ann.call('getConversationScript', { params: { id: vip.id } })).script?.id).toBe(fallback.id);
  });

  it('refuse a sub-script loop (a clear 400) and steps naming what does not exist, changing nothing', async () => {
    const { org, ada } = await chat();
    const a = await ada.call('createScript', { body: script('A') });
    const b = await ada.call('createScript', {
      body: script('B', { steps: [{ id: 's', kind: 'script', scriptId: a.id }] }),
    });
    const before = await scriptsOf(org.orgId);
    await expect(
      ada.call('updateScript', {
        params: { id: a.id },
        body: script('A', { steps: [{ id: 's', kind: 'script', scriptId: b.id }] }),
      }),
    ).rejects.toMatchObject({ status: 400, body: { message: 'sub-scripts would loop: A → B → A' } });
    await expect(
      ada.call('updateScript', {
        params: { id: a.id },
        body: script('A', { steps: [{ id: 's', kind: 'script', scriptId: a.id }] }),
      }),
    ).rejects.toMatchObject({ status: 400, body: { message: 'sub-scripts would loop: A → A' } });
    const missing = '00000000-0000-4000-8000-000000000002';
    await expect(
      ada.call('createScript', { body: script('C', { steps: [{ id: 'm', kind: 'macro', macroId: missing }] }) }),
    ).rejects.toMatchObject({ status: 400, body: { message: `step m runs macro ${missing}, which does not exist` } });
    await expect(ada.call('createScript', { body: script('D', { workstreamId: missing }) })).rejects.toMatchObject({
      status: 400,
      body: { message: `workstream ${missing} not found` },
    });
    // A script another opens cannot go.
    await expect(ada.call('deleteScript', { params: { id: a.id } })).rejects.toMatchObject({
      status: 409,
      body: { message: 'script "B" opens this script: remove that step first' },
    });
    expect(await scriptsOf(org.orgId)).toEqual(before);
  });

  it("refuse another agent, an unknown step or script, and another organisation's ids", async () => {
    const mine = await chat();
    const theirs = await chat();
    const s = await mine.ada.call('createScript', { body: script('Main', { workstreamId: mine.org.workstreamId }) });
    const foreign = await theirs.ada.call('createScript', { body: script('Theirs') });
    await expect(mine.ben.call('getConversationScript', { params: { id: mine.id } })).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      mine.ann.call('markScriptStep', { params: { id: mine.id, stepId: 'nope' }, body: { scriptId: s.id } }),
    ).rejects.toMatchObject({ status: 404, body: { message: 'script "Main" has no step nope' } });
    await expect(
      mine.ann.call('markScriptStep', { params: { id: mine.id, stepId: 'greet' }, body: { scriptId: foreign.id } }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(mine.ann.call('getConversationScript', { params: { id: theirs.id } })).rejects.toMatchObject({
      status: 404,
      body: { message: 'conversation not found' },
    });
    await expect(mine.ada.call('deleteScript', { params: { id: foreign.id } })).rejects.toMatchObject({ status: 404 });
    await expect(
      mine.ada.call('updateScript', { params: { id: foreign.id }, body: script('Mine') }),
    ).rejects.toMatchObject({ status: 404 });
    expect(await t.db.db.select().from(scriptProgress).where(eq(scriptProgress.orgId, mine.org.orgId))).toEqual([]);
    expect((await scriptsOf(theirs.org.orgId)).map((r) => r.name)).toEqual(['Theirs']);
  });

  it('answer no script when none fits', async () => {
    const { id, ann } = await chat();
    expect(await ann.call('getConversationScript', { params: { id } })).toEqual({
      script: null,
      subScripts: [],
      macros: [],
      done: {},
    });
  });
});
