import { describe, expect, it } from 'vitest';
import { readDocument } from './index.js';
import type { ReadDocument } from './types.js';

const sentences = (doc: ReadDocument): string[] => doc.sentences.map((s) => doc.text.slice(s.start, s.end));
/** The sentence as found in the file through `toSource`. */
const inSource = (doc: ReadDocument): string[] =>
  doc.sentences.map((s) => doc.source.slice(doc.toSource(s.start), doc.toSource(s.end)));

const MD = [
  '# North Koreans in *Russia*',
  '',
  'A 2006 study by [Kyung Hee University](https://example.org/khu "KHU") estimated roughly **10,000**. Most of them',
  'live in monolithic communities.',
  '',
  '<!-- an editor note. Not prose. -->',
  '',
  '```',
  'const notProse = "Code. Fences.";',
  '```',
  '',
  '## Workers',
  '',
  '> In the late 1940s, roughly 9,000 workers were recruited.',
  '> Another 25,000 came.',
  '',
  '- Most are from Pyongyang.',
  '- Up to 70% of wages are taken as `loyalty payments`.',
  '',
  'Rates rose by 5\\% in 2009 &amp; 2010. ![a chart](chart.png) Done.',
].join('\n');

describe('Markdown reader', () => {
  const doc = readDocument(MD, { format: 'markdown' });

  it('reads the visible prose without markup, link URLs, comments or code', () => {
    expect(sentences(doc)).toEqual([
      'A 2006 study by Kyung Hee University estimated roughly 10,000.',
      'Most of them\nlive in monolithic communities.',
      'In the late 1940s, roughly 9,000 workers were recruited.',
      'Another 25,000 came.',
      'Most are from Pyongyang.',
      'Up to 70% of wages are taken as loyalty payments.',
      'Rates rose by 5% in 2009 & 2010.',
      'Done.',
    ]);
    expect(doc.text).not.toMatch(/https|\*\*|```|<!--|notProse|chart\.png/);
  });

  it('maps every sentence back into the file', () => {
    expect(inSource(doc)).toEqual([
      'A 2006 study by [Kyung Hee University](https://example.org/khu "KHU") estimated roughly **10,000**.',
      'Most of them\nlive in monolithic communities.',
      'In the late 1940s, roughly 9,000 workers were recruited.',
      'Another 25,000 came.',
      'Most are from Pyongyang.',
      'Up to 70% of wages are taken as `loyalty payments`.',
      'Rates rose by 5\\% in 2009 &amp; 2010.',
      'Done.',
    ]);
    for (const s of doc.sentences) {
      const span = doc.spanToSource(s);
      expect(span).toEqual({ start: doc.toSource(s.start), end: doc.toSource(s.end) });
    }
  });

  it('maps a span ending inside markup exactly with spanToSource', () => {
    const at = doc.text.indexOf('10,000');
    const span = doc.spanToSource({ start: at, end: at + 6 });
    expect(MD.slice(span.start, span.end)).toBe('10,000');
    const url = doc.text.indexOf('Kyung Hee University');
    const link = doc.spanToSource({ start: url, end: url + 'Kyung Hee University'.length });
    expect(MD.slice(link.start, link.end)).toBe('Kyung Hee University');
  });

  // the first row found by the fuzzer: "\uFEFF\uFEFF  -0" mapped "0" to the empty span [5, 5]
  it.each([
    ['two byte order marks (the parser drops the second, counting from after it)', '\uFEFF\uFEFF  -0', [5, 6]],
    ['one byte order mark, as before', '\uFEFF  -0', [4, 5]],
  ])('maps text after %s', (_about, source, expected) => {
    const d = readDocument(source, { format: 'markdown' });
    const at = d.text.indexOf('0');
    const span = d.spanToSource({ start: at, end: at + 1 });
    expect([span.start, span.end]).toEqual(expected);
  });

  it('turns headings into sections and takes the title from the first level-1 heading', () => {
    expect(doc.meta.title).toBe('North Koreans in Russia');
    expect(doc.sections.map((s) => [s.title, s.level, s.parent])).toEqual([
      ['North Koreans in Russia', 1, null],
      ['Workers', 2, 0],
    ]);
    for (const s of doc.sections) expect(doc.text.slice(s.heading.start, s.heading.end)).toBe(s.title);
    expect(doc.sentences.map((s) => s.section)).toEqual([0, 0, 1, 1, 1, 1, 1, 1]);
  });

  it('reads GFM table cells as blocks', () => {
    const src =
      'Intro.\n\n| Year | Number |\n|------|-------:|\n| 1999 | between 100 and 500 |\n| 2003 | up to 150,000 |\n';
    const table = readDocument(src, { format: 'markdown' });
    expect(sentences(table)).toEqual([
      'Intro.',
      'Year',
      'Number',
      '1999',
      'between 100 and 500',
      '2003',
      'up to 150,000',
    ]);
    expect(inSource(table)).toEqual(sentences(table));
  });

  it('handles CRLF, a BOM and characters outside the BMP', () => {
    const src = '\uFEFF# Title\r\n\r\n😀 First **bold.** Second one\r\ncontinues.\r\n';
    const crlf = readDocument(src, { format: 'markdown' });
    expect(crlf.meta.title).toBe('Title');
    expect(sentences(crlf)).toEqual(['😀 First bold.', 'Second one\r\ncontinues.']);
    expect(inSource(crlf)).toEqual(['😀 First **bold.', 'Second one\r\ncontinues.']);
  });

  it('reads front matter, and leaves a lone --- as a thematic break', () => {
    const src = '---\ntitle: From front matter\ndate: 2024-05-01\n---\n# Heading title\n\nText here.';
    const fm = readDocument(src, { format: 'markdown' });
    expect(fm.meta.title).toBe('From front matter');
    expect(fm.meta.date).toBe('2024-05-01');
    expect(inSource(fm)).toEqual(['Text here.']);
    const rule = readDocument('---\n\nJust text. More.', { format: 'markdown' });
    expect(rule.meta.title).toBeNull();
    expect(sentences(rule)).toEqual(['Just text.', 'More.']);
  });

  it('reads a hostile paragraph in pieces, in linear time, each sentence still mapping back', () => {
    // one paragraph of 20,000 unclosed marks took micromark minutes; in pieces it is linear
    const src = 'Some 300 *workers [arrived _in 2006. '.repeat(5000);
    const t = performance.now();
    const doc2 = readDocument(src, { format: 'markdown' });
    expect(performance.now() - t).toBeLessThan(20_000);
    for (const s of doc2.sentences) {
      const span = doc2.spanToSource(s);
      // unclosed marks are literal text, so the slice is the sentence, marks or not
      const plain = (t: string) => t.replace(/[*[_]/g, '');
      expect(plain(src.slice(span.start, span.end))).toBe(plain(doc2.text.slice(s.start, s.end)));
    }
    expect(doc2.sentences.length).toBeGreaterThan(4900);
  });

  it('reads lines nested deeper than 8 as plain text', () => {
    const deep = readDocument(`Intro text.\n\n${'> '.repeat(9)}Some 300 workers.\n\nAfter *that*.`, {
      format: 'markdown',
    });
    expect(sentences(deep)).toEqual(['Intro text.', `${'> '.repeat(9)}Some 300 workers.`, 'After that.']);
    // near miss: 8 deep is Markdown
    const eight = readDocument(`${'> '.repeat(8)}Some *300* workers.`, { format: 'markdown' });
    expect(sentences(eight)).toEqual(['Some 300 workers.']);
  });

  it('cuts a long document at blank lines, keeping fenced code closed across a cut', () => {
    const para = 'North Koreans in Russia numbered *about* 10,000 in 2006. '.repeat(20);
    const code = `\`\`\`\n${'let x = 1;\n\n'.repeat(2000)}\`\`\`\n`;
    const src = `${para}\n\n${code}\n${para}\n\n${para}`;
    const doc2 = readDocument(src, { format: 'markdown' });
    // the code (28 KB, cut inside) is not prose; the paragraphs after it are read
    expect(doc2.text).not.toContain('let x');
    expect(sentences(doc2)).toHaveLength(60);
  });
});
