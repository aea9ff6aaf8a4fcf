/**
 * SMS in Chromium (CH2, CH5): an admin adds a Twilio channel in the admin center; a text signed the way
 * Twilio signs (the vendor SDK's own signer) reaches an agent, who answers in the workspace; the reply
 * reaches the provider's stand-in and its delivery shows on the message. Then a newcomer's path: the
 * demo phone texts a seeded channel and gets the agent's answer. Screenshots go to docs/screenshots/.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import twilio from 'twilio';
import { DEMO_SMS } from '../packages/server/src/demo/sms-demo.js';
import { chromiumPath } from './support/chromium.js';
import { serverAndBrowser, shots, signInAt } from './support/suite.js';

const timeout = { timeout: 15_000 };
const demoTwilio = DEMO_SMS.find((d) => d.provider === 'twilio')!.config as {
  accountSid: string;
  authToken: string;
  numbers: string[];
};

describe.skipIf(!chromiumPath)('SMS in Chromium', () => {
  const suite = serverAndBrowser();
  const agents: Page[] = [];

  async function newPage(): Promise<Page> {
    const ctx = await suite.browser.newContext({ viewport: { width: 1440, height: 900 } });
    return ctx.newPage();
  }

  async function availableAgent(email: string): Promise<Page> {
    const page = await newPage();
    await signInAt(page, `${suite.server.url}/agent/`, email);
    await page.getByTestId('presence-select').waitFor(timeout);
    await page.getByTestId('presence-select').selectOption('available');
    agents.push(page);
    return page;
  }

  /** Posts what Twilio would post to `url`, signed with the auth token by the twilio SDK. */
  async function twilioPost(url: string, params: Record<string, string>) {
    const signature = twilio.getExpectedTwilioSignature(demoTwilio.authToken, url, params);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(params).toString(),
    });
    expect(res.status).toBe(200);
  }

  it('an admin adds a Twilio channel; a text reaches an agent who answers; the delivery shows', async () => {
    const admin = await newPage();
    await signInAt(admin, `${suite.server.url}/admin/`, 'ada@contoso.example');
    await admin.getByTestId('nav-channels').click(timeout);
    await admin.getByTestId('channel-new').click(timeout);
    await admin.getByTestId('channel-name').fill('SMS Netherlands');
    await admin.getByTestId('channel-provider').selectOption('twilio');
    await admin.getByTestId('channel-workstream').selectOption({ label: 'Text messages' });
    await admin.getByTestId('channel-config-accountSid').fill(demoTwilio.accountSid);
    await admin.getByTestId('channel-config-authToken').fill(demoTwilio.authToken);
    await admin.getByTestId('channel-config-numbers').fill(demoTwilio.numbers[0]!);
    // The demo's own Twilio stand-in: what an operator points at a regional endpoint, a test at a local one.
    await admin.getByTestId('channel-config-apiBaseUrl').fill(`${suite.server.url}/demo/providers/twilio`);
    await admin.getByTestId('channel-save').click();
    const row = admin.locator('[data-testid=channel-row][data-name="SMS Netherlands"]');
    await row.waitFor(timeout);
    const webhookUrl = (await row.getByTestId('channel-webhook-url').textContent())!.trim();
    expect(webhookUrl).toMatch(/\/webhooks\/twilio\/[0-9a-f-]{36}$/);
    const secret = (await row.getByTestId('channel-secret').first().textContent()) ?? '';
    expect(secret).toMatch(/set/i);
    expect(secret).not.toMatch(/not set/i);
    await admin.screenshot({ path: path.join(shots, 'admin-channels.png') });

    const bob = await availableAgent('bob@contoso.example');
    const sid = `SM${'5'.repeat(32)}`;
    await twilioPost(webhookUrl, {
      MessageSid: sid,
      SmsSid: sid,
      AccountSid: demoTwilio.accountSid,
      From: '+31612345678',
      To: demoTwilio.numbers[0]!,
      Body: 'Hallo, waar blijft mijn bestelling?',
      NumMedia: '0',
    });
    await bob.locator('[data-testid=notification][data-subject=offer]').waitFor(timeout);
    // The number is Emma Janssen's mobile: the offer names her.
    expect(await bob.getByTestId('notification-customerName').textContent()).toContain('Emma Janssen');
    await bob.getByTestId('notification-accept').click();
    const panel = bob.getByTestId('conversation-panel');
    await panel.waitFor(timeout);
    expect(await panel.textContent()).toContain('+31612345678');
    await bob.getByTestId('composer-input').fill('Goedemiddag Emma, uw bestelling komt morgen.');
    await bob.getByTestId('composer-send').click();
    const delivery = bob.getByTestId('delivery').last();
    await expect.poll(() => delivery.getAttribute('data-status'), timeout).toMatch(/queued|sent|delivered/);

    // The stand-in gave the reply a Twilio id; Twilio's status callback for it marks it delivered.
    const thread = (await (
      await fetch(`${suite.server.url}/demo/phone/api/messages?number=%2B31612345678`)
    ).json()) as {
      text: string;
      providerMessageId?: string;
    }[];
    const reply = thread.find((m) => m.text === 'Goedemiddag Emma, uw bestelling komt morgen.');
    expect(reply?.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
    await twilioPost(webhookUrl, {
      MessageSid: reply!.providerMessageId!,
      SmsSid: reply!.providerMessageId!,
      AccountSid: demoTwilio.accountSid,
      MessageStatus: 'delivered',
      SmsStatus: 'delivered',
      From: demoTwilio.numbers[0]!,
      To: '+31612345678',
      ApiVersion: '2010-04-01',
    });
    await expect.poll(() => delivery.getAttribute('data-status'), timeout).toBe('delivered');
    await bob.screenshot({ path: path.join(shots, 'agent-sms.png') });
  });

  it('the demo phone texts a seeded number and gets the automated messages and the agent’s answer', async () => {
    // The admin words the SMS "agent assigned" message; the demo has it on.
    const admin = await newPage();
    await signInAt(admin, `${suite.server.url}/admin/`, 'ada@contoso.example');
    await admin.getByTestId('nav-automated-messages').click(timeout);
    await admin.getByTestId('automated-channel-sms').click(timeout);
    const assigned = admin.locator('[data-testid=automated-message][data-trigger=assigned]');
    await expect.poll(() => assigned.getAttribute('data-enabled'), timeout).toBe('true');
    await assigned.getByTestId('automated-body-en').fill('{agentName} from {orgName} is with you now.');
    await assigned.getByTestId('automated-save').click();
    await expect.poll(() => assigned.getByTestId('automated-body-en').inputValue(), timeout).toContain('{agentName}');
    await admin.screenshot({ path: path.join(shots, 'admin-automated-messages.png') });

    await availableAgent('alice@contoso.example');
    const phone = await newPage();
    await phone.setViewportSize({ width: 900, height: 760 });
    await phone.goto(`${suite.server.url}/demo/phone.html`);
    await expect.poll(() => phone.locator('#channel option').count(), timeout).toBe(3);
    await phone.locator('#number').fill('+33698765432');
    await phone.locator('#text').fill('Bonjour, je voudrais changer mon adresse.');
    await phone.locator('#compose button').click();
    // Bob (from the first test) and Alice are both in Support: whichever routing chose gets the offer.
    const agent = await Promise.race(
      agents.map((page) =>
        page
          .locator('[data-testid=notification][data-subject=offer]')
          .waitFor(timeout)
          .then(() => page),
      ),
    );
    expect(await agent.getByTestId('notification-customerName').textContent()).toContain('+33698765432');
    await agent.getByTestId('notification-accept').click();
    await agent.locator('[data-testid=conversation-panel]').waitFor(timeout);
    await agent.getByTestId('composer-input').fill('Bonjour ! Quelle est la nouvelle adresse ?');
    await agent.getByTestId('composer-send').click();
    const replies = () => phone.locator('[data-testid=phone-message].out').allTextContents();
    await expect.poll(async () => (await replies()).join('\n'), timeout).toContain('Quelle est la nouvelle adresse');
    const texts = (await replies()).join('\n');
    expect(texts).toContain('You are in the queue');
    expect(texts).toMatch(/(Alice|Bob) \S* ?from Contoso is with you now\./);
    await phone.screenshot({ path: path.join(shots, 'demo-phone.png') });
  });
});
