import type { Span, TimeExpr } from '../types.js';
import { type AssemblyContext, copyDraft, type Provenance, type Refiner } from './draft.js';
import { nearest } from './positions.js';

/**
 * A blank line in text[from, to): a new paragraph. What /\n[ \t]*\r?\n/ finds in the slice, read
 * in place (this runs for every step back of every claim and event without a time of its own).
 */
function paragraphBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) !== 10) continue;
    let j = i + 1;
    while (j < to && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    if (j < to && text.charCodeAt(j) === 13) j++;
    if (j < to && text.charCodeAt(j) === 10) return true;
  }
  return false;
}

/**
 * The time a span of sentence `index` refers to: the nearest time expression in its own
 * sentence, else the nearest earlier explicit time in the same paragraph (implied). A new
 * paragraph often moves on in time ("Human rights groups estimate that..." after a paragraph
 * about 2023), so no time is carried across one. Shared by claims and events.
 */
export function timeFor(ctx: AssemblyContext, index: number, span: Span): { time: TimeExpr; from: Provenance } | null {
  const s = ctx.sentences[index]!;
  if (s.times.length > 0) return { time: nearest(s.tokens, s.times, span)!, from: 'stated' };
  for (let i = index - 1; i >= 0; i--) {
    const prev = ctx.sentences[i]!;
    const next = ctx.sentences[i + 1]!;
    if (prev.sentence.section !== s.sentence.section) break;
    if (paragraphBreak(ctx.text, prev.sentence.end, next.sentence.start)) break;
    const last = prev.times[prev.times.length - 1];
    if (last) return { time: last, from: i === index - 1 ? 'previous-sentence' : 'paragraph' };
  }
  return null;
}

/** Attaches each claim's time: stated in its sentence, else carried from before (implied). */
export const attachTime: Refiner = (ctx, drafts) =>
  drafts.map((d) => {
    const found = timeFor(ctx, d.sentenceIndex, d.quantity);
    if (!found) return d;
    const c = copyDraft(d);
    c.time = found.time;
    if (found.from !== 'stated') c.implied = { ...d.implied, time: found.from };
    return c;
  });
