import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { ConversationSummary } from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, BadgeProps['color']> = {
  open: 'informative',
  offered: 'warning',
  active: 'success',
  waiting: 'warning',
  'wrap-up': 'important',
  closed: 'subtle',
};

export function StateBadge({ conversation }: { conversation: Pick<ConversationSummary, 'state' | 'acceptedAt'> }) {
  const { t } = useTranslation();
  // Assigned but not accepted yet: still an offer.
  const state = conversation.state === 'active' && !conversation.acceptedAt ? 'offered' : conversation.state;
  return (
    <Badge appearance="tint" color={COLORS[state]} data-state={state}>
      {t(`state.${state}`)}
    </Badge>
  );
}
