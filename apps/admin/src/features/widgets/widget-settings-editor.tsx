import { Button } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { WidgetSettings } from '@switchboard/protocol';
import { useT } from '../../i18n';
import { useApi } from '../../api/api';
import { ServerError, useForm } from '../../components/form';
import { Loading } from '../../components/page';
import { ButtonBar, Section } from '../../components/section';
import { AppearanceSection } from './appearance-section';
import { AvailabilitySection } from './availability-section';
import { PrechatSection } from './prechat-section';

export type SettingsForm = ReturnType<typeof useForm<WidgetSettings>>;

/** The widget editor's settings (CH1): looks, pre-chat survey and identification, hours, post-chat survey. */
export function WidgetSettingsEditor({ widgetId }: { widgetId: string }) {
  const { t } = useT();
  const call = useApi();
  const settings = useQuery({
    queryKey: ['getWidgetSettings', widgetId],
    queryFn: () => call('getWidgetSettings', { params: { widgetId } }),
  });
  return (
    <Section title={t('widgetSettings.title')} description={t('widgetSettings.description')} testId="widget-settings">
      {!settings.data ? (
        <Loading error={settings.error} />
      ) : (
        <SettingsFormView key={JSON.stringify(settings.data)} widgetId={widgetId} settings={settings.data} />
      )}
    </Section>
  );
}

function SettingsFormView({ widgetId, settings }: { widgetId: string; settings: WidgetSettings }) {
  const { t } = useT();
  const call = useApi();
  const form = useForm<WidgetSettings>(WidgetSettings, settings);
  return (
    <>
      <AppearanceSection form={form} />
      <PrechatSection form={form} />
      <AvailabilitySection form={form} />
      <ServerError message={form.serverError} />
      <ButtonBar>
        <Button
          appearance="primary"
          data-testid="widget-settings-save"
          disabled={form.saving}
          onClick={() =>
            void form.save((body) => call('updateWidgetSettings', { params: { widgetId }, body }), t('form.saved'))
          }
        >
          {form.saving ? t('common.saving') : t('widgetSettings.save')}
        </Button>
      </ButtonBar>
    </>
  );
}
