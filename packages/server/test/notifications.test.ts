import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Notification, NotificationClosed, NotificationList } from '@switchboard/protocol';
import { notifications, offers } from '../src/store/schema.js';
import { handoffFixture } from './support/handoff-fixture.js';
import { eventually, manualClock, serverForFile } from './support/harness.js';
import { buildOrg, PASSWORD, type BuiltOrg } from './support/org-builder.js';

// AG2: a notification is written with the offer or handoff it announces and closes with it; every
// tab of the agent sees it once and drops it when any tab answers.
const clock = manualClock(new Date('2026-03-02T09:00:00Z'));
const t = serverForFile({ clock, env: { OFFER_SWEEP_MS: '60000', OFFER_TIMEOUT_SECONDS: '60' } });
const { acceptedChat } = handoffFixture(t);

async function agentWithTwoTabs(org: BuiltOrg, key: string) {
  const { token } = await t.server.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } });
  const tabs = [t.socket(token), t.socket(token)];
  await Promise.all(tabs.map((s) => s.ready));
  const api = t.server.api(token);
  await api.call('setPresence', { body: { presence: 'available' } });
  return { api, tabs };
}

async function offeredChat(opts: { admin?: boolean } = {}) {
  const org = await buildOrg(t.db.db, {
    queues: ['Support'],
    users: [{ key: 'ann', queues: ['Support'] }, ...(opts.admin ? [{ key: 'boss', role: 'admin' as const }] : [])],
  });
  const ann = await agentWithTwoTabs(org, 'ann');
  const admin = opts.admin
    ? t.server.api(
        (await t.server.api().call('login', { body: { email: org.user('boss').email, password: PASSWORD } })).token,
      )
    : null;
  const start = () =>
    t.server.api().call('startChat', {
      params: { widgetId: org.widgetId },
      body: { prechat: { name: 'Eve', email: 'eve@x.example', question: 'My invoice is wrong' } },
    });
  return { org, ann, admin, start };
}

const rowOf = async (id: string) => (await t.db.db.select().from(notifications).where(eq(notifications.id, id)))[0];
const closedIn = (tab: { of: <T>(e: string) => T[] }, id: string) =>
  eventually(() => tab.of<NotificationClosed>('notification:closed').find((c) => c.id === id));

describe('AG2 notifications of offers', () => {
  it('an offer comes with its alert, seen once in each tab, listed with the server time, closed on accept', async () => {
    const { ann, start } = await offeredChat();
    const chat = await start();
    const [n1, n2] = await Promise.all(
      ann.tabs.map((tab) => eventually(() => tab.of<Notification>('notification:new')[0])),
    );
    expect(n1).toEqual(n2);
    expect(n1).toMatchObject({
      scenario: 'incoming-chat',
      kind: 'alert',
      conversationId: chat.conversation.id,
      subject: { type: 'offer' },
      payload: { customerName: 'Eve', firstMessage: 'My invoice is wrong', channel: 'webchat', queueName: 'Support' },
    });
    expect(n1!.payload.titles.nl).toBe('Inkomende chat');
    // Written by the claim itself: the offer and its notification share an id and a moment.
    const [offer] = await t.db.db.select().from(offers).where(eq(offers.id, n1!.subject!.id));
    const row = await rowOf(n1!.id);
    expect(row).toMatchObject({ state: 'pending', recipientId: offer!.agentId, createdAt: offer!.offeredAt });
    expect(row!.expiresAt).toEqual(offer!.expiresAt);
    const list: NotificationList = await ann.api.call('listNotifications', {});
    expect(list.notifications.map((n) => n.id)).toEqual([n1!.id]);
    expect(list.serverTime).toBe(clock.now().toISOString());

    await ann.api.call('acceptOffer', { params: { id: n1!.subject!.id }, body: {} });
    for (const tab of ann.tabs) expect(await closedIn(tab, n1!.id)).toEqual({ id: n1!.id, state: 'accepted' });
    expect((await rowOf(n1!.id))!.state).toBe('accepted');
    expect((await ann.api.call('listNotifications', {})).notifications).toEqual([]);
  });

  it('closed as rejected on reject, as expired on the timeout, as withdrawn when the customer leaves', async () => {
    const { ann, start } = await offeredChat();
    await start();
    const first = await eventually(() => ann.tabs[0]!.of<Notification>('notification:new')[0]);
    await ann.api.call('rejectOffer', { params: { id: first.subject!.id }, body: {} });
    expect(await closedIn(ann.tabs[1]!, first.id)).toEqual({ id: first.id, state: 'rejected' });

    // Rejected work comes back to the only agent; this time the offer runs out.
    await t.server.app.settled();
    const second = await eventually(() => ann.tabs[0]!.of<Notification>('notification:new')[1]);
    clock.advance(61_000);
    await t.server.app.offers.expireDue();
    expect(await closedIn(ann.tabs[0]!, second.id)).toEqual({ id: second.id, state: 'expired' });
    expect((await rowOf(second.id))!.state).toBe('expired');

    const other = await offeredChat();
    const chat = await other.start();
    const third = await eventually(() => other.ann.tabs[0]!.of<Notification>('notification:new')[0]);
    await t.server.api(chat.token).call('visitorEnd', { params: { id: chat.conversation.id }, body: {} });
    expect(await closedIn(other.ann.tabs[1]!, third.id)).toEqual({ id: third.id, state: 'withdrawn' });
  });

  it('an auto-accepting template makes the offer accepted at once, with an assigned toast to open or dismiss', async () => {
    const { ann, admin, start } = await offeredChat({ admin: true });
    const saved = await admin!.call('saveNotificationTemplate', {
      params: { scenario: 'incoming-chat' },
      body: {
        kind: 'toast',
        titles: { en: 'Yours now' },
        fields: ['customerName'],
        timeoutSeconds: 10,
        autoAccept: true,
        theme: 'dark',
      },
    });
    expect(saved).toMatchObject({ scenario: 'incoming-chat', autoAccept: true, defaults: { en: 'Incoming chat' } });
    const chat = await start();
    const toast = await eventually(() => ann.tabs[0]!.of<Notification>('notification:new')[0]);
    expect(toast).toMatchObject({
      scenario: 'assigned',
      kind: 'toast',
      subject: null,
      conversationId: chat.conversation.id,
    });
    expect(ann.tabs[0]!.of('offer:new')).toEqual([]);
    const detail = await ann.api.call('getConversation', { params: { id: chat.conversation.id } });
    expect(detail.acceptedAt).not.toBeNull();
    const [offer] = await t.db.db.select().from(offers).where(eq(offers.id, toast.id));
    expect(offer).toMatchObject({ status: 'accepted', autoAccepted: true });

    await ann.api.call('dismissNotification', { params: { id: toast.id }, body: {} });
    expect(await closedIn(ann.tabs[1]!, toast.id)).toEqual({ id: toast.id, state: 'dismissed' });
    await expect(ann.api.call('dismissNotification', { params: { id: toast.id }, body: {} })).rejects.toMatchObject({
      status: 409,
      body: { message: 'this notification is already dismissed' },
    });
  });

  it('a toast runs out after its time; an alert is not dismissed; another agent’s is not found', async () => {
    const { org, ann, admin, start } = await offeredChat({ admin: true });
    await admin!.call('saveNotificationTemplate', {
      params: { scenario: 'incoming-chat' },
      body: { kind: 'alert', titles: {}, fields: [], timeoutSeconds: 30, autoAccept: true, theme: 'light' },
    });
    await admin!.call('saveNotificationTemplate', {
      params: { scenario: 'assigned' },
      body: { kind: 'toast', titles: {}, fields: [], timeoutSeconds: 5, autoAccept: false, theme: 'light' },
    });
    await start();
    // Auto-accepted: the 'assigned' template's toast, which shows for its own 5 seconds.
    const toast = await eventually(() => ann.tabs[0]!.of<Notification>('notification:new')[0]);
    expect(toast.scenario).toBe('assigned');
    clock.advance(6_000);
    expect((await ann.api.call('listNotifications', {})).notifications).toEqual([]);
    expect(await t.server.app.notifications.expireDue()).toBeGreaterThanOrEqual(1);
    expect(await closedIn(ann.tabs[0]!, toast.id)).toEqual({ id: toast.id, state: 'expired' });

    await admin!.call('saveNotificationTemplate', {
      params: { scenario: 'incoming-chat' },
      body: { kind: 'alert', titles: {}, fields: [], timeoutSeconds: 20, autoAccept: false, theme: 'light' },
    });
    await start();
    const alert = await eventually(() => ann.tabs[0]!.of<Notification>('notification:new')[1]);
    expect(new Date(alert.expiresAt).getTime() - new Date(alert.createdAt).getTime()).toBe(20_000);
    await expect(ann.api.call('openNotification', { params: { id: alert.id }, body: {} })).rejects.toMatchObject({
      status: 409,
      body: { message: 'an alert is not opened: accept or reject it' },
    });
    const stranger = await buildOrg(t.db.db, { queues: ['Q'], users: [{ key: 'zed', queues: ['Q'] }] });
    const zed = await t.server.api().call('login', { body: { email: stranger.user('zed').email, password: PASSWORD } });
    await expect(
      t.server.api(zed.token).call('dismissNotification', { params: { id: alert.id }, body: {} }),
    ).rejects.toMatchObject({ status: 404 });
    expect(org.orgId).not.toBe(stranger.orgId);
  });
});

describe('AG2 notifications of transfers and consults', () => {
  it('a transfer brings the receiver an alert with the note; it closes with the transfer’s answer', async () => {
    const { org, id, ann, ben } = await acceptedChat();
    await ann.api.call('transferConversation', {
      params: { id },
      body: { kind: 'agent', agentId: org.user('ben').id, note: 'Invoice 42' },
    });
    const n = await eventually(() => ben.socket.of<Notification>('notification:new')[0]);
    expect(n).toMatchObject({
      scenario: 'transfer',
      kind: 'alert',
      subject: { type: 'transfer' },
      payload: { note: 'Invoice 42', fromName: org.user('ann').name, customerName: 'Eve' },
    });
    await ben.api.call('rejectTransfer', { params: { id: n.subject!.id }, body: {} });
    expect(await closedIn(ben.socket, n.id)).toEqual({ id: n.id, state: 'rejected' });

    await ann.api.call('consultConversation', { params: { id }, body: { userId: org.user('ben').id, note: 'Help?' } });
    const c = await eventually(() => ben.socket.of<Notification>('notification:new')[1]);
    expect(c).toMatchObject({ scenario: 'consult', payload: { note: 'Help?' } });
    await ben.api.call('acceptTransfer', { params: { id: c.subject!.id }, body: {} });
    expect(await closedIn(ben.socket, c.id)).toEqual({ id: c.id, state: 'accepted' });
  });
});

describe('AG2 notification templates: refusals', () => {
  it('names the problem and the limit, changes nothing, and is for admins only', async () => {
    const { ann, admin } = await offeredChat({ admin: true });
    const body = {
      kind: 'alert' as const,
      titles: {},
      fields: [],
      timeoutSeconds: 30,
      autoAccept: false,
      theme: 'light' as const,
    };
    const refused = async (scenario: string, b: unknown, status: number, message: string) =>
      expect(
        admin!.call('saveNotificationTemplate', {
          params: { scenario: scenario as 'transfer' },
          body: b as typeof body,
        }),
      ).rejects.toMatchObject({ status, body: { message: expect.stringContaining(message) } });
    await refused('incoming-chat', { ...body, timeoutSeconds: 1 }, 400, 'at least 5 seconds');
    await refused('incoming-chat', { ...body, timeoutSeconds: 601 }, 400, 'at most 600 seconds');
    await refused('incoming-chat', { ...body, fields: ['customerName', 'customerName'] }, 400, 'listed twice');
    await refused('incoming-chat', { ...body, fields: ['password'] }, 400, 'fields');
    await refused('incoming-chat', { ...body, titles: { en: '' } }, 400, 'a title cannot be empty');
    await refused('consult', { ...body, autoAccept: true }, 400, 'auto-accept applies to offers of new work');
    await refused('assigned', body, 400, "the 'assigned' notification is a toast");
    await refused('transfer', { ...body, kind: 'toast' }, 400, "the 'transfer' notification is an alert");
    await refused('nobody', body, 400, 'scenario');
    const list = await admin!.call('listNotificationTemplates', {});
    expect(list.map((x) => [x.scenario, x.updatedAt])).toEqual(
      [
        'incoming-chat',
        'incoming-sms',
        'incoming-social',
        'assigned',
        'transfer',
        'consult',
        'escalation',
        'bot-escalation',
      ].map((s) => [s, null]),
    );
    await expect(ann.api.call('listNotificationTemplates', {})).rejects.toMatchObject({ status: 403 });
  });
});
