import { Select, makeStyles } from '@fluentui/react-components';
import { useT } from '../i18n';
import { LANGUAGES, type Language } from '../i18n';

const LABELS: Record<Language, string> = { en: 'EN', nl: 'NL', fr: 'FR' };

const useStyles = makeStyles({ select: { minWidth: '76px' } });

export function LanguageSelect() {
  const styles = useStyles();
  const { t, i18n } = useT();
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
