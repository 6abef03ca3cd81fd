import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import {
  type DocumentFormat,
  decodeFile,
  detectFormat,
  loadDocument,
  MAX_DOCUMENT_BYTES,
  type ReadDocument,
  readDocument,
} from './index.js';

const SHARED = new URL('../../test/fixtures/eval/', import.meta.url).pathname;
const sentences = (doc: ReadDocument): string[] => doc.sentences.map((s) => doc.text.slice(s.start, s.end));

describe('decodeFile', () => {
  const utf8 = (s: string) => new TextEncoder().encode(s);

  it('decodes UTF-8 exactly as readFileSync(path, "utf8") does, BOM included', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('= Tït =\r\nOne.')]);
    const text = decodeFile(bytes, 'a.txt');
    expect(text).toBe(Buffer.from(bytes).toString('utf8'));
    expect(text.charCodeAt(0)).toBe(0xfeff);
  });

  it('rejects an empty file', () => {
    expect(() => decodeFile(new Uint8Array(), 'empty.txt')).toThrow(/invalid document empty\.txt: the file is empty/);
  });

  it('rejects a binary file', () => {
    expect(() => decodeFile(new Uint8Array([0x41, 0, 0x42]), 'x.bin')).toThrow(
      /invalid document x\.bin: binary file \(NUL byte at offset 1/,
    );
  });

  it('rejects UTF-16', () => {
    expect(() => decodeFile(new Uint8Array([0xff, 0xfe, 0x41, 0]), 'w.txt')).toThrow(/w\.txt: the file is UTF-16/);
  });

  it('rejects invalid UTF-8 and says where', () => {
    const latin1 = new Uint8Array([...utf8('Caf'), 0xe9, ...utf8(' au lait')]);
    expect(() => decodeFile(latin1, 'l.txt')).toThrow(/l\.txt: not valid UTF-8 \(byte 0xe9 at offset 3/);
    expect(() => decodeFile(new Uint8Array([0x41, 0xed, 0xa0, 0x80]), 's.txt')).toThrow(/offset 1/);
  });

  it('rejects a file over MAX_DOCUMENT_BYTES, naming the limit', () => {
    expect(MAX_DOCUMENT_BYTES).toBe(20 * 1024 * 1024);
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(0x41);
    expect(() => decodeFile(big, 'big.txt')).toThrow(
      /big\.txt: 20\.0 MiB is over the 20 MiB limit \(MAX_DOCUMENT_BYTES/,
    );
    expect(() => decodeFile(big, 'big.txt')).toThrow(InputError);
  });
});

describe('detectFormat', () => {
  const cases: [string, string, DocumentFormat][] = [
    ['a.md', '= Not wiki =', 'markdown'],
    ['a.markdown', 'x', 'markdown'],
    ['a.HTML', 'x', 'html'],
    ['dir.v2/a.htm', 'x', 'html'],
    ['a.txt', '= Title =\n\nText.', 'mediawiki'],
    ['a.txt', 'Intro.\n==Section==\nText.', 'mediawiki'],
    ['a.txt', 'Plain text. x = y = z', 'text'],
    ['a.txt', '===\nnot a heading', 'text'],
    ['page', '<!doctype html><p>x</p>', 'html'],
    ['page', 'Some <p>para</p> and <div>div</div>', 'html'],
    ['notes', '# Title\n\nSee [this](http://x.y).', 'markdown'],
    ['notes', '== Section ==\nText.', 'mediawiki'],
    ['notes', 'Just some text. Nothing else.', 'text'],
    ['', 'Just text.', 'text'],
  ];
  for (const [path, source, expected] of cases) {
    it(`${path || '(no path)'}: ${JSON.stringify(source.slice(0, 24))} -> ${expected}`, () =>
      expect(detectFormat(path, source)).toBe(expected));
  }
});

describe('readDocument and loadDocument', () => {
  it('rejects an unknown format', () => {
    expect(() => readDocument('x', { format: 'pdf' as DocumentFormat })).toThrow(
      /invalid format: pdf \(expected mediawiki, markdown, html, text\)/,
    );
  });

  it('names a missing file, and a directory', () => {
    expect(() => loadDocument('/no/such/file.txt')).toThrow(/cannot read \/no\/such\/file\.txt: no such file/);
    expect(() => loadDocument(tmpdir())).toThrow(/is a directory/);
  });

  it('loads a file by path, detecting the format from its extension', () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-corpus-'));
    const path = join(dir, 'page.html');
    writeFileSync(path, '<title>T</title><p>Hello there. General Kenobi.</p>');
    const doc = loadDocument(path);
    expect(doc.format).toBe('html');
    expect(sentences(doc)).toEqual(['Hello there.', 'General Kenobi.']);
  });
});

describe("a document's sentences: the table and the list", () => {
  const text = '= T =\n\nOne here. Two here.\n\n== S ==\n\nThree here.';
  const doc = readDocument(text, { format: 'mediawiki' });

  it('holds each sentence as columns: start, end and section, the list made from them when first read', () => {
    const t = doc.sentenceTable;
    expect(t.length).toBe(3);
    expect([t.start(2), t.end(2)]).toEqual([text.indexOf('Three'), text.length]);
    expect(t.sentence(0)).toEqual({ start: 7, end: 16, index: 0, section: 0 });
    expect(t.sentence(2)).toEqual({ start: text.indexOf('Three'), end: text.length, index: 2, section: 1 });
    expect(doc.sentences).toEqual(t.records());
    expect(sentences(doc)).toEqual(['One here.', 'Two here.', 'Three here.']);
  });

  it('gives the same list each time it is read, and to a spread or JSON of the document', () => {
    expect(doc.sentences).toBe(doc.sentences);
    expect({ ...doc }.sentences).toBe(doc.sentences);
    expect(JSON.parse(JSON.stringify(doc)).sentences).toEqual(doc.sentences);
  });

  it('says null for a sentence before the first heading (near miss: section 0)', () => {
    const plain = readDocument('Before any heading.\n\n== S ==\n\nAfter it.', { format: 'mediawiki' });
    expect(plain.sentences.map((s) => s.section)).toEqual([null, 0]);
    expect(plain.sentenceTable.sentence(0).section).toBeNull();
  });
});

describe('the seed and dev corpus', () => {
  // Counts checked by reading each text: one sentence per line of every paragraph below.
  const expected: [string, DocumentFormat, number][] = [
    ['corpus/seed/north-koreans-in-russia.txt', 'mediawiki', 44],
    ['corpus/dev/15-north-korean-defectors-overview.txt', 'text', 11],
    ['corpus/dev/18-deportation-of-koreans-1937.txt', 'text', 5],
    ['corpus/dev/23-sakhalin-koreans-overview.txt', 'text', 6],
    ['corpus/dev/26-koreans-in-kamchatka.txt', 'text', 19],
    ['corpus/dev/35-vietnamese-people-in-russia.txt', 'text', 10],
  ];
  for (const [file, format, count] of expected) {
    it(`${file}: ${format}, ${count} sentences`, () => {
      const doc = loadDocument(join(SHARED, file));
      expect(doc.format).toBe(format);
      expect(doc.text).toBe(readFileSync(join(SHARED, file), 'utf8'));
      expect(doc.sentences).toHaveLength(count);
      for (const s of doc.sentences) {
        expect(doc.text.slice(s.start, s.end)).toBe(doc.text.slice(s.start, s.end).trim());
        expect(doc.text.slice(s.start, s.end)).not.toMatch(/\n\n|^=|=$/);
      }
    });
  }

  it('splits the seed paragraphs as a reader would', () => {
    const doc = loadDocument(join(SHARED, 'corpus/seed/north-koreans-in-russia.txt'));
    const all = sentences(doc);
    expect(all.slice(0, 4)).toEqual([
      'North Koreans in Russia consist mainly of three groups: international students, guest workers, and defectors and refugees.',
      'A 2006 study by Kyung Hee University estimated their total population at roughly 10,000.',
      'Most of them exist as monolithic communities, more difficult to act alone and their discipline is strict.',
      'Following the outbreak of the war in Ukraine, a significant number of North Koreans have been observed secretly entering Russia to undertake various jobs, supplementing the labor force and exchanging technical expertise.',
    ]);
    expect(all).toContain(
      'In 2009, the North Korean government was estimated to earn roughly US$7 million each year in foreign exchange through their workers in Russia.',
    );
    expect(all).toContain(
      'Up to 70% of the $40 to $100 per month wages earned by the workers are reported to be taken away as "loyalty payments".',
    );
    expect(all.slice(-2)).toEqual(['North Korea–Russia relations', 'Korean diaspora']);
    expect(doc.meta.title).toBe('North Koreans in Russia');
    expect(doc.sections.map((s) => s.title)).toEqual([
      'North Koreans in Russia',
      'Migration history',
      'Students',
      'Workers',
      'Soldiers',
      'Refugees',
      'See also',
    ]);
    const soldiers = doc.sentences.find((s) => doc.text.slice(s.start, s.end).startsWith('The North Koreans sent'));
    expect(doc.sections[soldiers?.section ?? -1]?.title).toBe('Soldiers');
  });

  it('keeps citation marks with the sentence they follow (dev 26, 35)', () => {
    const kamchatka = sentences(loadDocument(join(SHARED, 'corpus/dev/26-koreans-in-kamchatka.txt')));
    expect(kamchatka).toContain('Exactly how many North Koreans went to Kamchatka is not known. [2]');
    expect(kamchatka).toContain(
      'One survey published in 2020 estimated their number to have been 50,000 between 1946 and 1949. [3]',
    );
    const vietnamese = sentences(loadDocument(join(SHARED, 'corpus/dev/35-vietnamese-people-in-russia.txt')));
    expect(vietnamese).toContain(
      'With a population of 26,205, they are one of the smaller groups of overseas Vietnamese.[1][6]',
    );
    expect(vietnamese).toContain(
      'However, unofficial estimates put their population as high as 100,000 to 150,000.[7]',
    );
  });

  it('keeps "U.N. sanctions" whole (dev 15)', () => {
    const defectors = sentences(loadDocument(join(SHARED, 'corpus/dev/15-north-korean-defectors-overview.txt')));
    expect(defectors.some((s) => s.includes('under U.N. sanctions for decades, is also the largest'))).toBe(true);
  });

  it('puts every gold context inside one sentence, unless the context itself spans two', () => {
    const goldDir = join(SHARED, 'eval/gold');
    for (const name of [
      'seed',
      '15-north-korean-defectors-overview',
      '18-deportation-of-koreans-1937',
      '23-sakhalin-koreans-overview',
      '26-koreans-in-kamchatka',
      '35-vietnamese-people-in-russia',
    ]) {
      const gold = JSON.parse(readFileSync(join(goldDir, `${name}.json`), 'utf8')) as {
        document: string;
        claims?: { context: string }[];
        events?: { context: string }[];
      };
      const doc = loadDocument(join(SHARED, gold.document));
      for (const { context } of [...(gold.claims ?? []), ...(gold.events ?? [])]) {
        if (/[.!?] [A-Z]/.test(context)) continue;
        const at = doc.text.indexOf(context);
        expect(at, context).toBeGreaterThanOrEqual(0);
        const inside = doc.sentences.some((s) => s.start <= at && at + context.length <= s.end);
        expect(inside, `${name}: ${context}`).toBe(true);
      }
    }
  });
});
