/**
 * The `numbers` annotator: quantities (counts, shares, money and the numbers that are not
 * people: years, ordinals, identifiers, ages, durations, distances) and free-standing rates.
 *
 * The engine is a small bottom-up chart parser (Duckling's Engine): rules.ts says what to match,
 * this file owns iteration, offsets and overlap. It only wakes up near trigger tokens (digits,
 * number words, "thousands", "half", "several"...), looks rules up in Maps by their first token
 * or item kind, and keeps the longest parse of each stretch of text (chrono's overlap removal).
 */
import { hasSpellingBit, SpellingMemo, spellingBit } from '../tokenize.js';
import type { Quantity, RateMention, SentenceContext, Token } from '../types.js';
import { resolveItem } from './resolve.js';
import {
  type Elem,
  type Item,
  type Kind,
  type NumberShape,
  numberShape,
  type Part,
  RATE_FIRST_WORDS,
  RULES,
  type Rule,
  rateAt,
  type Trie,
} from './rules.js';

// ---------------------------------------------------------------------------------------------
// Rules compiled once: every pattern element gets one object shape (monomorphic look-ups), and
// rules are indexed by what they can start with.

interface CElem {
  kind: Kind | null;
  words: ReadonlySet<string> | null;
  phrase: Trie | null;
  number: boolean;
  hyphen: ReadonlySet<string> | null;
  whenItem: ((it: Item) => boolean) | null;
  whenToken: ((t: Token) => boolean) | null;
  optional: boolean;
  /** `words.has(t.lower)`, per spelling (one memo per word set) */
  inWords: SpellingMemo<boolean> | null;
  /** `phrase.next.get(t.lower)`: the phrase's node after its first word, per spelling */
  phraseStart: SpellingMemo<Trie | undefined> | null;
}

interface CRule {
  rule: Rule;
  elems: CElem[];
}

/**
 * Memos of the rules' word sets and phrases, one per set or trie (rules share them). Small: a
 * rule element is asked about only near a trigger, so spellings may take turns in a slot.
 */
const MEMO_BITS = 12;
const WORD_MEMOS = new Map<ReadonlySet<string>, SpellingMemo<boolean>>();
const PHRASE_MEMOS = new Map<Trie, SpellingMemo<Trie | undefined>>();

function wordsMemo(words: ReadonlySet<string>): SpellingMemo<boolean> {
  let m = WORD_MEMOS.get(words);
  if (!m) {
    m = new SpellingMemo((t: Token) => words.has(t.lower), MEMO_BITS);
    WORD_MEMOS.set(words, m);
  }
  return m;
}

function phraseMemo(phrase: Trie): SpellingMemo<Trie | undefined> {
  let m = PHRASE_MEMOS.get(phrase);
  if (!m) {
    m = new SpellingMemo((t: Token) => phrase.next.get(t.lower), MEMO_BITS);
    PHRASE_MEMOS.set(phrase, m);
  }
  return m;
}

function compileElem(e: Elem): CElem {
  const c: CElem = {
    kind: null,
    words: null,
    phrase: null,
    number: false,
    hyphen: null,
    whenItem: null,
    whenToken: null,
    optional: false,
    inWords: null,
    phraseStart: null,
  };
  if ('kind' in e) {
    c.kind = e.kind;
    c.whenItem = e.when ?? null;
  } else if ('words' in e) {
    c.words = e.words;
    c.whenToken = e.when ?? null;
    c.optional = e.optional ?? false;
    c.inWords = wordsMemo(e.words);
  } else if ('phrase' in e) {
    c.phrase = e.phrase;
    c.optional = e.optional ?? false;
    c.phraseStart = phraseMemo(e.phrase);
  } else if ('type' in e) {
    c.number = true;
    c.whenToken = e.when;
  } else c.hyphen = e.hyphen;
  return c;
}

/** The words an element can start with (a phrase: its first words), or null when it is not a word list. */
const startWords = (e: CElem): Iterable<string> | null => e.words ?? (e.phrase ? e.phrase.next.keys() : null);

/** Rules that start with an item of one kind, split by what the second element needs. */
interface KindRules {
  /** one-element rules ("count: numeral") */
  single: CRule[];
  /** rules whose second element is a word or phrase, by its first word */
  byNextWord: Map<string, CRule[]>;
  /** the rest (second element an item, a number token, or optional) */
  other: CRule[];
  /** `byNextWord.get(t.lower)`, per spelling */
  next: SpellingMemo<CRule[] | undefined>;
}

const push = <K>(m: Map<K, CRule[]>, k: K, r: CRule): void => {
  const l = m.get(k);
  if (!l) m.set(k, [r]);
  else if (!l.includes(r)) l.push(r);
};

const BY_WORD = new Map<string, CRule[]>();
const BY_HYPHEN = new Map<string, CRule[]>();
const BY_SHAPE = new Map<NumberShape, CRule[]>();
const BY_KIND = new Map<Kind, KindRules>();
/** Token-only rules can fire without any item; the rarest token of each wakes the engine. */
const TRIGGER_WORDS = new Set<string>();
const TRIGGER_HYPHEN_HEADS = new Set<string>();
let TRIGGER_ON_NUMBERS = false;

for (const rule of RULES) {
  const c: CRule = { rule, elems: rule.pattern.map(compileElem) };
  const [first, second] = c.elems;
  if (first.kind) {
    let k = BY_KIND.get(first.kind);
    if (!k) {
      const byNextWord = new Map<string, CRule[]>();
      k = { single: [], byNextWord, other: [], next: new SpellingMemo((t) => byNextWord.get(t.lower), MEMO_BITS) };
      BY_KIND.set(first.kind, k);
    }
    const next = second ? startWords(second) : null;
    if (!second) k.single.push(c);
    else if (next && !second.optional) for (const w of next) push(k.byNextWord, w, c);
    else k.other.push(c);
  } else if (first.number) {
    const shape = (rule.pattern[0] as { shape?: NumberShape }).shape;
    if (shape !== 'glued') push(BY_SHAPE, 'digits', c);
    if (shape !== 'digits') push(BY_SHAPE, 'glued', c);
  } else if (first.hyphen) {
    for (const h of first.hyphen) push(BY_HYPHEN, h, c);
  } else {
    for (const w of startWords(first) ?? []) push(BY_WORD, w, c);
  }
  if (c.elems.some((e) => e.kind)) continue;
  // The rarest element wakes the engine: a number token if there is one ("[1]"), else the
  // rule's declared trigger, else its last token.
  if (c.elems.some((e) => e.number)) TRIGGER_ON_NUMBERS = true;
  else if (rule.trigger) for (const w of rule.trigger) TRIGGER_WORDS.add(w);
  else {
    const last = c.elems[c.elems.length - 1];
    for (const w of startWords(last) ?? []) TRIGGER_WORDS.add(w);
    for (const h of last.hyphen ?? []) TRIGGER_HYPHEN_HEADS.add(h);
  }
}

const NUM_RULES = BY_KIND.get('num');
const SCALE_RULES = BY_KIND.get('scale');
const FRAC_RULES = BY_KIND.get('frac');
const ORD_RULES = BY_KIND.get('ord');
const Q_RULES = BY_KIND.get('q');

/** BY_KIND.get(kind) without hashing: this runs for every item of the chart. */
function kindRules(kind: Kind): KindRules | undefined {
  switch (kind) {
    case 'num':
      return NUM_RULES;
    case 'q':
      return Q_RULES;
    case 'scale':
      return SCALE_RULES;
    case 'frac':
      return FRAC_RULES;
    case 'ord':
      return ORD_RULES;
    default:
      return BY_KIND.get(kind);
  }
}

/**
 * How far before a trigger a parse may start: a hedge of up to four tokens ("a little more
 * than") before a currency of up to five ("U . S . $") before the number.
 */
const LOOKBEHIND = 10;
/** A bound on parses per position, so hostile text cannot grow the chart without bound. */
const MAX_ITEMS_PER_POSITION = 64;

/**
 * "twenty-five" -> "twenty". A char loop, not `indexOf('‐')`: searching a one-byte string for a
 * two-byte character measured as the hottest line of the whole annotator.
 */
const hyphenHead = (t: Token): string | null => {
  if (t.type !== 'word') return null;
  const w = t.lower;
  for (let k = 1; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c === 45 || c === 0x2010) return w.slice(0, k);
  }
  return null;
};

/**
 * A prefilter on (first character, length) of the trigger words and hyphen heads: most words
 * ("the", "of", "and", "in") fail it without hashing. It runs on every token of the text.
 */
const MAX_LEN = 32;
const PREFILTER = new Uint8Array(128 * MAX_LEN);
const FIRST_OF_HEADS = new Uint8Array(128);
for (const w of TRIGGER_WORDS) {
  const c = w.charCodeAt(0);
  if (c < 128 && w.length < MAX_LEN) PREFILTER[c * MAX_LEN + w.length] = 1;
  else PREFILTER[0] = 1; // a non-ASCII or long trigger word: fall back to the Set for everything
}
for (const h of TRIGGER_HYPHEN_HEADS) {
  const c = h.charCodeAt(0);
  if (c < 128) FIRST_OF_HEADS[c] = 1;
  else FIRST_OF_HEADS[0] = 1;
}

/** isTrigger, per spelling, in the table every annotator shares (see spellingBit). */
const TRIGGER = spellingBit(isTrigger);

/**
 * The token-first rules that can start at a token (fill runs them in this order): by number
 * shape for a number, else by word and then by hyphen head ("twenty-five" -> "twenty").
 */
const FIRST_RULES = new SpellingMemo((tok: Token): CRule[] | undefined => {
  if (tok.type === 'number') return BY_SHAPE.get(numberShape(tok));
  const byWord = BY_WORD.get(tok.lower);
  const h = hyphenHead(tok);
  const byHyphen = h === null ? undefined : BY_HYPHEN.get(h);
  return byHyphen === undefined ? byWord : byWord === undefined ? byHyphen : [...byWord, ...byHyphen];
});

function isTrigger(t: Token): boolean {
  if (t.type === 'number') return TRIGGER_ON_NUMBERS;
  if (t.type !== 'word' && !TRIGGER_WORDS.has(t.lower)) return false;
  const w = t.lower;
  const c = w.charCodeAt(0);
  const ascii = c < 128;
  if (PREFILTER[0] === 1 || !ascii || w.length >= MAX_LEN || PREFILTER[c * MAX_LEN + w.length] === 1) {
    if (TRIGGER_WORDS.has(w)) return true;
  }
  if (w.length < 4 || (ascii && FIRST_OF_HEADS[0] === 0 && FIRST_OF_HEADS[c] === 0)) return false;
  const h = hyphenHead(t);
  return h !== null && TRIGGER_HYPHEN_HEADS.has(h);
}

// ---------------------------------------------------------------------------------------------
// Chart parsing

const sameParse = (o: Item, it: Item): boolean =>
  o.kind === it.kind &&
  o.j === it.j &&
  o.low === it.low &&
  o.high === it.high &&
  o.approx === it.approx &&
  o.dimension === it.dimension &&
  o.unit === it.unit &&
  o.vague === it.vague &&
  o.range === it.range &&
  o.grain === it.grain &&
  (o.hedge === null) === (it.hedge === null);

class Chart {
  /**
   * Items by start token, kept from sentence to sentence: an array whose stamp is not the
   * current generation is stale, so a new sentence clears nothing.
   */
  private readonly at: Item[][] = [];
  private stamps = new Int32Array(64);
  private generation = 0;
  /** every rule application, for traces */
  trace: Item[] | null = null;
  /** Part objects reused by depth: a match only lives during its extract call */
  private readonly pool: Part[] = [];
  /** The chart is also the rules' Scan: the sentence's tokens and the document text. */
  tokens: readonly Token[] = [];
  text = '';

  /** Starts a new sentence. */
  reset(tokens: readonly Token[], text: string, trace: boolean): void {
    this.tokens = tokens;
    this.text = text;
    this.trace = trace ? [] : null;
    // Stamps are compared with the generation; wrap before Int32 overflow ever makes them equal.
    if (++this.generation === 0x7fffffff) {
      this.generation = 1;
      this.stamps.fill(0);
    }
    const n = tokens.length + 1;
    if (this.stamps.length < n) this.stamps = new Int32Array(Math.max(n, this.stamps.length * 2));
  }

  /** The items starting at token `k`, or undefined when there are none. */
  itemsAt(k: number): Item[] | undefined {
    return this.stamps[k] === this.generation ? this.at[k] : undefined;
  }

  /** Token count of the sentence plus one: the positions items may start at. */
  get size(): number {
    return this.tokens.length + 1;
  }

  add(rule: Rule, parts: readonly Part[], it: Item): void {
    const i = parts[0].i;
    const j = parts[parts.length - 1].j;
    if (j <= i) return;
    it.i = i;
    it.j = j;
    it.rule = rule.name;
    let here = this.itemsAt(i);
    if (!here) {
      // a fresh array: `length = 0` on the stale one is a slow runtime call
      here = [];
      while (this.at.length < i) this.at.push([]);
      this.at[i] = here;
      this.stamps[i] = this.generation;
    }
    if (here.length >= MAX_ITEMS_PER_POSITION) return;
    for (let q = 0; q < here.length; q++) if (sameParse(here[q], it)) return;
    here.push(it);
    this.trace?.push(it);
  }

  private part(e: number, i: number, j: number, item: Item | null, value: unknown): Part {
    let p = this.pool[e];
    if (!p) {
      p = { i, j, item, value };
      this.pool[e] = p;
    } else {
      p.i = i;
      p.j = j;
      p.item = item;
      p.value = value;
    }
    return p;
  }

  /** Matches `elems[e..]` from token `pos` and applies the rule to each complete match. */
  match(c: CRule, e: number, pos: number, parts: Part[]): void {
    const elems = c.elems;
    if (e === elems.length) {
      this.apply(c.rule, parts);
      return;
    }
    const el = elems[e];
    const tokens = this.tokens;
    if (el.kind !== null) {
      const items = this.itemsAt(pos);
      if (!items) return;
      for (let q = 0; q < items.length; q++) {
        const it = items[q];
        if (it.kind !== el.kind || (el.whenItem !== null && !el.whenItem(it))) continue;
        parts.push(this.part(e, pos, it.j, it, undefined));
        this.match(c, e + 1, it.j, parts);
        parts.pop();
      }
      return;
    }
    const tok = pos < tokens.length ? tokens[pos] : undefined;
    if (el.words !== null) {
      if (tok && el.inWords!.get(tok) && (el.whenToken === null || el.whenToken(tok))) {
        parts.push(this.part(e, pos, pos + 1, null, tok));
        this.match(c, e + 1, pos + 1, parts);
        parts.pop();
      }
    } else if (el.phrase !== null) {
      let node = tok ? el.phraseStart!.get(tok) : undefined;
      for (let k = pos + 1; node; k++) {
        if (node.has) {
          parts.push(this.part(e, pos, k, null, node.value));
          this.match(c, e + 1, k, parts);
          parts.pop();
        }
        node = k < tokens.length ? node.next.get(tokens[k].lower) : undefined;
      }
    } else if (el.number) {
      if (tok && tok.type === 'number' && el.whenToken!(tok)) {
        parts.push(this.part(e, pos, pos + 1, null, tok));
        this.match(c, e + 1, pos + 1, parts);
        parts.pop();
      }
      return;
    } else {
      const head = tok ? hyphenHead(tok) : null;
      if (head !== null && el.hyphen!.has(head)) {
        parts.push(this.part(e, pos, pos + 1, null, tok));
        this.match(c, e + 1, pos + 1, parts);
        parts.pop();
      }
      return;
    }
    if (el.optional) {
      // An absent optional element still takes its place in `parts`, with an empty range.
      parts.push(this.part(e, pos, pos, null, undefined));
      this.match(c, e + 1, pos, parts);
      parts.pop();
    }
  }

  private apply(rule: Rule, parts: Part[]): void {
    let p: Item | null = null;
    try {
      p = rule.extract(parts, this);
    } catch {
      // A rule bug must cost one parse, never the document: the extractor never throws on text.
      p = null;
    }
    if (p) this.add(rule, parts, p);
  }

  /** One stack of parts for the whole chart: matching pushes and pops it symmetrically. */
  private readonly parts: Part[] = [];

  private run(list: CRule[] | undefined, s: number): void {
    if (list) for (let r = 0; r < list.length; r++) this.match(list[r], 0, s, this.parts);
  }

  /** Runs every rule that can start at token `s`: token-first rules, then each item found there. */
  fill(s: number): void {
    const tokens = this.tokens;
    this.run(FIRST_RULES.get(tokens[s]), s);
    const here = this.itemsAt(s);
    if (!here) return;
    // `here` grows while rules fire: every new item is itself tried as a first element.
    for (let q = 0; q < here.length; q++) {
      const it = here[q];
      const k = kindRules(it.kind);
      if (!k) continue;
      this.extend(k.single, it);
      if (it.j < tokens.length) this.extend(k.next.get(tokens[it.j]), it);
      this.extend(k.other, it);
    }
  }

  /** Tries the rules of `list` with `it` as their first element. */
  private extend(list: CRule[] | undefined, it: Item): void {
    if (!list) return;
    for (let r = 0; r < list.length; r++) {
      const c = list[r];
      const w = c.elems[0].whenItem;
      if (w !== null && !w(it)) continue;
      const parts = this.parts;
      parts.push(this.part(0, it.i, it.j, it, undefined));
      this.match(c, 1, it.j, parts);
      parts.pop();
    }
  }
}

/** Orders by length (longest first), then priority, then start: the order `select` keeps items in. */
const better = (a: Item, b: Item): boolean => {
  const d = a.j - a.i - (b.j - b.i);
  if (d !== 0) return d > 0;
  if (a.priority !== b.priority) return a.priority > b.priority;
  return a.i < b.i;
};

/**
 * Keeps the longest parses that do not overlap (ties: higher priority, then earlier), as chrono's
 * OverlapRemovalRefiner does. A sentence holds a handful of parses, so insertion sorts and a
 * linear overlap check beat `Array.prototype.sort` with a comparator; a table flattened into one
 * "sentence" of thousands of numbers takes the O(n log n) path instead.
 */
function select(chart: Chart): Item[] {
  const all: Item[] = [];
  for (let s = 0; s < chart.size; s++) {
    const list = chart.itemsAt(s);
    if (list) for (let q = 0; q < list.length; q++) if (list[q].kind === 'q') all.push(list[q]);
  }
  if (all.length > SMALL) return selectMany(all, chart.size);
  for (let x = 1; x < all.length; x++) {
    const it = all[x];
    let k = x;
    while (k > 0 && better(it, all[k - 1])) {
      all[k] = all[k - 1];
      k--;
    }
    all[k] = it;
  }
  const kept: Item[] = [];
  for (const it of all) {
    let free = true;
    for (const o of kept) {
      if (o.i < it.j && it.i < o.j) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    let k = kept.length;
    kept.push(it);
    while (k > 0 && kept[k - 1].i > it.i) {
      kept[k] = kept[k - 1];
      k--;
    }
    kept[k] = it;
  }
  return kept;
}

const SMALL = 24;

function selectMany(all: Item[], size: number): Item[] {
  all.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  const taken = new Uint8Array(size);
  const kept: Item[] = [];
  for (const it of all) {
    let free = true;
    for (let k = it.i; k < it.j && free; k++) if (taken[k]) free = false;
    if (!free) continue;
    for (let k = it.i; k < it.j; k++) taken[k] = 1;
    kept.push(it);
  }
  return kept.sort((a, b) => a.i - b.i);
}

const CHART = new Chart();

interface Analysis {
  quantities: Quantity[];
  /** token indexes taken by rates read into a quantity's `per` */
  usedRateTokens: number[];
  trace: Item[] | null;
}

/** Shared empty results: most sentences have no number, and they allocate nothing. */
const NONE: Analysis = Object.freeze({ quantities: [], usedRateTokens: [], trace: null }) as Analysis;
const NO_RATES: number[] = [];
/** Trigger positions of the current sentence (grown on demand, never shrunk). */
let TRIGGER_AT = new Int32Array(256);

function analyse(ctx: SentenceContext, trace = false): Analysis {
  const tokens = ctx.tokens;
  let count = 0;
  for (let k = 0; k < tokens.length; k++) {
    if (hasSpellingBit(tokens[k], TRIGGER)) {
      if (count === TRIGGER_AT.length) {
        const grown = new Int32Array(count * 2);
        grown.set(TRIGGER_AT);
        TRIGGER_AT = grown;
      }
      TRIGGER_AT[count++] = k;
    }
  }
  if (count === 0) return trace ? { quantities: [], usedRateTokens: NO_RATES, trace: [] } : NONE;
  // One chart for the module, reset per sentence: annotators run synchronously, one at a time.
  const chart = trace ? new Chart() : CHART;
  chart.reset(tokens, ctx.text, trace);
  // Right to left over the trigger windows only: a rule starts at most LOOKBEHIND tokens before
  // the first trigger it needs, and every item grows from a trigger.
  let s = TRIGGER_AT[count - 1];
  for (let t = count - 1; t >= 0; t--) {
    const at = TRIGGER_AT[t];
    const lo = Math.max(0, at - LOOKBEHIND);
    if (s > at) s = at;
    for (; s >= lo; s--) chart.fill(s);
  }
  const quantities: Quantity[] = [];
  let usedRateTokens = NO_RATES;
  for (const it of select(chart)) {
    const r = resolveItem(it, chart);
    quantities.push(r.quantity);
    if (r.rate) {
      if (usedRateTokens === NO_RATES) usedRateTokens = [];
      for (let k = r.rate.i; k < r.rate.j; k++) usedRateTokens.push(k);
    }
  }
  return { quantities, usedRateTokens, trace: chart.trace };
}

function analysed(ctx: SentenceContext): Analysis {
  try {
    return analyse(ctx);
  } catch {
    // The extractor never throws on text: a bug costs this sentence its quantities, not the run.
    return NONE;
  }
}

/**
 * Every number expression of the sentence, non-overlapping and sorted by start.
 * e.g. "Roughly 15,000 to 20,000 were present" -> [{ text: "Roughly 15,000 to 20,000",
 * low: 15000, high: 20000, approx: "range", hedge: "Roughly", dimension: "count" }].
 */
export function annotateQuantities(ctx: SentenceContext): Quantity[] {
  const q = analysed(ctx).quantities;
  return q.length === 0 ? [] : q;
}

/**
 * Rate words written apart from a number, for the claim assembler to join: "more than 10,000
 * North Koreans entered Russia on work visas annually" -> [{ text: "annually", per: "year" }].
 * A rate right after an amount ("$40 per month") is read into that quantity's `per` instead.
 * Not rates: "in any given year", "a year later", "for a year".
 */
export function annotateRates(ctx: SentenceContext): RateMention[] {
  return ratesOf(ctx, null);
}

/**
 * annotateQuantities and annotateRates from one parse of the sentence (annotateRates alone parses
 * it again to learn which rates a quantity took). `withRates` says from the quantities whether the
 * rates are wanted; when it says no, `rates` is empty.
 */
export function annotateNumbers(
  ctx: SentenceContext,
  withRates: (quantities: readonly Quantity[]) => boolean,
): { quantities: Quantity[]; rates: RateMention[] } {
  const a = analysed(ctx);
  const quantities = a.quantities.length === 0 ? [] : a.quantities;
  return { quantities, rates: withRates(quantities) ? ratesOf(ctx, a) : [] };
}

/** Words a rate phrase can start with ("per", "annually", "each"), per spelling (see spellingBit). */
const RATE_FIRST = spellingBit((t: Token) => RATE_FIRST_WORDS.has(t.lower));

function ratesOf(ctx: SentenceContext, analysis: Analysis | null): RateMention[] {
  const tokens = ctx.tokens;
  const out: RateMention[] = [];
  let used: number[] | null = null;
  for (let k = 0; k < tokens.length; k++) {
    if (!hasSpellingBit(tokens[k], RATE_FIRST)) continue;
    const r = rateAt(tokens, k);
    if (!r) continue;
    used ??= (analysis ?? analysed(ctx)).usedRateTokens;
    if (!used.includes(k)) {
      const start = tokens[k].start;
      const end = tokens[r.end - 1].end;
      out.push({ start, end, text: ctx.text.slice(start, end), rule: r.rule, per: r.per });
    }
    k = r.end - 1;
  }
  return out;
}

/** Every parse the chart made for the sentence (debugging and failing tests print this). */
export function traceQuantities(ctx: SentenceContext): string[] {
  const a = analyse(ctx, true);
  return (a.trace ?? []).map((it) => {
    const t = ctx.tokens;
    const text = ctx.text.slice(t[it.i].start, t[it.j - 1].end);
    return `${it.kind} "${text}" [${it.low}, ${it.high}] ${it.approx}${it.dimension ? ` ${it.dimension}` : ''}${it.unit ? ` ${it.unit}` : ''} <- ${it.rule}`;
  });
}
