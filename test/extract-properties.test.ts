// Properties of the whole extractor on arbitrary input: it never throws, and every span it
// reports lies inside the file and slices to its text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../src/corpus/index.js';
import type { DocumentFormat } from '../src/corpus/types.js';
import { extract } from '../src/extract/index.js';

// Fragments of the kind of prose the extractor reads, so random strings often hit its rules.
const fragments = fc.constantFrom(
  'roughly 10,000',
  'between 100 and 500',
  ' North Korean workers',
  ' in 1966 or 1967',
  ' the late 1940s',
  ' by 2006',
  '$40 to $100 per month',
  ' 65%',
  ' Up to 70% of',
  ' according to Ukrainian intelligence',
  ' in Vladivostok',
  ' Kursk Oblast',
  ' were evacuated',
  '. ',
  '\n\n',
  '== Heading ==\n',
  ' one thousand',
  ' two-thirds',
  ' [1]',
  ' 고려인',
  ' Депортация',
  '\u200f',
  '\u200b',
  '\r\n',
  '\ufeff',
  '<b>',
  '</p>',
  '&amp;',
  '**',
  '[x](http://a)',
  '\u0000',
);
const prose = fc
  .array(
    fc.oneof(fragments, fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 })),
    {
      maxLength: 40,
    },
  )
  .map((parts) => parts.join(''));

describe('extract on arbitrary input', () => {
  for (const format of ['text', 'mediawiki', 'markdown', 'html'] as DocumentFormat[]) {
    it(`never throws and keeps every span inside the file (${format})`, () => {
      fc.assert(
        fc.property(prose, (source) => {
          const r = extract(readDocument(source, { format }));
          for (const item of [...r.claims, ...r.events]) {
            expect(item.span[0]).toBeGreaterThanOrEqual(0);
            expect(item.span[1]).toBeLessThanOrEqual(source.length);
            expect(item.span[0]).toBeLessThan(item.span[1]);
            expect(source.slice(item.span[0], item.span[1])).toBe(item.text);
            expect(item.sentence[0]).toBeLessThanOrEqual(item.span[0]);
            expect(item.sentence[1]).toBeGreaterThanOrEqual(item.span[1]);
          }
        }),
        { numRuns: 300 },
      );
    });
  }
});
