import { Field, Input, Textarea } from '@fluentui/react-components';
import { TEMPLATE_PLACEHOLDERS } from '@switchboard/protocol';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { ErrorText, fieldError } from '../../components/form';
import type { FieldErrors } from '../../lib/issues';
import { insertAt, type Placeholder } from '../../lib/template-text';
import { PlaceholderChips } from './placeholder-chips';
import { LANGUAGES, type Language, type TemplateDraft } from './template-draft';
import { TemplatePreview } from './template-preview';

type Props = {
  draft: TemplateDraft;
  setDraft: (update: (d: TemplateDraft) => TemplateDraft) => void;
  errors: FieldErrors;
};

/** The template dialog's fields: name, a text per language, placeholder chips, a preview of the text in focus. */
export function TemplateFields({ draft, setDraft, errors }: Props) {
  const { t } = useT();
  const [active, setActive] = useState<Language>(() => LANGUAGES.find((l) => draft.bodies[l] !== '') ?? 'en');
  const areas = useRef<Partial<Record<Language, HTMLTextAreaElement | null>>>({});
  const [cursor, setCursor] = useState<{ language: Language; at: number } | null>(null);
  const languageName = (l: Language) => t(`templates.languageNames.${l}`);
  const setBody = (language: Language, text: string) =>
    setDraft((d) => ({ ...d, bodies: { ...d.bodies, [language]: text } }));

  // After an insertion the text area has its new value: put the cursor just after what was inserted.
  useEffect(() => {
    if (!cursor) return;
    const area = areas.current[cursor.language];
    area?.focus();
    area?.setSelectionRange(cursor.at, cursor.at);
  }, [cursor]);

  function insert(placeholder: Placeholder) {
    const text = draft.bodies[active];
    const area = areas.current[active];
    const next = insertAt(
      text,
      area?.selectionStart ?? text.length,
      area?.selectionEnd ?? text.length,
      `{${placeholder}}`,
    );
    setBody(active, next.text);
    setCursor({ language: active, at: next.cursor });
  }

  return (
    <>
      <Field label={t('templates.name')} required hint={t('templates.nameHint')} {...fieldError(errors, 'name')}>
        <Input
          data-testid="template-name"
          value={draft.name}
          maxLength={80}
          onChange={(_, d) => setDraft((x) => ({ ...x, name: d.value }))}
        />
      </Field>
      <ErrorText message={errors.bodies} />
      <PlaceholderChips
        languageName={languageName(active)}
        onInsert={insert}
        placeholders={TEMPLATE_PLACEHOLDERS}
        describe={(p) => t(`templates.placeholders.${p}`)}
      />
      {LANGUAGES.map((language) => (
        <Field
          key={language}
          label={languageName(language)}
          hint={language === 'en' ? t('templates.textHint') : undefined}
          {...fieldError(errors, `bodies.${language}`)}
        >
          <Textarea
            data-testid={`template-body-${language}`}
            ref={(el) => void (areas.current[language] = el)}
            resize="vertical"
            rows={3}
            value={draft.bodies[language]}
            onFocus={() => setActive(language)}
            onChange={(_, d) => setBody(language, d.value)}
          />
        </Field>
      ))}
      <TemplatePreview text={draft.bodies[active]} languageName={languageName(active)} />
    </>
  );
}
