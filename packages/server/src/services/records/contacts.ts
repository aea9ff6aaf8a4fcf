import type { ContactChange, ContactDetail, NewContact, RecordSearchQuery } from '@switchboard/protocol';
import { conflict, notFound } from '../../domain/errors.js';
import { decodeIdCursor, encodeIdCursor } from '../../domain/records/cursors.js';
import { defined, optionalText, recordPhone } from '../../domain/records/fields.js';
import type { Db } from '../../store/db.js';
import { getAccount } from '../../store/records/accounts.js';
import { recentCases } from '../../store/records/cases.js';
import * as store from '../../store/records/contacts.js';
import { isUniqueViolation } from '../../store/transaction.js';
import type { Parsed, RecordsKit } from './kit.js';
import { caseView, contactView } from './views.js';

type ContactFields = NewContact | ContactChange;

/** The stored values of a request's fields: phone in E.164, blanks as none; only the fields given. */
export async function contactValues(db: Db, orgId: string, f: ContactFields): Promise<Partial<store.ContactValues>> {
  if (f.accountId && !(await getAccount(db, orgId, f.accountId))) throw notFound(`account ${f.accountId}`);
  return defined({
    name: f.name?.trim(),
    externalId: optionalText(f.externalId),
    email: f.email === undefined ? undefined : f.email,
    mobilePhone: recordPhone('mobilePhone', f.mobilePhone),
    jobTitle: optionalText(f.jobTitle),
    city: optionalText(f.city),
    category: optionalText(f.category),
    relationshipType: f.relationshipType,
    preferredContactMethod: f.preferredContactMethod,
    accountId: f.accountId,
  });
}

const takenExternalId = (err: unknown, externalId: string | null | undefined) =>
  isUniqueViolation(err) ? conflict(`another contact has the external id "${externalId}"`) : err;

/** AG9: contacts, searched at scale (store/records/contacts.ts), read, created and changed. */
export function contactUseCases(kit: RecordsKit) {
  const { db, clock } = kit;

  async function get(orgId: string, id: string): Promise<ContactDetail> {
    const row = await store.getContact(db, orgId, id);
    if (!row) throw notFound(`contact ${id}`);
    const cases = await recentCases(db, orgId, { contactId: id }, 20);
    return { ...contactView(row), cases: cases.map(caseView) };
  }

  return {
    async listContacts(orgId: string, q: Parsed<typeof RecordSearchQuery>) {
      const limit = q.limit ?? 25;
      const cursor = q.cursor ? decodeIdCursor('contacts', q.cursor) : undefined;
      const rows = await store.searchContacts(db, orgId, q.q ?? '', limit + 1, cursor);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        contacts: page.map(contactView),
        nextCursor: rows.length > limit && last ? encodeIdCursor('contacts', last.id) : null,
      };
    },
    getContact: get,
    async createContact(orgId: string, body: NewContact) {
      const id = await kit
        .command(async (tx) => {
          const v = await contactValues(tx, orgId, body);
          return store.insertContact(tx, orgId, { name: body.name, ...v }, clock.now());
        })
        .catch((err: unknown) => {
          throw takenExternalId(err, body.externalId);
        });
      return contactView((await store.getContact(db, orgId, id))!);
    },
    async updateContact(orgId: string, id: string, body: ContactChange) {
      await kit
        .command(async (tx) => {
          const v = await contactValues(tx, orgId, body);
          if (!(await store.updateContact(tx, orgId, id, v, clock.now()))) throw notFound(`contact ${id}`);
        })
        .catch((err: unknown) => {
          throw takenExternalId(err, body.externalId);
        });
      return contactView((await store.getContact(db, orgId, id))!);
    },
  };
}
