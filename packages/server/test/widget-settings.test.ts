import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ApiCallError, type Offer, type WidgetSettingsInput } from '@switchboard/protocol';
import { accounts, contacts, conversations, conversationSurveys, widgets } from '../src/store/schema.js';
import { handoffFixture } from './support/handoff-fixture.js';
import { clientId, eventually, serverForFile } from './support/harness.js';
import { buildOrg, type BuiltOrg } from './support/org-builder.js';

// CH1 widget settings: the admin's editor, what the widget is told, the pre-chat survey and the
// identification fields (CH5), the offline form, the post-chat survey in the reports (SV9), the transcript.
const t = serverForFile();
const { signIn } = handoffFixture(t);

const failure = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiCallError);
  return { status: (err as ApiCallError).status, message: ((err as ApiCallError).body as { message: string }).message };
};

const label = (en: string) => ({ en, nl: `${en} (nl)`, fr: `${en} (fr)` });

const survey: WidgetSettingsInput = {
  appearance: {
    primaryColor: '#123456',
    textColor: '#fefefe',
    logoUrl: 'https://cdn.example/logo.png',
    theme: 'dark',
    texts: {
      en: { title: 'Help', greeting: 'Hi there', offlineMessage: 'We are closed' },
      nl: { title: 'Hulp', greeting: 'Hallo', offlineMessage: 'Wij zijn gesloten' },
      fr: { title: 'Aide', greeting: 'Bonjour', offlineMessage: 'Nous sommes fermés' },
    },
  },
  prechat: {
    questions: [
      { id: 'phone', kind: 'single-line', required: false, label: label('Phone'), variable: 'phone' },
      {
        id: 'topic',
        kind: 'option-set',
        required: true,
        label: label('Topic'),
        variable: 'topic',
        options: ['Billing', 'Orders'],
      },
      { id: 'terms', kind: 'consent', required: true, label: label('I accept the terms'), variable: 'termsOk' },
    ],
    identification: [
      { field: 'contact-email', answer: 'email' },
      { field: 'contact-phone', answer: 'phone' },
    ],
  },
  postChat: { enabled: true },
};

async function setting() {
  const org = await buildOrg(t.db.db, {
    queues: ['Support'],
    users: [
      { key: 'ann', queues: ['Support'] },
      { key: 'ada', role: 'admin' },
    ],
  });
  const ada = await signIn(org, 'ada');
  return { org, ada };
}

const start = (org: BuiltOrg, prechat: Record<string, unknown>) =>
  t.server.api().call('startChat', {
    params: { widgetId: org.widgetId },
    body: { prechat: { name: 'Eve', email: 'eve@x.example', question: 'Hello', ...prechat } as never },
  });

const row = async (id: string) => (await t.db.db.select().from(conversations).where(eq(conversations.id, id)))[0]!;

describe('widget settings (CH1)', () => {
  it('an admin sets looks, questions and the survey; the config carries them, not the rules', async () => {
    const { org, ada } = await setting();
    const plain = await ada.api.call('getWidgetSettings', { params: { widgetId: org.widgetId } });
    expect(plain).toMatchObject({
      appearance: { theme: 'auto' },
      prechat: { questions: [] },
      postChat: { enabled: false },
    });
    const saved = await ada.api.call('updateWidgetSettings', { params: { widgetId: org.widgetId }, body: survey });
    expect(saved.prechat.questions).toHaveLength(3);
    const config = await t.server.api().call('widgetConfig', { params: { widgetId: org.widgetId } });
    expect(config.appearance).toMatchObject({
      primaryColor: '#123456',
      theme: 'dark',
      logoUrl: 'https://cdn.example/logo.png',
    });
    expect(config.appearance?.texts.nl.greeting).toBe('Hallo');
    expect(config.prechatQuestions?.map((q) => q.id)).toEqual(['phone', 'topic', 'terms']);
    expect(config.postChatSurvey).toBe(true);
    expect(config.availability).toEqual({ open: true, nextOpening: null });
    expect(JSON.stringify(config)).not.toContain('identification');
  });

  it('refuses bad settings with a 400 naming the problem, and changes nothing', async () => {
    const { org, ada } = await setting();
    const put = (body: unknown) =>
      failure(ada.api.call('updateWidgetSettings', { params: { widgetId: org.widgetId }, body: body as never }));
    const bad: [unknown, RegExp][] = [
      [{ ...survey, appearance: { ...survey.appearance, primaryColor: 'red' } }, /six hex digits/],
      [{ ...survey, appearance: { ...survey.appearance, logoUrl: 'http://cdn.example/x.png' } }, /https/],
      [{ ...survey, appearance: { ...survey.appearance, logoUrl: 'javascript:alert(1)' } }, /https/],
      [
        { ...survey, prechat: { questions: [{ ...survey.prechat!.questions![2], required: false }] } },
        /consent question must be required/,
      ],
      [
        { ...survey, prechat: { questions: [{ ...survey.prechat!.questions![1], options: [] }] } },
        /needs at least one option/,
      ],
      [
        {
          ...survey,
          prechat: {
            questions: Array.from({ length: 11 }, (_, i) => ({ ...survey.prechat!.questions![0], id: `q${i}` })),
          },
        },
        /at most 10 questions/,
      ],
      [{ ...survey, prechat: { identification: [{ field: 'contact-phone', answer: 'nope' }] } }, /no question nope/],
      [{ ...survey, operatingHoursId: '00000000-0000-4000-8000-000000000000' }, /operating hours .* do not exist/],
    ];
    for (const [body, message] of bad) {
      const got = await put(body);
      expect(got.status, String(message)).toBe(400);
      expect(got.message).toMatch(message);
    }
    const after = await ada.api.call('getWidgetSettings', { params: { widgetId: org.widgetId } });
    expect(after.appearance.theme).toBe('auto');
  });

  it("another organisation's widget is a 404, and so are its operating hours", async () => {
    const { org } = await setting();
    const { org: them, ada: theirAdmin } = await setting();
    const ours = await signIn(org, 'ada');
    expect(
      (await failure(theirAdmin.api.call('getWidgetSettings', { params: { widgetId: org.widgetId } }))).status,
    ).toBe(404);
    const put = theirAdmin.api.call('updateWidgetSettings', { params: { widgetId: org.widgetId }, body: survey });
    expect((await failure(put)).status).toBe(404);
    const hours = await theirAdmin.api.call('createOperatingHours', {
      body: { name: 'Theirs', timeZone: 'UTC', weekly: [], holidays: [] },
    });
    const foreign = ours.api.call('updateWidgetSettings', {
      params: { widgetId: org.widgetId },
      body: { ...survey, operatingHoursId: hours.id },
    });
    expect((await failure(foreign)).status).toBe(400);
    const [stored] = await t.db.db.select().from(widgets).where(eq(widgets.id, them.widgetId));
    expect(stored!.appearance).toBeNull();
  });
});

describe('the pre-chat survey and identification (CH1, CH5)', () => {
  it('answers are checked against the questions, a refusal names one; good ones become context', async () => {
    const { org, ada } = await setting();
    await ada.api.call('updateWidgetSettings', { params: { widgetId: org.widgetId }, body: survey });
    const refused: [Record<string, unknown>, RegExp][] = [
      [{}, /"Topic" \(topic\) is required/],
      [{ answers: { topic: 'Billing' } }, /"I accept the terms" \(terms\) must be accepted/],
      [{ answers: { topic: 'Cats', terms: true } }, /"Topic" \(topic\) takes one of: Billing, Orders/],
      [{ answers: { topic: 'Billing', terms: true, shoe: 'x' } }, /no question "shoe"/],
      [{ answers: { topic: true, terms: true } }, /"Topic" \(topic\) takes text/],
    ];
    for (const [prechat, message] of refused) {
      const got = await failure(start(org, prechat));
      expect(got.status, String(message)).toBe(400);
      expect(got.message).toMatch(message);
    }
    expect(await t.db.db.select().from(conversations).where(eq(conversations.orgId, org.orgId))).toHaveLength(0);
    const chat = await start(org, { answers: { topic: 'Orders', terms: true, phone: '' } });
    expect((await row(chat.conversation.id)).context).toMatchObject({ topic: 'Orders', termsOk: true });
  });

  it('links the contact when every marked field matches exactly one; none or several link nothing', async () => {
    const { org, ada } = await setting();
    await ada.api.call('updateWidgetSettings', { params: { widgetId: org.widgetId }, body: survey });
    const [acme] = await t.db.db.insert(accounts).values({ orgId: org.orgId, name: 'Acme' }).returning();
    const [one] = await t.db.db
      .insert(contacts)
      .values({
        orgId: org.orgId,
        name: 'Eve',
        email: 'Eve@X.example',
        mobilePhone: '+31612345678',
        accountId: acme!.id,
      })
      .returning();
    await t.db.db.insert(contacts).values([
      { orgId: org.orgId, name: 'Twin A', email: 'twin@x.example', mobilePhone: '+31600000000' },
      { orgId: org.orgId, name: 'Twin B', email: 'twin@x.example', mobilePhone: '+31600000000' },
    ]);
    const answers = (phone: string) => ({ topic: 'Billing', terms: true, phone });
    // Email case and the phone's spacing do not matter: both compare in one normal form.
    const exactlyOne = await start(org, { email: 'EVE@x.example', answers: answers(' +31 6 1234 5678') });
    expect(await row(exactlyOne.conversation.id)).toMatchObject({ contactId: one!.id, accountId: acme!.id });
    const wrongPhone = await start(org, { email: 'eve@x.example', answers: answers('+31699999999') });
    expect(await row(wrongPhone.conversation.id)).toMatchObject({ contactId: null, accountId: null });
    const many = await start(org, { email: 'twin@x.example', answers: answers('+31600000000') });
    expect(await row(many.conversation.id)).toMatchObject({ contactId: null, accountId: null });
    // With identification fields nobody is made up: the unknown customer stays unlinked.
    const before = await t.db.db.select().from(contacts).where(eq(contacts.orgId, org.orgId));
    expect(before).toHaveLength(3);
  });

  it('without identification fields an old request finds or makes the contact by email', async () => {
    const { org } = await setting();
    const first = await start(org, { email: 'new@x.example' });
    const second = await start(org, { email: 'NEW@x.example' });
    const a = await row(first.conversation.id);
    expect(a.contactId).not.toBeNull();
    expect((await row(second.conversation.id)).contactId).toBe(a.contactId);
  });
});

describe('operating hours before the form, and the offline message (CH1)', () => {
  it('closed: the config says so, a chat is refused, a left message becomes a conversation an agent gets', async () => {
    const { org, ada } = await setting();
    const hours = await ada.api.call('createOperatingHours', {
      body: { name: 'Never', timeZone: 'Europe/Amsterdam', weekly: [], holidays: [] },
    });
    await ada.api.call('updateWidgetSettings', {
      params: { widgetId: org.widgetId },
      body: { ...survey, operatingHoursId: hours.id },
    });
    const config = await t.server.api().call('widgetConfig', { params: { widgetId: org.widgetId } });
    expect(config.availability).toEqual({ open: false, nextOpening: null });
    const refused = await failure(start(org, { answers: { topic: 'Billing', terms: true } }));
    expect(refused).toMatchObject({ status: 409, message: expect.stringMatching(/leave a message/) });

    const ann = await signIn(org, 'ann', 'available');
    const left = await t.server.api().call('leaveOfflineMessage', {
      params: { widgetId: org.widgetId },
      body: { name: 'Olga', email: 'olga@x.example', message: 'Please call me about my order' },
    });
    const id = left.conversation.id;
    expect(left.conversation.events.find((e) => e.type === 'message')).toMatchObject({
      message: { kind: 'customer', text: 'Please call me about my order' },
    });
    expect(await row(id)).toMatchObject({ customerEmail: 'olga@x.example', context: { offlineMessage: true } });
    const offer = await eventually(() => ann.socket.of<Offer>('offer:new').find((o) => o.conversationId === id));
    await ann.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
    await ann.api.call('sendMessage', { params: { id }, body: { clientMessageId: clientId(), text: 'Hello Olga' } });
    // The customer's token opens the same conversation later, with the answer in it.
    const back = await t.server.api(left.token).call('visitorConversation', { params: { id } });
    expect(back.events.some((e) => e.type === 'message' && e.message.text === 'Hello Olga')).toBe(true);
    const bad = await failure(
      t.server.api().call('leaveOfflineMessage', {
        params: { widgetId: org.widgetId },
        body: { name: 'Olga', email: 'not-an-email', message: 'x' },
      }),
    );
    expect(bad.status).toBe(400);
  });
});

describe('post-chat survey and transcript (CH1, SV9)', () => {
  const HOUR = 3_600_000;
  const range = () => ({
    from: new Date(Math.floor(Date.now() / HOUR) * HOUR - 2 * HOUR).toISOString(),
    to: new Date(Math.floor(Date.now() / HOUR) * HOUR + HOUR).toISOString(),
  });

  async function endedChat() {
    const { org, ada } = await setting();
    const ann = await signIn(org, 'ann', 'available');
    const chat = await start(org, {});
    const id = chat.conversation.id;
    const offer = await eventually(() => ann.socket.of<Offer>('offer:new')[0]);
    await ann.api.call('acceptOffer', { params: { id: offer.id }, body: {} });
    await ann.api.call('sendMessage', {
      params: { id },
      body: { clientMessageId: clientId(), text: 'Sorted for you' },
    });
    await ann.api.call('sendMessage', {
      params: { id },
      body: { clientMessageId: clientId(), text: 'SECRET internal note', internal: true },
    });
    return { org, ada, ann, id, visitor: t.server.api(chat.token) };
  }

  it('a rating once per conversation, after the chat ended; a late one still reaches the CSAT KPI', async () => {
    const { ada, ann, id, visitor } = await endedChat();
    const early = await failure(visitor.call('visitorSurvey', { params: { id }, body: { rating: 4 } }));
    expect(early).toMatchObject({ status: 409, message: expect.stringMatching(/when the chat has ended/) });
    await ann.api.call('endConversation', { params: { id }, body: {} });
    await ann.api.call('closeConversation', { params: { id }, body: {} });
    await t.server.app.settled();
    const out = (await failure(visitor.call('visitorSurvey', { params: { id }, body: { rating: 6 } }))).status;
    expect(out).toBe(400);
    const got = await visitor.call('visitorSurvey', { params: { id }, body: { rating: 4, comment: ' Quick! ' } });
    expect(got).toEqual({ rating: 4, comment: 'Quick!' });
    const again = await failure(visitor.call('visitorSurvey', { params: { id }, body: { rating: 1 } }));
    expect(again).toMatchObject({ status: 409, message: expect.stringMatching(/already been rated/) });
    const [stored] = await t.db.db.select().from(conversationSurveys).where(eq(conversationSurveys.conversationId, id));
    expect(stored).toMatchObject({ rating: 4, comment: 'Quick!' });
    await eventually(async () => {
      await t.server.app.settled();
      const report = await ada.api.call('runReport', {
        body: { ...range(), bucket: 'total', measures: ['csatAverage', 'conversationsHandled'] },
      });
      const values = report.rows[0]?.values;
      return values?.csatAverage === 4 && values.conversationsHandled === 1 ? values : undefined;
    });
  });

  it('the transcript has the messages the customer saw and never an internal note', async () => {
    const { id, visitor } = await endedChat();
    const file = await visitor.download('visitorTranscript', { params: { id } });
    const text = await file.text();
    expect(text).toContain('Eve: Hello');
    expect(text).toContain('Sorted for you');
    expect(text).not.toContain('SECRET');
    const other = await start((await setting()).org, {});
    const wrongToken = await failure(t.server.api(other.token).download('visitorTranscript', { params: { id } }));
    expect(wrongToken.status).toBe(403);
  });
});
