import { removeOverlaps } from '../overlaps.js';
import { hasSpellingBit, respelled, SpellingMemo, spellingBit } from '../tokenize.js';
import type { SentenceContext, TimePrecision, Token } from '../types.js';
import {
  BOUND_PHRASES,
  type BoundOp,
  CHANGE_VERBS,
  COUNT_NOUNS,
  COUNT_VERBS,
  DEMONYM_PLURALS,
  DETERMINERS,
  ERA_AFTER,
  MONTH_ABBREVIATIONS,
  MONTH_CUES,
  MONTHS,
  NAMED_PERIODS,
  type NamedPeriod,
  NEAR_WORDS,
  NUMBER_FRAMES,
  NUMBER_WORDS,
  OF_HEADS,
  ORDINAL_WORDS,
  PART_PHRASES,
  PART_WORDS,
  type Part,
  PEOPLE_NOUNS,
  PERIOD_HEADS,
  PERIOD_TAILS,
  RECORD_MODIFIERS,
  RECORD_NOUNS,
  SEASONS,
  UNIT_YEARS,
  VAGUE_NUMBER_WORDS,
  YEAR_ANAPHORS,
  YEAR_CUES,
  YEAR_DEICTICS,
} from './lexicon.js';

/*
 * Parsing, chrono-style: parsers find atoms at trigger tokens, then refiners fuse and filter
 * them. Rules are token predicates (Duckling's "patterns over tokens already produced"), not
 * regexes over the sentence: the year-or-count decision needs the neighbouring tokens anyway,
 * and a Map look-up per token is what keeps the annotator fast. Nothing here reads the
 * document date or earlier sentences; that is resolve.ts.
 */

// ---------------------------------------------------------------------------------------------
// Raw parse types

/**
 * Where a year comes from. `stated`: written (n is the year). `anchor`: the nearest earlier
 * explicit time plus n years ("the following year" -> 1). `document`: the document date plus n
 * ("last year" -> -1). `nearest`: a month or day written without a year, n added.
 * `century`: a two-digit decade ("the '90s", n = 90) whose century is implied. `turn`: the
 * century boundary nearest the reference year, plus n.
 */
export interface YearRef {
  base: 'stated' | 'anchor' | 'document' | 'nearest' | 'century' | 'turn';
  n: number;
}

export interface RawPoint {
  year: YearRef;
  month?: number;
  day?: number;
}

export type RawValue =
  | {
      kind: 'interval';
      /** null: open ("the war in Ukraine" has no end yet) */
      start: RawPoint | null;
      end: RawPoint | null;
      precision: TimePrecision;
      approximate: boolean;
      /** EDTF season code, for "summer of 1946" -> 1946-22 */
      season?: 21 | 22 | 23 | 24;
      /** "that year" needs an anchor of year precision or finer, not "the 1950s" */
      yearAnchor?: boolean;
    }
  /** "that time", "during that time period": the anchor's own interval */
  | { kind: 'copy'; approximate: boolean };

type IntervalValue = Extract<RawValue, { kind: 'interval' }>;

export type AtomKind =
  | 'year'
  | 'decade'
  | 'century'
  | 'month'
  | 'season'
  | 'part'
  | 'named'
  | 'relative'
  | 'range'
  | 'present';

/** One parse, before resolution. `start`/`end` are offsets into the document text. */
export interface RawTime {
  start: number;
  end: number;
  text: string;
  /** token range [from, to) within the sentence */
  from: number;
  to: number;
  rule: string;
  kind: AtomKind;
  value: RawValue;
  /** a bound word's effect ("by", "since", "until"), applied by resolution */
  op: BoundOp | null;
  /** the context showed this number is a year (always true for non-year atoms) */
  cue: boolean;
  /** not yet shown to be a time: refiners may confirm it, the final filter drops it */
  latent: boolean;
  /** a year followed by "and"/"or"/"to" and another 4-digit number: waits for the range refiners */
  pending: boolean;
  /** later relative expressions may resolve against this one */
  anchorable: boolean;
}

// ---------------------------------------------------------------------------------------------
// Rule names and their evidence

/** Rule names as they appear in traces (`TimeExpr.rule`). */
export const R = {
  yearCue: 'year: after a time word',
  yearRecord: 'year: modifying a record noun',
  yearClause: 'year: clause-initial before a comma',
  yearParen: 'year: in parentheses',
  yearTheYear: 'year: the year N',
  yearCirca: 'year: circa',
  yearEra: 'year: with an era',
  rangeShort: 'range: year-yy',
  rangeDashed: 'range: dashed years',
  decade: 'decade: the 1950s',
  decadeShort: "decade: the '90s",
  century: 'century: the 19th century',
  centuryHundreds: 'century: the 1800s',
  month: 'month: Month [day][, year]',
  dayMonth: 'date: day Month year',
  season: 'season: summer of 1946',
  named: 'named period',
  anaphorYear: 'anaphor: that year',
  deicticYear: 'deictic: last year, this year',
  anaphorPeriod: 'anaphor: that time',
  spanNext: 'span: the next N years',
  spanPast: 'span: the past N years',
  spanRecent: 'span: recent years',
  shiftLater: 'shift: N years later',
  shiftAgo: 'shift: N years ago',
  thenBound: 'anaphor: since then',
  adverbSince: 'anaphor: has since',
  turnOfCentury: 'relative: the turn of the century',
  part: 'part: early/mid/late',
  partPhrase: 'part: the end of',
  hyphenPart: 'part: mid-2024',
  hyphenBound: 'bound: pre-/post-',
  near: 'near: days before X',
  shift: 'shift: two years after X',
  rangeBetween: 'range: between X and Y',
  rangeFrom: 'range: from X to Y',
  rangeTo: 'range: X to Y',
  alternatives: 'alternatives: X or Y',
  coordination: 'coordination: X and Y',
  bound: 'bound: by/since/until X',
  openEnd: 'bound: X onwards',
} as const;

export type RuleName = (typeof R)[keyof typeof R];

/**
 * Every rule's motivating sentence, the span it must produce there, and a near miss on which
 * the rule must not fire. The Record type makes a new rule without a case a type error.
 */
export const RULE_CASES: Record<RuleName, { example: string; text: string; nearMiss: string }> = {
  [R.yearCue]: {
    example: 'In 1947, 300 Koreans died due to an epidemic.',
    text: '1947',
    nearMiss: 'Resolution 2397 was adopted.',
  },
  [R.yearRecord]: {
    example: 'according to the 2002 census',
    text: '2002',
    nearMiss: 'the 1500 census workers',
  },
  [R.yearClause]: {
    example: '1996, the year of the flood, was hard.',
    text: '1996',
    nearMiss: '1500, 2000 and 2500 were counted.',
  },
  [R.yearParen]: { example: 'the deportation (1937) of Koreans', text: '1937', nearMiss: 'workers (1500) arrived' },
  [R.yearTheYear]: { example: 'It happened in the year 1946.', text: 'the year 1946', nearMiss: 'a year 1500 times' },
  [R.yearCirca]: { example: 'founded c. 1900 by traders', text: 'c. 1900', nearMiss: 'about 1900 traders' },
  [R.yearEra]: { example: 'the city was founded in 988 AD', text: '988 AD', nearMiss: 'unit 988 advanced' },
  [R.rangeShort]: { example: 'the war of 1946–49 ended', text: '1946–49', nearMiss: 'pages 1946–19 were torn' },
  [R.rangeDashed]: {
    example: 'the famine (1994-1998) killed many',
    text: '1994-1998',
    nearMiss: '1500-2000 workers came',
  },
  [R.decade]: { example: 'in the 1950s, workers came', text: 'the 1950s', nearMiss: 'in his 50s' },
  [R.decadeShort]: { example: "music of the '90s", text: "the '90s", nearMiss: 'temperatures in 90s' },
  [R.century]: { example: 'in the 19th century', text: 'the 19th century', nearMiss: 'the 19th Corps' },
  [R.centuryHundreds]: {
    example: 'in the 1800s migrants came',
    text: 'the 1800s',
    nearMiss: 'some 1800 migrants came',
  },
  [R.month]: { example: 'In November 2007, police acted.', text: 'November 2007', nearMiss: 'You may go.' },
  [R.dayMonth]: {
    example: 'On 22 December 2019 it ended.',
    text: '22 December 2019',
    nearMiss: 'He saw 22 Decembrists.',
  },
  [R.season]: { example: 'in the summer of 1946', text: 'the summer of 1946', nearMiss: 'the fall of Saigon' },
  [R.named]: { example: 'the veterans of World War II', text: 'World War II', nearMiss: 'a world war would follow' },
  [R.anaphorYear]: {
    example: 'In 1946 they came. The following year more came.',
    text: 'The following year',
    nearMiss: 'Any given year is hard.',
  },
  [R.deicticYear]: { example: 'Last year, 5 were sent.', text: 'Last year', nearMiss: 'in the last year of his life' },
  [R.anaphorPeriod]: {
    example: 'In 1937, Koreans were at the time subjects of Japan.',
    text: 'the time',
    nearMiss: 'at the same time',
  },
  [R.spanNext]: {
    example: 'In 1985 some returned in the next two decades.',
    text: 'the next two decades',
    nearMiss: 'for decades',
  },
  [R.spanPast]: { example: 'over the past two decades', text: 'the past two decades', nearMiss: 'the past is gone' },
  [R.spanRecent]: { example: 'in recent years many came', text: 'recent years', nearMiss: 'recent arrivals' },
  [R.shiftLater]: {
    example: 'In 1946 they came. Two years later they left.',
    text: 'Two years later',
    nearMiss: 'They left later.',
  },
  [R.shiftAgo]: { example: 'a decade ago, few came', text: 'a decade ago', nearMiss: 'long ago' },
  [R.thenBound]: {
    example: 'In 1991 it fell. Since then, many left.',
    text: 'Since then',
    nearMiss: 'And then they left.',
  },
  [R.adverbSince]: {
    example: 'Since the late 1980s they turned south. Many have since visited.',
    text: 'since',
    nearMiss: 'They have since 2015 visited.',
  },
  [R.turnOfCentury]: {
    example: 'at the turn of the century',
    text: 'the turn of the century',
    nearMiss: 'a turn of the wheel',
  },
  [R.part]: { example: 'In the late 1940s, workers came.', text: 'the late 1940s', nearMiss: 'the late Kim Il Sung' },
  [R.partPhrase]: { example: 'at the end of 2024', text: 'the end of 2024', nearMiss: 'the end of the road' },
  [R.hyphenPart]: { example: 'in mid-2024 troops left', text: 'mid-2024', nearMiss: 'a mid-size town' },
  [R.hyphenBound]: { example: 'the post-1945 order', text: 'post-1945', nearMiss: 'a post-war order' },
  [R.near]: {
    example: 'days before Japan\u2019s surrender',
    text: 'days before Japan\u2019s surrender',
    nearMiss: 'before Japan\u2019s surrender',
  },
  [R.shift]: {
    example: 'two years after the Korean War',
    text: 'two years after the Korean War',
    nearMiss: 'after the Korean War',
  },
  [R.rangeBetween]: {
    example: 'Between 1946 and 1949, one researcher',
    text: 'Between 1946 and 1949',
    nearMiss: 'between 1500 and 2000 were killed',
  },
  [R.rangeFrom]: {
    example: 'from 1953 to 1962, many students',
    text: 'from 1953 to 1962',
    nearMiss: 'rose from 1500 to 2000',
  },
  [R.rangeTo]: { example: 'May to July 1946', text: 'May to July 1946', nearMiss: '1500 to 2000 were sent' },
  [R.alternatives]: { example: 'began in 1966 or 1967 under', text: '1966 or 1967', nearMiss: '1500 or 2000 workers' },
  [R.coordination]: { example: 'a peak in 1998 and 1999', text: '1998 and 1999', nearMiss: 'in 1998 and 2005' },
  [R.bound]: { example: 'By 2006, more than 10,000 came', text: 'By 2006', nearMiss: 'rose by 2006 people' },
  [R.openEnd]: { example: 'from 1991 onwards', text: 'from 1991 onwards', nearMiss: 'from 1500 workers onwards' },
};

// ---------------------------------------------------------------------------------------------
// Small helpers

/**
 * Year-only stated points are shared (they are never mutated): fewer objects per parse. Both
 * caches are filled with undefined up front: an empty array first written at index 1998 is kept
 * as a sparse dictionary, and reading it by year was a generic look-up.
 */
const YEAR_POINTS: (RawPoint | undefined)[] = new Array(2201).fill(undefined);

function stated(y: number, month?: number, day?: number): RawPoint {
  if (month === undefined) {
    if (y >= 0 && y <= 2200) {
      let p = YEAR_POINTS[y];
      if (!p) {
        p = { year: { base: 'stated', n: y } };
        YEAR_POINTS[y] = p;
      }
      return p;
    }
    return { year: { base: 'stated', n: y } };
  }
  return day === undefined ? { year: { base: 'stated', n: y }, month } : { year: { base: 'stated', n: y }, month, day };
}

function interval(
  start: RawPoint | null,
  end: RawPoint | null,
  precision: TimePrecision,
  approximate = false,
): IntervalValue {
  return { kind: 'interval', start, end, precision, approximate };
}

const YEAR_VALUES: (RawValue | undefined)[] = new Array(2201).fill(undefined);

/** The value of a single stated year; shared like the points. */
function yearPoint(y: number): RawValue {
  if (y < 0 || y > 2200) return interval(stated(y), stated(y), 'year');
  let v = YEAR_VALUES[y];
  if (!v) {
    v = interval(stated(y), stated(y), 'year');
    YEAR_VALUES[y] = v;
  }
  return v;
}

/**
 * A copy of an atom for a refiner to change, written out field by field in atom()'s order: the
 * spreads it replaces made atoms of many hidden classes, and every read of an atom's fields in
 * the refiners and in resolution had gone megamorphic.
 */
function copyAtom(a: RawTime): RawTime {
  return {
    start: a.start,
    end: a.end,
    text: a.text,
    from: a.from,
    to: a.to,
    rule: a.rule,
    kind: a.kind,
    value: a.value,
    op: a.op,
    cue: a.cue,
    latent: a.latent,
    pending: a.pending,
    anchorable: a.anchorable,
  };
}

function atom(
  tokens: readonly Token[],
  from: number,
  to: number,
  rule: string,
  kind: AtomKind,
  value: RawValue,
  extra?: Partial<Pick<RawTime, 'cue' | 'latent' | 'pending' | 'anchorable' | 'op'>>,
): RawTime {
  return {
    start: tokens[from]!.start,
    end: tokens[to - 1]!.end,
    text: '',
    from,
    to,
    rule,
    kind,
    value,
    op: extra?.op ?? null,
    cue: extra?.cue ?? true,
    latent: extra?.latent ?? false,
    pending: extra?.pending ?? false,
    anchorable: extra?.anchorable ?? true,
  };
}

const lowerAt = (tokens: readonly Token[], i: number): string => (i >= 0 && i < tokens.length ? tokens[i]!.lower : '');

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The value of an all-ASCII-digit string of length 1..4, else -1. */
function digitsValue(s: string, from = 0, to = s.length): number {
  if (to - from < 1 || to - from > 4) return -1;
  let v = 0;
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    if (!isDigitCode(c)) return -1;
    v = v * 10 + (c - 48);
  }
  return v;
}

/** A plain 4-digit number token that could be a year (1000..2099), else -1. */
function yearOf(t: Token | undefined): number {
  if (t?.type !== 'number' || t.text.length !== 4) return -1;
  const y = digitsValue(t.text);
  return y >= 1000 && y <= 2099 ? y : -1;
}

const isUpper = (t: Token): boolean => {
  const c = t.text.charCodeAt(0);
  return (c >= 65 && c <= 90) || (c > 127 && t.text[0] !== t.lower[0]);
};

const isDash = (t: Token | undefined): boolean =>
  t !== undefined && (t.text === '-' || t.text === '–' || t.text === '—' || t.text === '‐' || t.text === '−');

const isApostrophe = (t: Token | undefined): boolean =>
  t !== undefined && (t.text === "'" || t.text === '’' || t.text === '‘');

function isDemonymPlural(t: Token | undefined): boolean {
  if (t?.type !== 'word' || !isUpper(t)) return false;
  const l = t.lower;
  return l.endsWith('ans') || l.endsWith('ese') || DEMONYM_PLURALS.has(l);
}

/**
 * The token at j starts what a number counts: "1000 workers", "1947 Koreans", "124 trains",
 * "1500 of them", "2000%". Such a number is never a year.
 */
function countsAfter(tokens: readonly Token[], j: number): boolean {
  const t = tokens[j];
  if (!t) return false;
  if (t.text === '%') return true;
  if (t.type !== 'word') return false;
  const l = t.lower;
  if (PEOPLE_NOUNS.has(l) || COUNT_NOUNS.has(l) || isDemonymPlural(t)) return true;
  // "1000 North Koreans", "1500 ethnic Koreans". Not "more": "In 1947 more workers came" is a year.
  return (l === 'north' || l === 'south' || l === 'ethnic') && isDemonymPlural(tokens[j + 1]);
}

/** A counting or identifying word right before the number: "about 1500", "Resolution 2397", "$2000". */
function framedBefore(tokens: readonly Token[], i: number): boolean {
  const p = tokens[i - 1];
  if (!p) return false;
  if (NUMBER_FRAMES.has(p.lower)) return true;
  if (p.text === '.') {
    const p2 = lowerAt(tokens, i - 2);
    return p2 === 'no' || p2 === 'p' || p2 === 'pp' || p2 === 'vol' || p2 === 'nos';
  }
  return false;
}

const isPossessive = (t: Token): boolean => {
  const l = t.lower;
  return l.endsWith("'s") || l.endsWith('’s') || l.endsWith("s'");
};

/** "the 2002 census", "a 2006 Kyung Hee University study": a record noun within 4 tokens. */
function recordNounAfter(tokens: readonly Token[], i: number): boolean {
  for (let j = i + 1; j <= i + 4 && j < tokens.length; j++) {
    const t = tokens[j]!;
    if (t.type !== 'word') return false;
    // "the 1500 census workers" counts workers
    if (RECORD_NOUNS.has(t.lower)) return !PEOPLE_NOUNS.has(lowerAt(tokens, j + 1));
    if (!isUpper(t) && !RECORD_MODIFIERS.has(t.lower)) return false;
  }
  return false;
}

const CLAUSE_OPENERS: ReadonlySet<string> = new Set([';', ':', '(', '—', '–', '"', '“', '[']);

/** Why the context says the 4-digit number at i is a year, or null when it does not. */
function yearCue(tokens: readonly Token[], i: number, y: number): string | null {
  const p = tokens[i - 1];
  const next = tokens[i + 1];
  if (p) {
    const l = p.lower;
    if (YEAR_CUES.has(l)) {
      const p2 = lowerAt(tokens, i - 2);
      if (l === 'of') {
        if (OF_HEADS.has(p2) || MONTHS.has(p2) || p2 === 'as') return R.yearCue;
      } else if (l === 'by' || l === 'from') {
        if (!CHANGE_VERBS.has(p2)) return R.yearCue;
      } else if (l === 'as') {
        if (p2 === 'early' || p2 === 'late' || p2 === 'recently') return R.yearCue;
      } else if (l === 'year') {
        return R.yearTheYear;
      } else {
        return R.yearCue;
      }
    }
    if (MONTHS.has(l) && isUpper(p)) return R.yearCue;
    if (p.text === '(' && next?.text === ')' && y >= 1800) return R.yearParen;
  }
  if (recordNounAfter(tokens, i) && (!p || DETERMINERS.has(p.lower) || isPossessive(p) || p.type === 'punct')) {
    return R.yearRecord;
  }
  if (next?.text === ',' && (!p || CLAUSE_OPENERS.has(p.text)) && tokens[i + 2]?.type !== 'number') return R.yearClause;
  if (next && (next.lower === 'onwards' || next.lower === 'onward')) return R.yearCue;
  return null;
}

const RANGE_LINKS: ReadonlySet<string> = new Set(['to', 'through', 'thru', 'until', 'till', '-', '–', '—', '‐']);

/** Plausible as a span of years when nothing else says so: "1946–49" yes, "1500-2000" no (round numbers are counts). */
const plausibleYears = (lo: number, hi: number): boolean =>
  hi > lo && hi - lo <= 100 && !(lo % 50 === 0 && hi % 50 === 0);

// ---------------------------------------------------------------------------------------------
// Parsers: number tokens

function yearAtom(tokens: readonly Token[], i: number, y: number): RawTime | null {
  const next = tokens[i + 1];
  // Era markers are written in capitals: "988 AD", "500 BC".
  if (next && ERA_AFTER.has(next.text)) {
    const bc = ERA_AFTER.get(next.text) === 'bc';
    return atom(tokens, i, i + 2, R.yearEra, 'year', yearPoint(bc ? 1 - y : y));
  }
  if (countsAfter(tokens, i + 1) || framedBefore(tokens, i)) return null;
  let from = i;
  let rule = yearCue(tokens, i, y);
  let approximate = false;
  const p = lowerAt(tokens, i - 1);
  if (rule === R.yearTheYear && lowerAt(tokens, i - 2) === 'the') from = i - 2;
  if (p === 'circa' || p === 'ca' || p === 'c') {
    rule = R.yearCirca;
    approximate = true;
    from = i - 1;
  } else if (p === '.' && (lowerAt(tokens, i - 2) === 'c' || lowerAt(tokens, i - 2) === 'ca')) {
    rule = R.yearCirca;
    approximate = true;
    from = i - 2;
  }
  // "1946–49", "1946/47": a second year written with two digits.
  if (next && (isDash(next) || next.text === '/')) {
    const t2 = tokens[i + 2];
    if (t2 && t2.type === 'number' && t2.text.length === 2 && t2.start === next.end && next.start === tokens[i]!.end) {
      const nn = digitsValue(t2.text);
      let hi = Math.floor(y / 100) * 100 + nn;
      if (hi <= y) hi += 100;
      const ok = next.text === '/' ? hi === y + 1 : hi - y <= 30;
      if (ok && nn >= 0 && !countsAfter(tokens, i + 3)) {
        const v = interval(stated(y), stated(hi), 'year', approximate);
        return atom(tokens, from, i + 3, R.rangeShort, 'range', v);
      }
    }
  }
  const cue = rule !== null;
  // "from 1500 to 2000 workers", "between 1500 and 2000 workers": the second number decides for
  // both. A plain "and"/"or" does not: in "In 1999 and 2000 refugees crossed" 1999 stands alone.
  const link = next?.lower ?? '';
  const pending =
    yearOf(tokens[i + 2]) > 0 &&
    (RANGE_LINKS.has(link) || ((link === 'and' || link === 'or') && lowerAt(tokens, i - 1) === 'between'));
  const v = approximate ? interval(stated(y), stated(y), 'year', true) : yearPoint(y);
  // the hot path: flags set on the fresh atom rather than through an options object
  const a = atom(tokens, from, i + 1, rule ?? R.yearCue, 'year', v);
  a.cue = cue;
  a.latent = !cue || pending;
  a.pending = pending;
  return a;
}

/** "1946-1949" and "1946-49" are one token (the tokenizer keeps inner hyphens). */
function dashedRangeAtom(tokens: readonly Token[], i: number): RawTime | null {
  const s = tokens[i]!.text;
  if (s.length !== 9 && s.length !== 7) return null;
  const sep = s.charCodeAt(4);
  if (sep !== 45 && sep !== 0x2010) return null;
  const lo = digitsValue(s, 0, 4);
  const tail = digitsValue(s, 5);
  if (lo < 1000 || lo > 2099 || tail < 0) return null;
  let hi = tail;
  if (s.length === 7) {
    hi = Math.floor(lo / 100) * 100 + tail;
    if (hi <= lo) hi += 100;
  }
  if (countsAfter(tokens, i + 1) || framedBefore(tokens, i)) return null;
  const cue = yearCue(tokens, i, lo) !== null || plausibleYears(lo, hi);
  if (!(hi > lo && hi - lo <= 100)) return null;
  return atom(tokens, i, i + 1, R.rangeDashed, 'range', interval(stated(lo), stated(hi), 'year'), {
    cue,
    latent: !cue,
  });
}

/** "1950s", "1950's", "'90s", "the 90s"; "1800s" is the century. */
function decadeAtom(tokens: readonly Token[], i: number): RawTime | null {
  const s = tokens[i]!.text;
  const n = s.length;
  if (s.charCodeAt(n - 1) !== 115 /* s */) return null;
  const digitsEnd = n >= 2 && (s[n - 2] === "'" || s[n - 2] === '’') ? n - 2 : n - 1;
  const d = digitsValue(s, 0, digitsEnd);
  if (d < 0 || d % 10 !== 0) return null;
  let from = i;
  if (digitsEnd === 4) {
    if (d < 1000 || d > 2090) return null;
    if (lowerAt(tokens, i - 1) === 'the') from = i - 1;
    if (d % 100 === 0 && d < 2000) {
      return atom(tokens, from, i + 1, R.centuryHundreds, 'century', interval(stated(d), stated(d + 99), 'century'));
    }
    return atom(tokens, from, i + 1, R.decade, 'decade', interval(stated(d), stated(d + 9), 'decade'));
  }
  if (digitsEnd !== 2) return null;
  // "'90s" needs its apostrophe or "the": "in his 50s" is an age.
  const prev = tokens[i - 1];
  if (isApostrophe(prev) && prev!.end === tokens[i]!.start) from = i - 1;
  else if (!(prev && (prev.lower === 'the' || PART_WORDS.has(prev.lower)))) return null;
  if (lowerAt(tokens, from - 1) === 'the') from -= 1;
  const v: RawValue = {
    kind: 'interval',
    start: { year: { base: 'century', n: d } },
    end: { year: { base: 'century', n: d + 9 } },
    precision: 'decade',
    approximate: false,
  };
  return atom(tokens, from, i + 1, R.decadeShort, 'decade', v);
}

/** The ordinal number of a century written "19th", "21st" (digits plus suffix), else -1. */
function ordinalDigits(s: string): number {
  const n = s.length;
  if (n < 3 || n > 4) return -1;
  const suf = s.slice(n - 2).toLowerCase();
  if (suf !== 'th' && suf !== 'st' && suf !== 'nd' && suf !== 'rd') return -1;
  return digitsValue(s, 0, n - 2);
}

function ordinalOf(t: Token | undefined): number {
  if (!t) return -1;
  if (t.type === 'number') return ordinalDigits(t.text);
  return ORDINAL_WORDS.get(t.lower) ?? -1;
}

const isCenturyWord = (l: string): boolean => l === 'century' || l === 'centuries';

/** "the 19th century", "the nineteenth century", "the 19th and 20th centuries", "19th-century". */
function centuryAtom(tokens: readonly Token[], i: number): RawTime | null {
  const t = tokens[i]!;
  let n1 = -1;
  let to = -1;
  const l = t.lower;
  if (l.endsWith('-century')) {
    // a made-up token: another spelling
    n1 = ordinalOf(respelled(t, t.text.slice(0, -8), l.slice(0, -8)));
    to = i + 1;
  } else {
    n1 = ordinalOf(t);
    if (n1 < 0) return null;
    if (isCenturyWord(lowerAt(tokens, i + 1))) to = i + 2;
  }
  if (n1 < 1 || n1 > 21) return null;
  let n2 = n1;
  if (to < 0) {
    // "the 19th and 20th centuries", "the 19th to 20th century"
    const link = lowerAt(tokens, i + 1);
    if (link !== 'and' && link !== 'to' && !isDash(tokens[i + 1])) return null;
    n2 = ordinalOf(tokens[i + 2]);
    if (n2 <= n1 || n2 > 21 || !isCenturyWord(lowerAt(tokens, i + 3))) return null;
    to = i + 4;
  }
  const from = lowerAt(tokens, i - 1) === 'the' ? i - 1 : i;
  const v = interval(stated((n1 - 1) * 100), stated((n2 - 1) * 100 + 99), 'century');
  return atom(tokens, from, to, R.century, 'century', v);
}

function numberAtom(tokens: readonly Token[], i: number): RawTime | null {
  const s = tokens[i]!.text;
  const n = s.length;
  if (n === 4) {
    const y = digitsValue(s);
    if (y >= 1000 && y <= 2099) return yearAtom(tokens, i, y);
  }
  const last = s.charCodeAt(n - 1);
  if (last === 115 /* s */) return decadeAtom(tokens, i);
  if (n === 9 || n === 7) {
    const r = dashedRangeAtom(tokens, i);
    if (r) return r;
  }
  if (last === 104 /* h */ || last === 116 /* t */ || last === 100 /* d */ || last === 121 /* y */) {
    return centuryAtom(tokens, i);
  }
  // "988 AD", "500 BC": short years only with an era marker.
  if (n <= 3) {
    const next = tokens[i + 1];
    if (next && ERA_AFTER.has(next.text)) {
      const y = digitsValue(s);
      if (y > 0) {
        const bc = ERA_AFTER.get(next.text) === 'bc';
        return atom(tokens, i, i + 2, R.yearEra, 'year', yearPoint(bc ? 1 - y : y));
      }
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Parsers: words

/** A day of the month written "9", "9th", "22nd", else -1. */
function dayOf(t: Token | undefined): number {
  if (t?.type !== 'number') return -1;
  const s = t.text;
  let d = digitsValue(s);
  if (d < 0 && s.length >= 3) {
    const suf = s.slice(-2).toLowerCase();
    if (suf === 'th' || suf === 'st' || suf === 'nd' || suf === 'rd') d = digitsValue(s, 0, s.length - 2);
  }
  return d >= 1 && d <= 31 ? d : -1;
}

/**
 * "of that year", "of the same year", "of the following year", "of last year": a year written
 * as an anaphor after a month or season. Returns the year reference and the token after it.
 */
function anaphoricYearAt(tokens: readonly Token[], j: number): { year: YearRef; to: number } | null {
  if (lowerAt(tokens, j) !== 'of') return null;
  const a = lowerAt(tokens, j + 1);
  const b = lowerAt(tokens, j + 2);
  const c = lowerAt(tokens, j + 3);
  if (a === 'that' && b === 'year') return { year: { base: 'anchor', n: 0 }, to: j + 3 };
  if (a === 'that' && b === 'same' && c === 'year') return { year: { base: 'anchor', n: 0 }, to: j + 4 };
  if (a === 'the' && c === 'year') {
    const shift = b === 'same' ? 0 : b === 'following' || b === 'next' ? 1 : b === 'previous' ? -1 : null;
    if (shift !== null) return { year: { base: 'anchor', n: shift }, to: j + 4 };
  }
  if ((a === 'last' || a === 'this' || a === 'next') && b === 'year') {
    return { year: { base: 'document', n: a === 'last' ? -1 : a === 'this' ? 0 : 1 }, to: j + 3 };
  }
  return null;
}

/** "November 2007", "Oct. 9", "October 9, 2024", "22 December 2019", "May of that year", "in April". */
function monthAtom(tokens: readonly Token[], i: number): RawTime | null {
  const t = tokens[i]!;
  if (!isUpper(t)) return null;
  const m = MONTHS.get(t.lower);
  if (m === undefined) return null;
  const abbr = MONTH_ABBREVIATIONS.has(t.lower);
  let j = i + 1;
  if (abbr && tokens[j]?.text === '.') j++;
  let from = i;
  let day = -1;
  let rule: string = R.month;
  // "22 December 2019": a day before the month, when nothing numeric precedes it.
  const before = dayOf(tokens[i - 1]);
  if (before > 0 && tokens[i - 2]?.type !== 'number') {
    const yAfter = yearOf(tokens[j]);
    const p2 = lowerAt(tokens, i - 2);
    if (yAfter > 0 || p2 === 'on' || p2 === 'from' || p2 === 'since' || p2 === 'until' || p2 === 'by' || i - 1 === 0) {
      day = before;
      from = i - 1;
      rule = R.dayMonth;
    }
  }
  if (day < 0) {
    const d = dayOf(tokens[j]);
    if (d > 0 && !countsAfter(tokens, j + 1) && yearOf(tokens[j]) < 0) {
      day = d;
      j++;
    }
  }
  let year: YearRef | null = null;
  const y1 = yearOf(tokens[j]);
  if (y1 > 0 && !countsAfter(tokens, j + 1)) {
    year = { base: 'stated', n: y1 };
    j++;
  } else if (day > 0 && tokens[j]?.text === ',' && yearOf(tokens[j + 1]) > 0) {
    year = { base: 'stated', n: yearOf(tokens[j + 1]) };
    j += 2;
  } else if (lowerAt(tokens, j) === 'of' && yearOf(tokens[j + 1]) > 0) {
    year = { base: 'stated', n: yearOf(tokens[j + 1]) };
    j += 2;
  } else {
    const ana = anaphoricYearAt(tokens, j);
    if (ana) {
      year = ana.year;
      j = ana.to;
    }
  }
  if (abbr && day < 0 && year === null) return null;
  const to = j;
  // A bare month ("In April, ...") needs a cue before it: "May" is a verb, "April" a name.
  const cued = day > 0 || year !== null || MONTH_CUES.has(lowerAt(tokens, from - 1));
  const y: YearRef = year ?? { base: 'nearest', n: 0 };
  const point: RawPoint = day > 0 ? { year: y, month: m, day } : { year: y, month: m };
  const v = interval(point, point, day > 0 ? 'day' : 'month');
  return atom(tokens, from, to, rule, 'month', v, { cue: cued, latent: !cued });
}

/** "the summer of 1946", "autumn 2024", "spring of that year". A season without a year is no time. */
function seasonAtom(tokens: readonly Token[], i: number): RawTime | null {
  const s = SEASONS.get(tokens[i]!.lower);
  if (!s) return null;
  let j = i + 1;
  let year: YearRef | null = null;
  const ofYear = lowerAt(tokens, j) === 'of' ? j + 1 : j;
  const y = yearOf(tokens[ofYear]);
  if (y > 0 && !countsAfter(tokens, ofYear + 1)) {
    year = { base: 'stated', n: y };
    j = ofYear + 1;
  } else {
    const ana = anaphoricYearAt(tokens, j);
    if (ana) {
      year = ana.year;
      j = ana.to;
    }
  }
  if (!year) return null;
  const from = lowerAt(tokens, i - 1) === 'the' ? i - 1 : i;
  const endYear: YearRef = s.to < s.from ? { base: year.base, n: year.n + 1 } : year;
  const v: RawValue = {
    kind: 'interval',
    start: { year, month: s.from },
    end: { year: endYear, month: s.to },
    precision: 'season',
    approximate: false,
    season: s.code,
  };
  return atom(tokens, from, j, R.season, 'season', v);
}

interface TrieNode {
  next: Map<string, TrieNode>;
  period: NamedPeriod | null;
}

/** Named-period phrases as a token trie, keyed by lower-case token text (both apostrophes). */
const TRIE: Map<string, TrieNode> = (() => {
  const root = new Map<string, TrieNode>();
  const insert = (words: string[], period: NamedPeriod): void => {
    let level = root;
    let node: TrieNode | undefined;
    for (const w of words) {
      node = level.get(w);
      if (!node) {
        node = { next: new Map(), period: null };
        level.set(w, node);
      }
      level = node.next;
    }
    if (node && !node.period) node.period = period;
  };
  for (const p of NAMED_PERIODS) {
    for (const phrase of p.phrases) {
      const words = phrase.split(' ');
      insert(words, p);
      if (phrase.includes("'"))
        insert(
          words.map((w) => w.replace(/'/g, '’')),
          p,
        );
    }
  }
  return root;
})();

function parseIsoPoint(s: string): RawPoint {
  const y = Number(s.slice(0, 4));
  const m = s.length >= 7 ? Number(s.slice(5, 7)) : undefined;
  const d = s.length >= 10 ? Number(s.slice(8, 10)) : undefined;
  return stated(y, m, d);
}

const PERIOD_VALUES: ReadonlyMap<NamedPeriod, RawValue> = new Map(
  NAMED_PERIODS.map((p) => [
    p,
    interval(parseIsoPoint(p.start), p.end === null ? null : parseIsoPoint(p.end), p.precision),
  ]),
);

const periodValue = (p: NamedPeriod): RawValue => PERIOD_VALUES.get(p)!;

/** Walks the trie from token i (whose lower text may be overridden); returns the longest phrase. */
function matchPeriod(tokens: readonly Token[], i: number, first: string): { period: NamedPeriod; to: number } | null {
  let node = TRIE.get(first);
  let best: { period: NamedPeriod; to: number } | null = null;
  let j = i + 1;
  while (node) {
    if (node.period) best = { period: node.period, to: j };
    const t = tokens[j];
    if (!t) break;
    node = node.next.get(t.lower);
    j++;
  }
  return best;
}

/** "the Korean War", "World War II", "Japan's surrender", "the post-Korean War reconstruction period". */
function namedAtom(tokens: readonly Token[], i: number): RawTime | null {
  const m = matchPeriod(tokens, i, tokens[i]!.lower);
  if (!m) return null;
  let to = m.to;
  // "the Cold War era", "the post-Korean War reconstruction period"
  if (PERIOD_TAILS.has(lowerAt(tokens, to))) to++;
  else if (
    tokens[to]?.type === 'word' &&
    !isUpper(tokens[to]!) &&
    PERIOD_TAILS.has(lowerAt(tokens, to + 1)) &&
    lowerAt(tokens, to + 1) !== 'years'
  )
    to += 2;
  const from = lowerAt(tokens, i - 1) === 'the' ? i - 1 : i;
  return atom(tokens, from, to, R.named, 'named', periodValue(m.period));
}

/** A number written before a unit: digits, "two", "forty", "twenty-five", "a"; `vague` for "few". */
function countBefore(t: Token | undefined): { n: number; vague: boolean } | null {
  if (!t) return null;
  if (t.type === 'number') {
    const v = digitsValue(t.text);
    return v > 0 && v <= 1000 ? { n: v, vague: false } : null;
  }
  const w = NUMBER_WORDS.get(t.lower);
  if (w !== undefined) return { n: w, vague: false };
  const vague = VAGUE_NUMBER_WORDS.get(t.lower);
  if (vague !== undefined) return { n: vague, vague: true };
  const dash = t.lower.indexOf('-');
  if (dash > 0) {
    const tens = NUMBER_WORDS.get(t.lower.slice(0, dash));
    const ones = NUMBER_WORDS.get(t.lower.slice(dash + 1));
    if (tens !== undefined && ones !== undefined && tens >= 20 && ones < 10) return { n: tens + ones, vague: false };
  }
  return null;
}

/** True when the words before token i read `phrase` (space-separated, lower-case). */
function wordsBefore(tokens: readonly Token[], i: number, words: readonly string[]): boolean {
  const k = words.length;
  if (i - k < 0) return false;
  for (let q = 0; q < k; q++) if (tokens[i - k + q]!.lower !== words[q]) return false;
  return true;
}

type Phrases<T> = ReadonlyMap<string, readonly (readonly [string[], T])[]>;

/**
 * Phrases read backwards from an expression, indexed by their last word so a refiner does one
 * Map look-up per atom instead of trying every phrase; longest first within a word.
 */
function byLastWord<T>(list: readonly (readonly [string, T])[]): Phrases<T> {
  const m = new Map<string, (readonly [string[], T])[]>();
  for (const [p, v] of list) {
    const words = p.split(' ');
    const last = words[words.length - 1]!;
    const entry = [words, v] as const;
    const l = m.get(last);
    if (l) l.push(entry);
    else m.set(last, [entry]);
  }
  for (const l of m.values()) l.sort((a, b) => b[0].length - a[0].length);
  return m;
}

/** The longest phrase of `index` that the tokens before token i read, or null. */
function phraseBefore<T>(tokens: readonly Token[], i: number, index: Phrases<T>): readonly [string[], T] | null {
  const list = index.get(lowerAt(tokens, i - 1));
  if (!list) return null;
  for (const entry of list) if (wordsBefore(tokens, i, entry[0])) return entry;
  return null;
}

const YEAR_ANAPHOR_WORDS = byLastWord(YEAR_ANAPHORS);
const YEAR_DEICTIC_WORDS = byLastWord(YEAR_DEICTICS);
const PART_PHRASE_WORDS = byLastWord(PART_PHRASES);
const BOUND_PHRASE_WORDS = byLastWord(BOUND_PHRASES);

/** "that year", "the same year", "the following year"; "last year", "this year". Not "any given year". */
function yearAnaphorAtom(tokens: readonly Token[], i: number): RawTime | null {
  const ana = phraseBefore(tokens, i, YEAR_ANAPHOR_WORDS);
  if (ana) {
    const [words, shift] = ana;
    const p: RawPoint = { year: { base: 'anchor', n: shift } };
    const v: RawValue = { ...interval(p, p, 'year'), yearAnchor: true };
    return atom(tokens, i - words.length, i + 1, R.anaphorYear, 'relative', v);
  }
  const dei = phraseBefore(tokens, i, YEAR_DEICTIC_WORDS);
  if (dei) {
    const [words, shift] = dei;
    // "the last year of his life" is not last year.
    if (lowerAt(tokens, i - words.length - 1) !== 'the') {
      const p: RawPoint = { year: { base: 'document', n: shift } };
      return atom(tokens, i - words.length, i + 1, R.deicticYear, 'relative', interval(p, p, 'year'));
    }
  }
  return null;
}

/**
 * "the next forty years", "the next two decades", "the following decade" (forward from the
 * anchor); "the past two decades", "the last ten years" (back from the document date);
 * "recent years". A plural unit needs its number: "for decades" is a duration, not a time.
 */
function spanAtom(tokens: readonly Token[], i: number): RawTime | null {
  const unitWord = tokens[i]!.lower;
  const unit = UNIT_YEARS.get(unitWord);
  if (!unit) return null;
  const plural = unitWord.endsWith('s');
  let k = i - 1;
  if (plural && lowerAt(tokens, k) === 'recent') {
    const back = unit === 10 ? 30 : 5;
    let from = k;
    if (lowerAt(tokens, k - 1) === 'most' && lowerAt(tokens, k - 2) === 'the') from = k - 2;
    const v = interval({ year: { base: 'document', n: -back } }, { year: { base: 'document', n: 0 } }, 'year', true);
    return atom(tokens, from, i + 1, R.spanRecent, 'relative', v, { anchorable: false });
  }
  let count = 1;
  let vague = false;
  const c = countBefore(tokens[k]);
  if (plural) {
    if (!c || lowerAt(tokens, k) === 'a' || lowerAt(tokens, k) === 'an') return null;
    count = c.n;
    vague = c.vague;
    k--;
    if (lowerAt(tokens, k) === 'a' && vague) k--; // "the next few years" / "a few"
  } else if (unit !== 10) {
    return null; // "the next year" is the anaphor rule's
  }
  const dir = lowerAt(tokens, k);
  if (lowerAt(tokens, k - 1) !== 'the') return null;
  const years = count * unit;
  let v: RawValue;
  let rule: string;
  if (dir === 'next' || dir === 'following' || dir === 'coming' || dir === 'subsequent') {
    v = interval({ year: { base: 'anchor', n: 0 } }, { year: { base: 'anchor', n: years } }, 'year', vague);
    rule = R.spanNext;
  } else if (dir === 'past' || dir === 'last') {
    v = interval({ year: { base: 'document', n: -years } }, { year: { base: 'document', n: 0 } }, 'year', vague);
    rule = R.spanPast;
  } else {
    return null;
  }
  return atom(tokens, k - 1, i + 1, rule, 'relative', v, { anchorable: false });
}

/** "two years later", "a decade ago", "three years earlier". Months and days later only blur the year. */
function shiftAtom(tokens: readonly Token[], i: number): RawTime | null {
  const head = tokens[i]!.lower;
  const unit = UNIT_YEARS.get(lowerAt(tokens, i - 1));
  if (unit === undefined) return null;
  const c = countBefore(tokens[i - 2]);
  if (!c) return null;
  const from = c.vague && lowerAt(tokens, i - 3) === 'a' ? i - 3 : i - 2;
  const years = c.n * unit;
  const approximate = c.vague || unit === 0 || unit === 10;
  let ref: YearRef;
  let rule: string;
  if (head === 'ago') {
    ref = { base: 'document', n: -years };
    rule = R.shiftAgo;
  } else if (head === 'later' || head === 'afterwards' || head === 'afterward') {
    ref = { base: 'anchor', n: years };
    rule = R.shiftLater;
  } else if (head === 'earlier') {
    ref = { base: 'anchor', n: -years };
    rule = R.shiftLater;
  } else {
    return null;
  }
  return atom(tokens, from, i + 1, rule, 'relative', interval({ year: ref }, { year: ref }, 'year', approximate));
}

/** "at the time", "that time", "during that time period", "that era", "the same period". */
function periodAnaphorAtom(tokens: readonly Token[], i: number): RawTime | null {
  const head = tokens[i]!.lower;
  if (!PERIOD_HEADS.has(head)) return null;
  const p = lowerAt(tokens, i - 1);
  let from = -1;
  if (p === 'that') from = i - 1;
  else if (p === 'same' && head !== 'time' && (lowerAt(tokens, i - 2) === 'the' || lowerAt(tokens, i - 2) === 'that'))
    from = i - 2;
  else if (p === 'this' && head !== 'time') from = i - 1;
  else if (p === 'the' && head === 'time' && lowerAt(tokens, i - 2) === 'at' && lowerAt(tokens, i + 1) !== 'of')
    from = i - 1;
  if (from < 0) return null;
  // "at the time of the deportation" names its own time
  if (lowerAt(tokens, i + 1) === 'of' || lowerAt(tokens, i + 1) === 'when') return null;
  let to = i + 1;
  if (head === 'time' && (lowerAt(tokens, to) === 'period' || lowerAt(tokens, to) === 'frame')) to++;
  return atom(
    tokens,
    from,
    to,
    R.anaphorPeriod,
    'relative',
    { kind: 'copy', approximate: false },
    { anchorable: false },
  );
}

const THEN_OPS: ReadonlyMap<string, BoundOp> = new Map(
  BOUND_PHRASES.filter(([p]) => p === 'since' || p === 'until' || p === 'by' || p === 'till'),
);

/** "since then", "until then", "by then": bound against the anchor. */
function thenAtom(tokens: readonly Token[], i: number): RawTime | null {
  const op = THEN_OPS.get(lowerAt(tokens, i - 1));
  if (!op) return null;
  return atom(
    tokens,
    i - 1,
    i + 1,
    R.thenBound,
    'relative',
    { kind: 'copy', approximate: false },
    { op, anchorable: false },
  );
}

const SINCE_OP = THEN_OPS.get('since')!;
const HAVE: ReadonlySet<string> = new Set(['has', 'have', 'had', "'ve", '’ve']);

/** "Many have since visited": adverbial "since", after the anchor. "since 2015" is the bound refiner's. */
function adverbSinceAtom(tokens: readonly Token[], i: number): RawTime | null {
  if (!HAVE.has(lowerAt(tokens, i - 1))) return null;
  const next = tokens[i + 1];
  if (next?.type !== 'word' || isUpper(next) || MONTHS.has(next.lower)) return null;
  const l = next.lower;
  if (l === 'the' || l === 'then' || l === 'that' || l === 'this' || l === 'last' || PART_WORDS.has(l)) return null;
  return atom(
    tokens,
    i,
    i + 1,
    R.adverbSince,
    'relative',
    { kind: 'copy', approximate: false },
    { op: SINCE_OP, anchorable: false },
  );
}

/** "the turn of the century" (which century: resolution); "the turn of the 20th century" is a part of a century atom. */
function turnAtom(tokens: readonly Token[], i: number): RawTime | null {
  if (lowerAt(tokens, i + 1) !== 'of' || lowerAt(tokens, i + 2) !== 'the') return null;
  const what = lowerAt(tokens, i + 3);
  const from = lowerAt(tokens, i - 1) === 'the' ? i - 1 : i;
  if (what === 'millennium') {
    return atom(tokens, from, i + 4, R.turnOfCentury, 'relative', interval(stated(1995), stated(2005), 'year', true));
  }
  if (what !== 'century') return null;
  const v = interval({ year: { base: 'turn', n: -5 } }, { year: { base: 'turn', n: 5 } }, 'year', true);
  return atom(tokens, from, i + 4, R.turnOfCentury, 'relative', v);
}

/** "the present (day)", "today": only meaningful as the end of a range ("from 1991 to the present"). */
function presentAtom(tokens: readonly Token[], i: number): RawTime | null {
  const from = lowerAt(tokens, i - 1) === 'the' ? i - 1 : i;
  const to = lowerAt(tokens, i + 1) === 'day' ? i + 2 : i + 1;
  return atom(tokens, from, to, R.rangeTo, 'present', interval(null, null, 'year'), { cue: false, latent: true });
}

/** "the 19th century" written in words: "the nineteenth century". */
function centuryWordAtom(tokens: readonly Token[], i: number): RawTime | null {
  return isCenturyWord(lowerAt(tokens, i + 1)) || lowerAt(tokens, i).endsWith('-century')
    ? centuryAtom(tokens, i)
    : null;
}

type WordParser = (tokens: readonly Token[], i: number) => RawTime | null;

/** Trigger words -> the parsers to try there, in order. Built once from the lexicon. */
const WORD_TRIGGERS: ReadonlyMap<string, readonly WordParser[]> = (() => {
  const m = new Map<string, WordParser[]>();
  const add = (w: string, p: WordParser): void => {
    const list = m.get(w);
    if (list) {
      if (!list.includes(p)) list.push(p);
    } else m.set(w, [p]);
  };
  // Named periods first: "the Arduous March" must not become the month March.
  for (const w of TRIE.keys()) add(w, namedAtom);
  for (const w of MONTHS.keys()) add(w, monthAtom);
  for (const w of SEASONS.keys()) add(w, seasonAtom);
  for (const w of ORDINAL_WORDS.keys()) {
    add(w, centuryWordAtom);
    add(`${w}-century`, centuryWordAtom);
  }
  add('year', yearAnaphorAtom);
  for (const w of ['years', 'decades', 'decade']) add(w, spanAtom);
  for (const w of ['ago', 'later', 'earlier', 'afterwards', 'afterward']) add(w, shiftAtom);
  for (const w of PERIOD_HEADS) add(w, periodAnaphorAtom);
  add('then', thenAtom);
  add('since', adverbSinceAtom);
  add('turn', turnAtom);
  add('present', presentAtom);
  add('today', presentAtom);
  return m;
})();

/** First letters of the hyphen prefixes below (e, l, m, p): most words skip the hyphen check. */
const hyphenInitial = (c: number): boolean => c === 101 || c === 108 || c === 109 || c === 112;

/**
 * A bitmap over (first letter, length) of the trigger words: most words ("the", "workers") fail
 * it with two array reads and never reach the Map. A speed measure only; the Map decides.
 */
const TRIGGER_SHAPES: Uint8Array = (() => {
  const bits = new Uint8Array(32 * 32);
  for (const w of WORD_TRIGGERS.keys()) bits[shapeOf(w)] = 1;
  return bits;
})();

function shapeOf(lower: string): number {
  return ((lower.charCodeAt(0) & 31) << 5) | Math.min(lower.length, 31);
}

const maybeTrigger = (lower: string): boolean => TRIGGER_SHAPES[shapeOf(lower)] === 1;

const HYPHEN_PARTS: ReadonlyMap<string, Part> = new Map<string, Part>([
  ['mid', 'mid'],
  ['early', 'early'],
  ['late', 'late'],
]);
const PRE_OP: BoundOp = BOUND_PHRASES.find(([p]) => p === 'before')![1];
const POST_OP: BoundOp = BOUND_PHRASES.find(([p]) => p === 'after')![1];

/** "mid-2024", "mid-1990s", "mid-19th century", "mid-October", "pre-1945", "post-Cold War". */
function hyphenAtom(tokens: readonly Token[], i: number): RawTime | null {
  const t = tokens[i]!;
  const l = t.lower;
  const dash = l.indexOf('-');
  if (dash < 2 || dash > 5) return null;
  const prefix = l.slice(0, dash);
  const part = HYPHEN_PARTS.get(prefix);
  const op = prefix === 'pre' ? PRE_OP : prefix === 'post' ? POST_OP : null;
  if (!part && !op) return null;
  const rest = l.slice(dash + 1);
  let inner: RawValue | null = null;
  let unit: Unit = 'year';
  let to = i + 1;
  const y = rest.length === 4 ? digitsValue(rest) : -1;
  if (y >= 1000 && y <= 2099) {
    inner = yearPoint(y);
  } else if (
    rest.length === 5 &&
    rest.endsWith('s') &&
    digitsValue(rest, 0, 4) % 10 === 0 &&
    digitsValue(rest, 0, 4) >= 1000
  ) {
    const d = digitsValue(rest, 0, 4);
    inner =
      d % 100 === 0 && d < 2000
        ? interval(stated(d), stated(d + 99), 'century')
        : interval(stated(d), stated(d + 9), 'decade');
    unit = d % 100 === 0 && d < 2000 ? 'century' : 'decade';
  } else if (ordinalDigits(rest) > 0 && isCenturyWord(lowerAt(tokens, i + 1))) {
    const n = ordinalDigits(rest);
    inner = interval(stated((n - 1) * 100), stated((n - 1) * 100 + 99), 'century');
    unit = 'century';
    to = i + 2;
  } else if (MONTHS.has(rest) && !MONTH_ABBREVIATIONS.has(rest) && part) {
    const m = MONTHS.get(rest)!;
    const y2 = yearOf(tokens[i + 1]);
    const point: RawPoint = { year: y2 > 0 ? { base: 'stated', n: y2 } : { base: 'nearest', n: 0 }, month: m };
    if (y2 > 0) to = i + 2;
    inner = interval(point, point, 'month');
    unit = 'month';
  } else if (op) {
    const m = matchPeriod(tokens, i, rest);
    if (m) {
      inner = periodValue(m.period);
      unit = 'period';
      to = m.to;
      if (PERIOD_TAILS.has(lowerAt(tokens, to))) to++;
    }
  }
  if (!inner) return null;
  // "the mid-1990s", "the post-Cold War era" keep their article; "the post-1945 order" does not (it is the order's)
  const the = lowerAt(tokens, i - 1) === 'the' && (part !== undefined || unit === 'period') ? i - 1 : i;
  if (part) {
    const v = partValue(inner, part, unit);
    return v ? atom(tokens, the, to, R.hyphenPart, 'part', v) : null;
  }
  return atom(tokens, the, to, R.hyphenBound, 'part', inner, { op });
}

// ---------------------------------------------------------------------------------------------
// Parts: "the late 1940s", "early 2025", "the latter half of the Japanese colonial era"

type Unit = 'year' | 'decade' | 'century' | 'month' | 'period';

const THIRDS: Record<string, readonly [number, number]> = {
  early: [0, 1 / 3],
  mid: [1 / 3, 2 / 3],
  late: [2 / 3, 1],
  'early-mid': [0, 2 / 3],
  'mid-late': [1 / 3, 1],
  'first-half': [0, 0.5],
  'second-half': [0.5, 1],
};

/** Months of a year part: early Jan-Apr, mid May-Aug, late Sep-Dec; halves Jan-Jun / Jul-Dec. */
const YEAR_PART_MONTHS: Record<string, readonly [number, number]> = {
  early: [1, 4],
  start: [1, 4],
  mid: [5, 8],
  late: [9, 12],
  end: [9, 12],
  'early-mid': [1, 8],
  'mid-late': [5, 12],
  'first-half': [1, 6],
  'second-half': [7, 12],
  q1: [1, 3],
  q2: [4, 6],
  q3: [7, 9],
  q4: [10, 12],
};

/** Years of a decade part: early 0-3, mid 4-6, late 6-9 ("the late 1940s" -> 1946-1949). */
const DECADE_PART_YEARS: Record<string, readonly [number, number]> = {
  early: [0, 3],
  start: [0, 3],
  mid: [4, 6],
  late: [6, 9],
  end: [6, 9],
  'early-mid': [0, 6],
  'mid-late': [4, 9],
  'first-half': [0, 4],
  'second-half': [5, 9],
};

const statedYear = (p: RawPoint | null): number | null => (p && p.year.base === 'stated' ? p.year.n : null);

/** Narrows a value by a part word; null when the part does not apply ("the turn of 2024"). */
export function partValue(v: RawValue, part: Part, unit: Unit): RawValue | null {
  if (v.kind !== 'interval') return null;
  const exact = part === 'first-half' || part === 'second-half' || part.charCodeAt(0) === 113; /* q1..q4 */
  if (unit === 'month') {
    if (part === 'turn' || exact) return null;
    return { ...v, approximate: true };
  }
  const s = statedYear(v.start);
  const e = statedYear(v.end);
  if (s === null) return null;
  if (unit === 'year') {
    const r = YEAR_PART_MONTHS[part];
    if (!r) return null;
    return interval(stated(s, r[0]), stated(s, r[1]), 'season', !exact);
  }
  if (unit === 'decade') {
    const r = DECADE_PART_YEARS[part];
    if (!r) return null;
    return interval(stated(s + r[0]), stated(s + r[1]), 'year', !exact);
  }
  if (unit === 'century') {
    if (part === 'turn') return interval(stated(s - 5), stated(s + 5), 'decade', true);
    const r = THIRDS[part === 'start' ? 'early' : part === 'end' ? 'late' : part];
    if (!r) return null;
    return interval(stated(s + Math.round(r[0] * 99)), stated(s + Math.round(r[1] * 99)), 'decade', !exact);
  }
  // a named period or range: start/end are its first/last point, thirds and halves by years
  if (part === 'start') return { ...v, end: v.start, approximate: v.approximate };
  if (part === 'end') return v.end ? { ...v, start: v.end } : null;
  if (e === null || part === 'turn') return null;
  const r = THIRDS[part];
  if (!r) return null;
  const span = e - s;
  return interval(stated(s + Math.round(r[0] * span)), stated(s + Math.round(r[1] * span)), 'year', true);
}

function unitOf(a: RawTime): Unit | null {
  switch (a.kind) {
    case 'year':
      return 'year';
    case 'decade':
      return 'decade';
    case 'century':
      return 'century';
    case 'month':
      return 'month';
    case 'named':
    case 'range':
      return 'period';
    default:
      return null;
  }
}

/**
 * Widens an atom to start at token `from` and applies `patch`. Atoms are made fresh by each
 * parseTimes call and never escape it before the refiners finish, so updating in place is
 * safe and spares a copy per refinement (this annotator runs on every sentence).
 */
function extendBack(tokens: readonly Token[], a: RawTime, from: number, patch: Partial<RawTime>): RawTime {
  Object.assign(a, patch);
  a.from = from;
  a.start = tokens[from]!.start;
  return a;
}

type Refiner = (atoms: RawTime[], tokens: readonly Token[]) => RawTime[];

/**
 * Lifts a one-atom refinement to a refiner. It writes into the list it is given: the list and
 * its atoms are parseTimes' own (see extendBack), and a copy per sentence would cost more than
 * the refinement.
 */
function eachAtom(refine: (a: RawTime, tokens: readonly Token[]) => RawTime): Refiner {
  return (atoms, tokens) => {
    for (let k = 0; k < atoms.length; k++) atoms[k] = refine(atoms[k]!, tokens);
    return atoms;
  };
}

/** Refiner: part words and phrases before an atom ("the late 1940s", "the end of World War II"). */
const refineParts: Refiner = eachAtom((a, tokens) => {
  const unit = unitOf(a);
  if (!unit || (a.latent && !a.cue)) return a;
  // A leading "the" already in the atom ("the 1990s") may belong to the phrase: "the end of the 1990s".
  const p = tokens[a.from - 1];
  if (p && PART_WORDS.has(p.lower)) {
    const v = partValue(a.value, PART_WORDS.get(p.lower)!, unit);
    if (v) {
      const from = lowerAt(tokens, a.from - 2) === 'the' ? a.from - 2 : a.from - 1;
      return extendBack(tokens, a, from, { value: v, kind: 'part', rule: R.part, cue: true, latent: a.pending });
    }
  }
  const phrase = phraseBefore(tokens, a.from, PART_PHRASE_WORDS);
  if (!phrase) return a;
  const v = partValue(a.value, phrase[1], unit);
  if (!v) return a;
  return extendBack(tokens, a, a.from - phrase[0].length, {
    value: v,
    kind: 'part',
    rule: R.partPhrase,
    cue: true,
    latent: a.pending,
  });
});

/** Shifts every year of a value by n (for "two years after the Korean War"). */
function shiftValue(v: RawValue, n: number): RawValue {
  if (v.kind !== 'interval') return v;
  const sh = (p: RawPoint | null): RawPoint | null => (p ? { ...p, year: { ...p.year, n: p.year.n + n } } : null);
  return { ...v, start: sh(v.start), end: sh(v.end) };
}

/** Refiner: "days before Japan's surrender" (near the time), "two years after the Korean War" (shifted). */
const refineNear: Refiner = eachAtom((a, tokens) => {
  if (a.latent || a.value.kind !== 'interval') return a;
  const rel = lowerAt(tokens, a.from - 1);
  if (rel !== 'before' && rel !== 'after') return a;
  const w = lowerAt(tokens, a.from - 2);
  const v = a.value;
  const point = rel === 'before' ? v.start : v.end;
  if (!point) return a;
  if (NEAR_WORDS.has(w)) {
    const nv: RawValue = { ...v, start: point, end: point, approximate: true };
    return extendBack(tokens, a, a.from - 2, { value: nv, rule: R.near, kind: 'relative' });
  }
  const unit = UNIT_YEARS.get(w);
  const c = countBefore(tokens[a.from - 3]);
  if (unit && c) {
    const n = (rel === 'before' ? -1 : 1) * c.n * unit;
    const nv = shiftValue({ ...v, start: point, end: point, approximate: v.approximate || c.vague }, n);
    return extendBack(tokens, a, a.from - 3, { value: nv, rule: R.shift, kind: 'relative' });
  }
  return a;
});

// ---------------------------------------------------------------------------------------------
// Ranges, alternatives, coordination

/** Compares two stated points (year, month, day); null when either is not stated. */
function comparePoints(a: RawPoint | null, b: RawPoint | null): number | null {
  if (!a || !b || a.year.base !== b.year.base) return null;
  if (a.year.n !== b.year.n) return a.year.n - b.year.n;
  return (a.month ?? 0) - (b.month ?? 0) || (a.day ?? 0) - (b.day ?? 0);
}

/** Finer to coarser (a switch: a Record read by these names was a generic keyed look-up). */
function precisionRank(p: TimePrecision): number {
  switch (p) {
    case 'day':
      return 0;
    case 'month':
      return 1;
    case 'season':
      return 2;
    case 'year':
      return 3;
    case 'decade':
      return 4;
    default:
      return 5;
  }
}
const coarser = (a: TimePrecision, b: TimePrecision): TimePrecision => (precisionRank(a) >= precisionRank(b) ? a : b);

/**
 * The range from a to b, or null when they do not make one. A month without a year takes the
 * year of the other end ("May to July 1946"; "December to February 1947" starts in 1946).
 */
function mergeValues(a: RawValue, b: RawValue, present: boolean): RawValue | null {
  if (a.kind !== 'interval') return null;
  if (present) return { ...a, end: null, season: undefined };
  if (b.kind !== 'interval' || !a.start || !b.end) return null;
  let start = a.start;
  if (
    start.year.base === 'nearest' &&
    b.end.year.base !== 'nearest' &&
    start.month !== undefined &&
    b.end.month !== undefined
  ) {
    const back = start.month > b.end.month ? -1 : 0;
    start = { ...start, year: { base: b.end.year.base, n: b.end.year.n + back } };
  }
  const cmp = comparePoints(start, b.start ?? b.end);
  if (cmp !== null && cmp > 0) return null;
  return {
    kind: 'interval',
    start,
    end: b.end,
    precision: coarser(a.precision, b.precision),
    approximate: a.approximate || b.approximate,
    yearAnchor: a.yearAnchor || b.yearAnchor,
  };
}

/** Gap in years between the end of a and the start of b, when both are stated. */
function yearGap(a: RawValue, b: RawValue): number | null {
  if (a.kind !== 'interval' || b.kind !== 'interval') return null;
  const e = statedYear(a.end);
  const s = statedYear(b.start);
  return e === null || s === null ? null : s - e;
}

function isYearish(a: RawTime): boolean {
  return a.kind === 'year' || a.kind === 'range';
}

/** True when two atoms are one token apart (the only way they can make a range). */
function hasNeighbours(atoms: readonly RawTime[]): boolean {
  for (let k = 1; k < atoms.length; k++) if (atoms[k]!.from === atoms[k - 1]!.to + 1) return true;
  return false;
}

/** Refiner: "from X to Y", "between X and Y", "X–Y", "X to Y", "X or Y", "X and Y". Keep it after the parts. */
function refineRanges(input: RawTime[], tokens: readonly Token[]): RawTime[] {
  if (!hasNeighbours(input)) return input;
  const atoms = input.slice();
  const out: RawTime[] = [];
  for (let k = 0; k < atoms.length; k++) {
    const a = atoms[k]!;
    const b = atoms[k + 1];
    if (!b || b.from !== a.to + 1 || a.value.kind !== 'interval') {
      out.push(a);
      continue;
    }
    const link = tokens[a.to]!;
    const l = link.lower;
    const before = lowerAt(tokens, a.from - 1);
    const after = tokens[b.to];
    const countVerb = after !== undefined && COUNT_VERBS.has(after.lower) && isYearish(a) && isYearish(b);
    const bothYears = a.kind === 'year' && b.kind === 'year';
    const ay = statedYear(a.value.kind === 'interval' ? a.value.start : null);
    const by = b.value.kind === 'interval' ? statedYear(b.value.end) : null;
    const plausible = ay !== null && by !== null && plausibleYears(ay, by);
    let merged: RawTime | null = null;
    const make = (from: number, rule: string, cue: boolean): RawTime | null => {
      const v = mergeValues(a.value, b.value, b.kind === 'present');
      if (!v) return null;
      const m = copyAtom(a);
      m.from = from;
      m.to = b.to;
      m.start = tokens[from]!.start;
      m.end = b.end;
      m.rule = rule;
      m.kind = 'range';
      m.value = v;
      m.cue = cue;
      m.latent = !cue;
      m.pending = false;
      m.anchorable = a.anchorable && b.anchorable;
      return m;
    };
    if (l === 'and' && before === 'between') {
      if (!countVerb && (!bothYears || plausible)) merged = make(a.from - 1, R.rangeBetween, true);
    } else if (
      (l === 'to' || l === 'until' || l === 'till' || l === 'through' || l === 'thru' || isDash(link)) &&
      before === 'from'
    ) {
      if (!countVerb && (!bothYears || (ay !== null && by !== null && by > ay && by - ay <= 200)))
        merged = make(a.from - 1, R.rangeFrom, true);
    } else if (l === 'to' || l === 'until' || l === 'till' || l === 'through' || l === 'thru' || isDash(link)) {
      const cue = (a.cue && !a.latent) || b.kind === 'present' || !bothYears || plausible || (a.cue && b.cue);
      if (!countVerb && !(bothYears && !plausible && !(a.cue || b.cue))) merged = make(a.from, R.rangeTo, cue);
    } else if (l === 'or' || l === 'and') {
      const gap = yearGap(a.value, b.value);
      const cue = a.cue || b.cue;
      // "1966 or 1967", "1998 and 1999", "the 1950s and 1960s", "the late 1930s and early 1940s": merge
      // adjacent units; "in 1995 and 2005" stays two times.
      const adjacent = gap !== null && gap >= 0 && gap <= (l === 'or' ? 10 : 1);
      if (adjacent && a.kind !== 'present' && b.kind !== 'present' && !countVerb) {
        merged = make(a.from, l === 'or' ? R.alternatives : R.coordination, cue);
      } else if (cue && b.kind !== 'present') {
        const first = copyAtom(a);
        first.pending = false;
        first.latent = !cue;
        out.push(first);
        const second = copyAtom(b);
        second.pending = false;
        second.latent = !(b.cue || cue) || b.pending;
        atoms[k + 1] = second;
        continue;
      }
    }
    if (merged) {
      out.push(merged);
      k++;
    } else {
      out.push(a);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Bounds: "by 2006", "since the late 1980s", "until 1991", "as early as 1994", "from 1991 onwards"

const refineBounds: Refiner = eachAtom((a, tokens) => {
  if (a.latent || a.op || a.kind === 'present') return a;
  let r = a;
  const phrase = phraseBefore(tokens, a.from, BOUND_PHRASE_WORDS);
  if (phrase) r = extendBack(tokens, a, a.from - phrase[0].length, { op: phrase[1], rule: R.bound });
  if (r.op) return r;
  // "from 1991 onwards", "1991 and later"
  const n1 = lowerAt(tokens, a.to);
  const n2 = lowerAt(tokens, a.to + 1);
  let to = -1;
  if (n1 === 'onwards' || n1 === 'onward') to = a.to + 1;
  else if (n1 === 'on' && lowerAt(tokens, a.from - 1) === 'from' && (tokens[a.to + 1]?.type ?? 'punct') === 'punct')
    to = a.to + 1;
  else if ((n1 === 'and' || n1 === 'or') && n2 === 'later') to = a.to + 2;
  if (to < 0) return r;
  const from = lowerAt(tokens, a.from - 1) === 'from' ? a.from - 1 : a.from;
  const open = copyAtom(r);
  open.from = from;
  open.to = to;
  open.start = tokens[from]!.start;
  open.end = tokens[to - 1]!.end;
  open.op = SINCE_OP;
  open.rule = R.openEnd;
  return open;
});

// ---------------------------------------------------------------------------------------------
// The engine

/**
 * Refiners in order, each with why it sits where it is:
 * 1. parts before ranges: "the late 1930s and early 1940s" merges two parts, not two decades;
 * 2. near/shift before ranges and bounds: "days before X" must not become the open "before X";
 * 3. ranges before bounds: "by the late 1930s and early 1940s" bounds the merged range;
 * 4. the latent filter last: ranges and coordination are what confirm "1946" in "between 1946 and 1949".
 */
const REFINERS: readonly Refiner[] = [refineParts, refineNear, refineRanges, refineBounds];

/** What parseTimes tries at a word that only a hyphenated time can start ("mid-1990s"). */
const HYPHEN_WORD: readonly WordParser[] = [];

/** The parsers parseTimes tries at a word, HYPHEN_WORD, or null; per spelling. */
const WORD_PARSERS = new SpellingMemo((t: Token): readonly WordParser[] | null => {
  const lower = t.lower;
  const parsers = maybeTrigger(lower) ? WORD_TRIGGERS.get(lower) : undefined;
  if (parsers) return parsers;
  return lower.length > 4 && hyphenInitial(lower.charCodeAt(0)) && lower.indexOf('-') > 1 ? HYPHEN_WORD : null;
});

/** A word WORD_PARSERS has parsers for (see spellingBit): most words are passed over on this bit. */
const TIME_WORD = spellingBit((t: Token) => t.type === 'word' && WORD_PARSERS.get(t) !== null);

/**
 * Raw time parses of one sentence, sorted by start and non-overlapping. Pure: reads neither the
 * document date nor earlier sentences. Example: "By 2006, ..." -> one parse of "By 2006", year
 * 2006 stated, op bound-before.
 */
export function parseTimes(ctx: SentenceContext): RawTime[] {
  const tokens = ctx.tokens;
  const n = tokens.length;
  let atoms: RawTime[] | null = null;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    let a: RawTime | null = null;
    if (t.type === 'number') {
      a = numberAtom(tokens, i);
    } else if (hasSpellingBit(t, TIME_WORD)) {
      const parsers = WORD_PARSERS.get(t);
      if (parsers === HYPHEN_WORD) a = hyphenAtom(tokens, i);
      else if (parsers !== null) {
        for (const p of parsers) {
          a = p(tokens, i);
          if (a) break;
        }
      }
    }
    if (a) {
      if (atoms === null) atoms = [];
      // An atom that reaches back over an earlier one (rare: "in 1946 or the following year") replaces
      // nothing here; the overlap filter keeps the longer.
      atoms.push(a);
      i = a.to - 1;
    }
  }
  if (atoms === null) return [];
  let list = atoms;
  for (const refine of REFINERS) list = refine(list, tokens);
  // The latent filter, with the overlap check folded into the same pass.
  const kept: RawTime[] = [];
  let disjoint = true;
  for (const a of list) {
    if (a.latent || a.pending || a.kind === 'present') continue;
    if (kept.length > 0 && a.start < kept[kept.length - 1]!.end) disjoint = false;
    kept.push(a);
  }
  const out = disjoint ? kept : removeOverlaps(kept);
  // The atoms were all made in this call, so filling in their text in place is safe.
  for (const a of out) a.text = ctx.text.slice(a.start, a.end);
  return out;
}
