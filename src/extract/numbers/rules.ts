/**
 * The rules of the `numbers` annotator, Duckling style: each rule is a named record with a
 * pattern and an extract. A pattern mixes token tests with predicates on items that earlier
 * rules produced, so "two hundred and fifty thousand" is built from "two", "hundred", "fifty"
 * and "thousand" by small rules, never matched by one regex. The engine (index.ts) runs the
 * rules bottom-up over a chart of items; resolve.ts turns the chosen items into Quantities.
 *
 * Layers (Duckling's dimension dependencies, in one chart):
 * - numerals: `num` (a value or a range), `scale` ("million"), `frac` ("two-thirds"), `ord`;
 * - quantities: `q`, each with a dimension (count, percent, money, year, duration, ...), built
 *   from numerals plus currency signs, units, hedges and range words.
 * Only `q` items are ever output.
 */
import { NEAR_HIT_BITS, nthToken, SpellingMemo } from '../tokenize.js';
import type { Approx, Quantity, Token } from '../types.js';
import {
  ABOUT_AS_PREPOSITION,
  AGE_CUES,
  AGE_SUFFIXES,
  CHANGE_VERBS,
  COUNT_MODIFIERS,
  CURRENCY_CODES,
  CURRENCY_NAMES,
  CURRENCY_SIGNS,
  DENOMINATORS,
  GLUED_COUNT_SUFFIXES,
  GLUED_UNITS,
  HANDFUL,
  HEDGES,
  IDENTIFIER_NOUNS,
  IRREGULAR_PLURALS,
  MONTHS,
  NON_RATE_AFTER,
  NON_RATE_BEFORE,
  NOT_PLURALS,
  ORDINAL_SUFFIXES,
  ORDINALS,
  PARTITION_DETERMINERS,
  PARTITION_NOUNS,
  PEOPLE_COLLECTIVES,
  PERCENT_WORDS,
  POSTFIX_HEDGES,
  RATE_ADJECTIVE_BLOCK,
  RATES,
  SCALES,
  SHARE_DETERMINERS,
  SHARE_PRONOUNS,
  SUFFIX_SCALES,
  TENS,
  UNITS,
  UNITS_AFTER,
  type UnitDimension,
  VAGUE_MULTIPLIERS,
  VAGUE_PLURALS,
  YEAR_CUES_BEFORE,
  YEAR_NOUNS_AFTER,
  YEAR_RANGE,
} from './lexicon.js';

export type Kind = 'num' | 'scale' | 'frac' | 'ord' | 'q';
export type Dimension = Quantity['dimension'];

/** A parse of tokens `[i, j)` of the sentence. Raw data: resolve.ts makes the Quantity. */
export interface Item {
  kind: Kind;
  i: number;
  j: number;
  rule: string;
  /** breaks ties between items of the same length: higher wins */
  priority: number;
  /** num/q: the bounds; scale: its value; frac: the ratio (0..1); ord: its value */
  low: number | null;
  high: number | null;
  approx: Approx;
  /** num: spelled out ("two hundred") rather than written in digits */
  words: boolean;
  /** num: the largest multiplier already applied (Duckling's grain): "7 million" 1e6, "25" 1 */
  grain: number;
  /** num: may be a calendar year: four bare digits in YEAR_RANGE (a range: both ends are) */
  year: boolean;
  /** num: a year-like number that counts a plural noun after it ("2000 workers"): read as a count */
  counts: boolean;
  range: boolean;
  vague: boolean;
  /** frac: written with an article ("a third"), which is also an ordinal ("a third country") */
  article: boolean;
  dimension: Dimension | null;
  /** q: percent, an ISO 4217 code, km, year, ... */
  unit: string | null;
  /** q: token range of the hedge words */
  hedge: { i: number; j: number } | null;
}

export type Produced = Partial<Omit<Item, 'kind' | 'rule'>> & { kind: Kind };

/** One matched element of a pattern: its token range, the item it matched, or a phrase's value. */
export interface Part {
  i: number;
  j: number;
  item: Item | null;
  value: unknown;
}

/** What an extract may read: the sentence's tokens and the document text. */
export interface Scan {
  tokens: readonly Token[];
  text: string;
}

/** A multi-token phrase list compiled to a trie over lower-cased token texts. */
export interface Trie {
  next: Map<string, Trie>;
  value: unknown;
  has: boolean;
}

export type NumberShape = 'digits' | 'glued';

/** Plain digits with separators: "10,000", "0.43". Anything else starting with a digit is glued. */
export const numberShape = (t: Token): NumberShape => (parseDigits(t.text) === null ? 'glued' : 'digits');

export type Elem =
  | { kind: Kind; when?: (it: Item) => boolean }
  | { words: ReadonlySet<string>; when?: (t: Token) => boolean; optional?: boolean }
  | { phrase: Trie; optional?: boolean }
  /** a number token; `shape` lets the engine index it: plain digits ("10,000") or glued ("7m", "11th") */
  | { type: 'number'; when: (t: Token) => boolean; shape?: NumberShape }
  /** a word token with inner hyphens whose first part is in the set ("twenty-five", "two-thirds") */
  | { hyphen: ReadonlySet<string> };

export interface Rule {
  name: string;
  pattern: readonly Elem[];
  /**
   * For rules that match tokens only: the words that wake the engine, when the last token of
   * the pattern is too common to ("months" in "several months").
   */
  trigger?: ReadonlySet<string>;
  /** Returns a fresh item built with `make` (never a shared constant: the engine sets its span). */
  extract(p: readonly Part[], s: Scan): Item | null;
}

// ---------------------------------------------------------------------------------------------
// Helpers shared by the rules (the one place for word-boundary and shape tests)

export function trie<V>(entries: Iterable<readonly [string, V]>): Trie {
  const root: Trie = { next: new Map(), value: undefined, has: false };
  for (const [phrase, value] of entries) {
    let node = root;
    for (const w of phrase.split(' ')) {
      let child = node.next.get(w);
      if (!child) {
        child = { next: new Map(), value: undefined, has: false };
        node.next.set(w, child);
      }
      node = child;
    }
    if (!node.has) {
      node.value = value;
      node.has = true;
    }
  }
  return root;
}

const set = (...lists: Iterable<string>[]): ReadonlySet<string> => {
  const s = new Set<string>();
  for (const l of lists) for (const w of l) s.add(w);
  return s;
};

/** Keeps float noise out of values: 1.1 * 1e6 -> 1100000, 1.2 * 1e9 -> 1200000000. */
export const clean = (v: number): number => (Number.isInteger(v) ? v : Math.round(v * 1e6) / 1e6);
const pct = (ratio: number): number => Math.round(ratio * 100000) / 1000;

const NUM = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
const GLUED_SCALE_RE = new RegExp(`^(${NUM})(k|m|mn|mln|b|bn|bln|tn|million|billion|thousand)$`, 'i');
const TOKEN_RANGE_RE = new RegExp(`^(${NUM})[-‐](${NUM})$`);
const GLUED_SUFFIX_RE = new RegExp(`^(${NUM})-?([a-z²]+(?:-[a-z]+)*)$`, 'i');
const ORDINAL_DIGITS_RE = /^(\d+)(st|nd|rd|th)(?:-[\p{L}-]+)?$/iu;
const DECADE_RE = /^(1\d\d0|20\d0)'?s$/;

/**
 * "10,000" -> 10000, "0.43" -> 0.43; null for anything that is not a well-formed number
 * ("1,00", "1.2.3", "7m"). A char loop: it runs on every number token.
 */
export function parseDigits(s: string): number | null {
  let v = 0;
  let k = 0;
  let group = -1; // digits since the last comma, or -1 before any comma
  let lead = 0; // digits before the first comma
  for (; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48);
      if (group >= 0) group++;
      else lead++;
    } else if (c === 44) {
      if ((group < 0 && (lead === 0 || lead > 3)) || (group >= 0 && group !== 3)) return null;
      group = 0;
    } else break;
  }
  if (k === 0 || (group >= 0 && group !== 3)) return null;
  // 310 digits and more overflow to Infinity, which is no figure (hostile input; JSON prints null)
  if (!Number.isFinite(v)) return null;
  if (k === s.length) return v;
  if (s.charCodeAt(k) !== 46 || k + 1 === s.length) return null;
  let scale = 1;
  for (k++; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 48 || c > 57) return null;
    scale /= 10;
    v += (c - 48) * scale;
  }
  // past 1.8e299, v * 1e9 is Infinity: such a figure keeps its value unrounded
  const rounded = Math.round(v * 1e9) / 1e9;
  return Number.isFinite(rounded) ? rounded : v;
}

const isYearValue = (v: number): boolean => Number.isInteger(v) && v >= YEAR_RANGE[0] && v <= YEAR_RANGE[1];
const isCapitalised = (t: Token): boolean => t.type === 'word' && t.text[0] !== t.lower[0];

/** A word that can head a counted noun phrase: "workers", "Koreans", "people", "Vietnamese". */
export function isPluralNoun(t: Token): boolean {
  return PLURAL_NOUN.get(t);
}

/** A word that may stand between a number and what it counts: "North", "Korean", "migrant", "deported". */
export function isCountModifier(t: Token): boolean {
  return COUNT_MODIFIER.get(t);
}

// Both read the word alone, so each is worked out once per spelling: they run on the words after
// every number, and the suffix tests and the regular expression cost more than the look-up.
const PLURAL_NOUN = new SpellingMemo(pluralNoun, NEAR_HIT_BITS);
const COUNT_MODIFIER = new SpellingMemo(countModifier, NEAR_HIT_BITS);

function pluralNoun(t: Token): boolean {
  if (t.type !== 'word') return false;
  const w = t.lower;
  if (IRREGULAR_PLURALS.has(w)) return true;
  if (NOT_PLURALS.has(w) || w.length < 3) return false;
  if (w.endsWith('ese') && isCapitalised(t)) return true;
  if (!w.endsWith('s') || w.endsWith("'s") || w.endsWith('’s')) return false;
  return !(w.endsWith('ss') || w.endsWith('us') || w.endsWith('is') || w.endsWith('ous'));
}

const ADJECTIVE_ENDING = /(?:ed|an|ian|ese|al|ic|ive|ish|ary|ern|ant|ent|ing|ful|less|ous|ate|ile|ble)$/;

function countModifier(t: Token): boolean {
  if (t.type !== 'word') return false;
  if (isCapitalised(t)) return true;
  const w = t.lower;
  if (COUNT_MODIFIERS.has(w)) return true;
  if (w.includes('-')) return true;
  return w.length > 3 && ADJECTIVE_ENDING.test(w);
}

/**
 * The plural noun a number counts, scanning over up to five modifiers: "50,000 North Korean
 * workers" -> workers. Null when the scan meets anything else first ("700 were from").
 * With `skipOf`, "thousands of workers" reads through "of".
 */
export function countedAfter(
  tokens: readonly Token[],
  j: number,
  skipOf = false,
): { head: string; end: number; token: Token } | null {
  let k = j;
  if (skipOf && tokens[k]?.lower === 'of') k++;
  const stop = Math.min(tokens.length, k + 6);
  for (; k < stop; k++) {
    const t = tokens[k];
    if (isPluralNoun(t)) return { head: t.lower, end: k + 1, token: t };
    if (!isCountModifier(t)) return null;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Rates ("per month", "annually"): used by resolve (attached `per`) and annotateRates.

const RATE_TRIE = trie(RATES.map(([p, per, flags]) => [p, { per, flags }] as const));
export const RATE_FIRST_WORDS: ReadonlySet<string> = new Set(RATES.map(([p]) => p.split(' ')[0]));

/**
 * A rate phrase at token `k`, with its guards: "a year later", "for a year", "half a year" are
 * durations; "Daily NK" and "daily life" are not rates.
 */
export function rateAt(
  tokens: readonly Token[],
  k: number,
): { per: 'year' | 'month' | 'week' | 'day'; end: number; rule: string } | null {
  const first = tokens[k];
  if (!first || !RATE_FIRST_WORDS.has(first.lower)) return null;
  // the longest rate phrase starting at k
  let node: Trie | undefined = RATE_TRIE;
  let found: Trie | null = null;
  let end = k;
  for (let x = k; x < tokens.length && node; x++) {
    node = node.next.get(tokens[x].lower);
    if (node?.has) {
      found = node;
      end = x + 1;
    }
  }
  if (!found) return null;
  const { per, flags } = found.value as {
    per: 'year' | 'month' | 'week' | 'day';
    flags: { article?: boolean; adverb?: boolean };
  };
  const before = tokens[k - 1];
  const after = tokens[end];
  if (flags.article) {
    if (before && NON_RATE_BEFORE.has(before.lower)) return null;
    if (after && NON_RATE_AFTER.has(after.lower)) return null;
    return { per, end, rule: 'rate: a year' };
  }
  if (flags.adverb) {
    const t = tokens[k];
    // "Daily NK", "The Korea Daily": a capitalised rate word after the first token is a name.
    if (isCapitalised(t) && (k > 0 || (after && isCapitalised(after)))) return null;
    if (after && RATE_ADJECTIVE_BLOCK.has(after.lower)) return null;
    return { per, end, rule: 'rate: annually' };
  }
  if (tokens[k].lower === 'each' || tokens[k].lower === 'every') {
    if (after && after.lower === 'of') return null;
    return { per, end, rule: 'rate: each year' };
  }
  return { per, end, rule: 'rate: per year' };
}

// ---------------------------------------------------------------------------------------------
// Word sets and tries built once from the lexicon

const A = set(['a', 'an']);
const AND = set(['and']);
const OF = set(['of']);
const TO = set(['to', '-', '–', '—', 'through']);
const RANGE_DASH = set(['to', '-', '–', '—']);
const OR = set(['or']);
const BETWEEN = set(['between']);
const FROM = set(['from']);
const HALF = set(['half']);
const UNIT_WORDS = set(UNITS.keys());
const TENS_WORDS = set(TENS.keys());
const SCALE_WORDS = set(SCALES.keys());
const ORDINAL_WORDS = set(ORDINALS.keys());
const DENOMINATOR_WORDS = set(DENOMINATORS.keys());
const SINGULAR_DENOMINATORS = set([...DENOMINATORS.keys()].filter((w) => !w.endsWith('s')));
const VAGUE_PLURAL_WORDS = set(VAGUE_PLURALS.keys());
const CURRENCY_CODE_WORDS = set([...CURRENCY_CODES.keys()].map((c) => c.toLowerCase()));
const MONTH_WORDS = MONTHS;
const IDENT_WORDS = IDENTIFIER_NOUNS;
/** Identifier nouns that count even in lower case ("under article 8", "p. 45"). */
const LOWERCASE_IDENTS = set([
  'article',
  'articles',
  'resolution',
  'section',
  'chapter',
  'paragraph',
  'clause',
  'page',
  'pages',
  'p',
  'pp',
  'no',
  'nos',
  'vol',
  'fig',
]);
const HYPHEN_NUMBER_HEADS = set(UNITS.keys(), TENS.keys());
const HYPHEN_ORDINAL_HEADS = set(ORDINALS.keys(), TENS.keys());
const YEAR_PREFIXES = set(['mid', 'early', 'late', 'pre', 'post']);
const SCALE_LETTERS = set(['m', 'b', 'k', 'bn', 'mn']);

const HEDGE_TRIE = trie(HEDGES);
const POSTFIX_HEDGE_TRIE = trie(POSTFIX_HEDGES);
/** Every word that occurs in a hedge: they may stand before a subject fraction ("Almost two-thirds"). */
export const HEDGE_WORDS: ReadonlySet<string> = set(HEDGES.flatMap(([p]) => p.split(' ')));
const PERCENT_TRIE = trie(PERCENT_WORDS.map((w) => [w, true] as const));
const SIGN_TRIE = trie(CURRENCY_SIGNS);
const NAME_TRIE = trie(CURRENCY_NAMES);
const UNIT_TRIE = trie(UNITS_AFTER.map(([p, d, u]) => [p, [d, u] as const] as const));
const AGE_CUE_TRIE = trie(AGE_CUES.map((w) => [w, true] as const));
const AGE_SUFFIX_TRIE = trie(AGE_SUFFIXES.map((w) => [w, true] as const));
const VAGUE_TRIE = trie(VAGUE_MULTIPLIERS);
const OUT_OF_TRIE = trie([
  ['in', true],
  ['out of', true],
]);
const CLOCK_TRIE = trie([
  ['a . m .', true],
  ['p . m .', true],
  ['am', true],
  ['pm', true],
]);

// ---------------------------------------------------------------------------------------------
// Item predicates

const num = (when?: (it: Item) => boolean): Elem => ({ kind: 'num', when });
const quant = (when?: (it: Item) => boolean): Elem => ({ kind: 'q', when });
const numberToken = (when: (t: Token) => boolean, shape?: NumberShape): Elem => ({ type: 'number', when, shape });
const word = (words: ReadonlySet<string>, when?: (t: Token) => boolean): Elem => ({ words, when });
const isPoint = (it: Item): boolean => !it.range && !it.vague;
const isInt = (it: Item): boolean => it.low !== null && Number.isInteger(it.low);
const value = (p: Part): number => p.item?.low ?? 0;

/**
 * Builds an item with every field, in one order. Extracts wrap their object literals in it, so
 * V8 inlines it per rule and every item shares one hidden class: reading a dozen optional fields
 * from literals of many shapes in one place measured 30 times slower (megamorphic loads).
 */
export function make(p: Produced): Item {
  return {
    kind: p.kind,
    i: 0,
    j: 0,
    rule: '',
    priority: p.priority ?? 0,
    low: p.low ?? null,
    high: p.high ?? null,
    approx: p.approx ?? 'exact',
    words: p.words ?? false,
    grain: p.grain ?? 1,
    year: p.year ?? false,
    counts: p.counts ?? false,
    range: p.range ?? false,
    vague: p.vague ?? false,
    article: p.article ?? false,
    dimension: p.dimension ?? null,
    unit: p.unit ?? null,
    hedge: p.hedge ?? null,
  };
}

const numeral = (low: number, words = false, grain = 1): Item => {
  const v = clean(low);
  return make({ kind: 'num', low: v, high: v, words, grain });
};

function quantity(from: Item, dimension: Dimension, unit: string | null, priority = 0): Item {
  return make({ kind: 'q', low: from.low, high: from.high, approx: from.approx, dimension, unit, priority });
}

// ---------------------------------------------------------------------------------------------
// Numeral rules: leaves

const integer019: Rule = {
  name: 'integer (0..19)',
  pattern: [{ words: UNIT_WORDS }],
  extract: ([w]) => numeral(UNITS.get((w.value as Token).lower) ?? 0, true),
};

const tens: Rule = {
  name: 'integer (20..90)',
  pattern: [{ words: TENS_WORDS }],
  extract: ([w]) => numeral(TENS.get((w.value as Token).lower) ?? 0, true),
};

/** Splits "twenty-five-year-old" into its number words and the rest: [25, ['year', 'old']]. */
function leadingNumberWords(lower: string): [number, string[]] | null {
  const parts = lower.split(/[-‐]/);
  const t = TENS.get(parts[0]);
  if (t !== undefined) {
    const u = UNITS.get(parts[1] ?? '');
    if (u !== undefined && u > 0 && u < 10) return [t + u, parts.slice(2)];
    return [t, parts.slice(1)];
  }
  const u = UNITS.get(parts[0]);
  return u === undefined ? null : [u, parts.slice(1)];
}

const hyphenatedInteger: Rule = {
  name: 'integer (21..99) hyphenated',
  pattern: [{ hyphen: TENS_WORDS }],
  extract: ([w]) => {
    const r = leadingNumberWords((w.value as Token).lower);
    return r && r[1].length === 0 ? numeral(r[0], true) : null;
  },
};

const scaleWord: Rule = {
  name: 'scale word (hundred, million)',
  pattern: [{ words: SCALE_WORDS }],
  extract: ([w]) => {
    const v = SCALES.get((w.value as Token).lower) ?? 1;
    return make({ kind: 'scale', low: v, high: v });
  },
};

const digits: Rule = {
  name: 'digits (10,000 / 0.43)',
  pattern: [numberToken(() => true, 'digits')],
  extract: ([w], s) => {
    const t = w.value as Token;
    const v = parseDigits(t.text);
    if (v === null) return null;
    const year = t.text.length === 4 && isYearValue(v);
    return make({ kind: 'num', low: v, high: v, year, counts: year && yearCountsSomething(s, w.i, w.j) });
  },
};

const gluedScale: Rule = {
  name: 'digits + glued scale (7m, 1.2bn, 10k)',
  pattern: [numberToken((t) => GLUED_SCALE_RE.test(t.text), 'glued')],
  extract: ([w], s) => {
    const m = GLUED_SCALE_RE.exec((w.value as Token).text);
    const v = m ? parseDigits(m[1]) : null;
    const scale = m ? SUFFIX_SCALES.get(m[2].toLowerCase()) : undefined;
    if (v === null || !scale) return null;
    // "7m" is seven metres unless money precedes it ("$7m") or people follow ("1.5m people").
    if (scale.moneyOnly && !CURRENCY_SIGNS.has(s.tokens[w.i - 1]?.lower ?? '') && !countedAfter(s.tokens, w.j)) {
      return null;
    }
    return numeral(v * scale.value, false, scale.value);
  },
};

const tokenRange: Rule = {
  name: 'range in one token (100-500)',
  pattern: [numberToken((t) => TOKEN_RANGE_RE.test(t.text), 'glued')],
  extract: ([w], s) => {
    const m = TOKEN_RANGE_RE.exec((w.value as Token).text);
    if (!m) return null;
    const a = parseDigits(m[1]);
    let b = parseDigits(m[2]);
    if (a === null || b === null) return null;
    const yearA = /^\d{4}$/.test(m[1]) && isYearValue(a);
    // "1946-49": the second year written with two digits.
    if (yearA && /^\d{2}$/.test(m[2])) b = Math.floor(a / 100) * 100 + b;
    // A falling pair ("17-5", "1428-326") is a score or an identifier, not a range.
    if (!(a < b)) return null;
    const year = yearA && /^\d{2,4}$/.test(m[2]) && isYearValue(b);
    return make({
      kind: 'num',
      low: a,
      high: b,
      range: true,
      approx: 'range',
      year,
      counts: year && yearCountsSomething(s, w.i, w.j),
    });
  },
};

const gluedCountSuffix: Rule = {
  name: 'digits + glued count word (2,000-strong, 300-odd)',
  pattern: [numberToken((t) => GLUED_SUFFIX_RE.test(t.text), 'glued')],
  extract: ([w]) => {
    const m = GLUED_SUFFIX_RE.exec((w.value as Token).text);
    if (!m || !(w.value as Token).text.includes('-')) return null;
    const suffix = m[2].toLowerCase();
    if (!GLUED_COUNT_SUFFIXES.has(suffix)) return null;
    const v = parseDigits(m[1]);
    if (v === null) return null;
    const approx: Approx = suffix === 'odd' ? 'about' : suffix === 'plus' ? 'at-least' : 'exact';
    return make({ kind: 'num', low: v, high: approx === 'at-least' ? null : v, approx });
  },
};

const gluedUnit: Rule = {
  name: 'digits + glued unit (10km, 25-year, 3-fold)',
  pattern: [numberToken((t) => GLUED_SUFFIX_RE.test(t.text), 'glued')],
  extract: ([w], s) => {
    const m = GLUED_SUFFIX_RE.exec((w.value as Token).text);
    const v = m ? parseDigits(m[1]) : null;
    if (!m || v === null) return null;
    const suffix = m[2].toLowerCase();
    if (/^(?:years?|yrs?)-olds?$/.test(suffix)) {
      return make({ kind: 'q', low: v, high: v, dimension: 'age', unit: 'year', priority: 1 });
    }
    if (suffix === 'percent' || suffix === 'per-cent' || suffix === 'pc') {
      return make({ kind: 'q', low: v, high: v, dimension: 'percent', unit: 'percent', priority: 1 });
    }
    const unit = GLUED_UNITS.get(suffix) ?? GLUED_UNITS.get(suffix.split('-')[0]);
    if (!unit) return null;
    // "10m people" is ten million (gluedScale), "a 10m wall" ten metres.
    if (suffix === 'm' && countedAfter(s.tokens, w.j)) return null;
    return make({ kind: 'q', low: v, high: v, dimension: unit[0], unit: unit[1], priority: 1 });
  },
};

const ordinalDigits: Rule = {
  name: 'ordinal in digits (11th, 72nd-largest)',
  pattern: [numberToken((t) => ORDINAL_DIGITS_RE.test(t.text), 'glued')],
  extract: ([w]) => {
    const m = ORDINAL_DIGITS_RE.exec((w.value as Token).text);
    if (!m || !ORDINAL_SUFFIXES.has(m[2].toLowerCase())) return null;
    const v = Number(m[1]);
    return make({ kind: 'ord', low: v, high: v });
  },
};

const decade: Rule = {
  name: 'decade (the 1990s)',
  pattern: [numberToken((t) => DECADE_RE.test(t.text), 'glued')],
  extract: ([w]) => {
    const m = DECADE_RE.exec((w.value as Token).text);
    if (!m) return null;
    const v = Number(m[1]);
    return make({ kind: 'q', low: v, high: v + 9, dimension: 'year', unit: 'decade', approx: 'range' });
  },
};

const prefixedYear: Rule = {
  name: 'year with a prefix (mid-1990s, pre-1945)',
  pattern: [{ hyphen: YEAR_PREFIXES }],
  extract: ([w]) => {
    const rest = (w.value as Token).lower.replace(/^[a-z]+[-‐]/, '');
    const d = DECADE_RE.exec(rest);
    if (d)
      return make({
        kind: 'q',
        low: Number(d[1]),
        high: Number(d[1]) + 9,
        dimension: 'year',
        unit: 'decade',
        approx: 'range',
      });
    if (/^\d{4}$/.test(rest) && isYearValue(Number(rest))) {
      return make({ kind: 'q', low: Number(rest), high: Number(rest), dimension: 'year', unit: 'year' });
    }
    return null;
  },
};

const ordinalWord: Rule = {
  name: 'ordinal word (second, third)',
  pattern: [{ words: ORDINAL_WORDS }],
  extract: ([w]) => {
    const v = ORDINALS.get((w.value as Token).lower) ?? 0;
    return make({ kind: 'ord', low: v, high: v });
  },
};

const hyphenatedOrdinal: Rule = {
  name: 'ordinal hyphenated (twenty-first, third-generation)',
  pattern: [{ hyphen: HYPHEN_ORDINAL_HEADS }],
  extract: ([w]) => {
    const parts = (w.value as Token).lower.split(/[-‐]/);
    const t = TENS.get(parts[0]);
    if (t !== undefined) {
      const o = ORDINALS.get(parts[1] ?? '');
      return o !== undefined && o < 10 ? make({ kind: 'ord', low: t + o, high: t + o }) : null;
    }
    const o = ORDINALS.get(parts[0]);
    return o === undefined ? null : make({ kind: 'ord', low: o, high: o });
  },
};

const hyphenatedFraction: Rule = {
  name: 'fraction hyphenated (two-thirds, one-quarter)',
  pattern: [{ hyphen: HYPHEN_NUMBER_HEADS }],
  extract: ([w]) => {
    const parts = (w.value as Token).lower.split(/[-‐]/);
    if (parts.length !== 2) return null;
    const n = UNITS.get(parts[0]);
    const d = DENOMINATORS.get(parts[1]);
    if (n === undefined || d === undefined || n < 1 || n >= d) return null;
    return make({ kind: 'frac', low: n / d, high: n / d });
  },
};

const hyphenatedUnit: Rule = {
  name: 'spelled number + glued unit (five-year, ten-year-old)',
  pattern: [{ hyphen: HYPHEN_NUMBER_HEADS }],
  extract: ([w]) => {
    const r = leadingNumberWords((w.value as Token).lower);
    if (!r || r[1].length === 0) return null;
    const [v, rest] = r;
    const suffix = rest.join('-');
    if (/^(?:years?|yrs?)-olds?$/.test(suffix)) {
      return make({ kind: 'q', low: v, high: v, dimension: 'age', unit: 'year', priority: 1 });
    }
    if (GLUED_COUNT_SUFFIXES.has(suffix)) return numeral(v, true);
    const unit = GLUED_UNITS.get(suffix);
    return unit ? make({ kind: 'q', low: v, high: v, dimension: unit[0], unit: unit[1], priority: 1 }) : null;
  },
};

const half: Rule = {
  name: 'fraction: half',
  pattern: [{ words: HALF }],
  extract: () => make({ kind: 'frac', low: 0.5, high: 0.5 }),
};

const vaguePlural: Rule = {
  name: 'vague: plural scale (thousands, dozens)',
  pattern: [{ words: VAGUE_PLURAL_WORDS }],
  extract: ([w], s) => {
    const lower = (w.value as Token).lower;
    const bounds = VAGUE_PLURALS.get(lower);
    if (!bounds) return null;
    // "tens" and "scores" are amounts only in "tens of", "scores of" ("test scores" is not).
    if ((lower === 'tens' || lower === 'scores') && s.tokens[w.j]?.lower !== 'of') return null;
    const grain = lower === 'dozens' ? 12 : lower === 'scores' ? 20 : bounds[0] / 2;
    return make({ kind: 'num', low: bounds[0], high: bounds[1], vague: true, approx: 'vague', grain });
  },
};

const handful: Rule = {
  name: 'vague: a handful of',
  pattern: [{ words: A }, { words: set(['handful']) }],
  extract: (_p, s) =>
    s.tokens[_p[1].j]?.lower === 'of'
      ? make({ kind: 'num', low: HANDFUL[0], high: HANDFUL[1], vague: true, approx: 'vague' })
      : null,
};

// ---------------------------------------------------------------------------------------------
// Numeral rules: composition (each builds a numeral from smaller ones)

const tensAndUnits: Rule = {
  name: 'integer: tens + units (twenty five)',
  pattern: [
    num((it) => it.words && isPoint(it) && it.grain === 1 && (it.low ?? 0) >= 20 && (it.low ?? 0) % 10 === 0),
    num((it) => it.words && isPoint(it) && (it.low ?? 0) >= 1 && (it.low ?? 0) <= 9),
  ],
  extract: ([a, b]) => (a.item!.low! < 100 ? numeral(value(a) + value(b), true) : null),
};

const timesScale: Rule = {
  name: 'numeral × scale (7 million, two hundred, 1.2 billion)',
  pattern: [num(), { kind: 'scale' }],
  extract: ([a, b]) => {
    const n = a.item!;
    const scale = b.item!.low!;
    const lo = n.low ?? 0;
    const hi = n.high ?? lo;
    if (lo <= 0 || n.grain >= scale) return null;
    // "two hundred": 1..99 hundred; "two dozen": a small count of dozens; otherwise below 1000
    // of the scale, so "10,000 million" is read as two numbers, not 1e10.
    const limit = scale === 100 ? 100 : scale === 12 ? 21 : 1000;
    if (hi >= limit) return null;
    const v = make({
      kind: 'num',
      low: clean(lo * scale),
      high: n.vague && n.high !== null ? clean((n.high + 1) * scale - 1) : clean(hi * scale),
      words: n.words,
      grain: scale,
      range: n.range,
      vague: n.vague,
      approx: n.approx,
    });
    return v;
  },
};

const articleScale: Rule = {
  name: 'a + scale (a hundred, a million, a dozen)',
  pattern: [{ words: A }, { kind: 'scale' }],
  extract: ([, b]) => numeral(b.item!.low!, true, b.item!.low!),
};

const hundredsAndTens: Rule = {
  name: 'integer: hundreds and tens (two hundred and fifty)',
  pattern: [
    num((it) => it.words && isPoint(it) && it.grain === 100),
    { words: AND, optional: true },
    num((it) => it.words && isPoint(it) && it.grain === 1 && (it.low ?? 100) < 100),
  ],
  extract: ([a, , b]) => numeral(value(a) + value(b), true, 100),
};

const bigAndSmaller: Rule = {
  name: 'integer: scale + smaller (one thousand two hundred)',
  pattern: [
    num((it) => it.words && isPoint(it) && it.grain >= 1000),
    { words: AND, optional: true },
    num((it) => it.words && isPoint(it)),
  ],
  extract: ([a, , b]) => {
    const big = a.item!;
    const small = b.item!;
    if (small.grain >= big.grain || value(b) >= big.grain) return null;
    return numeral(value(a) + value(b), true, big.grain);
  },
};

const andAHalf: Rule = {
  name: 'numeral and a half (one and a half million)',
  pattern: [
    num((it) => isPoint(it) && it.grain === 1 && (it.low ?? 1000) < 1000),
    { words: AND },
    { words: A },
    { words: HALF },
  ],
  extract: ([a]) => numeral(value(a) + 0.5, a.item!.words),
};

const halfAScale: Rule = {
  name: 'half a + scale (half a million)',
  pattern: [{ words: HALF }, { words: A }, { kind: 'scale' }],
  extract: ([, , b]) => numeral(b.item!.low! / 2, true, b.item!.low!),
};

const fractionOfAScale: Rule = {
  name: 'fraction of a + scale (a quarter of a million)',
  pattern: [{ kind: 'frac' }, { words: OF }, { words: A }, { kind: 'scale' }],
  extract: ([a, , , b]) => numeral(value(a) * b.item!.low!, true, b.item!.low!),
};

const articleFraction: Rule = {
  name: 'fraction: a/one + denominator (a third, one quarter)',
  pattern: [{ words: set(['a', 'an', 'one']) }, { words: SINGULAR_DENOMINATORS }],
  extract: ([a, d]) => {
    const den = DENOMINATORS.get((d.value as Token).lower) ?? 0;
    if (den < 2) return null;
    return make({ kind: 'frac', low: 1 / den, high: 1 / den, article: (a.value as Token).lower !== 'one' });
  },
};

const numeralFraction: Rule = {
  name: 'fraction: numeral + denominator (two thirds)',
  pattern: [
    num((it) => it.words && isPoint(it) && (it.low ?? 0) >= 2 && (it.low ?? 0) <= 9),
    { words: DENOMINATOR_WORDS },
  ],
  extract: ([n, d]) => {
    const den = DENOMINATORS.get((d.value as Token).lower) ?? 0;
    const v = value(n);
    return v < den ? make({ kind: 'frac', low: v / den, high: v / den }) : null;
  },
};

/** Characters that may group thousands in "10 000": a space, a no-break space, a thin space. */
const GROUP_SPACES = new Set([' ', '\u00a0', '\u202f', '\u2009']);

const SPACED_THOUSANDS = 'digits grouped by spaces (10 000)';

const spacedThousands: Rule = {
  name: SPACED_THOUSANDS,
  pattern: [
    num(
      (it) =>
        !it.words &&
        isPoint(it) &&
        isInt(it) &&
        ((it.grain === 1 && (it.low ?? 0) >= 1 && (it.low ?? 0) < 1000) ||
          // "1 000 000" chains; the bound stops "100 100 100 ..." from chaining quadratically
          (it.rule === SPACED_THOUSANDS && (it.low ?? 0) < 1e9)),
    ),
    numberToken((t) => t.text.length === 3 && /^\d{3}$/.test(t.text), 'digits'),
  ],
  extract: ([a, b], s) => {
    const left = s.tokens[a.j - 1];
    const right = b.value as Token;
    // exactly one grouping space, and the left number not itself a group ("1 000 000" builds up)
    if (right.start - left.end !== 1 || !GROUP_SPACES.has(s.text[left.end])) return null;
    if (left.text.length > 3) return null;
    return make({ kind: 'num', low: value(a) * 1000 + Number(right.text), high: value(a) * 1000 + Number(right.text) });
  },
};

const ORDINAL_SUFFIX_WORDS = set(ORDINAL_SUFFIXES);

const ordinalSplit: Rule = {
  name: 'ordinal with its suffix apart (1,000th)',
  pattern: [num((it) => !it.words && isPoint(it) && isInt(it)), word(ORDINAL_SUFFIX_WORDS)],
  extract: ([n, sfx], s) =>
    s.tokens[n.j - 1].end === (sfx.value as Token).start ? make({ kind: 'ord', low: value(n), high: value(n) }) : null,
};

const decimalScaleLetter: Rule = {
  name: 'decimal + scale letter before people (1.5m people)',
  pattern: [num((it) => !it.words && isPoint(it) && it.grain === 1), word(SCALE_LETTERS)],
  extract: ([n, l], s) => {
    const letter = l.value as Token;
    if (s.tokens[n.j - 1].end !== letter.start || !countedAfter(s.tokens, l.j)) return null;
    const sc = SUFFIX_SCALES.get(letter.lower);
    return sc ? numeral(value(n) * sc.value, false, sc.value) : null;
  },
};

const tensOfThousands: Rule = {
  name: 'vague: tens of thousands',
  pattern: [num((it) => it.vague), { words: OF }, num((it) => it.vague && it.rule === vaguePlural.name)],
  extract: ([a, , b]) => {
    const inner = a.item!;
    const outer = b.item!;
    const unit = outer.grain;
    if (inner.high === null || unit <= inner.high) return null;
    return make({
      kind: 'num',
      low: clean((inner.low ?? 0) * unit),
      high: clean((inner.high + 1) * unit - 1),
      vague: true,
      approx: 'vague',
      grain: unit * 10,
    });
  },
};

const vagueScale: Rule = {
  name: 'vague: several + scale (several thousand)',
  pattern: [{ phrase: VAGUE_TRIE }, { kind: 'scale' }],
  extract: ([v, sc]) => {
    const [lo, hi] = v.value as readonly [number, number | null];
    const s = sc.item!.low!;
    return make({
      kind: 'num',
      low: clean(lo * s),
      high: hi === null ? null : clean((hi + 1) * s - 1),
      vague: true,
      approx: 'vague',
      grain: s,
      words: true,
    });
  },
};

/**
 * Ranges of bare numerals. The scale trap: in "5 to 7 million" the right side is "7 million"
 * but the left means 5 million; the literal reading (5..7000000) is refused when the left
 * value is no bigger than the right's multiplier, so "numeral × scale" builds the range instead.
 */
function numRange(a: Item, b: Item, s: Scan, i: number): Item | null {
  if (!isPoint(a) || !isPoint(b) || a.approx !== 'exact' || b.approx !== 'exact') return null;
  const lo = a.low ?? 0;
  const hi = b.low ?? 0;
  if (!(lo < hi)) return null;
  if (a.year !== b.year) return null;
  if (b.grain > a.grain && lo <= hi / b.grain) return null;
  return make({
    kind: 'num',
    low: lo,
    high: hi,
    range: true,
    approx: 'range',
    words: a.words && b.words,
    grain: b.grain,
    year: a.year && b.year,
    counts: a.year && b.year && yearCountsSomething(s, i, b.j),
  });
}

const rangeTo: Rule = {
  name: 'range: X to Y (15,000 to 20,000)',
  pattern: [num(), { words: TO }, num()],
  extract: ([a, , b], s) => numRange(a.item!, b.item!, s, a.i),
};

const yearShortRange: Rule = {
  name: 'range: year to two digits (2016–17)',
  pattern: [
    num((it) => it.year && isPoint(it)),
    { words: RANGE_DASH },
    numberToken((t) => /^\d\d$/.test(t.text), 'digits'),
  ],
  extract: ([a, , b], s) => {
    const lo = value(a);
    const hi = Math.floor(lo / 100) * 100 + Number((b.value as Token).text);
    if (!(lo < hi)) return null;
    return make({
      kind: 'num',
      low: lo,
      high: hi,
      range: true,
      approx: 'range',
      year: true,
      counts: yearCountsSomething(s, a.i, b.j),
    });
  },
};

const SLASH = set(['/']);

const slashFraction: Rule = {
  name: 'fraction with a slash (1/3 of the workers)',
  pattern: [
    num((it) => !it.words && isPoint(it) && isInt(it) && (it.low ?? 0) >= 1 && (it.low ?? 0) <= 9),
    word(SLASH),
    numberToken((t) => /^\d\d?$/.test(t.text), 'digits'),
  ],
  extract: ([n, sl, d], s) => {
    const t = s.tokens;
    // written tight ("1/3"), and not part of a date ("1/3/2020")
    if (t[n.j - 1].end !== t[sl.i].start || t[sl.i].end !== (d.value as Token).start) return null;
    if (t[d.j]?.lower === '/') return null;
    const den = Number((d.value as Token).text);
    const v = value(n);
    if (!(v < den)) return null;
    return make({ kind: 'frac', low: v / den, high: v / den });
  },
};

const rangeBetween: Rule = {
  name: 'range: between X and Y',
  pattern: [{ words: BETWEEN }, num(), { words: AND }, num()],
  extract: ([f, a, , b], s) => numRange(a.item!, b.item!, s, f.i),
};

/** "rose from 10,000 to 20,000" is a change between two values, not a range. */
function afterChangeVerb(s: Scan, i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) if (CHANGE_VERBS.has(s.tokens[k].lower)) return true;
  return false;
}

const rangeFrom: Rule = {
  name: 'range: from X to Y',
  pattern: [{ words: FROM }, num(), { words: RANGE_DASH }, num()],
  extract: ([f, a, , b], s) => (afterChangeVerb(s, f.i) ? null : numRange(a.item!, b.item!, s, f.i)),
};

const rangeOr: Rule = {
  name: 'range: X or Y + scale/noun (two or three thousand)',
  pattern: [num((it) => !it.year), { words: OR }, num((it) => !it.year)],
  extract: ([a, , b], s) => {
    const next = s.tokens[b.j];
    if (!next) return null;
    const ok =
      SCALES.has(next.lower) ||
      isPluralNoun(next) ||
      UNIT_TRIE.next.has(next.lower) ||
      PERCENT_TRIE.next.has(next.lower) ||
      NAME_TRIE.next.has(next.lower);
    if (!ok || b.item!.grain > 1) return null;
    return numRange(a.item!, b.item!, s, a.i);
  },
};

// ---------------------------------------------------------------------------------------------
// Quantity rules

/** "In 1947 workers", "the 2002 census": a bare four-digit number is a year unless it counts people. */
function yearCountsSomething(s: Scan, i: number, j: number): boolean {
  const prev = nthToken(s.tokens, i - 1);
  if (prev && YEAR_CUES_BEFORE.has(prev.lower)) return false;
  const c = countedAfter(s.tokens, j);
  return c !== null && !YEAR_NOUNS_AFTER.has(c.head) && !UNIT_TRIE.next.has(c.head);
}

const count: Rule = {
  name: 'count: numeral',
  pattern: [num()],
  extract: ([n]) => {
    const it = n.item!;
    if (it.year && !it.counts) return null;
    // Bare "one" is a determiner far more often than a count ("one researcher", "one of them"),
    // and a bare "zero" is a temperature or a score ("30 degrees below zero").
    if (it.words && isPoint(it) && (it.low === 1 || it.low === 0)) return null;
    return quantity(it, 'count', null);
  },
};

const year: Rule = {
  name: 'year: four-digit numeral',
  pattern: [num((it) => it.year && !it.counts)],
  extract: ([n]) => quantity(n.item!, 'year', 'year'),
};

/** A date's low/high hold its year when written; a day and month alone have none. */
const dayOfMonth = (): Item => make({ kind: 'q', low: null, high: null, dimension: 'year', unit: 'date', priority: 1 });

const dayMonth: Rule = {
  name: 'date: day + month (22 December)',
  pattern: [
    num((it) => !it.words && isPoint(it) && isInt(it) && (it.low ?? 0) >= 1 && (it.low ?? 0) <= 31),
    { words: MONTH_WORDS, when: isCapitalised },
  ],
  extract: dayOfMonth,
};

const monthDay: Rule = {
  name: 'date: month + day (December 22)',
  pattern: [
    { words: MONTH_WORDS, when: isCapitalised },
    num((it) => !it.words && isPoint(it) && isInt(it) && (it.low ?? 0) >= 1 && (it.low ?? 0) <= 31),
  ],
  extract: dayOfMonth,
};

const slashDate: Rule = {
  name: 'date: with slashes (1/3/2020)',
  pattern: [
    num((it) => !it.words && isPoint(it) && isInt(it)),
    word(SLASH),
    numberToken((t) => /^\d{1,2}$/.test(t.text), 'digits'),
    word(SLASH),
    numberToken((t) => /^\d{2}(?:\d{2})?$/.test(t.text), 'digits'),
  ],
  extract: ([n], s) => {
    const t = s.tokens;
    const text = s.text.slice(t[n.i].start, t[n.i + 4]?.end ?? 0);
    const m = /^\d{1,4}\/\d{1,2}\/(\d{2,4})$/.exec(text);
    if (!m) return null;
    const y = m[1].length === 4 ? Number(m[1]) : null;
    return make({ kind: 'q', low: y, high: y, dimension: 'year', unit: 'date', priority: 2 });
  },
};

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isoDate: Rule = {
  name: 'date: ISO (2019-12-22)',
  pattern: [numberToken((t) => ISO_DATE_RE.test(t.text), 'glued')],
  extract: ([w]) => {
    const y = Number(ISO_DATE_RE.exec((w.value as Token).text)?.[1]);
    return make({ kind: 'q', low: y, high: y, dimension: 'year', unit: 'date', priority: 2 });
  },
};

const clockTime: Rule = {
  name: 'time of day (10:30)',
  pattern: [num((it) => !it.words && isPoint(it)), { words: set([':']) }, num((it) => !it.words && isPoint(it))],
  extract: ([a]) => quantity(a.item!, 'other', 'time', 1),
};

const clockMeridiem: Rule = {
  name: 'time of day (5 p.m.)',
  pattern: [num((it) => isPoint(it) && (it.low ?? 99) <= 12), { phrase: CLOCK_TRIE }],
  extract: ([a]) => quantity(a.item!, 'other', 'time', 1),
};

const ordinal: Rule = {
  name: 'ordinal',
  pattern: [{ kind: 'ord' }],
  extract: ([o]) => make({ kind: 'q', low: o.item!.low, high: o.item!.high, dimension: 'ordinal' }),
};

const percent: Rule = {
  name: 'percent: number + % (65%, 90 per cent)',
  pattern: [num((it) => !it.vague), { phrase: PERCENT_TRIE }],
  extract: ([n]) => quantity(n.item!, 'percent', 'percent', 1),
};

/**
 * Whether a spoken fraction is a share of people. Accepts "two-thirds of the Koreans", "half of
 * them", "Almost two-thirds reside in Moscow" (subject); refuses partitions of time and space
 * ("the southern half of Sakhalin Island", "the latter half of the Japanese colonial era") and
 * the ordinal reading of "a third country".
 */
export function isShareContext(s: Scan, it: Item): boolean {
  const t = s.tokens;
  const p1 = t[it.i - 1];
  const p2 = t[it.i - 2];
  if (p1 && PARTITION_DETERMINERS.has(p1.lower)) return false;
  if (p1 && p2 && PARTITION_DETERMINERS.has(p2.lower) && p1.type === 'word' && !HEDGE_WORDS.has(p1.lower)) return false;
  if (p1 && (p1.lower === 'by' || p1.lower === 'in') && it.low === 0.5) return false;
  if (p1 && (p1.lower === 'a' || p1.lower === 'an') && !it.article) return false;
  const next = t[it.j];
  if (!next) return false;
  if (next.lower === 'of') return sharedNounPhrase(s, it.j + 1);
  if (it.article) return false;
  // "Half the workers", "half their income"
  if (SHARE_DETERMINERS.has(next.lower) && it.low === 0.5) return sharedNounPhrase(s, it.j);
  // Subject: at the start of a clause, after nothing but hedges ("Almost two-thirds reside").
  let k = it.i - 1;
  while (k >= 0 && HEDGE_WORDS.has(t[k].lower)) k--;
  const clauseStart =
    k < 0 || t[k].type === 'punct' || t[k].lower === 'and' || t[k].lower === 'while' || t[k].lower === 'but';
  if (!clauseStart) return false;
  return next.type === 'word' && !isCapitalised(next) && !PARTITION_NOUNS.has(next.lower) && !isPluralNoun(next);
}

function sharedNounPhrase(s: Scan, from: number): boolean {
  const t = s.tokens;
  let k = from;
  const first = t[k];
  if (!first) return false;
  if (SHARE_PRONOUNS.has(first.lower)) return true;
  for (let d = 0; d < 2 && t[k] && SHARE_DETERMINERS.has(t[k].lower); d++) k++;
  const stop = Math.min(t.length, k + 5);
  for (; k < stop; k++) {
    const w = t[k];
    if (w.type === 'number') return !/^\d{4}$/.test(w.text);
    if (w.type !== 'word') break;
    if (PARTITION_NOUNS.has(w.lower)) return false;
    if (PEOPLE_COLLECTIVES.has(w.lower) || isPluralNoun(w)) return true;
    // names and demonyms modify the head: "two-thirds of North Korea's workers"
    if (isCapitalised(w) || w.lower.endsWith("'s") || w.lower.endsWith('’s')) continue;
    if (!isCountModifier(w)) break;
  }
  return false;
}

const fractionShare: Rule = {
  name: 'percent: spoken fraction as a share (two-thirds of the workers)',
  pattern: [{ kind: 'frac' }],
  extract: ([f], s) => {
    const it = f.item!;
    if (!isShareContext(s, it)) return null;
    const v = pct(it.low ?? 0);
    return make({ kind: 'q', low: v, high: v, dimension: 'percent', unit: 'percent', approx: 'exact' });
  },
};

const oneInFive: Rule = {
  name: 'percent: N in M (one in five)',
  pattern: [
    num((it) => isPoint(it) && isInt(it) && !it.year),
    { phrase: OUT_OF_TRIE },
    num((it) => isPoint(it) && isInt(it) && !it.year),
  ],
  extract: ([a, , b]) => {
    const n = value(a);
    const d = value(b);
    if (!(n >= 1 && n < d && d <= 1000)) return null;
    const v = pct(n / d);
    return make({ kind: 'q', low: v, high: v, dimension: 'percent', unit: 'percent', approx: 'exact' });
  },
};

const moneySign: Rule = {
  name: 'money: sign + number ($40, US$7 million, €5)',
  pattern: [{ phrase: SIGN_TRIE }, num((it) => !it.vague)],
  extract: ([c, n]) => quantity(n.item!, 'money', c.value as string, 1),
};

const moneySignLetter: Rule = {
  name: 'money: sign + number + scale letter ($7 m, $1.2 bn)',
  pattern: [{ phrase: SIGN_TRIE }, num((it) => isPoint(it) && it.grain === 1), { words: SCALE_LETTERS }],
  extract: ([c, n, l]) => {
    const sc = SUFFIX_SCALES.get((l.value as Token).lower);
    if (!sc) return null;
    const v = clean(value(n) * sc.value);
    return make({ kind: 'q', low: v, high: v, dimension: 'money', unit: c.value as string, priority: 1 });
  },
};

const moneyCode: Rule = {
  name: 'money: code + number (USD 5 million)',
  pattern: [word(CURRENCY_CODE_WORDS, (t) => t.text === t.text.toUpperCase()), num((it) => !it.vague)],
  extract: ([c, n]) => quantity(n.item!, 'money', CURRENCY_CODES.get((c.value as Token).text) ?? null, 1),
};

const moneyCodeAfter: Rule = {
  name: 'money: number + code (5 million USD)',
  pattern: [num((it) => !it.year), word(CURRENCY_CODE_WORDS, (t) => t.text === t.text.toUpperCase())],
  extract: ([n, c]) => quantity(n.item!, 'money', CURRENCY_CODES.get((c.value as Token).text) ?? null, 1),
};

const WON_REFUSED_AFTER = set(['the', 'their', 'his', 'her', 'its', 'our', 'by', 'over', 'against', 'gold', 'silver']);

const moneyName: Rule = {
  name: 'money: number + currency name (5 euros, 1,000 won)',
  pattern: [num((it) => !it.vague), { phrase: NAME_TRIE }],
  extract: ([n, c], s) => {
    const it = n.item!;
    const last = s.tokens[c.j - 1].lower;
    if (last === 'won') {
      // "won" is also "win" in the past: "2 won the vote". Money has a real amount and no object.
      const after = s.tokens[c.j];
      if ((it.high ?? 0) < 100 || (after && WON_REFUSED_AFTER.has(after.lower))) return null;
    }
    if (last === 'pounds' || last === 'pound') {
      for (let k = n.i - 1; k >= 0 && k >= n.i - 3; k--) {
        if (s.tokens[k].lower.startsWith('weigh')) return quantity(it, 'other', 'lb', 1);
      }
    }
    return quantity(it, 'money', c.value as string, 1);
  },
};

const moneyVague: Rule = {
  name: 'money: vague + of + currency (millions of dollars)',
  pattern: [num((it) => it.vague), { words: OF }, { phrase: NAME_TRIE }],
  extract: ([n, , c]) => quantity(n.item!, 'money', c.value as string, 1),
};

const unit: Rule = {
  name: 'unit: number + unit (6,400 km, 11 years, 5 hectares)',
  pattern: [num(), { phrase: UNIT_TRIE }],
  extract: ([n, u], s) => {
    const [dimension, code] = u.value as readonly [UnitDimension, string];
    // "1.5m people" is a million people, not metres (decimalScaleLetter reads it).
    if (code === 'm' && countedAfter(s.tokens, u.j)) return null;
    return quantity(n.item!, dimension, code, 1);
  },
};

const vagueOfUnit: Rule = {
  name: 'unit: vague + of + unit (thousands of kilometres)',
  pattern: [num((it) => it.vague), { words: OF }, { phrase: UNIT_TRIE }],
  extract: ([n, , u]) => {
    const [dimension, code] = u.value as readonly [UnitDimension, string];
    return quantity(n.item!, dimension, code, 1);
  },
};

const vagueUnit: Rule = {
  name: 'unit: vague + unit (several months)',
  trigger: set(['several', 'few', 'couple', 'many']),
  pattern: [{ phrase: VAGUE_TRIE }, { phrase: UNIT_TRIE }],
  extract: ([v, u]) => {
    const [lo, hi] = v.value as readonly [number, number | null];
    const [dimension, code] = u.value as readonly [UnitDimension, string];
    return make({ kind: 'q', low: lo, high: hi, approx: 'vague', dimension, unit: code, priority: 1 });
  },
};

const ageCue: Rule = {
  name: 'age: aged + number (aged 25)',
  pattern: [{ phrase: AGE_CUE_TRIE }, num((it) => !it.year && !it.vague)],
  extract: ([, n]) => quantity(n.item!, 'age', 'year', 2),
};

const ageSuffix: Rule = {
  name: 'age: number + years old (25 years old)',
  pattern: [num((it) => !it.year && !it.vague), { phrase: AGE_SUFFIX_TRIE }],
  extract: ([n]) => quantity(n.item!, 'age', 'year', 2),
};

const IDENT_NUMBER = /^\d[\p{L}\p{N}./-]*$/u;

const identifier: Rule = {
  name: 'identifier: noun + number (Resolution 2397, Article 8)',
  pattern: [
    { words: IDENT_WORDS },
    { words: set(['.']), optional: true },
    { words: set(['no', 'nos']), optional: true },
    { words: set(['.']), optional: true },
    numberToken((t) => IDENT_NUMBER.test(t.text) && !t.text.includes(',')),
  ],
  extract: ([noun, , , , n]) => {
    const t = noun.value as Token;
    if (!isCapitalised(t) && !LOWERCASE_IDENTS.has(t.lower)) return null;
    // "No" needs its dot ("No. 84"); "no 5 workers" is a negation.
    if ((t.lower === 'no' || t.lower === 'nos') && noun.j === n.i) return null;
    const v = parseInt((n.value as Token).text, 10);
    return make({ kind: 'q', low: v, high: v, dimension: 'identifier', priority: 3 });
  },
};

const citation: Rule = {
  name: 'identifier: citation mark ([1])',
  pattern: [{ words: set(['[']) }, numberToken((t) => /^\d{1,4}$/.test(t.text)), { words: set([']']) }],
  extract: ([, n]) => {
    const v = Number((n.value as Token).text);
    return make({ kind: 'q', low: v, high: v, dimension: 'identifier', priority: 3 });
  },
};

const hashNumber: Rule = {
  name: 'identifier: # + number (#3)',
  pattern: [{ words: set(['#', '№']) }, numberToken((t) => IDENT_NUMBER.test(t.text))],
  extract: ([, n]) => {
    const v = parseInt((n.value as Token).text, 10);
    return make({ kind: 'q', low: v, high: v, dimension: 'identifier', priority: 3 });
  },
};

/** "over 1990", "under Article 4": bounding hedges do not apply to these. */
const UNHEDGEABLE: ReadonlySet<Dimension> = new Set(['identifier', 'ordinal']);

function applyHedge(q: Item, approx: Approx, hedge: { i: number; j: number }): Item {
  const base = make({
    kind: 'q',
    low: q.low,
    high: q.high,
    approx: q.approx,
    dimension: q.dimension,
    unit: q.unit,
    priority: q.priority,
    hedge,
  });
  if (q.approx === 'range' || q.approx === 'vague') return base;
  base.approx = approx;
  if (approx === 'at-least') {
    base.low = q.low ?? q.high;
    base.high = null;
  } else if (approx === 'at-most') {
    base.low = null;
    base.high = q.high ?? q.low;
  }
  return base;
}

const hedged: Rule = {
  name: 'hedge + quantity (roughly 10,000, more than 5 years)',
  pattern: [{ phrase: HEDGE_TRIE }, quant((it) => it.hedge === null && !UNHEDGEABLE.has(it.dimension!))],
  extract: ([h, q], s) => {
    const it = q.item!;
    const approx = h.value as Approx;
    const first = s.tokens[h.i].lower;
    if (first === 'about' && s.tokens[h.i - 1] && ABOUT_AS_PREPOSITION.has(s.tokens[h.i - 1].lower)) return null;
    if (it.dimension === 'year' && approx !== 'about') return null;
    // "some" hedges numbers only: "some 2,000 workers", never "some thousands" or "some half".
    if (first === 'some' && (it.vague || it.approx === 'vague')) return null;
    return applyHedge(it, approx, { i: h.i, j: h.j });
  },
};

const postfixHedged: Rule = {
  name: 'quantity + hedge (10,000 or more, 10,000+)',
  pattern: [
    quant(
      (it) => it.hedge === null && it.approx === 'exact' && !UNHEDGEABLE.has(it.dimension!) && it.dimension !== 'year',
    ),
    { phrase: POSTFIX_HEDGE_TRIE },
  ],
  extract: ([q, h], s) => {
    const t = s.tokens;
    const first = t[h.i];
    if (first.lower === 'plus' || first.lower === '+') {
      // "8,000 + 3,000" and "10,000 plus 5,000" are sums: two quantities.
      const after = t[h.j];
      if (after && (after.type === 'number' || UNITS.has(after.lower) || TENS.has(after.lower))) return null;
      if (first.lower === '+' && t[h.i - 1].end !== first.start) return null;
    }
    return applyHedge(q.item!, h.value as Approx, { i: h.i, j: h.j });
  },
};

const RANGEABLE: ReadonlySet<Dimension> = new Set([
  'count',
  'percent',
  'money',
  'duration',
  'distance',
  'other',
  'age',
]);

/** "76% to 84%", "$40 to $100": both sides carry their unit. Bare counts are ranged as numerals. */
function quantityRange(a: Item, b: Item): Item | null {
  if (a.dimension !== b.dimension || a.unit !== b.unit || !RANGEABLE.has(a.dimension!)) return null;
  if (a.approx === 'range' || a.approx === 'vague' || b.approx === 'range' || b.approx === 'vague') return null;
  if (a.dimension === 'count' && a.hedge === null && b.hedge === null) return null;
  // a hedge belongs before the whole range ("Roughly 15,000 to 20,000"); one inside it starts a
  // new quantity: "MOSCOW, Nov. 5 — Some 13,000 North Korean laborers arrived"
  if (b.hedge !== null) return null;
  const lo = a.low ?? a.high;
  const hi = b.high ?? b.low;
  if (lo === null || hi === null || !(lo < hi)) return null;
  return make({
    kind: 'q',
    low: lo,
    high: hi,
    approx: 'range',
    dimension: a.dimension,
    unit: a.unit,
    hedge: a.hedge,
    priority: Math.max(a.priority, b.priority),
  });
}

const qRangeTo: Rule = {
  name: 'range: quantity to quantity (76% to 84%, $40 to $100)',
  pattern: [{ kind: 'q' }, { words: RANGE_DASH }, { kind: 'q' }],
  extract: ([a, , b]) => quantityRange(a.item!, b.item!),
};

const qRangeBetween: Rule = {
  name: 'range: between quantity and quantity (between 5% and 10%)',
  pattern: [{ words: BETWEEN }, { kind: 'q' }, { words: AND }, { kind: 'q' }],
  extract: ([, a, , b]) => quantityRange(a.item!, b.item!),
};

const qRangeFrom: Rule = {
  name: 'range: from quantity to quantity (from $40 to $100)',
  pattern: [{ words: FROM }, { kind: 'q' }, { words: RANGE_DASH }, { kind: 'q' }],
  extract: ([f, a, , b], s) => (afterChangeVerb(s, f.i) ? null : quantityRange(a.item!, b.item!)),
};

/**
 * The rule list. Order does not decide what matches (the chart keeps every parse and the
 * longest wins); it only orders the trace. Leaves come first, then compositions, then
 * quantities. Whole-token look-ups replace Duckling's ordering note: "fourteen" is one token
 * and one Map key, so no rule ever sees "four" inside it.
 */
export const RULES: readonly Rule[] = [
  // numerals: leaves
  integer019,
  tens,
  hyphenatedInteger,
  scaleWord,
  digits,
  gluedScale,
  tokenRange,
  gluedCountSuffix,
  gluedUnit,
  ordinalDigits,
  decade,
  prefixedYear,
  ordinalWord,
  hyphenatedOrdinal,
  hyphenatedFraction,
  hyphenatedUnit,
  half,
  vaguePlural,
  handful,
  // numerals: composition
  tensAndUnits,
  timesScale,
  articleScale,
  hundredsAndTens,
  bigAndSmaller,
  andAHalf,
  halfAScale,
  fractionOfAScale,
  articleFraction,
  numeralFraction,
  spacedThousands,
  ordinalSplit,
  decimalScaleLetter,
  tensOfThousands,
  vagueScale,
  rangeTo,
  yearShortRange,
  slashFraction,
  rangeBetween,
  rangeFrom,
  rangeOr,
  // quantities
  count,
  year,
  dayMonth,
  monthDay,
  slashDate,
  isoDate,
  clockTime,
  clockMeridiem,
  ordinal,
  percent,
  fractionShare,
  oneInFive,
  moneySign,
  moneySignLetter,
  moneyCode,
  moneyCodeAfter,
  moneyName,
  moneyVague,
  unit,
  vagueOfUnit,
  vagueUnit,
  ageCue,
  ageSuffix,
  identifier,
  citation,
  hashNumber,
  hedged,
  postfixHedged,
  qRangeTo,
  qRangeBetween,
  qRangeFrom,
];
