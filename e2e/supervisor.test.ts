/**
 * The supervisor's desk (SV1-SV6) in Chromium against a server started like `npm start`. A
 * customer chats with Bob; Sam, the demo's supervisor, finds it in the ongoing list (filtered by
 * agent, found by name), watches it live, and Bob and the customer see nothing of it; Sam joins and
 * writes to the customer; then Sam force closes it, and both see it end. A chat nobody can take
 * Sam assigns to Bob with an override, then transfers to Alice, who answers. An agent who opens the
 * desk is told it is not theirs.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath } from './support/chromium.js';
import { serverAndBrowser, shots, signInAt } from './support/suite.js';

const timeout = { timeout: 15_000 };

describe.skipIf(!chromiumPath)('the supervisor desk in Chromium', () => {
  const suite = serverAndBrowser();
  let bobPage: Page | undefined;
  const newPage = async (): Promise<Page> =>
    (await suite.browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();

  it('Sam finds Bob’s chat, watches it unseen, and force closes it', async () => {
    const bob = await newPage();
    await signInAt(bob, `${suite.server.url}/agent/`, 'bob@contoso.example');
    await bob.getByTestId('presence-select').waitFor(timeout);
    await bob.getByTestId('presence-select').selectOption('available');

    const customer = await newPage();
    await customer.goto(`${suite.server.url}/demo/`);
    await customer.getByTestId('widget-launcher').click();
    const widget = customer.frameLocator('[data-testid=widget-frame]');
    await widget.getByTestId('prechat-name').fill('Lotte Visser');
    await widget.getByTestId('prechat-email').fill('lotte@customer.example');
    await widget.getByTestId('prechat-question').fill('My order arrived broken');
    await widget.getByTestId('prechat-submit').click();
    const offer = bob.locator('[data-testid=notification][data-subject=offer]');
    await offer.waitFor(timeout);
    await offer.getByTestId('notification-accept').click();
    await bob.getByTestId('conversation-panel').waitFor(timeout);

    const sam = await newPage();
    await signInAt(sam, `${suite.server.url}/supervisor/`, 'sam@contoso.example');
    const row = sam.locator('[data-testid=ongoing-row]').filter({ hasText: 'Lotte Visser' });
    await row.waitFor(timeout);
    expect(await row.getByTestId('ongoing-agent').textContent()).toContain('Bob');
    // The agent filter searches every agent by name on the server.
    await sam.getByTestId('filter-agent').click();
    await sam.getByTestId('filter-agent').pressSequentially('Bo');
    await sam.getByTestId('filter-agent-option').filter({ hasText: 'Bob' }).click(timeout);
    await expect.poll(() => sam.getByTestId('ongoing-row').count(), timeout).toBe(1);
    await sam.getByTestId('filter-state').selectOption('open');
    await expect.poll(() => sam.getByTestId('ongoing-row').count(), timeout).toBe(0);
    await sam.getByTestId('filter-state').selectOption('active');
    await row.waitFor(timeout);

    await row.click();
    await sam.getByTestId('monitor-start').click(timeout);
    await sam.getByTestId('monitor-silent').waitFor(timeout);
    await widget.getByTestId('chat-input').fill('The box was crushed.');
    await widget.getByTestId('chat-send').click();
    await bob.getByTestId('composer-input').fill('Sorry to hear that, a new one is on its way.');
    await bob.getByTestId('composer-send').click();
    const transcript = sam.getByTestId('monitor-transcript');
    await transcript.getByText('The box was crushed.').waitFor(timeout);
    await transcript.getByText('Sorry to hear that, a new one is on its way.').waitFor(timeout);
    await sam.screenshot({ path: path.join(shots, 'supervisor-monitor.png') });
    // Neither Bob nor the customer learn of it.
    expect(await bob.getByTestId('conversation-panel').textContent()).not.toContain('Sam');
    expect(await widget.locator('body').textContent()).not.toContain('Sam');

    // Sam joins: both are told, and Sam writes to the customer.
    await sam.getByTestId('join').click();
    await sam.getByTestId('joined').waitFor(timeout);
    await widget
      .getByTestId('chat-message')
      .filter({ hasText: 'a supervisor, joined the conversation' })
      .waitFor(timeout);
    await bob.getByTestId('message').filter({ hasText: 'a supervisor, joined the conversation' }).waitFor(timeout);
    await sam.getByTestId('supervisor-input').fill('Hello Lotte, I am Sam, the team lead.');
    await sam.getByTestId('supervisor-send').click();
    await widget.getByTestId('chat-message').filter({ hasText: 'I am Sam, the team lead' }).waitFor(timeout);

    await sam.getByTestId('force-close').click();
    await sam.getByTestId('force-close-confirm').click(timeout);
    await expect.poll(() => sam.getByTestId('ongoing-row').count(), timeout).toBe(0);
    await expect.poll(() => bob.getByTestId('conversation-panel').getAttribute('data-state'), timeout).toBe('closed');
    await expect.poll(() => widget.getByTestId('chat-status').getAttribute('data-status'), timeout).toBe('ended');

    // Bob steps away: the next chat waits in its queue for the supervisor to assign.
    await bob.getByTestId('presence-select').selectOption('away');
    bobPage = bob;
  });

  it('the desk lists every conversation in progress live', async () => {
    const sam = await newPage();
    await signInAt(sam, `${suite.server.url}/supervisor/`, 'sam@contoso.example');
    await sam.locator('[data-testid=ongoing-total], [data-testid=ongoing-empty]').first().waitFor(timeout);
    const before = await sam.getByTestId('ongoing-row').count();
    const customer = await newPage();
    await customer.goto(`${suite.server.url}/demo/`);
    await customer.getByTestId('widget-launcher').click();
    const widget = customer.frameLocator('[data-testid=widget-frame]');
    await widget.getByTestId('prechat-name').fill('Jan Peeters');
    await widget.getByTestId('prechat-email').fill('jan@customer.example');
    await widget.getByTestId('prechat-question').fill('Where is my parcel?');
    await widget.getByTestId('prechat-submit').click();
    // No reload: the feed tells the desk.
    const row = sam.locator('[data-testid=ongoing-row]').filter({ hasText: 'Jan Peeters' });
    await row.waitFor(timeout);
    expect(await sam.getByTestId('ongoing-row').count()).toBe(before + 1);
    expect(await row.getByTestId('ongoing-state').textContent()).toBe('Open');
    await sam.screenshot({ path: path.join(shots, 'supervisor-desk.png') });

    // Nobody can take it: Sam assigns it to Bob, who is away, with an override the dialog spells out.
    await row.click();
    await sam.getByTestId('assign-open').click(timeout);
    const bobOption = sam.locator('[data-testid=assign-agent][data-name^="Bob"]');
    await bobOption.click(timeout);
    expect(await sam.getByTestId('assign-dialog').textContent()).toContain('is away, a presence the workstream');
    await sam.getByTestId('assign-override').click();
    await expect.poll(() => sam.getByTestId('assign-submit').isEnabled(), timeout).toBe(true);
    await sam.screenshot({ path: path.join(shots, 'supervisor-assign.png') });
    await sam.getByTestId('assign-submit').click();
    const bob = bobPage!;
    const offer = bob.locator('[data-testid=notification][data-subject=offer]').filter({ hasText: 'Jan Peeters' });
    await offer.waitFor(timeout);
    await offer.getByTestId('notification-accept').click();
    await expect.poll(() => row.getByTestId('ongoing-agent').textContent(), timeout).toContain('Bob');
    await expect.poll(() => row.getByTestId('ongoing-state').textContent(), timeout).toBe('Active');

    // Sam transfers it to Alice (Support, available); it is hers once she answers, and Bob consults.
    const alice = await newPage();
    await signInAt(alice, `${suite.server.url}/agent/`, 'alice@contoso.example');
    await alice.getByTestId('presence-select').waitFor(timeout);
    await alice.getByTestId('presence-select').selectOption('available');
    await sam.getByTestId('transfer-open').click(timeout);
    await sam.locator('[data-testid=transfer-agent][data-name^="Alice"]').click(timeout);
    await sam.getByTestId('transfer-note').fill('Parcel question, please take it');
    await sam.getByTestId('transfer-submit').click();
    const asked = alice.locator('[data-testid=notification][data-subject=transfer]');
    await asked.waitFor(timeout);
    expect(await alice.getByTestId('notification-note').textContent()).toBe('Parcel question, please take it');
    await asked.getByTestId('notification-accept').click();
    await expect.poll(() => row.getByTestId('ongoing-agent').textContent(), timeout).toContain('Alice');

    // An agent at the desk is told where their work is.
    const atDesk = await newPage();
    await signInAt(atDesk, `${suite.server.url}/supervisor/`, 'alice@contoso.example');
    await atDesk.getByTestId('supervisors-only').waitFor(timeout);
  });
});
