import { Button, Checkbox, Field, Input, Select, Text, makeStyles, tokens } from '@fluentui/react-components';
import { IdentityField, QuestionKind, type PrechatQuestion, type PrechatSurvey } from '@switchboard/protocol';
import { useT, type AdminKey } from '../../i18n';
import { ErrorText, fieldError } from '../../components/form';
import { FieldGrid } from '../../components/section';
import type { SettingsForm } from './widget-settings-editor';

const MAX_QUESTIONS = 10;
const useStyles = makeStyles({
  question: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingVerticalS,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'end', flexWrap: 'wrap' },
});

/** A fresh id no other question has: q1, q2, ... */
function nextId(questions: readonly PrechatQuestion[]): string {
  for (let n = 1; ; n++) if (!questions.some((q) => q.id === `q${n}`)) return `q${n}`;
}

/** Up to ten pre-chat questions, and which answers identify the customer (CH1, CH5). */
export function PrechatSection({ form }: { form: SettingsForm }) {
  const { t } = useT();
  const styles = useStyles();
  const { draft, errors } = form;
  const survey = draft.prechat;
  const setSurvey = (next: (p: PrechatSurvey) => PrechatSurvey) =>
    form.setDraft((s) => ({ ...s, prechat: next(s.prechat) }));
  const setQuestion = (i: number, patch: Partial<PrechatQuestion>) =>
    setSurvey((p) => ({ ...p, questions: p.questions.map((q, k) => (k === i ? { ...q, ...patch } : q)) }));
  const add = () =>
    setSurvey((p) => {
      const id = nextId(p.questions);
      const question: PrechatQuestion = {
        id,
        kind: 'single-line',
        required: false,
        label: { en: '', nl: '', fr: '' },
        variable: id,
        options: [],
      };
      return { ...p, questions: [...p.questions, question] };
    });
  const remove = (id: string) =>
    setSurvey((p) => ({
      questions: p.questions.filter((q) => q.id !== id),
      identification: p.identification.filter((r) => r.answer !== id),
    }));
  const answerOf = (field: IdentityField) => survey.identification.find((r) => r.field === field)?.answer ?? '';
  const identifyBy = (field: IdentityField, answer: string) =>
    setSurvey((p) => ({
      ...p,
      identification: [...p.identification.filter((r) => r.field !== field), ...(answer ? [{ field, answer }] : [])],
    }));
  const at = (i: number, rest: string) => `prechat.questions.${i}.${rest}`;
  return (
    <>
      <Text weight="semibold">{t('widgetSettings.prechat')}</Text>
      <Text size={200}>{t('widgetSettings.prechatHint')}</Text>
      {survey.questions.map((q, i) => (
        <div key={q.id} className={styles.question} data-testid="widget-question" data-id={q.id}>
          <div className={styles.row}>
            <Field label={t('widgetSettings.kind')}>
              <Select
                data-testid="widget-question-kind"
                value={q.kind}
                onChange={(_, d) =>
                  setQuestion(i, {
                    kind: d.value as QuestionKind,
                    ...(d.value === 'consent' ? { required: true } : {}),
                  })
                }
              >
                {QuestionKind.options.map((k) => (
                  <option key={k} value={k}>
                    {t(`widgetSettings.kinds.${k}` as AdminKey)}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t('widgetSettings.variable')} {...fieldError(errors, at(i, 'variable'))}>
              <Input
                data-testid="widget-question-variable"
                value={q.variable}
                onChange={(_, d) => setQuestion(i, { variable: d.value })}
              />
            </Field>
            <Checkbox
              data-testid="widget-question-required"
              label={t('widgetSettings.required')}
              checked={q.required}
              onChange={(_, d) => setQuestion(i, { required: d.checked === true })}
            />
            <Button data-testid="widget-question-remove" onClick={() => remove(q.id)}>
              {t('widgetSettings.removeQuestion')}
            </Button>
          </div>
          <FieldGrid>
            {(['en', 'nl', 'fr'] as const).map((l) => (
              <Field
                key={l}
                label={`${t('widgetSettings.label')} (${l.toUpperCase()})`}
                {...fieldError(errors, at(i, `label.${l}`))}
              >
                <Input
                  data-testid={`widget-question-label-${l}`}
                  value={q.label[l]}
                  onChange={(_, d) => setQuestion(i, { label: { ...q.label, [l]: d.value } })}
                />
              </Field>
            ))}
          </FieldGrid>
          {q.kind === 'option-set' && (
            <Field
              label={t('widgetSettings.options')}
              hint={t('widgetSettings.optionsHint')}
              {...fieldError(errors, at(i, 'options'))}
            >
              <Input
                data-testid="widget-question-options"
                value={q.options.join(';')}
                onChange={(_, d) =>
                  setQuestion(i, {
                    options: d.value
                      .split(';')
                      .map((o) => o.trim())
                      .filter(Boolean),
                  })
                }
              />
            </Field>
          )}
          <ErrorText message={errors[at(i, 'required')] ?? errors[at(i, 'id')]} />
        </div>
      ))}
      <ErrorText message={errors['prechat.questions']} />
      <Button data-testid="widget-question-add" disabled={survey.questions.length >= MAX_QUESTIONS} onClick={add}>
        {t('widgetSettings.addQuestion')}
      </Button>
      <Text weight="semibold">{t('widgetSettings.identification')}</Text>
      <Text size={200}>{t('widgetSettings.identificationHint')}</Text>
      <FieldGrid>
        {IdentityField.options.map((field) => (
          <Field key={field} label={t(`widgetSettings.fields.${field}` as AdminKey)}>
            <Select
              data-testid={`widget-identify-${field}`}
              value={answerOf(field)}
              onChange={(_, d) => identifyBy(field, d.value)}
            >
              <option value="">{t('widgetSettings.notUsed')}</option>
              <option value="name">{t('widgetSettings.builtInName')}</option>
              <option value="email">{t('widgetSettings.builtInEmail')}</option>
              {survey.questions
                .filter((q) => q.kind !== 'consent')
                .map((q) => (
                  <option key={q.id} value={q.id}>
                    {q.label.en || q.id}
                  </option>
                ))}
            </Select>
          </Field>
        ))}
      </FieldGrid>
      <ErrorText message={Object.entries(errors).find(([k]) => k.startsWith('prechat.identification'))?.[1]} />
    </>
  );
}
