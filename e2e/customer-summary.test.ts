/**
 * The customer summary (AG6, CV4, AG9) in Chromium against a server started like `npm start`:
 * Emma Janssen, a demo contact with one active case, starts a chat; Alice accepts and the session
 * opens on the summary tab: Emma's profile, the case linked on its own, her recent cases and her
 * timeline. Alice unlinks the case and links it again, writes a quick note, then creates a case
 * that is linked to the conversation and opens in its own tab.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from './support/chromium.js';
import { acceptOffer, availableAgent, demoCustomer } from './support/demo-chat.js';
import { serverAndBrowser, shots } from './support/suite.js';

const timeout = { timeout: 15_000 };

describe.skipIf(!chromiumPath)('the customer summary in Chromium', () => {
  const suite = serverAndBrowser();
  const viewport = { width: 1600, height: 1000 };

  it('shows who the customer is, links a case and opens a new one in a tab', async () => {
    const agent = await availableAgent(suite, 'alice@contoso.example', viewport);
    const prechat = {
      name: 'Emma Janssen',
      email: 'emma@fabrikam.example',
      question: 'My invoice shows the wrong VAT rate',
    };
    const { widget } = await demoCustomer(suite, prechat, async (customer) => {
      // What she did on the site before asking (CH1's tracking API), a moment apart: newest first in the summary.
      await customer.waitForFunction(() => 'Switchboard' in window);
      type Tracker = { trackSearch(q: string, n?: number): void; trackArticleViewed(id: string, title: string): void };
      await customer.evaluate(() =>
        (window as unknown as { Switchboard: Tracker }).Switchboard.trackSearch('vat invoice', 3),
      );
      await customer.waitForTimeout(50);
      await customer.evaluate(() =>
        (window as unknown as { Switchboard: Tracker }).Switchboard.trackArticleViewed('kb-1', 'VAT rates explained'),
      );
    });
    await expect.poll(() => widget.getByTestId('chat-status').getAttribute('data-status'), timeout).toBe('waiting');
    const id = await acceptOffer(agent);

    // Accepting opens the session on the customer summary, the conversation beside it.
    const summary = agent.locator(`[data-testid=customer-summary][data-conversation-id="${id}"]`);
    await summary.waitFor(timeout);
    await agent.locator(`[data-testid=conversation-panel][data-conversation-id="${id}"]`).waitFor(timeout);
    expect(await agent.locator('[data-testid=inner-tab][aria-selected=true]').getAttribute('data-kind')).toBe(
      'customer-summary',
    );

    const profile = summary.getByTestId('summary-profile');
    await expect.poll(() => profile.getByTestId('profile-name').textContent(), timeout).toBe('Emma Janssen');
    expect(await profile.locator('[data-field=jobTitle]').textContent()).toBe('Buyer');
    expect(await profile.locator('[data-field=account]').textContent()).toBe('Fabrikam');
    expect(await profile.locator('[data-field=city]').textContent()).toBe('Amsterdam');
    const conversation = summary.getByTestId('summary-conversation');
    expect(await conversation.locator('[data-field=channel]').textContent()).toBe('Chat');
    expect(await conversation.getByTestId('subpanel-prechat').textContent()).toBeTruthy();
    await conversation.getByTestId('subtab-visitor').click();
    expect(await conversation.locator('[data-field=authenticated]').textContent()).toBe('No');
    expect(await conversation.locator('[data-field=browser]').textContent()).toContain('Chrome');
    await conversation.getByTestId('subtab-journey').click();
    const journey = conversation.getByTestId('journey-action');
    await expect.poll(() => journey.count(), timeout).toBeGreaterThanOrEqual(2);
    const kinds = await journey.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')));
    expect(kinds.indexOf('article-viewed')).toBeLessThan(kinds.indexOf('search'));
    expect(await conversation.getByTestId('subpanel-journey').textContent()).toContain('VAT rates explained');

    // Her one active case was linked as the chat started; it is among her recent cases too.
    const linked = summary.getByTestId('summary-linked-case');
    await expect.poll(() => linked.locator('[data-field=title]').textContent(), timeout).toContain('CAS-01001');
    expect(await linked.locator('[data-field=priority]').textContent()).toBe('High');
    expect(await linked.locator('[data-field=status]').textContent()).toBe('Active');
    const recent = summary.getByTestId('summary-recent-cases').getByTestId('case-row');
    await expect.poll(() => recent.count(), timeout).toBeGreaterThanOrEqual(1);
    expect(await recent.first().textContent()).toContain('Invoice shows the wrong VAT rate');
    const timeline = summary.getByTestId('timeline');
    await expect.poll(() => timeline.getByTestId('timeline-item').count(), timeout).toBeGreaterThanOrEqual(2);
    expect(await timeline.locator('[data-testid=timeline-item][data-kind=case]').count()).toBeGreaterThanOrEqual(1);
    expect(
      await timeline.locator('[data-testid=timeline-item][data-kind=conversation]').count(),
    ).toBeGreaterThanOrEqual(1);

    // Unlink the case, then link it again from her recent cases.
    await linked.getByTestId('linked-case-unlink').click();
    await expect.poll(() => linked.getByTestId('linked-case').count(), timeout).toBe(0);
    await summary.getByTestId('summary-recent-cases').getByTestId('case-link').first().click();
    await expect.poll(() => linked.locator('[data-field=title]').textContent(), timeout).toContain('CAS-01001');

    // A quick note lands on her timeline; the filter shows notes only.
    await timeline.getByTestId('quick-note-input').fill('Emma prefers invoices by email');
    await timeline.getByTestId('quick-note-add').click();
    await expect
      .poll(() => timeline.getByTestId('timeline-item').first().textContent(), timeout)
      .toContain('Emma prefers invoices by email');
    await timeline.getByTestId('timeline-filter-note').click();
    await expect
      .poll(() => timeline.locator('[data-testid=timeline-item]:not([data-kind=note])').count(), timeout)
      .toBe(0);
    await timeline.getByTestId('timeline-filter-all').click();
    // The summary from its top: the quick note's focus had scrolled it down.
    await agent.locator('[data-testid=tab-pane]').evaluate((el) => el.scrollTo(0, 0));
    await agent.waitForTimeout(500); // Fluent's transitions settle first
    await agent.screenshot({ path: path.join(shots, 'agent-customer-summary.png') });

    // A new case: created for Emma, linked to the conversation, opened in its own tab.
    await summary.getByTestId('new-case').click();
    const dialog = agent.getByTestId('new-case-dialog');
    await dialog.getByTestId('new-case-title').fill('Refund the VAT difference');
    await dialog.getByTestId('new-case-priority').selectOption('normal');
    await dialog.getByTestId('new-case-product').fill('Invoicing');
    await dialog.getByTestId('new-case-description').fill('Charged 21% instead of 9%');
    await dialog.getByTestId('new-case-create').click();
    const caseTab = agent.locator('[data-testid=record-tab][data-kind=case]');
    await caseTab.waitFor(timeout);
    await expect
      .poll(() => caseTab.getByTestId('record-title').textContent(), timeout)
      .toContain('Refund the VAT difference');
    expect(await caseTab.getByTestId('record-linked').count()).toBe(1);
    const innerTab = agent.locator('[data-testid=inner-tab][aria-selected=true]');
    expect(await innerTab.getAttribute('data-kind')).toBe('case');

    // Back on the summary, the new case is the linked one.
    await agent.locator('[data-testid=inner-tab][data-kind=customer-summary]').click();
    await expect
      .poll(() => summary.getByTestId('summary-linked-case').locator('[data-field=title]').textContent(), timeout)
      .toContain('Refund the VAT difference');

    // The case tab survives a reload (it is in the stored workspace) and closes.
    await agent.reload();
    const stored = agent.locator('[data-testid=inner-tab][data-kind=case]');
    await stored.waitFor(timeout);
    await stored.click();
    await caseTab.waitFor(timeout);
    await agent.getByTestId('inner-tab-close').click();
    await expect.poll(() => agent.locator('[data-testid=inner-tab][data-kind=case]').count(), timeout).toBe(0);
  });
});
