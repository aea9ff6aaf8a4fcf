import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ApiCallError, type Offer, type WorkspaceChanged, type WorkspaceSession } from '@switchboard/protocol';
import { conversations, orgSettings } from '../src/store/schema.js';
import { readWorkspace, saveWorkspace } from '../src/store/workspaces.js';
import { handoffFixture } from './support/handoff-fixture.js';
import { eventually, serverForFile } from './support/harness.js';

// The agent's workspace (AG3): stored per agent with a version, merged field by field, pushed to
// the agent's other sockets after each write.
const t = serverForFile();
const { acceptedChat, signIn } = handoffFixture(t);

const session = (conversationId: string, title = 'Eve'): WorkspaceSession => ({
  id: conversationId,
  conversationId,
  tabs: [{ id: `conversation:${conversationId}`, kind: 'conversation', title }],
  activeTabId: `conversation:${conversationId}`,
});

async function refusal(call: Promise<unknown>): Promise<{ status: number; message: string }> {
  const err = await call.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof ApiCallError)) throw new Error(`expected a refusal, got ${String(err)}`);
  return { status: err.status, message: err.body?.message ?? '' };
}

async function setSessionLimit(orgId: string, limit: number) {
  await t.db.db
    .insert(orgSettings)
    .values({ orgId, sessionLimit: limit })
    .onConflictDoUpdate({ target: orgSettings.orgId, set: { sessionLimit: limit } });
}

/** A second chat of Support, offered to and accepted by `agent`. */
async function secondChat(org: { widgetId: string }, agent: Awaited<ReturnType<typeof signIn>>, name = 'Max') {
  const chat = await t.server.api().call('startChat', {
    params: { widgetId: org.widgetId },
    body: { prechat: { name, email: 'max@x.example', question: 'Another question' } },
  });
  const offer = await eventually(() =>
    agent.socket.of<Offer>('offer:new').find((o) => o.conversationId === chat.conversation.id),
  );
  await agent.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
  return chat.conversation.id;
}

describe('read and write (AG3)', () => {
  it('starts empty at version 0; a write is stored, versioned and read back, and the other tabs hear it', async () => {
    const { org, id, ann } = await acceptedChat();
    expect(await ann.api.call('getWorkspace')).toEqual({
      version: 0,
      state: { sessions: [], activeSessionId: null, drafts: {}, scroll: {} },
    });
    const otherTab = await signIn(org, 'ann');
    const written = await ann.api.call('writeWorkspace', {
      body: {
        baseVersion: 0,
        changes: {
          sessions: { [id]: session(id) },
          activeSessionId: id,
          drafts: { [id]: 'Let me check  ' },
          scroll: { [`conversation:${id}`]: 320 },
        },
      },
    });
    const state = {
      sessions: [session(id)],
      activeSessionId: id,
      drafts: { [id]: 'Let me check  ' },
      scroll: { [`conversation:${id}`]: 320 },
    };
    expect(written).toEqual({ version: 1, state });
    expect(await otherTab.api.call('getWorkspace')).toEqual({ version: 1, state });
    const pushed = await eventually(() => otherTab.socket.of<WorkspaceChanged>('workspace:changed')[0]);
    expect(pushed).toEqual({
      version: 1,
      changes: { sessions: { [id]: session(id) }, activeSessionId: id, drafts: state.drafts, scroll: state.scroll },
    });
  });

  it('a stale base version still merges field by field, and the answer carries the current state', async () => {
    const { id, ann } = await acceptedChat();
    await ann.api.call('writeWorkspace', { body: { baseVersion: 0, changes: { sessions: { [id]: session(id) } } } });
    await ann.api.call('writeWorkspace', { body: { baseVersion: 1, changes: { drafts: { [id]: 'from tab A' } } } });
    // Tab B saw version 1 only: its scroll goes in beside tab A's draft.
    const b = await ann.api.call('writeWorkspace', {
      body: { baseVersion: 1, changes: { scroll: { [`conversation:${id}`]: 99 } } },
    });
    expect(b.version).toBe(3);
    expect(b.state).toMatchObject({ drafts: { [id]: 'from tab A' }, scroll: { [`conversation:${id}`]: 99 } });
    // The same field again: the last write wins.
    const c = await ann.api.call('writeWorkspace', {
      body: { baseVersion: 2, changes: { drafts: { [id]: 'from B' } } },
    });
    expect(c).toMatchObject({ version: 4, state: { drafts: { [id]: 'from B' } } });
  });

  it('a write that changes nothing keeps the version', async () => {
    const { id, ann } = await acceptedChat();
    await ann.api.call('writeWorkspace', { body: { baseVersion: 0, changes: { sessions: { [id]: session(id) } } } });
    const again = await ann.api.call('writeWorkspace', {
      body: { baseVersion: 1, changes: { sessions: { [id]: session(id) } } },
    });
    expect(again.version).toBe(1);
  });

  it('two tabs racing on one workspace: every write lands, each with its own version', async () => {
    const { id, ann } = await acceptedChat();
    const kinds = ['customer-summary', 'case', 'knowledge', 'record'] as const;
    const tabs = Array.from({ length: 10 }, (_, i) => ({
      id: i === 0 ? `conversation:${id}` : `tab-${i}`,
      kind: i === 0 ? ('conversation' as const) : kinds[i % kinds.length]!,
      title: `Tab ${i}`,
    }));
    const s = { ...session(id), tabs };
    await ann.api.call('writeWorkspace', { body: { baseVersion: 0, changes: { sessions: { [id]: s } } } });
    const answers = await Promise.all(
      tabs.map((tab, i) =>
        ann.api.call('writeWorkspace', { body: { baseVersion: 1, changes: { scroll: { [tab.id]: (i + 1) * 10 } } } }),
      ),
    );
    expect(answers.map((a) => a.version).sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i + 2));
    const read = await ann.api.call('getWorkspace');
    expect(read.version).toBe(11);
    expect(read.state.scroll).toEqual(Object.fromEntries(tabs.map((tab, i) => [tab.id, (i + 1) * 10])));
  });

  it('two first writes at once make one row', async () => {
    const { id, ann } = await acceptedChat();
    const [a, b] = await Promise.all([
      ann.api.call('writeWorkspace', { body: { baseVersion: 0, changes: { sessions: { [id]: session(id) } } } }),
      ann.api.call('writeWorkspace', {
        body: { baseVersion: 0, changes: { sessions: { [id]: session(id, 'Eve B') } } },
      }),
    ]);
    expect([a.version, b.version].sort()).toEqual([1, 2]);
    const titles = [session(id), session(id, 'Eve B')].map((s) => [s]);
    expect(titles).toContainEqual((await ann.api.call('getWorkspace')).state.sessions);
  });
});

describe('which sessions stay (AG3)', () => {
  it('a session whose conversation another agent now holds drops out on read, with its draft', async () => {
    const { org, id, ann } = await acceptedChat();
    await ann.api.call('writeWorkspace', {
      body: { baseVersion: 0, changes: { sessions: { [id]: session(id) }, drafts: { [id]: 'half a thought' } } },
    });
    await t.db.db
      .update(conversations)
      .set({ agentId: org.user('ben').id })
      .where(eq(conversations.id, id));
    expect(await ann.api.call('getWorkspace')).toEqual({
      version: 1,
      state: { sessions: [], activeSessionId: null, drafts: {}, scroll: {} },
    });
  });

  it('a closed conversation stays open to read; over the session limit it makes room, a held one does not', async () => {
    const { org, id, ann, ben } = await acceptedChat();
    await ben.api.call('setPresence', { body: { presence: 'away' } });
    await ann.api.call('writeWorkspace', { body: { baseVersion: 0, changes: { sessions: { [id]: session(id) } } } });
    await ann.api.call('endConversation', { params: { id }, body: {} });
    await ann.api.call('closeConversation', { params: { id }, body: {} });
    expect((await ann.api.call('getWorkspace')).state.sessions).toEqual([session(id)]);

    const next = await secondChat(org, ann);
    await setSessionLimit(org.orgId, 1);
    const opened = await ann.api.call('writeWorkspace', {
      body: { baseVersion: 1, changes: { sessions: { [next]: session(next, 'Max') }, activeSessionId: next } },
    });
    expect(opened.state.sessions).toEqual([session(next, 'Max')]);

    // Max is held and the limit is 1: opening Eve's closed conversation again is refused.
    const refused = await refusal(
      ann.api.call('writeWorkspace', { body: { baseVersion: 2, changes: { sessions: { [id]: session(id) } } } }),
    );
    expect(refused).toEqual({
      status: 409,
      message: "At most 1 session can be open at once (the organisation's session limit): close a session first",
    });
    expect((await ann.api.call('getWorkspace')).version).toBe(2);
  });
});

describe('bad input changes nothing (AG3)', () => {
  it.each([
    ['an unknown field', { baseVersion: 0, changes: { layout: 'grid' } }, /changes.*Unrecognized key: "layout"/],
    ['a negative base version', { baseVersion: -1, changes: {} }, /baseVersion/],
    ['a draft keyed by something not an id', { baseVersion: 0, changes: { drafts: { nope: 'x' } } }, /drafts/],
    [
      'a draft with a NUL',
      { baseVersion: 0, changes: { drafts: { '00000000-0000-4000-8000-000000000001': 'a\u0000' } } },
      /NUL/,
    ],
    ['a scroll position below 0', { baseVersion: 0, changes: { scroll: { t: -5 } } }, /scroll/],
    ['a tab id with a slash', { baseVersion: 0, changes: { scroll: { 'a/b': 5 } } }, /tab id/],
  ])('%s', async (_why, body, message) => {
    const { ann } = await acceptedChat();
    const answer = await refusal(ann.api.call('writeWorkspace', { body: body as never }));
    expect(answer.status).toBe(400);
    expect(answer.message).toMatch(message);
    expect((await ann.api.call('getWorkspace')).version).toBe(0);
  });

  it('refuses sizes over their bounds, naming the bound', async () => {
    const { id, ann } = await acceptedChat();
    const tabs = Array.from({ length: 11 }, (_, i) => ({ id: `t${i}`, kind: 'record' as const, title: 'x' }));
    const cases: [unknown, RegExp][] = [
      [{ sessions: { [id]: { ...session(id), tabs, activeTabId: 't0' } } }, /at most 10 tabs in a session/],
      [{ drafts: { [id]: 'x'.repeat(28 * 1024 + 1) } }, /at most 28672 characters/],
      [
        { sessions: { [id]: { ...session(id), tabs: [{ ...session(id).tabs[0]!, title: 'x'.repeat(121) }] } } },
        /at most 120/,
      ],
      [{ sessions: { [id]: { ...session(id), activeTabId: 'elsewhere' } } }, /activeTabId is not one of/],
      [{ sessions: { [id]: { ...session(id), id: crypto.randomUUID() } } }, /keyed by its own id/],
      [{ scroll: { t: 10_000_001 } }, /scroll/],
    ];
    for (const [changes, message] of cases) {
      const answer = await refusal(
        ann.api.call('writeWorkspace', { body: { baseVersion: 0, changes: changes as never } }),
      );
      expect(answer.status, JSON.stringify(changes).slice(0, 80)).toBe(400);
      expect(answer.message).toMatch(message);
    }
    expect((await ann.api.call('getWorkspace')).version).toBe(0);
  });

  it('a session of a conversation that is not mine is not found, and changes nothing', async () => {
    const { org, ann } = await acceptedChat();
    const ben = await signIn(org, 'ben', 'available');
    const bens = await secondChat(org, ben);
    const answer = await refusal(
      ann.api.call('writeWorkspace', { body: { baseVersion: 0, changes: { sessions: { [bens]: session(bens) } } } }),
    );
    expect(answer).toEqual({ status: 404, message: `Conversation ${bens} not found` });
    expect((await ann.api.call('getWorkspace')).version).toBe(0);
  });
});

describe('the store names the organisation (X3)', () => {
  it("a write under another organisation's id matches no row", async () => {
    const { org, id, ann } = await acceptedChat();
    await ann.api.call('writeWorkspace', { body: { baseVersion: 0, changes: { sessions: { [id]: session(id) } } } });
    const userId = org.user('ann').id;
    const other = crypto.randomUUID();
    const saved = await saveWorkspace(
      t.db.db,
      other,
      userId,
      1,
      { sessions: [], activeSessionId: null, drafts: {}, scroll: {} },
      new Date(),
    );
    expect(saved).toBeNull();
    expect((await readWorkspace(t.db.db, other, userId)).version).toBe(0);
    expect((await readWorkspace(t.db.db, org.orgId, userId)).state.sessions).toEqual([session(id)]);
  });
});
