/**
 * Knowledge in the conversation (AG9) in Chromium against a server started like `npm start`: Alice
 * accepts a demo chat, searches the articles in Dutch ("facturen" finds the article on "factuur"
 * by Dutch stemming), sends one's link in one click and then another's text; the widget shows both
 * and the link opens the article's public page.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumPath } from './support/chromium.js';
import { acceptOffer, availableAgent, demoCustomer } from './support/demo-chat.js';
import { serverAndBrowser, shots } from './support/suite.js';

const timeout = { timeout: 15_000 };

describe.skipIf(!chromiumPath)('knowledge articles in Chromium', () => {
  const suite = serverAndBrowser();

  it('finds an article by its stem, sends its link and another one’s text to the customer', async () => {
    const agent = await availableAgent(suite, 'alice@contoso.example', { width: 1600, height: 1000 });
    const { widget } = await demoCustomer(suite, {
      name: 'Sanne de Vries',
      email: 'sanne@example.nl',
      question: 'Waar vind ik mijn factuur?',
    });
    const id = await acceptOffer(agent);
    const panel = agent.locator(`[data-testid=conversation-panel][data-conversation-id="${id}"]`);
    await panel.waitFor(timeout);

    await panel.getByTestId('knowledge-open-panel').click();
    const knowledge = agent.getByTestId('knowledge-panel');
    await knowledge.getByTestId('knowledge-query').fill('facturen');
    const hit = knowledge.getByTestId('knowledge-hit').first();
    await expect.poll(() => hit.getByTestId('knowledge-hit-title').textContent(), timeout).toContain('facturen');
    // The match is highlighted, and only as a <mark>.
    expect(await hit.locator('mark').count()).toBeGreaterThanOrEqual(1);
    const articleId = (await hit.getAttribute('data-article-id'))!;
    await agent.waitForTimeout(300); // Fluent's drawer transition settles first
    await agent.screenshot({ path: path.join(shots, 'agent-knowledge.png') });
    await hit.getByTestId('knowledge-send-link').click();

    const messages = widget.getByTestId('chat-messages');
    await expect.poll(() => messages.textContent(), timeout).toContain(`/kb/${articleId}`);

    // Another search, in French, and its text instead of a link.
    await knowledge.getByTestId('knowledge-query').fill('imprimantes');
    const printer = knowledge.getByTestId('knowledge-hit').first();
    await expect.poll(() => printer.getByTestId('knowledge-hit-title').textContent(), timeout).toContain('imprimante');
    await printer.getByTestId('knowledge-send-text').click();
    await expect.poll(() => messages.textContent(), timeout).toContain("L'imprimante n'imprime pas");

    // The link is the article's public page, readable without signing in.
    const page = await (await suite.browser.newContext()).newPage();
    const answer = await page.goto(`${suite.server.url}/kb/${articleId}`);
    expect(answer?.status()).toBe(200);
    expect(await page.locator('h1').textContent()).toContain('facturen');
  });
});
