import type { DefaultTreeAdapterTypes } from 'parse5';
import type { Span } from '../extract/types.js';
import { align } from './align.js';
import { TextBuilder } from './offset-map.js';
import { htmlParser } from './parsers.js';
import type { ReaderOutput } from './reader.js';
import type { Heading } from './sections.js';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type TextNode = DefaultTreeAdapterTypes.TextNode;

/** Never visible, or not prose. `head` is skipped too; its <title> is read on its own. */
const HIDDEN = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'select',
  'textarea',
  'button',
  // Site navigation is visible but is never prose about anything.
  'nav',
]);

/** Elements that end the current block when they open and when they close. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'listing',
  'main',
  'menu',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

const HEADING_LEVEL: ReadonlyMap<string, number> = new Map([
  ['h1', 1],
  ['h2', 2],
  ['h3', 3],
  ['h4', 4],
  ['h5', 5],
  ['h6', 6],
]);

const isHtmlSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;

/**
 * HTML, parsed by parse5 as a browser would (unclosed and misnested tags included). The text is
 * the visible text: block elements (p, div, li, td, h1-h6, br, ...) separate blocks, joined by a
 * blank line; whitespace runs collapse to one space as rendered, except inside <pre>; character
 * references are decoded. Every character maps back to its source characters.
 * The title is the <title>, else the first <h1>.
 */
export function readHtml(source: string, bodyStart: number): ReaderOutput {
  const document = parseBounded(source.slice(bodyStart));
  const writer = new HtmlWriter(source, bodyStart);
  // Iterative walk, so deep nesting cannot overflow the call stack: a `{ close }` item marks the
  // end of an element whose children sit above it on the stack.
  const stack: (Node | { close: Element })[] = [document];
  while (stack.length > 0) {
    const item = stack.pop() as Node | { close: Element };
    if ('close' in item) {
      writer.leave(item.close);
      continue;
    }
    if (item.nodeName === '#text') {
      writer.text(item as TextNode);
      continue;
    }
    if (!('childNodes' in item)) continue; // comments, doctype
    if ('tagName' in item) {
      const element = item as Element;
      if (HIDDEN.has(element.tagName) || element.attrs.some(isHiddenAttribute)) continue;
      writer.enter(element);
      stack.push({ close: element });
    }
    const children = (item as ParentNode).childNodes;
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k] as Node);
  }
  writer.endBlock();
  const firstH1 = writer.headings.find((h) => h.level === 1);
  const title = titleOf(document) ?? (firstH1 ? firstH1.title : null);
  return { ...writer.builder.build(), blocks: writer.blocks, headings: writer.headings, title };
}

/**
 * parse5's parse, unless it re-opens more than one formatting element per 32 characters of HTML
 * (sloppy real pages re-open a few per paragraph), when the HTML is parsed again with its
 * formatting tags renamed. Why: the parser re-opens every
 * formatting element still open (b, i, a, font ..., up to 3 alike but any number with distinct
 * attributes) in each new paragraph, as the HTML standard says, so `<p><b class=1>x<p><b
 * class=2>x...` makes a tree quadratic in its length (measured: 37 KB took 28 s; 1 MB would not
 * finish). The rename (`<b class=1>` -> `<x class=1>`, same length, so every offset stands) makes
 * them ordinary inline elements, which are never re-opened; the visible text is the same, only
 * where misnested formatting would have carried into the next paragraph (and the odd `<b>`
 * written inside <title> or <plaintext>) differs. A re-opened element is made from its start
 * tag's token, so it comes with the same `attrs` array as the element it copies.
 */
function parseBounded(html: string): DefaultTreeAdapterTypes.Document {
  const { defaultTreeAdapter, parse } = htmlParser();
  const budget = 10_000 + html.length / 32;
  let copies = 0;
  const seen = new WeakSet<object>();
  const counting = {
    ...defaultTreeAdapter,
    createElement(...args: Parameters<typeof defaultTreeAdapter.createElement>) {
      const attrs = args[2];
      if (!seen.has(attrs)) seen.add(attrs);
      else if (++copies > budget) throw OVERGROWN;
      return defaultTreeAdapter.createElement(...args);
    },
  };
  try {
    return parse(html, { sourceCodeLocationInfo: true, treeAdapter: counting });
  } catch (error) {
    if (error !== OVERGROWN) throw error;
  }
  return parse(
    html.replace(FORMATTING_TAG, (_tag, slash: string, name: string) => `<${slash}${'x'.repeat(name.length)}`),
    { sourceCodeLocationInfo: true },
  );
}

const OVERGROWN = new Error('HTML tree over budget');
/** The formatting elements of the HTML standard, as the tokenizer reads a start or end tag of one. */
const FORMATTING_TAG = /<(\/?)(a|b|big|code|em|font|i|nobr|s|small|strike|strong|tt|u)(?=[\t\n\f\r />])/gi;

function isHiddenAttribute(attr: { name: string; value: string }): boolean {
  if (attr.name === 'hidden') return true;
  if (attr.name === 'aria-hidden') return attr.value === 'true';
  return attr.name === 'style' && /display\s*:\s*none/i.test(attr.value.slice(0, 200));
}

/** The <title> text, whitespace collapsed; null when absent or empty. */
function titleOf(document: DefaultTreeAdapterTypes.Document): string | null {
  const stack: Node[] = [...document.childNodes];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (!('tagName' in node)) continue;
    const element = node as Element;
    if (element.tagName === 'title') {
      const text = element.childNodes
        .map((c) => (c.nodeName === '#text' ? (c as TextNode).value : ''))
        .join('')
        .replace(/[ \t\n\r\f]+/g, ' ')
        .trim();
      return text === '' ? null : text;
    }
    if (element.tagName === 'html' || element.tagName === 'head') stack.push(...element.childNodes);
  }
  return null;
}

class HtmlWriter {
  readonly builder: TextBuilder;
  readonly blocks: Span[] = [];
  readonly headings: Heading[] = [];
  private blockStart = -1;
  /** collapsed whitespace waiting to be written as one space before the next visible character */
  private pendingSpace: Span | null = null;
  private preDepth = 0;
  private headingLevel = 0;
  private headingElement: Element | null = null;
  private parts: string[] = [];

  constructor(
    private readonly source: string,
    private readonly base: number,
  ) {
    this.builder = new TextBuilder(base);
  }

  enter(element: Element): void {
    const tag = element.tagName;
    if (BLOCK.has(tag)) this.endBlock();
    if (tag === 'pre' || tag === 'listing') this.preDepth++;
    const level = HEADING_LEVEL.get(tag);
    if (level !== undefined && this.headingElement === null) {
      this.headingLevel = level;
      this.headingElement = element;
    }
  }

  leave(element: Element): void {
    const tag = element.tagName;
    if (BLOCK.has(tag)) this.endBlock();
    if (tag === 'pre' || tag === 'listing') this.preDepth--;
    if (element === this.headingElement) {
      this.headingElement = null;
      this.headingLevel = 0;
    }
  }

  text(node: TextNode): void {
    const value = node.value;
    const location = node.sourceCodeLocation;
    if (location === null || location === undefined) {
      this.write(value, 0, value.length, this.builder.sourceCursor, this.builder.sourceCursor, false);
      return;
    }
    const from = this.base + location.startOffset;
    align(this.source.slice(from, this.base + location.endOffset), from, value, (ds, de, ss, se, verbatim) =>
      this.write(value, ds, de, ss, se, verbatim),
    );
  }

  /** Writes decoded[ds, de), which came from source[ss, se), collapsing whitespace outside <pre>. */
  private write(decoded: string, ds: number, de: number, ss: number, se: number, verbatim: boolean): void {
    if (this.preDepth > 0) {
      this.startBlock();
      this.put(decoded.slice(ds, de), ss, se, verbatim);
      return;
    }
    let k = ds;
    while (k < de) {
      let e = k;
      if (isHtmlSpace(decoded.charCodeAt(k))) {
        while (e < de && isHtmlSpace(decoded.charCodeAt(e))) e++;
        const s0 = verbatim ? ss + (k - ds) : ss;
        const s1 = verbatim ? ss + (e - ds) : se;
        if (this.pendingSpace === null) this.pendingSpace = { start: s0, end: s1 };
        else this.pendingSpace.end = s1;
      } else {
        while (e < de && !isHtmlSpace(decoded.charCodeAt(e))) e++;
        if (this.blockStart < 0) {
          this.pendingSpace = null;
          this.startBlock();
        } else if (this.pendingSpace !== null) {
          const { start, end } = this.pendingSpace;
          // A lone ' ' is kept verbatim so the pieces around it merge into one.
          const lone = end === start + 1 && this.source.charCodeAt(start) === 32;
          this.put(' ', start, end, lone);
          this.pendingSpace = null;
        }
        if (verbatim) this.put(decoded.slice(k, e), ss + (k - ds), ss + (e - ds), true);
        else this.put(decoded.slice(k, e), ss, se, false);
      }
      k = e;
    }
  }

  private put(value: string, ss: number, se: number, verbatim: boolean): void {
    if (verbatim) this.builder.verbatim(value, ss);
    else this.builder.mapped(value, ss, se);
    if (this.headingLevel > 0) this.parts.push(value);
  }

  private startBlock(): void {
    if (this.blockStart >= 0) return;
    if (this.builder.length > 0) this.builder.separator('\n\n');
    this.blockStart = this.builder.length;
    this.parts = [];
  }

  endBlock(): void {
    this.pendingSpace = null;
    if (this.blockStart < 0) return;
    const span = { start: this.blockStart, end: this.builder.length };
    this.blockStart = -1;
    if (span.end <= span.start) return;
    if (this.headingLevel > 0) {
      this.headings.push({ level: this.headingLevel, title: this.parts.join(''), heading: span, start: span.start });
    } else {
      this.blocks.push(span);
    }
  }
}
