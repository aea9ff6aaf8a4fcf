import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiCallError } from '@switchboard/protocol';
import type { Database } from '../src/store/db.js';
import { openTestDatabase, startServer, type TestServer } from './support/harness.js';
import { buildOrg, PASSWORD, type BuiltOrg } from './support/org-builder.js';

let db: Database;
let server: TestServer;
let org: BuiltOrg;
let other: BuiltOrg;
const token: Record<string, string> = {};

beforeAll(async () => {
  db = await openTestDatabase();
  server = await startServer({ database: db });
  org = await buildOrg(db.db, {
    queues: ['Support', 'Billing'],
    users: [
      { key: 'ann', queues: ['Support'] },
      { key: 'ada', role: 'admin' },
    ],
  });
  other = await buildOrg(db.db, { queues: ['Elsewhere'], users: [{ key: 'oz', role: 'admin' }] });
  for (const key of ['ann', 'ada'])
    token[key] = (await server.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } })).token;
  token.oz = (await server.api().call('login', { body: { email: other.user('oz').email, password: PASSWORD } })).token;
});
afterAll(async () => {
  await server.close();
  await db.close();
});

const admin = () => server.api(token.ada);
const failure = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiCallError);
  return { status: (err as ApiCallError).status, message: ((err as ApiCallError).body as { message: string }).message };
};

/** The queue the routing trace says a chat started on this widget went to. */
async function queueOfChatOn(widgetId: string): Promise<string> {
  const chat = await server
    .api()
    .call('startChat', {
      params: { widgetId },
      body: { prechat: { name: 'Eve', email: 'eve@customer.example', question: 'Hello' } },
    });
  const trace = await admin().call('getRoutingTrace', { params: { id: chat.conversation.id } });
  const step = trace.entries.flatMap((e) => e.steps).find((s) => s.step === 'queue');
  return step?.step === 'queue' ? step.queueId : 'no queue step';
}

describe('chat widgets (CH1, AD2)', () => {
  it('an admin creates a widget for a second workstream; its chats are routed by that workstream, and moving it moves them', async () => {
    const [website] = await admin().call('listWorkstreams');
    const { id: _, ...settings } = website!;
    const billing = await admin().call('createWorkstream', {
      body: { ...settings, name: 'Billing chat', fallbackQueueId: org.queueId('Billing'), routeToQueue: [] },
    });

    const widget = await admin().call('createChatWidget', {
      body: { title: 'Billing help', workstreamId: billing.id },
    });
    expect(widget).toMatchObject({ title: 'Billing help', workstreamId: billing.id });
    expect(widget.id).toMatch(/^billing-help-[a-z0-9]{8}$/);
    expect((await admin().call('listChatWidgets')).map((w) => w.id).sort()).toEqual([org.widgetId, widget.id].sort());
    expect(await queueOfChatOn(widget.id)).toBe(org.queueId('Billing'));

    const moved = await admin().call('updateChatWidget', {
      params: { widgetId: widget.id },
      body: { title: 'Help', workstreamId: website!.id },
    });
    expect(moved).toEqual({ id: widget.id, title: 'Help', workstreamId: website!.id, allowedSites: [] });
    expect(await queueOfChatOn(widget.id)).toBe(org.queueId('Support'));
    // The public config of the widget follows too.
    expect((await server.api().call('widgetConfig', { params: { widgetId: widget.id } })).title).toBe('Help');

    // Deleted, its embed tag stops working; the conversations it started stay.
    const started = await server
      .api()
      .call('startChat', {
        params: { widgetId: widget.id },
        body: { prechat: { name: 'Eve', email: 'eve@customer.example', question: 'Hi' } },
      });
    await admin().call('deleteChatWidget', { params: { widgetId: widget.id } });
    expect((await admin().call('listChatWidgets')).map((w) => w.id)).toEqual([org.widgetId]);
    expect((await failure(server.api().call('widgetConfig', { params: { widgetId: widget.id } }))).status).toBe(404);
    expect(
      (
        await failure(
          server
            .api()
            .call('startChat', {
              params: { widgetId: widget.id },
              body: { prechat: { name: 'Eve', email: 'eve@customer.example', question: 'Hi' } },
            }),
        )
      ).status,
    ).toBe(404);
    expect((await admin().call('getRoutingTrace', { params: { id: started.conversation.id } })).conversationId).toBe(
      started.conversation.id,
    );
  });

  it('refuses what cannot be, with a message, and changes nothing', async () => {
    const before = await admin().call('listChatWidgets');
    const [otherWs] = await server.api(token.oz).call('listWorkstreams');
    const unknown = '00000000-0000-4000-8000-000000000999';

    expect(await failure(admin().call('createChatWidget', { body: { title: 'X', workstreamId: unknown } }))).toEqual({
      status: 400,
      message: `workstream ${unknown} does not exist`,
    });
    expect(
      await failure(admin().call('createChatWidget', { body: { title: 'X', workstreamId: otherWs!.id } })),
    ).toEqual({ status: 400, message: `workstream ${otherWs!.id} does not exist` });
    expect(
      (
        await failure(
          admin().call('createChatWidget', { body: { title: '  ', workstreamId: before[0]!.workstreamId } }),
        )
      ).status,
    ).toBe(400);
    expect(
      await failure(
        admin().call('updateChatWidget', {
          params: { widgetId: 'no-such-widget' },
          body: { title: 'X', workstreamId: before[0]!.workstreamId },
        }),
      ),
    ).toEqual({
      status: 404,
      message: 'chat widget no-such-widget not found',
    });
    expect(await failure(admin().call('deleteChatWidget', { params: { widgetId: 'no-such-widget' } }))).toEqual({
      status: 404,
      message: 'chat widget no-such-widget not found',
    });
    expect(
      (await failure(server.api(token.oz).call('deleteChatWidget', { params: { widgetId: org.widgetId } }))).status,
    ).toBe(404);
    // Another organisation's admin cannot change this one's widget.
    const [otherFirst] = await server.api(token.oz).call('listWorkstreams');
    expect(
      (
        await failure(
          server
            .api(token.oz)
            .call('updateChatWidget', {
              params: { widgetId: org.widgetId },
              body: { title: 'Mine', workstreamId: otherFirst!.id },
            }),
        )
      ).status,
    ).toBe(404);
    expect((await failure(server.api(token.ann).call('listChatWidgets'))).status).toBe(403);
    expect(await admin().call('listChatWidgets')).toEqual(before);
  });

  it('keeps the sites that may embed a widget, written as browsers send them, and refuses what is not a site', async () => {
    const [ws] = await admin().call('listWorkstreams');
    const body = {
      title: 'Shop',
      workstreamId: ws!.id,
      allowedSites: [' HTTPS://Shop.Example/', 'http://localhost:8080'],
    };
    const widget = await admin().call('createChatWidget', { body });
    expect(widget.allowedSites).toEqual(['https://shop.example', 'http://localhost:8080']);
    expect((await admin().call('listChatWidgets')).find((w) => w.id === widget.id)?.allowedSites).toEqual([
      'https://shop.example',
      'http://localhost:8080',
    ]);
    const cleared = await admin().call('updateChatWidget', {
      params: { widgetId: widget.id },
      body: { title: 'Shop', workstreamId: ws!.id },
    });
    expect(cleared.allowedSites).toEqual([]);

    const bad = async (site: string) =>
      (
        await failure(
          admin().call('updateChatWidget', {
            params: { widgetId: widget.id },
            body: { ...body, allowedSites: [site] },
          }),
        )
      ).message;
    expect(await bad('shop.example')).toBe(
      'body.allowedSites.0: a site is an origin such as https://shop.example or http://localhost:8080 (no path)',
    );
    expect(await bad('https://shop.example/checkout')).toContain('no path');
    expect(await bad('ftp://shop.example')).toContain('a site is an origin');
    expect(await bad('https://*.example')).toContain('a site is an origin');
    expect(await bad("https://shop.example 'unsafe-inline'")).toContain('a site is an origin');
    expect(await bad('https://shop.example:70000')).toBe('body.allowedSites.0: a port is at most 65535');
    const twice = await failure(
      admin().call('updateChatWidget', {
        params: { widgetId: widget.id },
        body: { ...body, allowedSites: ['https://a.example', 'https://A.example/'] },
      }),
    );
    expect(twice).toEqual({ status: 400, message: 'body.allowedSites: each site is listed once' });
    expect((await admin().call('listChatWidgets')).find((w) => w.id === widget.id)?.allowedSites).toEqual([]);
  });
});
