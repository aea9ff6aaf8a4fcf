import { Field, Input, Select, Textarea } from '@fluentui/react-components';
import { MACRO_STEP_KINDS, type MacroStep, type MacroStepKind, type QuickReply } from '@switchboard/protocol';
import { useT, type AdminKey } from '../../i18n';

type Spec = { name: string; type: 'text' | 'multiline' | 'select'; required?: boolean; options?: readonly string[] };

const RECORD = { name: 'record', type: 'select', required: true, options: ['case', 'contact', 'account'] } as const;
/** The fields of each step kind, as the protocol's MacroStep has them (packages/protocol/src/macros.ts). */
const FIELDS: Record<MacroStepKind, readonly Spec[]> = {
  createCase: [
    { name: 'title', type: 'text', required: true },
    { name: 'priority', type: 'select', options: ['', 'low', 'normal', 'high'] },
    { name: 'product', type: 'text' },
    { name: 'description', type: 'multiline' },
  ],
  openRecord: [RECORD, { name: 'ref', type: 'text', required: true }],
  linkRecord: [RECORD, { name: 'ref', type: 'text', required: true }],
  unlinkRecord: [RECORD],
  searchKnowledge: [{ name: 'phrase', type: 'text', required: true }],
  sendQuickReply: [
    { name: 'quickReplyId', type: 'select' },
    { name: 'text', type: 'multiline' },
  ],
  setField: [
    { name: 'target', type: 'select', required: true, options: ['context', 'case'] },
    { name: 'field', type: 'text', required: true },
    { name: 'value', type: 'text', required: true },
  ],
  resolveCase: [{ name: 'ref', type: 'text' }],
};

/** A fresh step of a kind: its required fields empty, selects on their first choice. */
export function blankStep(id: string, kind: MacroStepKind): MacroStep {
  const step: Record<string, string> = { id, kind };
  for (const f of FIELDS[kind]) if (f.required) step[f.name] = f.options?.[0] ?? '';
  if (kind === 'sendQuickReply') step.text = '';
  return step as unknown as MacroStep;
}

/** One macro step's kind and fields; an optional field left empty is left out. */
export function MacroStepFields(props: { step: MacroStep; set(s: MacroStep): void; replies: QuickReply[] }) {
  const { t } = useT();
  const { step } = props;
  const values = step as unknown as Record<string, string | undefined>;
  const setField = (name: string, value: string, required?: boolean) => {
    const next: Record<string, unknown> = { ...step };
    if (value === '' && !required) delete next[name];
    else next[name] = value;
    // A quick reply step sends a quick reply or a text, never both.
    if (step.kind === 'sendQuickReply' && name === 'quickReplyId') {
      if (value) delete next.text;
      else next.text = '';
    }
    props.set(next as MacroStep);
  };
  return (
    <>
      <Field label={t('macros.kind')}>
        <Select
          data-testid="macro-step-kind"
          value={step.kind}
          onChange={(_, d) => props.set(blankStep(step.id, d.value as MacroStepKind))}
        >
          {MACRO_STEP_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`macros.kinds.${k}` as AdminKey)}
            </option>
          ))}
        </Select>
      </Field>
      {FIELDS[step.kind].map((f) => {
        if (f.name === 'text' && step.kind === 'sendQuickReply' && values.quickReplyId) return null;
        const label = t(`macros.fields.${f.name}` as AdminKey);
        const value = values[f.name] ?? '';
        const testId = `macro-step-${f.name}`;
        if (f.type === 'select') {
          const options =
            f.name === 'quickReplyId'
              ? [['', t('macros.ownText')], ...props.replies.map((r) => [r.id, r.title])]
              : (f.options ?? []).map((o) => [o, o === '' ? '–' : o]);
          return (
            <Field key={f.name} label={label}>
              <Select data-testid={testId} value={value} onChange={(_, d) => setField(f.name, d.value, f.required)}>
                {options.map(([v, text]) => (
                  <option key={v} value={v}>
                    {text}
                  </option>
                ))}
              </Select>
            </Field>
          );
        }
        const Control = f.type === 'multiline' ? Textarea : Input;
        return (
          <Field key={f.name} label={label} required={f.required} hint={t('macros.placeholderHint')}>
            <Control
              data-testid={testId}
              value={value}
              onChange={(_, d: { value: string }) => setField(f.name, d.value, f.required || f.name === 'text')}
            />
          </Field>
        );
      })}
    </>
  );
}
