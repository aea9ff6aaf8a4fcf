import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Case } from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';
import { useCustomerSummary, useLinks } from '../../hooks/use-records';
import { useOpenRecord } from '../../hooks/use-open-record';
import type { RecordKind } from '../../state/session-tabs';
import { useNotify } from '../notify';
import { NewCaseDialog } from '../records/new-case-dialog';
import { RecordSearch } from '../records/record-search';
import { Timeline } from '../records/timeline';
import { LinkedCaseCard, RecentCasesCard, type CaseActions } from './case-cards';
import { ConversationCard } from './conversation-card';
import { ProfileCard } from './profile-card';

const useStyles = makeStyles({
  page: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 320px), 1fr))',
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  center: { padding: tokens.spacingHorizontalL },
});

/**
 * The customer summary tab (AG6): who the customer is, this conversation, its case, their recent
 * cases and timeline (CV4), with record search, link and "new case" (AG9). Every link change
 * reads the summary again (hooks/use-records.ts).
 */
export function CustomerSummaryTab({ conversationId }: { conversationId: string }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const notify = useNotify();
  const summary = useCustomerSummary(conversationId);
  const links = useLinks(conversationId);
  const openRecord = useOpenRecord(conversationId);

  if (summary.isPending) return <Spinner className={styles.center} label={t('records.loading')} />;
  if (summary.isError)
    return (
      <MessageBar intent="error" className={styles.center}>
        <MessageBarBody>{t('records.loadFailed', { message: summary.error.message })}</MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => void summary.refetch()}>{t('records.retry')}</Button>
        </MessageBarActions>
      </MessageBar>
    );

  const data = summary.data;
  const failed = (err: Error) => notify(t('records.failed', { message: err.message }));
  const link = (kind: RecordKind, id: string) => links.mutate({ kind, id, linked: true }, { onError: failed });
  const caseActions: CaseActions = {
    open: (c: Case) => openRecord('case', c.id, `${c.reference} ${c.title}`),
    link: (c: Case) => link('case', c.id),
    unlink: () => links.mutate({ kind: 'case', linked: false }, { onError: failed }),
    busy: links.isPending,
  };
  const owner = data.links.contact
    ? { kind: 'contact' as const, id: data.links.contact.id }
    : data.links.account
      ? { kind: 'account' as const, id: data.links.account.id }
      : null;

  return (
    <div className={styles.page} data-testid="customer-summary" data-conversation-id={conversationId}>
      <div className={styles.column}>
        <ProfileCard summary={data} onOpen={openRecord} />
        <ConversationCard summary={data} />
        <RecordSearch links={data.links} onOpen={openRecord} onLink={link} busy={links.isPending} />
      </div>
      <div className={styles.column}>
        <LinkedCaseCard
          summary={data}
          actions={caseActions}
          newCase={
            <NewCaseDialog
              conversationId={conversationId}
              links={data.links}
              onCreated={(c) => openRecord('case', c.id, `${c.reference} ${c.title}`)}
            />
          }
        />
        <RecentCasesCard summary={data} actions={caseActions} />
        <Timeline owner={owner} noteOn={owner} conversationId={conversationId} />
      </div>
    </div>
  );
}
