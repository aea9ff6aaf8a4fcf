import {
  Body1,
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  Subtitle1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Case, ConversationLinks } from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';
import { useCustomerSummary, useLinks, useUpdateRecord } from '../../hooks/use-records';
import { useOpenRecord } from '../../hooks/use-open-record';
import type { RecordKind } from '../../state/session-tabs';
import { useNotify } from '../notify';
import { CaseList, type CaseActions } from '../summary/case-cards';
import { Section } from '../summary/section';
export const useRecordStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  title: { marginRight: 'auto' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '6px' },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  what: { display: 'flex', flexDirection: 'column', marginRight: 'auto', minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** What every record tab uses: the summary's links, link and edit commands, opening tabs, failures as toasts. */
export function useRecordTools(conversationId: string) {
  const { t } = useTranslation();
  const notify = useNotify();
  const summary = useCustomerSummary(conversationId);
  const links = useLinks(conversationId);
  const update = useUpdateRecord();
  const open = useOpenRecord(conversationId);
  const failed = (err: Error) => notify(t('records.failed', { message: err.message }));
  const caseActions: CaseActions = {
    open: (c: Case) => open('case', c.id, `${c.reference} ${c.title}`),
    link: (c: Case) => links.mutate({ kind: 'case', id: c.id, linked: true }, { onError: failed }),
    unlink: () => links.mutate({ kind: 'case', linked: false }, { onError: failed }),
    busy: links.isPending,
  };
  return { summary, links, update, open, failed, caseActions, current: summary.data?.links ?? null };
}

/** Whether this record is the conversation's contact, account or case, and a button to change that. */
export function LinkButton({ kind, id, tools }: { kind: RecordKind; id: string; tools: RecordTools }) {
  const { t } = useTranslation();
  const current: ConversationLinks | null = tools.current;
  if (!current) return null;
  const linked = current[kind]?.id === id;
  return (
    <Button
      size="small"
      data-testid={linked ? 'record-unlink' : 'record-link'}
      disabled={tools.links.isPending}
      onClick={() => tools.links.mutate({ kind, id, linked: !linked }, { onError: tools.failed })}
    >
      {linked ? t('records.record.unlinkHere') : t('records.record.linkHere')}
    </Button>
  );
}

export function Loading({ query }: { query: { isPending: boolean; isError: boolean; error: Error | null } }) {
  const { t } = useTranslation();
  if (query.isPending) return <Spinner label={t('records.loading')} />;
  return (
    <MessageBar intent="error">
      <MessageBarBody>
        {(query.error as { status?: number } | null)?.status === 404
          ? t('records.record.notFound')
          : t('records.loadFailed', { message: query.error?.message ?? '' })}
      </MessageBarBody>
    </MessageBar>
  );
}

export function Header(props: {
  kind: RecordKind;
  id: string;
  title: string;
  sub?: string | null;
  tools: RecordTools;
}) {
  const styles = useRecordStyles();
  const { t } = useTranslation();
  const linked = props.tools.current?.[props.kind]?.id === props.id;
  return (
    <div className={styles.head}>
      <div className={styles.what}>
        <Caption1 className={styles.muted}>{t(`records.kinds.${props.kind}`)}</Caption1>
        <Subtitle1 as="h2" className={styles.title} data-testid="record-title">
          {props.title}
        </Subtitle1>
        {props.sub && <Caption1 className={styles.muted}>{props.sub}</Caption1>}
      </div>
      {linked && <Caption1 data-testid="record-linked">{t('records.record.linkedHere')}</Caption1>}
      <LinkButton kind={props.kind} id={props.id} tools={props.tools} />
    </div>
  );
}

export type RecordTools = ReturnType<typeof useRecordTools>;

export function CasesSection({ cases, tools }: { cases: Case[]; tools: RecordTools }) {
  const { t } = useTranslation();
  return (
    <Section title={t('records.record.cases')} testId="record-cases">
      {cases.length === 0 ? (
        <Body1>{t('records.recentCases.none')}</Body1>
      ) : (
        <CaseList cases={cases} linkedId={tools.current?.case?.id ?? null} actions={tools.caseActions} />
      )}
    </Section>
  );
}
