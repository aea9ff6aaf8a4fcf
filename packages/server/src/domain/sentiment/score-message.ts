import { PROFANITY_CEILING } from './levels.js';
import { joinPhrases, type CompiledLexicon } from './lexicon.js';
import { BREAK, tokenize } from './tokens.js';

/** A general word list's valence of a word (-5 to 5), or undefined when it has none. */
export type BaseValence = (word: string) => number | undefined;

export type MessageScore = { score: number; profanity: boolean };

// After VADER (Hutto & Gilbert 2014): a negated praise keeps three quarters of its strength with the
// sign flipped ("not good" is nearly "bad"), a negated complaint half ("not bad" is less than
// "good"); what precedes "but" counts half, as does what "although" concedes. VADER also makes
// what follows "but" count 1.5 times; with thanks already a formula in a complaint, that
// overstated the "thanks, but ..." messages.
const NEGATED_PRAISE = -0.75;
const NEGATED_COMPLAINT = -0.5;
const NEGATION_REACH = 3;
const SCALE_REACH = 2;
const BEFORE_CONTRAST = 0.5;
const FAILURE = -2;
// tanh(raw / 5): +1.5 ("thanks") is Slightly positive, +3 ("great") Positive, +5 Very positive.
const SATURATION = 5;
// A word of the sarcasm list with no valence of its own ("lekker dan") is praise of this strength.
const SARCASM_PRAISE = 2;
// The weakest complaint: "a bit confused" is softened, not taken back, so a downtoner leaves at
// least this much; and a message complains (its thanks a formula, its praise sarcasm) only with
// at least this much against it, so a passing "refund" does not turn "great, it arrived" sour.
const MILD_COMPLAINT = -1;

type Scored = { value: number; courtesy: boolean; sarcasm: boolean; at: number; conceded?: boolean };

/** A customer's message scored in [-1, 1] with our lexicon over the general list (SV8). */
export function scoreMessage(text: string, lexicon: CompiledLexicon, base: BaseValence): MessageScore {
  const { words, exclamations } = tokenize(text, lexicon.language);
  const tokens = joinPhrases(words, lexicon);
  const scored: Scored[] = [];
  let profanity = false;
  let negatedUntil = -1;
  let scale = 1;
  let scaleUntil = -1;
  let contrastAt = -1;
  let conceding = false;
  const consumedNegators = new Set<number>();
  const denial = denials(scored);

  tokens.forEach((token, at) => {
    if (at > negatedUntil && !lexicon.negators.has(token)) denial.end();
    if (token === BREAK) {
      denial.end();
      conceding = false;
      negatedUntil = -1;
      scaleUntil = -1;
      return;
    }
    if (isProfane(token, lexicon)) profanity = true;
    if (lexicon.negators.has(token)) {
      if (!consumedNegators.has(at)) {
        negatedUntil = at + NEGATION_REACH;
        if (!lexicon.absences.has(token)) denial.start(at);
      }
      return;
    }
    denial.word();
    // "super" before a word strengthens it; "Super!" on its own is praise.
    const intensity = lexicon.intensifiers.get(token);
    const alone = tokens[at + 1] === undefined || tokens[at + 1] === BREAK;
    if (intensity !== undefined && !alone) {
      scale = intensity;
      scaleUntil = at + SCALE_REACH;
      return;
    }
    if (lexicon.contrasts.has(token)) {
      contrastAt = at;
      return;
    }
    if (lexicon.concessions.has(token)) {
      conceding = true;
      return;
    }
    if (at === 0 && lexicon.openers.has(token)) return;
    if (lexicon.selfNegated.has(token)) negatedUntil = -1;
    const negated = at <= negatedUntil;
    if (lexicon.failVerbs.has(token)) {
      // Dutch and French put the negation after the verb ("werkt niet", "marche pas").
      const after = negatorAfter(tokens, at, lexicon);
      if (negated || after >= 0) {
        if (after >= 0) consumedNegators.add(after);
        negatedUntil = -1;
        denial.spent();
        scored.push({ value: FAILURE, courtesy: false, sarcasm: false, at });
        return;
      }
    }
    const courtesy = lexicon.courtesy.get(token);
    const sarcasm = lexicon.sarcasm.has(token);
    const valence =
      courtesy ?? lexicon.words.get(token) ?? baseValenceOf(token, base) ?? (sarcasm ? SARCASM_PRAISE : undefined);
    if (!valence) return;
    const scaled = at <= scaleUntil ? scale : 1;
    let value = valence * scaled;
    if (valence < 0 && scaled < 1) value = Math.min(value, MILD_COMPLAINT);
    if (negated) {
      value *= value > 0 ? NEGATED_PRAISE : NEGATED_COMPLAINT;
      negatedUntil = -1;
      denial.spent();
    }
    scored.push({ value, courtesy: courtesy !== undefined, sarcasm, at, conceded: conceding });
  });
  denial.end();

  return { score: combine(scored, contrastAt, exclamations, profanity), profanity };
}

/**
 * A denial with nothing scored to deny is the problem itself: "it has not updated since Monday",
 * "je n'ai rien reçu". One that is spent on a word ("not good") or stands alone ("No, thanks") is not.
 */
function denials(scored: Scored[]) {
  let open: { at: number; followed: boolean } | null = null;
  return {
    start(at: number) {
      open ??= { at, followed: false };
    },
    word() {
      if (open) open.followed = true;
    },
    spent() {
      open = null;
    },
    end() {
      if (open?.followed) scored.push({ value: MILD_COMPLAINT, courtesy: false, sarcasm: false, at: open.at });
      open = null;
    },
  };
}

function combine(scored: Scored[], contrastAt: number, exclamations: number, profanity: boolean): number {
  // A message that complains anywhere makes its thanks a formula and its praise sarcasm:
  // "Thanks, but it still does not work", "Oh great, it crashed again".
  const against = scored.reduce((sum, item) => sum + Math.min(item.value, 0), 0);
  const complains = profanity || against <= MILD_COMPLAINT;
  let raw = 0;
  for (const item of scored) {
    let value = item.value;
    if (complains && value > 0 && item.courtesy) value = 0;
    if (complains && value > 0 && item.sarcasm) value = -value / 2;
    if (item.at < contrastAt || item.conceded) value *= BEFORE_CONTRAST;
    raw += value;
  }
  raw *= 1 + 0.1 * Math.min(exclamations, 3);
  const score = Math.tanh(raw / SATURATION);
  return profanity ? Math.min(score, PROFANITY_CEILING) : score;
}

// The general list has "refund" but not "refunds", "déçu" but not "déçue": try the word without a
// plural or feminine ending once. Short words are left alone ("is" is not "i").
function baseValenceOf(word: string, base: BaseValence): number | undefined {
  const direct = base(word);
  if (direct !== undefined || word.length < 5) return direct;
  for (const ending of ['es', 's', 'e', 'en']) {
    if (word.endsWith(ending)) {
      const stem = base(word.slice(0, -ending.length));
      if (stem !== undefined) return stem;
    }
  }
  return undefined;
}

/** The position of a negator after a word, in the same clause, within the language's reach; -1 when none. */
function negatorAfter(tokens: string[], at: number, lexicon: CompiledLexicon): number {
  const after = lexicon.negationAfterVerb;
  const reach = after === 'none' ? at : after === 'clause' ? tokens.length : at + NEGATION_REACH;
  for (let k = at + 1; k <= reach && k < tokens.length; k++) {
    if (tokens[k] === BREAK) return -1;
    if (lexicon.negators.has(tokens[k]!)) return k;
  }
  return -1;
}

function isProfane(token: string, lexicon: CompiledLexicon): boolean {
  if (lexicon.profanityWords.has(token)) return true;
  return lexicon.profanityPrefixes.some((prefix) => token.startsWith(prefix));
}
