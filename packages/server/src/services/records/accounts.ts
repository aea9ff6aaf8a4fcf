import type { AccountChange, AccountDetail, NewAccount, RecordSearchQuery } from '@switchboard/protocol';
import { conflict, notFound } from '../../domain/errors.js';
import { decodeIdCursor, encodeIdCursor } from '../../domain/records/cursors.js';
import { defined, optionalText, recordPhone } from '../../domain/records/fields.js';
import * as store from '../../store/records/accounts.js';
import { recentCases } from '../../store/records/cases.js';
import { contactsOfAccount } from '../../store/records/contacts.js';
import { isUniqueViolation } from '../../store/transaction.js';
import type { Parsed, RecordsKit } from './kit.js';
import { accountView, caseView, contactView } from './views.js';

/** The stored values of a request's fields: phone in E.164, blanks as none; only the fields given. */
export const accountValues = (f: NewAccount | AccountChange): Partial<store.AccountValues> =>
  defined({
    name: f.name?.trim(),
    externalId: optionalText(f.externalId),
    email: f.email,
    mainPhone: recordPhone('mainPhone', f.mainPhone),
    city: optionalText(f.city),
    category: optionalText(f.category),
    relationshipType: f.relationshipType,
  });

const takenExternalId = (err: unknown, externalId: string | null | undefined) =>
  isUniqueViolation(err) ? conflict(`another account has the external id "${externalId}"`) : err;

/** AG9: accounts with their contacts and cases. */
export function accountUseCases(kit: RecordsKit) {
  const { db, clock } = kit;
  return {
    async listAccounts(orgId: string, q: Parsed<typeof RecordSearchQuery>) {
      const limit = q.limit ?? 25;
      const cursor = q.cursor ? decodeIdCursor('accounts', q.cursor) : undefined;
      const rows = await store.searchAccounts(db, orgId, q.q ?? '', limit + 1, cursor);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        accounts: page.map(accountView),
        nextCursor: rows.length > limit && last ? encodeIdCursor('accounts', last.id) : null,
      };
    },
    async getAccount(orgId: string, id: string): Promise<AccountDetail> {
      const row = await store.getAccount(db, orgId, id);
      if (!row) throw notFound(`account ${id}`);
      const [contacts, cases] = await Promise.all([
        contactsOfAccount(db, orgId, id, 100),
        recentCases(db, orgId, { accountId: id }, 20),
      ]);
      return { ...accountView(row), contacts: contacts.map(contactView), cases: cases.map(caseView) };
    },
    async createAccount(orgId: string, body: NewAccount) {
      const id = await kit
        .command((tx) => store.insertAccount(tx, orgId, { name: body.name, ...accountValues(body) }, clock.now()))
        .catch((err: unknown) => {
          throw takenExternalId(err, body.externalId);
        });
      return accountView((await store.getAccount(db, orgId, id))!);
    },
    async updateAccount(orgId: string, id: string, body: AccountChange) {
      const changed = await kit
        .command((tx) => store.updateAccount(tx, orgId, id, accountValues(body), clock.now()))
        .catch((err: unknown) => {
          throw takenExternalId(err, body.externalId);
        });
      if (!changed) throw notFound(`account ${id}`);
      return accountView((await store.getAccount(db, orgId, id))!);
    },
  };
}
