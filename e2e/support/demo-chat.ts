import type { Browser, FrameLocator, Page } from 'playwright-core';
import type { ServerProcess } from './server-process.js';
import { signInAt } from './suite.js';

type Suite = { readonly server: ServerProcess; readonly browser: Browser };
type Viewport = { width: number; height: number };
const timeout = { timeout: 15_000 };

/** A demo agent signed in to the workspace and Available, so routing offers them the next chat. */
export async function availableAgent(suite: Suite, email: string, viewport: Viewport): Promise<Page> {
  const agent = await (await suite.browser.newContext({ viewport })).newPage();
  await signInAt(agent, `${suite.server.url}/agent/`, email);
  await agent.getByTestId('presence-select').waitFor(timeout);
  await agent.getByTestId('presence-select').selectOption('available');
  return agent;
}

/** The demo page in a browser of its own; `before` runs on it (e.g. tracking calls) before the launcher opens. */
export async function demoCustomer(
  suite: Suite,
  prechat: { name: string; email: string; question: string },
  before?: (page: Page) => Promise<void>,
): Promise<{ customer: Page; widget: FrameLocator }> {
  const customer = await (await suite.browser.newContext({ viewport: { width: 1000, height: 800 } })).newPage();
  await customer.goto(`${suite.server.url}/demo/`);
  if (before) await before(customer);
  await customer.getByTestId('widget-launcher').click();
  const widget = customer.frameLocator('[data-testid=widget-frame]');
  await widget.getByTestId('prechat-name').fill(prechat.name);
  await widget.getByTestId('prechat-email').fill(prechat.email);
  await widget.getByTestId('prechat-question').fill(prechat.question);
  await widget.getByTestId('prechat-submit').click();
  return { customer, widget };
}

/** Accepts the offer in the agent's corner and answers the conversation's id. */
export async function acceptOffer(agent: Page): Promise<string> {
  const offer = agent.locator('[data-testid=notification][data-subject=offer]');
  await offer.waitFor(timeout);
  const id = (await offer.getAttribute('data-conversation-id'))!;
  await agent.getByTestId('notification-accept').click();
  return id;
}
