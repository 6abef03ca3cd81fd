import type { Nodes, Paragraph, PhrasingContent } from 'mdast';
import type { Span } from '../extract/types.js';
import { align } from './align.js';
import { TextBuilder } from './offset-map.js';
import { markdownParser } from './parsers.js';
import type { ReaderOutput } from './reader.js';
import type { Heading } from './sections.js';
import { isSpaceCode } from './sentences.js';

/**
 * Markdown (CommonMark, as mdast-util-from-markdown parses it). The text is what a reader sees:
 * paragraphs, list items and headings, without emphasis marks, link URLs, images, code blocks or
 * HTML; blocks are joined by a blank line. Inline code stays (it is visible).
 *
 * GFM tables are not CommonMark, so the parser leaves them as paragraphs of `|` lines; we split
 * such a paragraph into its cells ourselves (each cell a block, taken verbatim from the source).
 */
export function readMarkdown(source: string, bodyStart: number): ReaderOutput {
  const out = new BlockWriter(source, bodyStart);
  const headings: Heading[] = [];
  let title: string | null = null;
  const pieces = parsePieces(source, bodyStart);
  for (let u = 0; u < pieces.length; u++) {
    const { at, reopen, plain } = pieces[u]!;
    const end = pieces[u + 1]?.at ?? source.length;
    if (plain) {
      out.plainLines(at, end);
      continue;
    }
    // a piece cut inside fenced code opens with its fence again, which maps to before the cut;
    // the parser drops a byte order mark at the start of what it reads (a second one, after the
    // file's own, is where a piece starts) and counts its offsets from after it
    const piece = reopen + source.slice(at, end);
    out.base = at - reopen.length + (piece.charCodeAt(0) === 0xfeff ? 1 : 0);
    readUnit(markdownParser().fromMarkdown(piece));
  }
  return { ...out.builder.build(), blocks: out.blocks, headings, title };

  function readUnit(tree: Nodes): void {
    const stack: Nodes[] = [tree];
    while (stack.length > 0) {
      const node = stack.pop() as Nodes;
      switch (node.type) {
        case 'root':
        case 'blockquote':
        case 'list':
        case 'listItem':
          for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k] as Nodes);
          break;
        case 'paragraph':
          if (!writeTable(out, node)) out.block(node.children, true);
          break;
        case 'heading': {
          const block = out.block(node.children, false);
          if (block !== null) {
            headings.push({ level: node.depth, title: block.text, heading: block.span, start: block.span.start });
            if (title === null && node.depth === 1) title = block.text;
          }
          break;
        }
        default:
          // code, html, thematicBreak, definition: not prose
          break;
      }
    }
  }
}

/*
 * micromark (CommonMark to the letter) is superlinear on some input, all of it far from prose:
 * - a paragraph with many inline marks (`*`, `_`, `[`, `&`...) is quadratic in their number:
 *   merging its data events splices an array once per run of them (resolveAllText), and each
 *   emphasis or link end looks back over all of it (measured: 1 MB as one paragraph 9.3 s, 4 MB
 *   over two minutes; "a* " x 4,000, 12 KB, 0.5 s);
 * - nesting is cubic in its depth: "- " x 4,000 on one line (8 KB, a list in a list in ...) took
 *   35 s, and 4,000 "- x" lines each indented one space more 384 s;
 * - each list item going on after a blank line copies every event of the document so far
 *   (document.js, EditMap.consume): "1. x\n\n   - y\n\n" x 16,000, 224 KB, took 190 s.
 * So the parser reads the document in pieces: a piece ends at a blank line once it is
 * SOFT_PIECE long (BUSY_PIECE when it has BUSY_CONTINUATIONS list items going on after a blank
 * line); a run of lines without a blank line is cut at a line start, else after a space, before
 * it holds RUN_MARKS marks, RUN_LINES lines or RUN_CHARS characters; and a run with a line nested
 * deeper than MAX_NESTING (or indented past MAX_INDENT columns) is read as plain text, one block
 * a line. A piece cut inside fenced code opens with the fence again. What is lost is markup that
 * spans a cut (a reference link whose definition is in another piece, a <script> or <pre> block
 * with blank lines in it, a list item's paragraph indented 4 or more after a blank line), and
 * the markup of a run read as plain text. Documents under SOFT_PIECE are read whole unless they
 * are hostile: the longest paragraph in the corpora is ~2,000 characters with a few marks, and
 * lists nest 3 or 4 deep.
 */
const SOFT_PIECE = 20_000;
const BUSY_PIECE = 1_000;
const BUSY_CONTINUATIONS = 16;
const RUN_MARKS = 200;
const RUN_LINES = 200;
const RUN_CHARS = 20_000;
const MAX_NESTING = 8;
const MAX_INDENT = 64;

/** Characters that may start or end inline markup. */
const isMark = (c: number): boolean =>
  c === 42 || c === 95 || c === 91 || c === 93 || c === 33 || c === 38 || c === 92 || c === 60 || c === 96 || c === 126;

/** Where a piece starts; the fence to open it with when cut inside fenced code; plain text or Markdown. */
interface Piece {
  at: number;
  reopen: string;
  plain: boolean;
}

/** The pieces of the document the Markdown parser reads, in order; see SOFT_PIECE. */
function parsePieces(source: string, from: number): Piece[] {
  const pieces: Piece[] = [{ at: from, reopen: '', plain: false }];
  let continuations = 0;
  const cut = (at: number, reopen: string, plain: boolean) => {
    const last = pieces[pieces.length - 1]!;
    if (at > last.at) pieces.push({ at, reopen: reopen === '' ? '' : `${reopen}\n`, plain });
    else last.plain = plain;
    continuations = 0;
  };
  let runStart = from;
  let runLines = 0;
  let marks = 0;
  let plain = false;
  let blankBefore = false;
  let fence = '';
  const lineEnd = new LineEnds(source);
  for (let lineStart = from; lineStart < source.length; ) {
    const nl = lineEnd.after(lineStart);
    const before = fence;
    if (!plain) {
      const marker = fenceMarker(source, lineStart, nl);
      if (fence === '') fence = marker;
      else if (marker.startsWith(fence) && source.slice(lineStart, nl).trim() === marker) fence = '';
    }
    const blank = isBlankLine(source, lineStart, nl);
    if (blank) {
      const pieceStart = pieces[pieces.length - 1]!.at;
      const long =
        lineStart - pieceStart >= SOFT_PIECE ||
        (lineStart - pieceStart >= BUSY_PIECE && continuations >= BUSY_CONTINUATIONS);
      if (plain || long) cut(lineStart, before, false);
      plain = false;
      runStart = nl + 1;
      runLines = 0;
      marks = 0;
    } else if (!plain && tooDeep(source, lineStart, nl)) {
      // the whole run as plain text; a fence opened in it stays text too
      plain = true;
      fence = before;
      cut(runStart, '', true);
    } else if (!plain) {
      if (blankBefore && (source.charCodeAt(lineStart) === 32 || source.charCodeAt(lineStart) === 9)) continuations++;
      if (++runLines > RUN_LINES && lineStart > runStart) {
        cut(lineStart, before, false);
        runStart = lineStart;
        runLines = 1;
        marks = 0;
      }
      for (let k = lineStart; k < nl; k++) {
        const mark = isMark(source.charCodeAt(k));
        if (mark) marks++;
        if (marks <= RUN_MARKS && k - runStart < RUN_CHARS) continue;
        // the run would hold too much: cut at this line's start, or inside it
        const at = lineStart > runStart ? lineStart : cutInLine(source, runStart, k);
        cut(at, at === lineStart ? before : fence, false);
        runStart = at;
        runLines = 1;
        marks = 0;
        for (let j = at; j <= k; j++) if (isMark(source.charCodeAt(j))) marks++;
      }
    }
    blankBefore = blank;
    lineStart = nl + (source.charCodeAt(nl) === 13 && source.charCodeAt(nl + 1) === 10 ? 2 : 1);
  }
  return pieces;
}

/**
 * Where lines end as CommonMark reads them (LF, CR or CRLF): a lone CR ends a line too, so
 * nesting cannot hide from tooDeep behind one. Each kind keeps its own cursor (one indexOf per
 * line end found, not per line asked about).
 */
class LineEnds {
  private lf = -1;
  private cr = -1;

  constructor(private readonly source: string) {}

  /** The offset of the first line end at or after `i`, or the source length. */
  after(i: number): number {
    const { source } = this;
    if (this.lf < i && this.lf !== source.length) this.lf = indexOrEnd(source, '\n', i);
    if (this.cr < i && this.cr !== source.length) this.cr = indexOrEnd(source, '\r', i);
    return Math.min(this.lf, this.cr);
  }
}

const indexOrEnd = (source: string, c: string, from: number): number => {
  const k = source.indexOf(c, from);
  return k < 0 ? source.length : k;
};

/**
 * Is the line nested deeper than MAX_NESTING block quotes and list items, or indented past
 * MAX_INDENT columns? Reads only the line's start.
 */
function tooDeep(source: string, start: number, end: number): boolean {
  let k = start;
  let column = 0;
  while (k < end && (source.charCodeAt(k) === 32 || source.charCodeAt(k) === 9)) {
    column += source.charCodeAt(k) === 9 ? 4 : 1;
    k++;
  }
  if (column > MAX_INDENT) return true;
  let depth = 0;
  while (k < end && depth <= MAX_NESTING) {
    const c = source.charCodeAt(k);
    let after = k + 1;
    if (c === 62 /* > */) {
      // a block quote marker
    } else if (c === 45 || c === 43 || c === 42 /* - + * */) {
      if (!isSpaceCode(source.charCodeAt(after))) break;
    } else if (c >= 48 && c <= 57) {
      while (after < end && after - k < 10 && source.charCodeAt(after) >= 48 && source.charCodeAt(after) <= 57) after++;
      const d = source.charCodeAt(after);
      if (!((d === 46 || d === 41) && isSpaceCode(source.charCodeAt(after + 1)))) break;
      after++;
    } else break;
    depth++;
    k = after;
    while (k < end && (source.charCodeAt(k) === 32 || source.charCodeAt(k) === 9)) k++;
  }
  return depth > MAX_NESTING;
}

/** The ``` or ~~~ run opening a line (after up to 3 spaces), or ''. */
function fenceMarker(source: string, start: number, end: number): string {
  let k = start;
  while (k < end && k - start < 3 && source.charCodeAt(k) === 32) k++;
  const c = source.charCodeAt(k);
  if (c !== 96 && c !== 126) return '';
  let e = k;
  while (e < end && source.charCodeAt(e) === c) e++;
  return e - k >= 3 ? source.slice(k, e) : '';
}

/** Blank as CommonMark reads it: spaces and tabs only (a line of NBSP goes on the paragraph). */
function isBlankLine(source: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = source.charCodeAt(k);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

/** A cut in the line from `start` to `limit`: after its last space (not in a run of them), else at `limit`. */
function cutInLine(source: string, start: number, limit: number): number {
  for (let k = limit; k > start + 1; k--) {
    if (source.charCodeAt(k - 1) === 32 && source.charCodeAt(k) !== 32) return k;
  }
  const c = source.charCodeAt(limit);
  return c >= 0xdc00 && c <= 0xdfff ? limit - 1 : limit;
}

class BlockWriter {
  readonly builder: TextBuilder;
  readonly blocks: Span[] = [];
  /** the pieces of the block being written, to give a heading its title */
  private parts: string[] = [];

  constructor(
    readonly source: string,
    /** where the piece being read starts in the source (see MAX_PARSE_RUN) */
    public base: number,
  ) {
    this.builder = new TextBuilder(base);
  }

  /** Starts a block: a blank line after the previous one. */
  private open(): number {
    if (this.builder.length > 0) this.builder.separator('\n\n');
    this.parts = [];
    return this.builder.length;
  }

  private verbatim(value: string, sourceStart: number): void {
    this.builder.verbatim(value, sourceStart);
    this.parts.push(value);
  }

  private mapped(value: string, sourceStart: number, sourceEnd: number): void {
    this.builder.mapped(value, sourceStart, sourceEnd);
    this.parts.push(value);
  }

  /** Writes one block of inline content, recorded as a prose block when `prose`. */
  block(children: readonly PhrasingContent[], prose: boolean): { span: Span; text: string } | null {
    const start = this.open();
    const stack: PhrasingContent[] = [];
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k] as PhrasingContent);
    while (stack.length > 0) {
      const node = stack.pop() as PhrasingContent;
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          this.text(node.value, node.position?.start.offset, node.position?.end.offset);
          break;
        case 'break': {
          const at = node.position?.start.offset;
          const to = node.position?.end.offset;
          if (at === undefined || to === undefined)
            this.mapped('\n', this.builder.sourceCursor, this.builder.sourceCursor);
          else this.mapped('\n', this.base + at, this.base + to);
          break;
        }
        case 'emphasis':
        case 'strong':
        case 'delete':
        case 'link':
        case 'linkReference':
          for (let k = node.children.length - 1; k >= 0; k--) stack.push(node.children[k] as PhrasingContent);
          break;
        default:
          // image, imageReference, html, footnoteReference: not prose
          break;
      }
    }
    const end = this.builder.length;
    if (end <= start) return null;
    const span = { start, end };
    if (prose) this.blocks.push(span);
    return { span, text: this.parts.join('') };
  }

  private text(value: string, start: number | undefined, end: number | undefined): void {
    if (start === undefined || end === undefined) {
      this.mapped(value, this.builder.sourceCursor, this.builder.sourceCursor);
      return;
    }
    const from = this.base + start;
    align(this.source.slice(from, this.base + end), from, value, (ds, de, ss, se, verbatim) => {
      if (verbatim) this.verbatim(value.slice(ds, de), ss);
      else this.mapped(value.slice(ds, de), ss, se);
    });
  }

  /** Each non-blank line of source[start, end), trimmed, as a prose block (see MAX_NESTING). */
  plainLines(start: number, end: number): void {
    for (let s = start; s < end; ) {
      let nl = this.source.indexOf('\n', s);
      if (nl < 0 || nl > end) nl = end;
      let a = s;
      let b = nl;
      while (a < b && isSpaceCode(this.source.charCodeAt(a))) a++;
      while (b > a && isSpaceCode(this.source.charCodeAt(b - 1))) b--;
      if (a < b) this.verbatimBlock(a, b);
      s = nl + 1;
    }
  }

  /** One prose block (a table cell) copied verbatim from source[start, end). */
  verbatimBlock(start: number, end: number): void {
    const at = this.open();
    this.verbatim(this.source.slice(start, end), start);
    this.blocks.push({ start: at, end: this.builder.length });
  }
}

const DELIMITER_ROW = /^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$/;

/** A paragraph whose every line starts with `|` is a GFM table: each non-empty cell becomes a block. */
function writeTable(out: BlockWriter, node: Paragraph): boolean {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) return false;
  const { source, base } = out;
  const from = base + start;
  const lines = source.slice(from, base + end).split('\n');
  if (lines.length < 2 || !lines.every((l) => l.trimStart().startsWith('|'))) return false;
  let lineStart = from;
  for (const line of lines) {
    const content = line.endsWith('\r') ? line.slice(0, -1) : line;
    if (!DELIMITER_ROW.test(content.trim())) {
      let cellStart = lineStart;
      for (let k = 0; k <= content.length; k++) {
        if (k < content.length && (content.charCodeAt(k) !== 124 || content.charCodeAt(k - 1) === 92)) continue;
        let s = cellStart;
        let e = lineStart + k;
        while (s < e && isSpaceCode(source.charCodeAt(s))) s++;
        while (e > s && isSpaceCode(source.charCodeAt(e - 1))) e--;
        if (s < e) out.verbatimBlock(s, e);
        cellStart = lineStart + k + 1;
      }
    }
    lineStart += line.length + 1;
  }
  return true;
}
