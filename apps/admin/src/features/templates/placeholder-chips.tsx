import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { TEMPLATE_PLACEHOLDERS } from '@switchboard/protocol';
import { useT } from '../../i18n';
import type { Placeholder } from '../../lib/template-text';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  chip: { fontFamily: tokens.fontFamilyMonospace },
});

type Props = {
  /** The language of the text a chip inserts into, as the user reads it. */
  languageName: string;
  onInsert: (placeholder: Placeholder) => void;
};

/** One button per placeholder (CH6): a click puts `{name}` at the cursor of the text being edited. */
export function PlaceholderChips({ languageName, onInsert }: Props) {
  const styles = useStyles();
  const { t } = useT();
  return (
    <div className={styles.row} role="group" aria-label={t('templates.insertInto', { language: languageName })}>
      <Text size={200}>{t('templates.insertInto', { language: languageName })}</Text>
      {TEMPLATE_PLACEHOLDERS.map((p) => (
        <Button
          key={p}
          size="small"
          shape="circular"
          className={styles.chip}
          data-testid="template-placeholder"
          data-placeholder={p}
          title={t(`templates.placeholders.${p}`)}
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
