import {
  Button,
  Caption1,
  Field,
  Input,
  Radio,
  RadioGroup,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboundDraft } from '../lib/outbound-draft';
import { numbersFromCsv, numbersFromText } from '../lib/recipient-numbers';

const useStyles = makeStyles({
  csv: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hidden: { display: 'none' },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Props = { draft: OutboundDraft; set: (patch: Partial<OutboundDraft>) => void };

/**
 * Who to send to (CH6): numbers typed or read from a CSV file's first column (they land in the
 * text area, to check and edit), or every contact a search matches.
 */
export function OutboundRecipients({ draft, set }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const picker = useRef<HTMLInputElement>(null);
  const [csvNote, setCsvNote] = useState<string | null>(null);
  const count = numbersFromText(draft.numbers).length;

  async function readCsv(file: File | undefined) {
    if (!file) return;
    try {
      const numbers = numbersFromCsv(await file.text());
      set({ numbers: numbers.join('\n') });
      setCsvNote(
        numbers.length
          ? t('outbound.csvRead', { count: numbers.length, file: file.name })
          : t('outbound.csvEmpty', { file: file.name }),
      );
    } catch {
      setCsvNote(t('outbound.csvFailed', { file: file.name }));
    }
  }

  return (
    <>
      <Field label={t('outbound.recipients')}>
        <RadioGroup
          layout="horizontal"
          value={draft.kind}
          onChange={(_, d) => set({ kind: d.value as OutboundDraft['kind'] })}
        >
          <Radio value="numbers" label={t('outbound.byNumbers')} data-testid="outbound-kind-numbers" />
          <Radio value="contacts" label={t('outbound.byContacts')} data-testid="outbound-kind-contacts" />
        </RadioGroup>
      </Field>
      {draft.kind === 'numbers' ? (
        <>
          <Field
            label={t('outbound.numbers')}
            hint={count ? t('outbound.numbersCount', { count }) : t('outbound.numbersHint')}
          >
            <Textarea
              data-testid="outbound-numbers"
              resize="vertical"
              rows={4}
              placeholder="+31612345678"
              value={draft.numbers}
              onChange={(_, d) => set({ numbers: d.value })}
            />
          </Field>
          <div className={styles.csv}>
            <input
              ref={picker}
              type="file"
              accept=".csv,text/csv,text/plain"
              className={styles.hidden}
              data-testid="outbound-csv"
              onChange={(e) => {
                void readCsv(e.target.files?.[0]);
                // The same file chosen again (edited meanwhile) should be read again.
                e.target.value = '';
              }}
            />
            <Button size="small" onClick={() => picker.current?.click()}>
              {t('outbound.csv')}
            </Button>
            {csvNote && (
              <Caption1 className={styles.muted} data-testid="outbound-csv-note">
                {csvNote}
              </Caption1>
            )}
          </div>
        </>
      ) : (
        <Field label={t('outbound.search')} hint={t('outbound.searchHint')}>
          <Input
            data-testid="outbound-search"
            maxLength={100}
            value={draft.search}
            onChange={(_, d) => set({ search: d.value })}
          />
        </Field>
      )}
    </>
  );
}
