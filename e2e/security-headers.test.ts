import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { ConsoleMessage, Page } from 'playwright-core';
import { chromiumPath } from './support/chromium.js';
import { DEMO_PASSWORD, serverAndBrowser } from './support/suite.js';

const timeout = { timeout: 15_000 };

// The content security policies (X3) as Chromium enforces them: every app works under its own policy with
// no violation, and a widget's iframe shows only on the sites its admin allows.
describe.skipIf(!chromiumPath)('security headers in Chromium', () => {
  const suite = serverAndBrowser();

  /** A page that records every policy violation Chromium reports (its own frames included). */
  async function watchedPage(): Promise<{ page: Page; violations: string[] }> {
    const ctx = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await ctx.newPage();
    const violations: string[] = [];
    page.on('console', (m: ConsoleMessage) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    return { page, violations };
  }

  it('the agent workspace, the admin center, the API docs and the demo with its widget run without a violation', async () => {
    const seen: string[] = [];
    for (const app of ['agent', 'admin']) {
      const { page, violations } = await watchedPage();
      await page.goto(`${suite.server.url}/${app}/`);
      await page.getByTestId('login-email').fill('ada@contoso.example');
      await page.getByTestId('login-password').fill(DEMO_PASSWORD);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('login-email').waitFor({ state: 'detached', ...timeout });
      seen.push(...violations);
    }
    const { page, violations } = await watchedPage();
    await page.goto(`${suite.server.url}/docs/`);
    await page.locator('.swagger-ui .opblock').first().waitFor(timeout);
    await page.goto(`${suite.server.url}/demo/`);
    await page.getByTestId('widget-launcher').click();
    await page.frameLocator('[data-testid=widget-frame]').getByTestId('prechat-name').waitFor(timeout);
    seen.push(...violations);
    expect(seen).toEqual([]);
  });

  it('another site shows the widget only when the widget lists it among its allowed sites', async () => {
    const api = async (path: string, method = 'GET', body?: unknown, token?: string) => {
      const res = await fetch(`${suite.server.url}${path}`, {
        method,
        headers: {
          ...(body ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      expect(res.status).toBe(200);
      return res.json() as Promise<Record<string, unknown> & { token: string }>;
    };
    const { token } = await api('/api/auth/login', 'POST', { email: 'ada@contoso.example', password: DEMO_PASSWORD });
    const [ws] = (await api('/api/admin/workstreams', 'GET', undefined, token)) as unknown as { id: string }[];
    const widget = async (title: string, allowedSites: string[]) =>
      (
        (await api('/api/admin/widgets', 'POST', { title, workstreamId: ws!.id, allowedSites }, token)) as unknown as {
          id: string;
        }
      ).id;
    // A shop's own web server (another origin: another port), its page carrying the embed tag.
    let embedded = '';
    const shop = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        `<!doctype html><title>Shop</title><script src="${suite.server.url}/widget/loader.js" data-widget-id="${embedded}" async></script>`,
      );
    });
    await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
    const shopOrigin = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
    const listing = await widget('Shop only', [shopOrigin]);
    const elsewhere = await widget('Elsewhere only', ['http://other.example']);

    const shopPage = async (widgetId: string) => {
      embedded = widgetId;
      const watched = await watchedPage();
      await watched.page.goto(`${shopOrigin}/`);
      await watched.page.getByTestId('widget-launcher').click();
      return watched;
    };

    try {
      const allowed = await shopPage(listing);
      await allowed.page.frameLocator('[data-testid=widget-frame]').getByTestId('prechat-name').waitFor(timeout);
      expect(allowed.violations).toEqual([]);

      const refused = await shopPage(elsewhere);
      await expect.poll(() => refused.violations.join('\n'), timeout).toMatch(/frame-ancestors/);
      expect(await refused.page.frameLocator('[data-testid=widget-frame]').getByTestId('prechat-name').count()).toBe(0);
    } finally {
      shop.close();
    }
  });
});
