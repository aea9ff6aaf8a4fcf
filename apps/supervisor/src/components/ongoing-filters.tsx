import { Combobox, Field, Option, Select, makeStyles, tokens } from '@fluentui/react-components';
import { Channel, OngoingState, type OngoingQuery } from '@switchboard/protocol';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useApi } from '../api/api';
import { useT } from '../i18n';

export type Filters = Pick<OngoingQuery, 'queueId' | 'channel' | 'state' | 'agentId'>;

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  field: { minWidth: '160px' },
});

/** The ongoing list's filters (SV1): queue, channel, state, and any agent found by name on the server. */
export function OngoingFilters({ value, onChange }: { value: Filters; onChange(next: Filters): void }) {
  const styles = useStyles();
  const { t } = useT();
  const call = useApi();
  const queues = useQuery({ queryKey: ['queues'], queryFn: async () => (await call('listQueues')).queues });
  const [search, setSearch] = useState('');
  const agents = useQuery({
    queryKey: ['agents', search],
    queryFn: async () => (await call('searchAgents', { query: { search } })).agents,
  });
  const set = (patch: Filters) => onChange({ ...value, ...patch });
  const or = (v: string) => (v === '' ? undefined : v);

  return (
    <div className={styles.bar} role="search" aria-label={t('filters.label')}>
      <Field label={t('filters.queue')} className={styles.field}>
        <Select
          data-testid="filter-queue"
          value={value.queueId ?? ''}
          onChange={(_e, d) => set({ queueId: or(d.value) })}
        >
          <option value="">{t('filters.any')}</option>
          {(queues.data ?? []).map((q) => (
            <option key={q.id} value={q.id}>
              {q.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('filters.channel')} className={styles.field}>
        <Select
          data-testid="filter-channel"
          value={value.channel ?? ''}
          onChange={(_e, d) => set({ channel: or(d.value) as Filters['channel'] })}
        >
          <option value="">{t('filters.any')}</option>
          {Channel.options.map((c) => (
            <option key={c} value={c}>
              {t(`channel.${c}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('filters.state')} className={styles.field}>
        <Select
          data-testid="filter-state"
          value={value.state ?? ''}
          onChange={(_e, d) => set({ state: or(d.value) as Filters['state'] })}
        >
          <option value="">{t('filters.any')}</option>
          {OngoingState.options.map((s) => (
            <option key={s} value={s}>
              {t(`state.${s}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('filters.agent')} className={styles.field}>
        <Combobox
          data-testid="filter-agent"
          placeholder={t('filters.agentPlaceholder')}
          freeform
          clearable
          onInput={(e) => setSearch((e.target as HTMLInputElement).value.slice(0, 100))}
          onOptionSelect={(_e, d) => set({ agentId: or(d.optionValue ?? '') })}
        >
          {(agents.data ?? []).map((a) => (
            <Option key={a.id} value={a.id} data-testid="filter-agent-option">
              {a.name}
            </Option>
          ))}
        </Combobox>
      </Field>
    </div>
  );
}
