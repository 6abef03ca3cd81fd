// Hostile and odd input for the readers and the extractor, shared by input.test.ts (named cases),
// linear.test.ts (the same kinds at 1 MB and 4 MB) and fuzz.test.ts / fuzz-run.ts (generators).
// test/extract-properties.test.ts and src/corpus/property.test.ts already shuffle short prose
// and markup pieces; what is here is what they do not reach: sizes (runs of 100,000 digits, a
// 10 MB line, 100,000 nested elements), unterminated markup of every format, invisible and
// bidirectional characters, and raw bytes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { readDocument } from '../../src/corpus/index.js';
import type { DocumentFormat, ReadDocument } from '../../src/corpus/types.js';
import { InputError } from '../../src/errors.js';
import { type Extraction, extract } from '../../src/extract/index.js';
import { prepareDocument } from '../../src/ingest/prepare.js';

export const MB = 1024 * 1024;

/** Real prose: the sentences of the bundled article, so generated text reaches the rules. */
export const PROSE: readonly string[] = readFileSync(
  join(import.meta.dirname, '..', '..', 'corpus', 'north-koreans-in-russia.txt'),
  'utf8',
)
  .split(/(?<=[.!?])\s+|\n+/)
  .map((s) => s.trim())
  .filter((s) => s.length > 20 && !s.startsWith('='));

/** Short pieces that are odd on their own: invisible, bidirectional, control, unpaired, markup left open. */
export const HOSTILE_PIECES: readonly string[] = [
  // bidirectional marks and overrides, zero-width characters, soft hyphen, word joiner
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202b',
  '\u202e',
  '\u2066',
  '\u2069',
  '\u061c',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\u00ad',
  '\ufeff',
  // line ends of every kind
  '\r',
  '\r\n',
  '\n\r',
  '\u2028',
  '\u2029',
  '\u0085',
  '\u000b',
  '\u000c',
  // controls, NUL, unpaired surrogates, noncharacters, replacement
  '\u0000',
  '\u0001',
  '\u001b[31m',
  '\u007f',
  '\ud800',
  '\udfff',
  '\udc00\ud800',
  '\uffff',
  '\ufffe',
  '\ufffd',
  // scripts and numerals other than ASCII
  ' 북한 노동자 약 1만 명',
  ' Северные корейцы, около 10 000 человек',
  ' في روسيا ١٢٣٤٥ عامل',
  ' शहर ४५६',
  ' ｑｕａｎｔｉｔｙ １２，０００',
  ' e\u0301\u0301\u0301\u0301',
  ' 𝟏𝟐𝟑',
  ' Ⅻ ½ ²',
  ' 😀👨‍👩‍👧🇰🇵',
  // numbers where numbers should not be
  ' 1e308',
  ' 9'.repeat(40),
  ' 0x1F',
  ' -0',
  ' NaN',
  ' Infinity',
  ' 1,2,3,4,5,6,7,8,9',
  ' 1.2.3.4.5',
  ' 1-2-3-4-5',
  ' 10,000–20,000–30,000',
  ' between and',
  ' about about about',
  ' 1/0',
  ' 100%%%',
  ' $$$',
  // markup left open or nonsense
  '<',
  '<div',
  '<!--',
  '<![CDATA[',
  '<script>',
  '<table><tr><td>',
  '&#0;',
  '&#xD800;',
  '&#99999999;',
  '&amp',
  '**',
  '`',
  '```',
  '[',
  '](',
  '![',
  '> > > >',
  '<http://',
  '\n---\n',
  '\n===\n',
  '\n= ',
  '\n== x',
  ' ==',
  '=',
  '{{',
  '[[',
  '{|',
  '|-',
  '||',
  '\n* ',
  '\n# ',
  '\n1. ',
  ' [1]',
  ' [citation needed',
  '. ',
  '...',
  '?!',
  ' U.S.',
  ' No.',
  ' Dr.',
  '"',
  '“',
  '«',
  '(',
  ')',
];

/** Front matter that opens and is broken or never closed. */
export const FRONT_MATTER_PIECES: readonly string[] = [
  '---\n',
  '---\ntitle: x\n',
  '---\ntitle: [unclosed\n---\n',
  '---\ntitle: "unclosed\n---\n',
  '---\n: : :\n---\n',
  '---\ndate: not a date\n---\n',
  '---\ntitle: {a: 1}\n---\n',
  '---\n- a\n- b\n---\n',
  '---\na: &x [*x]\n---\n',
  '---\r\ntitle: crlf\r\n---\r\n',
  '\ufeff---\ntitle: bom\n---\n',
  '---\n\u0000\n---\n',
];

/** One-character-per-kind alphabet for arbitrary strings, weighted toward the odd. */
const oddChar = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...'aZ 0,.;:-–()[]<>&=*#|\n') },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_PIECES.filter((p) => p.length <= 2)) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
);

/** Arbitrary Unicode, lone surrogates included. */
export const unicodeText = fc.array(oddChar, { maxLength: 400 }).map((a) => a.join(''));

/** Real sentences broken up and interleaved with hostile pieces and arbitrary characters. */
export const hostileProse = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...PROSE) },
      {
        weight: 2,
        arbitrary: fc
          .tuple(fc.constantFrom(...PROSE), fc.nat(200), fc.nat(200))
          .map(([s, a, b]) => s.slice(Math.min(a, b), Math.max(a, b))),
      },
      { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_PIECES) },
      { weight: 1, arbitrary: unicodeText.map((s) => s.slice(0, 40)) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom(...HOSTILE_PIECES), fc.integer({ min: 2, max: 300 }))
          .map(([p, n]) => p.repeat(n)),
      },
    ),
    { maxLength: 60 },
  )
  .chain((parts) =>
    fc.oneof(
      { weight: 5, arbitrary: fc.constant(parts.join(' ')) },
      { weight: 1, arbitrary: fc.constantFrom(...FRONT_MATTER_PIECES).map((front) => front + parts.join(' ')) },
    ),
  );

/** Raw bytes, some starting like a known encoding or carrying UTF-8 that breaks off. */
export const randomBytes = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  fc.tuple(fc.constantFrom(...PROSE), fc.uint8Array({ maxLength: 8 }), fc.nat(300)).map(([s, junk, at]) => {
    const text = Buffer.from(s, 'utf8');
    const k = Math.min(at, text.length);
    return new Uint8Array(Buffer.concat([text.subarray(0, k), junk, text.subarray(k)]));
  }),
  fc
    .tuple(
      fc.constantFrom(
        [0xef, 0xbb, 0xbf],
        [0xff, 0xfe],
        [0xfe, 0xff],
        [0xc3],
        [0xe2, 0x82],
        [0xf0, 0x9f, 0x98],
        [0xed, 0xa0, 0x80],
        [0xc0, 0xaf],
        [0xf5],
      ),
      fc.uint8Array({ maxLength: 60 }),
    )
    .map(([head, tail]) => new Uint8Array([...head, ...tail])),
);

/**
 * What every extraction must keep: each claim's and event's span lies inside the file, slices
 * to its text, and sits inside its sentence. Returns the first broken promise, or null.
 */
export function spanProblem(source: string, r: Extraction): string | null {
  if (r.document.length !== source.length) return `document.length ${r.document.length} != ${source.length}`;
  for (const item of [...r.claims, ...r.events]) {
    const [a, b] = item.span;
    const [sa, sb] = item.sentence;
    if (!(Number.isInteger(a) && Number.isInteger(b) && 0 <= a && a < b && b <= source.length)) {
      return `span [${a}, ${b}] outside the file (${source.length})`;
    }
    if (source.slice(a, b) !== item.text)
      return `span [${a}, ${b}] slices to ${JSON.stringify(source.slice(a, b))}, not ${JSON.stringify(item.text)}`;
    if (!(0 <= sa && sa <= a && b <= sb && sb <= source.length))
      return `span [${a}, ${b}] outside its sentence [${sa}, ${sb}]`;
  }
  return null;
}

/** What a suite counts as it goes: handed to tally() at the end. */
export interface Tried {
  inputsTried: number;
  crashes: number;
}

export type Outcome<T> = { value: T; refused?: undefined } | { refused: InputError; value?: undefined };

/**
 * Runs one hostile input. An InputError with a one-line message is a clear refusal; any other
 * exception is a crash: counted, then thrown again under `label` so the failing input is named.
 */
export function attempt<T>(tried: Tried, label: string, run: () => T): Outcome<T> {
  tried.inputsTried++;
  try {
    return { value: run() };
  } catch (error) {
    if (error instanceof InputError && error.message !== '' && !error.message.includes('\n')) return { refused: error };
    tried.crashes++;
    const e = error as Error;
    throw new Error(`${label}: crashed with ${e?.name}: ${e?.message}\n${e?.stack ?? ''}`);
  }
}

/** The adversarial kinds timed at 1 MB and 4 MB; each builds about `chars` characters. */
export const ADVERSARIAL: Record<string, (chars: number) => string> = {
  /** runs of 5,000 digits, then a space */
  'digit runs': (n) => fill(n, (k) => `${String(k % 10).repeat(4999)}${k % 3} `),
  /** one line of prose, 10 MB long at most, without a sentence end or a line break */
  'one line, no sentence end': (n) =>
    fill(n, (k) => `North Korean workers numbered roughly ${k},000 in Primorsky Krai and some ${k % 97} students `),
  /** numbers and ranges glued by hyphens, dashes and "to" */
  'dense numbers and ranges': (n) =>
    fill(n, (k) => `${k}-${k + 1}-${k + 2}–${k + 3} ${k},000 to ${k + 5},500 ${k}.${k % 7}% 1${k}-1${k + 1} `),
  /** capitalised words, gazetteer names and their prefixes (the trie's worst case) */
  'capitalised words': (n) =>
    fill(
      n,
      (k) =>
        `North North Korea South Primorsky Primorsky Krai Kursk Oblast Far Eastern Federal Vladivostok Khabarovsk New York New Abc${k} Of The United States Of Soviet Union Russian Far East Sakhalin Island Kamchatka Krai `,
    ),
  /** brackets and quotes opened and never (or much later) closed */
  'nested brackets and quotes': (n) => fill(n, (k) => `(((“[«‘"'${k} about 10,000 workers `),
  /** a hedge repeated before and between numbers */
  'repeated hedges': (n) => fill(n, (k) => `about about approximately roughly nearly some up to about ${k} `),
  /** "between 1 and between 2 and ...": ranges that never close */
  'between ... and between': (n) => fill(n, (k) => `between ${k} and between ${k + 1} and `),
  /** a sentence end every few characters */
  'many short sentences': (n) => fill(n, (k) => `It rose ${k}. In ${1900 + (k % 120)} some 30 left. `),
  /** one word as long as the text (cut into sentences of 2,000 characters) */
  'one endless word': (n) => fill(n, (k) => (k % 1000 === 999 ? '-' : 'Koryo')),
  /** words longer than any lexicon entry */
  'extremely long words': (n) => fill(n, (k) => `${'Koryo'.repeat(200 + (k % 50))}saram ${'x'.repeat(3000)} `),
  /** lines of "=" signs, headings that never close (as MediaWiki) */
  'equals signs': (n) =>
    fill(n, (k) => `${'='.repeat(60 + (k % 40))} Title ${k} ${'='.repeat(k % 30)}\n== x\n= = = =\n`),
};

/** ~`chars` characters of `piece(0) + piece(1) + ...`. */
export function fill(chars: number, piece: (k: number) => string): string {
  const parts: string[] = [];
  let length = 0;
  for (let k = 0; length < chars; k++) {
    const p = piece(k);
    parts.push(p);
    length += p.length;
  }
  return parts.join('').slice(0, chars);
}

/** Adversarial documents for the readers, by format. */
export const ADVERSARIAL_MARKUP: Record<string, { format: 'html' | 'markdown'; build: (chars: number) => string }> = {
  'html: nested <div>': {
    format: 'html',
    build: (n) => nested(n, '<div>', 'Some 300 workers arrived in 2006. ', '</div>'),
  },
  'html: unclosed <b> and <p>': {
    format: 'html',
    build: (n) => fill(n, (k) => `<p><b>About ${k},000 North Korean <i>workers <a href="x${k}">in Vladivostok `),
  },
  'html: entities and comments': {
    format: 'html',
    build: (n) => fill(n, (k) => `&amp;&#${48 + (k % 10)};&nbsp;&bogus <!-- ${k} --> 1&#8211;2 `),
  },
  'markdown: nested block quotes and lists': {
    format: 'markdown',
    build: (n) => fill(n, (k) => `${'> '.repeat(k % 40)}- ${k}. Some 300 workers arrived in 2006.\n`),
  },
  'markdown: unclosed emphasis and links': {
    format: 'markdown',
    build: (n) => fill(n, (k) => `**about ${k} _workers [in Vladivostok](http://x `),
  },
  'html: formatting re-opened in every paragraph': {
    format: 'html',
    build: (n) => fill(n, (k) => `<p><b class=c${k}>Some ${k} workers `),
  },
  'markdown: list items going on after blank lines': {
    format: 'markdown',
    build: (n) => fill(n, (k) => `${k}. Some 300 workers\n\n   - in ${1900 + (k % 120)}\n\n`),
  },
  'markdown: lists nested 8 deep': {
    format: 'markdown',
    build: (n) => fill(n, (k) => `${'- '.repeat(k % 9)}Some ${k} workers\n`),
  },
  'markdown: closers without openers': { format: 'markdown', build: (n) => fill(n, (k) => `a* b_ c] d\` ${k} `) },
};

/** `open` nested as deep as fits in `chars`, with `body` at the bottom and everything closed. */
export function nested(chars: number, open: string, body: string, close: string): string {
  const depth = Math.max(1, Math.floor((chars - body.length) / (open.length + close.length)));
  return open.repeat(depth) + body + close.repeat(depth);
}

/**
 * What a read document promises: sentences in order, inside the text, each mapping back to a
 * span of the source. Returns the first broken promise, or null.
 */
export function readProblem(doc: ReadDocument): string | null {
  let previous = 0;
  for (const s of doc.sentences) {
    if (!(previous <= s.start && s.start < s.end && s.end <= doc.text.length)) {
      return `sentence [${s.start}, ${s.end}] out of order or outside the text (${doc.text.length})`;
    }
    const span = doc.spanToSource(s);
    if (!(0 <= span.start && span.start <= span.end && span.end <= doc.source.length)) {
      return `sentence [${s.start}, ${s.end}] maps outside the source: [${span.start}, ${span.end}]`;
    }
    previous = s.end;
  }
  return null;
}

export interface FuzzTarget {
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: targets take different arguments
  property: fc.IProperty<any>;
  /** inputs a few seconds should get through (big inputs are slow) */
  minInputs: number;
}

/** Lines of Markdown and HTML that change how what follows them is read. */
const BLOCK_PIECES = [
  '```',
  '~~~~',
  '    indented code',
  '> quote',
  '> > > > > > > > > deep',
  '- item',
  '  - nested',
  '1. one',
  '   continued',
  '',
  '',
  '# Heading',
  'Setext\n===',
  '<div>',
  '<script>',
  '</script>',
  '<!--',
  '-->',
  '| a | b |',
  '|---|---|',
  '[ref]: http://x',
  '<p><b class=x>',
  '---',
];

/**
 * Documents of 20 to 60 KB, big enough for the Markdown reader's pieces (SOFT_PIECE is 20,000)
 * and the HTML reader's fallback: lines of block markup and prose, repeated.
 */
export const longMarkup = fc
  .tuple(
    fc.array(
      fc.oneof(fc.constantFrom(...BLOCK_PIECES), fc.constantFrom(...PROSE), fc.constantFrom(...HOSTILE_PIECES)),
      {
        minLength: 1,
        maxLength: 30,
      },
    ),
    fc.integer({ min: 20_000, max: 60_000 }),
  )
  .map(([lines, size]) => fill(size, (k) => `${lines[k % lines.length]}\n`));

const FORMAT_CHOICE = fc.constantFrom<DocumentFormat | undefined>('text', 'mediawiki', 'markdown', 'html', undefined);

/**
 * The fuzz targets, shared by fuzz.test.ts (a few seconds each in `npm test`) and fuzz-run.ts
 * (as long as you like). Each checks one door: text through readDocument and extract, bytes
 * through prepareDocument. A broken promise or a crash throws (fast-check then shrinks it).
 */
export function fuzzTargets(tried: Tried): FuzzTarget[] {
  const text = (source: string, format: DocumentFormat | undefined) => {
    const out = attempt(tried, `format ${format ?? 'sniffed'}`, () => {
      const doc = readDocument(source, { format, path: 'fuzz' });
      const problem = readProblem(doc);
      if (problem) throw new Error(problem);
      return extract(doc);
    });
    if (out.refused) {
      if (!out.refused.message.startsWith('invalid front matter')) throw new Error(`refused: ${out.refused.message}`);
      return;
    }
    const problem = spanProblem(source, out.value);
    if (problem) throw new Error(problem);
  };
  const bytes = (data: Uint8Array) => {
    const out = attempt(tried, 'bytes', () => prepareDocument('fuzz.txt', Buffer.from(data)));
    if (out.refused) {
      if (!/^invalid (document|front matter)/.test(out.refused.message))
        throw new Error(`refused: ${out.refused.message}`);
      return;
    }
    const doc = out.value;
    for (const c of [...doc.claims, ...doc.events]) {
      if (doc.text.slice(c.span[0], c.span[1]) !== c.text)
        throw new Error(`span [${c.span}] does not slice to its text`);
    }
  };
  return [
    {
      name: 'real prose broken up with hostile pieces',
      property: fc.property(hostileProse, FORMAT_CHOICE, text),
      minInputs: 50,
    },
    { name: 'arbitrary Unicode', property: fc.property(unicodeText, FORMAT_CHOICE, text), minInputs: 50 },
    { name: 'random bytes', property: fc.property(randomBytes, bytes), minInputs: 50 },
    {
      name: 'long Markdown and HTML, read in pieces',
      property: fc.property(longMarkup, fc.constantFrom<DocumentFormat>('markdown', 'html'), text),
      minInputs: 3,
    },
  ];
}
