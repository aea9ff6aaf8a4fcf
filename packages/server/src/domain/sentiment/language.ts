/** The languages our customer-service lexicon covers; any other falls back to English (SV8). */
export const SENTIMENT_LANGUAGES = ['en', 'nl', 'fr'] as const;
export type SentimentLanguage = (typeof SENTIMENT_LANGUAGES)[number];

/** A conversation's locale (`nl`, `fr-BE`, `EN_gb`, null) to the language its messages are scored in. */
export function sentimentLanguageOf(locale: string | null | undefined): SentimentLanguage {
  const primary = (locale ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return SENTIMENT_LANGUAGES.find((language) => language === primary) ?? 'en';
}
