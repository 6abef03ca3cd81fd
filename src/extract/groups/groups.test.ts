import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../tokenize.js';
import type { SentenceContext } from '../types.js';
import { corpus, nearMisses } from './groups.corpus.js';
import { annotateGroups } from './index.js';

function context(text: string): SentenceContext {
  return { text, sentence: { start: 0, end: text.length, index: 0, section: null }, tokens: tokenize(text) };
}

/** Runs the annotator and shows what it found only when an assertion fails. */
function groupsOf(text: string) {
  return annotateGroups(context(text)).map((g) => ({
    span: text.slice(g.start, g.end),
    kind: g.kind,
    head: g.head,
    label: g.label,
    rule: g.rule,
  }));
}

describe('groups corpus', () => {
  for (const entry of corpus) {
    for (const sentence of entry.sentences) {
      it(`${entry.note}: ${sentence}`, () => {
        const found = groupsOf(sentence);
        const hit = found.find((g) => g.span === entry.expected.label);
        expect(hit, JSON.stringify(found, null, 1)).toBeDefined();
        expect(hit).toMatchObject({
          kind: entry.expected.kind,
          head: entry.expected.head,
          label: entry.expected.label,
        });
      });
    }
  }
});

describe('groups near misses', () => {
  for (const sentence of nearMisses) {
    it(sentence, () => {
      expect(groupsOf(sentence)).toEqual([]);
    });
  }
});

describe('groups: whole sentences', () => {
  it('lists each group once, in order, with the amount left out of the label', () => {
    const s =
      'North Koreans in Russia consist mainly of three groups: international students, guest workers, and defectors and refugees.';
    expect(groupsOf(s).map((g) => [g.span, g.kind])).toEqual([
      ['North Koreans', 'general'],
      ['international students', 'students'],
      ['guest workers', 'workers'],
      ['defectors', 'refugees'],
      ['refugees', 'refugees'],
    ]);
  });

  it('keeps a group and its soldiers apart: "The North Koreans sent about 12,000 troops"', () => {
    const s = 'The North Koreans sent about 12,000 troops according to Ukrainian intelligence.';
    expect(groupsOf(s).map((g) => [g.span, g.kind])).toEqual([
      ['North Koreans', 'general'],
      ['troops', 'soldiers'],
    ]);
  });

  it('finds groups in a sentence that does not start at offset 0', () => {
    const text = 'Intro sentence. In 1947, 300 Koreans died.';
    const start = text.indexOf('In 1947');
    const sentence = { start, end: text.length, index: 1, section: null };
    const found = annotateGroups({ text, sentence, tokens: tokenize(text, sentence) });
    expect(found.map((g) => text.slice(g.start, g.end))).toEqual(['Koreans']);
  });
});

describe('groups: any input', () => {
  it('never throws and keeps every span inside the sentence, with label = text = slice', () => {
    const words = fc.constantFrom(
      'North',
      'Korean',
      'workers',
      'the',
      'Vietnamese',
      'people',
      'asylum',
      'seekers',
      ',',
      '.',
      "'",
      'of',
      'Koreans',
      'refugee',
      'status',
      'many',
      '-',
      '1,000',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(words).map((w) => w.join(' ')),
        ),
        (text) => {
          for (const g of annotateGroups(context(text))) {
            expect(g.start).toBeGreaterThanOrEqual(0);
            expect(g.end).toBeLessThanOrEqual(text.length);
            expect(text.slice(g.start, g.end)).toBe(g.label);
            expect(g.text).toBe(g.label);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
