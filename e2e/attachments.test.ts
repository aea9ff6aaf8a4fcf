/**
 * Attachments both ways (AG4) in Chromium against a server started like `npm start`: Alice attaches
 * an image, sees it before sending, sends it, and the customer's widget shows it; the customer
 * attaches a PDF with a line of text and Alice's history shows it as a file to save. Screenshots of
 * both sides go to docs/screenshots/.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumPath } from './support/chromium.js';
import { serverAndBrowser, shots, signInAt } from './support/suite.js';

const timeout = { timeout: 15_000 };

/** A 96×64 PNG: an orange field with a white stripe, drawn in the page so the screenshot shows a real image. */
async function bluePng(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 96;
    canvas.height = 64;
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#d83b01';
    g.fillRect(0, 0, 96, 64);
    g.fillStyle = '#ffffff';
    g.fillRect(0, 28, 96, 8);
    return canvas.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.split(',')[1]!, 'base64');
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe.skipIf(!chromiumPath)('attachments in Chromium', () => {
  const suite = serverAndBrowser();

  it('an image from the agent is shown in the widget; a file from the widget is shown to the agent', async () => {
    const agentContext = await suite.browser.newContext({ viewport: { width: 1440, height: 900 } });
    const alice = await agentContext.newPage();
    await signInAt(alice, `${suite.server.url}/agent/`, 'alice@contoso.example');
    await alice.getByTestId('presence-select').waitFor(timeout);
    await alice.getByTestId('presence-select').selectOption('available');

    const customer = await (await suite.browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
    await customer.goto(`${suite.server.url}/demo/`);
    await customer.getByTestId('widget-launcher').click();
    const widget = customer.frameLocator('[data-testid=widget-frame]');
    await widget.getByTestId('prechat-name').fill('Eve Example');
    await widget.getByTestId('prechat-email').fill('eve@customer.example');
    await widget.getByTestId('prechat-question').fill('The router shows a red light');
    await widget.getByTestId('prechat-submit').click();

    await alice.locator('[data-testid=notification][data-subject=offer]').waitFor(timeout);
    const id = (await alice
      .locator('[data-testid=notification][data-subject=offer]')
      .getAttribute('data-conversation-id'))!;
    await alice.getByTestId('notification-accept').click();
    const panel = alice.locator(`[data-testid=conversation-panel][data-conversation-id="${id}"]`);
    await panel.waitFor(timeout);

    // Alice picks an image: it uploads at once and waits, previewed, until she sends.
    const png = await bluePng(alice);
    await panel
      .getByTestId('composer-file')
      .setInputFiles({ name: 'router-lights.png', mimeType: 'image/png', buffer: png });
    const pending = panel.getByTestId('pending-upload');
    await expect.poll(() => pending.getAttribute('data-status'), timeout).toBe('ready');
    await panel.getByTestId('composer-input').fill('This is how the lights should look.');
    await panel.getByTestId('composer-send').click();
    await expect.poll(() => pending.count(), timeout).toBe(0);
    await panel.getByTestId('attachment-image').waitFor(timeout);

    // The customer's widget shows it, fetched with the visitor's token.
    const shown = widget.getByTestId('chat-attachment-image');
    await shown.waitFor(timeout);
    await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.naturalWidth), timeout).toBe(96);
    expect(await shown.getAttribute('alt')).toBe('Image router-lights.png');

    // The customer sends a PDF back, with a line of text.
    await widget
      .getByTestId('chat-file')
      .setInputFiles({ name: 'invoice-42.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect.poll(() => widget.getByTestId('chat-picked-file').getAttribute('data-status'), timeout).toBe('ready');
    await widget.getByTestId('chat-input').fill('Here is my invoice');
    await widget.getByTestId('chat-send').click();
    await widget.getByTestId('chat-attachment-file').waitFor(timeout);
    await customer.waitForTimeout(300);
    await customer.screenshot({ path: path.join(shots, 'widget-attachment.png') });

    const file = panel.getByTestId('attachment-file');
    await file.waitFor(timeout);
    expect(await file.textContent()).toBe(`invoice-42.pdf (1 KB)`);
    // Saving it fetches the bytes with Alice's token and hands them to the browser as a download.
    const download = alice.waitForEvent('download', timeout);
    await file.click();
    expect((await download).suggestedFilename()).toBe('invoice-42.pdf');
    await alice.waitForTimeout(300);
    await alice.screenshot({ path: path.join(shots, 'agent-attachment.png') });

    // A forbidden type is refused beside the file, before anything is sent.
    await widget
      .getByTestId('chat-file')
      .setInputFiles({ name: 'tool.zip', mimeType: 'application/zip', buffer: Buffer.from('PK\u0003\u0004') });
    const refused = widget.getByTestId('chat-picked-file').filter({ hasText: 'tool.zip' });
    await expect.poll(() => refused.getAttribute('data-status'), timeout).toBe('failed');
    expect(await refused.textContent()).toContain('files of type application/zip are not allowed here');
  });
});
