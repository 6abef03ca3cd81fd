import type { Span, TimeExpr } from '../types.js';
import {
  type AssemblyContext,
  type CarriedTime,
  copyDraft,
  impliedWith,
  mapDrafts,
  type Provenance,
  type Refiner,
} from './draft.js';
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
  const found = carried(ctx, index);
  if (found === null) return null;
  return { time: found.time, from: found.at === index - 1 ? 'previous-sentence' : 'paragraph' };
}

/** A carried time, made by `new` of a class (one shape for all). */
class CarriedTimeRecord implements CarriedTime {
  constructor(
    readonly time: TimeExpr,
    /** the sentence it was stated in */
    readonly at: number,
  ) {}
}

/** True when sentence `j` goes on from sentence `j - 1`: same section, no paragraph break between. */
function continues(ctx: AssemblyContext, j: number): boolean {
  const prev = ctx.sentences[j - 1]!.sentence;
  const next = ctx.sentences[j]!.sentence;
  return prev.section === next.section && !paragraphBreak(ctx.text, prev.end, next.start);
}

/** The last time sentence `j` states, as carried from it, or null. */
function lastTimeOf(ctx: AssemblyContext, j: number): CarriedTime | null {
  const { times } = ctx.sentences[j]!;
  return times.length > 0 ? new CarriedTimeRecord(times[times.length - 1]!, j) : null;
}

/**
 * The last time stated before sentence `index` in its paragraph and section, walking back, and
 * remembered on each sentence passed (`carried`). Why: walking back sentence by sentence for
 * every claim made a long paragraph with figures and no time quadratic (measured: 1 MB of
 * "== x ==" lines as plain text, one paragraph, ~7,600 claims: 9.9 s; 4 MB did not finish in a
 * minute). The walk from sentence j, once it passes j-1 (same section, no paragraph break, no
 * time), goes on exactly as the walk from j-1 would, so each answer is computed once.
 */
function carried(ctx: AssemblyContext, index: number): CarriedTime | null {
  const { sentences } = ctx;
  const passed: number[] = [];
  let answer: CarriedTime | null = null;
  for (let j = index; j > 0; j--) {
    const known = sentences[j]!.carried;
    if (known !== undefined) {
      answer = known;
      break;
    }
    passed.push(j);
    if (!continues(ctx, j)) break;
    const last = lastTimeOf(ctx, j - 1);
    if (last) {
      answer = last;
      break;
    }
  }
  for (const j of passed) sentences[j]!.carried = answer;
  return answer;
}

/**
 * Works out the carried times of sentences [from, to), in order, each from the one before: what
 * carried's walk finds, a step at a time. The extractor calls this for every block of sentences
 * as it reads them, so no later walk back goes further than the block before, which is all it
 * keeps of the sentences.
 */
export function carryTimes(ctx: AssemblyContext, from: number, to: number): void {
  const { sentences } = ctx;
  // sentence 0 has nothing before it (carried walks no step from it)
  for (let j = Math.max(from, 1); j < to; j++) {
    const s = sentences[j]!;
    if (s.carried !== undefined) continue;
    if (!continues(ctx, j)) s.carried = null;
    else s.carried = lastTimeOf(ctx, j - 1) ?? (j === 1 ? null : (sentences[j - 1]!.carried ?? carried(ctx, j - 1)));
  }
}

/** Attaches each claim's time: stated in its sentence, else carried from before (implied). */
export const attachTime: Refiner = (ctx, drafts) =>
  mapDrafts(drafts, (d) => {
    const found = timeFor(ctx, d.sentenceIndex, d.quantity);
    if (!found) return d;
    const c = copyDraft(d);
    c.time = found.time;
    if (found.from !== 'stated') c.implied = impliedWith(d.implied, 'time', found.from);
    return c;
  });
