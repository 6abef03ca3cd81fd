import type { PlaceRef } from '../types.js';
import { attachGroup } from './attach-group.js';
import { attachMeasure } from './attach-measure.js';
import { placeClaims, statedPlaces } from './attach-place.js';
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
 * Assembles claims a block of sentences at a time, in document order, so the extractor can let
 * each block's tokens go: every refiner but the end of attachPlace reads only a claim's own
 * sentence and the few before it (attachGroup carries a subject up to 4 sentences back), and
 * attachPlace's fallbacks (the claim before, the document's frame) need only the drafts.
 */
export class ClaimAssembler {
  private readonly drafts: ClaimDraft[] = [];
  private readonly stated: (PlaceRef | null)[] = [];

  constructor(private readonly ctx: AssemblyContext) {}

  /** Drafts the claims of sentences [from, to); their tokens, and those of the sentences before, are read. */
  add(from: number, to: number): void {
    let drafts = fromQuantities(this.ctx, from, to);
    if (drafts.length === 0) return;
    for (const refine of REFINERS) {
      drafts = refine(this.ctx, drafts);
      // Nothing left (dropNonPeople dropped every count): stop here. The refiners' `drafts.map`
      // would otherwise meet an empty list of another kind than the full ones it was compiled for
      // (an empty literal holds small integers, as far as V8 knows) and throw its compiled code away.
      if (drafts.length === 0) return;
    }
    const stated = statedPlaces(this.ctx, drafts);
    drafts = attachSource(this.ctx, drafts);
    // Kept until finish(), which with the JSON reads no draft's `counts`: the group mention a
    // number counts is for the refiners above. Every scavenge until the document is done copies
    // what is kept (~1 ms per MB on this machine), so it is let go here.
    for (let k = 0; k < drafts.length; k++) {
      const d = drafts[k]!;
      d.counts = null;
      this.drafts.push(d);
      this.stated.push(stated[k]!);
    }
  }

  /** The claims, once every sentence is added and `ctx.frame` is set. */
  finish(): ClaimDraft[] {
    return placeClaims(this.ctx, this.drafts, this.stated);
  }
}

export function assembleClaims(ctx: AssemblyContext): ClaimDraft[] {
  const assembler = new ClaimAssembler(ctx);
  assembler.add(0, ctx.sentences.length);
  return assembler.finish();
}
