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
const REOPENS = 3;
const ME_DELAY_MS = 800;
const SOCKET_DELAY_MS = 300;

describe.skipIf(!chromiumPath)('presence across reloads in Chromium (AG1)', () => {
  const suite = serverAndBrowser();

  /** The server's presence for the signed-in agent, read with the workspace's own token. */
  async function serverPresence(page: Page, known?: string): Promise<Presence> {
    const token =
      known ??
      (await page.evaluate(() => JSON.parse(localStorage.getItem('switchboard.agent.auth') ?? '{}').token as string));
    return (await createApiClient({ baseUrl: suite.server.url, getToken: () => token }).call('me')).presence;
  }
  let token = '';

  const shown = (page: Page) => page.getByTestId('presence-select').getAttribute('data-presence');

  /**
   * The order of the reloads that showed Offline, made to happen on every reload: the workspace's
   * `me` read reaches the server first (the old tab's disconnect has made the agent offline), the
   * new socket connects a little later (its handshake held back), and the `me` answer arrives last,
   * as on a slow network.
   */
  async function slowMeBeforeSocket(page: Page) {
    await page.route('**/api/me', async (route) => {
      const response = await route.fetch();
      await new Promise((r) => setTimeout(r, ME_DELAY_MS));
      await route.fulfill({ response });
    });
    await page.route('**/socket.io/**', async (route) => {
      if (!route.request().url().includes('sid=')) await new Promise((r) => setTimeout(r, SOCKET_DELAY_MS));
      await route.continue();
    });
  }

  /**
   * A reload, or the tab closed and opened again: then the old socket is surely gone (the agent
   * offline, the choice kept for the grace) before the new page reads `me`.
   */
  async function reloadAndCompare(page: Page, chosen: Presence, round: number | string, reopen = false) {
    if (reopen) {
      await page.goto('about:blank');
      await expect.poll(() => serverPresence(page, token), timeout).toBe('offline');
      await page.goto(`${suite.server.url}/agent/`);
    } else {
      await page.reload();
    }
    await expect.poll(() => page.getByTestId('connection-status').getAttribute('data-status'), timeout).toBe('online');
    // Within a second of connecting, what is shown is what the server has, and that is the choice.
    await expect.poll(() => shown(page), { timeout: 1_000, message: `round ${round}: shown presence` }).toBe(chosen);
    expect(await serverPresence(page), `round ${round}: server presence`).toBe(chosen);
    // And it stays so: neither the late `me` answer nor the old socket's late disconnect wins.
    await new Promise((r) => setTimeout(r, ME_DELAY_MS + 500));
    expect(await shown(page), `round ${round}: shown presence later`).toBe(await serverPresence(page));
    expect(await shown(page), `round ${round}: shown presence later`).toBe(chosen);
  }

  it("reloading 10 times (and reopening 3) after choosing Available, then Busy, always shows the server's presence", async () => {
    const page = await (await suite.browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await signInAt(page, `${suite.server.url}/agent/`, 'bob@contoso.example');
    await page.getByTestId('presence-select').waitFor(timeout);
    await slowMeBeforeSocket(page);
    token = await page.evaluate(
      () => JSON.parse(localStorage.getItem('switchboard.agent.auth') ?? '{}').token as string,
    );

    for (const chosen of ['available', 'busy'] as const) {
      await page.getByTestId('presence-select').selectOption(chosen);
      await expect.poll(() => serverPresence(page), timeout).toBe(chosen);
      for (let round = 1; round <= RELOADS; round++) await reloadAndCompare(page, chosen, round);
      for (let round = 1; round <= REOPENS; round++) await reloadAndCompare(page, chosen, `reopen ${round}`, true);
    }
  });
});
