import { Body1, Button, Caption1, Input, Select, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { ConversationLinks } from '@switchboard/protocol';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRecordSearch } from '../../hooks/use-records';
import type { RecordKind } from '../../state/session-tabs';
import { Section } from '../summary/section';

const useStyles = makeStyles({
  form: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  kind: { width: '130px' },
  q: { flexGrow: 1, minWidth: '160px' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '6px' },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  what: { display: 'flex', flexDirection: 'column', marginRight: 'auto', minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Props = {
  links: ConversationLinks;
  onOpen(kind: RecordKind, id: string, title: string): void;
  onLink(kind: RecordKind, id: string): void;
  busy: boolean;
};

type Row = { id: string; name: string; detail: string };

/** Search contacts, accounts or cases (AG9); a result opens in a tab or is linked to the conversation. */
export function RecordSearch({ links, onOpen, onLink, busy }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [kind, setKind] = useState<RecordKind>('contact');
  const [text, setText] = useState('');
  const [asked, setAsked] = useState<{ kind: RecordKind; q: string }>({ kind: 'contact', q: '' });
  const search = useRecordSearch(asked.kind, asked.q);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAsked({ kind, q: text });
  };
  const linkedId = { contact: links.contact?.id, account: links.account?.id, case: links.case?.id }[asked.kind];
  const rows: Row[] = (search.data ?? []).map((hit) => {
    if (hit.kind === 'case') {
      const c = hit.record;
      return {
        id: c.id,
        name: `${c.reference} · ${c.title}`,
        detail: [c.contactName, t(`records.status.${c.status}`)].filter(Boolean).join(' · '),
      };
    }
    if (hit.kind === 'contact') {
      const c = hit.record;
      return { id: c.id, name: c.name, detail: [c.email, c.accountName, c.city].filter(Boolean).join(' · ') };
    }
    const a = hit.record;
    return { id: a.id, name: a.name, detail: [a.email, a.city].filter(Boolean).join(' · ') };
  });

  return (
    <Section title={t('records.search.title')} testId="record-search">
      <form className={styles.form} onSubmit={submit}>
        <Select
          className={styles.kind}
          aria-label={t('records.search.kind')}
          value={kind}
          data-testid="record-search-kind"
          onChange={(_e, d) => setKind(d.value as RecordKind)}
        >
          <option value="contact">{t('records.kinds.contact')}</option>
          <option value="account">{t('records.kinds.account')}</option>
          <option value="case">{t('records.kinds.case')}</option>
        </Select>
        <Input
          className={styles.q}
          value={text}
          placeholder={t('records.search.placeholder')}
          aria-label={t('records.search.title')}
          data-testid="record-search-input"
          onChange={(_e, d) => setText(d.value)}
        />
        <Button type="submit" data-testid="record-search-submit" disabled={text.trim() === ''}>
          {t('records.search.go')}
        </Button>
      </form>
      {asked.q.trim() !== '' &&
        (search.isPending ? (
          <Spinner size="tiny" label={t('records.loading')} />
        ) : search.isError ? (
          <Body1>{t('records.loadFailed', { message: search.error.message })}</Body1>
        ) : rows.length === 0 ? (
          <Body1>{t('records.search.none')}</Body1>
        ) : (
          <ul className={styles.list} aria-label={t('records.search.results')} data-testid="record-search-results">
            {rows.map((row) => (
              <li
                key={row.id}
                className={styles.row}
                data-testid="search-result"
                data-kind={asked.kind}
                data-id={row.id}
              >
                <div className={styles.what}>
                  <Body1 truncate wrap={false}>
                    {row.name}
                  </Body1>
                  {row.detail && <Caption1 className={styles.muted}>{row.detail}</Caption1>}
                </div>
                <Button
                  size="small"
                  data-testid="search-result-open"
                  onClick={() => onOpen(asked.kind, row.id, row.name)}
                >
                  {t('records.open')}
                </Button>
                {row.id === linkedId ? (
                  <Caption1 className={styles.muted}>{t('records.search.linked')}</Caption1>
                ) : (
                  <Button
                    size="small"
                    data-testid="search-result-link"
                    disabled={busy}
                    onClick={() => onLink(asked.kind, row.id)}
                  >
                    {t('records.link')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        ))}
    </Section>
  );
}
