import { caseReference, type Case, type CaseChange, type CaseSearchQuery, type NewCase } from '@switchboard/protocol';
import { notFound } from '../../domain/errors.js';
import { decodeTimeCursor, encodeTimeCursor } from '../../domain/records/cursors.js';
import { defined, optionalText } from '../../domain/records/fields.js';
import { parseCaseNumber } from '../../domain/records/links.js';
import type { Db } from '../../store/db.js';
import { getAccount } from '../../store/records/accounts.js';
import { insertActivity } from '../../store/records/activities.js';
import * as store from '../../store/records/cases.js';
import { getContact } from '../../store/records/contacts.js';
import { lockLinks } from '../../store/records/links.js';
import { getStaffUser } from '../../store/users.js';
import type { StaffIdentity } from '../identity.js';
import type { Parsed, RecordsKit } from './kit.js';
import { changeLinks, linkUseCases } from './links.js';
import { caseView } from './views.js';

/** The organisation's own owner, contact and account, or "not found"; a contact brings its account. */
async function references(tx: Db, orgId: string, f: NewCase | CaseChange) {
  if (f.ownerId) {
    const owner = await getStaffUser(tx, orgId, f.ownerId);
    if (!owner || owner.role === 'api') throw notFound(`user ${f.ownerId}`);
  }
  let contactAccount: string | null | undefined;
  if (f.contactId) {
    const contact = await getContact(tx, orgId, f.contactId);
    if (!contact) throw notFound(`contact ${f.contactId}`);
    contactAccount = contact.accountId;
  }
  if (f.accountId && !(await getAccount(tx, orgId, f.accountId))) throw notFound(`account ${f.accountId}`);
  return { accountId: f.accountId === undefined && contactAccount ? contactAccount : f.accountId };
}

/** AG9: cases, numbered per organisation (CAS-01001), opened during a conversation or not, resolved. */
export function caseUseCases(kit: RecordsKit) {
  const { db, clock } = kit;
  const links = linkUseCases(kit);

  const read = async (orgId: string, id: string): Promise<Case> => {
    const row = await store.getCase(db, orgId, id);
    if (!row) throw notFound(`case ${id}`);
    return caseView(row);
  };

  return {
    async listCases(orgId: string, q: Parsed<typeof CaseSearchQuery>) {
      const limit = q.limit ?? 25;
      const c = q.cursor ? decodeTimeCursor('cases', q.cursor) : undefined;
      const text = (q.q ?? '').trim();
      const filter = {
        number: parseCaseNumber(text),
        title: text.toLowerCase(),
        ...defined({ status: q.status, contactId: q.contactId, accountId: q.accountId }),
      };
      const rows = await store.searchCases(db, orgId, filter, limit + 1, c && { createdAt: c.at, id: c.id });
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        cases: page.map(caseView),
        nextCursor: rows.length > limit && last ? encodeTimeCursor('cases', last.key, last.id) : null,
      };
    },
    getCase: read,

    /** With a conversation: linked to it in the same transaction (its row locked before the numbering lock). */
    async createCase(who: StaffIdentity, body: NewCase) {
      const orgId = who.orgId;
      const now = clock.now();
      const id = await kit.command(async (tx, events) => {
        // During a conversation the case is its customer's unless the request names another.
        let customer: { contactId: string | null; accountId: string | null } = { contactId: null, accountId: null };
        if (body.conversationId) {
          const c = await lockLinks(tx, orgId, body.conversationId);
          if (!c) throw notFound('conversation');
          await links.mayLink(tx, who)(c);
          if (body.contactId === undefined) customer = { contactId: c.contactId, accountId: c.accountId };
        }
        const refs = await references(tx, orgId, body);
        await store.lockCaseNumbers(tx, orgId);
        const caseId = await store.insertCase(
          tx,
          orgId,
          {
            title: body.title,
            description: optionalText(body.description) ?? null,
            product: optionalText(body.product) ?? null,
            priority: body.priority ?? 'normal',
            ownerId: body.ownerId === undefined ? (who.role === 'api' ? null : who.userId) : body.ownerId,
            contactId: body.contactId ?? customer.contactId,
            accountId: refs.accountId ?? customer.accountId,
          },
          now,
        );
        if (body.conversationId) {
          const at = { orgId, conversationId: body.conversationId, actorId: who.userId, now };
          await changeLinks(tx, events, at, { link: 'case', id: caseId });
        }
        return caseId;
      });
      return read(orgId, id);
    },

    /** Resolving stamps `resolvedAt` and leaves a line on the timeline; going back to active clears it. */
    async updateCase(who: StaffIdentity, id: string, body: CaseChange) {
      const orgId = who.orgId;
      const now = clock.now();
      await kit.command(async (tx) => {
        const before = await store.getCase(tx, orgId, id);
        if (!before) throw notFound(`case ${id}`);
        const refs = await references(tx, orgId, body);
        const status = body.status;
        const resolvedAt =
          status === undefined || status === before.status ? undefined : status === 'resolved' ? now : null;
        const patch = defined({
          title: body.title,
          description: body.description === undefined ? undefined : optionalText(body.description),
          product: body.product === undefined ? undefined : optionalText(body.product),
          status,
          priority: body.priority,
          ownerId: body.ownerId,
          contactId: body.contactId,
          accountId: refs.accountId,
          resolvedAt,
        });
        await store.updateCase(tx, orgId, id, patch, now);
        if (status !== undefined && status !== before.status)
          await insertActivity(
            tx,
            orgId,
            {
              kind: `case-${status === 'active' ? 'reopened' : status}`,
              contactId: body.contactId === undefined ? before.contactId : body.contactId,
              accountId: refs.accountId === undefined ? before.accountId : refs.accountId,
              caseId: id,
              conversationId: null,
              actorId: who.role === 'api' ? null : who.userId,
              summary: `Case ${caseReference(before.number)} ${status === 'active' ? 'reopened' : status}`,
              detail: { from: before.status, to: status },
            },
            now,
          );
      });
      return read(orgId, id);
    },
  };
}
