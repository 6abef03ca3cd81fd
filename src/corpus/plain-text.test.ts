import { describe, expect, it } from 'vitest';
import { readDocument } from './index.js';
import type { ReadDocument } from './types.js';

const sentences = (doc: ReadDocument): string[] => doc.sentences.map((s) => doc.text.slice(s.start, s.end));

const WIKI = [
  '= North Koreans in Russia =',
  '',
  'North Koreans in Russia consist mainly of three groups. A 2006 study estimated roughly 10,000.',
  '',
  '==Migration history==',
  '===Students===',
  'Many students enrolled in universities from 1953 to 1962.',
  '=== Workers ===',
  'In the late 1940s, roughly 9,000 workers were recruited. Another 25,000 came in the 1950s.',
  'A line that ends without a period',
  'Then a new line.',
  '== Refugees ==',
  'Their numbers grew rapidly.',
  '==See also==',
  '- North Korea–Russia relations',
  '* Korean diaspora',
].join('\n');

describe('MediaWiki reader', () => {
  const doc = readDocument(WIKI, { format: 'mediawiki' });

  it('keeps the source as the text, with identity offsets', () => {
    expect(doc.text).toBe(WIKI);
    expect(doc.toSource(17)).toBe(17);
    expect(doc.spanToSource({ start: 3, end: 9 })).toEqual({ start: 3, end: 9 });
  });

  it('takes the title from the level-1 heading', () => {
    expect(doc.meta.title).toBe('North Koreans in Russia');
  });

  it('turns headings, with or without spaces, into nested sections', () => {
    expect(doc.sections.map((s) => [s.title, s.level, s.parent])).toEqual([
      ['North Koreans in Russia', 1, null],
      ['Migration history', 2, 0],
      ['Students', 3, 1],
      ['Workers', 3, 1],
      ['Refugees', 2, 0],
      ['See also', 2, 0],
    ]);
    for (const s of doc.sections) expect(WIKI.slice(s.heading.start, s.heading.end)).toBe(s.title);
    const workers = doc.sections[3];
    expect(WIKI.slice(workers?.start, workers?.end)).toMatch(/^=== Workers ===\n[\s\S]*Then a new line\.\n$/);
  });

  it('never puts a heading in a sentence, ends sentences at line ends, and gives bullets their own', () => {
    expect(sentences(doc)).toEqual([
      'North Koreans in Russia consist mainly of three groups.',
      'A 2006 study estimated roughly 10,000.',
      'Many students enrolled in universities from 1953 to 1962.',
      'In the late 1940s, roughly 9,000 workers were recruited.',
      'Another 25,000 came in the 1950s.',
      'A line that ends without a period',
      'Then a new line.',
      'Their numbers grew rapidly.',
      'North Korea–Russia relations',
      'Korean diaspora',
    ]);
  });

  it('numbers sentences and places each in its innermost section', () => {
    expect(doc.sentences.map((s) => s.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(doc.sentences.map((s) => s.section)).toEqual([0, 0, 2, 3, 3, 3, 3, 4, 5, 5]);
  });

  it('reads wiki table cells as blocks and skips table and template markup', () => {
    const src =
      '{{Infobox group}}\n{| class="wikitable"\n|-\n! Year !! Number\n|-\n| 1999 || between 100 and 500\n|}\nAfter.';
    const wiki = readDocument(src, { format: 'mediawiki' });
    expect(sentences(wiki)).toEqual(['Year', 'Number', '1999', 'between 100 and 500', 'After.']);
  });

  it('handles CRLF line endings: no \\r in sentences or titles', () => {
    const src = WIKI.replace(/\n/g, '\r\n');
    const crlf = readDocument(src, { format: 'mediawiki' });
    expect(sentences(crlf)).toEqual(sentences(doc));
    expect(crlf.sections.map((s) => s.title)).toEqual(doc.sections.map((s) => s.title));
  });

  it('keeps a BOM in the text, so offsets index the file as decoded', () => {
    const src = `\uFEFF${WIKI}`;
    const bom = readDocument(src, { format: 'mediawiki' });
    expect(bom.meta.title).toBe('North Koreans in Russia');
    expect(bom.sentences.map((s) => [s.start, s.end])).toEqual(doc.sentences.map((s) => [s.start + 1, s.end + 1]));
  });
});

describe('plain text reader', () => {
  it('reads one paragraph a line, each line ending its sentences', () => {
    const src = 'First paragraph. It has two sentences.\nSecond paragraph without a stop\n\nThird.';
    const doc = readDocument(src, { format: 'text' });
    expect(doc.text).toBe(src);
    expect(sentences(doc)).toEqual([
      'First paragraph.',
      'It has two sentences.',
      'Second paragraph without a stop',
      'Third.',
    ]);
  });

  it('joins the lines of hard-wrapped paragraphs', () => {
    const src = [
      'The population first came to the area as contract workers',
      'from 1946 to 1949. According to one estimate, during that time',
      'period, 50,000 North Korean workers arrived in the peninsula.',
      '',
      'They mostly left upon the conclusion of their contracts, but',
      'several thousand refused to go back.',
    ].join('\n');
    expect(sentences(readDocument(src, { format: 'text' }))).toEqual([
      'The population first came to the area as contract workers\nfrom 1946 to 1949.',
      'According to one estimate, during that time\nperiod, 50,000 North Korean workers arrived in the peninsula.',
      'They mostly left upon the conclusion of their contracts, but\nseveral thousand refused to go back.',
    ]);
  });

  it('treats a short line standing alone as a heading, and the first one as the title', () => {
    const src = 'Koreans in Kamchatka\n\nThe population came in 1946.\n\nHistory\n\nIn 1947, 300 Koreans died.\n';
    const doc = readDocument(src, { format: 'text' });
    expect(doc.meta.title).toBe('Koreans in Kamchatka');
    expect(doc.sections.map((s) => [s.title, s.level, s.parent])).toEqual([
      ['Koreans in Kamchatka', 1, null],
      ['History', 2, 0],
    ]);
    expect(sentences(doc)).toEqual(['The population came in 1946.', 'In 1947, 300 Koreans died.']);
    expect(doc.sentences.map((s) => s.section)).toEqual([0, 1]);
  });

  it('keeps a lone line as prose, and lines that read like sentences', () => {
    expect(sentences(readDocument('North Korea sent 12,000 troops', { format: 'text' }))).toEqual([
      'North Korea sent 12,000 troops',
    ]);
    const src = 'Working conditions were difficult.\n\nIn 1947, 300 Koreans died.';
    expect(readDocument(src, { format: 'text' }).sections).toEqual([]);
  });

  it('gives bullet items their own sentences, with indented continuation lines', () => {
    const src = 'Groups:\n- students\n- workers, who came\n  in waves\n* refugees\n1. first\n2) second';
    expect(sentences(readDocument(src, { format: 'text' }))).toEqual([
      'Groups:',
      'students',
      'workers, who came\n  in waves',
      'refugees',
      'first',
      'second',
    ]);
  });

  it('reads front matter into meta and keeps it out of the sentences', () => {
    const src = '---\ntitle: Koreans in Kamchatka\nsource: https://example.org/k\n---\nBody one. Body two.\n';
    const doc = readDocument(src, { format: 'text' });
    expect(doc.meta).toEqual({
      title: 'Koreans in Kamchatka',
      source: 'https://example.org/k',
      date: null,
      licence: null,
    });
    expect(sentences(doc)).toEqual(['Body one.', 'Body two.']);
    expect(doc.sentences[0]?.start).toBe(src.indexOf('Body one.'));
  });
});

describe('a long document', () => {
  // 20,000 sentences in 2,000 sections: past the size where the lists of lines, blocks and
  // sentences are large objects, so made at their final size (SentenceTable) or of records
  // made by `new` (Line, Block). Near miss: a list with a hole or a stale index would fail below.
  const parts: string[] = [];
  for (let s = 0; s < 2000; s++) {
    parts.push(`== Part ${s} ==`, '');
    for (let p = 0; p < 5; p++) parts.push(`Sentence ${s}.${p} one. Sentence ${s}.${p} two.`, '');
  }
  const doc = readDocument(parts.join('\n'), { format: 'mediawiki' });
  const plain = readDocument(parts.join('\n').replaceAll(/== (Part \d+) ==/g, '$1'), { format: 'text' });

  it('numbers every sentence in order, with no hole, each in its own section', () => {
    expect(doc.sentences).toHaveLength(20_000);
    expect(Object.keys(doc.sentences)).toHaveLength(20_000);
    const wrong = doc.sentences.filter((s, i) => s.index !== i || s.section !== Math.floor(i / 10));
    expect(wrong).toEqual([]);
    expect(sentences(doc)[12_345]).toBe('Sentence 1234.2 two.');
  });

  it('reads the same text without markup into the same sentences', () => {
    expect(sentences(plain)).toEqual(sentences(doc));
    expect(plain.sentences.every((s, i) => s.index === i)).toBe(true);
  });
});
