import { Button, Card, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useT } from '../../i18n';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, justifyContent: 'flex-end' },
});

/** The next free step id (s1, s2, ...): ids name steps in results and progress, so they never change. */
export function nextStepId(steps: readonly { id: string }[]): string {
  const used = new Set(steps.map((s) => s.id));
  for (let n = steps.length + 1; ; n += 1) if (!used.has(`s${n}`)) return `s${n}`;
}

/** An ordered list of steps with up, down and remove, and an add button (AG7, AG8 editors). */
export function StepList<S extends { id: string }>(props: {
  testId: string;
  steps: S[];
  onChange(steps: S[]): void;
  add(): S;
  render(step: S, set: (s: S) => void, index: number): ReactNode;
}) {
  const styles = useStyles();
  const { t } = useT();
  const { steps, onChange } = props;
  const move = (i: number, by: number) => {
    const next = [...steps];
    const [s] = next.splice(i, 1);
    next.splice(i + by, 0, s!);
    onChange(next);
  };
  return (
    <div className={styles.list}>
      {steps.map((step, i) => (
        <Card key={step.id} className={styles.card} data-testid={`${props.testId}-step`} data-step-id={step.id}>
          {props.render(step, (s) => onChange(steps.map((x, j) => (j === i ? s : x))), i)}
          <div className={styles.actions}>
            <Button size="small" disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('steps.up')}>
              ↑
            </Button>
            <Button
              size="small"
              disabled={i === steps.length - 1}
              onClick={() => move(i, 1)}
              aria-label={t('steps.down')}
            >
              ↓
            </Button>
            <Button size="small" onClick={() => onChange(steps.filter((_, j) => j !== i))}>
              {t('steps.remove')}
            </Button>
          </div>
        </Card>
      ))}
      <Button data-testid={`${props.testId}-add-step`} onClick={() => onChange([...steps, props.add()])}>
        {t('steps.add')}
      </Button>
    </div>
  );
}
