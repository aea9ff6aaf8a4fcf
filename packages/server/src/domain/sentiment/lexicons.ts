import type { SentimentLanguage } from './language.js';
import type { CustomerServiceLexicon } from './lexicon.js';
import { dutchLexicon } from './lexicon-nl.js';
import { englishLexicon } from './lexicon-en.js';
import { frenchLexicon } from './lexicon-fr.js';

/** Our customer-service lexicon of each language we score (SV8). */
export const customerServiceLexicons: Record<SentimentLanguage, CustomerServiceLexicon> = {
  en: englishLexicon,
  nl: dutchLexicon,
  fr: frenchLexicon,
};
