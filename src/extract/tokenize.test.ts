import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hasSpellingBit,
  nthToken,
  referenceTokenize,
  respelled,
  SpellingMemo,
  spellingBit,
  TokenPool,
  tokenize,
  WordLists,
} from './tokenize.js';
import type { Token } from './types.js';

const texts = (s: string, span?: { start: number; end: number }) => tokenize(s, span).map((t) => t.text);
/** Tokens without their spelling ids (the reference interns nothing). */
const plain = (tokens: Token[]) => tokens.map(({ id: _, ...rest }) => rest);

describe('tokenize', () => {
  it('keeps figures, hyphenated and possessive words whole', () => {
    expect(texts("roughly 10,000 of Kim's two-thirds 0.43% Koryo-saram")).toEqual([
      'roughly',
      '10,000',
      'of',
      "Kim's",
      'two-thirds',
      '0.43',
      '%',
      'Koryo-saram',
    ]);
  });
  it('splits currency signs and trailing periods (near miss: "10,000." is not one token)', () => {
    expect(texts('US$7 million, 10,000.')).toEqual(['US', '$', '7', 'million', ',', '10,000', '.']);
  });
  it('types tokens, including non-Latin scripts', () => {
    expect(tokenize('고려인 1937 Депортация —').map((t) => t.type)).toEqual(['word', 'number', 'word', 'punct']);
  });
  it('gives absolute offsets inside a span and stops at its end', () => {
    const s = 'Skip this. Roughly 15,000 were present';
    const tokens = tokenize(s, { start: 11, end: 25 });
    expect(tokens.map((t) => s.slice(t.start, t.end))).toEqual(['Roughly', '15,000']);
    expect(texts('abcdef', { start: 0, end: 3 })).toEqual(['abc']);
  });
  it('lower-cases for look-ups', () => {
    expect(tokenize('North KOREA')[1]?.lower).toBe('korea');
  });
});

describe('tokenize against its specification (the regular expression)', () => {
  // characters at the edges of the grammar: joiners, digits of other scripts, marks, numerics
  // that are not digits, case mappings that change length or look at context, lone and paired
  // surrogates, spaces JavaScript's \s knows and ones it does not
  const pieces = [
    ..."aZ09.,'’-‐– \n\t\u00a0\u2003\u200b\ufeffeéÉ\u0301İΣßǅ½²Ⅻ١१Ｋ１\u{1D400}\u{1D7CE}\u{1F600}$%(Ж고",
    ...['\ud800', '\udc00', 'roughly', '10,000', 'Kim', 'two-thirds', 'NORTH'],
  ];
  const input = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join(''));

  it('gives the same tokens on random text and spans', () => {
    fc.assert(
      fc.property(input, fc.nat(), fc.nat(), (s, a, b) => {
        const start = a % (s.length + 2);
        const end = b % (s.length + 2);
        expect(plain(tokenize(s, { start, end }))).toEqual(plain(referenceTokenize(s, { start, end })));
        expect(plain(tokenize(s))).toEqual(plain(referenceTokenize(s)));
      }),
      { numRuns: 2000 },
    );
  });
  it('takes the reference path for offsets that are not integers', () => {
    expect(tokenize('abc def', { start: 0.5, end: 5.5 })).toEqual(
      referenceTokenize('abc def', { start: 0.5, end: 5.5 }),
    );
    expect(tokenize('abc', { start: Number.NaN, end: 3 })).toEqual(
      referenceTokenize('abc', { start: Number.NaN, end: 3 }),
    );
  });
});

describe('spelling ids', () => {
  it('are shared by tokens written alike and differ between spellings, case included', () => {
    const t = tokenize('the North the north, 10,000 Kim’s 10,000 , Депортация Депортация');
    const id = (k: number) => t[k]!.id;
    expect(id(0)).toBe(id(2));
    expect(id(1)).not.toBe(id(3));
    expect(id(4)).toBe(id(8));
    expect(id(5)).toBe(id(7));
    expect(id(9)).toBe(id(10));
    expect(new Set(t.map((x) => x.id)).size).toBe(7);
    expect(t.every((x) => x.id >= 0)).toBe(true);
  });
  it('start over when the table is full, without mixing up spellings (40,000 of them, twice)', () => {
    // the table holds 32,768 spellings and is then cleared: the tokens after a clear must still
    // carry their own text and an id no earlier spelling had, and a memo keyed by id answer for them
    const words = Array.from({ length: 40_000 }, (_, k) => `Sp${k.toString(36)}`);
    const memo = new SpellingMemo((t) => t.lower);
    const ids = new Map<number, string>();
    for (let round = 0; round < 2; round++) {
      const t = tokenize(words.join(' '));
      expect(t.length).toBe(words.length);
      for (let k = 0; k < t.length; k++) {
        const tok = t[k]!;
        if (tok.text !== words[k] || tok.lower !== words[k]!.toLowerCase()) expect(tok.text).toBe(words[k]);
        if (memo.get(tok) !== tok.lower) expect(memo.get(tok)).toBe(tok.lower);
        const had = ids.get(tok.id);
        if (had !== undefined && had !== tok.text) expect(`${tok.id}: ${tok.text}`).toBe(`${tok.id}: ${had}`);
        ids.set(tok.id, tok.text);
      }
    }
    // a spelling seen again in the same generation shares its id
    const [a, b] = tokenize('Spzz Spzz');
    expect(a!.id).toBe(b!.id);
  });
  it('leave out long tokens (near miss: a 40-letter word is not interned)', () => {
    expect(tokenize('a'.repeat(40))[0]?.id).toBe(-1);
  });
  it('key a memo that works out a fact once per spelling', () => {
    let calls = 0;
    const memo = new SpellingMemo((t) => {
      calls++;
      return t.lower.length;
    });
    const t = tokenize('Roughly roughly Roughly');
    expect(t.map((x) => memo.get(x))).toEqual([7, 7, 7]);
    expect(calls).toBe(2);
    expect(memo.get({ ...t[0]!, lower: 'made up', id: -1 })).toBe(7);
  });
});

describe('spellingBit', () => {
  it('answers each registered test per spelling, for tokens with an id and long ones without', () => {
    const long = `${'x'.repeat(40)}s`;
    const plural = spellingBit((t) => t.lower.endsWith('s'));
    const capital = spellingBit((t) => /^[A-Z]/.test(t.text));
    const tokens = tokenize(`Workers and loggers met ${long} Students`);
    expect(tokens.find((t) => t.text === long)!.id).toBe(-1);
    for (const t of tokens) {
      expect(hasSpellingBit(t, plural), t.text).toBe(t.lower.endsWith('s'));
      expect(hasSpellingBit(t, capital), t.text).toBe(/^[A-Z]/.test(t.text));
    }
    // a test registered later is answered for every token made from then on, spellings seen before too
    const short = spellingBit((t) => t.text.length <= 3);
    const again = tokenize(`Workers and loggers met ${long} Students`);
    expect(again.filter((t) => hasSpellingBit(t, short)).map((t) => t.text)).toEqual(['and', 'met']);
    for (const t of again) expect(hasSpellingBit(t, plural), t.text).toBe(t.lower.endsWith('s'));
    // the reference tokenizer's tokens carry them too
    expect(referenceTokenize('and Students').map((t) => hasSpellingBit(t, short))).toEqual([true, false]);
  });
  it('works the bits out again for a token spelled otherwise (near miss: the copy keeps none of the old)', () => {
    const plural = spellingBit((t) => t.lower.endsWith('s'));
    const [t] = tokenize('19th-centuries');
    expect(hasSpellingBit(t!, plural)).toBe(true);
    const cut = respelled(t!, '19th', '19th');
    expect([cut.text, cut.id, hasSpellingBit(cut, plural)]).toEqual(['19th', -1, false]);
    expect([cut.start, cut.end]).toEqual([t!.start, t!.end]);
  });
});

describe('WordLists', () => {
  const DETERMINERS = new Set(['the', 'a', 'an']);
  const CONDITIONALS = new Set(['if', 'unless']);
  const SHARED = new Set(['the', 'if']);
  const words = new WordLists([DETERMINERS, CONDITIONALS, SHARED]);
  const DET = words.bit(DETERMINERS);
  const COND = words.bit(CONDITIONALS);
  const BOTH = words.bit(SHARED);

  it('answers every list for a word, by its lower-cased form ("The" is a determiner)', () => {
    const [the, workers, If] = tokenize('The workers If');
    expect(words.of(the)).toBe(DET | BOTH);
    expect(words.has(the, DET)).toBe(true);
    expect(words.has(the, COND)).toBe(false);
    expect(words.has(If, COND | DET)).toBe(true);
    expect(words.of(workers)).toBe(0);
    expect(words.has(workers, DET | COND | BOTH)).toBe(false);
  });

  it('answers no past either end of the sentence (no token)', () => {
    const tokens = tokenize('the');
    expect(words.of(tokens[-1])).toBe(0);
    expect(words.has(tokens[1], DET)).toBe(false);
  });

  it('refuses a list it was not given, and more than 31 lists', () => {
    expect(() => words.bit(new Set(['the']))).toThrow(/not one of the lists/);
    expect(() => new WordLists(Array.from({ length: 32 }, () => new Set<string>()))).toThrow(/at most 31/);
  });
});

describe('nthToken', () => {
  it('is the token at an index inside the sentence', () => {
    const tokens = tokenize('Workers arrived');
    expect(nthToken(tokens, 1)?.text).toBe('arrived');
  });

  it('is undefined before the first token and past the last (the word before a sentence-initial trigger)', () => {
    const tokens = tokenize('Workers arrived');
    expect(nthToken(tokens, -1)).toBeUndefined();
    expect(nthToken(tokens, 2)).toBeUndefined();
  });
});

describe('TokenPool', () => {
  const text = 'In 2019, about 500 North Koreans worked in Vladivostok.';
  const plain = (t: Token) => ({ ...t });

  it('gives the same tokens as new ones', () => {
    const pool = new TokenPool();
    pool.nextBlock();
    expect(tokenize(text, undefined, pool).map(plain)).toEqual(tokenize(text).map(plain));
  });

  it('writes over the records of three blocks back, not those of the blocks between', () => {
    const pool = new TokenPool();
    const blocks: Token[][] = [];
    for (let b = 0; b < 4; b++) {
      pool.nextBlock();
      blocks.push(tokenize(text, undefined, pool));
    }
    expect(blocks[3]![0]).toBe(blocks[0]![0]);
    // near miss: the two blocks before are still read, and keep their own records
    expect(blocks[3]![0]).not.toBe(blocks[2]![0]);
    expect(blocks[3]![0]).not.toBe(blocks[1]![0]);
    expect(blocks[2]!.map(plain)).toEqual(tokenize(text).map(plain));
  });
});
