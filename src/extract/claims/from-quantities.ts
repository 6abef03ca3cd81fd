import type { AssemblyContext, ClaimDraft } from './draft.js';

/** Quantities that can be claims about people: counts, shares and money. */
const CLAIM_DIMENSIONS = new Set(['count', 'percent', 'money']);

/** Starts one draft per count, share or money quantity; everything else stays behind. */
export function fromQuantities(ctx: AssemblyContext): ClaimDraft[] {
  const drafts: ClaimDraft[] = [];
  ctx.sentences.forEach((s, sentenceIndex) => {
    for (const q of s.quantities) {
      if (!CLAIM_DIMENSIONS.has(q.dimension)) continue;
      const measure = q.dimension === 'percent' ? 'share' : q.dimension === 'money' ? 'money' : 'population';
      drafts.push({
        quantity: q,
        sentenceIndex,
        measure,
        value: { low: q.low, high: q.high, approx: q.approx },
        unit: q.dimension === 'percent' ? 'percent' : q.dimension === 'money' ? (q.unit ?? 'USD') : 'person',
        per: q.per,
        group: null,
        time: null,
        place: null,
        source: null,
        modality: 'asserted',
        implied: {},
        counts: null,
      });
    }
  });
  return drafts;
}
