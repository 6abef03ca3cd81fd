import { overlaps } from '../overlaps.js';
import type { Refiner } from './draft.js';
import { PERSON_NOUNS } from './lexicon.js';
import { tokenAt } from './positions.js';

/** How many tokens may stand between a number and the group it counts ("12,000 North Korean troops"). */
const MAX_GAP = 5;

/**
 * A filter: keeps counts of people and drops counts of things. A count is of people when a
 * group mention follows it with only modifiers between ("about 12,000 troops"), when the noun
 * after it is a person noun ("1,500 people"), or when no noun follows at all ("Roughly 15,000
 * to 20,000 were present"). "124 trains" and numbers inside a time expression ("1946-1949")
 * are dropped. Records the counted group on the draft for attachGroup.
 */
export const dropNonPeople: Refiner = (ctx, drafts) =>
  drafts.flatMap((d) => {
    const s = ctx.sentences[d.sentenceIndex]!;
    if (s.times.some((t) => overlaps(t, d.quantity))) return [];
    if (d.unit !== 'person') return [d];
    const after = tokenAt(s.tokens, d.quantity.end);
    const next = s.groups.find((g) => g.start >= d.quantity.end);
    const gap = next ? tokenAt(s.tokens, next.start) - after : Number.POSITIVE_INFINITY;
    const onlyModifiers =
      next !== undefined &&
      gap <= MAX_GAP &&
      s.tokens.slice(after, after + gap).every((t) => t.type === 'word' && t.text[0] !== t.lower[0]);
    const counted = d.quantity.counted;
    const countsNext = next !== undefined && (gap === 0 || onlyModifiers);
    if (counted === null) return [{ ...d, counts: countsNext ? next : null }];
    if (countsNext && next.text.toLowerCase().includes(counted)) return [{ ...d, counts: next }];
    if (PERSON_NOUNS.has(counted)) return [d];
    return [];
  });
