import type { Nodes, Paragraph, PhrasingContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Span } from '../extract/types.js';
import { align } from './align.js';
import { TextBuilder } from './offset-map.js';
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
  const tree = fromMarkdown(source.slice(bodyStart));
  const out = new BlockWriter(source, bodyStart);
  const headings: Heading[] = [];
  let title: string | null = null;
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
  return { ...out.builder.build(), blocks: out.blocks, headings, title };
}

class BlockWriter {
  readonly builder: TextBuilder;
  readonly blocks: Span[] = [];
  /** the pieces of the block being written, to give a heading its title */
  private parts: string[] = [];

  constructor(
    readonly source: string,
    readonly base: number,
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
