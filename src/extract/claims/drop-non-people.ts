import { overlaps } from '../overlaps.js';
import type { GroupMention, Span, Token } from '../types.js';
import { type ClaimDraft, copyDraft, type Refiner, type SentenceAnnotations } from './draft.js';
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
export const dropNonPeople: Refiner = (ctx, drafts) => {
  const out: ClaimDraft[] = [];
  for (let k = 0; k < drafts.length; k++) {
    const d = drafts[k]!;
    const kept = people(ctx.sentences[d.sentenceIndex]!, d);
    if (kept !== null) out.push(kept);
  }
  return out;
};

/** The draft as dropNonPeople keeps it (with the group it counts), or null when it is dropped. */
function people(s: SentenceAnnotations, d: ClaimDraft): ClaimDraft | null {
  const q = d.quantity;
  for (let k = 0; k < s.times.length; k++) if (overlaps(s.times[k]!, q)) return null;
  if (d.unit !== 'person') return d;
  // people are not counted in decimals: "CC BY-SA 4.0", "a 2.5 rating" (but "1.5 million" is fine)
  const value = q.low ?? q.high ?? 0;
  if (DECIMAL.test(q.text) && value < 1000) return null;
  const tokens = s.tokens;
  const after = tokenAt(tokens, q.end);
  const near = (g: GroupMention) => g.start >= q.end && tokenAt(tokens, g.start) - after <= MAX_GAP;
  const counted = q.counted;
  if (counted === null) {
    // no noun right after the number: a group still counts when only links and names stand between
    const next = s.groups.length === 0 ? undefined : s.groups.find(near);
    let counts: GroupMention | null = null;
    if (next) {
      counts = next;
      for (let i = after, end = tokenAt(tokens, next.start); i < end; i++) {
        if (!isLinkOrName(tokens[i]!)) {
          counts = null;
          break;
        }
      }
    }
    const c = copyDraft(d);
    c.counts = counts;
    return c;
  }
  const counts = s.groups.find((g) => near(g) && contains(tokens, g, counted));
  if (counts) {
    const c = copyDraft(d);
    c.counts = counts;
    return c;
  }
  return PERSON_NOUNS.has(counted) ? d : null;
}

/** True when a token inside the span is the word `lower`. */
function contains(tokens: readonly Token[], span: Span, lower: string): boolean {
  for (let i = tokenAt(tokens, span.start); i < tokens.length && tokens[i]!.start < span.end; i++) {
    const t = tokens[i]!;
    if (t.lower === lower && t.end <= span.end) return true;
  }
  return false;
}
