import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.js';

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
