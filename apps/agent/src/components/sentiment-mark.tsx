import { Badge } from '@fluentui/react-components';
import type { ConversationState } from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';
import { sentimentMark } from '../lib/sentiment-mark';
import { useAuth } from '../state/auth-store';
import { useSentiments } from '../state/sentiment-store';

/** On a conversation I hold (SV8): a mark while its customer's sentiment is at or below the threshold. */
export function SentimentMark({
  conversation,
}: {
  conversation: { id: string; agentId: string | null; state: ConversationState };
}) {
  const { t } = useTranslation();
  const me = useAuth((s) => s.user?.id);
  const heard = useSentiments((s) => s.heard[conversation.id]);
  const mark = sentimentMark(conversation, heard, me);
  if (!mark) return null;
  const level = t(`sentiment.levels.${mark.level}`);
  return (
    <Badge
      appearance="filled"
      color="danger"
      size="small"
      data-testid="sentiment-mark"
      data-level={mark.level}
      title={t('sentiment.title', { level })}
      aria-label={t('sentiment.title', { level })}
    >
      {t('sentiment.mark')}
    </Badge>
  );
}
