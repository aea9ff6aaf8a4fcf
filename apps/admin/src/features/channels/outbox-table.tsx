import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { OutboxEntry } from '@switchboard/protocol';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '../../i18n';
import { useApi } from '../../api/api';
import { useNotify } from '../../components/notify';

export type OutboxStatus = 'dead' | 'retrying';

const useStyles = makeStyles({
  text: { whiteSpace: 'pre-wrap', wordBreak: 'break-word' },
  error: { color: tokens.colorPaletteRedForeground1, wordBreak: 'break-word' },
});

type Props = { entries: OutboxEntry[]; channelName: (id: string) => string };

/** The outbox entries, newest first as the server lists them; a dead one can be sent again. */
export function OutboxTable({ entries, channelName }: Props) {
  const styles = useStyles();
  const { t, i18n } = useT();
  const call = useApi();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [sending, setSending] = useState<string | null>(null);

  async function sendAgain(entry: OutboxEntry) {
    setSending(entry.id);
    try {
      await call('retryOutbox', { params: { id: entry.id }, body: {} });
      notify.success(t('outbox.sentAgain', { to: entry.to }));
      await queryClient.invalidateQueries({ queryKey: ['listOutbox'] });
    } catch (err) {
      notify.error(t('outbox.retryFailed'), err instanceof Error ? err.message : String(err));
    } finally {
      setSending(null);
    }
  }

  return (
    <Table aria-label={t('outbox.title')} data-testid="outbox-table">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('outbox.to')}</TableHeaderCell>
          <TableHeaderCell>{t('outbox.text')}</TableHeaderCell>
          <TableHeaderCell>{t('outbox.channel')}</TableHeaderCell>
          <TableHeaderCell>{t('outbox.attempts')}</TableHeaderCell>
          <TableHeaderCell>{t('outbox.lastError')}</TableHeaderCell>
          <TableHeaderCell>{t('outbox.updated')}</TableHeaderCell>
          <TableHeaderCell>{t('common.actions')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((e) => (
          <TableRow key={e.id} data-testid="outbox-row" data-id={e.id}>
            <TableCell data-testid="outbox-to">{e.to}</TableCell>
            <TableCell className={styles.text} data-testid="outbox-text">
              {e.text}
            </TableCell>
            <TableCell>{channelName(e.channelId)}</TableCell>
            <TableCell data-testid="outbox-attempts">{e.attempts}</TableCell>
            <TableCell className={styles.error} data-testid="outbox-error">
              {e.lastError ?? '—'}
            </TableCell>
            <TableCell>{new Date(e.updatedAt).toLocaleString(i18n.language)}</TableCell>
            <TableCell>
              {e.status === 'dead' && (
                <Button
                  size="small"
                  data-testid="outbox-send-again"
                  disabled={sending !== null}
                  onClick={() => void sendAgain(e)}
                >
                  {t('outbox.sendAgain')}
                </Button>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
