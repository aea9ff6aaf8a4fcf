import { eq } from 'drizzle-orm';
import { hashPassword } from '../auth/passwords.js';
import { turnOnRecommended } from './automated-messages.js';
import type { Db } from './db.js';
import { workstreamSettings } from './routing-config.js';
import { DEMO_ARTICLES } from './records/demo-articles.js';
import { seedDemoMacros } from './demo-macros.js';
import { DEMO_AFTER_HOURS_WIDGET_ID, DEMO_WIDGET_SETTINGS } from './demo-widget-settings.js';
import {
  accounts,
  agentSkills,
  cases,
  contacts,
  dispositionCodes,
  knowledgeArticles,
  organizations,
  queueMembers,
  operatingHours,
  queues,
  quickReplies,
  recordNotes,
  skills,
  users,
  widgets,
  workstreams,
} from './schema.js';

export const DEMO_PASSWORD = 'switchboard';
export const DEMO_WIDGET_ID = 'demo';
export const DEMO_SLUG = 'contoso';
export const DEMO_SMS_WORKSTREAM = 'Text messages';
/** A demo chat whose question holds this goes to the Callbacks queue, which offers a callback (AG11). */
export const DEMO_CALLBACK_WORDS = ['call me back', 'bel me terug', 'rappelez-moi'];
export const DEMO_CALLBACK_OFFER = 'We would rather call you: leave your number and a time that suits you.';

export const DEMO_USERS = [
  {
    email: 'alice@contoso.example',
    name: 'Alice Martin',
    role: 'agent',
    queues: ['Sales', 'Support', 'Callbacks'],
    skills: { English: 9, French: 6 },
  },
  {
    email: 'bob@contoso.example',
    name: 'Bob de Vries',
    role: 'agent',
    queues: ['Support'],
    skills: { English: 7, Dutch: 10 },
  },
  {
    email: 'chloe@contoso.example',
    name: 'Chloé Dubois',
    role: 'agent',
    queues: ['Sales'],
    skills: { French: 10, English: 6 },
  },
  { email: 'sam@contoso.example', name: 'Sam Supervisor', role: 'supervisor', queues: [], skills: {} },
  { email: 'ada@contoso.example', name: 'Ada Admin', role: 'admin', queues: [], skills: {} },
] as const;

/** Words that send a demo chat to Sales (English, Dutch, French); everything else goes to Support. */
export const DEMO_SALES_KEYWORDS = [
  ...['price', 'cost', 'buy', 'purchase', 'quote'],
  ...['prijs', 'kost', 'kopen', 'offerte'],
  ...['prix', 'acheter', 'devis'],
];

/** The demo organisation's quick replies (AG4), in English, Dutch and French. */
export const DEMO_QUICK_REPLIES = [
  {
    title: 'Greeting',
    bodies: {
      en: 'Hello {customerName}, this is {agentName} of {queue}. How can I help you?',
      nl: 'Hallo {customerName}, u spreekt met {agentName} van {queue}. Waarmee kan ik u helpen?',
      fr: 'Bonjour {customerName}, ici {agentName} du service {queue}. Comment puis-je vous aider ?',
    },
  },
  {
    title: 'One moment',
    bodies: {
      en: 'One moment please, {customerName}: I am looking into it.',
      nl: 'Een ogenblik alstublieft, {customerName}: ik zoek het voor u uit.',
      fr: 'Un instant s’il vous plaît, {customerName} : je regarde cela pour vous.',
    },
  },
  {
    title: 'Order number',
    bodies: {
      en: 'Could you give me your order number? It is in the confirmation email.',
      nl: 'Kunt u mij uw ordernummer geven? Het staat in de bevestigingsmail.',
      fr: 'Pouvez-vous me donner votre numéro de commande ? Il figure dans l’e-mail de confirmation.',
    },
  },
  {
    title: 'Goodbye',
    bodies: {
      en: 'Thank you for contacting us, {customerName}. Have a nice day!',
      nl: 'Bedankt voor uw bericht, {customerName}. Nog een fijne dag!',
      fr: 'Merci de nous avoir contactés, {customerName}. Bonne journée !',
    },
  },
] as const;

/** What the demo's conversations may come to (AG4, the wrap-up form); the last one is retired. */
export const DEMO_DISPOSITION_CODES = [
  { name: 'Resolved', active: true },
  { name: 'Follow-up needed', active: true },
  { name: 'Escalated', active: true },
  { name: 'Sale made', active: true },
  { name: 'No answer needed', active: true },
  { name: 'Callback requested', active: false },
] as const;

/** Creates the demo organisation once; returns false when it already exists. */
export async function seedDemo(db: Db): Promise<boolean> {
  const [existing] = await db
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.slug, DEMO_SLUG));
  if (existing) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const [org] = await tx.insert(organizations).values({ name: 'Contoso', slug: DEMO_SLUG }).returning();
    const orgId = org!.id;
    await turnOnRecommended(tx, orgId, new Date());
    const queueRows = await tx
      .insert(queues)
      .values([
        { orgId, name: 'Sales', priority: 10, assignment: { kind: 'round-robin' } },
        { orgId, name: 'Support', priority: 100, assignment: { kind: 'highest-capacity' } },
      ])
      .returning();
    // The demo's callback queue (AG11) never takes a live chat: it offers a callback, which agents then get.
    const [never] = await tx
      .insert(operatingHours)
      .values({ orgId, name: 'Callbacks only', timeZone: 'UTC', weekly: [], holidays: [] })
      .returning();
    queueRows.push(
      ...(await tx
        .insert(queues)
        .values({
          orgId,
          name: 'Callbacks',
          priority: 100,
          assignment: { kind: 'highest-capacity' },
          operatingHoursId: never!.id,
          overflow: [
            { when: { kind: 'outside-hours' }, then: { kind: 'offer-callback', message: DEMO_CALLBACK_OFFER } },
          ],
        })
        .returning()),
    );
    const queueId = (name: string) => queueRows.find((q) => q.name === name)!.id;
    for (const u of DEMO_USERS) {
      const [user] = await tx
        .insert(users)
        .values({ orgId, email: u.email, name: u.name, role: u.role, passwordHash, capacity: 3 })
        .returning();
      for (const q of u.queues) await tx.insert(queueMembers).values({ orgId, queueId: queueId(q), userId: user!.id });
    }
    const skillRows = await tx
      .insert(skills)
      .values(['English', 'Dutch', 'French'].map((name) => ({ orgId, name, type: 'Language' })))
      .returning();
    const skillId = (name: string) => skillRows.find((x) => x.name === name)!.id;
    for (const u of DEMO_USERS) {
      const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, u.email));
      const rows = Object.entries(u.skills).map(([name, proficiency]) => ({
        orgId,
        userId: user!.id,
        skillId: skillId(name),
        proficiency,
      }));
      if (rows.length) await tx.insert(agentSkills).values(rows);
    }
    // Buying questions only, as the README says: "Where is my order?" is a delivery question for Support.
    const keywords = DEMO_SALES_KEYWORDS;
    const config = workstreamSettings({
      channel: 'messaging',
      distribution: 'push',
      capacity: { kind: 'units', units: 1 },
      allowedPresences: ['available', 'busy'],
      // Closest match: a French chat prefers a French speaker but is never stuck without one.
      skillMatching: 'closest',
      classification: [
        {
          name: 'Language',
          rules: (['English', 'Dutch', 'French'] as const).map((lang) => ({
            name: `${lang} speakers`,
            when: {
              kind: 'compare' as const,
              field: 'channel.locale',
              operator: 'equals' as const,
              value: { English: 'en', Dutch: 'nl', French: 'fr' }[lang],
            },
            set: { skills: [{ skillId: skillId(lang), proficiency: 5 }] },
          })),
        },
      ],
      routeToQueue: [
        {
          name: 'Callback requests',
          when: { kind: 'compare', field: 'prechat.question', operator: 'contains', value: DEMO_CALLBACK_WORDS },
          queues: [{ queueId: queueId('Callbacks'), percentage: 100 }],
        },
        {
          name: 'Buying questions go to Sales',
          when: { kind: 'compare', field: 'prechat.question', operator: 'contains', value: keywords },
          queues: [{ queueId: queueId('Sales'), percentage: 100 }],
        },
      ],
    });
    const [ws] = await tx
      .insert(workstreams)
      .values({ orgId, name: 'Website chat', fallbackQueueId: queueId('Support'), config })
      .returning();
    await tx.insert(widgets).values({ id: DEMO_WIDGET_ID, orgId, workstreamId: ws!.id, title: 'Chat with Contoso' });
    // CH1: two optional pre-chat questions and the post-chat survey; a second widget outside its hours
    // (never open) shows the offline form on /demo/after-hours.html.
    await tx.update(widgets).set(DEMO_WIDGET_SETTINGS).where(eq(widgets.id, DEMO_WIDGET_ID));
    await tx.insert(widgets).values({
      id: DEMO_AFTER_HOURS_WIDGET_ID,
      orgId,
      workstreamId: ws!.id,
      title: 'Contoso after hours',
      operatingHoursId: never!.id,
      postChatSurvey: { enabled: true },
    });
    // Texts (CH2) route to Support; the demo's SMS channels (demo/sms-demo.ts) start their conversations here.
    await tx.insert(workstreams).values({
      orgId,
      name: DEMO_SMS_WORKSTREAM,
      fallbackQueueId: queueId('Support'),
      config: workstreamSettings({
        channel: 'messaging',
        distribution: 'push',
        capacity: { kind: 'units', units: 1 },
        allowedPresences: ['available', 'busy'],
        affinity: true,
      }),
    });
    const [fabrikam, northwind] = await tx
      .insert(accounts)
      .values([
        // AG6: the profile the summary shows (relationship, category) comes from these.
        {
          orgId,
          name: 'Fabrikam',
          mainPhone: '+31201234567',
          city: 'Amsterdam',
          externalId: 'FAB-001',
          category: 'Enterprise',
          relationshipType: 'customer',
        },
        {
          orgId,
          name: 'Northwind Traders',
          mainPhone: '+3222345678',
          city: 'Brussels',
          externalId: 'NWT-002',
          category: 'Retail',
          relationshipType: 'partner',
        },
      ])
      .returning();
    const [emma, lucas, lea] = await tx
      .insert(contacts)
      .values([
        {
          orgId,
          name: 'Emma Janssen',
          email: 'emma@fabrikam.example',
          mobilePhone: '+31612345678',
          jobTitle: 'Buyer',
          city: 'Amsterdam',
          accountId: fabrikam!.id,
          category: 'Gold',
          relationshipType: 'customer',
          preferredContactMethod: 'email',
        },
        {
          orgId,
          name: 'Lucas Peeters',
          email: 'lucas@northwind.example',
          mobilePhone: '+32470123456',
          jobTitle: 'IT manager',
          city: 'Brussels',
          accountId: northwind!.id,
          category: 'Silver',
          relationshipType: 'partner',
          preferredContactMethod: 'phone',
        },
        {
          orgId,
          name: 'Léa Moreau',
          email: 'lea@example.fr',
          mobilePhone: '+33612345678',
          city: 'Lyon',
          jobTitle: 'Designer',
          category: 'Standard',
          relationshipType: 'prospect',
          preferredContactMethod: 'chat',
        },
      ])
      .returning();
    // Emma (the demo chat's email) has exactly one active case: her chat links it at once (AG6).
    const demoCases = await tx
      .insert(cases)
      .values([
        {
          orgId,
          number: 1001,
          title: 'Invoice shows the wrong VAT rate',
          priority: 'high',
          contactId: emma!.id,
          accountId: fabrikam!.id,
        },
        { orgId, number: 1002, title: 'Cannot sign in to the portal', contactId: lucas!.id, accountId: northwind!.id },
        {
          orgId,
          number: 1003,
          title: 'Delivery arrived damaged',
          status: 'resolved',
          product: 'X200 printer',
          contactId: emma!.id,
          accountId: fabrikam!.id,
          resolvedAt: new Date(Date.now() - 20 * 86_400_000),
          createdAt: new Date(Date.now() - 30 * 86_400_000),
        },
        {
          orgId,
          number: 1004,
          title: 'Add three users to the contract',
          priority: 'low',
          contactId: lucas!.id,
          accountId: northwind!.id,
        },
        {
          orgId,
          number: 1005,
          title: 'Question about the quote',
          status: 'resolved',
          contactId: lea!.id,
          resolvedAt: new Date(Date.now() - 3 * 86_400_000),
          createdAt: new Date(Date.now() - 5 * 86_400_000),
        },
      ])
      .returning();
    // CV4: a few notes on the timeline.
    await tx.insert(recordNotes).values([
      { orgId, contactId: emma!.id, body: 'Prefers email; reads it in the morning.' },
      { orgId, caseId: demoCases[0]!.id, body: 'Finance checked: the invoice used 9% instead of 21%.' },
      { orgId, accountId: northwind!.id, body: 'Contract renewal due in March.' },
    ]);
    // Quick replies (AG4) every agent finds by typing "/" in the composer, in their own language.
    await tx.insert(quickReplies).values(
      DEMO_QUICK_REPLIES.map((q) => ({
        orgId,
        ownerId: null,
        title: q.title,
        bodies: q.bodies,
        updatedAt: new Date(),
      })),
    );
    // Disposition codes agents pick in the wrap-up form (AG4).
    await tx.insert(dispositionCodes).values(DEMO_DISPOSITION_CODES.map((c) => ({ orgId, ...c })));
    // Knowledge articles (AG9) in English, Dutch and French, for the agent's search and the admin's list.
    await tx.insert(knowledgeArticles).values(DEMO_ARTICLES.map((a) => ({ orgId, ...a })));
    // A macro and the website chat's script (AG7, AG8).
    await seedDemoMacros(tx, orgId, ws!.id);
  });
  return true;
}
