import { PreferredContactMethod, RelationshipType } from '@switchboard/protocol';
import { toE164 } from '../contacts/phone.js';
import type { CsvRecord } from './csv.js';

// The AG9 import's rows: which column is which (header names in any case, with or without spaces,
// dashes or underscores) and each row's values checked, or the reason it cannot be imported.

export type ImportKind = 'contacts' | 'accounts';

type Field =
  | 'name'
  | 'externalId'
  | 'email'
  | 'phone'
  | 'jobTitle'
  | 'city'
  | 'category'
  | 'relationshipType'
  | 'preferredContactMethod'
  | 'account';

const HEADERS: Record<ImportKind, Record<string, Field>> = {
  contacts: {
    name: 'name',
    fullname: 'name',
    externalid: 'externalId',
    email: 'email',
    emailaddress: 'email',
    phone: 'phone',
    mobile: 'phone',
    mobilephone: 'phone',
    jobtitle: 'jobTitle',
    title: 'jobTitle',
    city: 'city',
    category: 'category',
    relationship: 'relationshipType',
    relationshiptype: 'relationshipType',
    preferredcontactmethod: 'preferredContactMethod',
    preferredmethod: 'preferredContactMethod',
    account: 'account',
    accountname: 'account',
    company: 'account',
  },
  accounts: {
    name: 'name',
    accountname: 'name',
    externalid: 'externalId',
    email: 'email',
    phone: 'phone',
    mainphone: 'phone',
    city: 'city',
    category: 'category',
    relationship: 'relationshipType',
    relationshiptype: 'relationshipType',
  },
};

export type Columns = Partial<Record<Field, number>>;

/** Which column holds which field; an unknown header or one named twice is refused with the whole file. */
export function readHeader(kind: ImportKind, header: string[]): { columns: Columns } | { error: string } {
  const columns: Columns = {};
  for (const [i, raw] of header.entries()) {
    const key = raw
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, '');
    if (key === '') continue;
    const field = HEADERS[kind][key];
    if (!field) {
      const known = [...new Set(Object.keys(HEADERS[kind]))].join(', ');
      return { error: `column "${raw.trim()}" is not one of ${known}` };
    }
    if (columns[field] !== undefined) return { error: `column "${raw.trim()}" is named twice` };
    columns[field] = i;
  }
  if (columns.name === undefined) return { error: 'the header has no "name" column' };
  return { columns };
}

export type ImportValues = {
  name: string;
  externalId: string | null;
  email: string | null;
  phone: string | null;
  jobTitle: string | null;
  city: string | null;
  category: string | null;
  relationshipType: RelationshipType | null;
  preferredContactMethod: PreferredContactMethod | null;
  /** A contact's account, by name or external id, as written. */
  account: string | null;
};

export type RowCheck = { ok: true; line: number; values: ImportValues } | { ok: false; line: number; reason: string };

// The same shape zod's `z.email()` accepts, in short: local part, @, a domain with a dot.
const EMAIL = /^(?!\.)(?!.*\.\.)[A-Za-z0-9_'+\-.]*[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
// eslint-disable-next-line no-control-regex -- control characters have no place in a record
const CONTROL = /[\u0000-\u001f\u007f]/;
const MAX = 200;

/** One data row checked: the first problem found is its reason. */
export function checkRow(kind: ImportKind, columns: Columns, r: CsvRecord): RowCheck {
  const cell = (f: Field) => {
    const i = columns[f];
    const v = i === undefined ? '' : (r.fields[i] ?? '').trim();
    return v === '' ? null : v;
  };
  const fail = (reason: string): RowCheck => ({ ok: false, line: r.line, reason });
  const fields = Object.keys(columns) as Field[];
  for (const f of fields) {
    const v = cell(f);
    if (v === null) continue;
    if (v.length > MAX) return fail(`${f} is longer than ${MAX} characters`);
    if (CONTROL.test(v)) return fail(`${f} contains a control character`);
  }
  const name = cell('name');
  if (!name) return fail('name is missing');
  const email = cell('email');
  if (email && (email.length > 320 || !EMAIL.test(email))) return fail(`email "${email}" is not an email address`);
  const rawPhone = cell('phone');
  const phone = rawPhone ? toE164(rawPhone) : null;
  if (rawPhone && !phone) return fail(`phone "${rawPhone}" is not a phone number (write it with its country code)`);
  const rel = cell('relationshipType')?.toLowerCase() ?? null;
  if (rel && !RelationshipType.safeParse(rel).success)
    return fail(`relationship type "${rel}" is not one of ${RelationshipType.options.join(', ')}`);
  const pref = cell('preferredContactMethod')?.toLowerCase() ?? null;
  if (pref && !PreferredContactMethod.safeParse(pref).success)
    return fail(`preferred contact method "${pref}" is not one of ${PreferredContactMethod.options.join(', ')}`);
  return {
    ok: true,
    line: r.line,
    values: {
      name,
      externalId: cell('externalId'),
      email,
      phone,
      jobTitle: kind === 'contacts' ? cell('jobTitle') : null,
      city: cell('city'),
      category: cell('category'),
      relationshipType: rel as RelationshipType | null,
      preferredContactMethod: pref as PreferredContactMethod | null,
      account: kind === 'contacts' ? cell('account') : null,
    },
  };
}
