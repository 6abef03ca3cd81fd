import type { ReadDocument } from '../corpus/types.js';
import type { EventDraft } from './claims/assemble-events.js';
import type { FrameProvenance } from './claims/attach-place.js';
import type { BlockClaims } from './claims/pipeline.js';
import type { Approx, EventType, GroupKind, Measure, Modality, PlaceRef, Span, TimeExpr } from './types.js';

/** A time in the contract: ISO 8601 partial dates, with the EDTF form and whether it was implied. */
export interface TimeJson {
  start: string | null;
  end: string | null;
  edtf: string;
  precision: TimeExpr['precision'];
  /** set when the claim's sentence does not state the time and it was carried from before */
  implied?: string;
}

export interface PlaceJson {
  name: string;
  lat: number | null;
  lon: number | null;
  /** gazetteer id (`RU-PRI`, `city:RU:vladivostok`...) */
  id: string;
  implied?: string;
}

export interface ClaimJson {
  span: [number, number];
  text: string;
  sentence: [number, number];
  measure: Measure;
  value: { low: number | null; high: number | null; approx: Approx };
  unit: string;
  per: string | null;
  group: { kind: GroupKind; label: string; implied?: string } | null;
  time: TimeJson | null;
  place: PlaceJson | null;
  source: string | null;
  modality: Modality;
  /** the number rule that found it, for traces */
  rule: string;
}

export interface EventJson {
  span: [number, number];
  text: string;
  sentence: [number, number];
  type: EventType;
  time: TimeJson | null;
  place: PlaceJson | null;
  actors: string[];
}

/**
 * The contract's claims and events (../shared/eval/README.md), written from the drafts of each
 * block of sentences as soon as the block is assembled, so the drafts die young: kept to the end
 * of a document instead, they were ~10 MB of every 5 MB read, and each scavenge of the young
 * generation until then copied what was kept (~1 ms per MB on this machine). Offsets index the
 * original file (`doc.source`). A claim whose place is the document's frame, known only at the
 * end, gets it from `settle`.
 */
export class JsonWriter {
  readonly claims: ClaimJson[] = [];
  readonly events: EventJson[] = [];
  private readonly placeJsons = new PlaceJsons();
  /** the claims waiting for the frame, and where each would take it from */
  private readonly waiting: ClaimJson[] = [];
  private readonly waitingFrom: FrameProvenance[] = [];

  constructor(private readonly doc: ReadDocument) {}

  addClaims(block: BlockClaims): void {
    const { drafts, waits } = block;
    for (let k = 0; k < drafts.length; k++) {
      const d = drafts[k]!;
      const span = this.src(d.quantity);
      const json = new ClaimJsonRecord(
        span,
        this.slice(span),
        this.src(this.doc.sentences[d.sentenceIndex]!),
        d.measure,
        d.value,
        d.unit,
        d.per,
        // not `{ ...d.group, implied }`, which made a hidden class of its own for each such claim
        d.group &&
          (d.implied.group ? new ImpliedGroupJsonRecord(d.group.kind, d.group.label, d.implied.group) : d.group),
        d.time && timeJson(d.time, d.implied.time),
        d.place && this.placeJsons.get(d.place, d.implied.place),
        d.source,
        d.modality,
        d.quantity.rule,
      );
      this.claims.push(json);
      const from = waits[k];
      if (from) {
        this.waiting.push(json);
        this.waitingFrom.push(from);
      }
    }
  }

  addEvents(events: readonly EventDraft[]): void {
    for (let k = 0; k < events.length; k++) {
      const e = events[k]!;
      const span = this.src(e);
      this.events.push(
        new EventJsonRecord(
          span,
          this.slice(span),
          this.src(this.doc.sentences[e.sentenceIndex]!),
          e.type,
          e.time && timeJson(e.time),
          e.place && this.placeJsons.get(e.place, undefined),
          e.actors,
        ),
      );
    }
  }

  /** Gives the claims that wait for the document's frame their place: the frame, or none. */
  settle(frame: PlaceRef | null): void {
    if (frame === null) return;
    for (let k = 0; k < this.waiting.length; k++) {
      this.waiting[k]!.place = this.placeJsons.get(frame, this.waitingFrom[k]);
    }
  }

  // Array.of, not a literal `[start, end]`: every claim's and event's spans are kept to the end,
  // and V8 makes a literal whose objects all survive allocate in the old generation, which cost
  // more than the rest of the claim's JSON (see TimeRecord in times/resolve.ts).
  private src(span: Span): [number, number] {
    const mapped = this.doc.spanToSource(span);
    return Array.of(mapped.start, mapped.end) as [number, number];
  }

  private slice(span: [number, number]): string {
    return this.doc.source.slice(span[0], span[1]);
  }
}

/**
 * The JSON of each place, made once per document for each provenance and shared by every claim
 * and event that holds it: a document's claims and events all stay alive until it is done, and
 * each scavenge of the young generation until then copies what is alive. A document's thousands
 * of claims and events name a handful of places; one object each was ~3 MB of the ~40 MB kept
 * while extracting 5 MB. (Times are not shared: nearly every claim has its own.) Shared objects
 * are read-only; applyPatch copies what it changes.
 */
class PlaceJsons {
  /** by place, then by where it was implied from ('' when stated) */
  private readonly made = new Map<PlaceRef, Map<string, PlaceJson>>();

  get(p: PlaceRef, implied: string | undefined): PlaceJson {
    let byProvenance = this.made.get(p);
    if (byProvenance === undefined) {
      byProvenance = new Map();
      this.made.set(p, byProvenance);
    }
    const key = implied ?? '';
    let json = byProvenance.get(key);
    if (json === undefined) {
      json = placeJson(p, implied);
      byProvenance.set(key, json);
    }
    return json;
  }
}

/*
 * The JSON records of claims, events and times, made by `new` of classes rather than literals:
 * they are all kept until the document is done, and V8 makes a literal whose objects all survive
 * allocate in the old generation, where each allocation cost more than filling the record in (see
 * TimeRecord in times/resolve.ts). Their own enumerable fields, in the contract's order, are
 * all there is to them: JSON.stringify and structured cloning see plain data.
 */

class ClaimJsonRecord implements ClaimJson {
  constructor(
    public span: [number, number],
    public text: string,
    public sentence: [number, number],
    public measure: ClaimJson['measure'],
    public value: ClaimJson['value'],
    public unit: string,
    public per: string | null,
    public group: ClaimJson['group'],
    public time: TimeJson | null,
    public place: PlaceJson | null,
    public source: string | null,
    public modality: ClaimJson['modality'],
    public rule: string,
  ) {}
}

class EventJsonRecord implements EventJson {
  constructor(
    public span: [number, number],
    public text: string,
    public sentence: [number, number],
    public type: EventType,
    public time: TimeJson | null,
    public place: PlaceJson | null,
    public actors: string[],
  ) {}
}

class ImpliedGroupJsonRecord {
  constructor(
    public kind: GroupKind,
    public label: string,
    public implied: string,
  ) {}
}

class TimeJsonRecord implements TimeJson {
  constructor(
    public start: string | null,
    public end: string | null,
    public edtf: string,
    public precision: TimeExpr['precision'],
  ) {}
}

/** A time carried from before: `implied` is a field of its own record, not added to a stated one's. */
class ImpliedTimeJsonRecord extends TimeJsonRecord {
  constructor(
    start: string | null,
    end: string | null,
    edtf: string,
    precision: TimeExpr['precision'],
    public implied: string,
  ) {
    super(start, end, edtf, precision);
  }
}

function timeJson(t: TimeExpr, implied?: string): TimeJson {
  const { start, end } = t.interval;
  return implied
    ? new ImpliedTimeJsonRecord(start, end, t.edtf, t.precision, implied)
    : new TimeJsonRecord(start, end, t.edtf, t.precision);
}

function placeJson(p: PlaceRef, implied?: string): PlaceJson {
  return implied
    ? { name: p.name, lat: p.lat, lon: p.lon, id: p.id, implied }
    : { name: p.name, lat: p.lat, lon: p.lon, id: p.id };
}
