import {
  Caption1,
  PresenceBadge,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
  type PresenceBadgeStatus,
} from '@fluentui/react-components';
import type { Presence, TransferAgentOption, TransferQueueOption } from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: {
    alignSelf: 'stretch',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  label: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  name: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  reason: { color: tokens.colorPaletteRedForeground1 },
  empty: { color: tokens.colorNeutralForeground3, padding: tokens.spacingVerticalS },
});

const badge: Record<Presence, PresenceBadgeStatus> = {
  available: 'available',
  busy: 'busy',
  'busy-dnd': 'do-not-disturb',
  away: 'away',
  offline: 'offline',
};

type Choice<T> = { options: T[]; value: string; onChange(id: string): void };

/** Someone who could take part: an agent of the queue (with room or not) or, for a consult, a supervisor. */
export type PersonOption = {
  id: string;
  name: string;
  presence: Presence;
  /** Capacity units left; null when not counted (by profile, or a supervisor). */
  freeUnits: number | null;
  available: boolean;
  reason: string | null;
};

type PeopleProps = Choice<PersonOption> & {
  label: string;
  empty: string;
  /** The rows' testid, and the data attribute that carries each one's id (`agent-id` → data-agent-id). */
  testId: string;
  idAttribute: string;
};

/** People with presence and room; who cannot take part now is disabled, with the server's reason. */
export function PeopleTargets({ options, value, onChange, label, empty, testId, idAttribute }: PeopleProps) {
  const styles = useStyles();
  const { t } = useTranslation();
  if (options.length === 0) return <Caption1 className={styles.empty}>{empty}</Caption1>;
  return (
    <RadioGroup className={styles.group} aria-label={label} value={value} onChange={(_, d) => onChange(d.value)}>
      {options.map((a) => (
        <div
          key={a.id}
          className={styles.row}
          data-testid={testId}
          {...{ [`data-${idAttribute}`]: a.id }}
          data-available={String(a.available)}
        >
          <Radio
            value={a.id}
            disabled={!a.available}
            label={
              <span className={styles.label}>
                <span className={styles.name}>
                  <PresenceBadge status={badge[a.presence]} size="small" />
                  <Text weight="semibold">{a.name}</Text>
                </span>
                <Caption1 className={styles.muted}>
                  {t(`presence.${a.presence}`)}
                  {a.freeUnits !== null && ` · ${t('transfer.free', { count: a.freeUnits })}`}
                </Caption1>
                {!a.available && a.reason && <Caption1 className={styles.reason}>{a.reason}</Caption1>}
              </span>
            }
          />
        </div>
      ))}
    </RadioGroup>
  );
}

export const agentPerson = (a: TransferAgentOption): PersonOption => ({ ...a, id: a.agentId });

/** The queue's other members, to transfer to. */
export function AgentTargets({ options, value, onChange }: Choice<TransferAgentOption>) {
  const { t } = useTranslation();
  return (
    <PeopleTargets
      options={options.map(agentPerson)}
      value={value}
      onChange={onChange}
      label={t('transfer.agents')}
      empty={t('transfer.noAgents')}
      testId="transfer-agent"
      idAttribute="agent-id"
    />
  );
}

/** Every other queue; one outside its operating hours is marked (routing's overflow rules apply as to any chat). */
export function QueueTargets({ options, value, onChange }: Choice<TransferQueueOption>) {
  const styles = useStyles();
  const { t } = useTranslation();
  if (options.length === 0) return <Caption1 className={styles.empty}>{t('transfer.noQueues')}</Caption1>;
  return (
    <RadioGroup
      className={styles.group}
      aria-label={t('transfer.queues')}
      value={value}
      onChange={(_, d) => onChange(d.value)}
    >
      {options.map((q) => (
        <div
          key={q.queueId}
          className={styles.row}
          data-testid="transfer-queue"
          data-queue-id={q.queueId}
          data-open={String(q.open)}
        >
          <Radio
            value={q.queueId}
            label={
              <span className={styles.label}>
                <Text weight="semibold">{q.name}</Text>
                <Caption1 className={q.open ? styles.muted : styles.reason}>
                  {q.open ? t('transfer.queueOpen') : t('transfer.queueClosed')}
                </Caption1>
              </span>
            }
          />
        </div>
      ))}
    </RadioGroup>
  );
}
