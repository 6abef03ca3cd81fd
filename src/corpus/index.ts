import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';
import type { Sentence } from '../extract/types.js';
import { readFrontMatter } from './front-matter.js';
import { readHtml } from './html.js';
import { readMarkdown } from './markdown.js';
import { readPlainText } from './plain-text.js';
import type { ReaderOutput } from './reader.js';
import { buildSections, SentenceTable } from './sections.js';
import { splitSentences } from './sentences.js';
import type { DocumentFormat, ReadDocument } from './types.js';

export { normaliseDate } from './front-matter.js';
export { MAX_SENTENCE_CHARS, splitSentences } from './sentences.js';
export type { DocumentFormat, DocumentMeta, ReadDocument, Section } from './types.js';

const MIB = 1024 * 1024;
/** The largest document we read: 20 MiB, about 3 million words. */
export const MAX_DOCUMENT_BYTES = 20 * MIB;

export const DOCUMENT_FORMATS: readonly DocumentFormat[] = ['mediawiki', 'markdown', 'html', 'text'];

export interface ReadOptions {
  /** the format; detected from `path` and the text when absent */
  format?: DocumentFormat;
  /** the file the text came from, for format detection and error messages */
  path?: string;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Decodes a file's bytes as UTF-8, exactly as `readFileSync(path, 'utf8')` would (a BOM is kept
 * as U+FEFF, so offsets agree with anyone who reads the file that way), refusing what is not a
 * text document. Throws InputError naming `path` for an empty, oversized, binary or non-UTF-8 file.
 * Example: decodeFile(readFileSync('a.txt'), 'a.txt') -> "= North Koreans in Russia =\n...".
 */
export function decodeFile(bytes: Uint8Array, path: string): string {
  if (bytes.length > MAX_DOCUMENT_BYTES) throw tooLarge(path, bytes.length);
  if (bytes.length === 0) {
    throw new InputError(`invalid document ${path}: the file is empty (expected UTF-8 text, Markdown or HTML)`);
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(
      `invalid document ${path}: the file is UTF-16 (expected UTF-8; convert it, e.g. iconv -f UTF-16 -t UTF-8)`,
    );
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new InputError(
      `invalid document ${path}: binary file (NUL byte at offset ${nul}; expected UTF-8 text, Markdown or HTML)`,
    );
  }
  try {
    return UTF8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new InputError(
      `invalid document ${path}: not valid UTF-8 (byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at offset ${at}; ` +
        'expected UTF-8, e.g. convert with iconv -f WINDOWS-1252 -t UTF-8)',
    );
  }
}

/** InputError when a file of `bytes` bytes is over the limit: callers check before reading it. */
export function checkDocumentSize(bytes: number, path: string): void {
  if (bytes > MAX_DOCUMENT_BYTES) throw tooLarge(path, bytes);
}

function tooLarge(path: string, bytes: number): InputError {
  return new InputError(
    `invalid document ${path}: ${(bytes / MIB).toFixed(1)} MiB is over the ${MAX_DOCUMENT_BYTES / MIB} MiB limit ` +
      '(MAX_DOCUMENT_BYTES; split the document)',
  );
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

const EXTENSIONS: ReadonlyMap<string, DocumentFormat> = new Map([
  ['md', 'markdown'],
  ['markdown', 'markdown'],
  ['mdown', 'markdown'],
  ['mkd', 'markdown'],
  ['html', 'html'],
  ['htm', 'html'],
  ['xhtml', 'html'],
  ['wiki', 'mediawiki'],
  ['mediawiki', 'mediawiki'],
]);

/**
 * The document's format, from its extension (.md/.markdown -> markdown, .html/.htm -> html,
 * .txt -> mediawiki when it has `= T =`/`== S ==` heading lines, else text); an unknown
 * extension is sniffed from the text. Example: detectFormat('a.txt', '== History ==\n...') -> 'mediawiki'.
 */
export function detectFormat(path: string, source: string): DocumentFormat {
  const name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const known = EXTENSIONS.get(ext);
  if (known !== undefined) return known;
  if (ext === 'txt' || ext === 'text') return hasWikiHeadings(source) ? 'mediawiki' : 'text';
  return sniff(source);
}

/** A line `= T =`, `==S==`, `=== Sub ===`: as many `=` each side around some text. */
function hasWikiHeadings(source: string): boolean {
  let start = 0;
  while (start < source.length) {
    let end = source.indexOf('\n', start);
    if (end < 0) end = source.length;
    if (source.charCodeAt(start) === 61 /* = */) {
      const line = source.slice(start, end).trimEnd();
      let open = 0;
      while (line.charCodeAt(open) === 61) open++;
      let close = 0;
      while (close < line.length - open && line.charCodeAt(line.length - 1 - close) === 61) close++;
      if (open === close && line.slice(open, line.length - close).trim() !== '') return true;
    }
    start = end + 1;
  }
  return false;
}

const HTML_START = /^\s*<(?:!doctype\s+html|html|head|body|meta|title|!--)/i;
const HTML_TAGS = /<\/?(?:p|div|h[1-6]|article|section|br|table|ul|ol|li|span|a|em|strong|b|i)[\s>/]/gi;
const MARKDOWN_SIGNS = /^(?:#{1,6}[ \t]+\S|```|~~~|>[ \t]|\s{0,3}(?:[-*+]|\d{1,3}\.)[ \t]+\S)|\]\([^)\s]+\)|\*\*\S/gm;

/** Guesses the format of a text without a telling extension from its first 4,000 characters. */
function sniff(source: string): DocumentFormat {
  const head = source.slice(0, 4000).replace(/^\uFEFF/, '');
  if (HTML_START.test(head) || (head.match(HTML_TAGS)?.length ?? 0) >= 2) return 'html';
  if (hasWikiHeadings(head)) return 'mediawiki';
  return (head.match(MARKDOWN_SIGNS)?.length ?? 0) >= 2 ? 'markdown' : 'text';
}

/**
 * Reads a decoded document: front matter, then the format's reader (text and sections), then
 * sentences. Throws InputError only for malformed front matter or an unknown format; any text
 * is otherwise read (odd input yields fewer or shorter sentences, never an exception).
 * Example: readDocument('= T =\n\nOne. Two.', { format: 'mediawiki' }).sentences -> [One.], [Two.].
 */
export function readDocument(source: string, opts: ReadOptions = {}): ReadDocument {
  const path = opts.path ?? '<input>';
  const format = opts.format ?? detectFormat(opts.path ?? '', source);
  if (!DOCUMENT_FORMATS.includes(format)) {
    throw new InputError(`invalid format: ${String(format)} (expected ${DOCUMENT_FORMATS.join(', ')})`);
  }
  const front = readFrontMatter(source, path);
  const out = readBody(source, front.bodyStart, format);
  const sections = buildSections(out.headings, out.text.length);
  const sentenceTable = new SentenceTable(splitSentences(out.text, out.blocks), sections);
  let sentences: Sentence[] | null = null;
  return {
    format,
    source,
    text: out.text,
    meta: { ...front.meta, title: front.meta.title ?? out.title },
    sections,
    // an own enumerable property, so a spread or JSON.stringify of the document still holds them
    get sentences(): Sentence[] {
      sentences ??= sentenceTable.records();
      return sentences;
    },
    sentenceTable,
    toSource: out.toSource,
    spanToSource: out.spanToSource,
  };
}

function readBody(source: string, bodyStart: number, format: DocumentFormat): ReaderOutput {
  switch (format) {
    case 'markdown':
      return readMarkdown(source, bodyStart);
    case 'html':
      return readHtml(source, bodyStart);
    case 'mediawiki':
      return readPlainText(source, bodyStart, true);
    default:
      return readPlainText(source, bodyStart, false);
  }
}

/**
 * Reads a document file: checks its size before reading, decodes it (decodeFile) and reads it
 * (readDocument). Throws InputError naming the path for a missing or unreadable file.
 * Example: loadDocument('../shared/corpus/seed/north-koreans-in-russia.txt').format -> 'mediawiki'.
 */
export function loadDocument(path: string, opts: { format?: DocumentFormat } = {}): ReadDocument {
  let bytes: Uint8Array;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new InputError(`invalid document ${path}: is a directory (expected a file)`);
    if (stat.size > MAX_DOCUMENT_BYTES) throw tooLarge(path, stat.size);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(error);
    throw new InputError(`cannot read ${path}: ${reason}`);
  }
  return readDocument(decodeFile(bytes, path), { ...opts, path });
}
