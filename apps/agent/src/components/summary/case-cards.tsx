import { Badge, Body1, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Case, CustomerSummary } from '@switchboard/protocol';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Fields, Section } from './section';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '6px' },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  what: { display: 'flex', flexDirection: 'column', marginRight: 'auto', minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

export type CaseActions = {
  open(c: Case): void;
  link(c: Case): void;
  unlink(): void;
  busy: boolean;
};

/** The conversation's case (AG6): title, priority, status, product, owner; open it or unlink it. */
export function LinkedCaseCard(props: { summary: CustomerSummary; actions: CaseActions; newCase: ReactNode }) {
  const { summary, actions } = props;
  const { t } = useTranslation();
  const linked = summary.links.case;
  return (
    <Section
      title={t('records.linkedCase.title')}
      testId="summary-linked-case"
      actions={
        <>
          {linked && (
            <>
              <Button size="small" data-testid="linked-case-open" onClick={() => actions.open(linked)}>
                {t('records.open')}
              </Button>
              <Button size="small" data-testid="linked-case-unlink" disabled={actions.busy} onClick={actions.unlink}>
                {t('records.unlink')}
              </Button>
            </>
          )}
          {props.newCase}
        </>
      }
    >
      {linked ? (
        <div data-testid="linked-case" data-case-id={linked.id}>
          <Fields
            rows={[
              { id: 'title', label: t('records.case.title'), value: `${linked.reference} · ${linked.title}` },
              { id: 'priority', label: t('records.case.priority'), value: t(`records.priority.${linked.priority}`) },
              { id: 'status', label: t('records.case.status'), value: t(`records.status.${linked.status}`) },
              { id: 'product', label: t('records.case.product'), value: linked.product },
              { id: 'owner', label: t('records.case.owner'), value: linked.ownerName ?? t('records.case.noOwner') },
            ]}
          />
        </div>
      ) : (
        <Body1>{t('records.linkedCase.none')}</Body1>
      )}
    </Section>
  );
}

/** A list of cases, each opened in a tab or linked to the conversation. */
export function CaseList({
  cases,
  linkedId,
  actions,
}: {
  cases: Case[];
  linkedId: string | null;
  actions: CaseActions;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <ul className={styles.list}>
      {cases.map((c) => (
        <li key={c.id} className={styles.row} data-testid="case-row" data-case-id={c.id}>
          <div className={styles.what}>
            <Body1 truncate wrap={false}>
              {c.reference} · {c.title}
            </Body1>
            <Caption1 className={styles.muted}>
              {[t(`records.priority.${c.priority}`), c.product, c.ownerName].filter(Boolean).join(' · ')}
            </Caption1>
          </div>
          <Badge appearance="tint" color={c.status === 'active' ? 'brand' : 'informative'}>
            {t(`records.status.${c.status}`)}
          </Badge>
          <Button size="small" data-testid="case-open" onClick={() => actions.open(c)}>
            {t('records.open')}
          </Button>
          {c.id === linkedId ? (
            <Caption1 className={styles.muted}>{t('records.search.linked')}</Caption1>
          ) : (
            <Button size="small" data-testid="case-link" disabled={actions.busy} onClick={() => actions.link(c)}>
              {t('records.link')}
            </Button>
          )}
        </li>
      ))}
    </ul>
  );
}

export function RecentCasesCard({ summary, actions }: { summary: CustomerSummary; actions: CaseActions }) {
  const { t } = useTranslation();
  return (
    <Section title={t('records.recentCases.title')} testId="summary-recent-cases">
      {summary.recentCases.length === 0 ? (
        <Body1>{t('records.recentCases.none')}</Body1>
      ) : (
        <CaseList cases={summary.recentCases} linkedId={summary.links.case?.id ?? null} actions={actions} />
      )}
    </Section>
  );
}
