import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ImportProblems, type ConfigExportInput } from '@switchboard/protocol';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useT } from '../../i18n';
import { ApiCallError, useApi } from '../../api/api';
import { useNotify } from '../../components/notify';
import { PageHeader } from '../../components/page';
import { Section, Stack } from '../../components/section';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, maxHeight: '320px', overflowY: 'auto' },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Outcome = { kind: 'ok'; counts: Record<string, number> } | { kind: 'problems'; problems: string[] };

/** Turns `2025-03-04T10:11:12Z` into a file name that sorts. */
export const exportFileName = (now: Date) => `switchboard-config-${now.toISOString().slice(0, 19).replace(/[:T]/g, '-')}.json`;

/** What a refused import says: the server's `problems`, or its validation issues, or its message. */
export function problemsOf(err: unknown): string[] {
  if (err instanceof ApiCallError) {
    const parsed = ImportProblems.safeParse(err.body);
    if (parsed.success && parsed.data.problems.length > 0) return parsed.data.problems;
    const issues = (err.body as { issues?: { path: string; message: string }[] } | null)?.issues;
    if (issues?.length) return issues.map((i) => `${i.path.replace(/^body\.?/, '') || '(file)'}: ${i.message}`);
    return [err.message];
  }
  return [err instanceof Error ? err.message : String(err)];
}

export function ImportExportPage() {
  const styles = useStyles();
  const { t } = useT();
  const call = useApi();
  const notify = useNotify();
  const queryClient = useQueryClient();
  const fileInput = useRef<HTMLInputElement>(null);
  const [exporting, setExporting] = useState(false);
  const [pending, setPending] = useState<{ name: string; body: unknown } | null>(null);
  const [importing, setImporting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function download() {
    setExporting(true);
    try {
      const config = await call('exportConfig');
      const blob = new Blob([JSON.stringify(config, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = exportFileName(new Date());
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      notify.success(t('importExport.exported'));
    } catch (err) {
      notify.error(t('importExport.exportFailed'), err instanceof Error ? err.message : String(err));
    } finally {
      setExporting(false);
    }
  }

  async function chooseFile(file: File | undefined) {
    if (fileInput.current) fileInput.current.value = '';
    if (!file) return;
    setOutcome(null);
    try {
      setPending({ name: file.name, body: JSON.parse(await file.text()) as unknown });
    } catch (err) {
      setOutcome({ kind: 'problems', problems: [t('importExport.notJson', { message: err instanceof Error ? err.message : String(err) })] });
    }
  }

  async function runImport() {
    if (!pending) return;
    setImporting(true);
    try {
      // The server validates the whole file and lists every problem: no second opinion here.
      const result = await call('importConfig', { body: pending.body as ConfigExportInput });
      setOutcome({ kind: 'ok', counts: result.counts });
      notify.success(t('importExport.imported'));
      await queryClient.invalidateQueries();
    } catch (err) {
      setOutcome({ kind: 'problems', problems: problemsOf(err) });
    } finally {
      setImporting(false);
      setPending(null);
    }
  }

  return (
    <section>
      <PageHeader title={t('importExport.title')} description={t('importExport.description')} />
      <Stack>
        <Section title={t('importExport.exportTitle')} description={t('importExport.exportHelp')}>
          <div className={styles.row}>
            <Button appearance="primary" data-testid="export-download" disabled={exporting} onClick={() => void download()}>
              {exporting ? t('importExport.exporting') : t('importExport.download')}
            </Button>
          </div>
        </Section>
        <Section title={t('importExport.importTitle')} description={t('importExport.importHelp')}>
          <div className={styles.row}>
            <input
              ref={fileInput}
              type="file"
              accept="application/json,.json"
              data-testid="import-file"
              aria-label={t('importExport.chooseFile')}
              onChange={(e) => void chooseFile(e.target.files?.[0])}
            />
            {importing && <Text className={styles.muted}>{t('importExport.importing')}</Text>}
          </div>
          {outcome?.kind === 'ok' && (
            <MessageBar intent="success" data-testid="import-result">
              <MessageBarBody>
                <MessageBarTitle>{t('importExport.imported')}</MessageBarTitle>
                {Object.entries(outcome.counts)
                  .map(([k, n]) => `${k}: ${n}`)
                  .join(' · ')}
              </MessageBarBody>
            </MessageBar>
          )}
          {outcome?.kind === 'problems' && (
            <MessageBar intent="error" layout="multiline" data-testid="import-problems">
              <MessageBarBody>
                <MessageBarTitle>{t('importExport.nothingChanged')}</MessageBarTitle>
                <Text>{t('importExport.problemsIntro', { count: outcome.problems.length })}</Text>
                <ul className={styles.problems}>
                  {outcome.problems.map((p, i) => (
                    <li key={i} data-testid="import-problem">
                      {p}
                    </li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
        </Section>
      </Stack>
      <Dialog open={pending !== null} onOpenChange={(_, d) => !d.open && setPending(null)}>
        <DialogSurface data-testid="import-dialog">
          <DialogBody>
            <DialogTitle>{t('importExport.confirmTitle')}</DialogTitle>
            <DialogContent>{t('importExport.confirmText', { name: pending?.name ?? '' })}</DialogContent>
            <DialogActions>
              <Button onClick={() => setPending(null)}>{t('common.cancel')}</Button>
              <Button appearance="primary" data-testid="import-confirm" disabled={importing} onClick={() => void runImport()}>
                {t('importExport.replace')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
