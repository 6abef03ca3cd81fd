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

/** Numbers the sentences and gives each the innermost section holding its start. */
export function placeSentences(spans: readonly Span[], sections: readonly Section[]): Sentence[] {
  // Its final size at once: a list grown by push is copied at each growth, and past 16k sentences
  // each copy is a large object written to freshly mapped pages (~140 page faults of ~12 µs each
  // per 37k sentences, against ~75 for the one list).
  const sentences: Sentence[] = new Array(spans.length);
  let k = -1;
  for (let i = 0; i < spans.length; i++) {
    const span = spans[i]!;
    while (k + 1 < sections.length && (sections[k + 1]?.start ?? Number.POSITIVE_INFINITY) <= span.start) k++;
    sentences[i] = new SentenceRecord(span.start, span.end, i, k < 0 ? null : k);
  }
  return sentences;
}

/**
 * A sentence, by `new` of a class and not a literal: it is kept as long as its document, and V8
 * makes a literal whose objects all survive allocate in the old generation, slowly while the
 * extractor runs (see TimeRecord in extract/times/resolve.ts).
 */
class SentenceRecord implements Sentence {
  constructor(
    public start: number,
    public end: number,
    public index: number,
    public section: number | null,
  ) {}
}
