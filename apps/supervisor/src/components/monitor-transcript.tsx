import { Badge, Caption1, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ConversationEvent, MessageSentiments, SentimentLevel } from '@switchboard/protocol';
import { useT } from '../i18n';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: {
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    maxWidth: '85%',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  customer: { alignSelf: 'flex-start' },
  staff: { alignSelf: 'flex-end', backgroundColor: tokens.colorBrandBackground2 },
  note: { alignSelf: 'flex-end', backgroundColor: tokens.colorPaletteYellowBackground1 },
  system: { alignSelf: 'center', backgroundColor: 'transparent', color: tokens.colorNeutralForeground3 },
  who: { display: 'block', color: tokens.colorNeutralForeground3 },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

// The badge's colour says which side of neutral the customer is on; its words say how far.
const colourOf = (level: SentimentLevel) =>
  level.endsWith('negative') ? 'danger' : level.endsWith('positive') ? 'success' : 'informative';

/**
 * What a monitoring supervisor reads (SV2): every message of the staff side, notes marked, and each
 * customer message's sentiment (SV8) as the server scored it for them.
 */
export function MonitorTranscript({
  events,
  sentiments = {},
}: {
  events: readonly ConversationEvent[];
  sentiments?: MessageSentiments;
}) {
  const styles = useStyles();
  const { t } = useT();
  const messages = events.flatMap((e) => (e.type === 'message' ? [e.message] : []));
  return (
    <ol className={styles.list} data-testid="monitor-transcript">
      {messages.map((m) => {
        const level = m.kind === 'customer' ? sentiments[m.id] : undefined;
        return (
          <li
            key={m.id}
            data-testid="monitor-message"
            data-kind={m.kind}
            className={mergeClasses(
              styles.item,
              m.kind === 'customer'
                ? styles.customer
                : m.kind === 'note'
                  ? styles.note
                  : m.kind === 'system'
                    ? styles.system
                    : styles.staff,
            )}
          >
            <span className={styles.header}>
              <Caption1 className={styles.who}>
                {m.authorName}
                {m.kind === 'note' ? ` · ${t('monitor.note')}` : ''}
              </Caption1>
              {level && (
                <Badge
                  size="small"
                  appearance="tint"
                  color={colourOf(level)}
                  data-testid="message-sentiment"
                  data-level={level}
                  aria-label={t('monitor.sentiment', { level: t(`sentiment.${level}`) })}
                >
                  {t(`sentiment.${level}`)}
                </Badge>
              )}
            </span>
            <Text>{m.text}</Text>
          </li>
        );
      })}
    </ol>
  );
}
