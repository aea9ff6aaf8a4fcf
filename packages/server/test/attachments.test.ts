import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationEvent } from '@switchboard/protocol';
import { saveAttachmentSettings } from '../src/store/attachments.js';
import { UNSENT_KEPT_MS } from '../src/services/attachments.js';
import { attachments, conversations } from '../src/store/schema.js';
import type { Database } from '../src/store/db.js';
import { handoffFixture } from './support/handoff-fixture.js';
import {
  clientId,
  connectSocket,
  eventually,
  openTestDatabase,
  startServer,
  type serverForFile,
  type TestServer,
} from './support/harness.js';
import { s3Env, startS3StandIn, type S3StandIn } from './support/s3-stand-in.js';

// Attachments both ways (AG4): uploads checked against the organisation's limits and the bytes, kept
// in the data folder or S3, sent with a message, read back with the reader's own credentials.
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

type Env = { server: TestServer; db: Database; s3?: S3StandIn };

/** One server per store, on a database of its own; the handoff fixture's chats run on it. */
function onStore(store: 'disk' | 's3') {
  const env = {} as Env;
  const sockets: ReturnType<typeof connectSocket>[] = [];
  beforeAll(async () => {
    env.db = await openTestDatabase();
    env.s3 = store === 's3' ? await startS3StandIn() : undefined;
    env.server = await startServer({ database: env.db, env: env.s3 ? s3Env(env.s3) : {} });
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await env.server?.close();
    await env.s3?.close();
    await env.db?.close();
  });
  const t = {
    get db() {
      return env.db;
    },
    get server() {
      return env.server;
    },
    socket(token: string) {
      const s = connectSocket(env.server.url, token);
      sockets.push(s);
      return s;
    },
  } as ReturnType<typeof serverForFile>;
  return { env, ...handoffFixture(t) };
}

/** A raw upload as the apps send it: the file as the body, its type as Content-Type. */
async function upload(
  server: TestServer,
  path: string,
  token: string,
  file: { data: Buffer; type?: string; name?: string },
) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (file.type) headers['content-type'] = file.type;
  const res = await fetch(`${server.url}${path}?name=${encodeURIComponent(file.name ?? 'file')}`, {
    method: 'POST',
    headers,
    body: new Uint8Array(file.data),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { message?: string } };
}

async function download(server: TestServer, path: string, token: string) {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { res, data: Buffer.from(await res.arrayBuffer()) };
}

const tokenOf = async (server: TestServer, email: string) =>
  (await server.api().call('login', { body: { email, password: 'correct horse battery' } })).token;

for (const store of ['disk', 's3'] as const) {
  describe(`attachments on the ${store} store`, () => {
    const { env, acceptedChat } = onStore(store);
    const count = async (conversationId: string) =>
      (await env.db.db.select().from(attachments).where(eq(attachments.conversationId, conversationId))).length;

    it('an image from the agent reaches the visitor, and a pdf from the visitor reaches the agent', async () => {
      const { org, id, ann, visitor, visitorToken } = await acceptedChat();
      const annToken = await tokenOf(env.server, org.user('ann').email);
      const up = await upload(env.server, `/api/conversations/${id}/attachments`, annToken, {
        data: PNG,
        type: 'image/png',
        name: '../dot.png',
      });
      expect(up).toMatchObject({ status: 200, body: { name: 'dot.png', contentType: 'image/png', size: PNG.length } });
      const fileId = up.body.id as string;
      // Not sent yet: the visitor cannot read it.
      expect(
        (await download(env.server, `/api/widget/conversations/${id}/attachments/${fileId}`, visitorToken)).res.status,
      ).toBe(404);
      const sent = await ann.api.call('sendMessage', {
        params: { id },
        body: { clientMessageId: clientId(), text: '', attachmentIds: [fileId] },
      });
      const ref = { id: fileId, name: 'dot.png', contentType: 'image/png', size: PNG.length };
      expect(sent).toMatchObject({ type: 'message', message: { text: '', attachments: [ref] } });

      const seen = await visitor.call('visitorConversation', { params: { id } });
      const message = seen.events.find((e) => e.type === 'message' && e.message.attachments?.length);
      expect(message).toMatchObject({ message: { attachments: [ref] } });
      const got = await download(env.server, `/api/widget/conversations/${id}/attachments/${fileId}`, visitorToken);
      expect(got.res.status).toBe(200);
      expect(got.data.equals(PNG)).toBe(true);
      expect(
        Object.fromEntries(
          ['content-type', 'x-content-type-options', 'content-disposition'].map((h) => [h, got.res.headers.get(h)]),
        ),
      ).toEqual({
        'content-type': 'image/png',
        'x-content-type-options': 'nosniff',
        'content-disposition': `inline; filename="dot.png"; filename*=UTF-8''dot.png`,
      });

      // The visitor sends a pdf with a line of text; the agent hears it on the socket and reads the file.
      const pdf = await upload(env.server, `/api/widget/conversations/${id}/attachments`, visitorToken, {
        data: PDF,
        type: 'application/pdf',
        name: 'invoice 42.pdf',
      });
      expect(pdf.status).toBe(200);
      await visitor.call('visitorSend', {
        params: { id },
        body: { clientMessageId: clientId(), text: 'Here it is', attachmentIds: [pdf.body.id as string] },
      });
      const heard = await eventually(() =>
        ann.socket
          .of<ConversationEvent>('conversation:event')
          .find((e) => e.type === 'message' && e.message.text === 'Here it is'),
      );
      expect(heard).toMatchObject({ message: { attachments: [{ id: pdf.body.id, name: 'invoice 42.pdf' }] } });
      const file = await download(env.server, `/api/attachments/${pdf.body.id as string}`, annToken);
      expect(file.data.equals(PDF)).toBe(true);
      expect(file.res.headers.get('content-disposition')).toMatch(/^attachment; filename="invoice 42.pdf"/);
      if (env.s3)
        expect([...env.s3.objects.keys()]).toEqual(
          expect.arrayContaining([`attachments/${org.orgId}/${id}/${fileId}`]),
        );
    });

    it('refuses a file over the limit (413, limit named), a forbidden type, lying bytes; nothing kept', async () => {
      const { org, id, visitorToken } = await acceptedChat();
      await saveAttachmentSettings(env.db.db, org.orgId, { maxBytes: 2048, types: ['image/png'] });
      const path = `/api/widget/conversations/${id}/attachments`;
      const big = await upload(env.server, path, visitorToken, { data: Buffer.alloc(4096, 65), type: 'image/png' });
      expect(big).toMatchObject({ status: 413, body: { error: 'Payload Too Large' } });
      expect(big.body.message).toContain('up to 2 KiB (2048 bytes)');
      const pdf = await upload(env.server, path, visitorToken, { data: PDF, type: 'application/pdf' });
      expect(pdf).toMatchObject({ status: 415, body: { message: expect.stringContaining('allowed: image/png') } });
      const lie = await upload(env.server, path, visitorToken, { data: Buffer.from('not a png'), type: 'image/png' });
      expect(lie).toMatchObject({ status: 415, body: { message: expect.stringContaining('bytes are text/plain') } });
      const none = await upload(env.server, path, visitorToken, { data: PNG });
      expect(none.status).toBe(415);
      expect(await count(id)).toBe(0);
      if (env.s3) expect([...env.s3.objects.keys()].filter((k) => k.includes(id))).toEqual([]);
    });

    it("is refused for another organisation's or another visitor's conversation, and on SMS", async () => {
      const mine = await acceptedChat();
      const theirs = await acceptedChat();
      const annToken = await tokenOf(env.server, mine.org.user('ann').email);
      const file = { data: PNG, type: 'image/png' };
      const other = await upload(env.server, `/api/conversations/${theirs.id}/attachments`, annToken, file);
      expect(other).toMatchObject({ status: 404, body: { message: 'conversation not found' } });
      const visitorElsewhere = await upload(
        env.server,
        `/api/widget/conversations/${theirs.id}/attachments`,
        mine.visitorToken,
        file,
      );
      expect(visitorElsewhere.status).toBe(403);

      const theirFile = await upload(
        env.server,
        `/api/widget/conversations/${theirs.id}/attachments`,
        theirs.visitorToken,
        file,
      );
      expect(theirFile.status).toBe(200);
      const theirId = theirFile.body.id as string;
      expect((await download(env.server, `/api/attachments/${theirId}`, annToken)).res.status).toBe(404);
      expect(
        (await download(env.server, `/api/widget/conversations/${mine.id}/attachments/${theirId}`, mine.visitorToken))
          .res.status,
      ).toBe(404);
      // Someone else's upload cannot be sent in my message either.
      await expect(
        mine.visitor.call('visitorSend', {
          params: { id: mine.id },
          body: { clientMessageId: clientId(), text: 'mine now', attachmentIds: [theirId] },
        }),
      ).rejects.toMatchObject({
        status: 404,
        body: { message: expect.stringContaining(`attachment ${theirId} not found`) },
      });

      await env.db.db.update(conversations).set({ channel: 'sms' }).where(eq(conversations.id, mine.id));
      const sms = await upload(env.server, `/api/conversations/${mine.id}/attachments`, annToken, file);
      expect(sms).toMatchObject({ status: 400, body: { message: expect.stringContaining('SMS carries no files') } });
      expect(await count(mine.id)).toBe(0);
    });

    it('sends a file once, by its uploader, never in an internal note', async () => {
      const { org, id, ann } = await acceptedChat();
      const annToken = await tokenOf(env.server, org.user('ann').email);
      const up = await upload(env.server, `/api/conversations/${id}/attachments`, annToken, {
        data: PNG,
        type: 'image/png',
      });
      const fileId = up.body.id as string;
      await expect(
        ann.api.call('sendMessage', {
          params: { id },
          body: { clientMessageId: clientId(), text: 'n', internal: true, attachmentIds: [fileId] },
        }),
      ).rejects.toMatchObject({
        status: 400,
        body: { message: expect.stringContaining('internal notes carry no files') },
      });
      await ann.api.call('sendMessage', {
        params: { id },
        body: { clientMessageId: clientId(), text: 'a', attachmentIds: [fileId] },
      });
      await expect(
        ann.api.call('sendMessage', {
          params: { id },
          body: { clientMessageId: clientId(), text: 'b', attachmentIds: [fileId] },
        }),
      ).rejects.toMatchObject({ status: 404 });
    });
  });
}

describe('uploads never sent', () => {
  const { env, acceptedChat } = onStore('disk');

  it('are deleted after a day, rows and bytes; a sent file stays', async () => {
    const { org, id, ann } = await acceptedChat();
    const token = await tokenOf(env.server, org.user('ann').email);
    const path = `/api/conversations/${id}/attachments`;
    const sent = (await upload(env.server, path, token, { data: PNG, type: 'image/png' })).body.id as string;
    const unsent = (await upload(env.server, path, token, { data: PDF, type: 'application/pdf' })).body.id as string;
    await ann.api.call('sendMessage', {
      params: { id },
      body: { clientMessageId: clientId(), text: 'x', attachmentIds: [sent] },
    });
    // The sweep deletes what was made before a cutoff: moved a day back here, as if a day had passed.
    await env.db.db
      .update(attachments)
      .set({ createdAt: new Date(Date.now() - UNSENT_KEPT_MS - 60_000) })
      .where(eq(attachments.conversationId, id));
    expect(await env.server.app.attachments.sweepUnsent()).toBeGreaterThanOrEqual(1);
    const left = await env.db.db
      .select({ id: attachments.id })
      .from(attachments)
      .where(eq(attachments.conversationId, id));
    expect(left.map((r) => r.id)).toEqual([sent]);
    expect((await download(env.server, `/api/attachments/${unsent}`, token)).res.status).toBe(404);
    expect((await download(env.server, `/api/attachments/${sent}`, token)).data.equals(PNG)).toBe(true);
  });
});

describe('attachments on an S3 that refuses our signature', () => {
  let s3: S3StandIn;
  let db: Database;
  let server: TestServer;
  beforeAll(async () => {
    db = await openTestDatabase();
    s3 = await startS3StandIn();
    server = await startServer({ database: db, env: s3Env(s3, 'not-the-secret-the-bucket-knows-000000000') });
  });
  afterAll(async () => {
    await server?.close();
    await s3?.close();
    await db?.close();
  });

  it('checks SigV4 as S3 does: a wrong secret is SignatureDoesNotMatch, and the upload keeps no row', async () => {
    const t = {
      db,
      server,
      socket: (token: string) => connectSocket(server.url, token),
    } as unknown as ReturnType<typeof serverForFile>;
    const { org, id, ann } = await handoffFixture(t).acceptedChat();
    const token = await tokenOf(server, org.user('ann').email);
    const res = await upload(server, `/api/conversations/${id}/attachments`, token, { data: PNG, type: 'image/png' });
    expect(res.status).toBe(500);
    expect(s3.refused).toEqual([
      { method: 'PUT', path: expect.stringContaining(`/${s3.bucket}/attachments/`), code: 'SignatureDoesNotMatch' },
    ]);
    expect(s3.objects.size).toBe(0);
    expect(await db.db.select().from(attachments).where(eq(attachments.conversationId, id))).toEqual([]);
    ann.socket.close();
  });
});

it("the stand-in answers an unsigned request with S3's XML error", async () => {
  const s3 = await startS3StandIn();
  const res = await fetch(`${s3.url}/${s3.bucket}/x`);
  expect(res.status).toBe(403);
  expect(await res.text()).toContain('<Code>AccessDenied</Code>');
  await s3.close();
});
