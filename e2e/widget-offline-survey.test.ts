/**
 * The rest of the widget (CH1) in Chromium, on the demo data: the after-hours widget shows the
 * offline message and takes a left message, which an agent gets as a conversation; after an agent
 * ends a chat on the demo widget, the customer rates it inline and downloads the transcript, which
 * holds what they saw and never the agent's internal note.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from './support/chromium.js';
import { serverAndBrowser, shots, signInAt } from './support/suite.js';

const timeout = { timeout: 15_000 };

describe.skipIf(!chromiumPath)('widget: offline form, post-chat survey, transcript', () => {
  const suite = serverAndBrowser();

  it('a left message outside hours reaches an agent; a rated chat and its transcript without notes', async () => {
    const alice = await (await suite.browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await signInAt(alice, `${suite.server.url}/agent/`, 'alice@contoso.example');
    await alice.getByTestId('presence-select').waitFor(timeout);
    await alice.getByTestId('presence-select').selectOption('available');

    // Outside the hours: the offline message and the "leave a message" form, before any pre-chat form.
    const visitor = await (await suite.browser.newContext()).newPage();
    await visitor.goto(`${suite.server.url}/demo/after-hours.html`);
    await visitor.getByTestId('widget-launcher').click();
    const closed = visitor.frameLocator('[data-testid=widget-frame]');
    await closed.getByTestId('offline-form').waitFor(timeout);
    expect(await closed.getByTestId('prechat-submit').count()).toBe(0);
    await closed.getByTestId('offline-name').fill('Olga Visser');
    await closed.getByTestId('offline-email').fill('olga@customer.example');
    await closed.getByTestId('offline-text').fill('My printer order has not arrived yet.');
    await visitor.screenshot({ path: path.join(shots, 'widget-offline.png') });
    await closed.getByTestId('offline-submit').click();
    await closed.getByTestId('chat-message').filter({ hasText: 'has not arrived yet' }).waitFor(timeout);
    const left = alice.locator('[data-testid=notification][data-subject=offer]').filter({ hasText: 'Olga Visser' });
    await left.waitFor(timeout);
    await left.getByTestId('notification-accept').click();
    await alice.getByTestId('conversation-panel').waitFor(timeout);
    await alice.getByTestId('message').filter({ hasText: 'has not arrived yet' }).waitFor(timeout);
    await alice.getByTestId('end-conversation').click();
    await alice.getByTestId('close-conversation').click();

    // A chat on the demo widget: the agent ends it, the customer rates it and downloads the transcript.
    const customer = await (await suite.browser.newContext({ acceptDownloads: true })).newPage();
    await customer.goto(`${suite.server.url}/demo/`);
    await customer.getByTestId('widget-launcher').click();
    const widget = customer.frameLocator('[data-testid=widget-frame]');
    await widget.getByTestId('prechat-name').fill('Piet Jansen');
    await widget.getByTestId('prechat-email').fill('piet@customer.example');
    await widget.getByTestId('prechat-question').fill('Where is my ink?');
    await widget.getByTestId('prechat-submit').click();
    const offer = alice.locator('[data-testid=notification][data-subject=offer]').filter({ hasText: 'Piet Jansen' });
    await offer.waitFor(timeout);
    await offer.getByTestId('notification-accept').click();
    await expect.poll(() => widget.getByTestId('chat-status').getAttribute('data-status'), timeout).toBe('connected');
    await alice.getByTestId('composer-input').fill('It ships today, Piet.');
    await alice.getByTestId('composer-send').click();
    await widget.getByTestId('chat-message').filter({ hasText: 'It ships today' }).waitFor(timeout);
    await alice.getByTestId('composer-note-toggle').check();
    await alice.getByTestId('composer-input').fill('INTERNAL: refund if late');
    await alice.getByTestId('composer-send').click();
    await alice.locator('[data-testid=message][data-kind=note]').filter({ hasText: 'refund if late' }).waitFor(timeout);
    await alice.getByTestId('end-conversation').click();

    await expect.poll(() => widget.getByTestId('chat-status').getAttribute('data-status'), timeout).toBe('ended');
    await widget.getByTestId('survey').waitFor(timeout);
    await widget.getByTestId('survey-rating-5').click();
    await widget.getByTestId('survey-comment').fill('Fast and friendly');
    await customer.screenshot({ path: path.join(shots, 'widget-post-chat-survey.png') });
    await widget.getByTestId('survey-submit').click();
    await widget.getByTestId('survey-thanks').waitFor(timeout);

    const [download] = await Promise.all([
      customer.waitForEvent('download', timeout),
      widget.getByTestId('chat-transcript').click(),
    ]);
    const text = await readFile((await download.path())!, 'utf8');
    expect(text).toContain('Where is my ink?');
    expect(text).toContain('It ships today, Piet.');
    expect(text).not.toContain('refund if late');
  });
});
