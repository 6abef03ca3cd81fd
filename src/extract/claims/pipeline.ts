import { attachGroup, CARRY_SENTENCES } from './attach-group.js';
import { attachMeasure } from './attach-measure.js';
import { type BlockClaims, ClaimPlacer, statedPlaces } from './attach-place.js';
import { attachRate } from './attach-rate.js';
import { attachSource } from './attach-source.js';
import { attachTime } from './attach-time.js';
import type { AssemblyContext, ClaimDraft, Refiner } from './draft.js';
import { dropNonPeople } from './drop-non-people.js';
import { fromQuantities } from './from-quantities.js';

/**
 * Claim assembly as an ordered list of refiners (chrono's refiner chain). Order matters:
 * - dropNonPeople first: it finds the group each number counts, which the rest read;
 * - attachMeasure before attachPlace: which place fits depends on the measure (arrivals go
 *   *to* a place, a population is *in* one);
 * - attachGroup after dropNonPeople, since a counted group beats the sentence's other groups.
 * Then attachPlace (statedPlaces, then placeClaims), and attachSource, which reads and writes
 * nothing attachPlace does, so the two may run in either order.
 */
export const REFINERS: readonly Refiner[] = [dropNonPeople, attachMeasure, attachGroup, attachRate, attachTime];

/**
 * How many sentences before a claim's own any refiner reads: attachGroup's subject carried back,
 * which is more than the sentence before that attachMeasure and attachPlace read. The extractor
 * keeps that many sentences of a block for the next one, and lets the rest go.
 */
export const READS_BACK = Math.max(CARRY_SENTENCES, 1);

export type { BlockClaims } from './attach-place.js';

const NO_CLAIMS: BlockClaims = { drafts: [], waits: [] };

/**
 * Assembles claims a block of sentences at a time, in document order, so the extractor can let
 * each block's tokens and drafts go: every refiner reads only a claim's own sentence and the few
 * before it (attachGroup carries a subject up to 4 sentences back), and attachPlace's fallbacks
 * need the claim before and the document's frame, which ClaimPlacer leaves to the end.
 */
export class ClaimAssembler {
  private readonly placer: ClaimPlacer;

  constructor(private readonly ctx: AssemblyContext) {
    this.placer = new ClaimPlacer(ctx);
  }

  /** The claims of sentences [from, to); their tokens, and those of the sentences before, are read. */
  add(from: number, to: number): BlockClaims {
    let drafts = fromQuantities(this.ctx, from, to);
    if (drafts.length === 0) return NO_CLAIMS;
    for (const refine of REFINERS) {
      drafts = refine(this.ctx, drafts);
      // Nothing left (dropNonPeople dropped every count): stop here. The refiners' `drafts.map`
      // would otherwise meet an empty list of another kind than the full ones it was compiled for
      // (an empty literal holds small integers, as far as V8 knows) and throw its compiled code away.
      if (drafts.length === 0) return NO_CLAIMS;
    }
    const stated = statedPlaces(this.ctx, drafts);
    return this.placer.add(attachSource(this.ctx, drafts), stated);
  }
}

/** Every claim of the document, once `ctx.frame` is set (or known to be null). */
export function assembleClaims(ctx: AssemblyContext): ClaimDraft[] {
  return new ClaimAssembler(ctx).add(0, ctx.sentences.length).drafts;
}
