import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.js';
import { freePort, ServerProcess } from './server-process.js';

/** The demo logins' password (`npm start` seeds it). */
export const DEMO_PASSWORD = 'switchboard';

/** Signs in on a staff app's sign-in page (`.../agent/` or `.../admin/`). */
export async function signInAt(page: Page, url: string, email: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
}

/** Where the browser tests put the README's screenshots. */
export const shots = path.resolve(import.meta.dirname, '../../docs/screenshots');

/**
 * A browser suite's two real parts: Switchboard started like `npm start` (seeded demo data, its own
 * embedded database) and Debian's Chromium; both started before the suite and stopped after it.
 */
export function serverAndBrowser(env: Record<string, string> = {}): { readonly server: ServerProcess; readonly browser: Browser } {
  const parts = {} as { server: ServerProcess; browser: Browser };
  beforeAll(async () => {
    parts.server = new ServerProcess(await freePort(), env);
    await parts.server.start();
    parts.browser = await launchChromium();
    mkdirSync(shots, { recursive: true });
  });
  afterAll(async () => {
    await parts.browser?.close();
    await parts.server?.kill();
  });
  return parts;
}
