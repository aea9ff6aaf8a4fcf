import { Field, Select, Switch, Text } from '@fluentui/react-components';
import { useT } from '../../i18n';
import { useList } from '../../api/queries';
import { fieldError } from '../../components/form';
import { FieldGrid } from '../../components/section';
import type { SettingsForm } from './widget-settings-editor';

/** The hours the widget tells visitors before the pre-chat form, and the post-chat survey (CH1). */
export function AvailabilitySection({ form }: { form: SettingsForm }) {
  const { t } = useT();
  const hours = useList('listOperatingHours');
  const { draft, errors } = form;
  return (
    <>
      <Text weight="semibold">{t('widgetSettings.availability')}</Text>
      <FieldGrid>
        <Field
          label={t('widgetSettings.hours')}
          hint={t('widgetSettings.hoursHint')}
          {...fieldError(errors, 'operatingHoursId')}
        >
          <Select
            data-testid="widget-hours"
            value={draft.operatingHoursId ?? ''}
            onChange={(_, d) => form.setDraft((s) => ({ ...s, operatingHoursId: d.value === '' ? null : d.value }))}
          >
            <option value="">{t('widgetSettings.alwaysOpen')}</option>
            {hours.data?.map((h) => (
              <option key={h.id} value={h.id}>
                {h.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('widgetSettings.postChat')} hint={t('widgetSettings.postChatHint')}>
          <Switch
            data-testid="widget-post-chat"
            checked={draft.postChat.enabled}
            onChange={(_, d) => form.setDraft((s) => ({ ...s, postChat: { enabled: d.checked } }))}
          />
        </Field>
      </FieldGrid>
    </>
  );
}
