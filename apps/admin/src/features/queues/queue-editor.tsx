import {
  makeStyles,
  tokens,
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  Select,
  Text,
  Textarea,
} from '@fluentui/react-components';
import {
  NewQueue,
  SortKey,
  type AgentFilter,
  type AgentSummary,
  type AssignmentMethod,
  type OperatingHours,
  type OverflowAction,
  type OverflowCondition,
  type OverflowRule,
  type QueueConfig,
  type Skill,
} from '@switchboard/protocol';
import { useT } from '../../i18n';
import { useNavigate, useParams } from 'react-router';
import { useApi } from '../../api/api';
import { useList } from '../../api/queries';
import { ErrorText, NumberInput, fieldError, useForm } from '../../components/form';
import { EditorShell, SaveBar } from '../../components/editor';
import { Loading } from '../../components/page';
import { RemoveButton, ReorderButtons } from '../../components/reorder-buttons';
import { FieldGrid, Section } from '../../components/section';
import type { FieldErrors } from '../../lib/issues';
import { move, removeAt, replaceAt } from '../../lib/list';
import { QueueSelect } from '../workstreams/route-rules-editor';
import { SkillLevelInput } from '../../components/skill-level-input';

export type QueueDraft = Omit<QueueConfig, 'id'>;
type SortKeyName = SortKey['key'];

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  rows: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  small: { width: '130px' },
  select: { minWidth: '220px', maxWidth: '360px' },
  message: { minWidth: '320px', flexGrow: 1 },
  members: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))' },
  muted: { color: tokens.colorNeutralForeground3 },
  add: { alignSelf: 'flex-start' },
  grow: { flexGrow: 1 },
});

const blankQueue = (): QueueDraft => ({
  name: '',
  priority: 100,
  assignment: { kind: 'highest-capacity' },
  operatingHoursId: null,
  overflow: [],
  memberIds: [],
});

const withoutId = ({ id: _id, ...rest }: QueueConfig): QueueDraft => rest;

export function QueueEditorPage() {
  const { t } = useT();
  const { id = 'new' } = useParams();
  const queues = useList('listQueueConfigs');
  const agents = useList('listAgents');
  const hours = useList('listOperatingHours');
  const skills = useList('listSkills');
  if (!queues.data || !agents.data || !hours.data || !skills.data) {
    return <Loading error={queues.error ?? agents.error ?? hours.error ?? skills.error} />;
  }
  const existing = queues.data.find((q) => q.id === id);
  if (id !== 'new' && !existing) return <Text>{t('common.notFound')}</Text>;
  return (
    <QueueEditor
      key={id}
      existing={existing}
      queues={queues.data}
      agents={agents.data}
      hours={hours.data}
      skills={skills.data}
    />
  );
}

export function QueueEditor({
  existing,
  queues,
  agents,
  hours,
  skills,
}: {
  existing: QueueConfig | undefined;
  queues: QueueConfig[];
  agents: AgentSummary[];
  hours: OperatingHours[];
  skills: Skill[];
}) {
  const styles = useStyles();
  const { t } = useT();
  const call = useApi();
  const navigate = useNavigate();
  const form = useForm<QueueDraft>(NewQueue, () => (existing ? withoutId(existing) : blankQueue()));
  const { draft, errors } = form;
  const set = (patch: Partial<QueueDraft>) => form.setDraft((d) => ({ ...d, ...patch }));
  // Members are agents, who get its work, and supervisors, who get its sentiment alerts (SV8);
  // anyone else already in the queue stays listed so they can be removed.
  const candidates = agents.filter(
    (a) => a.role === 'agent' || a.role === 'supervisor' || draft.memberIds.includes(a.id),
  );

  async function save() {
    if (existing) {
      const saved = await form.save(
        (body) => call('updateQueue', { params: { id: existing.id }, body }),
        t('form.saved'),
      );
      if (saved) form.reset(withoutId(saved));
    } else {
      const saved = await form.save((body) => call('createQueue', { body }), t('form.created'));
      if (saved) navigate(`/queues/${saved.id}`, { replace: true });
    }
  }

  return (
    <EditorShell
      title={existing ? existing.name : t('queues.new')}
      description={t('queues.editorDescription')}
      backTo="/queues"
      remove={
        existing && {
          testId: 'queue-delete',
          name: existing.name,
          run: () => call('deleteQueue', { params: { id: existing.id } }),
        }
      }
      errors={errors}
    >
      <Section title={t('queues.sections.general')}>
        <FieldGrid>
          <Field label={t('common.name')} required {...fieldError(errors, 'name')}>
            <Input data-testid="queue-name" value={draft.name} onChange={(_, d) => set({ name: d.value })} />
          </Field>
          <Field label={t('queues.priority')} hint={t('queues.priorityHint')} {...fieldError(errors, 'priority')}>
            <NumberInput
              data-testid="queue-priority"
              min={0}
              max={1000}
              value={draft.priority}
              onChange={(v) => set({ priority: v ?? NaN })}
            />
          </Field>
          <Field
            label={t('queues.operatingHours')}
            hint={t('queues.operatingHoursHint')}
            {...fieldError(errors, 'operatingHoursId')}
          >
            <Select
              data-testid="queue-hours"
              value={draft.operatingHoursId ?? ''}
              onChange={(_, d) => set({ operatingHoursId: d.value === '' ? null : d.value })}
            >
              <option value="">{t('queues.alwaysOpen')}</option>
              {hours.map((h) => (
                <option key={h.id} value={h.id}>
                  {h.name}
                </option>
              ))}
            </Select>
          </Field>
        </FieldGrid>
      </Section>

      <Section title={t('queues.assignment')} description={t(`queues.methodHelp.${draft.assignment.kind}`)}>
        <AssignmentEditor
          value={draft.assignment}
          onChange={(assignment) => set({ assignment })}
          errors={errors}
          skills={skills}
        />
      </Section>

      <Section title={t('queues.overflow')} description={t('queues.overflowHelp')}>
        <OverflowEditor
          rules={draft.overflow}
          onChange={(overflow) => set({ overflow })}
          errors={errors}
          queues={queues.filter((q) => q.id !== existing?.id)}
        />
      </Section>

      <Section title={t('queues.members')} description={t('queues.membersHelp')} testId="queue-members">
        <Text className={styles.muted} data-testid="queue-members-count">
          {t('queues.memberCount', { count: draft.memberIds.length })}
        </Text>
        <div className={styles.members}>
          {candidates.map((a) => (
            <Checkbox
              key={a.id}
              data-testid="queue-member"
              data-email={a.email}
              label={`${a.name} (${a.email})${a.role === 'agent' ? '' : ` · ${t(`roles.${a.role}`)}`}`}
              checked={draft.memberIds.includes(a.id)}
              onChange={(_, d) =>
                set({ memberIds: d.checked ? [...draft.memberIds, a.id] : draft.memberIds.filter((m) => m !== a.id) })
              }
            />
          ))}
        </div>
        {candidates.length === 0 && <Text className={styles.muted}>{t('queues.noAgents')}</Text>}
        <ErrorText message={errors['memberIds']} />
      </Section>

      <SaveBar testId="queue-save" form={form} onSave={() => void save()} />
    </EditorShell>
  );
}

const METHODS: AssignmentMethod['kind'][] = ['highest-capacity', 'round-robin', 'least-active', 'custom'];

function AssignmentEditor({
  value,
  onChange,
  errors,
  skills,
}: {
  value: AssignmentMethod;
  onChange: (m: AssignmentMethod) => void;
  errors: FieldErrors;
  skills: Skill[];
}) {
  const styles = useStyles();
  const { t } = useT();
  return (
    <div className={styles.rows}>
      <Field label={t('queues.method')}>
        <Select
          className={styles.select}
          data-testid="queue-method"
          value={value.kind}
          onChange={(_, d) => {
            const kind = d.value as AssignmentMethod['kind'];
            onChange(
              kind === 'custom' ? { kind, order: [{ key: 'skill-match', direction: 'desc' }], filters: [] } : { kind },
            );
          }}
        >
          {METHODS.map((m) => (
            <option key={m} value={m}>
              {t(`queues.methods.${m}`)}
            </option>
          ))}
        </Select>
      </Field>
      {value.kind === 'custom' && (
        <>
          <Text weight="semibold">{t('queues.orderBy')}</Text>
          {value.order.map((k, i) => (
            <div key={i} className={styles.row} data-testid="queue-sort-key">
              <Badge appearance="outline">{i + 1}</Badge>
              <Select
                className={styles.select}
                data-testid="queue-sort-key-name"
                aria-label={t('queues.orderBy')}
                value={k.key}
                onChange={(_, d) =>
                  onChange({ ...value, order: replaceAt(value.order, i, { ...k, key: d.value as SortKeyName }) })
                }
              >
                {SortKey.shape.key.options.map((key) => (
                  <option key={key} value={key}>
                    {t(`queues.sortKeys.${key}`)}
                  </option>
                ))}
              </Select>
              <Select
                data-testid="queue-sort-key-direction"
                aria-label={t('queues.direction')}
                value={k.direction}
                onChange={(_, d) =>
                  onChange({
                    ...value,
                    order: replaceAt(value.order, i, { ...k, direction: d.value as 'asc' | 'desc' }),
                  })
                }
              >
                <option value="desc">{t('queues.directions.desc')}</option>
                <option value="asc">{t('queues.directions.asc')}</option>
              </Select>
              <ReorderButtons
                testId="queue-sort-key"
                index={i}
                count={value.order.length}
                onMove={(delta) => onChange({ ...value, order: move(value.order, i, delta) })}
                onDelete={() => onChange({ ...value, order: removeAt(value.order, i) })}
              />
            </div>
          ))}
          <ErrorText message={errors['assignment.order']} />
          <Button
            size="small"
            className={styles.add}
            data-testid="queue-sort-key-add"
            disabled={value.order.length >= 10}
            onClick={() =>
              onChange({ ...value, order: [...value.order, { key: 'remaining-capacity', direction: 'desc' }] })
            }
          >
            {t('queues.addSortKey')}
          </Button>

          <Text weight="semibold">{t('queues.filters')}</Text>
          <Text size={200} className={styles.muted}>
            {t('queues.filtersHint')}
          </Text>
          {value.filters.map((f, i) => (
            <div key={i} className={styles.row} data-testid="queue-filter">
              <FilterEditor
                value={f}
                skills={skills}
                onChange={(next) => onChange({ ...value, filters: replaceAt(value.filters, i, next) })}
                error={
                  errors[`assignment.filters.${i}.units`] ??
                  errors[`assignment.filters.${i}.seconds`] ??
                  errors[`assignment.filters.${i}.skillId`] ??
                  errors[`assignment.filters.${i}.minProficiency`]
                }
              />
              <RemoveButton onClick={() => onChange({ ...value, filters: removeAt(value.filters, i) })} />
            </div>
          ))}
          <Button
            size="small"
            className={styles.add}
            data-testid="queue-filter-add"
            disabled={value.filters.length >= 10}
            onClick={() =>
              onChange({ ...value, filters: [...value.filters, { kind: 'min-remaining-capacity', units: 1 }] })
            }
          >
            {t('queues.addFilter')}
          </Button>
        </>
      )}
    </div>
  );
}

function FilterEditor({
  value,
  onChange,
  skills,
  error,
}: {
  value: AgentFilter;
  onChange: (f: AgentFilter) => void;
  skills: Skill[];
  error?: string;
}) {
  const styles = useStyles();
  const { t } = useT();
  return (
    <>
      <Select
        className={styles.select}
        data-testid="queue-filter-kind"
        aria-label={t('queues.filter')}
        value={value.kind}
        onChange={(_, d) => {
          const kind = d.value as AgentFilter['kind'];
          onChange(
            kind === 'min-remaining-capacity'
              ? { kind, units: 1 }
              : kind === 'min-idle-seconds'
                ? { kind, seconds: 60 }
                : { kind, skillId: skills[0]?.id ?? '', minProficiency: 1 },
          );
        }}
      >
        {(['min-remaining-capacity', 'min-idle-seconds', 'has-skill'] as const).map((k) => (
          <option key={k} value={k}>
            {t(`queues.filterKinds.${k}`)}
          </option>
        ))}
      </Select>
      {value.kind === 'min-remaining-capacity' && (
        <NumberInput
          className={styles.small}
          aria-label={t('queues.units')}
          min={1}
          value={value.units}
          onChange={(v) => onChange({ ...value, units: v ?? NaN })}
        />
      )}
      {value.kind === 'min-idle-seconds' && (
        <NumberInput
          className={styles.small}
          aria-label={t('queues.seconds')}
          min={1}
          contentAfter={t('units.s')}
          value={value.seconds}
          onChange={(v) => onChange({ ...value, seconds: v ?? NaN })}
        />
      )}
      {value.kind === 'has-skill' && (
        <>
          <SkillLevelInput
            skills={skills}
            skillId={value.skillId}
            proficiency={value.minProficiency}
            onChange={(next) => onChange({ ...value, skillId: next.skillId, minProficiency: next.proficiency })}
            allowEmpty
            classNames={{ proficiency: styles.small }}
          />
        </>
      )}
      <ErrorText message={error} />
    </>
  );
}

function OverflowEditor({
  rules,
  onChange,
  errors,
  queues,
}: {
  rules: OverflowRule[];
  onChange: (rules: OverflowRule[]) => void;
  errors: FieldErrors;
  queues: QueueConfig[];
}) {
  const styles = useStyles();
  const { t } = useT();
  return (
    <div className={styles.rows} data-testid="queue-overflow">
      {rules.length === 0 && <Text className={styles.muted}>{t('queues.noOverflow')}</Text>}
      {rules.map((rule, i) => {
        const path = `overflow.${i}`;
        const setRule = (next: OverflowRule) => onChange(replaceAt(rules, i, next));
        return (
          <div key={i} className={styles.row} data-testid="queue-overflow-rule">
            <Text>{t('queues.when')}</Text>
            <ConditionSelect value={rule.when} onChange={(when) => setRule({ ...rule, when })} />
            {rule.when.kind === 'queue-size' && (
              <NumberInput
                className={styles.small}
                data-testid="overflow-limit"
                aria-label={t('queues.limit')}
                min={1}
                value={rule.when.limit}
                onChange={(v) => setRule({ ...rule, when: { kind: 'queue-size', limit: v ?? NaN } })}
              />
            )}
            {rule.when.kind === 'estimated-wait' && (
              <NumberInput
                className={styles.small}
                data-testid="overflow-seconds"
                aria-label={t('queues.seconds')}
                min={30}
                max={7200}
                contentAfter={t('units.s')}
                value={rule.when.seconds}
                onChange={(v) => setRule({ ...rule, when: { kind: 'estimated-wait', seconds: v ?? NaN } })}
              />
            )}
            <Text>{t('queues.then')}</Text>
            <ActionEditor value={rule.then} onChange={(then) => setRule({ ...rule, then })} queues={queues} />
            <span className={styles.grow} />
            <ReorderButtons
              testId="overflow"
              index={i}
              count={rules.length}
              onMove={(delta) => onChange(move(rules, i, delta))}
              onDelete={() => onChange(removeAt(rules, i))}
            />
            <ErrorText
              message={
                errors[`${path}.when.limit`] ??
                errors[`${path}.when.seconds`] ??
                errors[`${path}.then.queueId`] ??
                errors[`${path}.then.message`]
              }
            />
          </div>
        );
      })}
      <ErrorText message={errors['overflow']} />
      <Button
        size="small"
        className={styles.add}
        data-testid="overflow-add"
        disabled={rules.length >= 10}
        onClick={() =>
          onChange([...rules, { when: { kind: 'queue-size', limit: 20 }, then: { kind: 'assign-anyway' } }])
        }
      >
        {t('queues.addOverflow')}
      </Button>
    </div>
  );
}

function ConditionSelect({ value, onChange }: { value: OverflowCondition; onChange: (c: OverflowCondition) => void }) {
  const { t } = useT();
  return (
    <Select
      data-testid="overflow-when"
      aria-label={t('queues.when')}
      value={value.kind}
      onChange={(_, d) => {
        const kind = d.value as OverflowCondition['kind'];
        onChange(
          kind === 'queue-size' ? { kind, limit: 20 } : kind === 'estimated-wait' ? { kind, seconds: 300 } : { kind },
        );
      }}
    >
      {(['queue-size', 'estimated-wait', 'outside-hours'] as const).map((k) => (
        <option key={k} value={k}>
          {t(`queues.overflowWhen.${k}`)}
        </option>
      ))}
    </Select>
  );
}

function ActionEditor({
  value,
  onChange,
  queues,
}: {
  value: OverflowAction;
  onChange: (a: OverflowAction) => void;
  queues: QueueConfig[];
}) {
  const styles = useStyles();
  const { t } = useT();
  return (
    <>
      <Select
        data-testid="overflow-then"
        aria-label={t('queues.then')}
        value={value.kind}
        onChange={(_, d) => {
          const kind = d.value as OverflowAction['kind'];
          onChange(
            kind === 'transfer'
              ? { kind, queueId: '' }
              : kind === 'assign-anyway'
                ? { kind }
                : {
                    kind,
                    message:
                      kind === 'offer-callback' ? t('queues.defaultCallbackMessage') : t('queues.defaultEndMessage'),
                  },
          );
        }}
      >
        {(['transfer', 'message-and-end', 'offer-callback', 'assign-anyway'] as const).map((k) => (
          <option key={k} value={k}>
            {t(`queues.overflowThen.${k}`)}
          </option>
        ))}
      </Select>
      {value.kind === 'transfer' && (
        <QueueSelect
          testId="overflow-queue"
          queues={queues}
          value={value.queueId}
          onChange={(queueId) => onChange({ kind: 'transfer', queueId })}
        />
      )}
      {(value.kind === 'message-and-end' || value.kind === 'offer-callback') && (
        <Textarea
          className={styles.message}
          data-testid="overflow-message"
          aria-label={t('queues.message')}
          value={value.message}
          onChange={(_, d) => onChange({ ...value, message: d.value })}
        />
      )}
    </>
  );
}
