import {
  Badge,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Switch,
  Tab,
  TabList,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  NewWorkstream,
  Presence,
  type CapacityProfile,
  type QueueConfig,
  type Skill,
  type Workstream,
} from '@switchboard/protocol';
import { useT } from '../../i18n';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useApi } from '../../api/api';
import { useList } from '../../api/queries';
import { ErrorText, NumberInput, ServerError, fieldError, useForm } from '../../components/form';
import { EditorShell, SaveButton } from '../../components/editor';
import { Loading } from '../../components/page';
import { ButtonBar, FieldGrid, Section } from '../../components/section';
import { errorsUnder, type FieldErrors } from '../../lib/issues';
import { ClassificationEditor } from './classification-editor';
import { ConditionOptions, FieldSuggestions } from './condition-builder';
import { QueueSelect, RouteRulesEditor } from './route-rules-editor';

export type WorkstreamDraft = Omit<Workstream, 'id'>;

const useStyles = makeStyles({
  tabs: { marginBottom: tokens.spacingVerticalL },
  checks: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL },
  inline: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  small: { width: '120px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export function blankWorkstream(queues: QueueConfig[]): WorkstreamDraft {
  return {
    name: '',
    channel: 'messaging',
    distribution: 'push',
    capacity: { kind: 'units', units: 1 },
    allowedPresences: ['available', 'busy'],
    wrapUpBlocking: { kind: 'always' },
    autoCloseAfterMinutes: null,
    reopenWindowMinutes: 24 * 60,
    affinity: false,
    fallbackQueueId: queues[0]?.id ?? '',
    offerTimeoutSeconds: null,
    maxDeclines: 3,
    skillMatching: 'exact',
    classification: [],
    routeToQueue: [],
  };
}

const withoutId = ({ id: _id, ...rest }: Workstream): WorkstreamDraft => rest;

export function WorkstreamEditorPage() {
  const { t } = useT();
  const { id = 'new' } = useParams();
  const workstreams = useList('listWorkstreams');
  const queues = useList('listQueueConfigs');
  const skills = useList('listSkills');
  const profiles = useList('listCapacityProfiles');
  if (!workstreams.data || !queues.data || !skills.data || !profiles.data) {
    return <Loading error={workstreams.error ?? queues.error ?? skills.error ?? profiles.error} />;
  }
  const existing = workstreams.data.find((w) => w.id === id);
  if (id !== 'new' && !existing) return <Text>{t('common.notFound')}</Text>;
  return (
    <WorkstreamEditor key={id} existing={existing} queues={queues.data} skills={skills.data} profiles={profiles.data} />
  );
}

export function WorkstreamEditor({
  existing,
  queues,
  skills,
  profiles,
}: {
  existing: Workstream | undefined;
  queues: QueueConfig[];
  skills: Skill[];
  profiles: CapacityProfile[];
}) {
  const styles = useStyles();
  const { t } = useT();
  const call = useApi();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'rules' ? 'rules' : 'settings';
  const form = useForm<WorkstreamDraft>(NewWorkstream, () =>
    existing ? withoutId(existing) : blankWorkstream(queues),
  );
  const { draft, errors } = form;
  const set = (patch: Partial<WorkstreamDraft>) => form.setDraft((d) => ({ ...d, ...patch }));
  const ruleErrors = errorsUnder(errors, 'classification') + errorsUnder(errors, 'routeToQueue');
  const settingErrors = Object.keys(errors).length - ruleErrors;

  async function save() {
    if (existing) {
      const saved = await form.save(
        (body) => call('updateWorkstream', { params: { id: existing.id }, body }),
        t('form.saved'),
      );
      if (saved) form.reset(withoutId(saved));
    } else {
      const saved = await form.save((body) => call('createWorkstream', { body }), t('form.created'));
      if (saved) navigate(`/workstreams/${saved.id}${tab === 'rules' ? '?tab=rules' : ''}`, { replace: true });
    }
  }

  return (
    <EditorShell
      title={existing ? existing.name : t('workstreams.new')}
      description={t('workstreams.editorDescription')}
      backTo="/workstreams"
      remove={
        existing && {
          testId: 'workstream-delete',
          name: existing.name,
          run: () => call('deleteWorkstream', { params: { id: existing.id } }),
        }
      }
      actions={<SaveButton testId="workstream-save" saving={form.saving} onSave={() => void save()} />}
      above={
        <TabList
          className={styles.tabs}
          selectedValue={tab}
          onTabSelect={(_, d) => setParams(d.value === 'rules' ? { tab: 'rules' } : {}, { replace: true })}
        >
          <Tab value="settings" data-testid="ws-tab-settings">
            {t('workstreams.tabs.settings')}
            {settingErrors > 0 && (
              <Badge size="small" color="danger">
                {settingErrors}
              </Badge>
            )}
          </Tab>
          <Tab value="rules" data-testid="ws-tab-rules">
            {t('workstreams.tabs.rules')}
            {ruleErrors > 0 && (
              <Badge size="small" color="danger">
                {ruleErrors}
              </Badge>
            )}
          </Tab>
        </TabList>
      }
      errors={errors}
    >
      <ServerError message={form.serverError} />
      {tab === 'settings' ? (
        <SettingsTab draft={draft} set={set} errors={errors} queues={queues} profiles={profiles} isNew={!existing} />
      ) : (
        <ConditionOptions.Provider value={{ skills }}>
          <FieldSuggestions />
          <Section
            title={t('rules.classificationTitle')}
            description={t('rules.classificationHelp')}
            testId="classification-section"
          >
            <ClassificationEditor
              rulesets={draft.classification}
              onChange={(classification) => set({ classification })}
              skills={skills}
              profiles={profiles}
              errors={errors}
            />
          </Section>
          <Section title={t('rules.routeTitle')} description={t('rules.routeHelp')} testId="route-section">
            <RouteRulesEditor
              rules={draft.routeToQueue}
              onChange={(routeToQueue) => set({ routeToQueue })}
              queues={queues}
              errors={errors}
            />
            <Text className={styles.muted} data-testid="fallback-note">
              {t('rules.fallbackNote', { queue: queues.find((q) => q.id === draft.fallbackQueueId)?.name ?? '—' })}
            </Text>
          </Section>
        </ConditionOptions.Provider>
      )}
      <ButtonBar>
        <SaveButton testId="workstream-save-bottom" saving={form.saving} onSave={() => void save()} />
      </ButtonBar>
    </EditorShell>
  );
}

function SettingsTab({
  draft,
  set,
  errors,
  queues,
  profiles,
  isNew,
}: {
  draft: WorkstreamDraft;
  set: (patch: Partial<WorkstreamDraft>) => void;
  errors: FieldErrors;
  queues: QueueConfig[];
  profiles: CapacityProfile[];
  isNew: boolean;
}) {
  const styles = useStyles();
  const { t } = useT();
  const capacity = draft.capacity;
  const wrap = draft.wrapUpBlocking;

  return (
    <>
      <Section title={t('workstreams.sections.general')}>
        <FieldGrid>
          <Field label={t('common.name')} required {...fieldError(errors, 'name')}>
            <Input data-testid="ws-name" value={draft.name} onChange={(_, d) => set({ name: d.value })} />
          </Field>
          <Field
            label={t('workstreams.channel')}
            hint={t('workstreams.channelHint')}
            {...fieldError(errors, 'channel')}
          >
            <Select
              data-testid="ws-channel"
              value={draft.channel}
              onChange={(_, d) => set({ channel: d.value as WorkstreamDraft['channel'] })}
            >
              {(['messaging', 'voice', 'records'] as const).map((c) => (
                <option key={c} value={c}>
                  {t(`workstreams.channels.${c}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label={t('workstreams.distribution')}
            hint={isNew ? t('workstreams.distributionHint') : t('workstreams.distributionChangeHint')}
          >
            <RadioGroup
              data-testid="ws-distribution"
              layout="horizontal"
              value={draft.distribution}
              onChange={(_, d) => set({ distribution: d.value as WorkstreamDraft['distribution'] })}
            >
              <Radio value="push" label={t('workstreams.distributions.push')} />
              <Radio value="pick" label={t('workstreams.distributions.pick')} />
            </RadioGroup>
          </Field>
          <Field
            label={t('workstreams.fallbackQueue')}
            hint={t('workstreams.fallbackHint')}
            required
            {...fieldError(errors, 'fallbackQueueId')}
          >
            <QueueSelect
              testId="ws-fallback-queue"
              queues={queues}
              value={draft.fallbackQueueId}
              onChange={(fallbackQueueId) => set({ fallbackQueueId })}
            />
          </Field>
        </FieldGrid>
      </Section>

      <Section title={t('workstreams.sections.capacity')} description={t('workstreams.capacityHelp')}>
        <RadioGroup
          data-testid="ws-capacity-kind"
          layout="horizontal"
          value={capacity.kind}
          onChange={(_, d) =>
            set({
              capacity:
                d.value === 'units'
                  ? { kind: 'units', units: 1 }
                  : { kind: 'profiles', profileIds: profiles[0] ? [profiles[0].id] : [] },
            })
          }
        >
          <Radio value="units" label={t('workstreams.capacityUnits')} />
          <Radio value="profiles" label={t('workstreams.capacityProfiles')} />
        </RadioGroup>
        {capacity.kind === 'units' ? (
          <Field
            label={t('workstreams.units')}
            hint={t('workstreams.unitsHint')}
            {...fieldError(errors, 'capacity.units')}
          >
            <NumberInput
              className={styles.small}
              data-testid="ws-capacity-units"
              min={1}
              max={1000}
              value={capacity.units}
              onChange={(v) => set({ capacity: { kind: 'units', units: v ?? NaN } })}
            />
          </Field>
        ) : (
          <Field
            label={t('workstreams.profiles')}
            hint={t('workstreams.profilesHint')}
            {...fieldError(errors, 'capacity.profileIds')}
          >
            <div className={styles.checks}>
              {profiles.length === 0 && <Text className={styles.muted}>{t('workstreams.noProfiles')}</Text>}
              {profiles.map((p) => (
                <Checkbox
                  key={p.id}
                  data-testid="ws-capacity-profile"
                  label={p.name}
                  checked={capacity.profileIds.includes(p.id)}
                  onChange={(_, d) =>
                    set({
                      capacity: {
                        kind: 'profiles',
                        profileIds: d.checked
                          ? [...capacity.profileIds, p.id]
                          : capacity.profileIds.filter((x) => x !== p.id),
                      },
                    })
                  }
                />
              ))}
            </div>
          </Field>
        )}
        <Field
          label={t('workstreams.wrapUp')}
          hint={t('workstreams.wrapUpHint')}
          {...fieldError(errors, 'wrapUpBlocking.seconds')}
        >
          <div className={styles.inline}>
            <RadioGroup
              data-testid="ws-wrapup"
              layout="horizontal"
              value={wrap.kind}
              onChange={(_, d) =>
                set({
                  wrapUpBlocking:
                    d.value === 'release-after'
                      ? { kind: 'release-after', seconds: 120 }
                      : { kind: d.value as 'always' | 'never' },
                })
              }
            >
              <Radio value="always" label={t('workstreams.wrapUpKinds.always')} />
              <Radio value="never" label={t('workstreams.wrapUpKinds.never')} />
              <Radio value="release-after" label={t('workstreams.wrapUpKinds.release-after')} />
            </RadioGroup>
            {wrap.kind === 'release-after' && (
              <NumberInput
                className={styles.small}
                data-testid="ws-wrapup-seconds"
                aria-label={t('workstreams.wrapUpSeconds')}
                min={30}
                max={3600}
                contentAfter={t('units.s')}
                value={wrap.seconds}
                onChange={(v) => set({ wrapUpBlocking: { kind: 'release-after', seconds: v ?? NaN } })}
              />
            )}
          </div>
        </Field>
      </Section>

      <Section title={t('workstreams.sections.assignment')}>
        <Field
          label={t('workstreams.allowedPresences')}
          hint={t('workstreams.allowedPresencesHint')}
          {...fieldError(errors, 'allowedPresences')}
        >
          <div className={styles.checks}>
            {Presence.options.map((p) => (
              <Checkbox
                key={p}
                data-testid={`ws-presence-${p}`}
                label={t(`presence.${p}`)}
                checked={draft.allowedPresences.includes(p)}
                onChange={(_, d) =>
                  set({
                    allowedPresences: d.checked
                      ? [...draft.allowedPresences, p]
                      : draft.allowedPresences.filter((x) => x !== p),
                  })
                }
              />
            ))}
          </div>
        </Field>
        <FieldGrid>
          <Field
            label={t('workstreams.skillMatching')}
            hint={t(`workstreams.skillMatchingHints.${draft.skillMatching}`)}
            {...fieldError(errors, 'skillMatching')}
          >
            <Select
              data-testid="ws-skill-matching"
              value={draft.skillMatching}
              onChange={(_, d) => set({ skillMatching: d.value as WorkstreamDraft['skillMatching'] })}
            >
              {(['exact', 'closest', 'none'] as const).map((m) => (
                <option key={m} value={m}>
                  {t(`workstreams.skillMatchings.${m}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label={t('workstreams.offerTimeout')}
            hint={t('workstreams.offerTimeoutHint')}
            {...fieldError(errors, 'offerTimeoutSeconds')}
          >
            <NumberInput
              data-testid="ws-offer-timeout"
              min={5}
              max={3600}
              contentAfter={t('units.s')}
              value={draft.offerTimeoutSeconds}
              onChange={(v) => set({ offerTimeoutSeconds: v ?? null })}
            />
          </Field>
          <Field
            label={t('workstreams.maxDeclines')}
            hint={t('workstreams.maxDeclinesHint')}
            {...fieldError(errors, 'maxDeclines')}
          >
            <Select
              data-testid="ws-max-declines"
              value={String(draft.maxDeclines)}
              onChange={(_, d) => set({ maxDeclines: Number(d.value) })}
            >
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            label={t('workstreams.autoClose')}
            hint={t('workstreams.autoCloseHint')}
            {...fieldError(errors, 'autoCloseAfterMinutes')}
          >
            <NumberInput
              data-testid="ws-auto-close"
              min={1}
              contentAfter={t('units.min')}
              value={draft.autoCloseAfterMinutes}
              onChange={(v) => set({ autoCloseAfterMinutes: v ?? null })}
            />
          </Field>
          <Field
            label={t('workstreams.reopenWindow')}
            hint={t('workstreams.reopenWindowHint')}
            {...fieldError(errors, 'reopenWindowMinutes')}
          >
            <NumberInput
              data-testid="ws-reopen-window"
              min={1}
              contentAfter={t('units.min')}
              value={draft.reopenWindowMinutes}
              onChange={(v) => set({ reopenWindowMinutes: v ?? null })}
            />
          </Field>
        </FieldGrid>
        <Field hint={t('workstreams.affinityHint')}>
          <Switch
            data-testid="ws-affinity"
            label={t('workstreams.affinity')}
            checked={draft.affinity}
            onChange={(_, d) => set({ affinity: d.checked })}
          />
        </Field>
        <ErrorText message={errors['capacity']} />
      </Section>
    </>
  );
}
