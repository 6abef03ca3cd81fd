import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { referenceTokenize, tokenize } from './tokenize.js';

const texts = (s: string, span?: { start: number; end: number }) => tokenize(s, span).map((t) => t.text);

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
        expect(tokenize(s, { start, end })).toEqual(referenceTokenize(s, { start, end }));
        expect(tokenize(s)).toEqual(referenceTokenize(s));
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
