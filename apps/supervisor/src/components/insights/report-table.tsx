import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
} from '@fluentui/react-components';
import type { ReportRow } from '@switchboard/protocol';
import { useT } from '../../i18n';
import type { ReportColumn } from '../../lib/report-columns';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  number: { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  end: { justifyContent: 'flex-end' },
});

/** Exactly the rows the server returned, in its order, each cell as its column shows it. */
export function ReportTable({ columns, rows }: { columns: readonly ReportColumn[]; rows: readonly ReportRow[] }) {
  const styles = useStyles();
  const { t } = useT();
  return (
    <div className={styles.wrap}>
      <Table size="small" aria-label={t('insights.report.title')} data-testid="report-table">
        <TableHeader>
          <TableRow>
            {columns.map((c) => (
              <TableHeaderCell
                key={c.key}
                button={c.unit ? { className: styles.end } : undefined}
                data-testid="report-header"
              >
                {c.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row, i) => (
            <TableRow key={i} data-testid="report-row">
              {columns.map((c) => (
                <TableCell key={c.key} className={c.unit ? styles.number : undefined}>
                  {c.text(row)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
