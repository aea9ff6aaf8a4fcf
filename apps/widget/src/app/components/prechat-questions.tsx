import type { PrechatAnswerMap, PrechatQuestion, WidgetLanguage } from '@switchboard/protocol';

type Props = {
  questions: readonly PrechatQuestion[];
  language: string;
  answers: PrechatAnswerMap;
  onChange(id: string, value: string | boolean): void;
};

/** CH1: the widget's own pre-chat questions, after name, email and question; the server checks them too. */
export function PrechatQuestions({ questions, language, answers, onChange }: Props) {
  const lang = (['en', 'nl', 'fr'].includes(language) ? language : 'en') as WidgetLanguage;
  return (
    <>
      {questions.map((q) => {
        const label = `${q.label[lang] || q.label.en}${q.required ? ' *' : ''}`;
        const value = answers[q.id];
        const text = typeof value === 'string' ? value : '';
        const common = { name: q.id, 'data-testid': `prechat-q-${q.id}`, 'aria-required': q.required };
        if (q.kind === 'consent')
          return (
            <label key={q.id} className="field-check">
              <input
                type="checkbox"
                {...common}
                checked={value === true}
                onChange={(e) => onChange(q.id, e.target.checked)}
              />
              <span>{label}</span>
            </label>
          );
        return (
          <label key={q.id} className="field">
            <span>{label}</span>
            {q.kind === 'multi-line' ? (
              <textarea {...common} rows={3} value={text} onChange={(e) => onChange(q.id, e.target.value)} />
            ) : q.kind === 'option-set' ? (
              <select {...common} value={text} onChange={(e) => onChange(q.id, e.target.value)}>
                <option value="" />
                {q.options.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            ) : (
              <input {...common} value={text} onChange={(e) => onChange(q.id, e.target.value)} />
            )}
          </label>
        );
      })}
    </>
  );
}
