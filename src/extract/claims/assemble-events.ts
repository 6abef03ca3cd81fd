import type { EventType, PlaceRef, TimeExpr } from '../types.js';
import { placeIn, slotOf } from './attach-place.js';
import { timeFor } from './attach-time.js';
import type { AssemblyContext } from './draft.js';

export interface EventDraft {
  sentenceIndex: number;
  start: number;
  end: number;
  text: string;
  type: EventType;
  time: TimeExpr | null;
  place: PlaceRef | null;
  actors: string[];
}

/**
 * Turns event triggers into events with their time (stated, else carried from the section),
 * place (the best place in the sentence) and actors (the sentence's named persons and
 * organisations, and places acting as subjects: "North Korea made an offer"). One event per
 * type per sentence: a second trigger of the same type restates the first. `from` and `to`
 * limit it to the sentences [from, to) (the extractor assembles a block of sentences at a time).
 */
export function assembleEvents(ctx: AssemblyContext, from = 0, to = ctx.sentences.length): EventDraft[] {
  const events: EventDraft[] = [];
  for (let sentenceIndex = from; sentenceIndex < to; sentenceIndex++) {
    const s = ctx.sentences[sentenceIndex]!;
    // most sentences have no event: spare them the Set
    if (s.events.length === 0) continue;
    const seen = new Set<EventType>();
    for (const e of s.events) {
      if (seen.has(e.type)) continue;
      seen.add(e.type);
      const actors = new Set<string>();
      // a name the gazetteer knows is a place, not a person ("Nizhny Novgorod" read as a name)
      for (const en of s.entities) {
        if (en.kind !== 'other' && !s.places.some((p) => p.start <= en.start && en.end <= p.end)) actors.add(en.name);
      }
      for (const p of s.places) {
        if (p.role === 'place' && p.place.kind === 'country' && p.end <= e.start && slotOf(s.tokens, p) === 'bare') {
          actors.add(p.place.name);
        }
      }
      events.push({
        sentenceIndex,
        start: e.start,
        end: e.end,
        text: e.text,
        type: e.type,
        time: timeFor(ctx, sentenceIndex, e)?.time ?? null,
        place: placeIn(s, e, 'population')?.place ?? null,
        actors: [...actors],
      });
    }
  }
  return events;
}
