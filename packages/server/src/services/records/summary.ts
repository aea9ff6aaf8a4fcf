import type { ConversationLinks, CustomerSummary } from '@switchboard/protocol';
import { notFound } from '../../domain/errors.js';
import { listJourney } from '../../store/journey.js';
import { recentCases } from '../../store/records/cases.js';
import { skillNames, summaryFacts } from '../../store/records/conversation-facts.js';
import type { StaffIdentity } from '../identity.js';
import type { RecordsKit } from './kit.js';
import { linksView, linkUseCases } from './links.js';
import { timelinePage } from './timeline.js';
import { caseView } from './views.js';

type Row = NonNullable<Awaited<ReturnType<typeof summaryFacts>>>['c'];

/** Who the customer is: the linked contact, else the linked account, else what the conversation said. */
function profileOf(c: Row, links: ConversationLinks): CustomerSummary['profile'] {
  const { contact, account } = links;
  if (contact)
    return {
      source: 'contact',
      name: contact.name,
      accountName: contact.accountName ?? account?.name ?? null,
      jobTitle: contact.jobTitle,
      relationshipType: contact.relationshipType,
      city: contact.city,
      category: contact.category,
      preferredContactMethod: contact.preferredContactMethod,
      email: contact.email,
      phone: contact.mobilePhone,
    };
  if (account)
    return {
      source: 'account',
      name: account.name,
      accountName: account.name,
      jobTitle: null,
      relationshipType: account.relationshipType,
      city: account.city,
      category: account.category,
      preferredContactMethod: null,
      email: account.email,
      phone: account.mainPhone,
    };
  return {
    source: 'conversation',
    name: c.customerName,
    accountName: null,
    jobTitle: null,
    relationshipType: null,
    city: null,
    category: null,
    preferredContactMethod: null,
    email: c.customerEmail,
    phone: c.channel === 'sms' ? c.customerAddress : null,
  };
}

/** The pre-chat answers in the order asked: the standard questions, then the widget's own (CH1). */
function prechatOf(raw: unknown): CustomerSummary['prechat'] {
  if (!raw || typeof raw !== 'object') return [];
  const p = raw as Record<string, unknown>;
  const out: CustomerSummary['prechat'] = [];
  for (const [question, key] of [
    ['Name', 'name'],
    ['Email', 'email'],
    ['Question', 'question'],
  ] as const)
    if (typeof p[key] === 'string' && p[key] !== '') out.push({ question, answer: p[key] });
  const answers = p.answers && typeof p.answers === 'object' ? (p.answers as Record<string, unknown>) : {};
  for (const [question, answer] of Object.entries(answers))
    out.push({ question, answer: typeof answer === 'boolean' ? (answer ? 'yes' : 'no') : String(answer) });
  return out;
}

const scalars = (raw: unknown): CustomerSummary['context'] =>
  Object.fromEntries(
    Object.entries(raw && typeof raw === 'object' ? raw : {}).filter(([, v]) =>
      ['string', 'number', 'boolean'].includes(typeof v),
    ),
  ) as CustomerSummary['context'];

/** AG6: everything the agent's summary tab shows, read for whoever may read the conversation. */
export function summaryUseCases(kit: RecordsKit) {
  const { db, clock } = kit;
  const links = linkUseCases(kit);
  return {
    async customerSummary(who: StaffIdentity, conversationId: string): Promise<CustomerSummary> {
      const orgId = who.orgId;
      const facts = await summaryFacts(db, orgId, conversationId);
      if (!facts) throw notFound('conversation');
      const c = facts.c;
      await links.mayRead(who, c);
      const linked = await linksView(db, orgId, c.id, c);
      const owner = c.contactId
        ? ({ kind: 'contact', id: c.contactId } as const)
        : c.accountId
          ? ({ kind: 'account', id: c.accountId } as const)
          : null;
      const [skills, journey, cases, timeline] = await Promise.all([
        skillNames(
          db,
          orgId,
          c.skills.map((s) => s.skillId),
        ),
        listJourney(db, orgId, c.id, 100),
        recentCases(db, orgId, { contactId: c.contactId ?? undefined, accountId: c.accountId ?? undefined }, 10),
        owner ? timelinePage(db, orgId, owner, { limit: 25 }) : { items: [], nextCursor: null },
      ]);
      const visitor = c.visitor ?? {};
      const place = [visitor.city, visitor.country].filter((v): v is string => !!v).join(', ');
      const waitedUntil = c.acceptedAt ?? clock.now();
      return {
        conversationId: c.id,
        profile: profileOf(c, linked),
        conversation: {
          channel: c.channel,
          state: c.state,
          queueName: facts.queueName,
          skills: c.skills.map((s) => skills.get(s.skillId)).filter((n): n is string => !!n),
          startedAt: c.createdAt.toISOString(),
          acceptedAt: c.acceptedAt ? c.acceptedAt.toISOString() : null,
          waitSeconds: Math.max(0, Math.round((waitedUntil.getTime() - c.createdAt.getTime()) / 1000)),
        },
        prechat: prechatOf(c.prechat),
        journey,
        visitor: {
          authenticated: c.authenticated,
          browser: visitor.browser ?? null,
          os: visitor.os ?? null,
          location: place || (visitor.location ?? null),
          language: visitor.language ?? c.locale,
        },
        context: scalars(c.context),
        links: linked,
        recentCases: cases.map(caseView),
        timeline,
      };
    },
  };
}
