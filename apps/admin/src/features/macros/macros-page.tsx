import { Field, Input } from '@fluentui/react-components';
import { NewMacro, type Macro } from '@switchboard/protocol';
import { useApi } from '../../api/api';
import { useList } from '../../api/queries';
import { CrudPage } from '../../components/crud-page';
import { ErrorText, fieldError } from '../../components/form';
import { useT } from '../../i18n';
import { MacroStepFields, blankStep } from './macro-step-fields';
import { StepList, nextStepId } from './step-list';

/** Macros (AG8): named steps agents run in a conversation, with placeholders such as {customer.name}. */
export function MacrosPage() {
  const { t } = useT();
  const call = useApi();
  const macros = useList('listMacros');
  const replies = useList('listQuickReplies').data?.filter((q) => q.scope === 'organisation') ?? [];
  return (
    <CrudPage<Macro, NewMacro>
      testId="macro"
      title={t('macros.title')}
      description={t('macros.description')}
      newLabel={t('macros.new')}
      emptyText={t('macros.empty')}
      items={macros.data}
      error={macros.error}
      columns={[
        { header: t('common.name'), cell: (m) => m.name },
        { header: t('macros.steps'), cell: (m) => m.steps.map((s) => t(`macros.kinds.${s.kind}`)).join(' → ') },
      ]}
      rowData={(m) => ({ 'data-id': m.id, 'data-name': m.name })}
      schema={NewMacro}
      blank={() => ({ name: '', steps: [blankStep('s1', 'createCase')] })}
      toDraft={({ name, steps }) => ({ name, steps })}
      renderForm={(draft, setDraft, errors) => (
        <>
          <Field label={t('common.name')} required {...fieldError(errors, 'name')}>
            <Input
              data-testid="macro-name"
              value={draft.name}
              onChange={(_, d) => setDraft((m) => ({ ...m, name: d.value }))}
            />
          </Field>
          <StepList
            testId="macro"
            steps={draft.steps}
            onChange={(steps) => setDraft((m) => ({ ...m, steps }))}
            add={() => blankStep(nextStepId(draft.steps), 'searchKnowledge')}
            render={(step, set) => <MacroStepFields step={step} set={set} replies={replies} />}
          />
          <ErrorText message={errors.steps} />
        </>
      )}
      create={(body) => call('createMacro', { body })}
      update={(id, body) => call('updateMacro', { params: { id }, body })}
      remove={(id) => call('deleteMacro', { params: { id } })}
    />
  );
}
