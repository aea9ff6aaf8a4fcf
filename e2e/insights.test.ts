/**
 * The supervisor's Insights (SV9) in Chromium against a server started like `npm start`. A customer
 * chats with Bob, who answers, ends and closes it; Sam opens Insights, sees the queues live, runs
 * today's report until the closed chat is folded in (the server does so within seconds), sees its
 * charts, downloads the table as CSV, and sees the staffing estimate.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from './support/chromium.js';
import { serverAndBrowser, shots, signInAt } from './support/suite.js';

const timeout = { timeout: 15_000 };

describe.skipIf(!chromiumPath)('Insights in Chromium', () => {
  const suite = serverAndBrowser();
  const newPage = async () => (await suite.browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();

  it('Sam sees the live view, a report of a closed chat as chart, table and CSV, and the staffing', async () => {
    const bob = await newPage();
    await signInAt(bob, `${suite.server.url}/agent/`, 'bob@contoso.example');
    await bob.getByTestId('presence-select').waitFor(timeout);
    await bob.getByTestId('presence-select').selectOption('available');

    const customer = await newPage();
    await customer.goto(`${suite.server.url}/demo/`);
    await customer.getByTestId('widget-launcher').click();
    const widget = customer.frameLocator('[data-testid=widget-frame]');
    await widget.getByTestId('prechat-name').fill('Noor de Vries');
    await widget.getByTestId('prechat-email').fill('noor@customer.example');
    await widget.getByTestId('prechat-question').fill('Can I change my delivery address?');
    await widget.getByTestId('prechat-submit').click();
    const offer = bob.locator('[data-testid=notification][data-subject=offer]');
    await offer.waitFor(timeout);
    await offer.getByTestId('notification-accept').click();
    const panel = bob.getByTestId('conversation-panel');
    await panel.waitFor(timeout);
    await bob.getByTestId('composer-input').fill('Of course, which address should it go to?');
    await bob.getByTestId('composer-send').click();
    await bob.getByTestId('end-conversation').click();
    await expect.poll(() => panel.getAttribute('data-state'), timeout).toBe('wrap-up');
    await bob.getByTestId('close-conversation').click();
    await expect.poll(() => panel.getAttribute('data-state'), timeout).toBe('closed');

    const sam = await newPage();
    await signInAt(sam, `${suite.server.url}/supervisor/`, 'sam@contoso.example');
    await sam.getByTestId('tab-insights').click(timeout);
    await sam.getByTestId('insights-live').waitFor(timeout);
    await expect.poll(() => sam.getByTestId('live-queue').count(), timeout).toBeGreaterThan(0);
    expect(await sam.getByTestId('live-capacity').textContent()).toMatch(/\d+ of \d+/);

    // Today by hour per queue, the default: run it again until the closed chat has been folded in.
    await expect
      .poll(
        async () => {
          await sam.getByTestId('report-run').click();
          await sam.locator('[data-testid=report-summary], [data-testid=report-error]').first().waitFor(timeout);
          return sam.getByTestId('report-row').count();
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBeGreaterThan(0);
    expect(await sam.getByTestId('report-error').count()).toBe(0);
    await sam.locator('[data-testid=report-chart] svg.recharts-surface').first().waitFor(timeout);
    const shownRows = await sam.getByTestId('report-row').count();
    // Taller than the other shots: the live view, the form and the charts in one picture.
    await sam.setViewportSize({ width: 1440, height: 1400 });
    await sam.screenshot({ path: path.join(shots, 'supervisor-insights.png') });

    const [download] = await Promise.all([sam.waitForEvent('download'), sam.getByTestId('report-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^report-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Period,Queue,Conversations in,Conversations handled,Conversations abandoned,' +
        'Average speed of answer (seconds),Average handle time (seconds),"Service level (20 s) (share, 0–1)"',
    );
    expect(lines).toHaveLength(shownRows + 1);
    // The chat Bob closed: one conversation in and handled, in a row of its hour and queue.
    expect(lines.slice(1).some((l) => /^\d{4}-\d{2}-\d{2} \d{2}:00,[^,]+,1,1,0,/.test(l))).toBe(true);

    const staffing = sam.getByTestId('insights-staffing');
    await staffing.scrollIntoViewIfNeeded();
    await staffing.getByTestId('staffing-assumptions').waitFor(timeout);
    await staffing.locator('[data-testid=staffing-row][data-kind=busiest]').first().waitFor(timeout);
    expect(Number(await staffing.getByTestId('staffing-agents').first().textContent())).toBeGreaterThanOrEqual(1);
  });
});
