import { createI18n } from '@switchboard/web';
import { en } from './en';
import { fr } from './fr';
import { nl } from './nl';

export { LANGUAGES, type Language } from '@switchboard/web';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: typeof en };
  }
}

export const { i18n, currentLanguage } = createI18n('switchboard.agent.language', { en, nl, fr });
