/**
 * Notifications (AG2) in Chromium against a server started like `npm start`. Alice works with her
 * tab hidden (the page is told so before it loads) and the browser's notification permission
 * granted: an incoming chat shows as an alert she accepts, and as a browser notification; the tab
 * title counts what waits; a second alert leaves her composer usable; she mutes the sound, which
 * holds after a reload. The admin makes incoming chats auto-accepted: the next one comes, silent,
 * as an "assigned" toast that opens its session when clicked. Screenshots go to docs/screenshots/.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { chromiumPath } from './support/chromium.js';
import { serverAndBrowser, shots, signInAt } from './support/suite.js';

const timeout = { timeout: 15_000 };

// Runs before the app: the tab reads as hidden, browser notifications and chimes are recorded.
const HIDDEN_AND_RECORDED = `
  Object.defineProperty(Document.prototype, 'visibilityState', { get: () => 'hidden', configurable: true });
  Object.defineProperty(Document.prototype, 'hidden', { get: () => true, configurable: true });
  window.__notified = [];
  window.__chimes = 0;
  const RealNotification = window.Notification;
  function Recording(title, options) {
    window.__notified.push({ title, body: options && options.body });
    return new RealNotification(title, options);
  }
  Object.defineProperty(Recording, 'permission', { get: () => RealNotification.permission });
  Recording.requestPermission = (...a) => RealNotification.requestPermission(...a);
  window.Notification = Recording;
  const RealAudio = window.AudioContext;
  window.AudioContext = class extends RealAudio {
    createOscillator() { window.__chimes += 1; return super.createOscillator(); }
  };
`;

type Recorded = { __notified: { title: string; body: string }[]; __chimes: number };

describe.skipIf(!chromiumPath)('notifications in Chromium', () => {
  const suite = serverAndBrowser();

  async function context(): Promise<BrowserContext> {
    const ctx = await suite.browser.newContext({ viewport: { width: 1440, height: 900 } });
    await ctx.grantPermissions(['notifications'], { origin: suite.server.url });
    return ctx;
  }

  /** A customer starts a chat; it waits for an agent, or with auto-accept it may be answered at once. */
  async function customerChat(name: string, question: string, shown: readonly string[] = ['waiting']) {
    const page = await (await suite.browser.newContext()).newPage();
    await page.goto(`${suite.server.url}/demo/`);
    await page.getByTestId('widget-launcher').click();
    const widget = page.frameLocator('[data-testid=widget-frame]');
    await widget.getByTestId('prechat-name').fill(name);
    await widget.getByTestId('prechat-email').fill(`${name.split(' ')[0]!.toLowerCase()}@customer.example`);
    await widget.getByTestId('prechat-question').fill(question);
    await widget.getByTestId('prechat-submit').click();
    const status = () => widget.getByTestId('chat-status').getAttribute('data-status');
    await expect.poll(async () => shown.includes((await status()) ?? ''), timeout).toBe(true);
  }

  const card = (page: Page, kind: 'alert' | 'toast', customer: string) =>
    page.locator(`[data-testid=notification][data-kind=${kind}]`).filter({ hasText: customer });
  const recorded = (page: Page) =>
    page.evaluate(() => {
      const w = window as unknown as Recorded;
      return { __notified: w.__notified, __chimes: w.__chimes };
    });
  const notified = async (page: Page) => (await recorded(page)).__notified.map((n) => `${n.title} | ${n.body}`);
  const chimes = async (page: Page) => (await recorded(page)).__chimes;

  it('alerts with the tab hidden, counts in the title, leaves the composer usable, mutes, toasts', async () => {
    const alice = await (await context()).newPage();
    await alice.addInitScript(HIDDEN_AND_RECORDED);
    await signInAt(alice, `${suite.server.url}/agent/`, 'alice@contoso.example');
    await alice.getByTestId('presence-select').waitFor(timeout);
    await alice.getByTestId('presence-select').selectOption('available');

    // 1. An incoming chat: an alert in the stack, a browser notification, a chime, "(1)" in the title.
    await customerChat('Nora Quinn', 'Where is my parcel?');
    const first = card(alice, 'alert', 'Nora Quinn');
    await first.waitFor(timeout);
    expect(await first.getAttribute('data-scenario')).toBe('incoming-chat');
    expect(await first.getByRole('heading').textContent()).toBe('Incoming chat');
    expect(await first.getByTestId('notification-firstMessage').textContent()).toBe('Where is my parcel?');
    await first.getByTestId('notification-countdown').waitFor();
    await expect.poll(() => alice.title()).toMatch(/^\(1\) /);
    await expect.poll(() => notified(alice)).toContain('Incoming chat | Nora Quinn: Where is my parcel?');
    expect(await chimes(alice)).toBeGreaterThan(0);
    await alice.screenshot({ path: path.join(shots, 'agent-notification-alert.png') });
    const id = (await first.getAttribute('data-conversation-id'))!;
    await first.getByTestId('notification-accept').click();
    await first.waitFor({ state: 'detached', ...timeout });
    await expect.poll(() => alice.title()).not.toMatch(/^\(\d+\) /);
    const panel = alice.locator(`[data-testid=conversation-panel][data-conversation-id="${id}"]`);
    await panel.waitFor(timeout);

    // 2. A second chat arrives while she writes: the alert does not block the composer.
    await panel.getByTestId('composer-input').click();
    await panel.getByTestId('composer-input').pressSequentially('Let me check that for ', { delay: 10 });
    await customerChat('Omar Reyes', 'Can I change my address?');
    const second = card(alice, 'alert', 'Omar Reyes');
    await second.waitFor(timeout);
    await panel.getByTestId('composer-input').pressSequentially('you.', { delay: 10 });
    expect(await panel.getByTestId('composer-input').inputValue()).toBe('Let me check that for you.');
    await second.getByTestId('notification-accept').click();
    await second.waitFor({ state: 'detached', ...timeout });

    // 3. Muted: remembered after a reload (the chime count starts again from zero there).
    await alice.getByTestId('notification-mute').click();
    await alice.reload();
    await alice.getByTestId('notification-mute').waitFor(timeout);
    expect(await alice.getByTestId('notification-mute').getAttribute('aria-pressed')).toBe('true');

    // 4. The admin makes incoming chats auto-accepted.
    const admin = await (await suite.browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await signInAt(admin, `${suite.server.url}/admin/`, 'ada@contoso.example');
    await admin.getByTestId('nav-notification-templates').click();
    const chatForm = admin.locator('[data-testid=notification-template][data-scenario=incoming-chat]');
    await chatForm.waitFor(timeout);
    await chatForm.getByTestId('notification-auto-accept').check();
    await admin.screenshot({ path: path.join(shots, 'admin-notification-templates.png') });
    await chatForm.getByTestId('notification-save').click();
    await expect.poll(() => chatForm.getByTestId('notification-auto-accept').isChecked(), timeout).toBe(true);
    expect(await admin.getByTestId('save-error').count()).toBe(0);

    // 5. The next chat is Alice's at once: an "assigned" toast, also as a browser notification; clicked, it opens.
    // Auto-accepted: the widget may show her connected before a poll sees it waiting.
    await customerChat('Pia Larsen', 'Is the blue one in stock?', ['waiting', 'connected']);
    const toast = card(alice, 'toast', 'Pia Larsen');
    await toast.waitFor(timeout);
    expect(await toast.getAttribute('data-scenario')).toBe('assigned');
    await expect
      .poll(() => notified(alice))
      .toContain('New conversation assigned | Pia Larsen: Is the blue one in stock?');
    expect(await chimes(alice)).toBe(0);
    await alice.screenshot({ path: path.join(shots, 'agent-notification-toast.png') });
    const pia = (await toast.getAttribute('data-conversation-id'))!;
    await toast.getByTestId('notification-open').click();
    await toast.waitFor({ state: 'detached', ...timeout });
    await alice.locator(`[data-testid=conversation-panel][data-conversation-id="${pia}"]`).waitFor(timeout);
  });
});
