import { overlaps } from '../overlaps.js';
import type { GroupMention, Token } from '../types.js';
import type { Refiner } from './draft.js';
import { PERSON_NOUNS } from './lexicon.js';
import { tokenAt } from './positions.js';

/** How many tokens may stand between a number and the group it counts ("12,000 North Korean troops"). */
const MAX_GAP = 6;

const DECIMAL = /\d\.\d/;

/** Words that may stand between a number and its group: "tens of thousands of the loggers". */
const LINKS = new Set(['of', 'the', 'these', 'those', 'them']);
const isLinkOrName = (t: Token) => LINKS.has(t.lower) || (t.type === 'word' && t.text[0] !== t.lower[0]);

/**
 * A filter: keeps counts of people and drops counts of things. A count is of people when the
 * noun the number counts is the head of a group mention ("about 12,000 troops", "tens of
 * thousands of North Korean loggers") or a person noun ("1,500 people"), or when no noun follows
 * it at all ("Roughly 15,000 to 20,000 were present"). "124 trains" and numbers inside a time
 * expression ("1946-1949") are dropped. Records the counted group on the draft for attachGroup.
 */
export const dropNonPeople: Refiner = (ctx, drafts) =>
  drafts.flatMap((d) => {
    const s = ctx.sentences[d.sentenceIndex]!;
    if (s.times.some((t) => overlaps(t, d.quantity))) return [];
    if (d.unit !== 'person') return [d];
    // people are not counted in decimals: "CC BY-SA 4.0", "a 2.5 rating" (but "1.5 million" is fine)
    const value = d.quantity.low ?? d.quantity.high ?? 0;
    if (DECIMAL.test(d.quantity.text) && value < 1000) return [];
    const after = tokenAt(s.tokens, d.quantity.end);
    const near = (g: GroupMention) => g.start >= d.quantity.end && tokenAt(s.tokens, g.start) - after <= MAX_GAP;
    const counted = d.quantity.counted;
    if (counted === null) {
      // no noun right after the number: a group still counts when only links and names stand between
      const next = s.groups.find(near);
      const between = next ? s.tokens.slice(after, tokenAt(s.tokens, next.start)) : [];
      return [{ ...d, counts: next && between.every(isLinkOrName) ? next : null }];
    }
    const counts = s.groups.find(
      (g) => near(g) && s.tokens.some((t) => t.lower === counted && t.start >= g.start && t.end <= g.end),
    );
    if (counts) return [{ ...d, counts }];
    if (PERSON_NOUNS.has(counted)) return [d];
    return [];
  });
