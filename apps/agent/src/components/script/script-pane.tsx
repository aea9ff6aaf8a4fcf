import { Caption1, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useNotify } from '../notify';
import { MacroResult } from './macro-result';
import { MacrosMenu } from './macros-menu';
import { ScriptSteps } from './script-steps';
import { useMacroRunner } from './use-macro-runner';
import { useAgentMacros, useConversationScript, useMarkStep } from './use-script';

const useStyles = makeStyles({
  pane: {
    width: '280px',
    flexShrink: 0,
    overflowY: 'auto',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderLeft: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, justifyContent: 'space-between' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * The script pane beside the conversation (AG7), with the Macros menu (AG8). Progress is the server's
 * (per conversation): a reload or another tab shows the same ticks. `active`: the conversation is
 * active, so macros may run and steps be ticked.
 */
export function ScriptPane({ conversationId, active }: { conversationId: string; active: boolean }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const notify = useNotify();
  const script = useConversationScript(conversationId);
  const macros = useAgentMacros();
  const mark = useMarkStep(conversationId);
  const runner = useMacroRunner(conversationId);
  const view = script.data;
  // Nothing to show and nothing to run: the conversation keeps the room.
  if (view && !view.script && (macros.data?.length ?? 0) === 0) return null;
  const onMark = (scriptId: string, stepId: string, done: boolean) =>
    mark.mutate({ scriptId, stepId, done }, { onError: (e) => notify(e.message) });
  const menuResult = runner.results.menu;
  return (
    <aside className={styles.pane} aria-label={t('script.pane')} data-testid="script-pane">
      <div className={styles.head}>
        <Subtitle2>{view?.script ? t('script.title', { name: view.script.name }) : t('script.pane')}</Subtitle2>
        <MacrosMenu disabled={!active || runner.running !== null} onRun={(m) => runner.start('menu', m)} />
      </div>
      {menuResult && <MacroResult {...menuResult} />}
      {script.isPending && <Spinner size="tiny" label={t('script.loading')} />}
      {script.error && <Caption1>{t('script.loadFailed', { message: script.error.message })}</Caption1>}
      {view && !view.script && <Caption1 className={styles.muted}>{t('script.none')}</Caption1>}
      {view?.script && (
        <>
          <Caption1 className={styles.muted} data-testid="script-progress">
            {t('script.progress', { done: (view.done[view.script.id] ?? []).length, total: view.script.steps.length })}
          </Caption1>
          <ScriptSteps script={view.script} view={view} active={active} onMark={onMark} runner={runner} />
        </>
      )}
    </aside>
  );
}
