import { Field, Input, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { QUICK_REPLY_PLACEHOLDERS, renderTemplate, type QuickReplyPlaceholder } from '@switchboard/protocol';
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n';
import { ErrorText, fieldError } from '../../components/form';
import type { FieldErrors } from '../../lib/issues';
import { insertAt } from '../../lib/template-text';
import { useAuth } from '../../state/auth-store';
import { PlaceholderChips } from '../templates/placeholder-chips';
import { LANGUAGES, type Language, type QuickReplyDraft } from './quick-reply-draft';

const useStyles = makeStyles({
  preview: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusXLarge,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    minHeight: '2.5em',
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Props = {
  draft: QuickReplyDraft;
  setDraft: (update: (d: QuickReplyDraft) => QuickReplyDraft) => void;
  errors: FieldErrors;
};

/** The quick reply dialog's fields: title, a text per language, placeholder chips, a preview of the text in focus. */
export function QuickReplyFields({ draft, setDraft, errors }: Props) {
  const styles = useStyles();
  const { t } = useT();
  const agentName = useAuth((s) => s.user?.name ?? '');
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

  function insert(placeholder: QuickReplyPlaceholder) {
    const text = draft.bodies[active];
    const area = areas.current[active];
    const at = { start: area?.selectionStart ?? text.length, end: area?.selectionEnd ?? text.length };
    const next = insertAt(text, at.start, at.end, `{${placeholder}}`);
    setBody(active, next.text);
    setCursor({ language: active, at: next.cursor });
  }

  // Made-up values; the signed-in admin stands in for the agent who answers.
  const sample = { customerName: 'Emma Janssen', agentName, queue: t('quickReplies.sampleQueue') };
  const text = draft.bodies[active];

  return (
    <>
      <Field label={t('quickReplies.name')} required hint={t('quickReplies.nameHint')} {...fieldError(errors, 'title')}>
        <Input
          data-testid="quick-reply-title"
          value={draft.title}
          maxLength={80}
          onChange={(_, d) => setDraft((x) => ({ ...x, title: d.value }))}
        />
      </Field>
      <ErrorText message={errors.bodies} />
      <PlaceholderChips
        languageName={languageName(active)}
        onInsert={insert}
        placeholders={QUICK_REPLY_PLACEHOLDERS}
        describe={(p) => t(`quickReplies.placeholders.${p}`)}
        testId="quick-reply-placeholder"
      />
      {LANGUAGES.map((language) => (
        <Field
          key={language}
          label={languageName(language)}
          hint={language === 'en' ? t('quickReplies.textHint') : undefined}
          {...fieldError(errors, `bodies.${language}`)}
        >
          <Textarea
            data-testid={`quick-reply-body-${language}`}
            ref={(el) => void (areas.current[language] = el)}
            resize="vertical"
            rows={3}
            value={draft.bodies[language]}
            onFocus={() => setActive(language)}
            onChange={(_, d) => setBody(language, d.value)}
          />
        </Field>
      ))}
      <Text weight="semibold">{t('templates.preview', { language: languageName(active) })}</Text>
      <p className={styles.preview} data-testid="quick-reply-preview">
        {text.trim() === '' ? (
          <span className={styles.muted}>{t('templates.previewEmpty')}</span>
        ) : (
          renderTemplate(text, sample, QUICK_REPLY_PLACEHOLDERS)
        )}
      </p>
      <Text size={200} className={styles.muted}>
        {t('quickReplies.previewHint')}
      </Text>
    </>
  );
}
