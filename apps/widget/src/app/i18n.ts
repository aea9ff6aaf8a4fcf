import i18next, { type i18n } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Locale } from '../shared/locale.js';
import { en } from './locales/en.js';
import { fr } from './locales/fr.js';
import { nl } from './locales/nl.js';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every key of the widget's strings. */
export type WidgetKey = Leaves<typeof en>;
export type Translate = (key: WidgetKey, options?: Record<string, string | number>) => string;

/**
 * One TypeScript program covers every app, and another app declares i18next's global
 * `CustomTypeOptions` for its own strings; this typed `t` checks the widget's keys instead.
 */
export const translator = (instance: i18n): Translate => instance.t.bind(instance) as unknown as Translate;

export function useT(): { t: Translate; language: string } {
  const { i18n: instance } = useTranslation();
  return { t: translator(instance), language: instance.language };
}

/** A private i18next instance: resources are bundled, so it is ready synchronously. */
export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { en: { translation: en }, nl: { translation: nl }, fr: { translation: fr } },
    lng: locale,
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return instance;
}
