/**
 * The agent dashboard (AG10) in Chromium against a server started like `npm start`. Alice answers a
 * text from the demo phone, ends and closes it; her home view counts it; she finds it in her closed
 * list by part of the number and today's date, reopens it (the session timer starts again) and writes
 * to the customer once more, whose phone gets it. The home tab comes back after a reload.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from './support/chromium.js';
import { serverAndBrowser, shots, signInAt } from './support/suite.js';

const timeout = { timeout: 15_000 };
const NUMBER = '+31687654321';

describe.skipIf(!chromiumPath)('the agent dashboard in Chromium', () => {
  const suite = serverAndBrowser();

  it('the home view counts the day; a closed SMS conversation is found and reopened', async () => {
    const alice = await (await suite.browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await signInAt(alice, `${suite.server.url}/agent/`, 'alice@contoso.example');
    await alice.getByTestId('presence-select').waitFor(timeout);
    await alice.getByTestId('presence-select').selectOption('available');
    // No session yet: the home view, its tab selected.
    await alice.getByTestId('home-view').waitFor(timeout);
    expect(await alice.getByTestId('home-tab').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => alice.getByTestId('home-presence').textContent(), timeout).toContain('Available');
    expect(await alice.getByTestId('home-closed').textContent()).toBe('Closed0');

    const phone = await (await suite.browser.newContext()).newPage();
    await phone.goto(`${suite.server.url}/demo/phone.html`);
    await expect.poll(() => phone.locator('#channel option').count(), timeout).toBeGreaterThan(0);
    await phone.locator('#number').fill(NUMBER);
    await phone.locator('#text').fill('Mijn bestelling is beschadigd aangekomen.');
    await phone.locator('#compose button').click();

    const offer = alice.locator('[data-testid=notification][data-subject=offer]');
    await offer.waitFor(timeout);
    await offer.getByTestId('notification-accept').click();
    const panel = alice.getByTestId('conversation-panel');
    await panel.waitFor(timeout);
    expect(await alice.getByTestId('home-tab').getAttribute('aria-selected')).toBe('false');
    await alice.getByTestId('composer-input').fill('Wat vervelend! Ik stuur een nieuwe.');
    await alice.getByTestId('composer-send').click();
    await alice.getByTestId('end-conversation').click();
    await expect.poll(() => panel.getAttribute('data-state'), timeout).toBe('wrap-up');
    await alice.getByTestId('close-conversation').click();
    await expect.poll(() => panel.getAttribute('data-state'), timeout).toBe('closed');

    // Home: the day so far, while the closed session stays open in its tab.
    await alice.getByTestId('home-tab').click();
    await alice.getByTestId('home-view').waitFor(timeout);
    await expect.poll(() => alice.getByTestId('home-closed').textContent(), timeout).toBe('Closed1');
    expect(await alice.getByTestId('home-accepted').textContent()).toBe('Accepted1');
    expect(await alice.getByTestId('home-capacity').textContent()).toMatch(/^Capacity in use0 of \d+/);
    expect(await alice.getByTestId('home-handle').textContent()).toMatch(/^Average handling time\d+:\d\d$/);
    await alice.screenshot({ path: path.join(shots, 'agent-home.png') });

    // The home tab is stored with the workspace: a reload comes back to it.
    await alice.reload();
    await alice.getByTestId('home-view').waitFor(timeout);
    expect(await alice.getByTestId('home-tab').getAttribute('aria-selected')).toBe('true');
    // The session tabs come back with the workspace, which may arrive after the home view shows.
    await expect.poll(() => alice.getByTestId('session-tab').count(), timeout).toBe(1);

    // The closed list, searched by part of the number and today's date.
    const today = await alice.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await alice.getByTestId('closed-search').fill('nothing like this');
    await expect.poll(() => alice.getByTestId('closed-item').count(), timeout).toBe(0);
    await alice.getByTestId('closed-search').fill('87654');
    await alice.getByTestId('closed-from').fill(today);
    await alice.getByTestId('closed-to').fill(today);
    const found = alice.getByTestId('closed-item');
    await expect.poll(() => found.count(), timeout).toBe(1);
    await alice.screenshot({ path: path.join(shots, 'agent-closed-search.png') });
    await found.click();

    // Reopened: hers again, accepted, the timer counting from the reopening.
    await alice.getByTestId('conversation-reopen').click();
    await expect.poll(() => panel.getAttribute('data-state'), timeout).toBe('active');
    const timer = alice.getByTestId('session-timer');
    await expect.poll(() => timer.getAttribute('data-running'), timeout).toBe('true');
    expect(await timer.getAttribute('data-phase')).toBe('session');
    expect(await timer.textContent()).toMatch(/: 0:0\d$/);
    await expect.poll(() => alice.getByTestId('ongoing-item').count(), timeout).toBe(1);
    await alice.getByTestId('composer-input').fill('De nieuwe is onderweg.');
    await alice.getByTestId('composer-send').click();
    await phone.locator('#number').fill(NUMBER);
    const replies = () => phone.locator('[data-testid=phone-message].out').allTextContents();
    await expect.poll(async () => (await replies()).join('\n'), timeout).toContain('De nieuwe is onderweg.');
  });
});
