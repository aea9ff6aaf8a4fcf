import type { CSSProperties } from 'react';
import type { WidgetConfig, WidgetLanguage, WidgetTexts } from '@switchboard/protocol';

export type Look = { className: string; style: CSSProperties; texts: WidgetTexts; logoUrl: string | null };

const NONE: WidgetTexts = { title: '', greeting: '', offlineMessage: '' };

/**
 * How the admin's appearance settings (CH1) apply: the colours as the widget's own CSS variables
 * (styles.css reads them), the theme as a class, and each text in the visitor's language, else
 * English, else empty (the widget's own words then).
 */
export function lookOf(config: WidgetConfig | null, language: string): Look {
  const a = config?.appearance;
  if (!a) return { className: '', style: {}, texts: NONE, logoUrl: null };
  const lang = (['en', 'nl', 'fr'].includes(language) ? language : 'en') as WidgetLanguage;
  const pick = (key: keyof WidgetTexts) => a.texts[lang][key] || a.texts.en[key];
  const style = {
    '--accent': a.primaryColor,
    '--accent-hover': a.primaryColor,
    '--accent-fg': a.textColor,
    '--header-bg': a.primaryColor,
    '--header-fg': a.textColor,
  } as CSSProperties;
  return {
    className: a.theme === 'auto' ? '' : `theme-${a.theme}`,
    style,
    texts: { title: pick('title'), greeting: pick('greeting'), offlineMessage: pick('offlineMessage') },
    logoUrl: a.logoUrl,
  };
}
