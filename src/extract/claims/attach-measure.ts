import { nthToken, SpellingMemo } from '../tokenize.js';
import type { Measure, Token } from '../types.js';
import { copyDraft, mapDrafts, type Refiner } from './draft.js';
import { CLAUSE_BREAKS, MEASURE_WORDS } from './lexicon.js';
import { tokenAt } from './positions.js';

/** How far from the number a measure word is looked for, in tokens. */
const WINDOW = 12;

/** Words that only point back at a count made before ("estimated their number to have been 50,000")... */
const ANAPHORIC = new Set(['number', 'numbers']);
/** ...when a possessive stands before them; "the number of North Korean workers fell" is explicit. */
const POSSESSIVES = new Set(['their', 'its', 'his', 'her', 'whose']);
/** Forms of "be" that turn a departure verb into a state: "43,000 Koreans were left on Sakhalin". */
const BE = new Set(['were', 'was', 'been', 'be', 'are', 'is']);

/** MEASURE_WORDS.get(t.lower), per spelling: looked up on up to 24 tokens around every count. */
const MEASURE_OF = new SpellingMemo((t: Token) => MEASURE_WORDS.get(t.lower));
/** What ends the window after a number: a full stop, or a clause break other than ";" (per spelling). */
const ENDS_RIGHT = new SpellingMemo((t: Token) => t.text === '.' || (CLAUSE_BREAKS.has(t.text) && t.text !== ';'));

function scan(tokens: readonly Token[], from: number, step: 1 | -1, skip: (t: Token) => boolean) {
  for (let i = from, n = 0; i >= 0 && i < tokens.length && n < WINDOW; i += step, n++) {
    const t = tokens[i]!;
    if (step === 1 ? ENDS_RIGHT.get(t) : t.text === '.') break;
    if (skip(t)) continue;
    let m = MEASURE_OF.get(t);
    const before = nthToken(tokens, i - 1)?.lower ?? '';
    if (m && ANAPHORIC.has(t.lower) && !POSSESSIVES.has(before)) continue;
    if (m === 'departures' && t.lower === 'left' && BE.has(before)) m = 'population';
    if (m) return { measure: m, distance: n, word: t.lower };
  }
  return null;
}

/**
 * Attaches what a count of people measures from the verbs and nouns around it: "were
 * recruited" -> arrivals, "repatriated" -> departures, "captured" -> count, "population" or
 * "were present" -> population. The nearest word wins, the one after the number on a tie;
 * words inside the counted group ("deported Koreans died") do not count. "N from <place>"
 * counts people by origin: arrivals. Shares and money keep their measure.
 */
export const attachMeasure: Refiner = (ctx, drafts) =>
  mapDrafts(drafts, (d) => {
    if (d.unit !== 'person') return d;
    const s = ctx.sentences[d.sentenceIndex]!;
    const inGroup = (t: Token) => d.counts !== null && t.start >= d.counts.start && t.end <= d.counts.end;
    const after = tokenAt(s.tokens, d.quantity.end);
    const before = tokenAt(s.tokens, d.quantity.start) - 1;
    const right = scan(s.tokens, after, 1, inGroup);
    const left = scan(s.tokens, before, -1, inGroup);
    let measure: Measure = 'population';
    const found = right && (!left || right.distance <= left.distance) ? right : left;
    if (found && ANAPHORIC.has(found.word)) {
      // "their number" is the count the sentence before was about: "how many North Koreans went to Kamchatka"
      const prev = ctx.sentences[d.sentenceIndex - 1];
      const word =
        prev?.sentence.section === s.sentence.section
          ? prev.tokens.find((t) => MEASURE_WORDS.has(t.lower) && !ANAPHORIC.has(t.lower))
          : undefined;
      measure = word ? MEASURE_WORDS.get(word.lower)! : found.measure;
    } else if (found) measure = found.measure;
    else {
      const next = s.tokens[after]?.lower === 'were' ? s.tokens[after + 1] : s.tokens[after];
      if (next?.lower === 'from' && s.places.some((p) => p.role === 'place' && p.start > next.end))
        measure = 'arrivals';
    }
    const c = copyDraft(d);
    c.measure = measure;
    return c;
  });
