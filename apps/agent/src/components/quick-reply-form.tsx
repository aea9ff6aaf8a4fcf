import { Button, Caption1, Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { TemplateLanguage, type NewQuickReply, type QuickReply } from '@switchboard/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const LANGUAGES = TemplateLanguage.options;
type Language = (typeof LANGUAGES)[number];

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  hint: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', justifyContent: 'flex-end', gap: tokens.spacingHorizontalS },
});

/** What is sent: the title and the languages written, trimmed; null while either is missing. */
export function toNewQuickReply(title: string, bodies: Record<Language, string>): NewQuickReply | null {
  const written = LANGUAGES.filter((l) => bodies[l].trim() !== '').map((l) => [l, bodies[l].trim()] as const);
  if (title.trim() === '' || written.length === 0) return null;
  return { title: title.trim(), bodies: Object.fromEntries(written) };
}

type Props = {
  /** The quick reply changed, or undefined for a new one. */
  reply: QuickReply | undefined;
  saving: boolean;
  onSave: (body: NewQuickReply) => void;
  onCancel: () => void;
};

/** A quick reply of one's own: its title and its text in each language it is written in. */
export function QuickReplyForm({ reply, saving, onSave, onCancel }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [title, setTitle] = useState(reply?.title ?? '');
  const [bodies, setBodies] = useState<Record<Language, string>>(() => ({
    en: reply?.bodies.en ?? '',
    nl: reply?.bodies.nl ?? '',
    fr: reply?.bodies.fr ?? '',
  }));
  const body = toNewQuickReply(title, bodies);

  return (
    <form
      className={styles.form}
      data-testid="quick-reply-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (body) onSave(body);
      }}
    >
      <Field label={t('quickReplies.title')} hint={t('quickReplies.titleHint')} required>
        <Input data-testid="quick-reply-title" value={title} maxLength={80} onChange={(_, d) => setTitle(d.value)} />
      </Field>
      {LANGUAGES.map((language) => (
        <Field key={language} label={t(`outbound.languages.${language}`)}>
          <Textarea
            data-testid={`quick-reply-body-${language}`}
            rows={3}
            resize="vertical"
            maxLength={4000}
            value={bodies[language]}
            onChange={(_, d) => setBodies((b) => ({ ...b, [language]: d.value }))}
          />
        </Field>
      ))}
      <Caption1 className={styles.hint}>{t('quickReplies.textHint')}</Caption1>
      <div className={styles.actions}>
        <Button onClick={onCancel}>{t('quickReplies.cancel')}</Button>
        <Button appearance="primary" type="submit" data-testid="quick-reply-save" disabled={!body || saving}>
          {saving ? t('quickReplies.saving') : t('quickReplies.save')}
        </Button>
      </div>
    </form>
  );
}
