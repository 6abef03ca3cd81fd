import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../tokenize.js';
import type { PlaceMention, SentenceContext } from '../types.js';
import { annotatePlaces } from './index.js';
import { corpus, nearMisses } from './places.corpus.js';

function contextOf(text: string): SentenceContext {
  return { text, sentence: { start: 0, end: text.length, index: 0, section: null }, tokens: tokenize(text) };
}

/** [sliced text, id, role] of each mention, from the offsets rather than `.text`. */
function found(text: string): [string, string, string][] {
  return annotatePlaces(contextOf(text)).map((m) => [text.slice(m.start, m.end), m.place.id, m.role]);
}

describe('places corpus', () => {
  for (const entry of corpus) {
    describe(entry.about, () => {
      for (const s of entry.sentences) {
        it(s.text, () => {
          const expected = s.places.map(([t, id, role]) => [t, id, role ?? 'place']);
          expect(found(s.text)).toEqual(expected);
        });
      }
    });
  }
});

describe('places near misses', () => {
  for (const text of nearMisses) {
    it(text, () => {
      expect(found(text)).toEqual([]);
    });
  }
});

describe('annotatePlaces', () => {
  it('gives each mention its place with coordinates and parents', () => {
    const text = 'In 2010, reports came out from Nakhodka indicating that workers had been evacuated.';
    const [m] = annotatePlaces(contextOf(text));
    expect(m.place.name).toBe('Nakhodka');
    expect(m.place.lat).toBeCloseTo(42.8, 1);
    expect(m.place.lon).toBeCloseTo(132.9, 1);
    expect(m.place.parents).toEqual(['RU-PRI', 'feature:russian-far-east', 'RU']);
    expect(m.text).toBe('Nakhodka');
    expect(m.rule).toBe('place: gazetteer name');
  });

  it('reads offsets in the document, not in the sentence', () => {
    const text = 'First sentence here. Workers went to Vladivostok.';
    const start = text.indexOf('Workers');
    const ctx: SentenceContext = {
      text,
      sentence: { start, end: text.length, index: 1, section: null },
      tokens: tokenize(text, { start, end: text.length }),
    };
    const [m] = annotatePlaces(ctx);
    expect(text.slice(m.start, m.end)).toBe('Vladivostok');
  });

  it('records the rule that made a possessive or hyphen-part mention', () => {
    const rules = (text: string) => annotatePlaces(contextOf(text)).map((m: PlaceMention) => m.rule);
    expect(rules("Japan's surrender")).toEqual(["place: name before possessive 's"]);
    expect(rules('Sakhalin-based crews')).toEqual(['place: part of a hyphenated word']);
    expect(rules('Russian troops')).toEqual(['place: demonym']);
  });

  it('finds every place of the seed text it should, and no person or organisation', () => {
    const text = readFileSync(
      new URL('../../../test/fixtures/eval/corpus/seed/north-koreans-in-russia.txt', import.meta.url),
      'utf8',
    );
    const names = new Set(found(text).map(([t]) => t));
    for (const want of [
      'Russia',
      'Russian Far East',
      'Far East of Russia',
      'Sakhalin',
      'Kamchatka Peninsula',
      'Siberia',
    ]) {
      expect(names).toContain(want);
    }
    for (const want of ['Vladivostok', 'Nakhodka', 'Pyongyang', 'Moscow', 'Primorsky Krai', 'Kursk', 'Kursk Oblast']) {
      expect(names).toContain(want);
    }
    for (const never of ['Sung', 'Kim', 'Kyung Hee', 'Civic', 'Most', 'US']) expect(names).not.toContain(never);
  });

  it('never throws and keeps offsets inside the text, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        for (const m of annotatePlaces(contextOf(text))) {
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.end).toBeLessThanOrEqual(text.length);
          expect(m.start).toBeLessThan(m.end);
        }
      }),
      { numRuns: 300 },
    );
    const words = fc.constantFrom(
      'North',
      'Korea',
      "Korea's",
      'Far',
      'East',
      'of',
      'the',
      'Russia',
      '-',
      'US',
      '$',
      'Kursk',
      'Oblast',
      "'s",
      'Sakhalin-based',
    );
    fc.assert(
      fc.property(fc.array(words, { maxLength: 12 }), (parts) => {
        const text = parts.join(' ');
        for (const m of annotatePlaces(contextOf(text))) expect(text.slice(m.start, m.end)).toBe(m.text);
      }),
      { numRuns: 300 },
    );
  });

  it('runs far faster than the whole extractor needs (>= 8 MB/s even on a busy machine)', () => {
    const seed = readFileSync(
      new URL('../../../test/fixtures/eval/corpus/seed/north-koreans-in-russia.txt', import.meta.url),
      'utf8',
    );
    const sentences = seed.split(/(?<=[.!?])\s+|\n+/).map((s) => {
      const start = seed.indexOf(s);
      return {
        text: seed,
        sentence: { start, end: start + s.length, index: 0, section: null },
        tokens: tokenize(seed, { start, end: start + s.length }),
      };
    });
    const pass = () => {
      for (const ctx of sentences) annotatePlaces(ctx);
    };
    for (let r = 0; r < 100; r++) pass(); // let the JIT settle
    // CPU time, not wall time: other processes on a shared machine must not fail this test.
    const reps = 400;
    const before = process.cpuUsage();
    for (let r = 0; r < reps; r++) pass();
    const used = process.cpuUsage(before);
    const mbPerSecond = (reps * seed.length) / 1e6 / ((used.user + used.system) / 1e6);
    expect(mbPerSecond).toBeGreaterThan(8);
  });
});
