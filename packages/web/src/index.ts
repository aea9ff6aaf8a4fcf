export { readJson, writeJson, removeKey } from './storage';
export { createAuthStore, type AuthState, type AuthStore } from './auth-store';
export { createAuthedApi, createAuthedFiles, ApiCallError, type Call, type Files } from './api';
export { createI18n, useSharedT, LANGUAGES, type AppI18n, type Language, type SharedStrings } from './i18n';
export { LanguageSelect } from './language-select';
export { LoginPage, type LoginPageProps } from './login-page';
export { LOGIN_STRINGS } from './login-strings';
export { useNow } from './use-now';
export { StaffHeader } from './staff-header';
