import { toE164 } from '../contacts/phone.js';
import { DomainError } from '../errors.js';

/**
 * A phone number of a record as stored (E.164, CH5), null for none; a text that is not a phone
 * number is refused naming the field, so nothing unmatchable is stored.
 */
export function recordPhone(field: string, raw: string | null | undefined): string | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === null || raw.trim() === '') return null;
  const e164 = toE164(raw);
  if (!e164)
    throw new DomainError(
      'invalid',
      `${field} "${raw}" is not a phone number: write it with its country code, e.g. +31 20 123 4567`,
    );
  return e164;
}

/** An optional text as stored: blank is none. */
export const optionalText = (v: string | null | undefined): string | null | undefined =>
  v === undefined ? undefined : v === null || v.trim() === '' ? null : v.trim();

/** What a patch sets: only the keys given (undefined keys are left out, so they stay as they are). */
export function defined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
