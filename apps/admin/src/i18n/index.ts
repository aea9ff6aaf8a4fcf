import { createI18n } from '@switchboard/web';
import { useTranslation } from 'react-i18next';
import { en } from './en';
import { fr } from './fr';
import { nl } from './nl';

export { LANGUAGES, type Language } from '@switchboard/web';

type StripPlural<K extends string> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${StripPlural<K>}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every key of the admin center's strings (plural forms by their base key). */
export type AdminKey = Leaves<typeof en>;
export type AdminT = (key: AdminKey, options?: Record<string, unknown>) => string;

// i18next's typed keys are one global declaration for the whole repository (the agent
// workspace owns it), so the admin center types its keys itself.

export const { i18n, currentLanguage } = createI18n('switchboard.admin.language', { en, nl, fr });

/** `t` over the admin center's keys, re-rendering on a language change like `useTranslation`. */
export function useT(): { t: AdminT; i18n: typeof i18n } {
  const { t, i18n: instance } = useTranslation();
  return { t: t as unknown as AdminT, i18n: instance as typeof i18n };
}
