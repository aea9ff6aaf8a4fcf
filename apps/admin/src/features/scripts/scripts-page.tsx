import { Field, Input, Select, SpinButton, Textarea } from '@fluentui/react-components';
import { NewScript, type Script, type ScriptStep } from '@switchboard/protocol';
import { useApi } from '../../api/api';
import { useList } from '../../api/queries';
import { CrudPage } from '../../components/crud-page';
import { ErrorText, fieldError } from '../../components/form';
import { useT } from '../../i18n';
import type { Issue, Schema } from '../../lib/issues';
import { StepList, nextStepId } from '../macros/step-list';

/** The editor's draft: the rule as JSON text (a routing condition, as in the workstream rules). */
type Draft = Omit<NewScript, 'rule'> & { ruleText: string };

/** The rule's text read as JSON, then the whole script checked by the protocol's NewScript. */
const DraftSchema: Schema<NewScript> = {
  safeParse(data: unknown) {
    const { ruleText, ...rest } = data as Draft;
    let rule: unknown = null;
    if (ruleText.trim()) {
      try {
        rule = JSON.parse(ruleText);
      } catch {
        return {
          success: false as const,
          error: { issues: [{ code: 'custom', path: ['ruleText'], message: 'the rule is not JSON' }] },
        };
      }
    }
    const parsed = NewScript.safeParse({ ...rest, rule });
    if (parsed.success) return { success: true as const, data: parsed.data };
    return { success: false as const, error: { issues: parsed.error.issues as Issue[] } };
  },
};

const blankStep = (id: string): ScriptStep => ({ id, kind: 'text', text: '' });

/**
 * Agent scripts (AG7): steps agents follow beside a conversation. A workstream's default, or a rule
 * on the conversation's context (tried lowest order first); a sub-script step opens another script.
 */
export function ScriptsPage() {
  const { t } = useT();
  const call = useApi();
  const scripts = useList('listScripts');
  const macros = useList('listMacros').data ?? [];
  const workstreams = useList('listWorkstreams').data ?? [];
  const wsName = (id: string | null) => workstreams.find((w) => w.id === id)?.name ?? t('scripts.anyWorkstream');
  return (
    <CrudPage<Script, Draft>
      testId="script"
      title={t('scripts.title')}
      description={t('scripts.description')}
      newLabel={t('scripts.new')}
      emptyText={t('scripts.empty')}
      items={scripts.data}
      error={scripts.error}
      columns={[
        { header: t('common.name'), cell: (s) => s.name },
        { header: t('scripts.workstream'), cell: (s) => wsName(s.workstreamId) },
        {
          header: t('scripts.chosen'),
          cell: (s) => (s.rule ? t('scripts.byRule', { order: s.order }) : t('scripts.default')),
        },
      ]}
      rowData={(s) => ({ 'data-id': s.id, 'data-name': s.name })}
      schema={DraftSchema as unknown as Schema<Draft>}
      blank={() => ({ name: '', steps: [blankStep('s1')], workstreamId: null, ruleText: '', order: 0 })}
      toDraft={({ name, steps, workstreamId, rule, order }) => ({
        name,
        steps,
        workstreamId,
        order,
        ruleText: rule ? JSON.stringify(rule, null, 2) : '',
      })}
      renderForm={(draft, setDraft, errors, item) => (
        <>
          <Field label={t('common.name')} required {...fieldError(errors, 'name')}>
            <Input
              data-testid="script-name"
              value={draft.name}
              onChange={(_, d) => setDraft((s) => ({ ...s, name: d.value }))}
            />
          </Field>
          <Field label={t('scripts.workstream')} hint={t('scripts.workstreamHint')}>
            <Select
              data-testid="script-workstream"
              value={draft.workstreamId ?? ''}
              onChange={(_, d) => setDraft((s) => ({ ...s, workstreamId: d.value || null }))}
            >
              <option value="">{t('scripts.anyWorkstream')}</option>
              {workstreams.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('scripts.rule')} hint={t('scripts.ruleHint')} {...fieldError(errors, 'ruleText')}>
            <Textarea
              data-testid="script-rule"
              value={draft.ruleText}
              onChange={(_, d) => setDraft((s) => ({ ...s, ruleText: d.value }))}
            />
          </Field>
          <Field label={t('scripts.order')} hint={t('scripts.orderHint')}>
            <SpinButton
              data-testid="script-order"
              min={0}
              max={10000}
              value={draft.order}
              onChange={(_, d) => setDraft((s) => ({ ...s, order: d.value ?? (Number(d.displayValue) || 0) }))}
            />
          </Field>
          <StepList
            testId="script"
            steps={draft.steps}
            onChange={(steps) => setDraft((s) => ({ ...s, steps }))}
            add={() => blankStep(nextStepId(draft.steps))}
            render={(step, set) => (
              <ScriptStepFields
                step={step}
                set={set}
                macros={macros}
                scripts={(scripts.data ?? []).filter((s) => s.id !== item?.id)}
              />
            )}
          />
          <ErrorText message={errors.steps} />
        </>
      )}
      create={(body) => call('createScript', { body: body as unknown as NewScript })}
      update={(id, body) => call('updateScript', { params: { id }, body: body as unknown as NewScript })}
      remove={(id) => call('deleteScript', { params: { id } })}
    />
  );
}

function ScriptStepFields(props: {
  step: ScriptStep;
  set(s: ScriptStep): void;
  macros: { id: string; name: string }[];
  scripts: { id: string; name: string }[];
}) {
  const { t } = useT();
  const { step, set } = props;
  const kinds = { text: t('scripts.kinds.text'), macro: t('scripts.kinds.macro'), script: t('scripts.kinds.script') };
  const reset = (kind: ScriptStep['kind']): ScriptStep =>
    kind === 'text'
      ? { id: step.id, kind, text: '' }
      : kind === 'macro'
        ? { id: step.id, kind, macroId: props.macros[0]?.id ?? '' }
        : { id: step.id, kind, scriptId: props.scripts[0]?.id ?? '' };
  return (
    <>
      <Field label={t('macros.kind')}>
        <Select
          data-testid="script-step-kind"
          value={step.kind}
          onChange={(_, d) => set(reset(d.value as ScriptStep['kind']))}
        >
          {Object.entries(kinds).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </Select>
      </Field>
      {step.kind === 'text' && (
        <Field label={t('scripts.kinds.text')} required>
          <Textarea
            data-testid="script-step-text"
            value={step.text}
            onChange={(_, d) => set({ ...step, text: d.value })}
          />
        </Field>
      )}
      {step.kind === 'macro' && (
        <Field label={t('scripts.kinds.macro')}>
          <Select
            data-testid="script-step-macro"
            value={step.macroId}
            onChange={(_, d) => set({ ...step, macroId: d.value })}
          >
            {props.macros.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
      {step.kind === 'script' && (
        <Field label={t('scripts.kinds.script')}>
          <Select
            data-testid="script-step-script"
            value={step.scriptId}
            onChange={(_, d) => set({ ...step, scriptId: d.value })}
          >
            {props.scripts.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </>
  );
}
