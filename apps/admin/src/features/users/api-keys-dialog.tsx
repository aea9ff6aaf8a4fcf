import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { NewApiKey, type ApiClientAccount, type ApiKey } from '@switchboard/protocol';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '../../i18n';
import { useApi } from '../../api/api';
import { ServerError, fieldError, useForm } from '../../components/form';
import { Loading } from '../../components/page';
import { useNotify } from '../../components/notify';
import type { Issued } from './issued-key-dialog';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  add: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  prefix: { fontFamily: tokens.fontFamilyMonospace },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Props = { client: ApiClientAccount; onClose: () => void; onIssued: (i: Issued) => void };

/** A client's keys (AD1): prefix, name, created, last used; a new one (shown once), revoking one. */
export function ApiKeysDialog({ client, onClose, onIssued }: Props) {
  const styles = useStyles();
  const { t, i18n } = useT();
  const call = useApi();
  const keys = useQuery({
    queryKey: ['listApiKeys', client.id],
    queryFn: () => call('listApiKeys', { params: { id: client.id } }),
  });
  const form = useForm<NewApiKey>(NewApiKey, () => ({ name: '' }));
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(i18n.language) : t('apiClients.never'));

  async function addKey() {
    const send = (body: NewApiKey) => call('createApiKey', { params: { id: client.id }, body });
    const made = await form.save(send, t('form.created'));
    if (made) onIssued({ clientName: client.name, keyName: made.key.name, secret: made.secret });
  }

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface data-testid="api-keys-dialog">
        <DialogBody>
          <DialogTitle>{t('apiClients.keysOf', { name: client.name })}</DialogTitle>
          <DialogContent className={styles.body}>
            {!keys.data ? (
              <Loading error={keys.error} />
            ) : keys.data.length === 0 ? (
              <Text className={styles.muted}>{t('apiClients.noKeys')}</Text>
            ) : (
              <Table aria-label={t('apiClients.keys')}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t('common.name')}</TableHeaderCell>
                    <TableHeaderCell>{t('apiClients.prefix')}</TableHeaderCell>
                    <TableHeaderCell>{t('apiClients.created')}</TableHeaderCell>
                    <TableHeaderCell>{t('apiClients.lastUsed')}</TableHeaderCell>
                    <TableHeaderCell>{t('users.status')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {keys.data.map((k) => (
                    <KeyRow key={k.id} apiKey={k} when={when} />
                  ))}
                </TableBody>
              </Table>
            )}
            <form
              noValidate
              className={styles.add}
              onSubmit={(e) => {
                e.preventDefault();
                void addKey();
              }}
            >
              <Field label={t('apiClients.keyName')} {...fieldError(form.errors, 'name')}>
                <Input
                  data-testid="api-key-name"
                  value={form.draft.name}
                  onChange={(_, d) => form.setDraft({ name: d.value })}
                />
              </Field>
              <Button type="submit" data-testid="api-key-create" disabled={form.saving}>
                {t('apiClients.newKey')}
              </Button>
            </form>
            <ServerError message={form.serverError} />
          </DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{t('common.close')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** One key; revoking asks once more, as it cannot be undone. */
function KeyRow({ apiKey: k, when }: { apiKey: ApiKey; when: (iso: string | null) => string }) {
  const styles = useStyles();
  const { t } = useT();
  const call = useApi();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);

  async function revoke() {
    setBusy(true);
    try {
      await call('revokeApiKey', { params: { id: k.id }, body: {} });
      notify.success(t('apiClients.revoked', { name: k.name }));
      await queryClient.invalidateQueries();
    } catch (err) {
      notify.error(t('form.saveFailed'), err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
      setAsking(false);
    }
  }

  return (
    <TableRow data-testid="api-key-row" data-prefix={k.prefix} data-revoked={String(k.revokedAt !== null)}>
      <TableCell>{k.name}</TableCell>
      <TableCell className={styles.prefix}>{`sbk_${k.prefix}_…`}</TableCell>
      <TableCell>{when(k.createdAt)}</TableCell>
      <TableCell data-testid="api-key-last-used">{when(k.lastUsedAt)}</TableCell>
      <TableCell>
        {k.revokedAt ? (
          t('apiClients.revokedAt', { at: when(k.revokedAt) })
        ) : asking ? (
          <Button
            size="small"
            appearance="primary"
            data-testid="api-key-revoke-confirm"
            disabled={busy}
            onClick={() => void revoke()}
          >
            {t('apiClients.revokeConfirm')}
          </Button>
        ) : (
          <Button size="small" data-testid="api-key-revoke" onClick={() => setAsking(true)}>
            {t('apiClients.revoke')}
          </Button>
        )}
      </TableCell>
    </TableRow>
  );
}
