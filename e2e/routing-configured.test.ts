/**
 * Issue 3's "done means", in Chromium against a server started like `npm start` (RT1-RT6, AG1):
 * an admin configures a second workstream, a classification rule on a pre-chat answer, a route
 * rule on a context variable, a skill, two assignment methods and a chat widget in the admin
 * center; chats started from the demo page's widget land in the right queue and reach the right
 * agents; the routing trace in the admin center explains each decision.
 *
 * Test ids beyond those listed in admin-center.test.ts: nav-widgets, widget-new, widget-row (data-id,
 * data-title), widget-title, widget-workstream, widget-save, widget-snippet.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { createApiClient, type ApiClient } from '@switchboard/protocol';
import { chromiumPath } from './support/chromium.js';
import { DEMO_PASSWORD as PASSWORD, serverAndBrowser, shots, signInAt } from './support/suite.js';

const timeout = { timeout: 15_000 };

describe.skipIf(!chromiumPath)('routing configured in the admin center, used by the demo widget', () => {
  const suite = serverAndBrowser();
  const agents: Record<string, ApiClient> = {};

  async function newPage(): Promise<Page> {
    const ctx = await suite.browser.newContext({ viewport: { width: 1440, height: 1000 } });
    return ctx.newPage();
  }

  async function signInAsAgent(email: string): Promise<ApiClient> {
    let token: string | null = null;
    const api = createApiClient({ baseUrl: suite.server.url, getToken: () => token });
    token = (await api.call('login', { body: { email, password: PASSWORD } })).token;
    await api.call('setPresence', { body: { presence: 'available' } });
    return api;
  }

  /** The demo shop page, with its widget tag naming `widgetId`, and a chat started from it. */
  async function chatFromDemoPage(
    widgetId: string,
    customer: { name: string; question: string; context?: Record<string, string> },
  ) {
    const page = await newPage();
    await page.route('**/demo/', async (route) => {
      const res = await route.fetch();
      await route.fulfill({
        response: res,
        body: (await res.text()).replace('data-widget-id="demo"', `data-widget-id="${widgetId}"`),
      });
    });
    await page.goto(`${suite.server.url}/demo/`);
    await page.waitForFunction(() => 'Switchboard' in window);
    // What the shop knows about its visitor reaches routing as context variables.
    if (customer.context)
      await page.evaluate(
        (ctx) =>
          (
            window as unknown as { Switchboard: { setContextProvider(f: () => object): void } }
          ).Switchboard.setContextProvider(() => ctx),
        customer.context,
      );
    await page.getByTestId('widget-launcher').click();
    const widget = page.frameLocator('[data-testid=widget-frame]');
    await widget.getByTestId('prechat-name').fill(customer.name);
    await widget.getByTestId('prechat-email').fill(`${customer.name.split(' ')[0]!.toLowerCase()}@customer.example`);
    await widget.getByTestId('prechat-question').fill(customer.question);
    await widget.getByTestId('prechat-submit').click();
    await expect.poll(() => widget.getByTestId('chat-status').getAttribute('data-status'), timeout).not.toBe(null);
  }

  /** The conversation offered to `agent` for this customer: who got it is the routing's answer. */
  async function offeredTo(agent: string, customerName: string): Promise<string> {
    let id: string | undefined;
    await expect
      .poll(
        async () =>
          (id = (await agents[agent]!.call('listOffers')).offers.find(
            (o) => o.customerName === customerName,
          )?.conversationId),
        timeout,
      )
      .toBeTruthy();
    return id!;
  }

  /** One condition in a rule's condition builder. */
  async function addCondition(rule: Locator, scope: string, name: string, operator: string, value: string) {
    await rule.getByTestId('cond-add').click();
    await rule.getByTestId('cond-scope').selectOption(scope);
    await rule.getByTestId('cond-name').fill(name);
    await rule.getByTestId('cond-operator').selectOption(operator);
    await rule.getByTestId('cond-value').fill(value);
  }

  async function showTrace(admin: Page, conversationId: string) {
    await admin.getByTestId('nav-trace').click();
    await admin.getByTestId('trace-id').fill(conversationId);
    await admin.getByTestId('trace-submit').click();
    await admin.getByTestId('trace-entry').first().waitFor(timeout);
  }

  it('two workstreams, rules on a pre-chat answer and a context variable, ' +
    'skills, two methods: each chat reaches the right agent, and the trace says why', async () => {
    const admin = await newPage();
    await signInAt(admin, `${suite.server.url}/admin/`, 'ada@contoso.example');
    await admin.getByTestId('workstream-row').first().waitFor(timeout);

    // A skill, held by Bob only.
    await admin.getByTestId('nav-skills').click();
    await admin.getByTestId('skill-new').click();
    await admin.getByTestId('skill-name').fill('Printers');
    await admin.getByTestId('skill-type').fill('Product');
    await admin.getByTestId('skill-save').click();
    await admin.locator('[data-testid=skill-row][data-name="Printers"]').waitFor(timeout);
    await admin.getByTestId('nav-users').click();
    await admin.locator('[data-testid=user-row][data-email="bob@contoso.example"]').getByTestId('user-routing').click();
    await admin.getByTestId('agent-skill-add').click();
    await admin.getByTestId('agent-skill').last().selectOption({ label: 'Printers' });
    await admin.getByTestId('agent-skill-proficiency').last().fill('8');
    await admin.getByTestId('agent-save').click();
    await admin.getByTestId('toast-success').first().waitFor(timeout);

    // Two queues with two assignment methods.
    async function createQueue(name: string, method: string, members: string[]) {
      await admin.getByTestId('nav-queues').click();
      await admin.getByTestId('queue-new').click();
      await admin.getByTestId('queue-name').fill(name);
      await admin.getByTestId('queue-method').selectOption(method);
      for (const email of members) await admin.locator(`[data-testid=queue-member][data-email="${email}"]`).check();
      await admin.getByTestId('queue-save').click();
      // Saved, the editor moves to the new queue's address.
      await admin.waitForURL(/\/queues\/[0-9a-f-]{36}$/, timeout);
      await admin.getByTestId('nav-queues').click();
      await admin.locator(`[data-testid=queue-row][data-name="${name}"]`).waitFor(timeout);
    }
    await createQueue('Printer desk', 'least-active', ['alice@contoso.example', 'bob@contoso.example']);
    await createQueue('Gold desk', 'round-robin', ['chloe@contoso.example']);

    // A second workstream: exact skills, a classification rule on a pre-chat answer,
    // a route rule on a context variable.
    await admin.getByTestId('nav-workstreams').click();
    await admin.getByTestId('workstream-new').click();
    await admin.getByTestId('ws-name').fill('Printer chat');
    await admin.getByTestId('ws-fallback-queue').selectOption({ label: 'Printer desk' });
    await admin.getByTestId('ws-skill-matching').selectOption('exact');
    await admin.getByTestId('ws-tab-rules').click();
    await admin.getByTestId('ruleset-add').click();
    const ruleset = admin.getByTestId('ruleset').last();
    await ruleset.getByTestId('ruleset-name').fill('Product');
    // A new ruleset starts with one empty rule.
    const classRule = ruleset.getByTestId('class-rule').first();
    await classRule.getByTestId('class-rule-name').fill('Printer questions');
    await addCondition(classRule, 'prechat', 'question', 'contains', 'printer');
    await classRule.getByTestId('class-rule-skill-add').click();
    await classRule.getByTestId('class-rule-skill').selectOption({ label: 'Printers' });
    await classRule.getByTestId('class-rule-proficiency').fill('5');
    await admin.getByTestId('route-rule-add').click();
    const routeRule = admin.getByTestId('route-rule').last();
    await routeRule.getByTestId('route-rule-name').fill('Gold plan');
    await addCondition(routeRule, 'context', 'plan', 'equals', 'gold');
    await routeRule.getByTestId('route-rule-queue').selectOption({ label: 'Gold desk' });
    await admin.getByTestId('workstream-save').click();
    await admin.waitForURL(/\/workstreams\/[0-9a-f-]{36}/, timeout);
    await admin.getByTestId('nav-workstreams').click();
    await admin.locator('[data-testid=workstream-row][data-name="Printer chat"]').waitFor(timeout);

    // A chat widget that starts its conversations in the new workstream.
    await admin.getByTestId('nav-widgets').click();
    await admin.getByTestId('widget-new').click();
    await admin.getByTestId('widget-title').fill('Printer help');
    await admin.getByTestId('widget-workstream').selectOption({ label: 'Printer chat' });
    await admin.getByTestId('widget-save').click();
    await admin.getByTestId('nav-widgets').click();
    const row = admin.locator('[data-testid=widget-row][data-title="Printer help"]');
    await row.waitFor(timeout);
    const widgetId = (await row.getAttribute('data-id'))!;
    expect(widgetId).toMatch(/^printer-help-/);

    for (const email of ['alice', 'bob', 'chloe']) agents[email] = await signInAsAgent(`${email}@contoso.example`);

    // A printer question: classified as needing Printers 5, no route rule matches, so the fallback
    // queue; least active among its members, but only Bob has the skill (exact matching).
    await chatFromDemoPage(widgetId, { name: 'Pete Printer', question: 'My printer is jammed' });
    const pete = await offeredTo('bob', 'Pete Printer');
    // A gold customer (a context variable from the shop's page): the route rule sends them to Gold desk.
    await chatFromDemoPage(widgetId, { name: 'Gwen Gold', question: 'Where is my order?', context: { plan: 'gold' } });
    const gwen = await offeredTo('chloe', 'Gwen Gold');
    // The first workstream still serves the original demo widget: a buying question goes to Sales.
    await chatFromDemoPage('demo', { name: 'Sven Shopper', question: 'What is the price of the Linden table?' });
    let sven: string | undefined;
    await expect
      .poll(async () => {
        for (const a of ['alice', 'chloe'])
          sven ??= (await agents[a]!.call('listOffers')).offers.find(
            (o) => o.customerName === 'Sven Shopper',
          )?.conversationId;
        return sven;
      }, timeout)
      .toBeTruthy();
    expect((await agents.alice!.call('listOffers')).offers.map((o) => o.customerName)).not.toContain('Pete Printer');

    // The trace explains each decision.
    await showTrace(admin, pete);
    expect(await admin.locator('[data-testid=trace-step][data-step=classification]').first().textContent()).toContain(
      'Printer questions',
    );
    expect(await admin.getByTestId('trace-queue').first().textContent()).toBe('Printer desk');
    const considered = admin.getByTestId('trace-agent');
    expect(await considered.filter({ hasText: 'Bob de Vries' }).getAttribute('data-chosen')).toBe('true');
    expect(await considered.filter({ hasText: 'Alice Martin' }).textContent()).toContain(
      'missing skill “Printers” (needs 5)',
    );
    await admin.screenshot({ path: path.join(shots, 'admin-trace.png'), fullPage: true });

    await showTrace(admin, gwen);
    expect(await admin.getByTestId('trace-queue').first().textContent()).toBe('Gold desk');
    expect(await admin.locator('[data-testid=trace-step][data-step=queue]').first().textContent()).toContain(
      'Gold plan',
    );
    expect(await admin.getByTestId('trace-agent').filter({ hasText: 'Chloé Dubois' }).getAttribute('data-chosen')).toBe(
      'true',
    );

    await showTrace(admin, sven!);
    expect(await admin.getByTestId('trace-queue').first().textContent()).toBe('Sales');
    expect(await admin.locator('[data-testid=trace-step][data-step=queue]').first().textContent()).toContain(
      'Buying questions go to Sales',
    );
  });
});
