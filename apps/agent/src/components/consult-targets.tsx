import { Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ConsultOptions } from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';
import type { ConsultPart } from '../lib/consult-status';
import { agentPerson, PeopleTargets, type PersonOption } from './transfer-targets';

const useStyles = makeStyles({
  // Room for the rows' borders and focus outlines inside the scrolling box.
  list: {
    maxHeight: '360px',
    overflowY: 'auto',
    padding: '2px',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});

/** Agents (with room, as for a transfer) and supervisors (always), but not who is asked or consults already. */
export function consultPeople(options: ConsultOptions, parts: readonly ConsultPart[], takenReason: string) {
  const taken = new Set(parts.map((p) => p.name));
  const mark = (p: PersonOption): PersonOption =>
    taken.has(p.name) ? { ...p, available: false, reason: takenReason } : p;
  const supervisor = (s: ConsultOptions['supervisors'][number]): PersonOption => ({
    id: s.userId,
    name: s.name,
    presence: s.presence,
    freeUnits: null,
    available: true,
    reason: null,
  });
  return {
    agents: options.agents.map(agentPerson).map(mark),
    supervisors: options.supervisors.map(supervisor).map(mark),
  };
}

type Props = { people: ReturnType<typeof consultPeople>; value: string; onChange(userId: string): void };

/** Whom to consult, agents first, then supervisors: one choice across both lists. */
export function ConsultTargets({ people, value, onChange }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const targets = (rows: PersonOption[], label: string, empty: string) => (
    <PeopleTargets
      options={rows}
      value={value}
      onChange={onChange}
      label={label}
      empty={empty}
      testId="consult-target"
      idAttribute="user-id"
    />
  );
  return (
    <div className={styles.list}>
      <Subtitle2 as="h3">{t('consult.agents')}</Subtitle2>
      {targets(people.agents, t('consult.agents'), t('consult.noAgents'))}
      <Subtitle2 as="h3">{t('consult.supervisors')}</Subtitle2>
      {targets(people.supervisors, t('consult.supervisors'), t('consult.noSupervisors'))}
    </div>
  );
}
