import { createI18n } from '@switchboard/web';
import { useTranslation } from 'react-i18next';
import { en } from './en';
import { fr } from './fr';
import { nl } from './nl';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** Every key of the supervisor desk's strings. */
export type SupervisorKey = Leaves<typeof en>;
export type SupervisorT = (key: SupervisorKey, options?: Record<string, unknown>) => string;

// i18next's typed keys are one global declaration (the agent workspace owns it): this app types its own.
export const { i18n, currentLanguage } = createI18n('switchboard.supervisor.language', { en, nl, fr });

/** `t` over the supervisor desk's keys, re-rendering on a language change. */
export function useT(): { t: SupervisorT; i18n: typeof i18n } {
  const { t, i18n: instance } = useTranslation();
  return { t: t as unknown as SupervisorT, i18n: instance as typeof i18n };
}
