import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../corpus/index.js';
import { InputError } from '../errors.js';
import { EXTRACTOR_VERSION } from '../extract/version.js';
import type { DocumentInput } from '../store/types.js';
import { contentHash, documentId, MAX_SLUG_LENGTH, prepareDocument, prepareText, slugify } from './prepare.js';

const SEED = new URL('../../corpus/north-koreans-in-russia.txt', import.meta.url).pathname;

/** Every span in the input slices the stored text to what it claims to be. */
function expectSpansSound(input: DocumentInput): void {
  const { text, sentences, sections } = input;
  sentences.forEach((s, i) => {
    expect(s.index).toBe(i);
    expect(0 <= s.start && s.start <= s.end && s.end <= text.length).toBe(true);
    if (i > 0) expect(s.start).toBeGreaterThanOrEqual(sentences[i - 1]!.end);
    if (s.section !== null) {
      const section = sections[s.section]!;
      expect(section.start <= s.start && s.end <= section.end).toBe(true);
    }
  });
  for (const section of sections) {
    // a section starts at its heading (the `==` or `#` included or not, as the reader says)
    expect(text.slice(section.start, section.end).split('\n')[0]).toContain(section.title);
    if (section.parent !== null) expect(section.parent).toBeLessThan(section.index);
  }
  for (const item of [...input.claims, ...input.events]) {
    expect(text.slice(item.span[0], item.span[1])).toBe(item.text);
    const sentence = sentences[item.sentenceIndex];
    expect(sentence, `sentenceIndex ${item.sentenceIndex} of "${item.text}"`).toBeDefined();
    expect([sentence!.start, sentence!.end]).toEqual(item.sentence);
    expect(sentence!.start <= item.span[0] && item.span[1] <= sentence!.end).toBe(true);
  }
}

describe('prepareDocument: the seed article', () => {
  const bytes = readFileSync(SEED);
  const input = prepareDocument('corpus/north-koreans-in-russia.txt', bytes);

  it('takes its id from the file name and its title from the heading', () => {
    expect(input.id).toBe('north-koreans-in-russia');
    expect(input.title).toBe('North Koreans in Russia');
    expect(input.format).toBe('mediawiki');
    expect(input.path).toBe('corpus/north-koreans-in-russia.txt');
    expect(input.extractor).toBe(EXTRACTOR_VERSION);
  });

  it('keeps the decoded text and its sha256', () => {
    expect(input.text).toBe(bytes.toString('utf8'));
    expect(input.hash).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(input.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('maps every span to its text, and every claim and event to its sentence', () => {
    expect(input.claims.length).toBeGreaterThan(5);
    expect(input.events.length).toBeGreaterThan(5);
    expect(input.sections.length).toBeGreaterThan(3);
    expectSpansSound(input);
  });

  it('lists places as records and entities by name', () => {
    const russia = input.places.find((p) => p.id === 'RU');
    expect(russia).toMatchObject({ name: 'Russia', kind: 'country', parents: [] });
    expect(Object.isFrozen(russia!.parents)).toBe(false);
    for (const c of input.claims) if (c.place) expect(input.places.map((p) => p.id)).toContain(c.place.id);
    expect(input.entities).toContainEqual({ name: 'Kyung Hee University', kind: 'organization', count: 1 });
  });

  it('gives the same input twice (ids and hashes are stable)', () => {
    expect(prepareDocument('corpus/north-koreans-in-russia.txt', bytes)).toEqual(input);
  });
});

describe('prepareDocument: Markdown and HTML map back to the source', () => {
  const markdown = [
    '---',
    'title: Workers in the Far East',
    'slug: Far East Workers',
    'date: 2020-05-01',
    'source: https://example.org/far-east',
    '---',
    '# Workers',
    '',
    'In 2006 there were **about 10,000** North Korean workers in *Khabarovsk*, according to [the ministry](http://x.org).',
    '',
    '## Students',
    '',
    'Some 300 North Korean students arrived in Vladivostok in 2015.',
    '',
  ].join('\n');
  const html =
    '<!doctype html><html><head><title>Koreans &amp; Russia</title></head><body><h1>Koreans</h1>' +
    '<p>About <b>5,000</b> North Korean workers arrived in Vladivostok in 2015.</p>' +
    '<p>In 2017, Russia deported 1,200&nbsp;North Korean workers.</p></body></html>';

  it('Markdown: front matter gives id, title, date and source; spans index the file', () => {
    const input = prepareDocument('notes/far-east.md', Buffer.from(markdown));
    expect(input).toMatchObject({
      id: 'far-east-workers',
      title: 'Workers in the Far East',
      date: '2020-05-01',
      source: 'https://example.org/far-east',
      format: 'markdown',
    });
    expectSpansSound(input);
    const first = input.sentences[0]!;
    expect(input.text.slice(first.start, first.end)).toBe(
      'In 2006 there were **about 10,000** North Korean workers in *Khabarovsk*, according to [the ministry](http://x.org).',
    );
    expect(input.claims.map((c) => [c.text, c.sentenceIndex])).toEqual([
      ['about 10,000', 0],
      ['Some 300', 1],
    ]);
    expect(input.sections.map((s) => [s.title, s.level, s.parent])).toEqual([
      ['Workers', 1, null],
      ['Students', 2, 0],
    ]);
  });

  it('HTML: spans index the markup, sentences hold their tags', () => {
    const input = prepareDocument('b.html', Buffer.from(html));
    expect(input).toMatchObject({ id: 'b', title: 'Koreans & Russia', format: 'html', date: null });
    expectSpansSound(input);
    const [first, second] = input.sentences;
    expect(input.text.slice(first!.start, first!.end)).toBe(
      'About <b>5,000</b> North Korean workers arrived in Vladivostok in 2015.',
    );
    expect(input.text.slice(second!.start, second!.end)).toContain('1,200&nbsp;North');
    expect(input.claims.find((c) => c.text === '1,200')?.sentenceIndex).toBe(1);
    expect(input.events.find((e) => e.type === 'deportation')?.sentenceIndex).toBe(1);
  });

  it('HTML read on its own gives the same text offsets (the reader, not prepare, strips markup)', () => {
    const doc = readDocument(html, { path: 'b.html' });
    const input = prepareDocument('b.html', Buffer.from(html));
    expect(input.sentences.map((s) => [s.start, s.end])).toEqual(
      doc.sentences.map((s) => [doc.spanToSource(s).start, doc.spanToSource(s).end]),
    );
  });
});

describe('prepareDocument: id, title and date', () => {
  const text = 'Some 300 North Korean students arrived in Vladivostok in 2015.\n';

  it('options.id wins over front matter and file name, slugified', () => {
    const withFront = `---\nid: from-front\n---\n${text}`;
    expect(prepareDocument('x.md', Buffer.from(withFront), { id: 'My Own Id' }).id).toBe('my-own-id');
    expect(prepareDocument('x.md', Buffer.from(withFront)).id).toBe('from-front');
  });

  it('front matter id wins over slug; a numeric id is taken as text', () => {
    expect(prepareDocument('x.md', Buffer.from(`---\nslug: b\nid: a\n---\n${text}`)).id).toBe('a');
    expect(prepareDocument('x.md', Buffer.from(`---\nid: 42\n---\n${text}`)).id).toBe('42');
  });

  it('near miss: an empty front matter id falls back to the file name', () => {
    expect(prepareDocument('dir/Koryo Saram.md', Buffer.from(`---\nid: ''\ntitle: T\n---\n${text}`)).id).toBe(
      'koryo-saram',
    );
  });

  it('title falls back to the file name; near miss: a heading is a title', () => {
    expect(prepareDocument('dir/plain.txt', Buffer.from(text)).title).toBe('plain.txt');
    expect(prepareDocument('dir/plain.txt', Buffer.from(`= Heading =\n\n${text}`)).title).toBe('Heading');
  });

  it('options.date overrides the front matter date; null keeps it', () => {
    const dated = `---\ndate: 2019-01-01\n---\n${text}`;
    expect(prepareDocument('x.md', Buffer.from(dated), { date: '2024-02-03' }).date).toBe('2024-02-03');
    expect(prepareDocument('x.md', Buffer.from(dated), { date: null }).date).toBe('2019-01-01');
    expect(prepareDocument('x.txt', Buffer.from(text)).date).toBeNull();
  });

  it('a BOM is kept in the text, so offsets agree with readFileSync(path, "utf8")', () => {
    const input = prepareDocument('bom.txt', Buffer.from(`\uFEFF${text}`));
    expect(input.text.charCodeAt(0)).toBe(0xfeff);
    expectSpansSound(input);
  });
});

describe('documentId and prepareText (ingest decodes first, to skip unchanged documents)', () => {
  const text = '---\nslug: Koryo Saram\n---\nSome 300 North Korean students arrived in Vladivostok in 2015.\n';

  it('documentId agrees with prepareDocument without extracting', () => {
    expect(documentId('a/x.md', text)).toBe('koryo-saram');
    expect(documentId('a/x.md', text, { id: 'Other' })).toBe('other');
    expect(documentId('a/North Koreans.TXT', 'plain')).toBe('north-koreans');
    expect(prepareDocument('a/x.md', Buffer.from(text)).id).toBe(documentId('a/x.md', text));
  });

  it('documentId throws InputError for malformed front matter; near miss: a thematic break is no front matter', () => {
    expect(() => documentId('x.md', '---\ntitle: [oops\n---\nText.')).toThrow(InputError);
    expect(documentId('x.md', '---\nText with no closing fence.')).toBe('x');
  });

  it('prepareText equals prepareDocument on the decoded text, and hash is contentHash', () => {
    const input = prepareText('a/x.md', text);
    expect(input).toEqual(prepareDocument('a/x.md', Buffer.from(text)));
    expect(input.hash).toBe(contentHash(text));
  });
});

describe('prepareDocument: bad files', () => {
  it.each([
    ['empty', Buffer.alloc(0), /the file is empty/],
    ['binary', Buffer.from([0x41, 0x00, 0x42]), /binary file/],
    ['not UTF-8', Buffer.from([0x41, 0xe9, 0x42]), /not valid UTF-8/],
    ['UTF-16', Buffer.from([0xff, 0xfe, 0x41, 0x00]), /UTF-16/],
    ['bad front matter', Buffer.from('---\ntitle: [unclosed\n---\nText.'), /invalid front matter/],
  ])('%s -> InputError naming the file', (_, bytes, message) => {
    expect(() => prepareDocument('bad.md', bytes)).toThrow(InputError);
    expect(() => prepareDocument('bad.md', bytes)).toThrow(message);
    expect(() => prepareDocument('bad.md', bytes)).toThrow(/bad\.md/);
  });

  it('over 20 MiB -> InputError', () => {
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x61);
    expect(() => prepareDocument('big.txt', big)).toThrow(/over the 20 MiB limit/);
  });

  it('near miss: a one-word document is fine', () => {
    expect(prepareDocument('w.txt', Buffer.from('word')).claims).toEqual([]);
  });
});

describe('slugify', () => {
  it.each([
    ['north-koreans-in-russia', 'north-koreans-in-russia'],
    ['North Koreans in Russia', 'north-koreans-in-russia'],
    ['  --Koryo  Saram!!  ', 'koryo-saram'],
    ['Kōryŏ-saram', 'koryo-saram'],
    ['2006_study.v2', '2006-study-v2'],
    ['a/b\\c', 'a-b-c'],
  ])('%j -> %j', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('cuts at 80 characters without a trailing dash', () => {
    const long = `${'a'.repeat(79)} bcd`;
    expect(slugify(long)).toBe('a'.repeat(79));
    expect(slugify('b'.repeat(200))).toHaveLength(MAX_SLUG_LENGTH);
    // near miss: exactly 80 is kept whole
    expect(slugify('c'.repeat(80))).toBe('c'.repeat(80));
  });

  it('a name with nothing ASCII gets a stable hashed id, distinct per name', () => {
    expect(slugify('Корё-сарам')).toMatch(/^document-[0-9a-f]{8}$/);
    expect(slugify('Корё-сарам')).toBe(slugify('Корё-сарам'));
    expect(slugify('Корё-сарам')).not.toBe(slugify('조선'));
    // near miss: one ASCII letter is enough for a plain slug
    expect(slugify('Корё x')).toBe('x');
  });
});
