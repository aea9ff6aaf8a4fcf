/**
 * Transfer (AG5) in Chromium against a server started like `npm start`: Alice has two chats of the
 * Support queue; she hands the first to Bob with a note, Bob sees who asks and why, accepts, and
 * becomes its agent (the customer reads his answer) while Alice stays as a consultant until she
 * leaves; Bob
 * rejects the second, which stays with Alice, who reads so in its history. Screenshots of the
 * dialog and the alert go to docs/screenshots/.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import { chromiumPath } from './support/chromium.js';
import { serverAndBrowser, shots, signInAt } from './support/suite.js';

const timeout = { timeout: 15_000 };

describe.skipIf(!chromiumPath)('transfer in Chromium', () => {
  const suite = serverAndBrowser();

  async function newPage(): Promise<Page> {
    const ctx = await suite.browser.newContext({ viewport: { width: 1440, height: 900 } });
    return ctx.newPage();
  }

  async function availableAgent(email: string): Promise<Page> {
    const page = await newPage();
    await signInAt(page, `${suite.server.url}/agent/`, email);
    await page.getByTestId('presence-select').waitFor(timeout);
    await page.getByTestId('presence-select').selectOption('available');
    return page;
  }

  /** A customer of the demo shop starts a chat in its widget (no buying words: the Support queue). */
  async function customerChat(name: string, question: string): Promise<FrameLocator> {
    const page = await newPage();
    await page.goto(`${suite.server.url}/demo/`);
    await page.getByTestId('widget-launcher').click();
    const widget = page.frameLocator('[data-testid=widget-frame]');
    await widget.getByTestId('prechat-name').fill(name);
    await widget.getByTestId('prechat-email').fill(`${name.split(' ')[0]!.toLowerCase()}@customer.example`);
    await widget.getByTestId('prechat-question').fill(question);
    await widget.getByTestId('prechat-submit').click();
    await expect.poll(() => widget.getByTestId('chat-status').getAttribute('data-status'), timeout).toBe('waiting');
    return widget;
  }

  /** `agent` accepts the offer of `customer`'s chat; answers the conversation's id. */
  async function accept(agent: Page, customer: string): Promise<string> {
    await agent.locator('[data-testid=notification][data-subject=offer]').waitFor(timeout);
    expect(await agent.getByTestId('notification-customerName').textContent()).toContain(customer);
    const id = (await agent
      .locator('[data-testid=notification][data-subject=offer]')
      .getAttribute('data-conversation-id'))!;
    await agent.getByTestId('notification-accept').click();
    await agent.locator(`[data-testid=conversation-panel][data-conversation-id="${id}"]`).waitFor(timeout);
    return id;
  }

  const tab = (page: Page, id: string) => page.locator(`[data-testid=session-tab][data-conversation-id="${id}"]`);
  const ongoing = (page: Page, id: string) => page.locator(`[data-testid=ongoing-item][data-conversation-id="${id}"]`);
  const toast = (page: Page, text: string) => page.getByTestId('toast').filter({ hasText: text }).last();
  const panel = (page: Page, id: string) =>
    page.locator(`[data-testid=conversation-panel][data-conversation-id="${id}"]`);

  /** In `id`'s open session, `from` asks `to` to take it over, with `note`. */
  async function askTransfer(from: Page, id: string, to: string, note: string, screenshot?: string) {
    await tab(from, id).click();
    await panel(from, id).getByTestId('transfer-button').click();
    const dialog = from.getByTestId('transfer-dialog');
    await dialog.waitFor(timeout);
    const row = dialog.getByTestId('transfer-agent').filter({ hasText: to });
    await expect.poll(() => row.getAttribute('data-available'), timeout).toBe('true');
    await row.getByRole('radio').check();
    await dialog.getByTestId('transfer-note').fill(note);
    const submit = dialog.getByTestId('transfer-submit');
    await expect.poll(() => submit.isEnabled(), timeout).toBe(true);
    if (screenshot) {
      await from.waitForTimeout(500); // Fluent's focus and hover transitions settle first
      await from.screenshot({ path: path.join(shots, screenshot) });
    }
    await submit.click();
    await dialog.waitFor({ state: 'detached', ...timeout });
    await toast(from, `Transfer to ${to} asked; waiting for the answer`).waitFor(timeout);
    await panel(from, id).locator('[data-testid=transfer-line][data-step=requested]').last().waitFor(timeout);
    expect(await panel(from, id).getByTestId('transfer-button').isDisabled()).toBe(true);
  }

  it('Alice hands a chat to Bob, who accepts; a second one Bob rejects stays with Alice', async () => {
    // Alice alone is available: both chats reach her.
    const alice = await availableAgent('alice@contoso.example');
    const eve = await customerChat('Eve Example', 'My invoice shows the wrong address');
    const eveId = await accept(alice, 'Eve Example');
    await customerChat('Finn Fisher', 'The router blinks red since this morning');
    const finnId = await accept(alice, 'Finn Fisher');
    await ongoing(alice, eveId).waitFor(timeout);

    const bob = await availableAgent('bob@contoso.example');
    await askTransfer(alice, eveId, 'Bob de Vries', 'Billing question, you know this one', 'agent-transfer-dialog.png');

    // Bob sees who the customer is, who asks and why, and accepts.
    const alert = bob.locator('[data-testid=notification][data-subject=transfer]');
    await alert.waitFor(timeout);
    expect(await alert.getAttribute('data-conversation-id')).toBe(eveId);
    expect(await bob.getByTestId('notification-customerName').textContent()).toBe('Eve Example');
    expect(await bob.getByTestId('notification-from').textContent()).toBe('Alice Martin');
    expect(await bob.getByTestId('notification-note').textContent()).toBe('Billing question, you know this one');
    expect(await alert.textContent()).toContain('My invoice shows the wrong address');
    await bob.screenshot({ path: path.join(shots, 'agent-transfer-alert.png') });
    await bob.getByTestId('notification-accept').click();
    await alert.waitFor({ state: 'detached', ...timeout });

    // Bob's workspace has it, open, with its history.
    const bobs = panel(bob, eveId);
    await bobs.waitFor(timeout);
    await ongoing(bob, eveId).waitFor(timeout);
    await bobs.locator('[data-testid=transfer-line][data-step=accepted]').waitFor(timeout);
    expect(await bobs.getByTestId('transfer-line').first().textContent()).toBe(
      'Transfer to Bob de Vries asked: Billing question, you know this one',
    );
    await toast(alice, 'Bob de Vries accepted the transfer of Eve Example').waitFor(timeout);
    // Alice stays as a consultant, notes only, until she leaves; then it is gone from her workspace.
    const alices = panel(alice, eveId);
    await expect
      .poll(() => alices.getByTestId('consult-banner').getAttribute('data-may-message-customer'), timeout)
      .toBe('false');
    await alices.getByTestId('consult-leave').click();
    await expect.poll(() => tab(alice, eveId).count(), timeout).toBe(0);
    await expect.poll(() => ongoing(alice, eveId).count(), timeout).toBe(0);
    expect(await ongoing(alice, finnId).count()).toBe(1);
    // The customer is answered by Bob now.
    await bobs.getByTestId('composer-input').fill('Hi Eve, Bob here. I am correcting the address.');
    await bobs.getByTestId('composer-send').click();
    await eve.getByTestId('chat-message').filter({ hasText: 'Bob here' }).waitFor(timeout);

    // The second one: Bob rejects, it stays with Alice, who reads so in its history.
    await askTransfer(alice, finnId, 'Bob de Vries', 'Can you take this one too?');
    await bob.locator('[data-testid=notification][data-subject=transfer]').waitFor(timeout);
    expect(await bob.getByTestId('notification-customerName').textContent()).toBe('Finn Fisher');
    await bob.getByTestId('notification-reject').click();
    await bob.locator('[data-testid=notification][data-subject=transfer]').waitFor({ state: 'detached', ...timeout });
    const finn = panel(alice, finnId);
    await finn.locator('[data-testid=transfer-line][data-step=rejected]').waitFor(timeout);
    expect(await finn.locator('[data-testid=transfer-line][data-step=rejected]').textContent()).toBe(
      'Bob de Vries rejected the transfer',
    );
    expect(await finn.getByTestId('transfer-button').isDisabled()).toBe(false);
    expect(await ongoing(alice, finnId).count()).toBe(1);
    expect(await ongoing(bob, finnId).count()).toBe(0);
  });
});
