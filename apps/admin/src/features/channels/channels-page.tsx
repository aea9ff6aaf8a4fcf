import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ChannelView } from '@switchboard/protocol';
import { useState } from 'react';
import { useT } from '../../i18n';
import { useApi } from '../../api/api';
import { useList } from '../../api/queries';
import { CrudPage } from '../../components/crud-page';
import { blankDraft, ChannelFormSchema, draftOf, toChannelInput, type ChannelDraft } from './channel-draft';
import { ChannelFields } from './channel-fields';
import { OutboxSection } from './outbox-section';
import { PROVIDERS } from './provider-fields';
import { SecretStates } from './secret-states';
import { ValidateKeyDialog } from './validate-key-dialog';
import { WebhookUrl } from './webhook-url';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXL },
  help: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, maxWidth: '760px' },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** The SMS channels (CH2): numbers on a provider, each routed to a workstream, and the replies that did not get out. */
export function ChannelsPage() {
  const styles = useStyles();
  const { t } = useT();
  const call = useApi();
  const channels = useList('listChannels');
  const workstreams = useList('listWorkstreams');
  const [validating, setValidating] = useState<ChannelView | null>(null);
  const workstreamName = (id: string) => workstreams.data?.find((w) => w.id === id)?.name ?? '…';
  const channelName = (id: string) => channels.data?.find((c) => c.id === id)?.name ?? '…';

  return (
    <div className={styles.page}>
      <CrudPage<ChannelView, ChannelDraft>
        testId="channel"
        title={t('channels.title')}
        description={t('channels.description')}
        newLabel={t('channels.new')}
        emptyText={t('channels.empty')}
        items={channels.data}
        error={channels.error}
        columns={[
          { header: t('channels.name'), cell: (c) => c.name },
          {
            header: t('channels.provider'),
            cell: (c) => t(`channels.providers.${c.provider}`),
            testId: 'channel-provider-name',
          },
          { header: t('channels.numbers'), cell: (c) => c.numbers.join(', ') || '—', testId: 'channel-numbers' },
          {
            header: t('channels.workstream'),
            cell: (c) => workstreamName(c.workstreamId),
            testId: 'channel-workstream-name',
          },
          { header: t('channels.webhookUrl'), cell: (c) => <WebhookUrl url={c.webhookUrl} /> },
          { header: t('channels.secrets'), cell: (c) => <SecretStates channel={c} /> },
        ]}
        rowData={(c) => ({ 'data-id': c.id, 'data-name': c.name })}
        extraActions={(c) =>
          c.provider === 'telesign' && (
            <Button size="small" data-testid="channel-validate" onClick={() => setValidating(c)}>
              {t('channels.validate')}
            </Button>
          )
        }
        schema={ChannelFormSchema}
        blank={blankDraft}
        toDraft={draftOf}
        renderForm={(draft, setDraft, errors, channel) => (
          <ChannelFields draft={draft} setDraft={setDraft} errors={errors} channel={channel} />
        )}
        create={(draft) => call('createChannel', { body: toChannelInput(draft) })}
        update={(id, draft) => call('updateChannel', { params: { id }, body: toChannelInput(draft) })}
        remove={(id) => call('deleteChannel', { params: { id } })}
      />
      {channels.data && channels.data.length > 0 && (
        <div className={styles.help} data-testid="channel-webhook-help">
          <Text size={200} className={styles.muted}>
            {t('channels.webhookPaste')}
          </Text>
          <ul className={styles.list}>
            {PROVIDERS.map((p) => (
              <li key={p}>
                <Text size={200} className={styles.muted}>
                  {t(`channels.webhookHint.${p}`)}
                </Text>
              </li>
            ))}
          </ul>
        </div>
      )}
      <OutboxSection channelName={channelName} />
      {validating && <ValidateKeyDialog channel={validating} onClose={() => setValidating(null)} />}
    </div>
  );
}
