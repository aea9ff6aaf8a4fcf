import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ConversationSummary, WrapUp } from '@switchboard/protocol';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDispositionCodes, useSaveWrapUp } from '../hooks/use-wrap-up';
import { codeChoices, hasWrapUp, wrapUpMode } from '../lib/wrap-up';
import { useAuth } from '../state/auth-store';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, minWidth: 0 },
  fields: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-start', flexWrap: 'wrap' },
  code: { width: '240px' },
  note: { flexGrow: 1, minWidth: '240px' },
  muted: { color: tokens.colorNeutralForeground3 },
  // The note may be long: it wraps, and its line breaks are kept.
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

type Props = { conversationId: string; summary: ConversationSummary; saved: WrapUp };

/**
 * The wrap-up form (AG4): the primary agent picks a disposition code and writes a summary note,
 * open at wrap-up and folded away before it; anyone else, or anyone once it is closed, reads what
 * was saved.
 */
export function WrapUpSection({ conversationId, summary, saved }: Props) {
  const me = useAuth((s) => s.user?.id ?? null);
  const mode = wrapUpMode(summary, me, saved);
  if (mode === 'edit')
    return (
      <WrapUpEditor key={conversationId} id={conversationId} inWrapUp={summary.state === 'wrap-up'} saved={saved} />
    );
  if (mode === 'view') return <SavedWrapUp saved={saved} />;
  return null;
}

function SavedWrapUp({ saved }: { saved: WrapUp }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <section className={styles.section} data-testid="wrapup-view">
      <Caption1 className={styles.muted}>{t('wrapUp.title')}</Caption1>
      <Text weight="semibold" data-testid="wrapup-view-code">
        {saved.dispositionName ?? t('wrapUp.noCode')}
      </Text>
      {saved.note && (
        <Text className={styles.text} data-testid="wrapup-view-note">
          {saved.note}
        </Text>
      )}
    </section>
  );
}

function WrapUpEditor({ id, inWrapUp, saved }: { id: string; inWrapUp: boolean; saved: WrapUp }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [open, setOpen] = useState(inWrapUp);
  // Ending the conversation opens the form: that is when it is filled in.
  useEffect(() => {
    if (inWrapUp) setOpen(true);
  }, [inWrapUp]);
  const codes = useDispositionCodes(open);
  const save = useSaveWrapUp(id);
  const [code, setCode] = useState(saved.dispositionCodeId ?? '');
  const [note, setNote] = useState(saved.note);
  const dirty = code !== (saved.dispositionCodeId ?? '') || note.trim() !== saved.note;
  const choices = codeChoices(codes.data ?? [], saved);

  async function submit() {
    const result = await save.mutateAsync({ dispositionCodeId: code || null, note }).catch(() => null);
    // What the server kept (the note trimmed) is what the form shows from now on.
    if (result) {
      setCode(result.dispositionCodeId ?? '');
      setNote(result.note);
    }
  }

  const status = dirty ? t('wrapUp.unsaved') : hasWrapUp(saved) ? t('wrapUp.saved') : null;

  return (
    <section className={styles.section} data-testid="wrapup-form" data-open={open}>
      <div className={styles.bar}>
        <Button
          appearance="subtle"
          size="small"
          data-testid="wrapup-toggle"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? `▾ ${t('wrapUp.title')}` : `▸ ${t('wrapUp.title')}`}
        </Button>
        {!open && saved.dispositionName && <Text truncate>{saved.dispositionName}</Text>}
        {status && (
          <Caption1 className={styles.muted} data-testid="wrapup-status">
            {status}
          </Caption1>
        )}
      </div>
      {open && (
        <form
          className={styles.form}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <div className={styles.fields}>
            <Field className={styles.code} label={t('wrapUp.code')}>
              <Select data-testid="wrapup-code" value={code} onChange={(_, d) => setCode(d.value)}>
                <option value="">{t('wrapUp.noCode')}</option>
                {choices.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.retired ? t('wrapUp.retired', { name: c.name }) : c.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field className={styles.note} label={t('wrapUp.note')}>
              <Textarea
                data-testid="wrapup-note"
                value={note}
                maxLength={4000}
                rows={2}
                resize="vertical"
                placeholder={t('wrapUp.notePlaceholder')}
                onChange={(_, d) => setNote(d.value)}
              />
            </Field>
          </div>
          <div className={styles.bar}>
            <Button type="submit" appearance="primary" data-testid="wrapup-save" disabled={!dirty || save.isPending}>
              {save.isPending ? t('wrapUp.saving') : t('wrapUp.save')}
            </Button>
          </div>
          {codes.error && (
            <MessageBar intent="warning">
              <MessageBarBody>{t('wrapUp.loadFailed', { message: codes.error.message })}</MessageBarBody>
            </MessageBar>
          )}
          {save.error && !save.isPending && (
            <MessageBar intent="error" data-testid="wrapup-error">
              <MessageBarBody>{t('wrapUp.failed', { message: save.error.message })}</MessageBarBody>
            </MessageBar>
          )}
        </form>
      )}
    </section>
  );
}
