import {
  Badge,
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { WorkspaceTab } from '@switchboard/protocol';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/api';
import { useTimelines } from '../../state/timelines-store';
import { articleOfTab } from './knowledge-tabs';
import { useSendArticle } from './use-send-article';

const useStyles = makeStyles({
  tab: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalL },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  body: { whiteSpace: 'pre-wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** A knowledge article open in a session tab (AG9): its text, and the same two ways to send it. */
export function KnowledgeTab({ conversationId, tab }: { conversationId: string; tab: WorkspaceTab }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const id = articleOfTab(tab);
  const entry = useTimelines((s) => s.entries[conversationId]);
  const summary = entry?.status === 'ready' ? entry.summary : null;
  const { allowed, sendLink, sendText } = useSendArticle(conversationId, summary);
  const article = useQuery({
    queryKey: ['knowledge-article', id],
    queryFn: () => call('getKnowledgeArticle', { params: { id: id! } }),
    enabled: id !== null,
  });

  if (article.error)
    return (
      <MessageBar intent="error" className={styles.tab}>
        <MessageBarBody>{t('knowledge.loadFailed', { message: article.error.message })}</MessageBarBody>
      </MessageBar>
    );
  if (!article.data) return <Spinner className={styles.tab} label={t('knowledge.loading')} />;
  const a = article.data;
  return (
    <article className={styles.tab} data-testid="knowledge-tab" data-article-id={a.id} lang={a.language}>
      <div className={styles.head}>
        <Title3>{a.title}</Title3>
        <Badge appearance="outline">{t(`knowledge.languages.${a.language}`)}</Badge>
      </div>
      <Caption1 className={styles.muted}>{t('knowledge.updated', { date: a.updatedAt.slice(0, 10) })}</Caption1>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={!allowed}
          data-testid="knowledge-tab-send-link"
          onClick={() => sendLink(a)}
        >
          {t('knowledge.sendLink')}
        </Button>
        <Button disabled={!allowed} data-testid="knowledge-tab-send-text" onClick={() => void sendText(a)}>
          {t('knowledge.sendText')}
        </Button>
      </div>
      <Body1 className={styles.body}>{a.body}</Body1>
    </article>
  );
}
