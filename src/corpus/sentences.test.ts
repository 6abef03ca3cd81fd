import { describe, expect, it } from 'vitest';
import type { Span } from '../extract/types.js';
import { keptWhole, nearMisses, type SentenceCase } from './sentences.corpus.js';
import { MAX_SENTENCE_CHARS, splitSentences } from './sentences.js';

const split = (text: string, blocks: Span[] = [{ start: 0, end: text.length }]): string[] =>
  splitSentences(text, blocks).map((s) => text.slice(s.start, s.end));

function check(c: SentenceCase): void {
  const text = c.sentences.join(c.joiner ?? ' ');
  expect(split(text), c.rule).toEqual(c.sentences);
}

describe('splitSentences: abbreviations, initials and figures keep the sentence whole', () => {
  for (const c of keptWhole) it(c.rule, () => check(c));
});

describe('splitSentences: near misses that must split', () => {
  for (const c of nearMisses) it(c.rule, () => check(c));
});

describe('splitSentences: blocks and spans', () => {
  it('never joins two blocks, and ends a sentence at a block end', () => {
    const text = 'First block without a period\nSecond block. Two.';
    const blocks = [
      { start: 0, end: 28 },
      { start: 29, end: text.length },
    ];
    expect(split(text, blocks)).toEqual(['First block without a period', 'Second block.', 'Two.']);
  });

  it('trims whitespace and drops empty blocks', () => {
    const text = '   \n  Padded sentence.   \n\n';
    expect(
      split(text, [
        { start: 0, end: 3 },
        { start: 0, end: text.length },
      ]),
    ).toEqual(['Padded sentence.']);
  });

  it('clamps blocks that run past the text', () => {
    expect(split('Short.', [{ start: -5, end: 100 }])).toEqual(['Short.']);
  });

  it('cuts an over-long run at the nearest comma, semicolon or space before the limit', () => {
    const clause = 'and the workers stayed in the camps for many years';
    const text = `${Array.from({ length: 80 }, () => clause).join(', ')}.`;
    const spans = splitSentences(text, [{ start: 0, end: text.length }]);
    expect(spans.length).toBeGreaterThan(1);
    for (const s of spans) {
      expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(text[s.end - 1]).toMatch(/[,.]/);
    }
    expect(spans.map((s) => text.slice(s.start, s.end)).join(' ')).toBe(text);
  });

  it('hard-cuts a run with no break at all, never inside a surrogate pair', () => {
    const text = '😀'.repeat(MAX_SENTENCE_CHARS);
    const spans = splitSentences(text, [{ start: 0, end: text.length }]);
    for (const s of spans) {
      expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(text.codePointAt(s.start)).toBe(0x1f600);
    }
    expect(spans.reduce((n, s) => n + s.end - s.start, 0)).toBe(text.length);
  });

  it('is linear on hostile input (many marks, many brackets)', () => {
    const hostile = `${'. '.repeat(50_000)}${'[1'.repeat(50_000)}${'A. '.repeat(20_000)}`;
    const t = performance.now();
    const spans = splitSentences(hostile, [{ start: 0, end: hostile.length }]);
    expect(performance.now() - t).toBeLessThan(2_000);
    for (const s of spans) expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
  });
});
