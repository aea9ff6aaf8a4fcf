import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/store/db.js';
import { connectSocket, openTestDatabase, startServer, type TestServer } from './support/harness.js';
import { buildOrg, PASSWORD, type BuiltOrg } from './support/org-builder.js';

// Security headers, CORS and socket origins (X3).

let db: Database;
let server: TestServer;
let org: BuiltOrg;
let adminToken: string;
let appsDir: string;
/** A widget that lists one site, and one that lists none (any site). */
let listed: string;
const SHOP = 'https://shop.example';
const EVIL = 'https://evil.example';

beforeAll(async () => {
  // Stand-ins for the built apps, so every app's policy can be read.
  appsDir = mkdtempSync(path.join(tmpdir(), 'sb-apps-'));
  for (const dir of ['agent/dist', 'admin/dist', 'supervisor/dist', 'widget/dist', 'widget/demo']) {
    mkdirSync(path.join(appsDir, dir), { recursive: true });
    writeFileSync(path.join(appsDir, dir, 'index.html'), '<!doctype html><title>app</title>');
  }
  writeFileSync(path.join(appsDir, 'widget/dist/loader.js'), 'void 0;');
  db = await openTestDatabase();
  server = await startServer({ database: db, env: { APPS_DIR: appsDir } });
  org = await buildOrg(db.db, { queues: ['Support'], users: [{ key: 'ann' }, { key: 'ada', role: 'admin' }] });
  adminToken = (await server.api().call('login', { body: { email: org.user('ada').email, password: PASSWORD } })).token;
  const [ws] = await server.api(adminToken).call('listWorkstreams');
  listed = (
    await server
      .api(adminToken)
      .call('createChatWidget', {
        body: { title: 'Shop', workstreamId: ws!.id, allowedSites: ['HTTPS://Shop.Example/'] },
      })
  ).id;
});
afterAll(async () => {
  await server.close();
  await db.close();
  rmSync(appsDir, { recursive: true, force: true });
});

const get = (p: string, headers: Record<string, string> = {}) => fetch(`${server.url}${p}`, { headers });
const cspOf = async (p: string) => {
  const res = await get(p);
  expect(res.status).toBe(200);
  return Object.fromEntries(
    res.headers
      .get('content-security-policy')!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k, v.join(' ')]),
  );
};

describe('content security policy per app', () => {
  it('the staff apps load scripts only from this server and are never framed', async () => {
    for (const app of ['/agent/', '/admin/', '/supervisor/', '/agent/conversations/x']) {
      const csp = await cspOf(app);
      expect(csp['script-src']).toBe("'self'");
      expect(csp['frame-ancestors']).toBe("'none'");
      expect(csp['connect-src']).toBe("'self'");
      expect(csp['object-src']).toBe("'none'");
    }
    expect((await get('/admin/')).headers.get('x-frame-options')).toBe('DENY');
    expect((await get('/supervisor/')).headers.get('x-frame-options')).toBe('DENY');
  });

  it('the API docs get what swagger-ui needs: its own scripts, inline styles, data: images', async () => {
    const csp = await cspOf('/docs/static/index.html');
    expect(csp['script-src']).toBe("'self'");
    expect(csp['style-src']).toBe("'self' 'unsafe-inline'");
    expect(csp['img-src']).toBe("'self' data: blob:");
    expect(csp['frame-ancestors']).toBe("'none'");
  });

  it('the demo may frame the widget: it is a page of this server', async () => {
    const csp = await cspOf('/demo/');
    expect(csp['frame-ancestors']).toBe("'self'");
    expect(csp['default-src']).toBe("'self'");
  });

  it("the widget's iframe may be framed by the sites its widget lists, by any site when it lists none", async () => {
    expect((await cspOf(`/widget/index.html?widgetId=${listed}&locale=en`))['frame-ancestors']).toBe(`'self' ${SHOP}`);
    expect((await cspOf(`/widget/?widgetId=${org.widgetId}`))['frame-ancestors']).toBe('*');
    expect((await cspOf('/widget/index.html?widgetId=no-such-widget'))['frame-ancestors']).toBe("'self'");
    expect((await cspOf('/widget/index.html?widgetId=%00'))['frame-ancestors']).toBe("'self'");
    const res = await get(`/widget/index.html?widgetId=${listed}`);
    expect(res.headers.get('x-frame-options')).toBeNull();
    // The loader is a script any page includes.
    expect((await get('/widget/loader.js')).headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('an admin changing the sites changes the policy at once', async () => {
    const [ws] = await server.api(adminToken).call('listWorkstreams');
    const w = await server
      .api(adminToken)
      .call('createChatWidget', { body: { title: 'Moving', workstreamId: ws!.id } });
    expect(w.allowedSites).toEqual([]);
    expect((await cspOf(`/widget/index.html?widgetId=${w.id}`))['frame-ancestors']).toBe('*');
    await server
      .api(adminToken)
      .call('updateChatWidget', {
        params: { widgetId: w.id },
        body: { title: 'Moving', workstreamId: ws!.id, allowedSites: [SHOP, 'http://localhost:8080'] },
      });
    expect((await cspOf(`/widget/index.html?widgetId=${w.id}`))['frame-ancestors']).toBe(
      `'self' ${SHOP} http://localhost:8080`,
    );
  });

  it('API answers are data: nothing loads, nothing frames them, nothing caches them', async () => {
    for (const res of [
      await get(`/api/widget/${org.widgetId}/config`),
      await get('/api/me'),
      await get('/api/nothing-here'),
    ]) {
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect((await get('/agent/')).headers.get('cache-control')).not.toBe('no-store');
  });
});

describe('CORS', () => {
  const preflight = (p: string, origin: string, method = 'POST') =>
    fetch(`${server.url}${p}`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': method,
        'access-control-request-headers': 'content-type,authorization',
      },
    });
  const startChat = (widgetId: string, origin?: string) =>
    fetch(`${server.url}/api/widget/${widgetId}/conversations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
      body: JSON.stringify({ prechat: { name: 'Eve', email: 'eve@customer.example', question: 'Hi' } }),
    });

  it('the staff API answers no other origin: no CORS headers on its preflight or its answers', async () => {
    const pre = await preflight('/api/auth/login', SHOP);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { origin: SHOP, 'content-type': 'application/json' },
      body: JSON.stringify({ email: org.user('ann').email, password: PASSWORD }),
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(
      (await get('/api/me', { origin: EVIL, authorization: `Bearer ${adminToken}` })).headers.get(
        'access-control-allow-origin',
      ),
    ).toBeNull();
  });

  it("a widget's allowed site may call its API; another site is refused and starts nothing", async () => {
    const pre = await preflight(`/api/widget/${listed}/conversations`, SHOP);
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(pre.headers.get('access-control-allow-headers')).toBe('content-type, authorization');
    const ok = await startChat(listed, SHOP);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(SHOP);

    expect(
      (await preflight(`/api/widget/${listed}/conversations`, EVIL)).headers.get('access-control-allow-origin'),
    ).toBeNull();
    const refused = await startChat(listed, EVIL);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(((await refused.json()) as { message: string }).message).toBe(
      `The site ${EVIL} may not use this chat widget: its admin can add it to the widget's allowed sites`,
    );
  });

  it('a widget that lists no site answers any site; no Origin and this server itself always pass', async () => {
    const any = await startChat(org.widgetId, EVIL);
    expect(any.status).toBe(200);
    expect(any.headers.get('access-control-allow-origin')).toBe(EVIL);
    expect((await startChat(listed)).status).toBe(200);
    expect((await startChat(listed, server.url)).status).toBe(200);
  });

  it("a visitor's conversation routes follow the widget the chat started on", async () => {
    const { token, conversation } = (await (await startChat(listed, SHOP)).json()) as {
      token: string;
      conversation: { id: string };
    };
    const at = `/api/widget/conversations/${conversation.id}`;
    expect((await preflight(`${at}/messages`, SHOP)).headers.get('access-control-allow-origin')).toBe(SHOP);
    const mine = await get(at, { origin: SHOP, authorization: `Bearer ${token}` });
    expect(mine.status).toBe(200);
    expect(mine.headers.get('access-control-allow-origin')).toBe(SHOP);
    const send = (origin: string, text: string) =>
      fetch(`${server.url}${at}/messages`, {
        method: 'POST',
        headers: { origin, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ clientMessageId: crypto.randomUUID(), text }),
      });
    const refused = await send(EVIL, 'from elsewhere');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect((await send(SHOP, 'from the shop')).status).toBe(200);
    const history = await server.api(token).call('visitorConversation', { params: { id: conversation.id } });
    expect(history.events.map((e) => (e.type === 'message' ? e.message.text : e.type))).toEqual([
      'Hi',
      'from the shop',
    ]);
  });
});

describe('socket origins', () => {
  const withOrigin = async (token: string, origin: string) => {
    const { io } = await import('socket.io-client');
    const socket = io(server.url, {
      path: '/socket.io',
      auth: { token },
      transports: ['websocket'],
      extraHeaders: { origin },
      reconnection: false,
    });
    try {
      return await new Promise<string>((resolve) => {
        socket.once('ready', () => resolve('ready'));
        socket.once('connect_error', (err) => resolve(err.message));
      });
    } finally {
      socket.close();
    }
  };

  it('staff sockets open from this server only; visitor sockets also from their widget’s sites', async () => {
    const agent = (await server.api().call('login', { body: { email: org.user('ann').email, password: PASSWORD } }))
      .token;
    expect(await withOrigin(agent, server.url)).toBe('ready');
    expect(await withOrigin(agent, SHOP)).toBe(`forbidden: a page of ${SHOP} may not open this socket`);
    const chat = await server
      .api()
      .call('startChat', {
        params: { widgetId: listed },
        body: { prechat: { name: 'Eve', email: 'eve@customer.example', question: 'Hi' } },
      });
    expect(await withOrigin(chat.token, SHOP)).toBe('ready');
    expect(await withOrigin(chat.token, EVIL)).toBe(`forbidden: a page of ${EVIL} may not open this socket`);
    const anySite = await server
      .api()
      .call('startChat', {
        params: { widgetId: org.widgetId },
        body: { prechat: { name: 'Eve', email: 'eve@customer.example', question: 'Hi' } },
      });
    expect(await withOrigin(anySite.token, EVIL)).toBe('ready');
    // No Origin at all (a server, a test): as before.
    const plain = connectSocket(server.url, agent);
    await plain.ready;
    plain.close();
  });
});
