import type { AdminKey, AdminT } from '../i18n';

/** The part of a zod issue the admin center reads (zod itself stays a protocol dependency). */
export type Issue = {
  code: string;
  path: PropertyKey[];
  message: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  expected?: string;
  format?: string;
};

/** Errors by field path, e.g. `routeToQueue.0.when.all.1.field`. */
export type FieldErrors = Record<string, string>;

export type Schema<T> = {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: Issue[] } };
};

export const pathKey = (path: readonly PropertyKey[]) => path.map(String).join('.');

// The protocol's own messages, said in the user's language.
const CUSTOM: [RegExp, AdminKey][] = [
  [/^unknown time zone$/, 'validation.timeZone'],
  [/^a period ends after it starts$/, 'validation.periodOrder'],
  [/^operator in needs a list/, 'validation.listNeeded'],
  [/needs a number$/, 'validation.number'],
  [/needs a value$/, 'validation.valueNeeded'],
  [/^a rule sets at least one output$/, 'validation.oneOutput'],
  [/^queue percentages add up to 100$/, 'validation.percentages'],
  [/^each site is listed once$/, 'validation.siteTwice'],
  [/^a port is at most 65535$/, 'validation.port'],
  [/^write the template in at least one language$/, 'validation.oneLanguage'],
  [/^write the quick reply in at least one language$/, 'validation.oneLanguageQuickReply'],
];

export function issueText(issue: Issue, t: AdminT): string {
  const last = String(issue.path[issue.path.length - 1] ?? '');
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? t('validation.required')
          : t('validation.minLength', { min: Number(issue.minimum) });
      if (issue.origin === 'array') return t('validation.atLeast', { count: Number(issue.minimum) });
      return t('validation.min', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.maxLength', { max: Number(issue.maximum) });
      if (issue.origin === 'array') return t('validation.atMost', { count: Number(issue.maximum) });
      return t('validation.max', { max: Number(issue.maximum) });
    case 'invalid_type':
      if (issue.expected === 'int') return t('validation.integer');
      if (issue.expected === 'number') return t('validation.number');
      return t('validation.required');
    case 'invalid_format':
      if (issue.format === 'uuid') return t('validation.choose');
      if (issue.format === 'date') return t('validation.date');
      if (last === 'field') return t('validation.field');
      if (issue.path.includes('allowedSites')) return t('validation.site');
      if (last === 'start' || last === 'end') return t('validation.time');
      return t('validation.format');
    case 'invalid_value':
    case 'invalid_union':
      return t('validation.choose');
    case 'custom':
      for (const [pattern, key] of CUSTOM) if (pattern.test(issue.message)) return t(key as AdminKey);
      return issue.message;
    default:
      return issue.message;
  }
}

export function issuesToErrors(issues: readonly Issue[], t: AdminT): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = pathKey(issue.path);
    errors[key] ??= issueText(issue, t);
  }
  return errors;
}

/** A server 400 lists `issues` with paths like `body.routeToQueue.0.name`: put them on the same fields. */
export function serverIssuesToErrors(body: unknown): FieldErrors {
  const issues = (body as { issues?: { path: string; message: string }[] } | null)?.issues;
  const errors: FieldErrors = {};
  for (const i of issues ?? []) errors[i.path.replace(/^body\.?/, '')] ??= i.message;
  return errors;
}

/** Errors under a path prefix (a tab, a rule), to count or to show that something inside needs fixing. */
export function errorsUnder(errors: FieldErrors, prefix: string): number {
  return Object.keys(errors).filter((k) => k === prefix || k.startsWith(`${prefix}.`)).length;
}
