import { getPlace } from '../places/gazetteer.js';
import { SpellingMemo } from '../tokenize.js';
import type { Measure, PlaceMention, PlaceRef, Span, Token } from '../types.js';
import {
  type AssemblyContext,
  type ClaimDraft,
  copyDraft,
  impliedWith,
  mapDrafts,
  type Provenance,
  type Refiner,
  type SentenceAnnotations,
} from './draft.js';
import { PLACE_SLOTS } from './lexicon.js';
import { insideAny, tokenAt } from './positions.js';

type Slot = 'location' | 'destination' | 'origin' | 'of' | 'bare';

/** How many lower-case words may stand between a preposition and its place ("in the former Soviet Union"). */
const MAX_MODIFIERS = 3;

/** PLACE_SLOTS.get(t.lower), per spelling: asked of the words before every place mention. */
const SLOT_OF = new SpellingMemo((t: Token) => PLACE_SLOTS.get(t.lower));

/** The role a place plays, read from the preposition before it ("in Russia", "to Kamchatka", "from Kilju"). */
export function slotOf(tokens: readonly Token[], place: Span): Slot {
  return slotAt(tokens, tokenAt(tokens, place.start));
}

/** slotOf for the place starting at token `at`. */
function slotAt(tokens: readonly Token[], at: number): Slot {
  for (let i = at - 1; i >= 0 && at - i <= MAX_MODIFIERS + 1; i--) {
    const t = tokens[i]!;
    const slot = SLOT_OF.get(t);
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
const ARRIVALS: readonly Slot[] = ['destination', 'location', 'bare', 'of', 'origin'];
const DEPARTURES: readonly Slot[] = ['location', 'origin', 'bare', 'destination', 'of'];
const PRESENCE: readonly Slot[] = ['location', 'bare', 'of', 'destination', 'origin'];

/** A switch, not a Record read by the measure's name (a generic keyed look-up per claim and event). */
function preferenceOf(measure: Measure): readonly Slot[] {
  switch (measure) {
    case 'arrivals':
      return ARRIVALS;
    case 'departures':
      return DEPARTURES;
    default:
      return PRESENCE;
  }
}

/** The best place in a sentence for a span, by slot preference then token distance. */
export function placeIn(s: SentenceAnnotations, span: Span, measure: Measure): PlaceMention | null {
  let best: PlaceMention | null = null;
  let bestScore = Number.POSITIVE_INFINITY;
  const { tokens, places } = s;
  const preference = preferenceOf(measure);
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

/**
 * Where people went or are counts for the frame; where they came from does not. A switch, not a
 * Record read by the slot's name: a keyed read with five different keys is a generic look-up, and
 * this runs for every place mention.
 */
function slotWeight(slot: Slot): number {
  switch (slot) {
    case 'location':
    case 'destination':
      return 2;
    case 'bare':
    case 'of':
      return 1;
    default:
      return 0;
  }
}

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
  const tally = new FrameTally();
  for (let i = 0; i < sentences.length; i++) tally.add(sentences[i]!);
  return tally.frame();
}

/**
 * documentFrame's weights, added a sentence at a time: the extractor adds each block of
 * sentences while their tokens are alive (the slot of a place is read from them).
 */
export class FrameTally {
  /** weight by place id, in order of first mention (the ranking keeps that order on ties) */
  private readonly score = new Map<string, { w: number }>();
  /** the weights a mention of each place adds to: its own, then its parents' */
  private readonly chains = new Map<PlaceRef, { w: number }[]>();

  /** Adds the place mentions of the next sentence (sentences in document order). */
  add(s: SentenceAnnotations): void {
    if (s.places.length === 0) return;
    for (let k = 0; k < s.places.length; k++) {
      const p = s.places[k]!;
      if (p.role === 'place') this.weigh(p.place, slotWeight(slotOf(s.tokens, p)));
      else if (insideAny(s.groups, p)) this.weigh(p.place, -1);
    }
  }

  // the place, then its parents: one look-up per mention, not two per id (this runs over every
  // place mention of the document)
  private weigh(place: PlaceRef, w: number): void {
    let chain = this.chains.get(place);
    if (chain === undefined) {
      chain = [this.cell(place.id)];
      for (let k = 0; k < place.parents.length; k++) chain.push(this.cell(place.parents[k]!));
      this.chains.set(place, chain);
    }
    for (let k = 0; k < chain.length; k++) chain[k]!.w += w;
  }

  private cell(id: string): { w: number } {
    let c = this.score.get(id);
    if (c === undefined) {
      c = { w: 0 };
      this.score.set(id, c);
    }
    return c;
  }

  /** The frame of the sentences added so far, or null. */
  frame(): PlaceRef | null {
    const ranked: [string, number][] = [];
    for (const [id, c] of this.score) if (c.w > 0) ranked.push([id, c.w]);
    ranked.sort((a, b) => b[1] - a[1]);
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
}

/** A copy of the draft with its place, implied from `from` unless stated. */
function placed(d: ClaimDraft, place: PlaceRef, from: Provenance | null): ClaimDraft {
  const c = copyDraft(d);
  c.place = place;
  if (from !== null) c.implied = impliedWith(d.implied, 'place', from);
  return c;
}

/**
 * Attaches where a claim holds: the best place in its sentence for its measure; else, when the
 * sentence before made a claim of the same measure about the same kind of group, that claim's
 * place (the text goes on about the same figures: "...peaked at 2,914 in South Korea. Arrivals
 * fell to just 63 in 2021"); else the document's frame (implied).
 */
export const attachPlace: Refiner = (ctx, drafts) => placeClaims(ctx, drafts, statedPlaces(ctx, drafts));

/**
 * The first half of attachPlace: the best place in each draft's own sentence, or null. It reads
 * the sentence's tokens, so the extractor runs it a block of sentences at a time.
 */
export function statedPlaces(ctx: AssemblyContext, drafts: readonly ClaimDraft[]): (PlaceRef | null)[] {
  return mapDrafts(drafts, (d) => placeIn(ctx.sentences[d.sentenceIndex]!, d.quantity, d.measure)?.place ?? null);
}

/** Where a claim that falls back on the document's frame takes it from: directly, or through the claim before. */
export type FrameProvenance = 'document' | 'previous-sentence';

/**
 * The second half of attachPlace, over the whole document, once `ctx.frame` is set (or known to
 * be null): `stated[k]` is statedPlaces' answer for `drafts[k]`.
 */
export function placeClaims(
  ctx: AssemblyContext,
  drafts: readonly ClaimDraft[],
  stated: readonly (PlaceRef | null)[],
): ClaimDraft[] {
  // with the frame known, a draft waits for it only when there is none: it stays without a place
  return new ClaimPlacer(ctx).add(drafts, stated).drafts;
}

/** Claims as ClaimPlacer placed them, and for each where it would take the frame from if it waits for it. */
export interface BlockClaims {
  drafts: ClaimDraft[];
  waits: (FrameProvenance | null)[];
}

/** A claim ClaimPlacer placed, and where it would take the frame from if it waits for it. */
class Placed {
  constructor(
    readonly draft: ClaimDraft,
    readonly waits: FrameProvenance | null,
  ) {}
}

/**
 * The second half of attachPlace a block of drafts at a time, in document order, before the
 * document's frame may be known: the extractor learns it only once every sentence is read
 * (unless the title names a place), and lets each block's drafts go as soon as they are
 * assembled. A draft that falls back on a frame not yet known is returned without a place, and
 * its `waits` says where it would take the frame from; whoever holds the draft's result gives it
 * the frame at the end (no frame: no place).
 */
export class ClaimPlacer {
  /** the last claim placed, and the last one of the sentence before its sentence */
  private last: Placed | null = null;
  private lastOfPrevious: Placed | null = null;

  constructor(private readonly ctx: AssemblyContext) {}

  /** Places drafts that come after every draft added before (document order). */
  add(drafts: readonly ClaimDraft[], stated: readonly (PlaceRef | null)[]): BlockClaims {
    const out: ClaimDraft[] = [];
    const waits: (FrameProvenance | null)[] = [];
    for (let k = 0; k < drafts.length; k++) {
      const d = drafts[k]!;
      const found = stated[k];
      let result: Placed;
      if (found) result = new Placed(placed(d, found, null), null);
      else {
        const prev = this.lastIn(d.sentenceIndex - 1);
        const { sentences } = this.ctx;
        const sameSection =
          sentences[d.sentenceIndex - 1]?.sentence.section === sentences[d.sentenceIndex]!.sentence.section;
        if (
          prev &&
          (prev.draft.place || prev.waits !== null) &&
          sameSection &&
          prev.draft.measure === d.measure &&
          prev.draft.group?.kind === d.group?.kind
        ) {
          // the claim before holds a place, or will hold the frame: this one holds the same
          result = prev.draft.place
            ? new Placed(placed(d, prev.draft.place, 'previous-sentence'), null)
            : this.framed(d, 'previous-sentence');
        } else result = this.framed(d, 'document');
      }
      out.push(result.draft);
      waits.push(result.waits);
      this.remember(result);
    }
    return { drafts: out, waits };
  }

  private framed(d: ClaimDraft, from: FrameProvenance): Placed {
    const { frame } = this.ctx;
    return frame ? new Placed(placed(d, frame, from), null) : new Placed(d, from);
  }

  /** The last claim placed in sentence `index`, among the two sentences last seen. */
  private lastIn(index: number): Placed | null {
    if (this.last?.draft.sentenceIndex === index) return this.last;
    if (this.lastOfPrevious?.draft.sentenceIndex === index) return this.lastOfPrevious;
    return null;
  }

  private remember(p: Placed): void {
    if (this.last && this.last.draft.sentenceIndex !== p.draft.sentenceIndex) this.lastOfPrevious = this.last;
    this.last = p;
  }
}
