/**
 * Sessions stored on the server and in step across tabs (AG3), in Chromium against a server
 * started like `npm start`: Alice has two tabs of the agent app open in one browser. A session she
 * accepts in one appears in the other, a draft typed in one appears in the other, a reload keeps
 * both, and signing in on another machine (a second browser context) shows the same. Then the
 * timer at wrap-up (AG4): ending the conversation restarts it, and it counts the wrap-up time.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath } from './support/chromium.js';
import { serverAndBrowser, shots, signInAt } from './support/suite.js';

const timeout = { timeout: 15_000 };
const seconds = (text: string | null) => {
  const parts = (text ?? '').split(': ').at(-1)!.split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
};

describe.skipIf(!chromiumPath)('the workspace across tabs and machines in Chromium', () => {
  const suite = serverAndBrowser();
  const viewport = { width: 1280, height: 800 };

  const tab = (page: Page, id: string) => page.locator(`[data-testid=session-tab][data-conversation-id="${id}"]`);
  const panel = (page: Page, id: string) =>
    page.locator(`[data-testid=conversation-panel][data-conversation-id="${id}"]`);
  const draftIn = (page: Page, id: string) => panel(page, id).getByTestId('composer-input');

  async function customerChat(name: string, question: string) {
    const page = await (await suite.browser.newContext({ viewport })).newPage();
    await page.goto(`${suite.server.url}/demo/`);
    await page.getByTestId('widget-launcher').click();
    const widget = page.frameLocator('[data-testid=widget-frame]');
    await widget.getByTestId('prechat-name').fill(name);
    await widget.getByTestId('prechat-email').fill(`${name.split(' ')[0]!.toLowerCase()}@customer.example`);
    await widget.getByTestId('prechat-question').fill(question);
    await widget.getByTestId('prechat-submit').click();
    await expect.poll(() => widget.getByTestId('chat-status').getAttribute('data-status'), timeout).toBe('waiting');
  }

  it('keeps sessions and drafts the same in two tabs, after a reload and on another machine', async () => {
    const machine = await suite.browser.newContext({ viewport });
    const first = await machine.newPage();
    await signInAt(first, `${suite.server.url}/agent/`, 'alice@contoso.example');
    await first.getByTestId('presence-select').waitFor(timeout);
    await first.getByTestId('presence-select').selectOption('available');
    // The second tab of the same browser: already signed in.
    const second = await machine.newPage();
    await second.goto(`${suite.server.url}/agent/`);
    await second.getByTestId('presence-select').waitFor(timeout);

    await customerChat('Eve Moreau', 'Where is my parcel?');
    await first.locator('[data-testid=notification][data-subject=offer]').waitFor(timeout);
    const id = (await first
      .locator('[data-testid=notification][data-subject=offer]')
      .getAttribute('data-conversation-id'))!;
    await first.getByTestId('notification-accept').click();
    await panel(first, id).waitFor(timeout);

    // Opened in the first tab, shown in the second, active there too.
    await tab(second, id).waitFor(timeout);
    await panel(second, id).waitFor(timeout);

    await draftIn(first, id).fill('Let me look up your parcel, Eve');
    await expect.poll(() => draftIn(second, id).inputValue(), timeout).toBe('Let me look up your parcel, Eve');
    await second.waitForTimeout(500); // Fluent's focus transitions settle first
    await second.screenshot({ path: path.join(shots, 'agent-two-tabs.png') });

    // A reload reads the stored workspace: the session and its draft come back.
    await expect
      .poll(async () => {
        const res = await first.evaluate(async () => {
          const auth = JSON.parse(localStorage.getItem('switchboard.agent.auth') ?? 'null') as { token?: string };
          const r = await fetch('/api/me/workspace', { headers: { authorization: `Bearer ${auth?.token ?? ''}` } });
          return (await r.json()) as { state: { drafts: Record<string, string> } };
        });
        return res.state?.drafts?.[id];
      }, timeout)
      .toBe('Let me look up your parcel, Eve');
    await second.reload();
    await tab(second, id).waitFor(timeout);
    await expect.poll(() => draftIn(second, id).inputValue(), timeout).toBe('Let me look up your parcel, Eve');

    // Another machine: a sign-in there gets the same sessions and drafts.
    const elsewhere = await (await suite.browser.newContext({ viewport })).newPage();
    await signInAt(elsewhere, `${suite.server.url}/agent/`, 'alice@contoso.example');
    await tab(elsewhere, id).waitFor(timeout);
    await expect.poll(() => draftIn(elsewhere, id).inputValue(), timeout).toBe('Let me look up your parcel, Eve');

    // And what is typed on that machine reaches the first browser's tabs over the socket.
    await draftIn(elsewhere, id).fill('Your parcel left our warehouse today');
    await expect.poll(() => draftIn(first, id).inputValue(), timeout).toBe('Your parcel left our warehouse today');
    await expect.poll(() => draftIn(second, id).inputValue(), timeout).toBe('Your parcel left our warehouse today');

    // The timer at wrap-up (AG4): ending restarts it at 0:00, and it counts the wrap-up time.
    const timer = panel(first, id).getByTestId('session-timer');
    await expect.poll(async () => seconds(await timer.textContent()), timeout).toBeGreaterThanOrEqual(3);
    await panel(first, id).getByTestId('end-conversation').click();
    await expect.poll(() => timer.getAttribute('data-phase'), timeout).toBe('wrap-up');
    expect(await timer.getAttribute('data-running')).toBe('true');
    expect(seconds(await timer.textContent())).toBeLessThan(3);
    await expect.poll(async () => seconds(await timer.textContent()), timeout).toBeGreaterThanOrEqual(2);
    // The other tab shows the same wrap-up timer.
    await expect
      .poll(() => panel(second, id).getByTestId('session-timer').getAttribute('data-phase'), timeout)
      .toBe('wrap-up');
  });
});
