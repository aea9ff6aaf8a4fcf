import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { chromiumPath } from './support/chromium.js';
import { serverAndBrowser, shots, signInAt } from './support/suite.js';

const timeout = { timeout: 15_000 };

// Skipped only when no Chromium is installed outside CI (support/chromium.ts says so, and fails in CI).
describe.skipIf(!chromiumPath)('the whole path in Chromium: widget, routing, agent workspace, restarts', () => {
  const suite = serverAndBrowser({ OFFER_TIMEOUT_SECONDS: '60' });
  const contexts: BrowserContext[] = [];

  async function newPage(): Promise<Page> {
    const ctx = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
    contexts.push(ctx);
    return ctx.newPage();
  }

  async function signIn(page: Page, email: string) {
    await signInAt(page, `${suite.server.url}/agent/`, email);
    await page.getByTestId('presence-select').waitFor(timeout);
  }

  const frameOf = (page: Page): FrameLocator => page.frameLocator('[data-testid=widget-frame]');
  const messages = (scope: Page | FrameLocator, testId: string) => scope.getByTestId(testId);

  it('a customer chats, one agent rejects, another answers, through a reload and browser and server crashes', async () => {
    // 1. The server was started like `npm start`: it printed its URLs and the demo logins.
    expect(suite.server.output).toContain('/demo/');
    expect(suite.server.output).toContain('bob@contoso.example');

    // Two agents of the Support queue sign in and become available.
    const bob = await newPage();
    const alice = await newPage();
    await signIn(bob, 'bob@contoso.example');
    await signIn(alice, 'alice@contoso.example');
    await bob.getByTestId('presence-select').selectOption('available');
    await alice.getByTestId('presence-select').selectOption('available');

    // 2. The customer opens the demo page; the widget comes from one script tag.
    const customer = await newPage();
    await customer.goto(`${suite.server.url}/demo/`);
    await customer.getByTestId('widget-launcher').click();
    const widget = frameOf(customer);
    await widget.getByTestId('prechat-name').fill('Eve Example');
    await widget.getByTestId('prechat-email').fill('eve@example.com');
    await widget.getByTestId('prechat-question').fill('My router keeps dropping the connection');
    await widget.getByTestId('prechat-submit').click();
    await expect.poll(() => widget.getByTestId('chat-status').getAttribute('data-status'), timeout).toBe('waiting');

    // 3. One agent gets the alert with name, first message and wait time; they reject it, the other gets it.
    const first = await Promise.race([
      bob
        .locator('[data-testid=notification][data-subject=offer]')
        .waitFor(timeout)
        .then(() => bob),
      alice
        .locator('[data-testid=notification][data-subject=offer]')
        .waitFor(timeout)
        .then(() => alice),
    ]);
    const agent = first === bob ? alice : bob;
    await expect.poll(() => first.getByTestId('notification-customerName').textContent()).toContain('Eve Example');
    expect(await first.getByTestId('notification-firstMessage').textContent()).toContain(
      'My router keeps dropping the connection',
    );
    await first.getByTestId('notification-waitTime').waitFor();
    await first.getByTestId('notification-countdown').waitFor();
    await first.getByTestId('notification-reject').click();
    await first.locator('[data-testid=notification][data-subject=offer]').waitFor({ state: 'detached', ...timeout });

    await agent.locator('[data-testid=notification][data-subject=offer]').waitFor(timeout);
    expect(await agent.getByTestId('notification-customerName').textContent()).toContain('Eve Example');
    await agent.getByTestId('notification-accept').click();
    const panel = agent.getByTestId('conversation-panel');
    await panel.waitFor(timeout);
    await expect.poll(() => widget.getByTestId('chat-status').getAttribute('data-status'), timeout).toBe('connected');

    // 4. Live messages and typing both ways; an internal note never reaches the customer.
    await widget.getByTestId('chat-input').pressSequentially('Hello, anyone there?', { delay: 20 });
    await agent.getByTestId('typing-indicator').waitFor(timeout);
    await widget.getByTestId('chat-send').click();
    await agent.getByTestId('message').filter({ hasText: 'Hello, anyone there?' }).waitFor(timeout);

    await agent.getByTestId('composer-input').pressSequentially('Hi Eve, I am looking at it now.', { delay: 20 });
    await widget.getByTestId('chat-typing').waitFor(timeout);
    await agent.getByTestId('composer-send').click();
    await widget.getByTestId('chat-message').filter({ hasText: 'I am looking at it now' }).waitFor(timeout);

    await agent.getByTestId('composer-note-toggle').check();
    await agent.getByTestId('composer-input').fill('Customer on fibre plan, check line 4');
    await agent.getByTestId('composer-send').click();
    await agent.locator('[data-testid=message][data-kind=note]').filter({ hasText: 'check line 4' }).waitFor(timeout);
    await agent.getByTestId('composer-note-toggle').uncheck();

    // CH1: the customer moves to the second page mid-chat: same conversation, same history.
    await customer.locator('a[href="page2.html"]').first().click();
    await customer.waitForURL(/page2/);
    const widget2 = frameOf(customer);
    await widget2.getByTestId('chat-message').filter({ hasText: 'I am looking at it now' }).waitFor(timeout);
    expect(await messages(widget2, 'chat-messages').textContent()).toContain('Hello, anyone there?');
    expect(await messages(widget2, 'chat-messages').textContent()).not.toContain('check line 4');

    // 5a. The agent reloads: the session comes back by itself (no click), open on the same
    // conversation, with its full history (CV5).
    const openId = await panel.getAttribute('data-conversation-id');
    expect(openId).toBeTruthy();
    await agent.reload();
    const restored = agent.locator(`[data-testid=conversation-panel][data-conversation-id="${openId}"]`);
    await restored.waitFor(timeout);
    await restored.getByTestId('message').filter({ hasText: 'check line 4' }).waitFor(timeout);
    expect(await restored.textContent()).toContain('Hello, anyone there?');
    expect(await agent.getByTestId('conversation-panel').count()).toBe(1);

    // 5b. The agent's browser crashes: a fresh browser context (no storage) finds the work again.
    const agentEmail = agent === bob ? 'bob@contoso.example' : 'alice@contoso.example';
    await agent.context().close();
    const agentAgain = await newPage();
    await signIn(agentAgain, agentEmail);
    await agentAgain.getByTestId('ongoing-item').first().click(timeout);
    await agentAgain.getByTestId('message').filter({ hasText: 'I am looking at it now' }).waitFor(timeout);

    // 5c. The server crashes mid-conversation. What both sides send meanwhile is kept and delivered.
    await suite.server.kill('SIGKILL');
    await expect
      .poll(() => agentAgain.getByTestId('connection-status').getAttribute('data-status'), timeout)
      .toBe('reconnecting');
    await widget2.getByTestId('chat-input').fill('Sent while you were away');
    await widget2.getByTestId('chat-send').click();
    await agentAgain.getByTestId('composer-input').fill('Still here after the outage');
    await agentAgain.getByTestId('composer-send').click();
    await suite.server.start();
    await expect
      .poll(() => agentAgain.getByTestId('connection-status').getAttribute('data-status'), { timeout: 30_000 })
      .toBe('online');
    await agentAgain
      .getByTestId('message')
      .filter({ hasText: 'Sent while you were away' })
      .waitFor({ timeout: 30_000 });
    await widget2
      .getByTestId('chat-message')
      .filter({ hasText: 'Still here after the outage' })
      .waitFor({ timeout: 30_000 });
    await expect.poll(() => agentAgain.locator('[data-pending=true]').count(), timeout).toBe(0);
    await expect.poll(() => widget2.locator('[data-pending=true]').count(), timeout).toBe(0);
    // And it went live again: a new message arrives without a reload.
    await widget2.getByTestId('chat-input').fill('Great, thanks!');
    await widget2.getByTestId('chat-send').click();
    await agentAgain.getByTestId('message').filter({ hasText: 'Great, thanks!' }).waitFor(timeout);

    await customer.screenshot({ path: path.join(shots, 'widget.png') });
    await agentAgain.screenshot({ path: path.join(shots, 'agent-workspace.png') });

    // 4 (end). The agent ends (wrap-up) and closes the conversation.
    await agentAgain.getByTestId('end-conversation').click();
    await expect
      .poll(() => agentAgain.getByTestId('conversation-panel').getAttribute('data-state'), timeout)
      .toBe('wrap-up');
    await expect.poll(() => widget2.getByTestId('chat-status').getAttribute('data-status'), timeout).toBe('ended');
    await agentAgain.getByTestId('close-conversation').click();
    await expect.poll(() => agentAgain.getByTestId('ongoing-item').count(), timeout).toBe(0);
    await agentAgain.getByTestId('closed-list').getByText('Eve Example').first().waitFor(timeout);
  });
});
