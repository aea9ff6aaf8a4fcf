import { NotificationTemplateInput, type NotificationField, type NotificationTemplate } from '@switchboard/protocol';
import type { Issue, Schema } from '../../lib/issues';
import { LANGUAGES, type Language } from '../templates/template-draft';

/** A scenario's template as its form holds it: empty titles show the built-in ones. */
export type NotificationDraft = Omit<NotificationTemplateInput, 'titles' | 'timeoutSeconds'> & {
  titles: Record<Language, string>;
  timeoutSeconds: number | undefined;
};

export const draftOf = (t: NotificationTemplate): NotificationDraft => ({
  kind: t.kind,
  titles: { en: t.titles.en ?? '', nl: t.titles.nl ?? '', fr: t.titles.fr ?? '' },
  fields: t.fields,
  timeoutSeconds: t.timeoutSeconds,
  autoAccept: t.autoAccept,
  theme: t.theme,
});

/** The body to send, with only the languages the admin wrote, checked by the protocol's schema. */
function parseDraft(d: NotificationDraft): { body: NotificationTemplateInput; issues: Issue[] } {
  const titles: Partial<Record<Language, string>> = {};
  for (const language of LANGUAGES) if (d.titles[language].trim() !== '') titles[language] = d.titles[language].trim();
  const parsed = NotificationTemplateInput.safeParse({ ...d, titles });
  if (parsed.success) return { body: parsed.data, issues: [] };
  return { body: { ...d, titles, timeoutSeconds: d.timeoutSeconds ?? 0 }, issues: parsed.error.issues as Issue[] };
}

export const toNotificationBody = (d: NotificationDraft) => parseDraft(d).body;

export const NotificationFormSchema: Schema<NotificationDraft> = {
  safeParse: (data) => {
    const { issues } = parseDraft(data as NotificationDraft);
    return issues.length === 0
      ? { success: true, data: data as NotificationDraft }
      : { success: false, error: { issues } };
  },
};

/** Ticks a field on or off, keeping the fixed order the notification shows them in. */
export function toggleField(
  fields: readonly NotificationField[],
  field: NotificationField,
  on: boolean,
  order: readonly NotificationField[],
): NotificationField[] {
  const set = new Set(fields);
  if (on) set.add(field);
  else set.delete(field);
  return order.filter((f) => set.has(f));
}
