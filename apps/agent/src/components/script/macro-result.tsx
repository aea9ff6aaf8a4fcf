import {
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { MacroRun } from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column' },
  failed: { color: tokens.colorPaletteRedForeground1 },
  skipped: { color: tokens.colorNeutralForeground3 },
  hits: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/**
 * What a macro run did (AG8): every step's result, the failing step's reason, and the knowledge
 * articles a search step found. A failure says the earlier steps' effects stay (they committed).
 */
export function MacroResult({ name, run }: { name: string; run: MacroRun }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const hits = run.steps.flatMap((s) => s.knowledge ?? []);
  return (
    <MessageBar
      intent={run.ok ? 'success' : 'error'}
      layout="multiline"
      data-testid="macro-result"
      data-ok={String(run.ok)}
    >
      <MessageBarBody>
        <MessageBarTitle>
          {run.ok ? t('script.ranOk', { name }) : t('script.ranFailed', { name, reason: run.failed?.reason ?? '' })}
        </MessageBarTitle>
        <ol className={styles.steps}>
          {run.steps.map((s) => (
            <li
              key={s.stepId}
              data-testid="macro-step-result"
              data-status={s.status}
              className={s.status === 'failed' ? styles.failed : s.status === 'skipped' ? styles.skipped : undefined}
            >
              <Caption1>
                {t(`script.status.${s.status}`)}: {s.message}
              </Caption1>
            </li>
          ))}
        </ol>
        {!run.ok && run.failed && run.failed.index > 0 && <Caption1>{t('script.earlierStay')}</Caption1>}
        {hits.length > 0 && (
          <>
            <Caption1>{t('script.articles')}</Caption1>
            <ul className={styles.hits} data-testid="macro-knowledge">
              {hits.map((h) => (
                <li key={h.id}>
                  <Link href={h.url} target="_blank" rel="noreferrer">
                    {h.title}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
