import {
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Field,
  Input,
  Option,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Channel, ReportBucket, ReportDimension } from '@switchboard/protocol';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api';
import { useT } from '../../i18n';
import { KPI_NAMES } from '../../lib/kpis';
import { kpiLabel } from '../../lib/report-columns';
import { bucketFor, type ReportForm } from '../../lib/report-query';
import { RANGE_PRESETS, type RangePreset } from '../../lib/report-range';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  field: { minWidth: '160px' },
  wide: { minWidth: '280px', maxWidth: '420px' },
  dims: { display: 'flex' },
  warn: { color: tokens.colorPaletteRedForeground1, flexBasis: '100%' },
});

/** Which report (SV9): range, bucket, grouping, filters and KPIs; `valid` says the range and KPIs make one. */
export function ReportFormView(props: {
  value: ReportForm;
  onChange(patch: Partial<ReportForm>): void;
  valid: boolean;
  running: boolean;
  onRun(): void;
}) {
  const styles = useStyles();
  const { t } = useT();
  const call = useApi();
  const queues = useQuery({ queryKey: ['queues'], queryFn: async () => (await call('listQueues')).queues });
  const { value, onChange } = props;
  const queueName = (id: string) => queues.data?.find((q) => q.id === id)?.name ?? id;
  const toggleDimension = (d: ReportDimension, on: boolean) =>
    onChange({ dimensions: ReportDimension.options.filter((x) => (x === d ? on : value.dimensions.includes(x))) });

  return (
    <form
      className={styles.form}
      data-testid="report-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (props.valid) props.onRun();
      }}
    >
      <Field label={t('insights.report.range')} className={styles.field}>
        <Select
          data-testid="report-preset"
          value={value.preset}
          onChange={(_e, d) => onChange({ preset: d.value as RangePreset, bucket: bucketFor(d.value as RangePreset) })}
        >
          {RANGE_PRESETS.map((p) => (
            <option key={p} value={p}>
              {t(`insights.report.preset.${p}`)}
            </option>
          ))}
        </Select>
      </Field>
      {value.preset === 'custom' && (
        <>
          <Field label={t('insights.report.from')}>
            <Input
              type="date"
              data-testid="report-from"
              value={value.customFrom}
              onChange={(_e, d) => onChange({ customFrom: d.value })}
            />
          </Field>
          <Field label={t('insights.report.to')}>
            <Input
              type="date"
              data-testid="report-to"
              value={value.customTo}
              onChange={(_e, d) => onChange({ customTo: d.value })}
            />
          </Field>
        </>
      )}
      <Field label={t('insights.report.bucket')} className={styles.field}>
        <Select
          data-testid="report-bucket"
          value={value.bucket}
          onChange={(_e, d) => onChange({ bucket: d.value as ReportBucket })}
        >
          {ReportBucket.options.map((b) => (
            <option key={b} value={b}>
              {t(`insights.report.buckets.${b}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('insights.report.groupBy')}>
        <div className={styles.dims} role="group" aria-label={t('insights.report.groupBy')}>
          {ReportDimension.options.map((d) => (
            <Checkbox
              key={d}
              data-testid={`report-group-${d}`}
              label={t(`insights.report.dimension.${d}`)}
              checked={value.dimensions.includes(d)}
              onChange={(_e, data) => toggleDimension(d, data.checked === true)}
            />
          ))}
        </div>
      </Field>
      <Field label={t('insights.report.queues')} className={styles.wide}>
        <Dropdown
          multiselect
          data-testid="report-queues"
          placeholder={t('insights.report.allQueues')}
          value={value.queueIds.map(queueName).join(', ')}
          selectedOptions={value.queueIds}
          onOptionSelect={(_e, d) => onChange({ queueIds: d.selectedOptions })}
        >
          {(queues.data ?? []).map((q) => (
            <Option key={q.id} value={q.id}>
              {q.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t('insights.report.channels')} className={styles.field}>
        <Dropdown
          multiselect
          data-testid="report-channels"
          placeholder={t('insights.report.allChannels')}
          value={value.channels.map((c) => t(`channel.${c}`)).join(', ')}
          selectedOptions={value.channels}
          onOptionSelect={(_e, d) => onChange({ channels: d.selectedOptions as Channel[] })}
        >
          {Channel.options.map((c) => (
            <Option key={c} value={c}>
              {t(`channel.${c}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={t('insights.report.kpis')} className={styles.wide}>
        <Dropdown
          multiselect
          data-testid="report-kpis"
          value={value.measures.map((m) => kpiLabel(t, m)).join(', ')}
          selectedOptions={value.measures}
          onOptionSelect={(_e, d) => onChange({ measures: KPI_NAMES.filter((k) => d.selectedOptions.includes(k)) })}
        >
          {KPI_NAMES.map((k) => (
            <Option key={k} value={k} data-testid="report-kpi-option">
              {t(`insights.kpi.${k}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Button type="submit" appearance="primary" data-testid="report-run" disabled={!props.valid || props.running}>
        {t('insights.report.run')}
      </Button>
      {!props.valid && (
        <Caption1 className={styles.warn} data-testid="report-invalid">
          {value.measures.length === 0 ? t('insights.report.noKpis') : t('insights.report.badRange')}
        </Caption1>
      )}
    </form>
  );
}
