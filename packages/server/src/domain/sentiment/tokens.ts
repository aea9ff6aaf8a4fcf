import type { SentimentLanguage } from './language.js';

// Words (letters and digits, with inner apostrophes and hyphens), emoji, and a BREAK for each
// punctuation mark that ends a clause: a negation or "very" reaches no further ("Not bad, the
// phone ..."). The count of "!" is kept, since it strengthens whatever the message says.
const TOKEN = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*'?|\p{Extended_Pictographic}|[.,;:!?]+/gu;
export const BREAK = '|';

// French elides articles and pronouns into the next word ("l'attente", "n'est", "qu'il"); split them
// off so "n'" is seen as the negator and "attente" as itself. "aujourd'hui" is one word.
const FRENCH_ELISION = /^(c|d|j|l|m|n|qu|s|t|jusqu|lorsqu|puisqu)'(.+)$/;

export type Tokens = { words: string[]; exclamations: number };

export function tokenize(text: string, language: SentimentLanguage): Tokens {
  const normal = text.toLowerCase().replace(/[’‘`´]/g, "'");
  const words: string[] = [];
  for (const match of normal.matchAll(TOKEN)) {
    const word = match[0];
    if (/^[.,;:!?]/.test(word)) {
      if (words.length > 0 && words.at(-1) !== BREAK) words.push(BREAK);
      continue;
    }
    const elided = language === 'fr' && word !== "aujourd'hui" ? FRENCH_ELISION.exec(word) : null;
    if (elided) words.push(`${elided[1]}'`, elided[2]!);
    else words.push(word);
  }
  return { words, exclamations: normal.split('!').length - 1 };
}
