import { Button, Caption1, Switch, makeStyles, tokens } from '@fluentui/react-components';
import type { ConversationSummary } from '@switchboard/protocol';
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { canAddNote, canMessageCustomer } from '@switchboard/live';
import { createTypingEmitter } from '../lib/typing-emitter';
import { useServices } from '../state/services-context';
import { useSessions } from '../state/sessions-store';
import { takeReady, uploadFile, useUploads } from '../state/uploads-store';
import { AttachButton, PendingUploads } from './attachment-picker';
import { ComposerInput } from './composer-input';
import { MyQuickRepliesButton } from './my-quick-replies-button';

/** Unsent text per conversation lives in the workspace (AG3): kept across tabs, reloads and machines. */
const setDraft = (id: string, text: string) => useSessions.getState().setDraft(id, text);

const useStyles = makeStyles({
  composer: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalM}`,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  noteMode: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  toolbar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  end: { marginLeft: 'auto' },
  hint: { color: tokens.colorNeutralForeground3 },
});

type Props = {
  conversationId: string;
  summary: Pick<ConversationSummary, 'state' | 'acceptedAt' | 'customerName' | 'queueName' | 'callbackId'>;
  /** When I consult on it (AG5): notes by default, and to the customer only when the primary allows it. */
  consult?: { mayMessageCustomer: boolean } | null;
};

export function Composer({ conversationId, summary, consult = null }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const services = useServices();
  const text = useSessions((s) => s.drafts[conversationId] ?? '');
  const [noteSwitch, setNote] = useState(consult !== null);
  // A callback work item has no chat (AG11): the agent phones, and writes what happened in notes.
  const callback = summary.callbackId !== null;
  const notesOnly = callback || (consult !== null && !consult.mayMessageCustomer);
  const customerAllowed = canMessageCustomer(summary) && !notesOnly;
  const noteAllowed = canAddNote(summary);
  const note = (noteSwitch || notesOnly) && noteAllowed;
  const enabled = note ? noteAllowed : customerAllowed;
  // Files go to the customer only (the server refuses them in notes); sending waits for uploads to finish.
  const uploads = useUploads((s) => s.byConversation[conversationId]);
  const ready = (uploads ?? []).some((u) => u.status === 'ready');
  const uploading = (uploads ?? []).some((u) => u.status === 'uploading');
  const filesAllowed = !note && customerAllowed;
  const canSend = enabled && !uploading && (text.trim() !== '' || (filesAllowed && ready));

  const typing = useMemo(
    () =>
      createTypingEmitter({
        emit: (isTyping) => services.emitTyping(conversationId, isTyping),
        now: Date.now,
        setTimer: (fn, ms) => setTimeout(fn, ms),
        clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      }),
    [services, conversationId],
  );
  useEffect(() => () => typing.stop(), [typing]);

  function change(value: string) {
    setDraft(conversationId, value);
    // Writing a note is not something the customer should see as "typing".
    if (!note && customerAllowed) {
      if (value.trim()) typing.input();
      else typing.stop();
    }
  }

  function toggleNote(checked: boolean) {
    setNote(checked);
    if (checked) typing.stop();
  }

  function submit() {
    if (!canSend) return;
    const attachments = filesAllowed ? takeReady(conversationId) : [];
    services.send({
      conversationId,
      text: text.trim() ? text : '',
      internal: note,
      ...(attachments.length ? { attachments } : {}),
    });
    setDraft(conversationId, '');
    typing.stop();
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      submit();
    }
  }

  const hint = !noteAllowed
    ? t('composer.closed')
    : callback
      ? t('composer.callback')
      : !customerAllowed && !note
        ? t('composer.notActive')
        : null;

  // A pasted or dropped file is attached like a picked one.
  function takeFiles(list: FileList | null | undefined) {
    const picked = Array.from(list ?? []);
    if (!filesAllowed || picked.length === 0) return false;
    for (const f of picked) void uploadFile(conversationId, f);
    return true;
  }

  return (
    <div
      className={note ? `${styles.composer} ${styles.noteMode}` : styles.composer}
      onPaste={(e) => takeFiles(e.clipboardData?.files) && e.preventDefault()}
      onDragOver={(e) => filesAllowed && e.preventDefault()}
      onDrop={(e) => takeFiles(e.dataTransfer?.files) && e.preventDefault()}
    >
      <div className={styles.toolbar}>
        <Switch
          data-testid="composer-note-toggle"
          label={t('composer.internalNote')}
          checked={note}
          disabled={!noteAllowed || notesOnly}
          onChange={(_, d) => toggleNote(d.checked)}
        />
        {hint && <Caption1 className={styles.hint}>{hint}</Caption1>}
        {note && ready && <Caption1 className={styles.hint}>{t('attachments.noteHint')}</Caption1>}
        <span className={styles.end}>
          <MyQuickRepliesButton />
        </span>
      </div>
      <PendingUploads conversationId={conversationId} />
      <div className={styles.row}>
        <AttachButton conversationId={conversationId} disabled={!filesAllowed} />
        <ComposerInput
          text={text}
          summary={summary}
          placeholder={note ? t('composer.notePlaceholder') : t('composer.placeholder', { name: summary.customerName })}
          disabled={!enabled}
          onChange={change}
          onKeyDown={onKeyDown}
        />
        <Button data-testid="composer-send" appearance="primary" disabled={!canSend} onClick={submit}>
          {note ? t('composer.addNote') : t('composer.send')}
        </Button>
      </div>
    </div>
  );
}
