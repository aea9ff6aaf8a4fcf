import { Button, Caption1, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
  },
  wide: { gridColumn: '1 / -1' },
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, gridColumn: '1 / -1' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export type FieldSpec = {
  key: string;
  label: string;
  kind?: 'text' | 'multiline' | 'select';
  /** A select's choices, value and label; '' (none) is offered unless `required`. */
  options?: { value: string; label: string }[];
  required?: boolean;
};

type Props = {
  fields: FieldSpec[];
  /** The record whose fields these are; a field that is not text (null) shows as empty. */
  values: object;
  saving: boolean;
  /** Only the fields the agent changed; an emptied optional field is null (cleared). */
  onSave(change: Record<string, string | null>, done: () => void): void;
};

/** A record's fields, editable, saved together (AG9). */
export function RecordForm({ fields, values, saving, onSave }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const valueOf = (key: string) => {
    const v = (values as Record<string, unknown>)[key];
    return typeof v === 'string' ? v : '';
  };
  const initial = () => Object.fromEntries(fields.map((f) => [f.key, valueOf(f.key)]));
  const [draft, setDraft] = useState<Record<string, string>>(initial);
  const [saved, setSaved] = useState(false);
  const change: Record<string, string | null> = {};
  for (const f of fields) {
    const now = draft[f.key]!.trim();
    if (now !== valueOf(f.key)) change[f.key] = now === '' && !f.required ? null : now;
  }
  const dirty = Object.keys(change).length > 0;
  const invalid = fields.some((f) => f.required && draft[f.key]!.trim() === '');
  const set = (key: string, value: string) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key]: value }));
  };

  return (
    <form
      className={styles.form}
      data-testid="record-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (dirty && !invalid) onSave(change, () => setSaved(true));
      }}
    >
      {fields.map((f) => (
        <Field
          key={f.key}
          label={f.label}
          required={f.required}
          className={f.kind === 'multiline' ? styles.wide : undefined}
        >
          {f.kind === 'select' ? (
            <Select value={draft[f.key]} data-testid={`field-${f.key}`} onChange={(_e, d) => set(f.key, d.value)}>
              {!f.required && <option value="">{t('records.none')}</option>}
              {f.options?.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          ) : f.kind === 'multiline' ? (
            <Textarea
              value={draft[f.key]}
              resize="vertical"
              data-testid={`field-${f.key}`}
              onChange={(_e, d) => set(f.key, d.value)}
            />
          ) : (
            <Input value={draft[f.key]} data-testid={`field-${f.key}`} onChange={(_e, d) => set(f.key, d.value)} />
          )}
        </Field>
      ))}
      <div className={styles.bar}>
        <Button
          type="submit"
          appearance="primary"
          size="small"
          data-testid="record-save"
          disabled={!dirty || invalid || saving}
        >
          {saving ? t('records.saving') : t('records.save')}
        </Button>
        {saved && !dirty && <Caption1 className={styles.muted}>{t('records.saved')}</Caption1>}
      </div>
    </form>
  );
}
