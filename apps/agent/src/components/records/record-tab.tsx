import { Body1, Button, Caption1 } from '@fluentui/react-components';
import type { AccountDetail, ContactDetail } from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';
import { useAccount, useContact } from '../../hooks/use-records';
import type { RecordKind } from '../../state/session-tabs';
import { Section } from '../summary/section';
import { CaseTab } from './case-tab';
import { RecordForm, type FieldSpec } from './record-form';
import { CasesSection, Header, Loading, useRecordStyles, useRecordTools } from './record-parts';
import { Timeline } from './timeline';
type Props = { conversationId: string; kind: RecordKind; id: string };

/** A contact's, an account's or a case's tab (AG9): its fields to edit, its notes, cases or contacts, its link. */
export function RecordTab({ conversationId, kind, id }: Props) {
  if (kind === 'contact') return <ContactTab conversationId={conversationId} id={id} />;
  if (kind === 'account') return <AccountTab conversationId={conversationId} id={id} />;
  return <CaseTab conversationId={conversationId} id={id} />;
}

function relationshipOptions(t: ReturnType<typeof useTranslation>['t']) {
  return (['customer', 'prospect', 'partner', 'vendor', 'other'] as const).map((v) => ({
    value: v,
    label: t(`records.relationship.${v}`),
  }));
}

function ContactTab({ conversationId, id }: { conversationId: string; id: string }) {
  const styles = useRecordStyles();
  const { t } = useTranslation();
  const query = useContact(id);
  const tools = useRecordTools(conversationId);
  if (!query.data)
    return (
      <div className={styles.page}>
        <Loading query={query} />
      </div>
    );
  const c: ContactDetail = query.data;
  const fields: FieldSpec[] = [
    { key: 'name', label: t('records.record.name'), required: true },
    { key: 'email', label: t('records.record.email') },
    { key: 'mobilePhone', label: t('records.record.mobilePhone') },
    { key: 'jobTitle', label: t('records.profile.jobTitle') },
    { key: 'city', label: t('records.profile.city') },
    { key: 'category', label: t('records.profile.category') },
    {
      key: 'relationshipType',
      label: t('records.profile.relationshipType'),
      kind: 'select',
      options: relationshipOptions(t),
    },
    {
      key: 'preferredContactMethod',
      label: t('records.profile.preferredContactMethod'),
      kind: 'select',
      options: (['any', 'email', 'phone', 'chat'] as const).map((v) => ({
        value: v,
        label: t(`records.contactMethod.${v}`),
      })),
    },
    { key: 'externalId', label: t('records.record.externalId') },
  ];
  return (
    <div className={styles.page} data-testid="record-tab" data-kind="contact" data-id={id}>
      <Header kind="contact" id={id} title={c.name} sub={c.accountName} tools={tools} />
      <Section
        title={t('records.record.fields')}
        testId="record-fields"
        actions={
          c.accountId && (
            <Button size="small" onClick={() => tools.open('account', c.accountId!, c.accountName ?? '')}>
              {t('records.record.account')}: {c.accountName}
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
            tools.update.mutate({ kind: 'contact', id, change }, { onSuccess: done, onError: tools.failed })
          }
        />
      </Section>
      <CasesSection cases={c.cases} tools={tools} />
      <Timeline owner={{ kind: 'contact', id }} noteOn={{ kind: 'contact', id }} conversationId={conversationId} />
    </div>
  );
}

function AccountTab({ conversationId, id }: { conversationId: string; id: string }) {
  const styles = useRecordStyles();
  const { t } = useTranslation();
  const query = useAccount(id);
  const tools = useRecordTools(conversationId);
  if (!query.data)
    return (
      <div className={styles.page}>
        <Loading query={query} />
      </div>
    );
  const a: AccountDetail = query.data;
  const fields: FieldSpec[] = [
    { key: 'name', label: t('records.record.name'), required: true },
    { key: 'email', label: t('records.record.email') },
    { key: 'mainPhone', label: t('records.record.mainPhone') },
    { key: 'city', label: t('records.profile.city') },
    { key: 'category', label: t('records.profile.category') },
    {
      key: 'relationshipType',
      label: t('records.profile.relationshipType'),
      kind: 'select',
      options: relationshipOptions(t),
    },
    { key: 'externalId', label: t('records.record.externalId') },
  ];
  return (
    <div className={styles.page} data-testid="record-tab" data-kind="account" data-id={id}>
      <Header kind="account" id={id} title={a.name} sub={a.city} tools={tools} />
      <Section title={t('records.record.fields')} testId="record-fields">
        <RecordForm
          key={a.updatedAt}
          fields={fields}
          values={a}
          saving={tools.update.isPending}
          onSave={(change, done) =>
            tools.update.mutate({ kind: 'account', id, change }, { onSuccess: done, onError: tools.failed })
          }
        />
      </Section>
      <Section title={t('records.record.contacts')} testId="record-contacts">
        {a.contacts.length === 0 ? (
          <Body1>{t('records.record.noContacts')}</Body1>
        ) : (
          <ul className={styles.list}>
            {a.contacts.map((c) => (
              <li key={c.id} className={styles.row} data-testid="contact-row">
                <div className={styles.what}>
                  <Body1>{c.name}</Body1>
                  <Caption1 className={styles.muted}>{[c.jobTitle, c.email].filter(Boolean).join(' · ')}</Caption1>
                </div>
                <Button size="small" onClick={() => tools.open('contact', c.id, c.name)}>
                  {t('records.open')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <CasesSection cases={a.cases} tools={tools} />
      <Timeline owner={{ kind: 'account', id }} noteOn={{ kind: 'account', id }} conversationId={conversationId} />
    </div>
  );
}
