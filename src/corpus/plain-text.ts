import type { Span } from '../extract/types.js';
import { identityText } from './offset-map.js';
import type { ReaderOutput } from './reader.js';
import type { Heading } from './sections.js';
import { isSpaceCode } from './sentences.js';

/**
 * Plain text and MediaWiki-style text (`= Title =`, `==Section==`, `* bullets`). The text is the
 * source itself; the reader only says where the prose blocks and headings are.
 *
 * MediaWiki dumps put one paragraph on a line, so every line is a block (a line end ends a
 * sentence). Plain text is either the same (one paragraph a line) or hard-wrapped at a fixed
 * width, in which case the lines of a paragraph are joined into one block; see isHardWrapped.
 */

type LineKind = 'blank' | 'heading' | 'bullet' | 'cells' | 'skip' | 'plain';

/**
 * A line, trimmed and classified. Made by `new` of a class, not an object literal: plain text
 * keeps every line while it is read, and V8 makes a literal whose objects survive a scavenge
 * allocate in the old generation ("pretenuring"; see TimeRecord in extract/times/resolve.ts).
 * Every line was then written to fresh old-generation pages, each a page fault (~12 µs on this
 * machine): ~380 of the ~2,200 faults of an extract() of the bundled article repeated to 5 MB.
 */
class Line {
  kind: LineKind = 'plain';
  /** bullet: where the item's text starts; heading: the title span */
  contentStart: number;
  level = 0;
  titleStart: number;
  titleEnd: number;

  constructor(
    /** first character of the line */
    readonly start: number,
    /** trimmed content [ts, te) */
    readonly ts: number,
    readonly te: number,
  ) {
    this.contentStart = ts;
    this.titleStart = ts;
    this.titleEnd = te;
  }
}

/** A prose block, by `new` for the same reason as Line: a document's blocks live until it is read. */
class Block implements Span {
  constructor(
    public start: number,
    public end: number,
  ) {}
}

export function readPlainText(source: string, bodyStart: number, mediawiki: boolean): ReaderOutput {
  const blocks: Span[] = [];
  const headings: Heading[] = [];
  // MediaWiki lines are read one at a time, each let go once read; plain text needs them all at
  // once (isHardWrapped, markHeadings). A list of every line of a large wiki dump, kept while it
  // was read, was copied by the collector: 4 MB of headings took ~7x as long as 1 MB.
  if (mediawiki) eachLine(source, bodyStart, true, (line) => readWikiLine(source, line, blocks, headings));
  else readTextLines(source, splitLines(source, bodyStart, false), blocks, headings);
  const top = headings.find((h) => h.level === 1);
  return { ...identityText(source), blocks, headings, title: top ? top.title : null };
}

function splitLines(source: string, from: number, mediawiki: boolean): Line[] {
  const lines: Line[] = [];
  eachLine(source, from, mediawiki, (line) => lines.push(line));
  return lines;
}

/** Calls `visit` with each line from `from` on, trimmed and classified, in order. */
function eachLine(source: string, from: number, mediawiki: boolean, visit: (line: Line) => void): void {
  let start = from;
  while (start < source.length) {
    const nl = source.indexOf('\n', start);
    const end = nl < 0 ? source.length : nl;
    let ts = start;
    let te = end;
    while (ts < te && isSpaceCode(source.charCodeAt(ts))) ts++;
    while (te > ts && isSpaceCode(source.charCodeAt(te - 1))) te--;
    const line = new Line(start, ts, te);
    classify(source, line, mediawiki);
    visit(line);
    if (nl < 0) break;
    start = nl + 1;
  }
}

const WIKI_SKIP = /^(?:\{\||\|\}|\|-|\|\+|__[A-Z]+__$|\[\[(?:Category|File|Image):)/;
const TEXT_BULLET = /^(?:[-*•+–·]|\d{1,2}[.)])(?=\s)/;
const WIKI_DASH_BULLET = /^[-•–](?=\s)/;

function classify(source: string, line: Line, mediawiki: boolean): void {
  const { ts, te } = line;
  if (ts === te) {
    line.kind = 'blank';
    return;
  }
  const first = source.charCodeAt(ts);
  if (mediawiki) {
    if (first === 61 /* = */ && source.charCodeAt(te - 1) === 61 && wikiHeading(source, line)) return;
    // Only the first few characters decide; never run a pattern over a whole long line.
    const head = source.slice(ts, Math.min(te, ts + 16));
    if (WIKI_SKIP.test(head) || (head.startsWith('{{') && source.startsWith('}}', te - 2))) {
      line.kind = 'skip';
      return;
    }
    if (first === 124 /* | */ || first === 33 /* ! */) {
      line.kind = 'cells';
      line.contentStart = ts + 1;
      return;
    }
    if (first === 42 || first === 35 || first === 58 || first === 59 /* * # : ; */) {
      let k = ts;
      while (k < te && '*#:;'.includes(source[k] ?? '')) k++;
      while (k < te && isSpaceCode(source.charCodeAt(k))) k++;
      line.kind = 'bullet';
      line.contentStart = k;
      return;
    }
    const dash = WIKI_DASH_BULLET.exec(head);
    if (dash) bullet(source, line, ts + dash[0].length);
    return;
  }
  const marker = TEXT_BULLET.exec(source.slice(ts, Math.min(te, ts + 4)));
  if (marker) bullet(source, line, ts + marker[0].length);
}

function bullet(source: string, line: Line, after: number): void {
  let k = after;
  while (k < line.te && isSpaceCode(source.charCodeAt(k))) k++;
  line.kind = 'bullet';
  line.contentStart = k;
}

/** `== Title ==` with as many `=` on each side (the smaller count wins, as MediaWiki does). */
function wikiHeading(source: string, line: Line): boolean {
  const { ts, te } = line;
  let open = 0;
  while (ts + open < te && source.charCodeAt(ts + open) === 61) open++;
  let close = 0;
  while (te - close > ts + open && source.charCodeAt(te - 1 - close) === 61) close++;
  const level = Math.min(open, close, 6);
  if (level === 0) return false;
  let s = ts + level;
  let e = te - level;
  while (s < e && isSpaceCode(source.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(source.charCodeAt(e - 1))) e--;
  if (s >= e) return false;
  line.kind = 'heading';
  line.level = level;
  line.titleStart = s;
  line.titleEnd = e;
  return true;
}

function headingOf(source: string, line: Line): Heading {
  return {
    level: line.level,
    title: source.slice(line.titleStart, line.titleEnd),
    heading: { start: line.titleStart, end: line.titleEnd },
    start: line.ts,
  };
}

function readWikiLine(source: string, line: Line, blocks: Span[], headings: Heading[]): void {
  switch (line.kind) {
    case 'heading':
      headings.push(headingOf(source, line));
      break;
    case 'plain':
    case 'bullet':
      if (line.contentStart < line.te) blocks.push(new Block(line.contentStart, line.te));
      break;
    case 'cells':
      pushCells(source, line, blocks);
      break;
    default:
      break;
  }
}

/** A wiki table row `| a || b` or `! h !! h`: each cell is a block; `style="..." | text` keeps the text. */
function pushCells(source: string, line: Line, blocks: Span[]): void {
  const separator = source.charCodeAt(line.ts) === 33 ? '!!' : '||';
  let s = line.contentStart;
  while (s < line.te) {
    let e = source.indexOf(separator, s);
    if (e < 0 || e > line.te) e = line.te;
    let cs = s;
    // attributes before a single `|`
    const bar = source.indexOf('|', cs);
    if (bar >= 0 && bar < e && source.charCodeAt(bar + 1) !== 124 && source.slice(cs, bar).includes('=')) cs = bar + 1;
    let ce = e;
    while (cs < ce && isSpaceCode(source.charCodeAt(cs))) cs++;
    while (ce > cs && isSpaceCode(source.charCodeAt(ce - 1))) ce--;
    if (cs < ce) blocks.push(new Block(cs, ce));
    s = e + 2;
  }
}

function readTextLines(source: string, lines: Line[], blocks: Span[], headings: Heading[]): void {
  const wrapped = isHardWrapped(lines);
  markHeadings(source, lines);
  let open: Block | null = null;
  let openKind: LineKind = 'blank';
  for (const line of lines) {
    const indented = line.ts > line.start;
    if (line.kind === 'blank') {
      close(open, blocks);
      open = null;
    } else if (line.kind === 'heading') {
      close(open, blocks);
      open = null;
      headings.push(headingOf(source, line));
    } else if (line.kind === 'bullet') {
      close(open, blocks);
      open = new Block(line.contentStart, line.te);
      openKind = 'bullet';
    } else if (open !== null && ((openKind === 'bullet' && indented) || (openKind === 'plain' && wrapped))) {
      // a bullet's indented continuation, or the next line of a hard-wrapped paragraph
      open.end = line.te;
    } else {
      close(open, blocks);
      open = new Block(line.ts, line.te);
      openKind = 'plain';
    }
  }
  close(open, blocks);
}

/**
 * Keeps the open block unless it is empty. A function apart, not a closure made per document:
 * optimised code for one closure was thrown away at the next.
 */
function close(open: Block | null, blocks: Span[]): void {
  if (open !== null && open.start < open.end) blocks.push(open);
}

/**
 * Hard-wrapped text (an e-mail, a Gutenberg file) breaks paragraphs at a fixed width, so a
 * line end inside a paragraph is a space. Text with one paragraph a line has no such lines.
 * We call a document wrapped when no line is long and most lines that run on into another
 * line are near a typical wrap width.
 */
function isHardWrapped(lines: readonly Line[]): boolean {
  let runOn = 0;
  let wide = 0;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k] as Line;
    if (line.kind !== 'plain') continue;
    const length = line.te - line.start;
    if (length > 120) return false;
    if (lines[k + 1]?.kind === 'plain') {
      runOn++;
      if (length >= 40) wide++;
    }
  }
  return runOn > 0 && wide >= 0.75 * runOn;
}

const HEADING_FIRST = /[\p{Lu}\p{N}]/u;
const HEADING_LAST = /[\p{L}\p{N})]/u;

/**
 * Plain text has headings without markup: a short line standing alone between blank lines,
 * starting with a capital or digit and not ending like a sentence ("History" in a Wikipedia
 * copy-paste). The document's first line, when it is one, is its title (level 1). A line is
 * only a heading when prose follows it, so a one-line document stays prose.
 */
function markHeadings(source: string, lines: Line[]): void {
  let lastProse = -1;
  for (let k = lines.length - 1; k >= 0; k--) {
    const kind = lines[k]?.kind;
    if (kind === 'plain' || kind === 'bullet') {
      lastProse = k;
      break;
    }
  }
  let firstContent = true;
  for (let k = 0; k < lastProse; k++) {
    const line = lines[k] as Line;
    if (line.kind === 'blank') continue;
    const isFirst = firstContent;
    firstContent = false;
    if (line.kind !== 'plain') continue;
    const before = k === 0 || lines[k - 1]?.kind === 'blank';
    const after = lines[k + 1]?.kind === 'blank';
    if (!before || !after || !looksLikeHeading(source.slice(line.ts, line.te))) continue;
    line.kind = 'heading';
    line.level = isFirst ? 1 : 2;
    line.titleStart = line.ts;
    line.titleEnd = line.te;
  }
}

function looksLikeHeading(t: string): boolean {
  if (t.length > 80 || !HEADING_FIRST.test(t[0] ?? '') || !HEADING_LAST.test(t[t.length - 1] ?? '')) return false;
  let words = 1;
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (c === 32) words++;
    // sentence punctuation inside: "Many left. Some stayed"
    if ((c === 46 || c === 33 || c === 63) && t.charCodeAt(k + 1) === 32) return false;
  }
  return words <= 10;
}
