/**
 * The widget's JavaScript API (CH1, docs/widget-api.md) in Chromium against a server started like
 * `npm start`: the demo page tracks a page and a search and starts the chat with customContext; an
 * agent accepts and the server has the journey; the minimised launcher counts the agent's messages;
 * a marked link carries the chat to a second origin (localhost beside 127.0.0.1), where it goes on.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath } from './support/chromium.js';
import { DEMO_PASSWORD, serverAndBrowser, shots, signInAt } from './support/suite.js';

const timeout = { timeout: 15_000 };

describe.skipIf(!chromiumPath)('the widget JavaScript API in Chromium', () => {
  const suite = serverAndBrowser();

  async function staffApi(email: string) {
    const base = suite.server.url;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    const { token } = (await login.json()) as { token: string };
    const call = async (method: string, url: string, body?: unknown) => {
      const res = await fetch(`${base}${url}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      expect(res.status, `${method} ${url}`).toBe(200);
      return res.json();
    };
    return call;
  }

  const eventLog = (page: Page) => page.getByTestId('demo-event-log');
  const conversationIdOf = async (page: Page) => {
    await expect.poll(() => eventLog(page).textContent(), timeout).toContain('chatStarted');
    return /chatStarted \{"conversationId":"([0-9a-f-]{36})"\}/.exec((await eventLog(page).textContent()) ?? '')![1]!;
  };

  it('tracks, starts with customContext, counts unread while minimised, carries the chat to another site', async () => {
    const agent = await (await suite.browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await signInAt(agent, `${suite.server.url}/agent/`, 'bob@contoso.example');
    await agent.getByTestId('presence-select').waitFor(timeout);
    await agent.getByTestId('presence-select').selectOption('available');

    const ctx = await suite.browser.newContext({ viewport: { width: 1200, height: 900 } });
    const customer = await ctx.newPage();
    await customer.goto(`${suite.server.url}/demo/`);
    await expect.poll(() => eventLog(customer).textContent(), timeout).toContain('ready');
    await customer.getByTestId('demo-query').fill('oak dining table');
    await customer.getByTestId('demo-track-search').click();
    await customer.getByTestId('demo-name').fill('Eve Example');
    await customer.getByTestId('demo-question').fill('Is the Linden table in stock?');
    await customer.getByTestId('demo-start-chat').click();
    const widget = customer.frameLocator('[data-testid=widget-frame]');
    // Every answer was in customContext: no form, the chat started at once.
    await expect.poll(() => widget.getByTestId('chat-status').getAttribute('data-status'), timeout).toBe('waiting');
    const id = await conversationIdOf(customer);

    await agent.locator('[data-testid=notification][data-subject=offer]').waitFor(timeout);
    await agent.getByTestId('notification-accept').click();
    await expect.poll(() => widget.getByTestId('chat-status').getAttribute('data-status'), timeout).toBe('connected');

    const bob = await staffApi('bob@contoso.example');
    const { actions } = (await bob('GET', `/api/conversations/${id}/journey`)) as {
      actions: { kind: string; name: string; detail: Record<string, unknown> }[];
    };
    expect(actions.map((a) => a.kind)).toEqual(['search', 'page-visited']);
    expect(actions[0]).toMatchObject({ name: 'oak dining table', detail: { resultsCount: 3 } });
    expect(actions[1]!.name).toContain('/demo/');
    const detail = (await bob('GET', `/api/conversations/${id}`)) as { context: Record<string, unknown> };
    expect(detail.context).toMatchObject({ plan: 'gold', name: 'Eve Example' });
    // During the chat a tracked action goes straight to it.
    await customer.getByTestId('demo-track-article').click();
    await expect
      .poll(
        async () => ((await bob('GET', `/api/conversations/${id}/journey`)) as { actions: unknown[] }).actions.length,
        timeout,
      )
      .toBe(3);

    // Minimised, the launcher counts the agent's messages; opening it clears the count.
    await customer.getByTestId('widget-launcher').click();
    await expect.poll(() => customer.getByTestId('widget-frame').getAttribute('data-open')).toBe('false');
    const say = (text: string) =>
      bob('POST', `/api/conversations/${id}/messages`, { clientMessageId: crypto.randomUUID(), text });
    await say('Hi Eve, yes: two left in stock.');
    const badge = customer.getByTestId('widget-unread');
    await expect.poll(() => badge.textContent(), timeout).toBe('1');
    await say('Shall I reserve one for you?');
    await expect.poll(() => badge.textContent(), timeout).toBe('2');
    await expect.poll(() => eventLog(customer).textContent(), timeout).toContain('"count":2');
    expect(await eventLog(customer).textContent()).toContain('messageReceived');
    await customer.screenshot({ path: path.join(shots, 'widget-unread-badge.png') });
    await customer.getByTestId('widget-launcher').click();
    await expect.poll(() => badge.isHidden(), timeout).toBe(true);
    // The "joined" line once, and the status line does not repeat it.
    expect(await widget.getByTestId('chat-messages').textContent()).toMatch(
      /^(?!.*joined the chat.*joined the chat).*$/s,
    );

    // A marked link to the second site (another origin, so another iframe storage) carries the chat.
    const carry = customer.getByTestId('demo-carry-link');
    expect(await carry.getAttribute('href')).toContain('//localhost:');
    await customer.getByTestId('widget-launcher').click(); // minimised: the panel covers the link
    await carry.click();
    await customer.waitForURL(/localhost:\d+\/demo\/site-b\.html/, timeout);
    const siteB = customer.frameLocator('[data-testid=widget-frame]');
    await customer.getByTestId('widget-launcher').click();
    await siteB.getByTestId('chat-message').filter({ hasText: 'Shall I reserve one' }).waitFor(timeout);
    // The token was taken out of the address, and it was one use.
    expect(customer.url()).not.toContain('sb-resume');
    await siteB.getByTestId('chat-input').fill('Yes please, reserve one.');
    await siteB.getByTestId('chat-send').click();
    await expect
      .poll(async () => {
        const c = (await bob('GET', `/api/conversations/${id}`)) as {
          events: { type: string; message?: { text: string } }[];
        };
        return c.events.some((e) => e.message?.text === 'Yes please, reserve one.');
      }, timeout)
      .toBe(true);
    await customer.screenshot({ path: path.join(shots, 'widget-carried-chat.png') });

    // A reused link is refused: the page hears an error event and starts nothing.
    const reused = await ctx.newPage();
    await reused.goto(`${suite.server.url.replace('127.0.0.1', 'localhost')}/demo/site-b.html#sb-resume=not-a-token`);
    await expect.poll(() => eventLog(reused).textContent(), timeout).toContain('resume-failed');
  });
});
