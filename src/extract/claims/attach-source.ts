import type { Modality } from '../types.js';
import { type ClaimDraft, copyDraft, type Refiner } from './draft.js';
import { nearest } from './positions.js';

/**
 * Attaches who states a claim and how: the nearest attribution in its own sentence ("according
 * to Ukrainian intelligence"), never one carried from elsewhere (a figure the text attributes to
 * no one has no source); the nearest modality cue ("suggested allowing" -> proposed), else
 * `reported` when attributed, else `asserted`.
 */
export const attachSource: Refiner = (ctx, drafts) => {
  const out: ClaimDraft[] = [];
  for (let k = 0; k < drafts.length; k++) {
    const d = drafts[k]!;
    const s = ctx.sentences[d.sentenceIndex]!;
    const source = s.attributions.length === 0 ? null : (nearest(s.tokens, s.attributions, d.quantity)?.source ?? null);
    const cue = s.modalities.length === 0 ? null : nearest(s.tokens, s.modalities, d.quantity);
    const modality: Modality = cue ? cue.modality : source ? 'reported' : 'asserted';
    const c = copyDraft(d);
    c.source = source;
    c.modality = modality;
    out.push(c);
  }
  return out;
};
