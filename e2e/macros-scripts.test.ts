/**
 * Agent scripts and macros (AG7, AG8) in Chromium against a server started like `npm start`: Emma
 * starts a demo chat; Alice accepts and sees the website chat's script beside the conversation. She
 * ticks the first step, opens the sub-script, runs the "Create case from chat" macro from its script
 * step: the case it creates opens in a tab, the customer gets the quick reply, and after a reload the
 * ticks are still there.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from './support/chromium.js';
import { acceptOffer, availableAgent, demoCustomer } from './support/demo-chat.js';
import { serverAndBrowser, shots } from './support/suite.js';

const timeout = { timeout: 15_000 };

describe.skipIf(!chromiumPath)('agent scripts and macros in Chromium', () => {
  const suite = serverAndBrowser();
  const viewport = { width: 1700, height: 1000 };

  it('follows the script, runs its macro and opens the created case in a tab', async () => {
    const agent = await availableAgent(suite, 'alice@contoso.example', viewport);
    const { widget } = await demoCustomer(suite, {
      name: 'Emma Janssen',
      email: 'emma@fabrikam.example',
      question: 'My printer does not print',
    });
    const id = await acceptOffer(agent);

    // The website chat's script, beside the conversation.
    const pane = agent.locator(`[data-testid=session-view][data-conversation-id="${id}"] [data-testid=script-pane]`);
    await pane.waitFor(timeout);
    await expect.poll(() => pane.textContent(), timeout).toContain('Website chat');
    const step = (stepId: string) => pane.locator(`[data-testid=script-step][data-step-id=${stepId}]`).first();
    await step('greet').getByRole('checkbox').click();
    await expect.poll(() => step('greet').getAttribute('data-done'), timeout).toBe('true');

    // The sub-script expands in place.
    await step('verify').getByTestId('script-sub-toggle').click();
    await expect.poll(() => pane.locator('[data-testid=script-steps]').count(), timeout).toBe(2);

    // The macro step: a case is created and opens in a tab; the step is done.
    await step('case').getByTestId('script-run-macro').click();
    const result = step('case').getByTestId('macro-result');
    await result.waitFor(timeout);
    expect(await result.getAttribute('data-ok')).toBe('true');
    const caseTab = agent.locator('[data-testid=inner-tab][data-kind=case]');
    await caseTab.waitFor(timeout);
    expect(await caseTab.textContent()).toContain('Chat with Emma Janssen');
    expect(await agent.locator('[data-testid=inner-tab][aria-selected=true]').getAttribute('data-kind')).toBe('case');
    await expect.poll(() => step('case').getAttribute('data-done'), timeout).toBe('true');
    // The customer got the macro's quick reply.
    await expect.poll(() => widget.locator('body').textContent(), timeout).toContain('One moment please');
    await agent.waitForTimeout(500); // Fluent's transitions settle first
    await agent.screenshot({ path: path.join(shots, 'agent-script-macro.png') });

    // Progress is the server's: a reload shows the same ticks.
    await agent.reload();
    await pane.waitFor(timeout);
    await expect.poll(() => step('greet').getAttribute('data-done'), timeout).toBe('true');
    expect(await step('case').getAttribute('data-done')).toBe('true');
  });
});
