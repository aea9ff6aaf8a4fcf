import { Select } from '@fluentui/react-components';
import type { Skill } from '@switchboard/protocol';
import { useT } from '../i18n';
import { NumberInput } from './form';

type Props = {
  skills: readonly Skill[];
  skillId: string;
  proficiency: number;
  onChange: (next: { skillId: string; proficiency: number }) => void;
  /** Offer an empty "choose a skill" entry (when nothing is chosen yet). */
  allowEmpty?: boolean;
  testIds?: { skill: string; proficiency: string };
  classNames?: { skill?: string; proficiency?: string };
};

/** A skill and its proficiency (1-10): agents' skills, rule outputs and queue filters all use it. */
export function SkillLevelInput({ skills, skillId, proficiency, onChange, allowEmpty, testIds, classNames }: Props) {
  const { t } = useT();
  return (
    <>
      <Select
        className={classNames?.skill}
        data-testid={testIds?.skill}
        aria-label={t('rules.skill')}
        value={skillId}
        onChange={(_, d) => onChange({ skillId: d.value, proficiency })}
      >
        {allowEmpty && <option value="">{t('rules.chooseSkill')}</option>}
        {skills.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </Select>
      <NumberInput
        className={classNames?.proficiency}
        data-testid={testIds?.proficiency}
        aria-label={t('rules.proficiency')}
        min={1}
        max={10}
        value={proficiency}
        onChange={(v) => onChange({ skillId, proficiency: v ?? NaN })}
      />
    </>
  );
}
