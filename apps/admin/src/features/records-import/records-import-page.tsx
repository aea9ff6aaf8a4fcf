import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ImportRowResult } from '@switchboard/protocol';
import { useRef, useState } from 'react';
import { useApi } from '../../api/api';
import { PageHeader } from '../../components/page';
import { Section, Stack } from '../../components/section';
import { useT } from '../../i18n';
import { problemsOf } from '../import-export/import-export-page';
import { chunkCsv } from './csv-chunks';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  results: { maxHeight: '420px', overflowY: 'auto' },
  bad: { color: tokens.colorPaletteRedForeground1 },
  good: { color: tokens.colorPaletteGreenForeground1 },
});

type Kind = 'contacts' | 'accounts';
type Progress = { done: number; total: number; imported: number; failed: number };

/**
 * AG9: the admin imports contacts or accounts from a CSV file. The file goes in chunks (the server
 * takes 2 MB a call), the bar moves as each one is answered, and every row's result is listed:
 * imported, or the line and the reason it was not.
 */
export function RecordsImportPage() {
  const styles = useStyles();
  const { t } = useT();
  const call = useApi();
  const fileInput = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<Kind>('contacts');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [running, setRunning] = useState(false);
  const [results, setResults] = useState<ImportRowResult[]>([]);
  const [error, setError] = useState<string | null>(null);

  async function run() {
    if (!file) return;
    setRunning(true);
    setError(null);
    setResults([]);
    const chunks = chunkCsv(await file.text());
    const p: Progress = { done: 0, total: chunks.length, imported: 0, failed: 0 };
    setProgress({ ...p });
    try {
      for (const chunk of chunks) {
        const answer = await call('importRecords', { body: { kind, csv: chunk.csv, firstLine: chunk.firstLine } });
        p.done += 1;
        p.imported += answer.imported;
        p.failed += answer.failed;
        setProgress({ ...p });
        setResults((r) => [...r, ...answer.results]);
      }
    } catch (err) {
      setError(problemsOf(err).join('; '));
    } finally {
      setRunning(false);
    }
  }

  const failedFirst = [...results].sort((a, b) => Number(a.ok) - Number(b.ok) || a.line - b.line);

  return (
    <section>
      <PageHeader title={t('recordsImport.title')} description={t('recordsImport.description')} />
      <Stack>
        <Section title={t('recordsImport.fileTitle')} description={t('recordsImport.fileHelp')}>
          <div className={styles.row}>
            <Field label={t('recordsImport.kind')}>
              <Select
                data-testid="records-import-kind"
                value={kind}
                disabled={running}
                onChange={(_, d) => setKind(d.value as Kind)}
              >
                <option value="contacts">{t('recordsImport.contacts')}</option>
                <option value="accounts">{t('recordsImport.accounts')}</option>
              </Select>
            </Field>
            <input
              ref={fileInput}
              type="file"
              accept="text/csv,.csv"
              data-testid="records-import-file"
              aria-label={t('recordsImport.chooseFile')}
              disabled={running}
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setProgress(null);
                setResults([]);
              }}
            />
            <Button
              appearance="primary"
              data-testid="records-import-start"
              disabled={!file || running}
              onClick={() => void run()}
            >
              {running ? t('recordsImport.importing') : t('recordsImport.start')}
            </Button>
          </div>
        </Section>
        {progress && (
          <Section title={t('recordsImport.progressTitle')}>
            <ProgressBar
              data-testid="records-import-progress"
              value={progress.total === 0 ? 1 : progress.done / progress.total}
              thickness="large"
            />
            <Text data-testid="records-import-summary">
              {t('recordsImport.summary', {
                done: progress.done,
                total: progress.total,
                imported: progress.imported,
                failed: progress.failed,
              })}
            </Text>
            {progress.total === 0 && <Text>{t('recordsImport.empty')}</Text>}
          </Section>
        )}
        {error && (
          <MessageBar intent="error" data-testid="records-import-error">
            <MessageBarBody>{t('recordsImport.stopped', { message: error })}</MessageBarBody>
          </MessageBar>
        )}
        {results.length > 0 && (
          <Section title={t('recordsImport.resultsTitle')} description={t('recordsImport.resultsHelp')}>
            <div className={styles.results}>
              <Table size="small" aria-label={t('recordsImport.resultsTitle')} data-testid="records-import-results">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t('recordsImport.line')}</TableHeaderCell>
                    <TableHeaderCell>{t('recordsImport.result')}</TableHeaderCell>
                    <TableHeaderCell>{t('recordsImport.reason')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {failedFirst.map((r) => (
                    <TableRow key={r.line} data-testid={r.ok ? 'records-import-ok' : 'records-import-bad'}>
                      <TableCell>{r.line}</TableCell>
                      <TableCell className={r.ok ? styles.good : styles.bad}>
                        {r.ok ? t('recordsImport.ok') : t('recordsImport.notImported')}
                      </TableCell>
                      <TableCell>{r.reason ?? ''}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </Section>
        )}
      </Stack>
    </section>
  );
}
