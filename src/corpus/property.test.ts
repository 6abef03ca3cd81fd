import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { type DocumentFormat, readDocument } from './index.js';
import type { ReadDocument } from './types.js';

const FORMATS: DocumentFormat[] = ['text', 'mediawiki', 'markdown', 'html'];

/** Pieces of markup and prose that reach the readers' odd corners when shuffled together. */
const PIECES = [
  '<p>',
  '</p>',
  '<b>',
  '</i>',
  '<br>',
  '<h2>',
  '<script>',
  '<pre>',
  '<table><td>',
  '<!--',
  '-->',
  '&amp;',
  '&#x1F600;',
  '&copy2020',
  '&NotEqualTilde;',
  '&',
  '**',
  '_',
  '`',
  '```',
  '[',
  ']',
  '](',
  '(',
  ')',
  '\\',
  '> ',
  '- ',
  '* ',
  '1. ',
  '|',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '---\n',
  '= T =',
  '==',
  '. ',
  '? ',
  '...',
  'A',
  'the',
  'U.S.',
  'Dr.',
  'No. 4',
  '10,000',
  '3.5',
  '[1]',
  ' [2] ',
  '"',
  '“',
  ' ',
  '\t',
  '\u00a0',
  '\uFEFF',
  '😀',
  '\ud800',
  'é',
  '탈북자',
];

const documents = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((parts) => parts.join('')),
);

/** Everything a reader promises about the document it returns. */
function checkInvariants(doc: ReadDocument): void {
  const { text, source, sentences, sections } = doc;
  if (doc.format === 'text' || doc.format === 'mediawiki') expect(text).toBe(source);
  let previousEnd = 0;
  let previousSource = 0;
  sentences.forEach((s, k) => {
    expect(s.index).toBe(k);
    expect(s.start).toBeGreaterThanOrEqual(previousEnd);
    expect(s.start).toBeLessThan(s.end);
    expect(s.end).toBeLessThanOrEqual(text.length);
    expect(s.section === null || (s.section >= 0 && s.section < sections.length)).toBe(true);
    const span = doc.spanToSource(s);
    expect(span.start).toBeGreaterThanOrEqual(previousSource);
    expect(span.start).toBeLessThanOrEqual(span.end);
    expect(span.end).toBeLessThanOrEqual(source.length);
    const a = doc.toSource(s.start);
    const b = doc.toSource(s.end);
    expect(0 <= a && a <= b && b <= source.length).toBe(true);
    previousEnd = s.end;
    previousSource = span.start;
  });
  for (const section of sections) {
    expect(section.start).toBeLessThanOrEqual(section.end);
    expect(section.heading.start).toBeLessThan(section.heading.end);
    expect(section.end).toBeLessThanOrEqual(text.length);
  }
}

describe('readDocument on arbitrary input', () => {
  for (const format of FORMATS) {
    it(`never throws (except InputError for front matter) and keeps its invariants: ${format}`, () => {
      fc.assert(
        fc.property(documents, (source) => {
          let doc: ReadDocument;
          try {
            doc = readDocument(source, { format });
          } catch (error) {
            // Malformed YAML front matter is the one input error a text can carry.
            expect(error).toBeInstanceOf(InputError);
            expect(source.replace(/^\uFEFF/, '').startsWith('---')).toBe(true);
            return;
          }
          checkInvariants(doc);
        }),
        { numRuns: 400 },
      );
    });
  }
});

const WORDS = [
  'North',
  'Koreans',
  'went',
  'to',
  'Russia',
  'in',
  '1946',
  '10,000',
  'workers',
  'U.S.',
  'Dr.',
  'the',
  'AT&T',
  'café',
  '😀',
];

/** Sentences of random words, each word maybe wrapped in inline markup by `wrap`. */
const prose = (wrap: (word: string, kind: number) => string) =>
  fc
    .array(
      fc
        .tuple(
          fc.tuple(fc.constantFrom('The', 'North', 'Russia', '1946'), fc.nat(5)),
          fc.array(fc.tuple(fc.constantFrom(...WORDS), fc.nat(5)), { minLength: 1, maxLength: 8 }),
          fc.constantFrom('.', '!', '."'),
        )
        .map(([first, words, end]) => [first, ...words].map(([word, kind]) => wrap(word, kind)).join(' ') + end),
      { minLength: 1, maxLength: 5 },
    )
    .map((sentences) => sentences.join(' '));

const HTML_WRAP = (word: string, kind: number): string => {
  const w = word.replace('&', '&amp;');
  return (
    ['<b>', '<a href="x.html">', '<span class="y">', '', '', ''][kind] +
    w +
    ['</b>', '</a>', '</span>', '', '', ''][kind]
  );
};
const MD_WRAP = (word: string, kind: number): string =>
  ['**', '_', '`', '[', '', ''][kind] + word + ['**', '_', '`', '](https://x.y/z)', '', ''][kind];

describe('sentences map back to their text in the file', () => {
  it('HTML: the source slice, without tags and entities, is the sentence', () => {
    fc.assert(
      fc.property(prose(HTML_WRAP), (body) => {
        const source = `<p>${body}</p>`;
        const doc = readDocument(source, { format: 'html' });
        for (const s of doc.sentences) {
          const slice = source.slice(doc.toSource(s.start), doc.toSource(s.end));
          expect(slice.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&')).toBe(doc.text.slice(s.start, s.end));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('Markdown: the source slice, without emphasis, code marks and link targets, is the sentence', () => {
    fc.assert(
      fc.property(prose(MD_WRAP), (body) => {
        const doc = readDocument(body, { format: 'markdown' });
        for (const s of doc.sentences) {
          const slice = body.slice(doc.toSource(s.start), doc.toSource(s.end));
          const plain = slice.replace(/\]\(https:\/\/x\.y\/z\)/g, '').replace(/\*\*|[_`[]/g, '');
          expect(plain).toBe(doc.text.slice(s.start, s.end));
        }
      }),
      { numRuns: 300 },
    );
  });
});
