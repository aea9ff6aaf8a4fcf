import { Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ClosedSearchInput } from '../lib/closed-search';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  dates: { display: 'flex', gap: tokens.spacingHorizontalXS },
  date: { flexGrow: 1, minWidth: 0 },
  warning: { color: tokens.colorPaletteRedForeground1 },
});

/** The closed list's search (AG10): part of the customer's name, email or number; a range of days. */
export function ClosedSearch({
  value,
  reversed,
  onChange,
}: {
  value: ClosedSearchInput;
  reversed: boolean;
  onChange(next: ClosedSearchInput): void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.form} role="search">
      <Field label={t('dashboard.search')} size="small">
        <Input
          size="small"
          type="search"
          value={value.customer}
          placeholder={t('dashboard.searchPlaceholder')}
          maxLength={200}
          data-testid="closed-search"
          onChange={(_e, d) => onChange({ ...value, customer: d.value })}
        />
      </Field>
      <div className={styles.dates}>
        {(['from', 'to'] as const).map((end) => (
          <Field key={end} label={t(`dashboard.${end}`)} size="small" className={styles.date}>
            <Input
              size="small"
              type="date"
              value={value[end]}
              data-testid={`closed-${end}`}
              onChange={(_e, d) => onChange({ ...value, [end]: d.value })}
            />
          </Field>
        ))}
      </div>
      {reversed && (
        <Caption1 className={styles.warning} data-testid="closed-dates-reversed">
          {t('dashboard.datesReversed')}
        </Caption1>
      )}
    </div>
  );
}
