import { Button, Card, Field, Input, Select, Text } from '@fluentui/react-components';
import { LIMITS, Severity, type CapacityProfile, type ClassificationOutputs, type ClassificationRule, type Ruleset, type Skill } from '@switchboard/protocol';
import { useT } from '../../i18n';
import { ErrorText, NumberInput, fieldError } from '../../components/form';
import { RemoveButton, ReorderButtons } from '../../components/reorder-buttons';
import type { FieldErrors } from '../../lib/issues';
import { move, removeAt, replaceAt } from '../../lib/list';
import { ConditionBuilder } from './condition-builder';
import { useRuleStyles } from './route-rules-editor';
import { SkillLevelInput } from '../../components/skill-level-input';

type Props = {
  rulesets: Ruleset[];
  onChange: (rulesets: Ruleset[]) => void;
  skills: Skill[];
  profiles: CapacityProfile[];
  errors: FieldErrors;
};

const newRule = (): ClassificationRule => ({ name: '', when: { kind: 'always' }, set: {} });

/** Classification rulesets run in order; in each, the first matching rule sets its outputs (RT2). */
export function ClassificationEditor({ rulesets, onChange, skills, profiles, errors }: Props) {
  const styles = useRuleStyles();
  const { t } = useT();
  return (
    <div className={styles.list} data-testid="rulesets">
      {rulesets.length === 0 && <Text className={styles.muted}>{t('rules.noRulesets')}</Text>}
      {rulesets.map((ruleset, i) => {
        const path = `classification.${i}`;
        const setRules = (rules: ClassificationRule[]) => onChange(replaceAt(rulesets, i, { ...ruleset, rules }));
        return (
          <Card key={i} className={styles.card} data-testid="ruleset" data-index={i}>
            <div className={styles.head}>
              <Text className={styles.number}>{i + 1}.</Text>
              <Field className={styles.name} label={t('rules.rulesetName')} required {...fieldError(errors, `${path}.name`)}>
                <Input data-testid="ruleset-name" value={ruleset.name} onChange={(_, d) => onChange(replaceAt(rulesets, i, { ...ruleset, name: d.value }))} />
              </Field>
              <span className={styles.grow} />
              <ReorderButtons
                testId="ruleset"
                index={i}
                count={rulesets.length}
                onMove={(delta) => onChange(move(rulesets, i, delta))}
                onDelete={() => onChange(removeAt(rulesets, i))}
              />
            </div>
            {ruleset.rules.length === 0 && <Text className={styles.muted}>{t('rules.noRules')}</Text>}
            {ruleset.rules.map((rule, j) => (
              <ClassificationRuleCard
                key={j}
                rule={rule}
                index={j}
                count={ruleset.rules.length}
                path={`${path}.rules.${j}`}
                skills={skills}
                profiles={profiles}
                errors={errors}
                onChange={(next) => setRules(replaceAt(ruleset.rules, j, next))}
                onMove={(delta) => setRules(move(ruleset.rules, j, delta))}
                onDelete={() => setRules(removeAt(ruleset.rules, j))}
              />
            ))}
            <Button
              className={styles.add}
              data-testid="class-rule-add"
              disabled={ruleset.rules.length >= LIMITS.rulesPerRuleset}
              onClick={() => setRules([...ruleset.rules, newRule()])}
            >
              {t('rules.addRule')}
            </Button>
          </Card>
        );
      })}
      <Button
        className={styles.add}
        data-testid="ruleset-add"
        disabled={rulesets.length >= LIMITS.rulesetsPerWorkstream}
        onClick={() => onChange([...rulesets, { name: '', rules: [newRule()] }])}
      >
        {t('rules.addRuleset')}
      </Button>
    </div>
  );
}

/** Removes an output key instead of leaving it undefined: "at least one output" counts keys. */
function withOutput<K extends keyof ClassificationOutputs>(set: ClassificationOutputs, key: K, value: ClassificationOutputs[K] | undefined): ClassificationOutputs {
  const next = { ...set };
  if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[key];
  else next[key] = value;
  return next;
}

function ClassificationRuleCard({
  rule,
  index,
  count,
  path,
  skills,
  profiles,
  errors,
  onChange,
  onMove,
  onDelete,
}: {
  rule: ClassificationRule;
  index: number;
  count: number;
  path: string;
  skills: Skill[];
  profiles: CapacityProfile[];
  errors: FieldErrors;
  onChange: (rule: ClassificationRule) => void;
  onMove: (delta: -1 | 1) => void;
  onDelete: () => void;
}) {
  const styles = useRuleStyles();
  const { t } = useT();
  const set = rule.set;
  const setOutput = <K extends keyof ClassificationOutputs>(key: K, value: ClassificationOutputs[K] | undefined) =>
    onChange({ ...rule, set: withOutput(set, key, value) });
  const ruleSkills = set.skills ?? [];

  return (
    <Card appearance="outline" className={styles.card} data-testid="class-rule" data-index={index}>
      <div className={styles.head}>
        <Text className={styles.number}>{index + 1}.</Text>
        <Field className={styles.name} label={t('rules.ruleName')} required {...fieldError(errors, `${path}.name`)}>
          <Input data-testid="class-rule-name" value={rule.name} onChange={(_, d) => onChange({ ...rule, name: d.value })} />
        </Field>
        <span className={styles.grow} />
        <ReorderButtons testId="class-rule" index={index} count={count} onMove={onMove} onDelete={onDelete} />
      </div>
      <div className={styles.section}>
        <Text className={styles.label}>{t('rules.when')}</Text>
        <ConditionBuilder value={rule.when} onChange={(when) => onChange({ ...rule, when })} path={`${path}.when`} errors={errors} />
      </div>
      <div className={styles.section}>
        <Text className={styles.label}>{t('rules.then')}</Text>
        <Text size={200} className={styles.muted}>
          {t('rules.outputsHint')}
        </Text>
        {ruleSkills.map((req, k) => (
          <div key={k} className={styles.split} data-testid="class-rule-skill-row">
            <SkillLevelInput
              skills={skills}
              skillId={req.skillId}
              proficiency={req.proficiency}
              onChange={(next) => setOutput('skills', replaceAt(ruleSkills, k, next))}
              allowEmpty
              testIds={{ skill: 'class-rule-skill', proficiency: 'class-rule-proficiency' }}
              classNames={{ skill: styles.queue, proficiency: styles.percent }}
            />
            <RemoveButton onClick={() => setOutput('skills', removeAt(ruleSkills, k))} />
            <ErrorText message={errors[`${path}.set.skills.${k}.skillId`] ?? errors[`${path}.set.skills.${k}.proficiency`]} />
          </div>
        ))}
        <Button
          size="small"
          className={styles.add}
          data-testid="class-rule-skill-add"
          onClick={() => setOutput('skills', [...ruleSkills, { skillId: skills[0]?.id ?? '', proficiency: 1 }])}
        >
          {t('rules.addSkill')}
        </Button>
        <div className={styles.split}>
          <Field label={t('rules.priority')} hint={t('rules.priorityHint')} {...fieldError(errors, `${path}.set.priority`)}>
            <NumberInput data-testid="class-rule-priority" min={0} max={1000} value={set.priority} onChange={(v) => setOutput('priority', v)} />
          </Field>
          <Field label={t('rules.severity')} {...fieldError(errors, `${path}.set.severity`)}>
            <Select
              data-testid="class-rule-severity"
              value={set.severity ?? ''}
              onChange={(_, d) => setOutput('severity', d.value === '' ? undefined : (d.value as Severity))}
            >
              <option value="">{t('rules.notSet')}</option>
              {Severity.options.map((s) => (
                <option key={s} value={s}>
                  {t(`rules.severities.${s}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('rules.capacityProfile')} {...fieldError(errors, `${path}.set.capacityProfileId`)}>
            <Select
              data-testid="class-rule-profile"
              value={set.capacityProfileId ?? ''}
              onChange={(_, d) => setOutput('capacityProfileId', d.value === '' ? undefined : d.value)}
            >
              <option value="">{t('rules.notSet')}</option>
              {profiles.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <ErrorText message={errors[`${path}.set`]} />
      </div>
    </Card>
  );
}
