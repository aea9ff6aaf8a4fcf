/**
 * Callbacks (AG11) in Chromium against a server started like `npm start`. A customer asks the demo
 * widget to be called back: the Callbacks queue offers it, the widget shows the form, the customer
 * leaves a name, a number as people write it and a note. Alice gets the work item as any
 * other, accepts it and sees how to reach the customer; her composer writes notes only.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from './support/chromium.js';
import { serverAndBrowser, shots, signInAt } from './support/suite.js';

const timeout = { timeout: 15_000 };

describe.skipIf(!chromiumPath)('callbacks in Chromium', () => {
  const suite = serverAndBrowser();

  it('the widget takes a callback request and the agent gets it with the customer’s details', async () => {
    const alice = await (await suite.browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await signInAt(alice, `${suite.server.url}/agent/`, 'alice@contoso.example');
    await alice.getByTestId('presence-select').waitFor(timeout);
    await alice.getByTestId('presence-select').selectOption('available');

    const customer = await (await suite.browser.newContext()).newPage();
    await customer.goto(`${suite.server.url}/demo/`);
    await customer.getByTestId('widget-launcher').click();
    const widget = customer.frameLocator('[data-testid=widget-frame]');
    await widget.getByTestId('prechat-name').fill('Sanne Bakker');
    await widget.getByTestId('prechat-email').fill('sanne@customer.example');
    await widget.getByTestId('prechat-question').fill('Could you call me back about my invoice?');
    await widget.getByTestId('prechat-submit').click();

    await widget.getByTestId('callback-form').waitFor(timeout);
    await widget.getByTestId('callback-name').fill('Sanne Bakker');
    await widget.getByTestId('callback-phone').fill('+31 6 1234 5678');
    await widget.getByTestId('callback-note').fill('Invoice 2026-118');
    await widget.getByTestId('callback-submit').click();
    await expect.poll(() => widget.getByTestId('callback-confirmed').textContent(), timeout).toContain('Sanne Bakker');
    await customer.screenshot({ path: path.join(shots, 'widget-callback.png') });

    const offer = alice.locator('[data-testid=notification][data-subject=offer]').filter({ hasText: 'Sanne Bakker' });
    await offer.waitFor(timeout);
    await offer.getByTestId('notification-accept').click();
    const card = alice.getByTestId('callback-card');
    await card.waitFor(timeout);
    expect(await alice.getByTestId('callback-phone').textContent()).toBe('+31612345678');
    expect(await alice.getByTestId('callback-phone').getAttribute('href')).toBe('tel:+31612345678');
    expect(await alice.getByTestId('callback-note').textContent()).toBe('Invoice 2026-118');
    const toggle = alice.getByTestId('composer-note-toggle');
    expect(await toggle.isChecked()).toBe(true);
    expect(await toggle.isDisabled()).toBe(true);
    await alice.screenshot({ path: path.join(shots, 'agent-callback.png') });
  });
});
