/**
 * AG1 in Chromium: after every reload the workspace shows the presence the server has, within a
 * second of connecting, and the presence the agent chose survives the reload (the 2.5-minute grace).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createApiClient, type Presence } from '@switchboard/protocol';
import { chromiumPath } from './support/chromium.js';
import { serverAndBrowser, signInAt } from './support/suite.js';

const timeout = { timeout: 15_000 };
const RELOADS = 10;

describe.skipIf(!chromiumPath)('presence across reloads in Chromium (AG1)', () => {
  const suite = serverAndBrowser();

  /** The server's presence for the signed-in agent, read with the workspace's own token. */
  async function serverPresence(page: Page): Promise<Presence> {
    const token = await page.evaluate(() => JSON.parse(localStorage.getItem('switchboard.agent.auth') ?? '{}').token as string);
    return (await createApiClient({ baseUrl: suite.server.url, getToken: () => token }).call('me')).presence;
  }

  const shown = (page: Page) => page.getByTestId('presence-select').getAttribute('data-presence');

  async function reloadAndCompare(page: Page, chosen: Presence, round: number) {
    await page.reload();
    await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-status'), timeout).toBe('online');
    // Within a second of connecting, what is shown is what the server has, and that is the choice.
    await expect.poll(() => shown(page), { timeout: 1_000, message: `round ${round}: shown presence` }).toBe(chosen);
    expect(await serverPresence(page), `round ${round}: server presence`).toBe(chosen);
    // And it stays so (the old socket's late disconnect must not win).
    await new Promise((r) => setTimeout(r, 300));
    expect(await shown(page), `round ${round}: shown presence later`).toBe(await serverPresence(page));
  }

  it('reloading 10 times after choosing Available, then Busy, always shows the server\'s presence', async () => {
    const page = await (await suite.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await signInAt(page, `${suite.server.url}/agent/`, 'bob@contoso.example');
    await page.getByTestId('presence-select').waitFor(timeout);

    for (const chosen of ['available', 'busy'] as const) {
      await page.getByTestId('presence-select').selectOption(chosen);
      await expect.poll(() => serverPresence(page), timeout).toBe(chosen);
      for (let round = 1; round <= RELOADS; round++) await reloadAndCompare(page, chosen, round);
    }
  });
});
