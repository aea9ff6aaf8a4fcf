import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';

export const LANGUAGES = ['en', 'nl', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The strings the shared pieces (sign-in page, language picker) read from every app's tables. */
export type SharedStrings = {
  app: { name: string };
  header: { language: string };
  login: Record<
    'email' | 'password' | 'submit' | 'submitting' | 'wrongCredentials' | 'failed' | 'unreachable' | 'expired',
    string
  >;
};

type SharedKey = 'app.name' | 'header.language' | `login.${keyof SharedStrings['login']}`;

/** `t` over the shared keys, whatever keys the app's own tables type `t` with. */
export function useSharedT(): { t: (key: SharedKey, options?: Record<string, unknown>) => string; i18n: I18n } {
  const { t, i18n } = useTranslation();
  return { t: t as unknown as (key: SharedKey, options?: Record<string, unknown>) => string, i18n };
}

const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

export type AppI18n = {
  i18n: I18n;
  /** The language in use, one of `LANGUAGES`. */
  currentLanguage(): Language;
};

/**
 * One app's i18next instance over its own `tables`: the language saved under `storageKey`, else
 * the browser's, else English; a change is saved and set on `<html lang>`.
 */
export function createI18n<T extends SharedStrings>(storageKey: string, tables: Record<Language, T>): AppI18n {
  function initialLanguage(): Language {
    try {
      const saved = localStorage.getItem(storageKey);
      if (isLanguage(saved)) return saved;
    } catch {
      // No storage: fall back to the browser's language.
    }
    const browser = globalThis.navigator?.language?.slice(0, 2);
    return isLanguage(browser) ? browser : 'en';
  }

  const i18n = i18next.createInstance();

  void i18n.use(initReactI18next).init({
    resources: { en: { translation: tables.en }, nl: { translation: tables.nl }, fr: { translation: tables.fr } },
    lng: initialLanguage(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    initAsync: false,
  });

  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
    try {
      localStorage.setItem(storageKey, lng);
    } catch {
      // Best effort.
    }
  });
  document.documentElement.lang = i18n.language;

  return {
    i18n,
    currentLanguage: () => (isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en'),
  };
}
