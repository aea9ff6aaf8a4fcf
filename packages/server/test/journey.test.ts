import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ApiCallError, type JourneyActionInput } from '@switchboard/protocol';
import { conversations, journeyActions, resumeLinks, widgets } from '../src/store/schema.js';
import { manualClock, serverForFile } from './support/harness.js';
import { buildOrg, PASSWORD } from './support/org-builder.js';

// CH1: the widget's JavaScript API on the server. The journey the host page tracked (at the start
// and during the chat), the visitor details of the first request, and the resume link that carries
// a chat to another site of the same organisation. TRUST_PROXY: the test sets the client address.
const clock = manualClock();
const env = serverForFile({ clock, env: { TRUST_PROXY: 'true' } });

const CHROME_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) ' +
  'Chrome/120.0.0.0 Safari/537.36';
const FIREFOX_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0';

async function setup() {
  const org = await buildOrg(env.db.db, {
    queues: ['Q'],
    users: [
      { key: 'ann', queues: ['Q'] },
      { key: 'sue', role: 'supervisor' },
    ],
  });
  const login = async (key: string) =>
    (await env.server.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } })).token;
  return { org, login };
}

const prechat = { name: 'Eve Visser', email: 'eve@x.example', question: 'Where is my order?' };
const at = (minutesAgo: number) => new Date(clock.now().getTime() - minutesAgo * 60_000).toISOString();

/** A start request as the widget's iframe sends it, with a browser's headers. */
async function startRaw(widgetId: string, body: object, headers: Record<string, string> = {}) {
  return fetch(`${env.server.url}/api/widget/${widgetId}/conversations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ prechat, context: {}, locale: 'en', ...body }),
  });
}

async function start(widgetId: string, journey?: JourneyActionInput[]) {
  const started = await env.server.api().call('startChat', { params: { widgetId }, body: { prechat, journey } });
  return { ...started, id: started.conversation.id, visitor: env.server.api(started.token) };
}

const rowsOf = (id: string) => env.db.db.select().from(journeyActions).where(eq(journeyActions.conversationId, id));
const visitorOf = async (id: string) =>
  (await env.db.db.select({ v: conversations.visitor }).from(conversations).where(eq(conversations.id, id)))[0]!.v;

describe('the visitor journey (CH1, AG6)', () => {
  it('keeps what was tracked before the chat and during it; staff read it newest first', async () => {
    const { org, login } = await setup();
    const chat = await start(org.widgetId, [
      { kind: 'page-visited', name: 'https://shop.example/', detail: { title: 'Home' }, at: at(10) },
      { kind: 'search', name: 'printer ink', detail: { resultsCount: 3 }, at: at(8) },
    ]);
    await chat.visitor.call('visitorJourney', {
      params: { id: chat.id },
      body: {
        actions: [
          { kind: 'article-viewed', name: 'Replacing a cartridge', detail: { id: 'kb-42' }, at: at(2) },
          { kind: 'custom', name: 'added-to-cart', detail: { sku: 'INK-9', qty: 2, gift: false }, at: at(1) },
        ],
      },
    });
    // Who may read it is the conversation's own rule (kit.guard 'read'); a supervisor reads every one.
    const staff = env.server.api(await login('sue'));
    const { actions } = await staff.call('conversationJourney', { params: { id: chat.id } });
    expect(actions.map((a) => [a.kind, a.name])).toEqual([
      ['custom', 'added-to-cart'],
      ['article-viewed', 'Replacing a cartridge'],
      ['search', 'printer ink'],
      ['page-visited', 'https://shop.example/'],
    ]);
    expect(actions[0]!.detail).toEqual({ sku: 'INK-9', qty: 2, gift: false });
    expect(actions[2]!.detail).toEqual({ resultsCount: 3 });
  });

  it("refuses another conversation's token, and a staff member of another organisation sees a 404", async () => {
    const { org } = await setup();
    const mine = await start(org.widgetId);
    const theirs = await start(org.widgetId);
    const body = { actions: [{ kind: 'search' as const, name: 'x', at: at(0) }] };
    await expect(mine.visitor.call('visitorJourney', { params: { id: theirs.id }, body })).rejects.toMatchObject({
      status: 403,
    });
    expect(await rowsOf(theirs.id)).toHaveLength(0);
    const other = await setup();
    const stranger = env.server.api(await other.login('sue'));
    await expect(stranger.call('conversationJourney', { params: { id: mine.id } })).rejects.toMatchObject({
      status: 404,
    });
  });

  it('bounds a batch: at most 100, bounded texts, no time past the clock skew; a bad one stores nothing', async () => {
    const { org } = await setup();
    const chat = await start(org.widgetId);
    const call = (actions: unknown[]) =>
      chat.visitor.call('visitorJourney', { params: { id: chat.id }, body: { actions } as never }).catch((e) => e);
    const one = (over: object = {}) => ({ kind: 'page-visited', name: 'https://shop.example/a', at: at(0), ...over });
    const cases: [unknown[], number, RegExp][] = [
      [Array.from({ length: 101 }, () => one()), 400, /at most 100 actions/],
      [[], 400, /actions/],
      [[one({ name: 'x'.repeat(2001) })], 400, /at most 2000 characters/],
      [[one({ name: 'a\u0000b' })], 400, /NUL/],
      [[one({ kind: 'purchase' })], 400, /kind/],
      [
        [one(), one({ at: new Date(clock.now().getTime() + 10 * 60_000).toISOString() })],
        400,
        /actions\[1\]\.at is in the future/,
      ],
      [[one({ detail: { nested: { deep: 1 } } })], 400, /detail/],
      [[one({ at: 'yesterday' })], 400, /at/],
    ];
    for (const [actions, status, message] of cases) {
      const err = await call(actions);
      expect(err, JSON.stringify(actions).slice(0, 80)).toBeInstanceOf(ApiCallError);
      expect(err.status).toBe(status);
      expect(err.message).toMatch(message);
    }
    expect(await rowsOf(chat.id)).toHaveLength(0);
    // Three minutes ahead is within the skew: a visitor's clock may run fast.
    const ok = await call([one({ at: new Date(clock.now().getTime() + 3 * 60_000).toISOString() })]);
    expect(ok).toEqual({ stored: 1 });
  });

  it('a start whose journey is bad starts nothing', async () => {
    const { org } = await setup();
    const future = new Date(clock.now().getTime() + 3600_000).toISOString();
    const res = await startRaw(org.widgetId, { journey: [{ kind: 'search', name: 'x', at: future }] });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(/in the future/);
    const started = await env.db.db.select().from(conversations).where(eq(conversations.orgId, org.orgId));
    expect(started).toHaveLength(0);
  });
});

describe('visitor details (AG6)', () => {
  it('browser and OS from the User-Agent, country from a public address, language from the locale', async () => {
    const { org } = await setup();
    const res = await startRaw(
      org.widgetId,
      { locale: 'nl' },
      { 'user-agent': CHROME_MAC, 'x-forwarded-for': '81.2.69.142' },
    );
    expect(res.status).toBe(200);
    const { conversation } = await res.json();
    expect(await visitorOf(conversation.id)).toEqual({
      browser: 'Chrome 120.0.0.0',
      os: 'macOS Catalina',
      country: 'GB',
      city: null,
      language: 'nl',
    });
  });

  it('a loopback or private address has no location; an IPv6 address is looked up too', async () => {
    const { org } = await setup();
    for (const [ip, country] of [
      ['127.0.0.1', null],
      ['10.1.2.3', null],
      ['192.168.0.7', null],
      ['::1', null],
      ['8.8.8.8', 'US'],
      ['2001:4860:4860::8888', 'US'],
    ] as const) {
      const res = await startRaw(org.widgetId, {}, { 'user-agent': FIREFOX_LINUX, 'x-forwarded-for': ip });
      const v = await visitorOf((await res.json()).conversation.id);
      expect(v, ip).toMatchObject({ browser: 'Firefox 121.0', os: 'Linux', country, language: 'en' });
    }
  });

  it('a hostile or missing User-Agent gives nulls, never an error', async () => {
    const { org } = await setup();
    for (const ua of ['', '\u00ff'.repeat(5000), '() { :; }; echo pwned']) {
      const res = await startRaw(org.widgetId, {}, ua ? { 'user-agent': ua } : {});
      expect(res.status).toBe(200);
      const v = (await visitorOf((await res.json()).conversation.id)) as Record<string, string | null>;
      expect((v.browser ?? '').length).toBeLessThanOrEqual(100);
    }
  });
});

describe('a chat carried to another site (CH1)', () => {
  /** A second widget of the same organisation, as another site would embed. */
  async function secondWidget(orgId: string, workstreamId: string) {
    const id = `site-b-${randomUUID().slice(0, 8)}`;
    await env.db.db.insert(widgets).values({ id, orgId, workstreamId, title: 'Site B' });
    return id;
  }

  it('a resume link becomes a visitor token of the same conversation, once', async () => {
    const { org } = await setup();
    const chat = await start(org.widgetId);
    const link = await chat.visitor.call('visitorResumeLink', { params: { id: chat.id }, body: {} });
    expect(Date.parse(link.expiresAt) - clock.now().getTime()).toBeLessThanOrEqual(5 * 60_000);
    const siteB = await secondWidget(org.orgId, org.workstreamId);
    const taken = await env.server
      .api()
      .call('resumeChat', { params: { widgetId: siteB }, body: { token: link.token } });
    expect(taken.conversation.id).toBe(chat.id);
    // The new token opens the same chat: the visitor writes on.
    const onB = env.server.api(taken.token);
    await onB.call('visitorSend', {
      params: { id: chat.id },
      body: { clientMessageId: randomUUID(), text: 'still me' },
    });
    const again = await env.server
      .api()
      .call('resumeChat', { params: { widgetId: siteB }, body: { token: link.token } })
      .catch((e) => e);
    expect(again).toMatchObject({ status: 409, message: expect.stringMatching(/already used/) });
  });

  it('an expired link, a forged one, a visitor token and another organisation are refused', async () => {
    const { org } = await setup();
    const chat = await start(org.widgetId);
    const api = env.server.api();
    const exchange = (widgetId: string, token: string) =>
      api.call('resumeChat', { params: { widgetId }, body: { token } }).catch((e) => e);

    const other = await setup();
    const link = await chat.visitor.call('visitorResumeLink', { params: { id: chat.id }, body: {} });
    expect(await exchange(other.org.widgetId, link.token)).toMatchObject({ status: 404 });
    // The refusal did not spend it: the right organisation still can.
    expect((await exchange(org.widgetId, link.token)).conversation.id).toBe(chat.id);

    expect(await exchange(org.widgetId, chat.token)).toMatchObject({ status: 400, message: /not valid/ });
    const forged = link.token.slice(0, -4) + (link.token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(await exchange(org.widgetId, forged)).toMatchObject({ status: 400, message: /not valid/ });
    expect(await exchange('no-such-widget', link.token)).toMatchObject({ status: 404 });

    const late = await chat.visitor.call('visitorResumeLink', { params: { id: chat.id }, body: {} });
    clock.advance(5 * 60_000 + 1000);
    expect(await exchange(org.widgetId, late.token)).toMatchObject({ status: 400, message: /expired/ });
    const unspent = await env.db.db
      .select()
      .from(resumeLinks)
      .where(and(eq(resumeLinks.conversationId, chat.id)));
    expect(unspent.filter((r) => r.usedAt)).toHaveLength(1);
    // A resume token is no bearer token.
    await expect(
      env.server.api(late.token).call('visitorConversation', { params: { id: chat.id } }),
    ).rejects.toMatchObject({
      status: 401,
    });
  });
});
