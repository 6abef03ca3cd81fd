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
  const ordered = isSorted(sentences) ? sentences : [...sentences].sort((a, b) => a.sentence.start - b.sentence.start);
  const out: TimeExpr[] = [];
  let anchor: TimeExpr | null = null;
  const ctx: ResolveContext = { date: doc.date, anchor: null };
  for (const s of ordered) {
    try {
      for (const raw of parseTimes(s)) {
        ctx.anchor = anchor;
        const t = resolveTime(raw, ctx);
        if (!t) continue;
        const last = out[out.length - 1];
        if (last && last.end > t.start) continue;
        out.push(t);
        if (raw.anchorable) anchor = t;
      }
    } catch {
      // Never throw on text: a bug in a rule costs this sentence its times, not the document.
    }
  }
  return out;
}

function isSorted(sentences: readonly SentenceContext[]): boolean {
  for (let k = 1; k < sentences.length; k++) {
    if (sentences[k]!.sentence.start < sentences[k - 1]!.sentence.start) return false;
  }
  return true;
}
