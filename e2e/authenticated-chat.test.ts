/**
 * Authenticated chat (CH1, CH5) in Chromium against a server started like `npm start`. The demo's
 * signed-in page plays a shop whose server signs a JWT for its customer (CUST-1001, Emma Janssen);
 * the page gives it with `Switchboard.setAuthTokenProvider`. The agent who accepts sees Emma,
 * identified by the token, and "Authenticated: Yes". With an expired token no chat starts: the
 * widget says why and the page hears an error event.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath } from './support/chromium.js';
import { serverAndBrowser, shots, signInAt } from './support/suite.js';

const timeout = { timeout: 15_000 };

async function fillPrechat(customer: Page, question: string) {
  await customer.getByTestId('widget-launcher').click();
  const widget = customer.frameLocator('[data-testid=widget-frame]');
  await widget.getByTestId('prechat-name').fill('Emma');
  await widget.getByTestId('prechat-email').fill('emma.private@example.com');
  await widget.getByTestId('prechat-question').fill(question);
  await widget.getByTestId('prechat-submit').click();
  return widget;
}

describe.skipIf(!chromiumPath)('authenticated chat in Chromium', () => {
  const suite = serverAndBrowser();
  const viewport = { width: 1600, height: 1000 };

  it('a signed-in customer starts a chat; the agent sees them identified and authenticated', async () => {
    const agent = await (await suite.browser.newContext({ viewport })).newPage();
    await signInAt(agent, `${suite.server.url}/agent/`, 'alice@contoso.example');
    await agent.getByTestId('presence-select').waitFor(timeout);
    await agent.getByTestId('presence-select').selectOption('available');

    const customer = await (await suite.browser.newContext({ viewport: { width: 1000, height: 800 } })).newPage();
    await customer.goto(`${suite.server.url}/demo/signed-in.html?sub=CUST-1001`);
    await customer.waitForFunction(() => 'Switchboard' in window);
    const widget = await fillPrechat(customer, 'Where is my order?');
    await expect.poll(() => widget.getByTestId('chat-status').getAttribute('data-status'), timeout).toBe('waiting');
    expect(await customer.getByTestId('sign-in-error').isHidden()).toBe(true);

    // The token's sub named Emma Janssen: the agent sees her, not what the form said.
    const offer = agent.locator('[data-testid=notification][data-subject=offer]').filter({ hasText: 'Emma Janssen' });
    await offer.waitFor(timeout);
    const id = (await offer.getAttribute('data-conversation-id'))!;
    await offer.getByTestId('notification-accept').click();
    const summary = agent.locator(`[data-testid=customer-summary][data-conversation-id="${id}"]`);
    await summary.waitFor(timeout);
    await expect.poll(() => summary.getByTestId('profile-name').textContent(), timeout).toBe('Emma Janssen');
    await summary.getByTestId('subtab-visitor').click();
    const authenticated = summary.getByTestId('subpanel-visitor').locator('[data-field=authenticated]');
    await expect.poll(() => authenticated.textContent(), timeout).toBe('Yes');
    await agent.screenshot({ path: path.join(shots, 'agent-authenticated-chat.png') });
  });

  it('an expired token starts nothing: the widget says why and the page hears an error event', async () => {
    const customer = await (await suite.browser.newContext({ viewport: { width: 1000, height: 800 } })).newPage();
    await customer.goto(`${suite.server.url}/demo/signed-in.html?token=expired`);
    await customer.waitForFunction(() => 'Switchboard' in window);
    const widget = await fillPrechat(customer, 'Is my sofa on its way?');
    await expect.poll(() => widget.getByTestId('prechat-error').textContent(), timeout).toMatch(/expired/);
    const pageError = customer.getByTestId('sign-in-error');
    await pageError.waitFor(timeout);
    expect(await pageError.textContent()).toMatch(/auth-token-invalid.*expired/);
    // Still the form: no chat was started.
    expect(await widget.getByTestId('prechat-submit').isVisible()).toBe(true);
    await customer.screenshot({ path: path.join(shots, 'widget-sign-in-refused.png') });
  });
});
