import type { DocumentContext, SentenceContext, TimeExpr } from '../types.js';
import { type ResolveContext, resolveTime, toEdtf } from './resolve.js';
import { parseTimes } from './rules.js';

export type { ResolveContext } from './resolve.js';
export type { RawPoint, RawTime, RawValue, YearRef } from './rules.js';
export { parseTimes, R as TIME_RULES } from './rules.js';
export { resolveTime, toEdtf };

/**
 * Time expressions of a document, sorted by start and non-overlapping. Sentences are read in
 * order so that a relative expression ("that year", "the next two decades") resolves against
 * the nearest earlier explicit time; deictic ones ("last year") need `doc.date`, and are
 * dropped without it.
 * Example: "In 1985, ... in the next two decades." -> 1985, then 1985..2005 (relative).
 */
export function annotateTimes(sentences: readonly SentenceContext[], doc: DocumentContext): TimeExpr[] {
  return new TimeReader(doc).read(sentences);
}

/**
 * annotateTimes a part of the document at a time: the extractor tokenizes and annotates a block
 * of sentences, then lets its tokens go. What relative times resolve against (the last explicit
 * time) and the overlap check against the last time kept carry over from one call to the next,
 * so reading the blocks in document order gives what one call over the whole document gives.
 */
export class TimeReader {
  private anchor: TimeExpr | null = null;
  private last: TimeExpr | null = null;
  private readonly ctx: ResolveContext;

  constructor(doc: DocumentContext) {
    this.ctx = { date: doc.date, anchor: null };
  }

  /** The times of the next sentences of the document (sorted here if they are not). */
  read(sentences: readonly SentenceContext[]): TimeExpr[] {
    const ordered = isSorted(sentences)
      ? sentences
      : [...sentences].sort((a, b) => a.sentence.start - b.sentence.start);
    const out: TimeExpr[] = [];
    const ctx = this.ctx;
    for (const s of ordered) {
      try {
        for (const raw of parseTimes(s)) {
          ctx.anchor = this.anchor;
          const t = resolveTime(raw, ctx);
          if (!t) continue;
          if (this.last && this.last.end > t.start) continue;
          out.push(t);
          this.last = t;
          if (raw.anchorable) this.anchor = t;
        }
      } catch {
        // Never throw on text: a bug in a rule costs this sentence its times, not the document.
      }
    }
    return out;
  }
}

function isSorted(sentences: readonly SentenceContext[]): boolean {
  for (let k = 1; k < sentences.length; k++) {
    if (sentences[k]!.sentence.start < sentences[k - 1]!.sentence.start) return false;
  }
  return true;
}
