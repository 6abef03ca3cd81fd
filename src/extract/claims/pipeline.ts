import { attachGroup } from './attach-group.js';
import { attachMeasure } from './attach-measure.js';
import { attachPlace } from './attach-place.js';
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
 */
export const REFINERS: readonly Refiner[] = [
  dropNonPeople,
  attachMeasure,
  attachGroup,
  attachRate,
  attachTime,
  attachPlace,
  attachSource,
];

export function assembleClaims(ctx: AssemblyContext): ClaimDraft[] {
  return REFINERS.reduce<ClaimDraft[]>((drafts, refine) => refine(ctx, drafts), fromQuantities(ctx));
}
