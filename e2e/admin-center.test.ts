/**
 * The admin center in Chromium against a real server (AD1-AD3, RT1-RT6).
 *
 * Test ids the admin center provides (apps/admin):
 * - sign-in: login-email, login-password, login-submit, login-error; admins-only (the page an agent or
 *   supervisor sees), sign-out
 * - navigation: nav-workstreams, nav-queues, nav-operating-hours, nav-skills, nav-capacity-profiles,
 *   nav-presences, nav-users, nav-settings, nav-import-export, nav-trace
 * - lists: <item>-new, <item>-row (data-name or data-email), <item>-edit, <item>-delete for skill,
 *   capacity-profile, presence, queue, hours, workstream, user (user-routing opens a person's queues, skills and
 *   capacity); deletion: confirm-delete, confirm-ok, confirm-cancel, delete-error (the server's 409 message)
 * - saving: skill-save, capacity-profile-save, presence-save, queue-save, hours-save, workstream-save,
 *   agent-save, settings-save; toast-success, toast-error, save-error, form-errors, field-error
 * - workstream editor: ws-tab-settings, ws-tab-rules, ws-name, ws-channel, ws-distribution, ws-fallback-queue,
 *   ws-capacity-units, ws-presence-<presence>, ws-wrapup, ws-wrapup-seconds, ws-max-declines, ws-skill-matching,
 *   ws-offer-timeout, ws-auto-close, ws-affinity; workstream-rules (list button to the rules tab)
 * - rules: ruleset, ruleset-add, ruleset-name, class-rule, class-rule-add, class-rule-name, class-rule-skill-add,
 *   class-rule-skill, class-rule-proficiency, class-rule-priority, class-rule-severity, class-rule-profile;
 *   route-rule, route-rule-add, route-rule-name, route-rule-up/-down/-delete, route-rule-target-one,
 *   route-rule-target-split, route-rule-queue, route-rule-split-queue, route-rule-split-percentage,
 *   route-rule-split-add, route-rule-split-total
 * - condition builder: condition-builder, cond-group (data-kind and|or), cond-group-mode, cond-group-up/-down/-delete,
 *   cond-row, cond-scope, cond-name, cond-operator, cond-value, cond-value-list, cond-value-input, cond-value-tag,
 *   cond-add, cond-add-group, cond-up, cond-down, cond-delete, cond-always
 * - queue editor: queue-name, queue-priority, queue-hours, queue-method, queue-sort-key(-name/-direction/-add),
 *   queue-filter(-add/-kind), overflow-add, overflow-when, overflow-then, overflow-queue, overflow-message,
 *   queue-member (data-email), queue-members-count
 * - operating hours: hours-name, hours-timezone, hours-day (data-day), hours-start, hours-end, hours-add-period,
 *   hours-copy-monday, hours-holiday-input, hours-holiday-add, hours-holiday
 * - API clients: api-client-new, api-client-name, api-client-save, api-client-row (data-name), api-client-keys,
 *   api-key-secret, api-key-done, api-key-issued, api-key-revoke, api-key-revoke-confirm, api-key-row (data-revoked)
 * - agents: agent-capacity, agent-skill-add, agent-skill, agent-skill-proficiency, agent-profile-add, agent-profile,
 *   agent-profile-limit, agent-queue
 * - settings: settings-default-presence, settings-idle-minutes
 * - import / export: export-download, import-file, import-confirm, import-result, import-problems, import-problem
 * - routing trace: trace-id, trace-submit, trace-entry, trace-step (data-step), trace-queue, trace-skipped,
 *   trace-agent (data-chosen), trace-error
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createApiClient, type ApiClient, type ConfigExport } from '@switchboard/protocol';
import { chromiumPath } from './support/chromium.js';
import { DEMO_PASSWORD as PASSWORD, serverAndBrowser, shots, signInAt } from './support/suite.js';

const timeout = { timeout: 15_000 };

// Skipped only when no Chromium is installed outside CI (support/chromium.ts says so, and fails in CI).
describe.skipIf(!chromiumPath)('the admin center in Chromium', () => {
  const suite = serverAndBrowser();
  let api: ApiClient;

  beforeAll(async () => {
    let token: string | null = null;
    api = createApiClient({ baseUrl: suite.server.url, getToken: () => token });
    token = (await api.call('login', { body: { email: 'ada@contoso.example', password: PASSWORD } })).token;
  });

  async function signIn(email: string): Promise<Page> {
    const ctx = await suite.browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
    const page = await ctx.newPage();
    await signInAt(page, `${suite.server.url}/admin/`, email);
    return page;
  }

  /** The configuration as the API has it, without the export time, to compare before and after. */
  async function config(): Promise<Omit<ConfigExport, 'exportedAt'>> {
    const { exportedAt: _at, ...rest } = await api.call('exportConfig');
    return rest;
  }

  it('an admin configures skills, hours, a queue, routing ' +
    'rules and an agent; exports and imports; an agent is kept out', async () => {
    const page = await signIn('ada@contoso.example');
    await page.getByTestId('workstream-row').first().waitFor(timeout);

    // Skills: create one; deleting one still in use is refused with the server's reason.
    await page.getByTestId('nav-skills').click();
    await page.getByTestId('skill-new').click();
    await page.getByTestId('skill-name').fill('Printers');
    await page.getByTestId('skill-type').fill('Product');
    await page.getByTestId('skill-save').click();
    await page.locator('[data-testid=skill-row][data-name="Printers"]').waitFor(timeout);
    await page.locator('[data-testid=skill-row][data-name="French"]').getByTestId('skill-delete').click();
    await page.getByTestId('confirm-ok').click();
    expect(await page.getByTestId('delete-error').textContent(timeout)).toContain('French speakers');
    await page.getByTestId('confirm-cancel').click();
    expect((await api.call('listSkills')).map((s) => s.name).sort()).toEqual([
      'Dutch',
      'English',
      'French',
      'Printers',
    ]);

    // Operating hours in a chosen time zone, with a holiday.
    await page.getByTestId('nav-operating-hours').click();
    await page.getByTestId('hours-new').click();
    await page.getByTestId('hours-name').fill('Office hours');
    await page.getByTestId('hours-timezone').selectOption('Europe/Amsterdam');
    await page.locator('[data-testid=hours-day][data-day="sat"]').getByTestId('hours-add-period').click();
    await page.locator('[data-testid=hours-day][data-day="sat"]').getByTestId('hours-end').fill('12:00');
    await page.getByTestId('hours-holiday-input').fill('2026-12-25');
    await page.getByTestId('hours-holiday-add').click();
    await page.getByTestId('hours-save').click();
    await expect
      .poll(async () => (await api.call('listOperatingHours')).map((h) => h.name), timeout)
      .toEqual(['Callbacks only', 'Office hours']); // the demo's Callbacks queue has its own
    const hours = (await api.call('listOperatingHours')).find((h) => h.name === 'Office hours');
    expect(hours).toMatchObject({ timeZone: 'Europe/Amsterdam', holidays: ['2026-12-25'] });
    expect(hours!.weekly).toHaveLength(6);

    // A queue with members, priority and those hours.
    await page.getByTestId('nav-queues').click();
    await page.getByTestId('queue-new').click();
    await page.getByTestId('queue-name').fill('VIP');
    await page.getByTestId('queue-priority').fill('5');
    await page.locator('[data-testid=queue-member][data-email="alice@contoso.example"]').check();
    await page.locator('[data-testid=queue-member][data-email="bob@contoso.example"]').check();
    await page.getByTestId('queue-save').click();
    await expect
      .poll(async () => (await api.call('listQueueConfigs')).find((q) => q.name === 'VIP'), timeout)
      .toBeTruthy();
    const agents = await api.call('listAgents');
    const idOf = (email: string) => agents.find((a) => a.email === email)!.id;
    const vip = (await api.call('listQueueConfigs')).find((q) => q.name === 'VIP')!;
    expect(vip).toMatchObject({ priority: 5, operatingHoursId: null });
    expect([...vip.memberIds].sort()).toEqual([idOf('alice@contoso.example'), idOf('bob@contoso.example')].sort());

    // The demo workstream's route-to-queue rules, with the condition builder.
    await page.getByTestId('nav-workstreams').click();
    await page
      .locator('[data-testid=workstream-row][data-name="Website chat"]')
      .getByTestId('workstream-rules')
      .click();
    await page.getByTestId('route-rule-add').click();
    const rule = page.getByTestId('route-rule').last();
    await rule.getByTestId('route-rule-name').fill('Gold customers');
    await rule.getByTestId('cond-add').click();
    await rule.getByTestId('cond-scope').selectOption('context');
    await rule.getByTestId('cond-name').fill('tier');
    await rule.getByTestId('cond-operator').selectOption('equals');
    await rule.getByTestId('cond-value').fill('gold');
    await rule.getByTestId('cond-add').click();
    const second = rule.getByTestId('cond-row').nth(1);
    await second.getByTestId('cond-scope').selectOption('contact');
    await second.getByTestId('cond-name').fill('city');
    await second.getByTestId('cond-operator').selectOption('in');
    for (const city of ['Amsterdam', 'Brussels']) {
      await second.getByTestId('cond-value-input').fill(city);
      await second.getByTestId('cond-value-input').press('Enter');
    }
    await rule.getByTestId('route-rule-queue').selectOption({ label: 'VIP' });
    await rule.getByTestId('route-rule-up').click();
    await page.getByTestId('workstream-save').click();
    await page.getByTestId('toast-success').first().waitFor(timeout);
    const website = (await api.call('listWorkstreams')).find((w) => w.name === 'Website chat')!;
    // Moved up once: above the buying questions, below the demo's callback requests.
    expect(website.routeToQueue.map((r) => r.name)).toEqual([
      'Callback requests',
      'Gold customers',
      'Buying questions go to Sales',
    ]);
    expect(website.routeToQueue[1]).toEqual({
      name: 'Gold customers',
      when: {
        kind: 'and',
        all: [
          { kind: 'compare', field: 'context.tier', operator: 'equals', value: 'gold' },
          { kind: 'compare', field: 'contact.city', operator: 'in', value: ['Amsterdam', 'Brussels'] },
        ],
      },
      queues: [{ queueId: vip.id, percentage: 100 }],
    });
    // After a reload the rules come back from the server as saved.
    await page.reload();
    await page.getByTestId('route-section').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    expect(await page.getByTestId('route-rule').nth(1).getByTestId('cond-value-tag').allTextContents()).toEqual([
      'Amsterdam',
      'Brussels',
    ]);
    await page.screenshot({ path: path.join(shots, 'admin-rules.png') });

    // An agent's skills and capacity.
    await page.getByTestId('nav-users').click();
    await page.locator('[data-testid=user-row][data-email="bob@contoso.example"]').getByTestId('user-routing').click();
    await page.getByTestId('agent-capacity').fill('4');
    await page.getByTestId('agent-skill-add').click();
    await page.getByTestId('agent-skill').last().selectOption({ label: 'Printers' });
    await page.getByTestId('agent-skill-proficiency').last().fill('8');
    await page.getByTestId('agent-save').click();
    const printers = (await api.call('listSkills')).find((s) => s.name === 'Printers')!;
    await expect
      .poll(async () => (await api.call('listAgents')).find((a) => a.email === 'bob@contoso.example')!.routing, timeout)
      .toMatchObject({ capacity: 4, skills: expect.arrayContaining([{ skillId: printers.id, proficiency: 8 }]) });

    // Export, then import the same file back: accepted, nothing different.
    await page.getByTestId('nav-import-export').click();
    const before = await config();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-download').click()]);
    const file = await download.path();
    const exported = JSON.parse(readFileSync(file, 'utf8')) as ConfigExport;
    expect(exported.format).toBe('switchboard-config');
    expect(exported.skills.map((s) => s.name)).toContain('Printers');
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-result').waitFor(timeout);
    expect(await config()).toEqual(before);

    // An invalid file: every problem listed, nothing changed.
    const broken = structuredClone(exported);
    broken.workstreams[0]!.fallbackQueueId = '00000000-0000-4000-8000-000000000999';
    broken.agents.push({ ...broken.agents[0]!, email: 'nobody@example.com' });
    await page
      .getByTestId('import-file')
      .setInputFiles({
        name: 'broken.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(broken)),
      });
    await page.getByTestId('import-confirm').click();
    const problems = page.getByTestId('import-problems');
    await problems.waitFor(timeout);
    expect(await problems.textContent()).toContain('nothing was changed');
    const listed = await page.getByTestId('import-problem').allTextContents();
    expect(listed.length).toBeGreaterThanOrEqual(2);
    expect(listed.join('\n')).toContain('nobody@example.com');
    expect(await config()).toEqual(before);

    // The rule applies at once (RT6): a gold customer from Amsterdam goes to VIP, and the trace says why.
    const chat = await api.call('startChat', {
      params: { widgetId: 'demo' },
      body: {
        prechat: { name: 'Emma Janssen', email: 'emma@fabrikam.example', question: 'Hello' },
        context: { tier: 'gold' },
      },
    });
    await page.getByTestId('nav-trace').click();
    await page.getByTestId('trace-id').fill(`conversation ${chat.conversation.id} from the log`);
    await page.getByTestId('trace-submit').click();
    expect(await page.getByTestId('trace-queue').textContent(timeout)).toBe('VIP');
    expect(await page.locator('[data-testid=trace-step][data-step=queue]').textContent()).toContain('Gold customers');
    await page.getByTestId('trace-id').fill('00000000-0000-4000-8000-000000000123');
    await page.getByTestId('trace-submit').click();
    await page.getByTestId('trace-error').waitFor(timeout);

    // An agent who signs in to the admin center sees that it is for admins only.
    const agent = await signIn('alice@contoso.example');
    await agent.getByTestId('admins-only').waitFor(timeout);
    expect(await agent.getByTestId('nav-workstreams').count()).toBe(0);
  });

  it('an admin makes an API client: its key is shown once, reads the supervisor API, stops once revoked', async () => {
    const page = await signIn('ada@contoso.example');
    await page.getByTestId('nav-users').click();
    await page.getByTestId('api-client-new').click();
    await page.getByTestId('api-client-name').fill('Wallboard');
    await page.getByTestId('api-client-save').click();
    const key = await page.getByTestId('api-key-secret').inputValue(timeout);
    expect(key).toMatch(/^sbk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    await page.getByTestId('api-key-done').click();
    await page.getByTestId('api-key-issued').waitFor({ state: 'detached', ...timeout });
    expect(await page.content()).not.toContain(key.slice(22));

    const ongoing = () =>
      fetch(`${suite.server.url}/api/supervision/conversations`, { headers: { authorization: `Bearer ${key}` } });
    expect((await ongoing()).status).toBe(200);
    await page.locator('[data-testid=api-client-row][data-name="Wallboard"]').getByTestId('api-client-keys').click();
    await page.getByTestId('api-key-revoke').click();
    await page.getByTestId('api-key-revoke-confirm').click();
    await page.locator('[data-testid=api-key-row][data-revoked="true"]').waitFor(timeout);
    const refused = await ongoing();
    expect([refused.status, ((await refused.json()) as { message: string }).message]).toEqual([
      401,
      'This API key has been revoked; ask an admin for a new one',
    ]);
  });
});
