import { Button, Checkbox, Field, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import {
  AgentRouting,
  type AgentSummary,
  type CapacityProfile,
  type QueueConfig,
  type Skill,
} from '@switchboard/protocol';
import { useParams } from 'react-router';
import { useT } from '../../i18n';
import { useApi } from '../../api/api';
import { useList } from '../../api/queries';
import { ErrorText, NumberInput, fieldError, useForm } from '../../components/form';
import { EditorShell, SaveBar } from '../../components/editor';
import { Loading } from '../../components/page';
import { RemoveButton } from '../../components/reorder-buttons';
import { Section } from '../../components/section';
import { removeAt, replaceAt } from '../../lib/list';
import { SkillLevelInput } from '../../components/skill-level-input';

/** What the admin sets for one person: the routing without the user id (the URL has it). */
const AgentRoutingBody = AgentRouting.omit({ userId: true });
type Draft = Omit<AgentRouting, 'userId'>;

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
  checks: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))' },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  select: { minWidth: '220px' },
  small: { width: '120px' },
  add: { alignSelf: 'flex-start' },
});

/** A user's queues, skills and capacity (AD1, AD2): the routing part of their detail on the Users page. */
export function AgentRoutingPage() {
  const { t } = useT();
  const { id } = useParams();
  const agents = useList('listAgents');
  const queues = useList('listQueueConfigs');
  const skills = useList('listSkills');
  const profiles = useList('listCapacityProfiles');
  if (!agents.data || !queues.data || !skills.data || !profiles.data) {
    return <Loading error={agents.error ?? queues.error ?? skills.error ?? profiles.error} />;
  }
  const agent = agents.data.find((a) => a.id === id);
  if (!agent) return <Text>{t('common.notFound')}</Text>;
  return (
    <AgentRoutingEditor
      key={agent.id}
      agent={agent}
      queues={queues.data}
      skills={skills.data}
      profiles={profiles.data}
    />
  );
}

const toDraft = ({ routing: { userId: _userId, ...rest } }: AgentSummary): Draft => rest;

type Props = { agent: AgentSummary; queues: QueueConfig[]; skills: Skill[]; profiles: CapacityProfile[] };

export function AgentRoutingEditor({ agent, queues, skills, profiles }: Props) {
  const styles = useStyles();
  const { t } = useT();
  const call = useApi();
  const form = useForm<Draft>(AgentRoutingBody, () => toDraft(agent));
  const { draft, errors } = form;
  const set = (patch: Partial<Draft>) => form.setDraft((d) => ({ ...d, ...patch }));
  const unusedSkill = skills.find((s) => !draft.skills.some((r) => r.skillId === s.id));
  const unusedProfile = profiles.find((p) => !draft.capacityProfiles.some((r) => r.profileId === p.id));
  const setProfile = (i: number, next: Draft['capacityProfiles'][number]) =>
    set({ capacityProfiles: replaceAt(draft.capacityProfiles, i, next) });
  const toggleQueue = (id: string, on: boolean) =>
    set({ queueIds: on ? [...draft.queueIds, id] : draft.queueIds.filter((x) => x !== id) });

  async function save() {
    const send = (body: Draft) => call('updateAgentRouting', { params: { id: agent.id }, body });
    const saved = await form.save(send, t('form.saved'));
    if (saved) form.reset(toDraft(saved));
  }

  return (
    <EditorShell
      title={agent.name}
      description={`${agent.email} · ${t(`roles.${agent.role}`)}`}
      backTo="/users"
      errors={errors}
    >
      <Section title={t('agents.capacity')} description={t('agents.capacityHelp')}>
        <Field label={t('agents.capacityUnits')} {...fieldError(errors, 'capacity')}>
          <NumberInput
            className={styles.small}
            data-testid="agent-capacity"
            min={0}
            max={1000}
            value={draft.capacity}
            onChange={(v) => set({ capacity: v ?? NaN })}
          />
        </Field>
        <Text weight="semibold">{t('agents.capacityProfiles')}</Text>
        {draft.capacityProfiles.length === 0 && <Text className={styles.muted}>{t('agents.noProfiles')}</Text>}
        {draft.capacityProfiles.map((cp, i) => {
          const profile = profiles.find((p) => p.id === cp.profileId);
          const error = errors[`capacityProfiles.${i}.customLimit`] ?? errors[`capacityProfiles.${i}.profileId`];
          return (
            <div key={i} className={styles.row} data-testid="agent-profile-row">
              <Select
                className={styles.select}
                data-testid="agent-profile"
                aria-label={t('agents.capacityProfiles')}
                value={cp.profileId}
                onChange={(_, d) => setProfile(i, { ...cp, profileId: d.value })}
              >
                {profiles.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </Select>
              <NumberInput
                className={styles.small}
                data-testid="agent-profile-limit"
                aria-label={t('agents.customLimit')}
                placeholder={profile ? t('agents.defaultLimit', { limit: profile.defaultLimit }) : ''}
                min={0}
                max={1000}
                value={cp.customLimit}
                onChange={(v) => setProfile(i, { ...cp, customLimit: v ?? null })}
              />
              <RemoveButton onClick={() => set({ capacityProfiles: removeAt(draft.capacityProfiles, i) })} />
              <ErrorText message={error} />
            </div>
          );
        })}
        <Text size={200} className={styles.muted}>
          {t('agents.customLimitHint')}
        </Text>
        <Button
          size="small"
          className={styles.add}
          data-testid="agent-profile-add"
          disabled={!unusedProfile}
          onClick={() =>
            unusedProfile &&
            set({ capacityProfiles: [...draft.capacityProfiles, { profileId: unusedProfile.id, customLimit: null }] })
          }
        >
          {t('agents.addProfile')}
        </Button>
      </Section>

      <Section title={t('agents.skills')} description={t('agents.skillsHelp')} testId="agent-skills">
        {draft.skills.length === 0 && <Text className={styles.muted}>{t('agents.noSkills')}</Text>}
        {draft.skills.map((req, i) => (
          <div key={i} className={styles.row} data-testid="agent-skill-row">
            <SkillLevelInput
              skills={skills}
              skillId={req.skillId}
              proficiency={req.proficiency}
              onChange={(next) => set({ skills: replaceAt(draft.skills, i, next) })}
              testIds={{ skill: 'agent-skill', proficiency: 'agent-skill-proficiency' }}
              classNames={{ skill: styles.select, proficiency: styles.small }}
            />
            <RemoveButton onClick={() => set({ skills: removeAt(draft.skills, i) })} />
            <ErrorText message={errors[`skills.${i}.proficiency`] ?? errors[`skills.${i}.skillId`]} />
          </div>
        ))}
        {skills.length === 0 && <Text className={styles.muted}>{t('agents.createSkillsFirst')}</Text>}
        <Button
          size="small"
          className={styles.add}
          data-testid="agent-skill-add"
          disabled={!unusedSkill}
          onClick={() => unusedSkill && set({ skills: [...draft.skills, { skillId: unusedSkill.id, proficiency: 5 }] })}
        >
          {t('agents.addSkill')}
        </Button>
      </Section>

      <Section title={t('agents.queues')} description={t('agents.queuesHelp')} testId="agent-queues">
        <div className={styles.checks}>
          {queues.map((q) => (
            <Checkbox
              key={q.id}
              data-testid="agent-queue"
              label={q.name}
              checked={draft.queueIds.includes(q.id)}
              onChange={(_, d) => toggleQueue(q.id, d.checked === true)}
            />
          ))}
        </div>
        <ErrorText message={errors['queueIds']} />
      </Section>

      <SaveBar testId="agent-save" form={form} onSave={() => void save()} />
    </EditorShell>
  );
}
