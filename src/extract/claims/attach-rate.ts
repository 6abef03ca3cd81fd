import { copyDraft, mapDrafts, type Refiner } from './draft.js';
import { CLAUSE_BREAKS } from './lexicon.js';
import { crosses } from './positions.js';

/**
 * Attaches a rate written apart from its number, later in the same clause: "more than 10,000
 * North Koreans entered Russia on work visas annually" -> per year. Shares have no rate.
 */
export const attachRate: Refiner = (ctx, drafts) =>
  mapDrafts(drafts, (d) => {
    if (d.per !== null || d.unit === 'percent') return d;
    const s = ctx.sentences[d.sentenceIndex]!;
    if (s.rates.length === 0) return d;
    const rate = s.rates.find((r) => r.start >= d.quantity.end && !crosses(s.tokens, d.quantity, r, CLAUSE_BREAKS));
    if (!rate) return d;
    const c = copyDraft(d);
    c.per = rate.per;
    return c;
  });
