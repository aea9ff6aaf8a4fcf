import { Button, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../i18n';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalXXS, flexShrink: 0 },
  glyph: { fontSize: tokens.fontSizeBase300, lineHeight: 1 },
});

/** A small square button showing one glyph, named by its tooltip. */
type GlyphButtonProps = { disabled?: boolean; onClick?: () => void; 'data-testid'?: string };

export function GlyphButton({ glyph, label, ...rest }: GlyphButtonProps & { glyph: string; label: string }) {
  const styles = useStyles();
  return (
    <Tooltip content={label} relationship="label">
      <Button size="small" appearance="subtle" {...rest} icon={<span className={styles.glyph}>{glyph}</span>} />
    </Tooltip>
  );
}

/** Removes one row of a list. */
export function RemoveButton(props: GlyphButtonProps) {
  const { t } = useT();
  return <GlyphButton glyph="✕" label={t('common.remove')} {...props} />;
}

/** Up, down and delete for one item of an ordered list; `testId` prefixes `-up`, `-down`, `-delete`. */
export function ReorderButtons({
  testId,
  index,
  count,
  onMove,
  onDelete,
}: {
  testId: string;
  index: number;
  count: number;
  onMove: (delta: -1 | 1) => void;
  onDelete: () => void;
}) {
  const styles = useStyles();
  const { t } = useT();
  return (
    <div className={styles.row}>
      <GlyphButton glyph="↑" label={t('common.moveUp')} data-testid={`${testId}-up`} disabled={index === 0} onClick={() => onMove(-1)} />
      <GlyphButton glyph="↓" label={t('common.moveDown')} data-testid={`${testId}-down`} disabled={index >= count - 1} onClick={() => onMove(1)} />
      <GlyphButton glyph="✕" label={t('common.remove')} data-testid={`${testId}-delete`} onClick={onDelete} />
    </div>
  );
}
