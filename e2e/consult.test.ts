/**
 * Consult (AG5) in Chromium against a server started like `npm start`: Alice accepts a chat and
 * asks Bob to consult with a note; Bob accepts and writes a note that Alice reads and the customer
 * never sees; Alice lets Bob write to the customer, whose widget shows his message; Bob leaves.
 * A screenshot of Alice's view (Bob's note, the permission switch) goes to docs/screenshots/.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FrameLocator, Page } from 'playwright-core';
import { chromiumPath } from './support/chromium.js';
import { serverAndBrowser, shots, signInAt } from './support/suite.js';

const timeout = { timeout: 15_000 };
const NOTE = 'Refund is fine up to 50 euros';
const REPLY = 'Hi Eve, Bob here: the refund is on its way.';

describe.skipIf(!chromiumPath)('consult in Chromium', () => {
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

  const panel = (page: Page, id: string) =>
    page.locator(`[data-testid=conversation-panel][data-conversation-id="${id}"]`);
  const tab = (page: Page, id: string) => page.locator(`[data-testid=session-tab][data-conversation-id="${id}"]`);
  const ongoing = (page: Page, id: string) => page.locator(`[data-testid=ongoing-item][data-conversation-id="${id}"]`);
  const toast = (page: Page, text: string) => page.getByTestId('toast').filter({ hasText: text }).last();
  const line = (page: Page, id: string, step: string) =>
    panel(page, id).locator(`[data-testid=consult-line][data-step="${step}"]`);

  it('Bob consults on Alice’s chat: notes first, then to the customer once allowed, then leaves', async () => {
    const alice = await availableAgent('alice@contoso.example');
    const eve = await customerChat('Eve Example', 'I was charged twice for my order');
    await alice.locator('[data-testid=notification][data-subject=offer]').waitFor(timeout);
    const id = (await alice
      .locator('[data-testid=notification][data-subject=offer]')
      .getAttribute('data-conversation-id'))!;
    await alice.getByTestId('notification-accept').click();
    const alices = panel(alice, id);
    await alices.waitFor(timeout);
    const bob = await availableAgent('bob@contoso.example');

    // Alice asks Bob, with a note.
    await alices.getByTestId('consult-button').click();
    const dialog = alice.getByTestId('consult-dialog');
    await dialog.waitFor(timeout);
    const row = dialog.getByTestId('consult-target').filter({ hasText: 'Bob de Vries' });
    await expect.poll(() => row.getAttribute('data-available'), timeout).toBe('true');
    expect(await dialog.getByTestId('consult-target').filter({ hasText: 'Sam Supervisor' }).count()).toBe(1);
    await row.getByRole('radio').check();
    await dialog.getByTestId('consult-note').fill('Can we refund the double charge?');
    await dialog.getByTestId('consult-submit').click();
    await dialog.waitFor({ state: 'detached', ...timeout });
    await toast(alice, 'Asked Bob de Vries to consult; waiting for the answer').waitFor(timeout);
    await line(alice, id, 'requested').waitFor(timeout);
    expect(await line(alice, id, 'requested').textContent()).toBe(
      'Bob de Vries was asked to consult: Can we refund the double charge?',
    );

    // Bob is asked to consult, not to take it over; he accepts and it opens in his workspace.
    const alert = bob.locator('[data-testid=notification][data-scenario=consult]');
    await alert.waitFor(timeout);
    expect(await alert.getAttribute('data-conversation-id')).toBe(id);
    expect(await alert.getByRole('heading').textContent()).toBe('Consult request');
    expect(await bob.getByTestId('notification-note').textContent()).toBe('Can we refund the double charge?');
    await bob.getByTestId('notification-accept').click();
    await alert.waitFor({ state: 'detached', ...timeout });
    const bobs = panel(bob, id);
    await bobs.waitFor(timeout);
    await ongoing(bob, id).waitFor(timeout);
    const banner = bobs.getByTestId('consult-banner');
    await banner.waitFor(timeout);
    expect(await banner.textContent()).toContain('You are consulting — notes only');
    expect(await bobs.getByTestId('transfer-button').count()).toBe(0);
    expect(await bobs.getByTestId('consult-button').count()).toBe(0);
    await line(alice, id, 'accepted').waitFor(timeout);
    await toast(alice, 'Bob de Vries joined Eve Example as consultant').waitFor(timeout);

    // Bob's composer writes notes only; Alice reads his note.
    const bobToggle = bobs.getByTestId('composer-note-toggle');
    expect([await bobToggle.isChecked(), await bobToggle.isDisabled()]).toEqual([true, true]);
    await bobs.getByTestId('composer-input').fill(NOTE);
    await bobs.getByTestId('composer-send').click();
    await alices.locator('[data-testid=message][data-kind=note]').filter({ hasText: NOTE }).waitFor(timeout);

    // Alice lets him write to the customer.
    const permission = alices.getByTestId('consultant-permission');
    await expect.poll(() => permission.getAttribute('data-user-id'), timeout).toBeTruthy();
    expect(await permission.isChecked()).toBe(false);
    await permission.check();
    await line(alice, id, 'may-message-customer').waitFor(timeout);
    await expect.poll(() => banner.getAttribute('data-may-message-customer'), timeout).toBe('true');
    expect(await banner.textContent()).toContain('You are consulting — you may write to the customer');
    await expect.poll(() => bobToggle.isDisabled(), timeout).toBe(false);
    await bobToggle.uncheck();
    await bobs.getByTestId('composer-input').fill(REPLY);
    await bobs.getByTestId('composer-send').click();
    await eve.getByTestId('chat-message').filter({ hasText: 'Bob here' }).waitFor(timeout);
    await alices.locator('[data-testid=message][data-kind=agent]').filter({ hasText: 'Bob here' }).waitFor(timeout);
    // The note came before the reply: had it reached the widget, it would show by now.
    expect(await eve.getByTestId('chat-message').filter({ hasText: NOTE }).count()).toBe(0);
    expect(await permission.isChecked()).toBe(true);
    // The toasts go by themselves; the screenshot waits, so they do not cover the composer.
    await expect.poll(() => alice.getByTestId('toast').count(), { timeout: 20_000 }).toBe(0);
    await alice.waitForTimeout(500); // Fluent's switch transition settles first
    await alice.screenshot({ path: path.join(shots, 'agent-consult.png') });

    // Bob leaves: his session closes, his list no longer has it; Alice reads so.
    await bobs.getByTestId('consult-leave').click();
    await expect.poll(() => tab(bob, id).count(), timeout).toBe(0);
    await expect.poll(() => ongoing(bob, id).count(), timeout).toBe(0);
    await line(alice, id, 'left').waitFor(timeout);
    expect(await line(alice, id, 'left').textContent()).toBe('Bob de Vries left');
    await expect.poll(() => alices.getByTestId('consultant-permission').count(), timeout).toBe(0);
    expect(await ongoing(alice, id).count()).toBe(1);
  });
});
