import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../tokenize.js';
import type { SentenceContext } from '../types.js';
import { corpus, exact, nearMisses } from './entities.corpus.js';
import { annotateEntities } from './index.js';

function context(text: string): SentenceContext {
  return { text, sentence: { start: 0, end: text.length, index: 0, section: null }, tokens: tokenize(text) };
}

/** Runs the annotator; spans are sliced from the text, not taken from `.text`. */
function entitiesOf(text: string) {
  return annotateEntities(context(text)).map((e) => ({
    span: text.slice(e.start, e.end),
    kind: e.kind,
    name: e.name,
    rule: e.rule,
  }));
}

describe('entities corpus', () => {
  for (const entry of corpus) {
    for (const sentence of entry.sentences) {
      it(`${entry.note}: ${sentence}`, () => {
        const found = entitiesOf(sentence);
        const hit = found.find((e) => e.span === entry.expected.name);
        expect(hit, JSON.stringify(found, null, 1)).toBeDefined();
        expect(hit).toMatchObject({ kind: entry.expected.kind, name: entry.expected.name });
      });
    }
  }
});

describe('entities: complete lists', () => {
  for (const { sentence, entities } of exact) {
    it(sentence, () => {
      expect(entitiesOf(sentence).map((e) => [e.kind, e.span])).toEqual(entities);
    });
  }
});

describe('entities near misses', () => {
  for (const sentence of nearMisses) {
    it(sentence, () => {
      expect(entitiesOf(sentence)).toEqual([]);
    });
  }
});

describe('entities: offsets', () => {
  it('indexes the document, not the sentence', () => {
    const text = 'First sentence here. In 2011, Kim Jong Il made a visit to Russia.';
    const start = text.indexOf('In 2011');
    const sentence = { start, end: text.length, index: 1, section: null };
    const found = annotateEntities({ text, sentence, tokens: tokenize(text, sentence) });
    expect(found.map((e) => text.slice(e.start, e.end))).toEqual(['Kim Jong Il']);
  });
});

describe('entities: any input', () => {
  it('never throws and keeps every span inside the sentence, with name = text = slice', () => {
    const words = fc.constantFrom(
      'Kim',
      'Il',
      'Sung',
      'the',
      'of',
      'Party',
      'Workers',
      "'",
      'U',
      '.',
      'N',
      'NATO',
      'and',
      'government',
      'Soviet',
      'SS',
      'President',
      "Stalin's",
      'Union',
      ',',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(words).map((w) => w.join(' ')),
          fc.array(words).map((w) => w.join('')),
        ),
        (text) => {
          for (const e of annotateEntities(context(text))) {
            expect(e.start).toBeGreaterThanOrEqual(0);
            expect(e.end).toBeLessThanOrEqual(text.length);
            expect(e.end).toBeGreaterThan(e.start);
            expect(text.slice(e.start, e.end)).toBe(e.name);
            expect(e.text).toBe(e.name);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
