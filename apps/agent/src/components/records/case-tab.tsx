import type { TimelineItem } from '@switchboard/protocol';
import { Button } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useCase } from '../../hooks/use-records';
import { Section } from '../summary/section';
import { RecordForm, type FieldSpec } from './record-form';
import { Header, Loading, useRecordStyles, useRecordTools } from './record-parts';
import { Timeline } from './timeline';

/** What of the customer's timeline is about this case: its notes and activities. */
const aboutCase = (caseId: string) => (item: TimelineItem) =>
  (item.kind === 'note' && item.note.caseId === caseId) ||
  (item.kind === 'activity' && item.activity.caseId === caseId);

/** A case's tab (AG9): its fields (resolve it here), its customer, its notes. */
export function CaseTab({ conversationId, id }: { conversationId: string; id: string }) {
  const styles = useRecordStyles();
  const { t } = useTranslation();
  const query = useCase(id);
  const tools = useRecordTools(conversationId);
  if (!query.data)
    return (
      <div className={styles.page}>
        <Loading query={query} />
      </div>
    );
  const c = query.data;
  const fields: FieldSpec[] = [
    { key: 'title', label: t('records.case.title'), required: true },
    {
      key: 'status',
      label: t('records.case.status'),
      kind: 'select',
      required: true,
      options: (['active', 'resolved', 'cancelled'] as const).map((v) => ({
        value: v,
        label: t(`records.status.${v}`),
      })),
    },
    {
      key: 'priority',
      label: t('records.case.priority'),
      kind: 'select',
      required: true,
      options: (['low', 'normal', 'high'] as const).map((v) => ({ value: v, label: t(`records.priority.${v}`) })),
    },
    { key: 'product', label: t('records.case.product') },
    { key: 'description', label: t('records.case.description'), kind: 'multiline' },
  ];
  const owner = c.contactId
    ? { kind: 'contact' as const, id: c.contactId }
    : c.accountId
      ? { kind: 'account' as const, id: c.accountId }
      : null;
  const sub = [c.contactName ?? c.accountName, c.ownerName && `${t('records.case.owner')}: ${c.ownerName}`]
    .filter(Boolean)
    .join(' · ');
  return (
    <div className={styles.page} data-testid="record-tab" data-kind="case" data-id={id}>
      <Header kind="case" id={id} title={`${c.reference} · ${c.title}`} sub={sub} tools={tools} />
      <Section
        title={t('records.record.fields')}
        testId="record-fields"
        actions={
          owner && (
            <Button size="small" onClick={() => tools.open(owner.kind, owner.id, c.contactName ?? c.accountName ?? '')}>
              {t('records.case.customer')}: {c.contactName ?? c.accountName}
            </Button>
          )
        }
      >
        <RecordForm
          key={c.updatedAt}
          fields={fields}
          values={c}
          saving={tools.update.isPending}
          onSave={(change, done) =>
            tools.update.mutate({ kind: 'case', id, change }, { onSuccess: done, onError: tools.failed })
          }
        />
      </Section>
      <Timeline
        title={t('records.record.notes')}
        owner={owner}
        noteOn={{ kind: 'case', id }}
        conversationId={conversationId}
        keep={aboutCase(id)}
      />
    </div>
  );
}
