import {
  Badge,
  Body1,
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  KnowledgeLanguage,
  WORKSPACE_LIMITS,
  type ConversationSummary,
  type KnowledgeHit,
} from '@switchboard/protocol';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/api';
import { useNotify } from '../notify';
import { openKnowledgeTab } from './knowledge-tabs';
import { useSendArticle } from './use-send-article';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  filters: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  query: { flexGrow: 1 },
  hits: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  hit: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    '& mark': { backgroundColor: tokens.colorPaletteYellowBackground2, color: 'inherit' },
  },
  head: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  title: { fontWeight: tokens.fontWeightSemibold, flexGrow: 1 },
  snippet: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

const ALL = 'all' as const;

/** Waits for typing to pause before searching, so each keystroke is not a request. */
function useSettled(value: string, ms = 250) {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * The knowledge search beside a conversation (AG9): ranked published articles with the matching words
 * marked, each to open in a session tab or to send to the customer in one click.
 */
export function KnowledgePanel({ conversationId, summary }: { conversationId: string; summary: ConversationSummary }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const notify = useNotify();
  const [text, setText] = useState('');
  const [language, setLanguage] = useState<KnowledgeLanguage | typeof ALL>(ALL);
  const q = useSettled(text.trim()).slice(0, 200);
  const search = useQuery({
    queryKey: ['knowledge-search', q, language],
    queryFn: () => call('searchKnowledge', { query: { q, limit: 10, ...(language === ALL ? {} : { language }) } }),
    enabled: q !== '',
    staleTime: 30_000,
  });
  const { allowed, sendLink, sendText } = useSendArticle(conversationId, summary);

  function open(hit: KnowledgeHit) {
    if (openKnowledgeTab(conversationId, hit) === 'full')
      notify(t('records.tabsFull', { max: WORKSPACE_LIMITS.tabsPerSession }));
  }

  const hits = search.data?.hits ?? [];
  return (
    <div className={styles.panel} data-testid="knowledge-panel">
      <div className={styles.filters}>
        <Field label={t('knowledge.search')} className={styles.query}>
          <Input
            type="search"
            value={text}
            placeholder={t('knowledge.placeholder')}
            data-testid="knowledge-query"
            onChange={(_e, d) => setText(d.value)}
          />
        </Field>
        <Field label={t('knowledge.language')}>
          <Dropdown
            data-testid="knowledge-language"
            value={language === ALL ? t('knowledge.anyLanguage') : t(`knowledge.languages.${language}`)}
            selectedOptions={[language]}
            onOptionSelect={(_e, d) => setLanguage(KnowledgeLanguage.safeParse(d.optionValue).data ?? ALL)}
          >
            <Option value={ALL}>{t('knowledge.anyLanguage')}</Option>
            {KnowledgeLanguage.options.map((l) => (
              <Option key={l} value={l}>
                {t(`knowledge.languages.${l}`)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      {q === '' && <Caption1>{t('knowledge.hint')}</Caption1>}
      {search.isFetching && hits.length === 0 && <Spinner size="tiny" label={t('knowledge.loading')} />}
      {search.error && (
        <MessageBar intent="error">
          <MessageBarBody>{t('knowledge.failed', { message: search.error.message })}</MessageBarBody>
        </MessageBar>
      )}
      {search.isSuccess && hits.length === 0 && (
        <Body1 data-testid="knowledge-none">{t('knowledge.noResults', { q })}</Body1>
      )}
      <ul className={styles.hits} aria-label={t('knowledge.results')}>
        {hits.map((hit) => (
          <li key={hit.id} className={styles.hit} data-testid="knowledge-hit" data-article-id={hit.id}>
            <div className={styles.head}>
              {/* titleHtml and snippetHtml are escaped by the server; their only markup is <mark> (AG9). */}
              <span
                className={styles.title}
                data-testid="knowledge-hit-title"
                dangerouslySetInnerHTML={{ __html: hit.titleHtml }}
              />
              <Badge appearance="outline" size="small">
                {hit.language.toUpperCase()}
              </Badge>
            </div>
            <Caption1 className={styles.snippet} dangerouslySetInnerHTML={{ __html: hit.snippetHtml }} />
            <div className={styles.actions}>
              <Button size="small" data-testid="knowledge-open" onClick={() => open(hit)}>
                {t('knowledge.openArticle')}
              </Button>
              <Button
                size="small"
                appearance="primary"
                disabled={!allowed}
                data-testid="knowledge-send-link"
                onClick={() => sendLink(hit)}
              >
                {t('knowledge.sendLink')}
              </Button>
              <Button
                size="small"
                disabled={!allowed}
                data-testid="knowledge-send-text"
                onClick={() => void sendText(hit)}
              >
                {t('knowledge.sendText')}
              </Button>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
