import { Field, Input } from '@fluentui/react-components';
import { NewSkill, type Skill } from '@switchboard/protocol';
import { useT } from '../../i18n';
import { useApi } from '../../api/api';
import { useList } from '../../api/queries';
import { CrudPage } from '../../components/crud-page';
import { fieldError } from '../../components/form';

type Draft = Omit<Skill, 'id'>;

export function SkillsPage() {
  const { t } = useT();
  const call = useApi();
  const skills = useList('listSkills');
  return (
    <CrudPage<Skill, Draft>
      testId="skill"
      title={t('skills.title')}
      description={t('skills.description')}
      newLabel={t('skills.new')}
      emptyText={t('skills.empty')}
      items={skills.data}
      error={skills.error}
      columns={[
        { header: t('common.name'), cell: (s) => s.name },
        { header: t('skills.type'), cell: (s) => s.type },
      ]}
      schema={NewSkill}
      blank={() => ({ name: '', type: 'General' })}
      toDraft={({ name, type }) => ({ name, type })}
      renderForm={(draft, setDraft, errors) => (
        <>
          <Field label={t('common.name')} required {...fieldError(errors, 'name')}>
            <Input data-testid="skill-name" value={draft.name} onChange={(_, d) => setDraft((s) => ({ ...s, name: d.value }))} />
          </Field>
          <Field label={t('skills.type')} hint={t('skills.typeHint')} {...fieldError(errors, 'type')}>
            <Input data-testid="skill-type" value={draft.type} onChange={(_, d) => setDraft((s) => ({ ...s, type: d.value }))} />
          </Field>
        </>
      )}
      create={(body) => call('createSkill', { body })}
      update={(id, body) => call('updateSkill', { params: { id }, body })}
      remove={(id) => call('deleteSkill', { params: { id } })}
    />
  );
}
