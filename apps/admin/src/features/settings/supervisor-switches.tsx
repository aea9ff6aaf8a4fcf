import { Button, Switch, makeStyles } from '@fluentui/react-components';
import { SentimentSetting, SupervisorSwitches } from '@switchboard/protocol';
import { useT } from '../../i18n';
import { useApi } from '../../api/api';
import { useList } from '../../api/queries';
import { ServerError, useForm } from '../../components/form';
import { Loading } from '../../components/page';
import { ButtonBar, Section } from '../../components/section';

const NAMES = ['monitor', 'assign', 'transfer', 'force-close'] as const;
const useStyles = makeStyles({ list: { display: 'flex', flexDirection: 'column' } });

/** Which supervisor commands this organisation allows (SV7), and customer sentiment (SV8). */
export function SupervisorSwitchesSection() {
  const { t } = useT();
  const switches = useList('getSupervisorSwitches');
  const sentiment = useList('getSentimentSetting');
  return (
    <Section title={t('settings.supervision')} description={t('settings.supervisionHint')}>
      {!switches.data ? (
        <Loading error={switches.error} />
      ) : (
        <SwitchesForm key={JSON.stringify(switches.data)} switches={switches.data} />
      )}
      {sentiment.data && <SentimentToggle key={String(sentiment.data.enabled)} enabled={sentiment.data.enabled} />}
    </Section>
  );
}

/** Customer sentiment on or off (SV8): saved as it is switched. */
function SentimentToggle({ enabled }: { enabled: boolean }) {
  const { t } = useT();
  const call = useApi();
  const form = useForm<SentimentSetting>(SentimentSetting, { enabled });
  return (
    <>
      <Switch
        data-testid="settings-sentiment"
        label={t('settings.sentiment')}
        checked={form.draft.enabled}
        onChange={(_, d) => {
          form.setDraft({ enabled: d.checked });
          void form.save(() => call('updateSentimentSetting', { body: { enabled: d.checked } }), t('form.saved'));
        }}
      />
      <ServerError message={form.serverError} />
    </>
  );
}

function SwitchesForm({ switches }: { switches: SupervisorSwitches }) {
  const styles = useStyles();
  const { t } = useT();
  const call = useApi();
  const form = useForm<SupervisorSwitches>(SupervisorSwitches, switches);
  return (
    <>
      <div className={styles.list}>
        {NAMES.map((name) => (
          <Switch
            key={name}
            data-testid={`settings-supervision-${name}`}
            label={t(`settings.supervisionSwitch.${name}`)}
            checked={form.draft[name]}
            onChange={(_, d) => form.setDraft((s) => ({ ...s, [name]: d.checked }))}
          />
        ))}
      </div>
      <ServerError message={form.serverError} />
      <ButtonBar>
        <Button
          appearance="primary"
          data-testid="settings-supervision-save"
          disabled={form.saving}
          onClick={() => void form.save((body) => call('updateSupervisorSwitches', { body }), t('form.saved'))}
        >
          {form.saving ? t('common.saving') : t('common.save')}
        </Button>
      </ButtonBar>
    </>
  );
}
