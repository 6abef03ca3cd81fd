import { getPlace } from '../places/gazetteer.js';
import type { GroupMention, Measure, PlaceMention, PlaceRef, Span, Token } from '../types.js';
import type { AssemblyContext, ClaimDraft, Refiner, SentenceAnnotations } from './draft.js';
import { PLACE_SLOTS } from './lexicon.js';
import { tokenAt } from './positions.js';

type Slot = 'location' | 'destination' | 'origin' | 'of' | 'bare';

/** How many lower-case words may stand between a preposition and its place ("in the former Soviet Union"). */
const MAX_MODIFIERS = 3;

/** The role a place plays, read from the preposition before it ("in Russia", "to Kamchatka", "from Kilju"). */
export function slotOf(tokens: readonly Token[], place: Span): Slot {
  return slotAt(tokens, tokenAt(tokens, place.start));
}

/** slotOf for the place starting at token `at`. */
function slotAt(tokens: readonly Token[], at: number): Slot {
  for (let i = at - 1; i >= 0 && at - i <= MAX_MODIFIERS + 1; i--) {
    const t = tokens[i]!;
    const slot = PLACE_SLOTS.get(t.lower);
    if (slot) return slot;
    // only determiners and adjectives ("the", "former", "northern") may stand in between
    if (t.type !== 'word' || t.text[0] !== t.lower[0]) break;
  }
  return 'bare';
}

/**
 * Which slots say where the counted people are, best first, by measure: arrivals are where
 * people went ("went to the Kamchatka Peninsula"), departures where they left
 * ("repatriated" from Sakhalin), everything else where they are ("their workers in Russia").
 */
const PREFERENCE: Record<Measure, Slot[]> = {
  arrivals: ['destination', 'location', 'bare', 'of', 'origin'],
  departures: ['location', 'origin', 'bare', 'destination', 'of'],
  population: ['location', 'bare', 'of', 'destination', 'origin'],
  share: ['location', 'bare', 'of', 'destination', 'origin'],
  money: ['location', 'bare', 'of', 'destination', 'origin'],
  count: ['location', 'bare', 'of', 'destination', 'origin'],
  other: ['location', 'bare', 'of', 'destination', 'origin'],
};

/** The best place in a sentence for a span, by slot preference then token distance. */
export function placeIn(s: SentenceAnnotations, span: Span, measure: Measure): PlaceMention | null {
  let best: PlaceMention | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  const { tokens, places } = s;
  const preference = PREFERENCE[measure];
  // tokenDistance(tokens, p, span) and slotOf(tokens, p) inlined, so the span's token positions
  // and each place's are looked up once (this runs for every claim and every event)
  let spanStart = -1;
  let spanEnd = -1;
  for (let k = 0; k < places.length; k++) {
    const p = places[k]!;
    if (p.role !== 'place') continue;
    // on a tie the place after the number wins: "about 180,000 live in Uzbekistan and roughly 100,000 in Kazakhstan"
    const after = p.start >= span.end ? 0 : 0.5;
    const at = tokenAt(tokens, p.start);
    let distance = 0;
    if (p.start < span.end && span.start < p.end) distance = 0;
    else if (p.end <= span.start) {
      if (spanStart < 0) spanStart = tokenAt(tokens, span.start);
      distance = Math.max(0, spanStart - tokenAt(tokens, p.end));
    } else {
      if (spanEnd < 0) spanEnd = tokenAt(tokens, span.end);
      distance = Math.max(0, at - spanEnd);
    }
    const score = preference.indexOf(slotAt(tokens, at)) * 1000 + distance + after;
    if (score < bestScore) {
      best = p;
      bestScore = score;
    }
  }
  return best;
}

/** Where people went or are counts for the frame; where they came from does not. */
const SLOT_WEIGHT: Record<Slot, number> = { location: 2, destination: 2, bare: 1, of: 1, origin: 0 };

/**
 * The place a document as a whole is about: the place in its title, else the most specific
 * place that holds more than half of all weighted place mentions (a mention of Petropavlovsk
 * counts for Kamchatka and for Russia too). "The population first came to the area" in an
 * article about Kamchatka is about Kamchatka. A country named as the nationality of a group
 * ("North Korean workers", "Vietnamese people") is where the group comes from, not where the
 * document is: each such demonym takes one mention's weight away from it.
 */
export function documentFrame(sentences: readonly SentenceAnnotations[], titlePlace: PlaceRef | null): PlaceRef | null {
  if (titlePlace) return titlePlace;
  const score = new Map<string, number>();
  // the place, then its parents (index loops: this runs once per document over every mention,
  // and a spread array and a closure per mention were most of claim assembly's garbage)
  const add = (place: PlaceRef, w: number) => {
    score.set(place.id, (score.get(place.id) ?? 0) + w);
    const parents = place.parents;
    for (let k = 0; k < parents.length; k++) score.set(parents[k]!, (score.get(parents[k]!) ?? 0) + w);
  };
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    for (let k = 0; k < s.places.length; k++) {
      const p = s.places[k]!;
      if (p.role === 'place') add(p.place, SLOT_WEIGHT[slotOf(s.tokens, p)]);
      else if (insideGroup(s.groups, p)) add(p.place, -1);
    }
  }
  const ranked = [...score.entries()].filter(([, w]) => w > 0).sort((a, b) => b[1] - a[1]);
  const top = ranked[0];
  if (!top) return null;
  // the root with the most weight, then its deepest descendant that keeps half of that weight
  let best: { id: string; depth: number } | null = null;
  for (const [id, w] of ranked) {
    const place = getPlace(id);
    if (!place || (id !== top[0] && w <= top[1] / 2)) continue;
    if (id !== top[0] && !place.parents.includes(top[0])) continue;
    if (!best || place.parents.length > best.depth) best = { id, depth: place.parents.length };
  }
  return getPlace(best?.id ?? top[0]);
}

function insideGroup(groups: readonly GroupMention[], p: Span): boolean {
  for (let k = 0; k < groups.length; k++) if (groups[k]!.start <= p.start && p.end <= groups[k]!.end) return true;
  return false;
}

/**
 * Attaches where a claim holds: the best place in its sentence for its measure; else, when the
 * sentence before made a claim of the same measure about the same kind of group, that claim's
 * place (the text goes on about the same figures: "...peaked at 2,914 in South Korea. Arrivals
 * fell to just 63 in 2021"); else the document's frame (implied).
 */
export const attachPlace: Refiner = (ctx: AssemblyContext, drafts) => {
  const out: ClaimDraft[] = [];
  // the last claim made so far in each sentence (searching `out` backwards per draft was quadratic)
  const lastIn = new Map<number, ClaimDraft>();
  const push = (d: ClaimDraft) => {
    out.push(d);
    lastIn.set(d.sentenceIndex, d);
  };
  for (const d of drafts) {
    const found = placeIn(ctx.sentences[d.sentenceIndex]!, d.quantity, d.measure);
    if (found) {
      push({ ...d, place: found.place });
      continue;
    }
    const prev = lastIn.get(d.sentenceIndex - 1);
    const sameSection =
      ctx.sentences[d.sentenceIndex - 1]?.sentence.section === ctx.sentences[d.sentenceIndex]!.sentence.section;
    if (prev?.place && sameSection && prev.measure === d.measure && prev.group?.kind === d.group?.kind) {
      push({ ...d, place: prev.place, implied: { ...d.implied, place: 'previous-sentence' } });
    } else if (ctx.frame) push({ ...d, place: ctx.frame, implied: { ...d.implied, place: 'document' } });
    else push(d);
  }
  return out;
};
