import { Tab, TabList } from '@fluentui/react-components';
import { Channel } from '@switchboard/protocol';
import { useState } from 'react';
import { useT } from '../../i18n';
import { useList } from '../../api/queries';
import { Loading, PageHeader } from '../../components/page';
import { Stack } from '../../components/section';
import { AutomatedMessageCard } from './automated-message-card';

/** Automated messages (CH6): what Switchboard tells customers on system events, per channel and language. */
export function AutomatedMessagesPage() {
  const { t } = useT();
  const messages = useList('listAutomatedMessages');
  const [channel, setChannel] = useState<Channel>('webchat');
  return (
    <section>
      <PageHeader title={t('automated.title')} description={t('automated.description')} />
      <TabList
        data-testid="automated-channels"
        selectedValue={channel}
        onTabSelect={(_, d) => setChannel(d.value as Channel)}
      >
        {Channel.options.map((c) => (
          <Tab key={c} value={c} data-testid={`automated-channel-${c}`}>
            {t(`automated.channels.${c}`)}
          </Tab>
        ))}
      </TabList>
      {!messages.data ? (
        <Loading error={messages.error} />
      ) : (
        <Stack>
          {messages.data
            .filter((m) => m.channel === channel)
            .map((m) => (
              // Keyed by what was saved: a save elsewhere (or a refetch) starts the card afresh.
              <AutomatedMessageCard key={`${m.channel}/${m.trigger}/${m.updatedAt}`} message={m} />
            ))}
        </Stack>
      )}
    </section>
  );
}
