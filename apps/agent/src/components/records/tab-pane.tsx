import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import type { WorkspaceTab } from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';
import { recordOfTab } from '../../state/session-tabs';
import { CustomerSummaryTab } from '../summary/customer-summary-tab';
import { RecordTab } from './record-tab';
import { KnowledgeTab } from '../knowledge/knowledge-tab';

const useStyles = makeStyles({ note: { padding: tokens.spacingHorizontalL } });

/** What a session's tab shows beside the conversation, by its kind (AG6, AG9): one line per kind. */
export function SessionTabPane({ conversationId, tab }: { conversationId: string; tab: WorkspaceTab }) {
  const styles = useStyles();
  const { t } = useTranslation();
  if (tab.kind === 'customer-summary') return <CustomerSummaryTab conversationId={conversationId} />;
  if (tab.kind === 'knowledge') return <KnowledgeTab conversationId={conversationId} tab={tab} />;
  const record = recordOfTab(tab);
  if (record) return <RecordTab conversationId={conversationId} kind={record.kind} id={record.id} />;
  return <Body1 className={styles.note}>{t('records.knowledgeTab')}</Body1>;
}
