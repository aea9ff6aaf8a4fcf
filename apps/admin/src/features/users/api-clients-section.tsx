import { Button } from '@fluentui/react-components';
import type { ApiClientAccount } from '@switchboard/protocol';
import { useState } from 'react';
import { useT } from '../../i18n';
import { useList } from '../../api/queries';
import { EntityList } from '../../components/entity-list';
import { ApiKeysDialog } from './api-keys-dialog';
import { EditClientDialog, NewClientDialog } from './client-dialogs';
import { IssuedKeyDialog, type Issued } from './issued-key-dialog';

type Open = { kind: 'new' } | { kind: 'edit' | 'keys'; client: ApiClientAccount } | null;

/** API clients (AD1): programs that call the API with a key; a new key is shown once, then only its prefix. */
export function ApiClientsSection() {
  const { t, i18n } = useT();
  const clients = useList('listApiClients');
  const [open, setOpen] = useState<Open>(null);
  // The secret lives here only until the admin closes its dialog: never in a query's cache.
  const [issued, setIssued] = useState<Issued | null>(null);
  const show = (i: Issued) => {
    setOpen(null);
    setIssued(i);
  };
  return (
    <EntityList<ApiClientAccount>
      testId="api-client"
      title={t('apiClients.title')}
      description={t('apiClients.description')}
      add={{ label: t('apiClients.new'), onClick: () => setOpen({ kind: 'new' }) }}
      emptyText={t('apiClients.empty')}
      items={clients.data}
      error={clients.error}
      rowData={(c) => ({ 'data-name': c.name, 'data-disabled': String(c.disabled) })}
      columns={[
        { header: t('common.name'), cell: (c) => c.name },
        { header: t('users.status'), cell: (c) => (c.disabled ? t('users.disabled') : t('users.active')) },
        { header: t('apiClients.keys'), cell: (c) => c.activeKeys, testId: 'api-client-key-count' },
        { header: t('apiClients.created'), cell: (c) => new Date(c.createdAt).toLocaleDateString(i18n.language) },
      ]}
      onEdit={(client) => setOpen({ kind: 'edit', client })}
      extraActions={(client) => (
        <Button size="small" data-testid="api-client-keys" onClick={() => setOpen({ kind: 'keys', client })}>
          {t('apiClients.keys')}
        </Button>
      )}
    >
      {open?.kind === 'new' && <NewClientDialog onClose={() => setOpen(null)} onIssued={show} />}
      {open?.kind === 'edit' && <EditClientDialog client={open.client} onClose={() => setOpen(null)} />}
      {open?.kind === 'keys' && <ApiKeysDialog client={open.client} onClose={() => setOpen(null)} onIssued={show} />}
      {issued && <IssuedKeyDialog issued={issued} onClose={() => setIssued(null)} />}
    </EntityList>
  );
}
