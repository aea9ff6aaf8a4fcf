import { Tab, TabList, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useT } from '../../i18n';
import { useApi } from '../../api/api';
import { Loading } from '../../components/page';
import { Section } from '../../components/section';
import { OutboxTable, type OutboxStatus } from './outbox-table';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Replies the outbox gave up on (dead), or is still retrying, for the admin to see and send again (CH2). */
export function OutboxSection({ channelName }: { channelName: (id: string) => string }) {
  const styles = useStyles();
  const { t } = useT();
  const call = useApi();
  const [status, setStatus] = useState<OutboxStatus>('dead');
  const outbox = useQuery({
    queryKey: ['listOutbox', status],
    queryFn: () => call('listOutbox', { query: { status } }),
  });

  return (
    <Section title={t('outbox.title')} description={t('outbox.description')} testId="outbox">
      <TabList selectedValue={status} onTabSelect={(_, d) => setStatus(d.value as OutboxStatus)}>
        <Tab value="dead" data-testid="outbox-dead">
          {t('outbox.dead')}
        </Tab>
        <Tab value="retrying" data-testid="outbox-retrying">
          {t('outbox.retrying')}
        </Tab>
      </TabList>
      {!outbox.data ? (
        <Loading error={outbox.error} />
      ) : outbox.data.length === 0 ? (
        <Text as="p" className={styles.muted} data-testid="outbox-empty">
          {status === 'dead' ? t('outbox.emptyDead') : t('outbox.emptyRetrying')}
        </Text>
      ) : (
        <OutboxTable entries={outbox.data} channelName={channelName} />
      )}
    </Section>
  );
}
