import { TableCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import type { OutboundRecipientResult } from '@switchboard/protocol';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  failed: { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground1 },
});

/** Statuses that mean the message did not (and will not) reach the recipient. */
const FAILED = new Set<OutboundRecipientResult['status']>(['invalid', 'failed', 'dead']);

/**
 * One recipient of a send: number, name, how far the message got and why it failed; a failure
 * stands out. Polls keep the objects of unchanged rows (the query cache shares them), so only
 * the rows that changed render again.
 */
export const OutboundResultRow = memo(function OutboundResultRow({ result }: { result: OutboundRecipientResult }) {
  const styles = useStyles();
  const { t } = useTranslation();
  const failed = FAILED.has(result.status);
  return (
    <TableRow
      className={failed ? styles.failed : undefined}
      data-testid="outbound-result"
      data-to={result.to}
      data-status={result.status}
      data-failed={failed}
    >
      <TableCell>{result.to}</TableCell>
      <TableCell>{result.name ?? ''}</TableCell>
      <TableCell>{t(`outbound.statuses.${result.status}`)}</TableCell>
      <TableCell>{result.reason ?? ''}</TableCell>
    </TableRow>
  );
});
