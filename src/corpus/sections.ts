import type { Sentence, Span } from '../extract/types.js';
import type { Section } from './types.js';

/** A heading as a reader found it: where its line/block starts in `text`, and its title span. */
export interface Heading {
  level: number;
  title: string;
  heading: Span;
  /** offset in `text` where the heading (with its markup, if any) starts; its section starts here */
  start: number;
}

/**
 * Turns headings (in text order) into nested sections. A section runs from its heading to the
 * next heading of the same or a higher level (a smaller number), or the end of the text; its
 * parent is the nearest open section of a higher level.
 * Example: "= T =", "== A ==", "=== B ===", "== C ==" -> T [0], A [1] parent 0, B parent 1, C parent 0.
 */
export function buildSections(headings: readonly Heading[], textEnd: number): Section[] {
  const sections: Section[] = [];
  const open: number[] = [];
  for (const h of headings) {
    while (open.length > 0) {
      const top = sections[open[open.length - 1] ?? 0];
      if (top === undefined || top.level < h.level) break;
      top.end = h.start;
      open.pop();
    }
    const parent = open.length > 0 ? (open[open.length - 1] ?? null) : null;
    sections.push({
      start: h.start,
      end: textEnd,
      title: h.title,
      level: h.level,
      heading: h.heading,
      parent,
    });
    open.push(sections.length - 1);
  }
  return sections;
}

/**
 * A document's sentences as columns of integers: start, end and section (-1 for none) of each,
 * numbered in order, each in the innermost section holding its start. Why not a list of sentence
 * objects: a document keeps its sentences as long as it lives, so the collector copied every
 * object twice into the old generation while the extractor ran, onto freshly mapped pages (a page
 * fault costs ~12 µs on this machine): ~2 MB and ~1,000 faults per 5 MB read. The extractor
 * reads the columns and makes a sentence object per block, let go with it; `records()` makes the
 * list of objects for whoever asks for `ReadDocument.sentences`.
 */
export class SentenceTable {
  /** start, end, section of sentence i at 3i, 3i + 1, 3i + 2 */
  private readonly cols: Int32Array;
  readonly length: number;

  constructor(spans: readonly Span[], sections: readonly Section[]) {
    this.length = spans.length;
    this.cols = new Int32Array(3 * spans.length);
    let k = -1;
    for (let i = 0; i < spans.length; i++) {
      const span = spans[i]!;
      while (k + 1 < sections.length && (sections[k + 1]?.start ?? Number.POSITIVE_INFINITY) <= span.start) k++;
      this.cols[3 * i] = span.start;
      this.cols[3 * i + 1] = span.end;
      this.cols[3 * i + 2] = k;
    }
  }

  start(i: number): number {
    return this.cols[3 * i]!;
  }

  end(i: number): number {
    return this.cols[3 * i + 1]!;
  }

  /** A new object for sentence i, its index i. */
  sentence(i: number): Sentence {
    const section = this.cols[3 * i + 2]!;
    return new SentenceRecord(this.cols[3 * i]!, this.cols[3 * i + 1]!, i, section < 0 ? null : section);
  }

  /** Every sentence as an object, in order. */
  records(): Sentence[] {
    // at its final size at once: grown by push past 16k sentences, each copy was a large object
    // written to freshly mapped pages
    const list: Sentence[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) list[i] = this.sentence(i);
    return list;
  }
}

/**
 * A sentence, by `new` of a class and not a literal: V8 makes a literal whose objects all survive
 * allocate in the old generation, slowly while the extractor runs (see TimeRecord in
 * extract/times/resolve.ts).
 */
class SentenceRecord implements Sentence {
  constructor(
    public start: number,
    public end: number,
    public index: number,
    public section: number | null,
  ) {}
}
