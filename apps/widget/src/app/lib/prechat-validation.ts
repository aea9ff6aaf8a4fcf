import { PrechatAnswers } from '@switchboard/protocol';

export type PrechatValues = { name: string; email: string; question: string };
export type PrechatField = keyof PrechatValues;

/** Translation keys under `prechat.errors`. */
export type PrechatProblem = { field: PrechatField; key: 'nameRequired' | 'emailRequired' | 'emailInvalid' | 'questionRequired' | 'tooLong' };

export type PrechatResult = { ok: true; answers: PrechatAnswers } | { ok: false; problems: PrechatProblem[] };

const FIELDS: readonly PrechatField[] = ['name', 'email', 'question'];

/**
 * Checks the survey with the server's own schema, so client and server agree on what is valid,
 * and turns its issues into one translatable problem per field.
 */
export function validatePrechat(values: PrechatValues): PrechatResult {
  const parsed = PrechatAnswers.safeParse(values);
  if (parsed.success) return { ok: true, answers: parsed.data };
  const problems: PrechatProblem[] = [];
  for (const field of FIELDS) {
    if (!parsed.error.issues.some((i) => i.path[0] === field)) continue;
    const empty = values[field].trim() === '';
    if (field === 'email') problems.push({ field, key: empty ? 'emailRequired' : 'emailInvalid' });
    else problems.push({ field, key: empty ? (field === 'name' ? 'nameRequired' : 'questionRequired') : 'tooLong' });
  }
  return { ok: false, problems };
}
