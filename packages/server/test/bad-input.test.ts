import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MESSAGE_BYTES } from '@switchboard/protocol';
import type { Database } from '../src/store/db.js';
import { clientId, openTestDatabase, startServer, type TestServer } from './support/harness.js';
import { buildOrg, PASSWORD, type BuiltOrg } from './support/org-builder.js';

let db: Database;
let server: TestServer;
let org: BuiltOrg;
let agentToken: string;
let supervisorToken: string;
let chat: { id: string; token: string };
let other: { id: string; token: string };
let held: { id: string; offerId: string };
let closed: { id: string; token: string };
let catToken: string;

async function raw(method: string, path: string, opts: { token?: string; body?: string; contentType?: string } = {}) {
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.body !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
  const res = await fetch(`${server.url}${path}`, { method, headers, body: opts.body });
  return { status: res.status, body: (await res.json()) as { statusCode: number; error: string; message: string } };
}

/** Everything the database holds for the test organisation's conversations, to prove nothing changed. */
async function snapshot() {
  const sup = server.api(supervisorToken);
  const { conversations } = await sup.call('listConversations', { query: { scope: 'all' } });
  const details = await Promise.all(conversations.map((c) => sup.call('getConversation', { params: { id: c.id } })));
  return JSON.stringify(details);
}

beforeAll(async () => {
  db = await openTestDatabase();
  server = await startServer({ database: db });
  org = await buildOrg(db.db, {
    users: [
      { key: 'ann', queues: [] },
      { key: 'sue', role: 'supervisor' },
      { key: 'cat', queues: ['Sales'], presence: 'available' },
    ],
    queues: ['Support', 'Sales'],
    rules: (q) => [
      {
        name: 'sales',
        when: { kind: 'compare', field: 'prechat.question', operator: 'equals', value: 'buy' },
        queues: [{ queueId: q('Sales'), percentage: 100 }],
      },
    ],
  });
  const login = (key: string) =>
    server.api().call('login', { body: { email: org.user(key).email, password: PASSWORD } });
  agentToken = (await login('ann')).token;
  supervisorToken = (await login('sue')).token;
  const start = async (q: string) => {
    const r = await server.api().call('startChat', {
      params: { widgetId: org.widgetId },
      body: { prechat: { name: 'Eve', email: 'eve@x.example', question: q } },
    });
    return { id: r.conversation.id, token: r.token };
  };
  chat = await start('first');
  other = await start('second');
  catToken = (await login('cat')).token;
  const bought = await start('buy');
  await server.app.settled();
  const [offer] = (await server.api(catToken).call('listOffers')).offers;
  await server.api(catToken).call('acceptOffer', { params: { id: offer!.id }, body: {} });
  held = { id: bought.id, offerId: offer!.id };
  // The customer leaves before anyone accepted it: closed at once.
  closed = await start('never mind');
  await server.api(closed.token).call('visitorEnd', { params: { id: closed.id }, body: {} });
});
afterAll(async () => {
  await server.close();
  await db.close();
});

const cases: { name: string; status: number; message: RegExp; run: () => ReturnType<typeof raw> }[] = [
  {
    name: 'malformed JSON',
    status: 400,
    message: /JSON/i,
    run: () => raw('POST', `/api/widget/conversations/${chat.id}/messages`, { token: chat.token, body: '{"text": ' }),
  },
  {
    name: 'a body of the wrong shape',
    status: 400,
    message: /body\.clientMessageId/,
    run: () =>
      raw('POST', `/api/widget/conversations/${chat.id}/messages`, { token: chat.token, body: '{"text":"hi"}' }),
  },
  {
    name: 'unknown fields',
    status: 400,
    message: /Unrecognized key.*sneaky/,
    run: () =>
      raw('POST', `/api/widget/conversations/${chat.id}/messages`, {
        token: chat.token,
        body: JSON.stringify({ clientMessageId: clientId(), text: 'hi', sneaky: 1 }),
      }),
  },
  {
    name: 'a message over 28 KB',
    status: 400,
    message: new RegExp(`over ${MAX_MESSAGE_BYTES} bytes`),
    run: () =>
      raw('POST', `/api/widget/conversations/${chat.id}/messages`, {
        token: chat.token,
        body: JSON.stringify({ clientMessageId: clientId(), text: 'é'.repeat(MAX_MESSAGE_BYTES / 2 + 1) }),
      }),
  },
  {
    name: 'an empty message',
    status: 400,
    message: /message text is empty/,
    run: () =>
      raw('POST', `/api/widget/conversations/${chat.id}/messages`, {
        token: chat.token,
        body: JSON.stringify({ clientMessageId: clientId(), text: '   ' }),
      }),
  },
  {
    name: 'a body far over the size limit',
    status: 413,
    message: /too large/i,
    run: () =>
      raw('POST', `/api/widget/conversations/${chat.id}/messages`, {
        token: chat.token,
        body: JSON.stringify({ clientMessageId: clientId(), text: 'x'.repeat(200_000) }),
      }),
  },
  {
    name: 'a wrong content type',
    status: 415,
    message: /content-type/i,
    run: () =>
      raw('POST', `/api/widget/conversations/${chat.id}/messages`, {
        token: chat.token,
        body: '<text>hello</text>',
        contentType: 'application/xml',
      }),
  },
  {
    name: 'an unknown conversation id',
    status: 404,
    message: /conversation not found/,
    run: () => raw('GET', `/api/conversations/00000000-0000-4000-8000-000000000000`, { token: supervisorToken }),
  },
  {
    name: 'a malformed id',
    status: 400,
    message: /params\.id/,
    run: () => raw('GET', `/api/conversations/not-a-uuid`, { token: supervisorToken }),
  },
  {
    name: 'an unknown offer',
    status: 404,
    message: /offer not found/,
    run: () =>
      raw('POST', `/api/offers/00000000-0000-4000-8000-000000000000/accept`, { token: agentToken, body: '{}' }),
  },
  {
    name: 'an unknown widget',
    status: 404,
    message: /widget not found/,
    run: () =>
      raw('POST', `/api/widget/nope-widget/conversations`, {
        body: JSON.stringify({ prechat: { name: 'A', email: 'a@b.example', question: 'q' } }),
      }),
  },
  {
    name: 'a sign-in token far over its limit (CH1)',
    status: 400,
    message: /body\.authToken.*at most 16000 characters/,
    run: () =>
      raw('POST', `/api/widget/${org.widgetId}/conversations`, {
        body: JSON.stringify({
          prechat: { name: 'A', email: 'a@b.example', question: 'q' },
          authToken: 'x'.repeat(16_001),
        }),
      }),
  },
  {
    name: "a supervisor setting a widget's sign-in keys (CH1)",
    status: 403,
    message: /admin/,
    run: () =>
      raw('PUT', `/api/admin/widgets/${org.widgetId}/authentication`, {
        token: supervisorToken,
        body: JSON.stringify({ mode: 'off' }),
      }),
  },
  {
    name: 'an unknown route',
    status: 404,
    message: /No route GET \/api\/nothing/,
    run: () => raw('GET', '/api/nothing'),
  },
  { name: 'no token', status: 401, message: /Sign in first/, run: () => raw('GET', '/api/me') },
  {
    name: 'a forged token',
    status: 401,
    message: /invalid or has expired/,
    run: () => raw('GET', '/api/me', { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.AAAA' }),
  },
  {
    name: 'a wrong password',
    status: 401,
    message: /Wrong email or password/,
    run: () =>
      raw('POST', '/api/auth/login', { body: JSON.stringify({ email: org.user('ann').email, password: 'nope' }) }),
  },
  {
    name: 'the wrong role (agent asks for every conversation)',
    status: 403,
    message: /only supervisors and admins/,
    run: () => raw('GET', '/api/conversations?scope=all', { token: agentToken }),
  },
  {
    name: 'a supervisor ending a conversation they are not primary on',
    status: 403,
    message: /only the primary agent/,
    run: () => raw('POST', `/api/conversations/${chat.id}/end`, { token: supervisorToken, body: '{}' }),
  },
  {
    name: 'an agent reading a conversation that is not theirs',
    status: 403,
    message: /not the agent of this conversation/,
    run: () => raw('GET', `/api/conversations/${chat.id}`, { token: agentToken }),
  },
  {
    name: 'a widget token on another conversation',
    status: 403,
    message: /belongs to another conversation/,
    run: () =>
      raw('POST', `/api/widget/conversations/${other.id}/messages`, {
        token: chat.token,
        body: JSON.stringify({ clientMessageId: clientId(), text: 'peek' }),
      }),
  },
  {
    name: 'a widget token reading another conversation',
    status: 403,
    message: /belongs to another conversation/,
    run: () => raw('GET', `/api/widget/conversations/${other.id}`, { token: chat.token }),
  },
  {
    name: 'a widget token on a staff API',
    status: 403,
    message: /visitor token cannot call staff APIs/,
    run: () => raw('GET', `/api/conversations/${chat.id}`, { token: chat.token }),
  },
  {
    name: 'a staff token on a widget API',
    status: 403,
    message: /takes a widget visitor token/,
    run: () => raw('GET', `/api/widget/conversations/${chat.id}`, { token: agentToken }),
  },
  {
    name: 'an invalid presence',
    status: 400,
    message: /body\.presence/,
    run: () => raw('PUT', '/api/me/presence', { token: agentToken, body: '{"presence":"sleeping"}' }),
  },
  {
    name: 'closing for someone else',
    status: 403,
    message: /only the primary agent/,
    run: () => raw('POST', `/api/conversations/${chat.id}/close`, { token: agentToken, body: '{}' }),
  },
  {
    name: 'a forbidden transition (close before wrap-up)',
    status: 409,
    message: /Cannot close a conversation that is active: allowed only from wrap-up/,
    run: () => raw('POST', `/api/conversations/${held.id}/close`, { token: catToken, body: '{}' }),
  },
  {
    name: 'accepting an offer twice',
    status: 409,
    message: /already accepted/,
    run: () => raw('POST', `/api/offers/${held.offerId}/accept`, { token: catToken, body: '{}' }),
  },
  // AG2: an alert is answered on its offer; its notification is not dismissed, nor one already closed.
  {
    name: 'dismissing an answered alert',
    status: 409,
    message: /this notification is already accepted/,
    run: () => raw('POST', `/api/notifications/${held.offerId}/dismiss`, { token: catToken, body: '{}' }),
  },
  {
    name: 'an unknown notification',
    status: 404,
    message: /notification not found/,
    run: () =>
      raw('POST', `/api/notifications/00000000-0000-4000-8000-000000000000/open`, { token: agentToken, body: '{}' }),
  },
  {
    name: "someone else's notification",
    status: 404,
    message: /notification not found/,
    run: () => raw('POST', `/api/notifications/${held.offerId}/open`, { token: agentToken, body: '{}' }),
  },
  {
    name: 'a supervisor saving a notification template',
    status: 403,
    message: /admin/i,
    run: () =>
      raw('PUT', '/api/admin/notification-templates/incoming-chat', {
        token: supervisorToken,
        body: JSON.stringify({
          kind: 'toast',
          titles: {},
          fields: [],
          timeoutSeconds: 9,
          autoAccept: false,
          theme: 'dark',
        }),
      }),
  },
  // Attachments (AG4): the file is the body; each refusal names the limit or the type, and keeps nothing.
  {
    name: 'an attachment over the limit',
    status: 413,
    message: /the file is 6 MiB; this organisation accepts files up to 5 MiB \(5242880 bytes\)/,
    run: () =>
      raw('POST', `/api/conversations/${held.id}/attachments?name=big.txt`, {
        token: catToken,
        body: 'a'.repeat(6 * 1024 * 1024),
        contentType: 'text/plain',
      }),
  },
  {
    name: 'an attachment over the server cap',
    status: 413,
    message: /limit for POST \/api\/conversations\/:id\/attachments is 25600 KB/,
    run: () =>
      raw('POST', `/api/conversations/${held.id}/attachments?name=huge.txt`, {
        token: catToken,
        body: 'a'.repeat(26 * 1024 * 1024),
        contentType: 'text/plain',
      }),
  },
  {
    name: 'an attachment of a forbidden type',
    status: 415,
    message: /files of type application\/zip are not allowed here; allowed: image\/png/,
    run: () =>
      raw('POST', `/api/widget/conversations/${chat.id}/attachments?name=a.zip`, {
        token: chat.token,
        body: 'PK',
        contentType: 'application/zip',
      }),
  },
  {
    name: 'an attachment whose bytes are not its declared type',
    status: 415,
    message: /declared image\/png but its bytes are text\/plain/,
    run: () =>
      raw('POST', `/api/widget/conversations/${chat.id}/attachments?name=a.png`, {
        token: chat.token,
        body: 'plain words',
        contentType: 'image/png',
      }),
  },
  {
    name: 'an attachment with no file name',
    status: 400,
    message: /querystring\.name/,
    run: () =>
      raw('POST', `/api/widget/conversations/${chat.id}/attachments`, {
        token: chat.token,
        body: 'hello',
        contentType: 'text/plain',
      }),
  },
  {
    name: 'an empty attachment',
    status: 400,
    message: /the file is empty/,
    run: () => raw('POST', `/api/widget/conversations/${chat.id}/attachments?name=a.txt`, { token: chat.token }),
  },
  {
    name: "an attachment to a conversation that is not the agent's",
    status: 403,
    message: /only the primary agent, or a consultant they allow, may send files/,
    run: () =>
      raw('POST', `/api/conversations/${chat.id}/attachments?name=a.txt`, {
        token: agentToken,
        body: 'hi',
        contentType: 'text/plain',
      }),
  },
  {
    name: 'a message with an attachment that was never uploaded',
    status: 404,
    message: /attachment 00000000-0000-4000-8000-000000000000 not found: upload it/,
    run: () =>
      raw('POST', `/api/widget/conversations/${chat.id}/messages`, {
        token: chat.token,
        body: JSON.stringify({
          clientMessageId: clientId(),
          text: 'see file',
          attachmentIds: ['00000000-0000-4000-8000-000000000000'],
        }),
      }),
  },
  {
    name: 'a message with more than 10 attachments',
    status: 400,
    message: /at most 10 attachments per message/,
    run: () =>
      raw('POST', `/api/widget/conversations/${chat.id}/messages`, {
        token: chat.token,
        body: JSON.stringify({
          clientMessageId: clientId(),
          text: 'files',
          attachmentIds: Array.from({ length: 11 }, () => crypto.randomUUID()),
        }),
      }),
  },
  {
    name: 'an unknown attachment',
    status: 404,
    message: /attachment not found/,
    run: () => raw('GET', '/api/attachments/00000000-0000-4000-8000-000000000000', { token: supervisorToken }),
  },
  {
    name: 'attachment limits set by a supervisor',
    status: 403,
    message: /Only admins may do this/,
    run: () =>
      raw('PUT', '/api/admin/settings/attachments', {
        token: supervisorToken,
        body: JSON.stringify({ maxBytes: 1, types: [] }),
      }),
  },
  {
    name: 'reopening a conversation that is not closed',
    status: 409,
    message: /Cannot reopen this conversation: only a closed conversation/,
    run: () => raw('POST', `/api/conversations/${held.id}/reopen`, { token: catToken, body: '{}' }),
  },
  {
    name: 'reopening a conversation that does not exist',
    status: 404,
    message: /conversation not found/,
    run: () =>
      raw('POST', '/api/conversations/00000000-0000-4000-8000-000000000000/reopen', { token: catToken, body: '{}' }),
  },
  {
    name: 'a closed-list search whose dates are the wrong way round',
    status: 400,
    message: /from must be before to/,
    run: () =>
      raw('GET', '/api/conversations?scope=closed&from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z', {
        token: agentToken,
      }),
  },
  {
    name: 'a closed-list search for an empty customer',
    status: 400,
    message: /customer is empty/,
    run: () => raw('GET', '/api/conversations?scope=closed&customer=%20', { token: agentToken }),
  },
  {
    name: 'a closed-list search from a year PostgreSQL does not have',
    status: 400,
    message: /between 1970 and 9999/,
    run: () => raw('GET', '/api/conversations?scope=closed&from=0001-01-01T00:00:00%2B14:00', { token: agentToken }),
  },
  {
    name: 'a home view whose day starts tomorrow',
    status: 400,
    message: /start of your day: a time in the last 36 hours/,
    run: () =>
      raw('GET', `/api/me/home?since=${encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString())}`, {
        token: agentToken,
      }),
  },
  {
    name: 'a home view whose day start is not a time',
    status: 400,
    message: /since/,
    run: () => raw('GET', '/api/me/home?since=yesterday', { token: agentToken }),
  },
  {
    name: 'monitoring a conversation still waiting in its queue',
    status: 409,
    message: /only a conversation that is active or wrap-up can be monitored \(it is open\)/,
    run: () => raw('POST', `/api/supervision/conversations/${chat.id}/monitor`, { token: supervisorToken, body: '{}' }),
  },
  {
    name: 'assigning a conversation an agent works on',
    status: 409,
    message: /only a conversation that is open can be assigned \(it is active\)/,
    run: () =>
      raw('POST', `/api/supervision/conversations/${held.id}/assign`, {
        token: supervisorToken,
        body: JSON.stringify({ kind: 'queue', queueId: org.queueId('Support') }),
      }),
  },
  {
    name: 'an assignment of an unknown kind',
    status: 400,
    message: /kind/,
    run: () =>
      raw('POST', `/api/supervision/conversations/${chat.id}/assign`, {
        token: supervisorToken,
        body: JSON.stringify({ kind: 'bot', agentId: org.user('ann').id }),
      }),
  },
  {
    name: 'a force close by an agent',
    status: 403,
    message: /Only supervisors and admins may do this/,
    run: () => raw('POST', `/api/supervision/conversations/${held.id}/force-close`, { token: catToken, body: '{}' }),
  },
  ...(['open', 'closed'] as const).map((state) => ({
    name: `a supervisor's transfer of a conversation that is ${state}`,
    status: 409,
    message: new RegExp(`only a conversation that is active or waiting can be transferred .*\\(it is ${state}\\)`),
    run: () =>
      raw('POST', `/api/supervision/conversations/${(state === 'open' ? chat : closed).id}/transfer`, {
        token: supervisorToken,
        body: JSON.stringify({ agentId: org.user('cat').id }),
      }),
  })),
  {
    name: 'the ongoing list filtered by a state that is not in progress',
    status: 400,
    message: /state/,
    run: () => raw('GET', '/api/supervision/conversations?state=closed', { token: supervisorToken }),
  },
  {
    name: 'the ongoing list sorted by something it has no sort for',
    status: 400,
    message: /^querystring\.sort: use one of newest, wait, handle, state, queue, agent, channel, sentiment$/,
    run: () => raw('GET', '/api/supervision/conversations?sort=loudest', { token: supervisorToken }),
  },
  {
    name: 'the ongoing list sorted in a direction that is neither asc nor desc',
    status: 400,
    message: /^querystring\.direction: use asc or desc$/,
    run: () => raw('GET', '/api/supervision/conversations?sort=wait&direction=up', { token: supervisorToken }),
  },
  {
    name: 'the ongoing list paged with a cursor of another sort',
    status: 400,
    message: /cursor is for another sort of the ongoing list: pass back a nextCursor of this sort \(queue, asc\)/,
    run: async () => {
      const first = await server.api(supervisorToken).call('listOngoing', { query: { sort: 'wait', limit: 1 } });
      const cursor = encodeURIComponent(first.nextCursor ?? '');
      return raw('GET', `/api/supervision/conversations?sort=queue&cursor=${cursor}`, { token: supervisorToken });
    },
  },
  {
    name: 'switches changed by a supervisor',
    status: 403,
    message: /Only admins may do this/,
    run: () =>
      raw('PUT', '/api/admin/settings/supervision', {
        token: supervisorToken,
        body: JSON.stringify({ monitor: true, assign: true, transfer: true }),
      }),
  },
  {
    name: 'a report over ten years by the hour',
    status: 400,
    message: /a report by hour spans at most 92 days/,
    run: () =>
      raw('POST', '/api/insights/report', {
        token: supervisorToken,
        body: JSON.stringify({
          from: '2016-01-01T00:00:00Z',
          to: '2026-01-01T00:00:00Z',
          bucket: 'hour',
          measures: ['conversationsIn'],
        }),
      }),
  },
  {
    name: 'a report by an unknown dimension and measure',
    status: 400,
    message: /unknown dimensions: "weather".*unknown measures: "happiness"/,
    run: () =>
      raw('POST', '/api/insights/report', {
        token: supervisorToken,
        body: JSON.stringify({
          from: '2026-01-01T00:00:00Z',
          to: '2026-01-02T00:00:00Z',
          bucket: 'day',
          dimensions: ['weather'],
          measures: ['happiness'],
        }),
      }),
  },
  {
    name: 'a report asked by an agent',
    status: 403,
    message: /Only supervisors and admins may do this/,
    run: () => raw('GET', '/api/insights/live', { token: catToken }),
  },
  // CH1: the widget's JavaScript API (journey.test.ts has the rest).
  {
    name: 'a journey of 101 actions',
    status: 400,
    message: /at most 100 actions/,
    run: () =>
      raw('POST', `/api/widget/conversations/${chat.id}/journey`, {
        token: chat.token,
        body: JSON.stringify({
          actions: Array.from({ length: 101 }, () => ({ kind: 'search', name: 'x', at: new Date().toISOString() })),
        }),
      }),
  },
  {
    name: "a journey sent with another conversation's token",
    status: 403,
    message: /another conversation/,
    run: () =>
      raw('POST', `/api/widget/conversations/${other.id}/journey`, {
        token: chat.token,
        body: JSON.stringify({ actions: [{ kind: 'search', name: 'x', at: new Date().toISOString() }] }),
      }),
  },
  {
    name: 'a start whose journey is dated in the future',
    status: 400,
    message: /actions\[0\]\.at is in the future/,
    run: () =>
      raw('POST', `/api/widget/${org.widgetId}/conversations`, {
        body: JSON.stringify({
          prechat: { name: 'Eve', email: 'eve@x.example', question: 'later' },
          journey: [{ kind: 'search', name: 'x', at: new Date(Date.now() + 3600_000).toISOString() }],
        }),
      }),
  },
  {
    name: 'a resume link that is no token',
    status: 400,
    message: /resume link is not valid/,
    run: () => raw('POST', `/api/widget/${org.widgetId}/resume`, { body: JSON.stringify({ token: 'not-a-token' }) }),
  },
  // CH1 widget settings: pre-chat answers, the offline form, the post-chat survey and the transcript.
  {
    name: 'an answer to a question the widget does not have',
    status: 400,
    message: /no question "shoe"/,
    run: () =>
      raw('POST', `/api/widget/${org.widgetId}/conversations`, {
        body: JSON.stringify({
          prechat: { name: 'Eve', email: 'eve@x.example', question: 'q', answers: { shoe: '42' } },
        }),
      }),
  },
  {
    name: 'an offline message without an email',
    status: 400,
    message: /email/,
    run: () =>
      raw('POST', `/api/widget/${org.widgetId}/offline-messages`, {
        body: JSON.stringify({ name: 'Olga', email: 'nope', message: 'call me' }),
      }),
  },
  {
    name: 'a post-chat rating of 6',
    status: 400,
    message: /a rating is 1 to 5/,
    run: () =>
      raw('POST', `/api/widget/conversations/${closed.id}/survey`, {
        token: closed.token,
        body: JSON.stringify({ rating: 6 }),
      }),
  },
  {
    name: 'a post-chat survey while the chat goes on',
    status: 409,
    message: /when the chat has ended/,
    run: () =>
      raw('POST', `/api/widget/conversations/${chat.id}/survey`, {
        token: chat.token,
        body: JSON.stringify({ rating: 5 }),
      }),
  },
  {
    name: "the transcript of another visitor's conversation",
    status: 403,
    message: /another conversation/,
    run: () => raw('GET', `/api/widget/conversations/${other.id}/transcript`, { token: chat.token }),
  },
  // AG7, AG8: macros and scripts in a conversation (macros.test.ts and scripts.test.ts have the rest).
  {
    name: 'a macro that does not exist',
    status: 404,
    message: /macro 00000000-0000-4000-8000-000000000000 not found/,
    run: () =>
      raw('POST', `/api/conversations/${held.id}/macros/00000000-0000-4000-8000-000000000000/run`, {
        token: catToken,
        body: '{}',
      }),
  },
  {
    name: "a macro run in another agent's conversation",
    status: 403,
    message: /only the conversation's agent or a supervisor/,
    run: () =>
      raw('POST', `/api/conversations/${held.id}/macros/00000000-0000-4000-8000-000000000000/run`, {
        token: agentToken,
        body: '{}',
      }),
  },
  {
    name: 'a script step id with spaces',
    status: 400,
    message: /a step id is 1-40 letters/,
    run: () =>
      raw('POST', `/api/conversations/${held.id}/script/steps/no%20such/done`, {
        token: catToken,
        body: JSON.stringify({ scriptId: '00000000-0000-4000-8000-000000000000' }),
      }),
  },
  {
    name: 'a script step of a script the conversation does not have',
    status: 404,
    message: /script 00000000-0000-4000-8000-000000000000 of this conversation not found/,
    run: () =>
      raw('POST', `/api/conversations/${held.id}/script/steps/greet/done`, {
        token: catToken,
        body: JSON.stringify({ scriptId: '00000000-0000-4000-8000-000000000000' }),
      }),
  },
  // AG9, CV4: records.
  {
    name: 'a contact whose phone is no phone number',
    status: 400,
    message: /mobilePhone "12" is not a phone number/,
    run: () =>
      raw('POST', '/api/contacts', { token: agentToken, body: JSON.stringify({ name: 'Eve', mobilePhone: '12' }) }),
  },
  {
    name: 'a case for an unknown contact',
    status: 404,
    message: /contact 00000000-0000-4000-8000-000000000000 not found/,
    run: () =>
      raw('POST', '/api/cases', {
        token: agentToken,
        body: JSON.stringify({ title: 'Broken', contactId: '00000000-0000-4000-8000-000000000000' }),
      }),
  },
  {
    name: 'a link to an unknown case',
    status: 404,
    message: /case 00000000-0000-4000-8000-000000000000 not found/,
    run: () =>
      raw('PUT', `/api/conversations/${chat.id}/links/case`, {
        token: supervisorToken,
        body: JSON.stringify({ caseId: '00000000-0000-4000-8000-000000000000' }),
      }),
  },
  {
    name: 'a timeline filtered by an unknown kind',
    status: 400,
    message: /kinds is a comma-separated list/,
    run: () =>
      raw('GET', '/api/contacts/00000000-0000-4000-8000-000000000000/timeline?kinds=emails', { token: agentToken }),
  },
  {
    name: 'a records import by an agent',
    status: 403,
    message: /Only admins/,
    run: () =>
      raw('POST', '/api/admin/records/import', {
        token: agentToken,
        body: JSON.stringify({ kind: 'contacts', csv: 'name\nA\n' }),
      }),
  },
];

describe('bad input gets a clear 4xx and changes nothing', () => {
  for (const c of cases) {
    it(`refuses ${c.name}`, async () => {
      const before = await snapshot();
      const res = await c.run();
      expect(res.status).toBe(c.status);
      expect(res.body).toMatchObject({ statusCode: c.status, error: expect.any(String) });
      expect(res.body.message).toMatch(c.message);
      expect(await snapshot()).toBe(before);
    });
  }
});
