import type { Span, TimeExpr } from '../types.js';
import type { AssemblyContext, Provenance, Refiner } from './draft.js';
import { tokenDistance } from './positions.js';

/** A blank line between two sentences: a new paragraph. */
const PARAGRAPH_BREAK = /\n[ \t]*\r?\n/;

/**
 * The time a span of sentence `index` refers to: the nearest time expression in its own
 * sentence, else the nearest earlier explicit time in the same paragraph (implied). A new
 * paragraph often moves on in time ("Human rights groups estimate that..." after a paragraph
 * about 2023), so no time is carried across one. Shared by claims and events.
 */
export function timeFor(ctx: AssemblyContext, index: number, span: Span): { time: TimeExpr; from: Provenance } | null {
  const s = ctx.sentences[index]!;
  if (s.times.length > 0) {
    const time = s.times.reduce((best, t) =>
      tokenDistance(s.tokens, t, span) < tokenDistance(s.tokens, best, span) ? t : best,
    );
    return { time, from: 'stated' };
  }
  for (let i = index - 1; i >= 0; i--) {
    const prev = ctx.sentences[i]!;
    const next = ctx.sentences[i + 1]!;
    if (prev.sentence.section !== s.sentence.section) break;
    if (PARAGRAPH_BREAK.test(ctx.text.slice(prev.sentence.end, next.sentence.start))) break;
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
    return {
      ...d,
      time: found.time,
      implied: found.from === 'stated' ? d.implied : { ...d.implied, time: found.from },
    };
  });
