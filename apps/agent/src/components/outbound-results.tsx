import { Table, TableBody, TableHeader, TableHeaderCell, TableRow, makeStyles } from '@fluentui/react-components';
import type { OutboundRecipientResult } from '@switchboard/protocol';
import { useTranslation } from 'react-i18next';
import { OutboundResultRow } from './outbound-result-row';

const useStyles = makeStyles({
  scroll: { maxHeight: '320px', overflowY: 'auto' },
});

/** Every recipient of a send with how far their message got; the ones that failed stand out. */
export function OutboundResults({ recipients }: { recipients: OutboundRecipientResult[] }) {
  const styles = useStyles();
  const { t } = useTranslation();
  return (
    <div className={styles.scroll}>
      <Table size="small" aria-label={t('outbound.results')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('outbound.to')}</TableHeaderCell>
            <TableHeaderCell>{t('outbound.name')}</TableHeaderCell>
            <TableHeaderCell>{t('outbound.status')}</TableHeaderCell>
            <TableHeaderCell>{t('outbound.reason')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {recipients.map((r, i) => (
            <OutboundResultRow key={`${i}:${r.to}`} result={r} />
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
