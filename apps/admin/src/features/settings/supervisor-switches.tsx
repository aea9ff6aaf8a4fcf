import { Button, Field, Select, Switch, makeStyles } from '@fluentui/react-components';
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
      {sentiment.data && <SentimentControls key={JSON.stringify(sentiment.data)} setting={sentiment.data} />}
    </Section>
  );
}

const THRESHOLDS = ['none', 'slightly-negative', 'negative', 'very-negative'] as const;
type Threshold = (typeof THRESHOLDS)[number];

/** Customer sentiment (SV8): on or off, and the level that alerts supervisors; saved as it changes. */
function SentimentControls({ setting }: { setting: { enabled: boolean; threshold: Threshold } }) {
  const { t } = useT();
  const call = useApi();
  const form = useForm<SentimentSetting>(SentimentSetting, setting);
  const save = (next: { enabled: boolean; threshold: Threshold }) => {
    form.setDraft(next);
    void form.save(() => call('updateSentimentSetting', { body: next }), t('form.saved'));
  };
  const draft = { enabled: form.draft.enabled, threshold: form.draft.threshold ?? 'none' };
  return (
    <>
      <Switch
        data-testid="settings-sentiment"
        label={t('settings.sentiment')}
        checked={draft.enabled}
        onChange={(_, d) => save({ ...draft, enabled: d.checked })}
      />
      <Field label={t('settings.sentimentThreshold')}>
        <Select
          data-testid="settings-sentiment-threshold"
          value={draft.threshold}
          disabled={!draft.enabled}
          onChange={(_, d) => save({ ...draft, threshold: d.value as Threshold })}
        >
          {THRESHOLDS.map((level) => (
            <option key={level} value={level}>
              {t(`settings.sentimentLevel.${level}`)}
            </option>
          ))}
        </Select>
      </Field>
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
