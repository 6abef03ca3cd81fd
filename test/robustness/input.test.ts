// Hostile and odd input, case by case, through every door a document comes in: readDocument +
// extract (each format, and format sniffing), decodeFile + prepareDocument (raw bytes), and the
// `atlas extract FILE --json` command. Each case either extracts (every span inside the file and
// slicing to its text) or is refused with one InputError of one line; never anything else.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeFile, MAX_DOCUMENT_BYTES, readDocument } from '../../src/corpus/index.js';
import type { DocumentFormat } from '../../src/corpus/types.js';
import { extract } from '../../src/extract/index.js';
import { prepareDocument } from '../../src/ingest/prepare.js';
import {
  ADVERSARIAL,
  attempt,
  FRONT_MATTER_PIECES,
  fill,
  HOSTILE_PIECES,
  nested,
  PROSE,
  spanProblem,
  type Tried,
} from './hostile.js';
import { resetTally, tally } from './tally.js';

const FORMATS: (DocumentFormat | undefined)[] = ['text', 'mediawiki', 'markdown', 'html', undefined];
const tried: Tried = { inputsTried: 0, crashes: 0 };

beforeAll(() => resetTally('input'));
afterAll(() => {
  tally('input', tried);
  expect(tried.crashes).toBe(0);
});

const article = readFileSync(join(import.meta.dirname, '..', '..', 'corpus', 'north-koreans-in-russia.txt'), 'utf8');
/** `piece` between every character of `text` (by code point). */
const between = (text: string, piece: string) => [...text].join(piece);

/** Named documents; each is read as every format, and with the format sniffed. */
const CASES: Record<string, () => string> = {
  'every hostile piece between sentences': () =>
    PROSE.map((s, k) => s + HOSTILE_PIECES[k % HOSTILE_PIECES.length]).join(''),
  'every hostile piece alone, repeated': () => HOSTILE_PIECES.join('').repeat(50),
  'mixed scripts: Korean, Cyrillic, Latin, Arabic digits': () =>
    'В 2006 году около 10 000 северокорейцев работали в России. 북한 노동자 약 1만 명이 블라디보스토크에 있다. ' +
    'Some 3,000 고려인 lived in Ташкент in 1937. بين ١٠٠ و ٥٠٠ عامل. Около 1,5 тыс. человек.',
  'a right-to-left mark between every character': () => between(PROSE.slice(0, 6).join(' '), '\u200f'),
  'a zero-width space between every character': () => between(PROSE.slice(0, 6).join(' '), '\u200b'),
  'a zero-width joiner and soft hyphen inside every number': () =>
    'Some 1\u200d0,\u00ad000 workers arrived in 2\u200c006; about 3\u20600% left.',
  'bidirectional overrides around figures': () =>
    'About \u202e000,01\u202c workers, \u2066between 100 and 500\u2069 in 2006.',
  'CRLF line ends': () => article.replace(/\n/g, '\r\n'),
  'lone CR line ends': () => article.replace(/\n/g, '\r'),
  'mixed LF, CR, CRLF, LS, PS, NEL': () =>
    article.replace(/\n/g, (_, k: number) => ['\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085'][k % 6] as string),
  'a BOM at the start and in the middle': () => `\ufeff${article.slice(0, 3000)}\ufeff${article.slice(3000)}`,
  'a BOM before front matter, CRLF': () =>
    '\ufeff---\r\ntitle: Koreans\r\ndate: 2020-05-01\r\n---\r\nSome 300 workers arrived.',
  'NUL characters in the text': () => between(PROSE.slice(0, 3).join(' '), '\u0000'),
  'lone surrogates everywhere': () => between(PROSE.slice(0, 3).join(' '), '\ud800') + '\udc00'.repeat(1000),
  '100,000 digits in a row': () => `Some ${'9'.repeat(100_000)} workers arrived in 2006.`,
  '100,000 digits in groups of three': () => `About 1${',000'.repeat(33_333)} workers.`,
  'numbers past any float': () => 'Some 1e308 workers, 10^400 people, 0.000000000000000000001% and 9'.repeat(100),
  '1-2-3-4-... for 30,000 numbers': () => Array.from({ length: 30_000 }, (_, k) => k).join('-'),
  '100,000 short sentences': () => 'It rose. '.repeat(100_000),
  'a word of 1,000,000 letters': () => `Some ${'a'.repeat(1_000_000)} 300 workers.`,
  'a hyphenated word of 100,000 parts': () => `${'Koryo-'.repeat(100_000)}saram numbered 10,000.`,
  '10,000 combining marks on one letter': () => `e${'\u0301'.repeat(10_000)} 300 workers arrived.`,
  'emoji sequences and flags': () => '👨‍👩‍👧‍👦🇰🇵🇷🇺 About 300 👷🏽‍♂️ workers 🏗️ arrived in 2006. '.repeat(500),
  '300,000 equals signs on one line': () => '='.repeat(300_000),
  'wiki headings that never close': () =>
    '= North Koreans in Russia\n== History\n=== Students ==\nSome 300 left.\n==\n= =\n'.repeat(2000),
  'wiki headings of 10,000 equals signs': () => `${'='.repeat(10_000)} T ${'='.repeat(9_999)}\nSome 300 workers.\n`,
  'wiki templates and tables left open': () =>
    '{{Infobox\n{| class=x\n|-\n| 300 || 400\n[[Category:\nSome 300 workers.'.repeat(100),
  '100,000 nested <div>': () => nested(1_500_000, '<div>', 'Some 300 workers arrived in 2006.', '</div>'),
  '100,000 <div> never closed': () => `${'<div>'.repeat(100_000)}Some 300 workers arrived in 2006.`,
  '10,000 formatting elements re-opened in every paragraph': () =>
    fill(200_000, (k) => `<p><b class=c${k}><i id=i${k}>Some ${k} workers `),
  'HTML left open mid-tag, mid-comment, mid-entity': () =>
    '<html><body><p>About 10,000 <b>North Korean workers <a href="http://x.y/?a=1&b=2" title="unclosed <!-- &#x1F6',
  'HTML script and style never closed': () => `<p>Some 300 workers.</p><script>var a = "${'<p>1,000 '.repeat(1000)}`,
  '10,000 unclosed <table><td>': () => '<table><td>Some 300 workers'.repeat(10_000),
  'Markdown: 100,000 nested block quotes': () => `${'>'.repeat(100_000)} Some 300 workers arrived.`,
  'Markdown: 10,000 nested list items on one line': () => `${'- '.repeat(10_000)}Some 300 workers.`,
  'Markdown: lines indented one more each time': () =>
    Array.from({ length: 3000 }, (_, k) => `${' '.repeat(k)}- Some ${k} workers`).join('\n'),
  'Markdown: list items going on after blank lines': () => '1. Some 300 workers\n\n   - in 2006\n\n'.repeat(1500),
  'Markdown: emphasis, links and code never closed': () =>
    '**About 10,000 _North Korean [workers](http://x `in 2006 ![img]( <http:// '.repeat(2000),
  'Markdown: fenced code never closed': () => `Some 300 workers.\n\n\`\`\`\n${'Some 300 workers.\n'.repeat(3000)}`,
  'Markdown: 20,000 closers without openers': () => 'a* b_ c] d` '.repeat(20_000),
  'front matter never closed': () => `---\ntitle: Koreans\ndate: 2020\n${article}`,
  'front matter closed 100 KB on': () => `---\n${'title: x\n'.repeat(12_000)}---\nSome 300 workers arrived.`,
  'front matter of 5,000 keys': () =>
    `---\n${Array.from({ length: 5000 }, (_, k) => `k${k}: v`).join('\n')}\n---\nSome 300 workers.`,
  'ranges that never close: between 1 and between 2 and ...': () => ADVERSARIAL['between ... and between']!(100_000),
  'hedges repeated: about about about ...': () => `${'about '.repeat(50_000)}10,000 workers.`,
  '100,000 nested parentheses and quotes': () => `${'(“«'.repeat(100_000)}10,000 workers${'»”)'.repeat(100_000)}`,
  'only whitespace of every kind': () =>
    ' \t\n\r\f\v\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'.repeat(1000),
  'the empty document': () => '',
};

/** Big cases are read only as the formats they are hostile to (the rest as every format). */
const ONLY: ReadonlyMap<string, (DocumentFormat | undefined)[]> = new Map<string, (DocumentFormat | undefined)[]>([
  ['1-2-3-4-... for 30,000 numbers', ['text', 'html']],
  ['100,000 short sentences', ['text']],
  ['a word of 1,000,000 letters', ['text']],
  ['a hyphenated word of 100,000 parts', ['text', 'markdown']],
  ['300,000 equals signs on one line', ['mediawiki', 'markdown', undefined]],
  ['wiki headings that never close', ['mediawiki']],
  ['100,000 nested <div>', ['html']],
  ['100,000 <div> never closed', ['html', 'markdown']],
  ['10,000 formatting elements re-opened in every paragraph', ['html']],
  ['10,000 unclosed <table><td>', ['html']],
  ['Markdown: 100,000 nested block quotes', ['markdown']],
  ['Markdown: 10,000 nested list items on one line', ['markdown']],
  ['Markdown: lines indented one more each time', ['markdown']],
  ['Markdown: list items going on after blank lines', ['markdown']],
  ['Markdown: emphasis, links and code never closed', ['markdown']],
  ['Markdown: fenced code never closed', ['markdown']],
  ['Markdown: 20,000 closers without openers', ['markdown']],
  ['front matter of 5,000 keys', ['markdown']],
  ['ranges that never close: between 1 and between 2 and ...', ['text']],
  ['100,000 nested parentheses and quotes', ['text']],
]);

describe('hostile documents through readDocument and extract', () => {
  for (const [name, build] of Object.entries(CASES)) {
    it(name, () => {
      const source = build();
      for (const format of ONLY.get(name) ?? FORMATS) {
        const label = `${name} (${format ?? 'sniffed'})`;
        const out = attempt(tried, label, () => extract(readDocument(source, { format, path: 'doc' })));
        if (out.refused) {
          // the one refusal a text can earn: front matter that is not YAML
          expect(out.refused.message, label).toMatch(/^invalid front matter/);
          continue;
        }
        expect(spanProblem(source, out.value), label).toBeNull();
        for (const c of out.value.claims) {
          for (const v of [c.value.low, c.value.high]) expect(v === null || Number.isFinite(v), label).toBe(true);
        }
      }
    }, 60_000);
  }

  it('front matter that is not YAML is refused with one line naming the file', () => {
    for (const front of FRONT_MATTER_PIECES) {
      const source = `${front}Some 300 workers arrived in 2006.`;
      const out = attempt(tried, JSON.stringify(front), () => extract(readDocument(source, { path: 'notes.md' })));
      if (out.refused) expect(out.refused.message).toMatch(/^invalid front matter.* in notes\.md/);
      else expect(spanProblem(source, out.value)).toBeNull();
    }
  });
});

const utf8 = (s: string) => Buffer.from(s, 'utf8');
const sentence = utf8('Some 300 workers arrived in Vladivostok in 2006. ');

/** Raw files: [name, bytes, null when they must be read, else the refusal expected]. */
const BYTES: Array<[string, () => Buffer, RegExp | null]> = [
  ['a UTF-8 BOM', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), sentence]), null],
  ['a 4-byte character', () => Buffer.concat([sentence, utf8('😀 𝟏𝟐𝟑')]), null],
  [
    'UTF-16LE with its BOM',
    () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Some 300', 'utf16le')]),
    /UTF-16/,
  ],
  ['UTF-16BE with its BOM', () => Buffer.from([0xfe, 0xff, 0x00, 0x53, 0x00, 0x6f]), /UTF-16/],
  ['UTF-16 without a BOM', () => Buffer.from('Some 300 workers', 'utf16le'), /binary/],
  [
    'a NUL byte inside the text',
    () => Buffer.concat([sentence.subarray(0, 50), Buffer.alloc(1), sentence]),
    /binary.*offset 49/,
  ],
  ['an overlong "/" (C0 AF)', () => Buffer.concat([sentence, Buffer.from([0xc0, 0xaf])]), /not valid UTF-8.*0xc0/],
  [
    'an encoded surrogate (ED A0 80)',
    () => Buffer.concat([sentence, Buffer.from([0xed, 0xa0, 0x80])]),
    /not valid UTF-8.*0xed/,
  ],
  [
    'a sequence cut off at the end (E2 82)',
    () => Buffer.concat([sentence, Buffer.from([0xe2, 0x82])]),
    /not valid UTF-8/,
  ],
  ['a lone continuation byte', () => Buffer.concat([sentence, Buffer.from([0x80]), sentence]), /not valid UTF-8.*0x80/],
  ['a 5-byte sequence (F8)', () => Buffer.from([0x53, 0xf8, 0x88, 0x80, 0x80, 0x80]), /not valid UTF-8.*0xf8/],
  ['a code point past U+10FFFF (F4 90)', () => Buffer.from([0x53, 0xf4, 0x90, 0x80, 0x80]), /not valid UTF-8.*0xf4/],
  ['Windows-1252 quotes', () => Buffer.from([0x93, 0x53, 0x6f, 0x6d, 0x65, 0x94]), /not valid UTF-8.*0x93/],
  ['nothing at all', () => Buffer.alloc(0), /empty/],
  ['one byte over 20 MiB', () => Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x61), /over the 20 MiB limit/],
];

describe('hostile bytes through decodeFile and prepareDocument', () => {
  for (const [name, bytes, refusal] of BYTES) {
    it(name, () => {
      const data = bytes();
      const out = attempt(tried, name, () => prepareDocument(`in/${name}.txt`, data));
      if (refusal === null) {
        expect(out.refused?.message).toBeUndefined();
        const doc = out.value!;
        expect(doc.text).toBe(data.toString('utf8'));
        for (const c of doc.claims) expect(doc.text.slice(c.span[0], c.span[1])).toBe(c.text);
      } else {
        expect(out.refused?.message).toMatch(refusal);
        expect(out.refused?.message).toContain(`in/${name}.txt`);
      }
    });
  }

  it('the largest file allowed decodes (20 MiB exactly)', () => {
    const out = attempt(tried, '20 MiB', () => decodeFile(Buffer.alloc(MAX_DOCUMENT_BYTES, 0x61), 'big.txt'));
    expect(out.value?.length).toBe(MAX_DOCUMENT_BYTES);
  });
});

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'atlas-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Files for the command line: [name, content, null when it must extract, else the refusal]. */
const FILES: Array<[string, () => string | Buffer, RegExp | null]> = [
  [
    'one-line-10mb.txt',
    () => fill(10 * 1024 * 1024, (k) => `${PROSE[k % PROSE.length]!.replace(/[.!?]$/, '')}; `),
    null,
  ],
  [
    'odd.txt',
    () =>
      `\ufeff= North Koreans in Russia\r== History ==\r\n=== Students\n${between(PROSE[0]!, '\u200b\u200f')}\r` +
      article.replace(/\n/g, '\r'),
    null,
  ],
  [
    'odd.md',
    () =>
      `---\ntitle: never closed\n# Koreans\n\n${'>'.repeat(100_000)} Some 300 workers.\n\n` +
      '**About 10,000 [workers](http://x `in 2006\n```\ncode',
    null,
  ],
  [
    'odd.html',
    () =>
      `${nested(1_500_000, '<div>', 'Some 300 workers arrived in 2006.', '</div>')}<p>About 10,000 <b>workers <a href="x`,
    null,
  ],
  ['bad-front.md', () => '---\ntitle: [unclosed\n---\nSome 300 workers.', /invalid front matter/],
  ['utf16.txt', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Some 300 workers', 'utf16le')]), /UTF-16/],
  ['nul-inside.txt', () => Buffer.concat([sentence, Buffer.alloc(1), sentence]), /binary/],
  ['over-20mib.txt', () => Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x61), /over the 20 MiB limit/],
];

interface Ran {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  hung: boolean;
}

/** `atlas ARGS`, killed (and reported as hung) after `ms`. */
function atlas(args: string[], ms: number): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'atlas.js'), ...args], {
      cwd: root,
      env: { ...process.env, ATLAS_DEBUG: '' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, ms);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({
        status,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        hung,
      });
    });
  });
}

// Concurrent: each case is mostly a node process starting up.
describe.concurrent('hostile files through `atlas extract FILE --json`', () => {
  for (const [name, content, refusal] of FILES) {
    it(`${name}: ${refusal ? 'one line on stderr, exit 1' : 'one JSON object, spans slicing the file'}`, async () => {
      const path = join(dir, name);
      writeFileSync(path, content());
      tried.inputsTried++;
      const r = await atlas(['extract', path, '--json'], 60_000);
      const clean = !r.hung && r.signal === null && (r.status === 0 || r.status === 1);
      if (!clean || /\n\s+at |internal error/.test(r.stderr)) tried.crashes++;
      expect(r.hung, 'no answer within 60 s').toBe(false);
      expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
      if (refusal) {
        expect(r.status).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(r.stderr).toMatch(/^atlas: /);
        expect(r.stderr).toMatch(refusal);
        return;
      }
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const text = readFileSync(path, 'utf8');
      expect(spanProblem(text, JSON.parse(r.stdout))).toBeNull();
    }, 90_000);
  }
});
