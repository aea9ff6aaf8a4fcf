import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../../i18n';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  chip: { fontFamily: tokens.fontFamilyMonospace },
});

type Props<P extends string> = {
  /** The language of the text a chip inserts into, as the user reads it. */
  languageName: string;
  onInsert: (placeholder: P) => void;
  /** The placeholders offered (a template's or a quick reply's), each with what it stands for. */
  placeholders: readonly P[];
  describe: (placeholder: P) => string;
  testId?: string;
};

/** One button per placeholder (CH6, AG4): a click puts `{name}` at the cursor of the text being edited. */
export function PlaceholderChips<P extends string>({
  languageName,
  onInsert,
  placeholders,
  describe,
  testId = 'template-placeholder',
}: Props<P>) {
  const styles = useStyles();
  const { t } = useT();
  return (
    <div className={styles.row} role="group" aria-label={t('templates.insertInto', { language: languageName })}>
      <Text size={200}>{t('templates.insertInto', { language: languageName })}</Text>
      {placeholders.map((p) => (
        <Button
          key={p}
          size="small"
          shape="circular"
          className={styles.chip}
          data-testid={testId}
          data-placeholder={p}
          title={describe(p)}
          // Keep the text area's focus and selection: the chip inserts where the cursor is.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onInsert(p)}
        >
          {`{${p}}`}
        </Button>
      ))}
    </div>
  );
}
