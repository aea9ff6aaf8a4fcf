import { Button, Caption1, Checkbox, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ConversationScript, Script } from '@switchboard/protocol';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MacroResult } from './macro-result';
import type { useMacroRunner } from './use-macro-runner';

const useStyles = makeStyles({
  list: {
    margin: 0,
    padding: 0,
    listStyle: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  done: { color: tokens.colorPaletteGreenForeground1 },
  sub: {
    marginLeft: tokens.spacingHorizontalL,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `2px solid ${tokens.colorNeutralStroke2}`,
  },
});

type Props = {
  script: Script;
  view: ConversationScript;
  active: boolean;
  onMark(scriptId: string, stepId: string, done: boolean): void;
  runner: ReturnType<typeof useMacroRunner>;
  /** Scripts open above this one: a sub-script never expands inside itself (saves refuse loops anyway). */
  path?: readonly string[];
};

/**
 * One script's steps (AG7): a text step the agent ticks, a macro step with its button (done when the
 * run succeeds) and its last result, a sub-script that expands in place with its own progress.
 */
export function ScriptSteps({ script, view, active, onMark, runner, path = [] }: Props) {
  const styles = useStyles();
  const { t } = useTranslation();
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const done = new Set(view.done[script.id] ?? []);
  return (
    <ol className={styles.list} data-testid="script-steps" data-script-id={script.id}>
      {script.steps.map((step) => {
        const isDone = done.has(step.id);
        const key = `${script.id}:${step.id}`;
        return (
          <li
            key={step.id}
            className={styles.step}
            data-testid="script-step"
            data-step-id={step.id}
            data-done={String(isDone)}
          >
            {step.kind === 'text' && (
              <Checkbox
                data-testid="script-step-check"
                checked={isDone}
                disabled={!active}
                aria-label={t('script.markDone', { step: step.text })}
                label={step.text}
                onChange={(_, d) => onMark(script.id, step.id, d.checked === true)}
              />
            )}
            {step.kind === 'macro' && (
              <MacroStep
                label={step.label || view.macros.find((m) => m.id === step.macroId)?.name || step.macroId}
                isDone={isDone}
                running={runner.running === key}
                disabled={!active || runner.running !== null}
                onRun={(name) =>
                  runner.start(key, { id: step.macroId, name }, { scriptId: script.id, stepId: step.id })
                }
              />
            )}
            {step.kind === 'script' && (
              <SubScript
                {...{ view, active, onMark, runner }}
                scriptId={step.scriptId}
                label={step.label}
                path={[...path, script.id]}
                isOpen={open[step.id] ?? false}
                toggle={() => setOpen((o) => ({ ...o, [step.id]: !o[step.id] }))}
              />
            )}
            {runner.results[key] && <MacroResult {...runner.results[key]} />}
          </li>
        );
      })}
    </ol>
  );
}

function MacroStep(p: {
  label: string;
  isDone: boolean;
  running: boolean;
  disabled: boolean;
  onRun(name: string): void;
}) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.row}>
      <Button size="small" data-testid="script-run-macro" disabled={p.disabled} onClick={() => p.onRun(p.label)}>
        {p.running ? t('script.running') : t('script.runMacro', { name: p.label })}
      </Button>
      {p.isDone && <Caption1 className={styles.done}>✓ {t('script.done')}</Caption1>}
    </div>
  );
}

function SubScript(p: Omit<Props, 'script'> & { scriptId: string; label?: string; isOpen: boolean; toggle(): void }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const sub = p.view.subScripts.find((s) => s.id === p.scriptId);
  if (!sub || p.path?.includes(sub.id)) return <Caption1>{t('script.missingScript')}</Caption1>;
  const name = p.label || sub.name;
  const subDone = (p.view.done[sub.id] ?? []).length;
  return (
    <>
      <div className={styles.row}>
        <Button
          size="small"
          appearance="subtle"
          data-testid="script-sub-toggle"
          aria-expanded={p.isOpen}
          onClick={p.toggle}
        >
          {p.isOpen ? '▾' : '▸'} {p.isOpen ? t('script.closeSubScript', { name }) : t('script.openSubScript', { name })}
        </Button>
        <Caption1>{t('script.progress', { done: subDone, total: sub.steps.length })}</Caption1>
      </div>
      {p.isOpen && (
        <div className={styles.sub}>
          <Text weight="semibold">{sub.name}</Text>
          <ScriptSteps script={sub} view={p.view} active={p.active} onMark={p.onMark} runner={p.runner} path={p.path} />
        </div>
      )}
    </>
  );
}
