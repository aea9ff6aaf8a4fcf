import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { TemplateLanguage, type NewQuickReply, type QuickReply } from '@switchboard/protocol';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/api';
import { quickRepliesKey, useQuickReplies } from '../hooks/use-quick-replies';
import { QuickReplyForm } from './quick-reply-form';

const useStyles = makeStyles({
  surface: { maxWidth: '640px', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, listStyleType: 'none' },
  title: { display: 'flex', flexDirection: 'column', marginRight: 'auto', minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * The agent's own quick replies (AG4): listed, added, changed and deleted here; only they see them.
 * The organisation's are edited by admins, in the admin center.
 */
export function MyQuickRepliesDialog({ onClose }: { onClose: () => void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const replies = useQuickReplies();
  const mine = (replies.data ?? []).filter((q) => q.scope === 'personal');
  const [editing, setEditing] = useState<QuickReply | 'new' | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const languages = (q: QuickReply) =>
    TemplateLanguage.options.filter((l) => q.bodies[l] !== undefined).map((l) => t(`outbound.languages.${l}`));

  async function run(command: () => Promise<unknown>, after: () => void) {
    setBusy(true);
    setError(null);
    try {
      await command();
      await queryClient.invalidateQueries({ queryKey: quickRepliesKey });
      after();
    } catch (err) {
      setError(t('quickReplies.failed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  }

  const save = (body: NewQuickReply) =>
    run(
      () =>
        editing === 'new' || editing === null
          ? call('createQuickReply', { body })
          : call('updateQuickReply', { params: { id: editing.id }, body }),
      () => setEditing(null),
    );
  const remove = (id: string) =>
    run(
      () => call('deleteQuickReply', { params: { id } }),
      () => setConfirming(null),
    );

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={styles.surface} data-testid="my-quick-replies">
        <DialogBody>
          <DialogTitle>{t('quickReplies.mineTitle')}</DialogTitle>
          <DialogContent className={styles.content}>
            {editing ? (
              <QuickReplyForm
                reply={editing === 'new' ? undefined : editing}
                saving={busy}
                onSave={(body) => void save(body)}
                onCancel={() => {
                  setEditing(null);
                  setError(null);
                }}
              />
            ) : (
              <>
                <Caption1 className={styles.muted}>{t('quickReplies.mineHint')}</Caption1>
                {replies.isSuccess && mine.length === 0 && <Text>{t('quickReplies.none')}</Text>}
                <ul className={styles.list}>
                  {mine.map((q) => (
                    <li key={q.id} className={styles.row} data-testid="my-quick-reply" data-title={q.title}>
                      <span className={styles.title}>
                        <Text weight="semibold" truncate wrap={false}>
                          {q.title}
                        </Text>
                        <Caption1 className={styles.muted}>{languages(q).join(', ')}</Caption1>
                      </span>
                      <Button size="small" data-testid="my-quick-reply-edit" onClick={() => setEditing(q)}>
                        {t('quickReplies.edit')}
                      </Button>
                      <Button
                        size="small"
                        data-testid="my-quick-reply-delete"
                        disabled={busy}
                        appearance={confirming === q.id ? 'primary' : 'secondary'}
                        onClick={() => (confirming === q.id ? void remove(q.id) : setConfirming(q.id))}
                      >
                        {confirming === q.id ? t('quickReplies.confirmDelete') : t('quickReplies.delete')}
                      </Button>
                    </li>
                  ))}
                </ul>
              </>
            )}
            {error && (
              <MessageBar intent="error" data-testid="my-quick-replies-error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            {!editing && (
              <Button appearance="primary" data-testid="my-quick-reply-new" onClick={() => setEditing('new')}>
                {t('quickReplies.new')}
              </Button>
            )}
            <Button data-testid="my-quick-replies-close" onClick={onClose}>
              {t('quickReplies.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
