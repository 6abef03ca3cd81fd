import type { EventType, PlaceRef, TimeExpr } from '../types.js';
import { placeIn, slotOf } from './attach-place.js';
import { timeFor } from './attach-time.js';
import type { AssemblyContext } from './draft.js';
import { insideAny } from './positions.js';

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
 * An event draft made by `new` of a class, not an object literal: drafts are kept until the
 * document is done, and V8 makes a literal whose objects all survive allocate in the old
 * generation ("pretenuring"), where each allocation cost more than the rest of the event's
 * assembly (see TimeRecord in times/resolve.ts).
 */
class EventRecord implements EventDraft {
  constructor(
    public sentenceIndex: number,
    public start: number,
    public end: number,
    public text: string,
    public type: EventType,
    public time: TimeExpr | null,
    public place: PlaceRef | null,
    public actors: string[],
  ) {}
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
    // most sentences have no event; the rest have a handful of types and actors, so plain
    // arrays stand in for Sets (a Set per event was a good part of this function's allocation)
    if (s.events.length === 0) continue;
    const seen: EventType[] = [];
    for (const e of s.events) {
      if (seen.includes(e.type)) continue;
      seen.push(e.type);
      const actors: string[] = [];
      // a name the gazetteer knows is a place, not a person ("Nizhny Novgorod" read as a name)
      for (const en of s.entities) {
        if (en.kind !== 'other' && !insideAny(s.places, en) && !actors.includes(en.name)) actors.push(en.name);
      }
      for (const p of s.places) {
        if (p.role === 'place' && p.place.kind === 'country' && p.end <= e.start && slotOf(s.tokens, p) === 'bare') {
          if (!actors.includes(p.place.name)) actors.push(p.place.name);
        }
      }
      events.push(
        new EventRecord(
          sentenceIndex,
          e.start,
          e.end,
          e.text,
          e.type,
          timeFor(ctx, sentenceIndex, e)?.time ?? null,
          placeIn(s, e, 'population')?.place ?? null,
          // kept to the end of the document: a copy of exactly its length, not the 16 slots push gave it
          actors.slice(),
        ),
      );
    }
  }
  return events;
}
