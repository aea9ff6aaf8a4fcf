import { Button, Field, Input } from '@fluentui/react-components';
import { ReportSettings } from '@switchboard/protocol';
import { useT } from '../../i18n';
import { useApi } from '../../api/api';
import { useList } from '../../api/queries';
import { ServerError, useForm } from '../../components/form';
import { Loading } from '../../components/page';
import { ButtonBar, Section } from '../../components/section';

// Every zone this browser knows, offered as the admin types; the server checks the name too.
const ZONES: string[] = (Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];

/** The reports' time zone (SV9): where their days and months begin for everyone. */
export function ReportSettingsSection() {
  const { t } = useT();
  const settings = useList('getReportSettings');
  return (
    <Section title={t('settings.reports')} description={t('settings.reportsHint')}>
      {!settings.data ? (
        <Loading error={settings.error} />
      ) : (
        <ReportSettingsForm key={settings.data.timeZone} settings={settings.data} />
      )}
    </Section>
  );
}

function ReportSettingsForm({ settings }: { settings: ReportSettings }) {
  const { t } = useT();
  const call = useApi();
  const form = useForm<ReportSettings>(ReportSettings, settings);
  return (
    <>
      <Field label={t('settings.reportsTimeZone')}>
        <Input
          data-testid="settings-report-zone"
          list="report-time-zones"
          value={form.draft.timeZone}
          onChange={(_, d) => form.setDraft({ timeZone: d.value })}
        />
      </Field>
      <datalist id="report-time-zones">
        {ZONES.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <ServerError message={form.serverError} />
      <ButtonBar>
        <Button
          appearance="primary"
          data-testid="settings-report-zone-save"
          disabled={form.saving}
          onClick={() => void form.save((body) => call('updateReportSettings', { body }), t('form.saved'))}
        >
          {form.saving ? t('common.saving') : t('common.save')}
        </Button>
      </ButtonBar>
    </>
  );
}
