import { Button, Field, Radio, RadioGroup, Select, Switch, makeStyles } from '@fluentui/react-components';
import { Presence, RoutingSettings, type CustomPresence } from '@switchboard/protocol';
import { useT } from '../../i18n';
import { useApi } from '../../api/api';
import { useList } from '../../api/queries';
import { NumberInput, ServerError, fieldError, useForm } from '../../components/form';
import { Loading, PageHeader } from '../../components/page';
import { ButtonBar, FieldGrid, Section, Stack } from '../../components/section';
import { AttachmentSettingsSection } from './attachment-settings';
import { SupervisorSwitchesSection } from './supervisor-switches';
import { ReportSettingsSection } from './report-settings';

const useStyles = makeStyles({ small: { width: '140px' } });

export function SettingsPage() {
  const { t } = useT();
  const settings = useList('getRoutingSettings');
  const presences = useList('listPresences');
  return (
    <section>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      {!settings.data || !presences.data ? (
        <Loading error={settings.error ?? presences.error} />
      ) : (
        <SettingsForm key={JSON.stringify(settings.data)} settings={settings.data} presences={presences.data} />
      )}
      <AttachmentSettingsSection />
      <SupervisorSwitchesSection />
      <ReportSettingsSection />
    </section>
  );
}

function SettingsForm({ settings, presences }: { settings: RoutingSettings; presences: CustomPresence[] }) {
  const styles = useStyles();
  const { t } = useT();
  const call = useApi();
  const form = useForm<RoutingSettings>(RoutingSettings, settings);
  const { draft, errors } = form;

  return (
    <Stack>
      <Section title={t('settings.presence')}>
        <FieldGrid>
          <Field
            label={t('settings.defaultPresence')}
            hint={t('settings.defaultPresenceHint')}
            {...fieldError(errors, 'defaultPresence')}
          >
            <Select
              data-testid="settings-default-presence"
              value={draft.defaultPresence}
              onChange={(_, d) => form.setDraft((s) => ({ ...s, defaultPresence: d.value }))}
            >
              <optgroup label={t('settings.basePresences')}>
                {Presence.options.map((p) => (
                  <option key={p} value={p}>
                    {t(`presence.${p}`)}
                  </option>
                ))}
              </optgroup>
              {presences.length > 0 && (
                <optgroup label={t('settings.customPresences')}>
                  {presences.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name} ({t(`presence.${p.base}`)})
                    </option>
                  ))}
                </optgroup>
              )}
            </Select>
          </Field>
          <Field
            label={t('settings.idleMinutes')}
            hint={t('settings.idleMinutesHint')}
            {...fieldError(errors, 'idleMinutes')}
          >
            <NumberInput
              className={styles.small}
              data-testid="settings-idle-minutes"
              min={1}
              max={1440}
              contentAfter={t('units.min')}
              value={draft.idleMinutes}
              onChange={(v) => form.setDraft((s) => ({ ...s, idleMinutes: v ?? NaN }))}
            />
          </Field>
        </FieldGrid>
      </Section>
      <Section title={t('settings.full')} description={t('settings.fullHint')}>
        <FieldGrid>
          <Field
            label={t('settings.sessionLimit')}
            hint={t('settings.sessionLimitHint')}
            {...fieldError(errors, 'sessionLimit')}
          >
            <NumberInput
              className={styles.small}
              data-testid="settings-session-limit"
              min={1}
              max={1000}
              placeholder={t('settings.noSessionLimit')}
              value={draft.sessionLimit}
              onChange={(v) => form.setDraft((s) => ({ ...s, sessionLimit: v === undefined ? null : v }))}
            />
          </Field>
          <Field label={t('settings.fullPresence')}>
            <RadioGroup
              data-testid="settings-full-presence"
              value={draft.fullPresence}
              onChange={(_, d) =>
                form.setDraft((s) => ({ ...s, fullPresence: d.value === 'busy-dnd' ? 'busy-dnd' : 'busy' }))
              }
            >
              <Radio value="busy" label={t('presence.busy')} data-testid="settings-full-busy" />
              <Radio value="busy-dnd" label={t('presence.busy-dnd')} data-testid="settings-full-dnd" />
            </RadioGroup>
          </Field>
        </FieldGrid>
      </Section>
      <Section title={t('settings.offers')} description={t('settings.offersHint')}>
        <Switch
          data-testid="settings-missed-inactive"
          label={t('settings.missedOfferMakesInactive')}
          checked={draft.missedOfferMakesInactive}
          onChange={(_, d) => form.setDraft((s) => ({ ...s, missedOfferMakesInactive: d.checked }))}
        />
        <Switch
          data-testid="settings-reject-dnd"
          label={t('settings.rejectMakesDoNotDisturb')}
          checked={draft.rejectMakesDoNotDisturb}
          onChange={(_, d) => form.setDraft((s) => ({ ...s, rejectMakesDoNotDisturb: d.checked }))}
        />
      </Section>
      <ServerError message={form.serverError} />
      <ButtonBar>
        <Button
          appearance="primary"
          data-testid="settings-save"
          disabled={form.saving}
          onClick={() => void form.save((body) => call('updateRoutingSettings', { body }), t('form.saved'))}
        >
          {form.saving ? t('common.saving') : t('common.save')}
        </Button>
      </ButtonBar>
    </Stack>
  );
}
