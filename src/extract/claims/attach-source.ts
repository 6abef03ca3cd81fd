import type { Modality } from '../types.js';
import type { Refiner } from './draft.js';
import { tokenDistance } from './positions.js';

/**
 * Attaches who states a claim and how: the nearest attribution in its own sentence ("according
 * to Ukrainian intelligence"), never one carried from elsewhere (a figure the text attributes to
 * no one has no source); the nearest modality cue ("suggested allowing" -> proposed), else
 * `reported` when attributed, else `asserted`.
 */
export const attachSource: Refiner = (ctx, drafts) =>
  drafts.map((d) => {
    const s = ctx.sentences[d.sentenceIndex]!;
    const nearest = <T extends { start: number; end: number }>(xs: readonly T[]) =>
      xs.reduce<T | null>(
        (best, x) =>
          best === null || tokenDistance(s.tokens, x, d.quantity) < tokenDistance(s.tokens, best, d.quantity)
            ? x
            : best,
        null,
      );
    const source = nearest(s.attributions)?.source ?? null;
    const cue = nearest(s.modalities);
    const modality: Modality = cue ? cue.modality : source ? 'reported' : 'asserted';
    return { ...d, source, modality };
  });
