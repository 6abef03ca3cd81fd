import type { Span, Token } from './types.js';

// The grammar is the regular expression TOKEN below (referenceTokenize): a run of
// letters/marks/digits, with inner separators that keep "10,000", "0.43", "two-thirds",
// "Koryo-saram" and "Kim's" whole; or any single other non-space character (one code point).
// Every token is matched greedily and never backtracks, so a hand-written scan over char codes
// gives the same tokens; tokenize.test.ts checks that on random text. Why by hand: the tokenizer
// runs on every character of every document and the RegExp version spent most of its time on
// match arrays, `m[0]` strings and toLowerCase (measured: ~320 ms on 2.4 MB, against ~150 ms for
// the scan with its interned strings, on 5 MB).

/** The specification. No nested quantifiers: each character is consumed once (linear time). */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[.,](?=\p{N})\p{N}+|['’\-‐](?=[\p{L}\p{N}])[\p{L}\p{M}\p{N}]+)*|\S/gu;

/**
 * tokenize as the regular expression reads it: the reference the scan is tested against, and
 * the path for a span whose offsets are not integers (the scan assumes them).
 */
export function referenceTokenize(text: string, span: Span = { start: 0, end: text.length }): Token[] {
  const tokens: Token[] = [];
  const { end } = span;
  TOKEN.lastIndex = span.start;
  for (let m = TOKEN.exec(text); m !== null && m.index < end; m = TOKEN.exec(text)) {
    // a token never runs past the sentence, even if the text goes on without a break
    const t = m.index + m[0].length > end ? m[0].slice(0, end - m.index) : m[0];
    const lower = t.toLowerCase();
    const type = typeOf(t);
    tokens.push(new TokenRecord(m.index, m.index + t.length, t, lower, type, -1, allBits(t, lower, type)));
  }
  return tokens;
}

/**
 * A token as the tokenizer makes it. A class, not an object literal: V8 samples how many objects
 * of each literal's allocation site outlive a scavenge and, past a threshold, makes the site
 * allocate in the old generation for good ("pretenuring"), and `new` of a class has no such site.
 * The tokenizer's literal was so marked within the first 5 MB document: 72 of its 90 MB of tokens
 * were born old and died old, to be marked and swept instead of never copied, and the bench's
 * plain tokenizer pass, sharing the site, ran at a third of its speed. (Seen with node
 * --trace-pretenuring: no site is marked since.)
 */
class TokenRecord implements Token {
  constructor(
    public start: number,
    public end: number,
    public text: string,
    public lower: string,
    public type: Token['type'],
    public id: number,
    public bits: number,
  ) {}
}

/**
 * Token records to be used again: the extractor tokenizes a document a block of sentences at a
 * time and lets each block's tokens go a block later (extract/index.ts), so a block's tokens can
 * be the records of a block GENERATIONS - 1 blocks back, written over, instead of new ones.
 * Why: tokens were ~86 of the ~330 MB the extractor allocated per 5 MB read, and each ~15 MB
 * allocated costs a scavenge of the young generation. Whoever passes a pool to tokenize must no
 * longer hold the tokens of that block by then, nor anything that holds them.
 */
export class TokenPool {
  private readonly generations: TokenRecord[][] = [];
  private turn = 0;
  private current: TokenRecord[] = [];
  private used = 0;

  constructor() {
    for (let g = 0; g < POOL_GENERATIONS; g++) this.generations.push([]);
    this.current = this.generations[0]!;
  }

  /** Starts the next block: its tokens are the records of the block POOL_GENERATIONS - 1 blocks back. */
  nextBlock(): void {
    this.turn = (this.turn + 1) % POOL_GENERATIONS;
    this.current = this.generations[this.turn]!;
    this.used = 0;
  }

  /**
   * Ends a document: none of its tokens may be read after this. Each generation keeps at most
   * POOL_KEPT records for the next document (a block of one giant sentence is let go).
   */
  endDocument(): void {
    for (const g of this.generations) if (g.length > POOL_KEPT) g.length = POOL_KEPT;
    this.nextBlock();
  }

  take(start: number, end: number, text: string, lower: string, type: Token['type'], id: number, bits: number): Token {
    const records = this.current;
    if (this.used < records.length) {
      const t = records[this.used++]!;
      t.start = start;
      t.end = end;
      t.text = text;
      t.lower = lower;
      t.type = type;
      t.id = id;
      t.bits = bits;
      return t;
    }
    const t = new TokenRecord(start, end, text, lower, type, id, bits);
    records.push(t);
    this.used++;
    return t;
  }
}

/**
 * The block being read, the few sentences of the one before that the next block still reads, and
 * one more for good measure: tokens are reused two blocks after they were let go.
 */
const POOL_GENERATIONS = 3;

/** Records a generation keeps from one document to the next: more than a block of ordinary sentences. */
const POOL_KEPT = 4096;

/** Character classes, one bit each so a test is one mask. */
const SPACE = 1;
const LETTER = 2; // \p{L}
const MARK = 4; // \p{M}
const DIGIT = 8; // \p{Nd}
const NUMERIC = 16; // \p{N} other than Nd ("½", "²", "Ⅻ")
const WORD = LETTER | MARK | DIGIT | NUMERIC; // [\p{L}\p{M}\p{N}]
const NUMBER = DIGIT | NUMERIC; // \p{N}
const AFTER_JOINER = LETTER | DIGIT | NUMERIC; // [\p{L}\p{N}]

const IS_SPACE = /^\s$/u;
const IS_LETTER = /^\p{L}$/u;
const IS_MARK = /^\p{M}$/u;
const IS_DIGIT = /^\p{Nd}$/u;
const IS_NUMERIC = /^\p{N}$/u;

function classify(ch: string): number {
  if (IS_SPACE.test(ch)) return SPACE;
  if (IS_LETTER.test(ch)) return LETTER;
  if (IS_MARK.test(ch)) return MARK;
  if (IS_DIGIT.test(ch)) return DIGIT;
  if (IS_NUMERIC.test(ch)) return NUMERIC;
  return 0;
}

/** Classes of the BMP code units, filled on first sight (bit 7: known). Surrogates stay 0. */
const KNOWN = 128;
const BMP = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) BMP[c] = classify(String.fromCharCode(c)) | KNOWN;
const ASTRAL = new Map<number, number>();

function classOfUnit(c: number): number {
  const k = BMP[c]!;
  if (k !== 0) return k & ~KNOWN;
  if (c >= 0xd800 && c <= 0xdfff) return 0; // a lone surrogate is a code point of its own, class none
  const cls = classify(String.fromCharCode(c));
  BMP[c] = cls | KNOWN;
  return cls;
}

function classOfAstral(cp: number): number {
  let cls = ASTRAL.get(cp);
  if (cls === undefined) {
    cls = classify(String.fromCodePoint(cp));
    ASTRAL.set(cp, cls);
  }
  return cls;
}

const isLead = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isTrail = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/**
 * The class of the code point at `i` and its length in code units, packed as `class << 2 | size`
 * (0 past the end of the text). A lead surrogate followed by a trail is one code point, as the
 * `u` flag reads it.
 */
function codePointAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 128) return ((BMP[c]! & ~KNOWN) << 2) | 1;
  if (isLead(c) && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (isTrail(d)) return (classOfAstral((c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000) << 2) | 2;
  }
  return (classOfUnit(c) << 2) | 1;
}

/** Where a run of code points of classes `mask` starting at `i` ends, or `limit` if it goes on. */
function runEnd(text: string, i: number, mask: number, limit: number): number {
  const n = Math.min(text.length, limit);
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if ((BMP[c]! & mask) === 0) return i;
      i++;
      continue;
    }
    const cp = codePointAt(text, i);
    if (((cp >> 2) & mask) === 0) return i;
    i += cp & 3;
  }
  return i;
}

/**
 * End of the token that starts at `i` (a code point that is not a space), or some offset at or
 * past `limit` if it runs that far (the caller cuts it there; scanning on was quadratic in a run
 * cut into many sentences).
 */
function tokenEnd(text: string, i: number, limit: number): number {
  const first = codePointAt(text, i);
  if (((first >> 2) & WORD) === 0) return i + (first & 3);
  let j = runEnd(text, i + (first & 3), WORD, limit);
  for (;;) {
    if (j >= limit) return j;
    const c = text.charCodeAt(j); // NaN past the end: matches nothing below
    if (c === 46 || c === 44) {
      // [.,](?=\p{N})\p{N}+
      const next = codePointAt(text, j + 1);
      if (((next >> 2) & NUMBER) === 0) return j;
      j = runEnd(text, j + 1 + (next & 3), NUMBER, limit);
    } else if (c === 39 || c === 0x2019 || c === 45 || c === 0x2010) {
      // ['’\-‐](?=[\p{L}\p{N}])[\p{L}\p{M}\p{N}]+
      const next = codePointAt(text, j + 1);
      if (((next >> 2) & AFTER_JOINER) === 0) return j;
      j = runEnd(text, j + 1 + (next & 3), WORD, limit);
    } else {
      return j;
    }
  }
}

const TYPE_DIGIT = /^\p{Nd}/u;
const TYPE_LETTER = /^[\p{L}\p{M}]/u;

function typeOf(t: string): Token['type'] {
  const c = t.charCodeAt(0);
  if (c >= 48 && c <= 57) return 'number';
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return 'word';
  if (c < 128) return 'punct';
  return TYPE_DIGIT.test(t) ? 'number' : TYPE_LETTER.test(t) ? 'word' : 'punct';
}

/**
 * Interned token strings: a document says "the", "of" and "Korean" thousands of times, and one
 * string (and its lower-cased form) per distinct spelling, found by hashing the characters in
 * place, saves slicing and lower-casing each occurrence (and the garbage collector's time). An
 * open-addressing table keyed by the exact spelling; cleared when full, so memory stays bounded
 * whatever the input. Spellings are numbered in the order they are first seen; with the number
 * of the table's generation, that is their tokens' `id` (dense, so the memos that key on it touch
 * few cache lines: the common words come first).
 */
const TABLE_BITS = 16;
const TABLE_SIZE = 1 << TABLE_BITS;
const MAX_ENTRY_BITS = TABLE_BITS - 1;
const MAX_ENTRIES = 1 << MAX_ENTRY_BITS;
/** Longer tokens are rare and mostly unique: not worth a slot. */
const MAX_INTERNED_LENGTH = 32;
/**
 * The open-addressing table, two Int32 per slot: the spelling's hash at 2s, its entry at 2s + 1
 * (-1: free). What an entry holds is kept apart, by entry: entries are numbered in the order
 * spellings are first seen, so a document's common words sit together in a few cache lines,
 * where a slot is wherever the hash puts it. (One array per field indexed by slot cost each token
 * six scattered cache lines, most of them missed: the tokenizer took twice as long inside
 * extract(), whose annotators evict the table between blocks, as alone.)
 */
const slots = new Int32Array(2 * TABLE_SIZE).fill(-1);
const entryText: string[] = new Array(MAX_ENTRIES).fill('');
const entryLower: string[] = new Array(MAX_ENTRIES).fill('');
const entryType: Token['type'][] = new Array(MAX_ENTRIES).fill('punct');
/** the spelling's spellingBit tests, worked out when it is interned */
const entryBits = new Int32Array(MAX_ENTRIES);
let entries = 0;
/** Bumped when the table is cleared, so an entry used again is another id. */
let generation = 0;
/** The id of entry 0 in this generation: ids are `idBase + entry`. */
let idBase = 0;
/** Ids stay small integers (V8 Smis): generations wrap before `generation * TABLE_SIZE` reaches 2^30. */
const GENERATIONS = (1 << 30) / TABLE_SIZE;

function clearTable(): void {
  slots.fill(-1);
  // let the old spellings go; an entry is always written before it is read again
  entryText.fill('');
  entryLower.fill('');
  entries = 0;
  PUNCT_IDS.fill(-1);
  PUNCT_BITS.fill(0);
  if (++generation === GENERATIONS) {
    // an id of this generation could equal one kept from GENERATIONS clears ago: forget them all
    generation = 0;
    for (const memo of MEMOS) memo.clear();
  }
  idBase = generation * TABLE_SIZE;
}

/**
 * The internalized copy of a string (V8 keeps one per content for property names), so that the
 * annotators' Set and Map look-ups of a token's word find their key by identity instead of
 * comparing characters. Once per spelling. (An array index such as "2006" comes back as a number's
 * string, no worse than before.)
 */
const internalized = (s: string): string => Object.keys({ [s]: 0 })[0] ?? s;

/** Interns the spelling `t` in the free `slot`; its entry. */
function insert(slot: number, h: number, t: string, lower: string, type: Token['type']): number {
  const e = entries++;
  const text = internalized(t);
  entryText[e] = text;
  entryLower[e] = lower === t ? text : internalized(lower);
  entryType[e] = type;
  entryBits[e] = allBits(text, entryLower[e]!, type);
  slots[2 * slot] = h;
  slots[2 * slot + 1] = e;
  return e;
}

const FNV_SEED = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** The token `text[start, end)` by the general path: any script, interned when short. */
function makeToken(text: string, start: number, end: number, pool: TokenPool | null): Token {
  const len = end - start;
  if (len > MAX_INTERNED_LENGTH) {
    const t = text.slice(start, end);
    const lower = t.toLowerCase();
    const type = typeOf(t);
    const bits = allBits(t, lower, type);
    return pool === null
      ? new TokenRecord(start, end, t, lower, type, -1, bits)
      : pool.take(start, end, t, lower, type, -1, bits);
  }
  let h = FNV_SEED;
  let ascii = true;
  let upper = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    h = Math.imul(h ^ c, FNV_PRIME);
    if (c >= 128) ascii = false;
    else if (c >= 65 && c <= 90) upper = true;
  }
  let e = find(text, start, len, h);
  if (e < 0) {
    if (entries >= MAX_ENTRIES) clearTable();
    const t = text.slice(start, end);
    // Non-ASCII tokens go through toLowerCase one by one: lower-casing the document at once would
    // differ where case mapping looks at context (Greek final sigma before "." and a letter).
    e = insert(~find(text, start, len, h), h, t, !ascii || upper ? t.toLowerCase() : t, typeOf(t));
  }
  return pool === null
    ? new TokenRecord(start, end, entryText[e]!, entryLower[e]!, entryType[e]!, idBase + e, entryBits[e]!)
    : pool.take(start, end, entryText[e]!, entryLower[e]!, entryType[e]!, idBase + e, entryBits[e]!);
}

function sameAt(s: string, text: string, at: number): boolean {
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) !== text.charCodeAt(at + k)) return false;
  return true;
}

/** ASCII letters and digits: the start of most tokens, scanned by the fast path below. */
const ALNUM = new Uint8Array(128);
for (let c = 0; c < 128; c++) ALNUM[c] = (BMP[c]! & (LETTER | DIGIT)) !== 0 ? 1 : 0;
/** One string per ASCII character, for one-character punctuation tokens. */
const CHARS: string[] = [];
for (let c = 0; c < 128; c++) CHARS.push(String.fromCharCode(c));
/** The id of each ASCII punctuation character in this generation of the table, -1 until seen. */
const PUNCT_IDS = new Int32Array(128).fill(-1);
/** ... and its spellingBit tests (set with its id) */
const PUNCT_BITS = new Int32Array(128);

/** The id of the one-character punctuation token `c` (interned like any spelling, on first sight). */
function punctId(c: number): number {
  const h = Math.imul(FNV_SEED ^ c, FNV_PRIME);
  const t = CHARS[c]!;
  let e = find(t, 0, 1, h);
  if (e < 0) {
    if (entries >= MAX_ENTRIES) clearTable();
    e = insert(~find(t, 0, 1, h), h, t, t, 'punct');
  }
  const id = idBase + e;
  PUNCT_IDS[c] = id;
  PUNCT_BITS[c] = entryBits[e]!;
  return id;
}

/** The entry of the interned spelling `text[start, start + len)` with hash h, or ~slot of the free slot for it. */
function find(text: string, start: number, len: number, h: number): number {
  let slot = h & (TABLE_SIZE - 1);
  for (;;) {
    const e = slots[2 * slot + 1]!;
    if (e < 0) return ~slot;
    if (slots[2 * slot] === h) {
      const s = entryText[e]!;
      if (s.length === len && sameAt(s, text, start)) return e;
    }
    slot = (slot + 1) & (TABLE_SIZE - 1);
  }
}

/**
 * Splits `text[span]` into tokens with absolute offsets, made anew or taken from `pool`.
 * Example: "US$7 million" -> US, $, 7, million.
 */
export function tokenize(
  text: string,
  span: Span = { start: 0, end: text.length },
  pool: TokenPool | null = null,
): Token[] {
  if (!Number.isInteger(span.start) || !Number.isInteger(span.end)) return referenceTokenize(text, span);
  const tokens: Token[] = [];
  const { end } = span;
  let i = span.start;
  // As the `u` regex did: a start inside a surrogate pair backs up to the pair.
  if (i > 0 && i < text.length && isTrail(text.charCodeAt(i)) && isLead(text.charCodeAt(i - 1))) i--;
  if (i < 0) i = 0;
  const n = text.length;
  while (i < end && i < n) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const k = BMP[c]!;
      if ((k & SPACE) !== 0) {
        i++;
        continue;
      }
      if (ALNUM[c] === 1) {
        // Fast path: a run of ASCII letters and digits, hashed as it is scanned. It is the whole
        // token when it stops at a space or at ASCII punctuation that cannot join ("." "," "'" "-"
        // can), and the sentence does not end inside it; anything else takes the general path.
        let h = Math.imul(FNV_SEED ^ c, FNV_PRIME);
        let upper = c >= 65 && c <= 90;
        let j = i + 1;
        let d = 32;
        // Never past the sentence: a run of letters cut into many sentences (a 1 MB "word") was
        // scanned to its end from every one of them, quadratic (4 s for 1 MB). Stopping at `end`
        // gives the same token: the general path cuts it there too.
        const runLimit = Math.min(end, n);
        for (; j < runLimit; j++) {
          d = text.charCodeAt(j);
          if (d >= 128 || ALNUM[d] === 0) break;
          h = Math.imul(h ^ d, FNV_PRIME);
          if (d <= 90 && d >= 65) upper = true;
        }
        const len = j - i;
        if (
          j <= end &&
          len <= MAX_INTERNED_LENGTH &&
          (j >= n || (d < 128 && d !== 46 && d !== 44 && d !== 39 && d !== 45))
        ) {
          let e = find(text, i, len, h);
          if (e < 0) {
            if (entries >= MAX_ENTRIES) clearTable();
            const t = text.slice(i, j);
            e = insert(~find(text, i, len, h), h, t, upper ? t.toLowerCase() : t, c <= 57 ? 'number' : 'word');
          }
          tokens.push(
            pool === null
              ? new TokenRecord(i, j, entryText[e]!, entryLower[e]!, entryType[e]!, idBase + e, entryBits[e]!)
              : pool.take(i, j, entryText[e]!, entryLower[e]!, entryType[e]!, idBase + e, entryBits[e]!),
          );
          i = j;
          continue;
        }
      } else if ((k & WORD) === 0) {
        const t = CHARS[c]!;
        let id = PUNCT_IDS[c]!;
        if (id < 0) id = punctId(c);
        tokens.push(
          pool === null
            ? new TokenRecord(i, i + 1, t, t, 'punct', id, PUNCT_BITS[c]!)
            : pool.take(i, i + 1, t, t, 'punct', id, PUNCT_BITS[c]!),
        );
        i++;
        continue;
      }
    } else {
      const cp = codePointAt(text, i);
      if (((cp >> 2) & SPACE) !== 0) {
        i += cp & 3;
        continue;
      }
    }
    // a token never runs past the sentence, even if the text goes on without a break
    const stop = Math.min(tokenEnd(text, i, end), end);
    tokens.push(makeToken(text, i, stop, pool));
    i = stop;
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Facts about spellings, kept per token id

/**
 * Bits for a memo asked only near an annotator's hits (the words around a number, a head, a
 * trigger), not at every token: 4,096 slots (64 KB) where the default holds 32,768 (512 KB);
 * spellings past that take turns in a slot, and a document's common words come first.
 */
export const NEAR_HIT_BITS = 12;

/** Every memo, to forget when ids start over. */
const MEMOS: SpellingMemo<unknown>[] = [];

/**
 * A fact about a token that depends on its spelling alone (its text, lower-cased form and type;
 * never its neighbours), worked out once per spelling: the annotators ask on every token whether
 * it can start one of their rules, and a Set or Map look-up per token and annotator (~100
 * instructions each, most tokens answering no) was a good part of their time. Keyed by the
 * token's id; a token without one (-1) is worked out every time. `compute` must read nothing
 * but `t.text`, `t.lower` and `t.type`: a token made by copying another (`{ ...t, lower }`) must
 * set `id: -1`. `bits` sizes the memo: with fewer slots than the table, spellings that share a
 * slot take turns (worked out again), for facts asked about rarely.
 * Example: new SpellingMemo((t) => TRIGGERS.has(t.lower)).get(token)
 */
export class SpellingMemo<V> {
  private readonly mask: number;
  /** the id each slot holds a value for (-1: none) at 2k, the value at 2k + 1: one cache line for both */
  private readonly slots: unknown[];

  constructor(
    private readonly compute: (t: Token) => V,
    bits = MAX_ENTRY_BITS,
  ) {
    const size = 1 << Math.min(bits, MAX_ENTRY_BITS);
    this.mask = size - 1;
    this.slots = new Array(2 * size).fill(-1);
    MEMOS.push(this as SpellingMemo<unknown>);
  }

  get(t: Token): V {
    const id = t.id;
    if (id >= 0) {
      const k = (id & this.mask) << 1;
      const slots = this.slots;
      if (slots[k] === id) return slots[k + 1] as V;
      const v = this.compute(t);
      slots[k] = id;
      slots[k + 1] = v;
      return v;
    }
    return this.compute(t);
  }

  clear(): void {
    this.slots.fill(-1);
  }
}

// ---------------------------------------------------------------------------------------------
// Trigger bits: worked out once per spelling, carried by every token

/** The tests registered with spellingBit, bit k for TESTS[k]. */
const BIT_TESTS: ((t: Token) => boolean)[] = [];

/** Every registered test of a spelling, as a mask of bits. */
function allBits(text: string, lower: string, type: Token['type']): number {
  if (BIT_TESTS.length === 0) return 0;
  // what a test may read (see spellingBit); no id: SpellingMemo works the spelling out afresh
  const t: Token = { start: 0, end: text.length, text, lower, type, id: -1, bits: 0 };
  let bits = 0;
  for (let k = 0; k < BIT_TESTS.length; k++) if (BIT_TESTS[k]!(t)) bits |= 1 << k;
  return bits;
}

/**
 * A token spelled otherwise: `text` and `lower` for `t`'s, the rest of `t` kept, its bits
 * worked out for the new spelling and no id (SpellingMemo works it out afresh).
 * Example: respelled(t, "19th", "19th") for "19th-century"
 */
export function respelled(t: Token, text: string, lower: string): Token {
  return { ...t, text, lower, id: -1, bits: allBits(text, lower, t.type) };
}

/**
 * Registers a test that says whether a token can wake an annotator (a number trigger, a group
 * head, an event anchor...) and returns its bit for hasSpellingBit. Every test is worked out
 * once per spelling, when the tokenizer first meets it, and each token carries the answers
 * (`bits`): the annotators ask at every token of every sentence, and a memo look-up per token
 * and annotator was a good part of their per-token cost, a field read is not. `test` must read
 * only the token's text, lower-cased form and type (as for SpellingMemo). Register at module
 * load, before text is tokenized: the table of spellings starts over, so tokens made from then on
 * carry the new bit; tokens made before do not. At most 31 tests.
 * Example: const EVENT = spellingBit((t) => ANCHORS.has(t.lower)); ... if (hasSpellingBit(t, EVENT)) ...
 */
export function spellingBit(test: (t: Token) => boolean): number {
  if (BIT_TESTS.length === 31) throw new Error('spellingBit: at most 31 tests');
  BIT_TESTS.push(test);
  // spellings interned before this test lack its bit
  clearTable();
  return 1 << (BIT_TESTS.length - 1);
}

/** Whether the token passes the spellingBit test `bit` (read from the bits it carries). */
export function hasSpellingBit(t: Token, bit: number): boolean {
  return (t.bits & bit) !== 0;
}

/**
 * The token at index `i`, undefined outside the sentence, before its start included. Rules read
 * neighbours as `tokens[i - 1]`; at a sentence's first token that is `tokens[-1]`, a look-up of
 * the property named "-1" along the array's prototype chain, and one such read turns the whole
 * read site generic (V8's IC log showed them in several annotators).
 * Example: nthToken(tokens, i - 1)?.lower
 */
export function nthToken(tokens: readonly Token[], i: number): Token | undefined {
  return i >= 0 ? tokens[i] : undefined;
}

// ---------------------------------------------------------------------------------------------
// Word lists, asked per spelling

/**
 * Which of a rule module's word lists (at most 31) hold a token's lower-cased word, as bits (the
 * list at position k: bit 1 << k), worked out once per spelling. Rules read a few neighbours of
 * each hit against several lists ("is the word before a determiner, a conditional, a blocking
 * verb?"): one memo look-up answers all of them where each was a Set look-up, hashing and
 * comparing the word.
 * Example: const WORDS = new WordLists([DETERMINERS, CONDITIONALS]); const DET = WORDS.bit(DETERMINERS);
 *          WORDS.has(tokens[i - 1], DET) // false before the sentence's first token
 */
export class WordLists {
  private readonly memo: SpellingMemo<number>;

  constructor(private readonly lists: readonly ReadonlySet<string>[]) {
    if (lists.length > 31) throw new Error('WordLists: at most 31 lists');
    this.memo = new SpellingMemo((t: Token) => {
      let bits = 0;
      for (let k = 0; k < lists.length; k++) if (lists[k]!.has(t.lower)) bits |= 1 << k;
      return bits;
    }, NEAR_HIT_BITS);
  }

  /** The bit of `list`, which must be one of the lists given. */
  bit(list: ReadonlySet<string>): number {
    const k = this.lists.indexOf(list);
    if (k < 0) throw new Error('WordLists.bit: not one of the lists');
    return 1 << k;
  }

  /** The bits of the lists holding the token's word; 0 for no token (past either end of the sentence). */
  of(t: Token | undefined): number {
    return t === undefined ? 0 : this.memo.get(t);
  }

  /** Whether a list among `bits` holds the token's word. */
  has(t: Token | undefined, bits: number): boolean {
    return t !== undefined && (this.memo.get(t) & bits) !== 0;
  }
}
