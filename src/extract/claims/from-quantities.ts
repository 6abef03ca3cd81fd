import type { Approx, Quantity } from '../types.js';
import { type AssemblyContext, type ClaimDraft, DraftRecord, NOTHING_IMPLIED } from './draft.js';

/** Quantities that can be claims about people: counts, shares and money. */
const CLAIM_DIMENSIONS = new Set(['count', 'percent', 'money']);

/** True when some quantity of the list can start a claim (fromQuantities would draft it). */
export function hasClaimQuantity(quantities: readonly Quantity[]): boolean {
  for (let k = 0; k < quantities.length; k++) if (CLAIM_DIMENSIONS.has(quantities[k]!.dimension)) return true;
  return false;
}

/**
 * Starts one draft per count, share or money quantity; everything else stays behind. `from` and
 * `to` limit it to the sentences [from, to) (the extractor assembles a block of sentences at a time).
 */
export function fromQuantities(ctx: AssemblyContext, from = 0, to = ctx.sentences.length): ClaimDraft[] {
  const drafts: ClaimDraft[] = [];
  for (let sentenceIndex = from; sentenceIndex < to; sentenceIndex++) {
    const s = ctx.sentences[sentenceIndex]!;
    for (const q of s.quantities) {
      if (!CLAIM_DIMENSIONS.has(q.dimension)) continue;
      const measure = q.dimension === 'percent' ? 'share' : q.dimension === 'money' ? 'money' : 'population';
      drafts.push(
        new DraftRecord(
          q,
          sentenceIndex,
          measure,
          new Value(q.low, q.high, q.approx),
          q.dimension === 'percent' ? 'percent' : q.dimension === 'money' ? (q.unit ?? 'USD') : 'person',
          q.per,
          null,
          null,
          null,
          null,
          'asserted',
          NOTHING_IMPLIED,
          null,
        ),
      );
    }
  }
  return drafts;
}

/** A claim's value: a class, not a literal, as it is kept with the claim (see DraftRecord). */
class Value {
  constructor(
    public low: number | null,
    public high: number | null,
    public approx: Approx,
  ) {}
}
