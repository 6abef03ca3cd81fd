import type { Span, TimeExpr } from '../types.js';
import {
  type AssemblyContext,
  copyDraft,
  impliedWith,
  type Provenance,
  type Refiner,
  type SentenceAnnotations,
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

/** A class, not a literal: the memo below keeps one per sentence until the document is done (see DraftRecord in draft.ts). */
class CarriedTime {
  constructor(
    readonly time: TimeExpr,
    /** the sentence it was stated in */
    readonly at: number,
  ) {}
}

/**
 * The walk back of `carried`, remembered per sentence. Why: walking back sentence by sentence
 * for every claim made a long paragraph with figures and no time quadratic (measured: 1 MB of
 * "== x ==" lines as plain text, one paragraph, ~7,600 claims: 9.9 s; 4 MB did not finish in a
 * minute). The walk from sentence j, once it passes j-1 (same section, no paragraph break, no
 * time), goes on exactly as the walk from j-1 would, so each answer is computed once.
 */
const carriedMemo = new WeakMap<SentenceAnnotations[], (CarriedTime | null | undefined)[]>();

/** The last time stated before sentence `index` in its paragraph and section, walking back. */
function carried(ctx: AssemblyContext, index: number): CarriedTime | null {
  let memo = carriedMemo.get(ctx.sentences);
  if (memo === undefined) {
    memo = [];
    carriedMemo.set(ctx.sentences, memo);
  }
  // dense up to `index`: written first at a high index, the list would be kept as a dictionary
  while (memo.length <= index) memo.push(undefined);
  // walk back until an answer is known, then write it to every sentence passed on the way
  const passed: number[] = [];
  let answer: CarriedTime | null = null;
  for (let j = index; j > 0; j--) {
    const known = memo[j];
    if (known !== undefined) {
      answer = known;
      break;
    }
    passed.push(j);
    const prev = ctx.sentences[j - 1]!;
    const next = ctx.sentences[j]!;
    if (prev.sentence.section !== next.sentence.section) break;
    if (paragraphBreak(ctx.text, prev.sentence.end, next.sentence.start)) break;
    const last = prev.times.length > 0 ? prev.times[prev.times.length - 1] : undefined;
    if (last) {
      answer = new CarriedTime(last, j - 1);
      break;
    }
  }
  for (const j of passed) memo[j] = answer;
  return answer;
}

/**
 * Works out the carried times of sentences [from, to), in order: each is then read from the
 * memo, and, since the one before it is known, each takes a step back at most. The extractor
 * calls this for every block of sentences as it reads them, so no later walk back goes further
 * than the block before, which is all it keeps of the sentences.
 */
export function carryTimes(ctx: AssemblyContext, from: number, to: number): void {
  for (let j = from; j < to; j++) carried(ctx, j);
}

/** Forgets the carried time of sentence `index`, which the extractor has let go (carryTimes). */
export function forgetCarried(ctx: AssemblyContext, index: number): void {
  const memo = carriedMemo.get(ctx.sentences);
  if (memo !== undefined && index < memo.length) memo[index] = undefined;
}

/** Attaches each claim's time: stated in its sentence, else carried from before (implied). */
export const attachTime: Refiner = (ctx, drafts) =>
  drafts.map((d) => {
    const found = timeFor(ctx, d.sentenceIndex, d.quantity);
    if (!found) return d;
    const c = copyDraft(d);
    c.time = found.time;
    if (found.from !== 'stated') c.implied = impliedWith(d.implied, 'time', found.from);
    return c;
  });
