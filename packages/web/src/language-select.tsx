import { Select, makeStyles } from '@fluentui/react-components';
import { LANGUAGES, useSharedT, type Language } from './i18n';

const LABELS: Record<Language, string> = { en: 'EN', nl: 'NL', fr: 'FR' };

const useStyles = makeStyles({ select: { minWidth: '76px' } });

export function LanguageSelect() {
  const styles = useStyles();
  const { t, i18n } = useSharedT();
  return (
    <Select
      data-testid="language-select"
      className={styles.select}
      aria-label={t('header.language')}
      value={i18n.resolvedLanguage ?? 'en'}
      onChange={(_, d) => void i18n.changeLanguage(d.value)}
    >
      {LANGUAGES.map((lng) => (
        <option key={lng} value={lng}>
          {LABELS[lng]}
        </option>
      ))}
    </Select>
  );
}
