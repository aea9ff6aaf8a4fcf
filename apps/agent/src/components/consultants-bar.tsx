import { Caption1, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ConversationEvent } from '@switchboard/protocol';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../api/api';
import { useCommand } from '../hooks/use-command';
import { activeConsultants } from '../lib/consult-status';
import { useServices } from '../state/services-context';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  muted: { color: tokens.colorNeutralForeground3 },
  who: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

type Props = {
  conversationId: string;
  events: readonly ConversationEvent[];
  /** The primary agent: one who consulted before a transfer made them primary is not their own consultant. */
  agentName: string | null;
};

/**
 * The primary agent's view of who consults (AG5), each with whether they may write to the customer.
 * The events name the consultants; the permission call needs their ids, which the participants give:
 * read again whenever someone joins.
 */
export function ConsultantsBar({ conversationId, events, agentName }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const services = useServices();
  const command = useCommand('conversation.failed');
  const [wanted, setWanted] = useState<boolean | null>(null);
  const consultants = activeConsultants(events).filter((c) => c.name !== agentName);
  const joins = events.filter((e) => e.type === 'consult' && e.step === 'accepted').length;
  const participants = useQuery({
    queryKey: ['consult-participants', conversationId, joins],
    queryFn: async () => (await call('getConversation', { params: { id: conversationId } })).participants,
    enabled: consultants.length > 0,
    placeholderData: keepPreviousData,
  });
  if (consultants.length === 0) return null;
  const idOf = (name: string) =>
    participants.data?.find((p) => p.role === 'consultant' && p.leftAt === null && p.name === name)?.userId ?? null;

  return (
    <div className={styles.bar} data-testid="consultants">
      <Caption1 className={styles.muted}>{t('consult.consultants')}</Caption1>
      {consultants.map((c) => {
        const userId = idOf(c.name);
        const busy = userId !== null && command.pending === userId;
        const set = (may: boolean) => {
          if (!userId) return;
          setWanted(may);
          void command.run(userId, () => services.setConsultantPermission(conversationId, userId, may));
        };
        return (
          <span key={c.name} className={styles.who}>
            <Text weight="semibold">{c.name}</Text>
            <Switch
              data-testid="consultant-permission"
              data-user-id={userId ?? undefined}
              label={t('consult.mayWrite')}
              // While the change is on its way, show what was asked for; then what the history says.
              checked={busy && wanted !== null ? wanted : c.mayMessageCustomer}
              disabled={userId === null || command.pending !== null}
              onChange={(_, d) => set(d.checked)}
            />
          </span>
        );
      })}
    </div>
  );
}
