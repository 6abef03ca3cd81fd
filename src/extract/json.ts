import type { ReadDocument } from '../corpus/types.js';
import type { EventDraft } from './claims/assemble-events.js';
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
 * The contract's claims and events (../shared/eval/README.md). Each block's drafts are taken in
 * as soon as the block is assembled, so the drafts die young, and kept as rows (Rows) until the
 * end of the document, when the JSON is written. Why rows: what the extractor keeps until the
 * end is copied by each scavenge of the young generation until then, twice (~1.7 ms per MB on
 * this machine). Kept as drafts, claims and events were ~10 MB per 5 MB read; as JSON, ~16 MB
 * (a record, two span lists, a value, a group and a time each); as rows, offsets outside the
 * heap and one list of fields per block. Measured on the bundled article repeated to 5 MB:
 * rows ~6% faster in all than JSON written block by block, which was as fast as drafts.
 * Offsets index the original file (`doc.source`). A claim whose place is the document's frame,
 * known only at the end, waits for it (`write`).
 */
export class JsonWriter {
  private readonly claimRows: Rows[] = [];
  private readonly eventRows: Rows[] = [];
  private readonly placeJsons = new PlaceJsons();

  constructor(private readonly doc: ReadDocument) {}

  addClaims(block: BlockClaims): void {
    const { drafts, waits } = block;
    if (drafts.length === 0) return;
    const offsets = new Int32Array(drafts.length * 4);
    const values = new Float64Array(drafts.length * 2);
    const fields: unknown[] = new Array(drafts.length * CLAIM_FIELDS);
    for (let k = 0, i = 0; k < drafts.length; k++, i += CLAIM_FIELDS) {
      const d = drafts[k]!;
      this.span(offsets, 4 * k, d.quantity);
      this.span(offsets, 4 * k + 2, this.doc.sentences[d.sentenceIndex]!);
      values[2 * k] = d.value.low ?? Number.NaN;
      values[2 * k + 1] = d.value.high ?? Number.NaN;
      const { group, time } = d;
      fields[i] = d.value.approx;
      fields[i + 1] = d.measure;
      fields[i + 2] = d.unit;
      fields[i + 3] = d.per;
      fields[i + 4] = group ? group.kind : null;
      fields[i + 5] = group ? group.label : null;
      fields[i + 6] = d.implied.group;
      fields[i + 7] = time ? time.interval.start : null;
      fields[i + 8] = time ? time.interval.end : null;
      fields[i + 9] = time ? time.edtf : null;
      fields[i + 10] = time ? time.precision : null;
      fields[i + 11] = d.implied.time;
      fields[i + 12] = d.place;
      // a claim waiting for the frame has no place yet, and says where it would take it from
      fields[i + 13] = waits[k] ?? d.implied.place;
      fields[i + 14] = d.source;
      fields[i + 15] = d.modality;
      fields[i + 16] = d.quantity.rule;
    }
    this.claimRows.push(new Rows(offsets, values, fields));
  }

  addEvents(events: readonly EventDraft[]): void {
    if (events.length === 0) return;
    const offsets = new Int32Array(events.length * 4);
    const fields: unknown[] = new Array(events.length * EVENT_FIELDS);
    for (let k = 0, i = 0; k < events.length; k++, i += EVENT_FIELDS) {
      const e = events[k]!;
      this.span(offsets, 4 * k, e);
      this.span(offsets, 4 * k + 2, this.doc.sentences[e.sentenceIndex]!);
      const { time } = e;
      fields[i] = e.type;
      fields[i + 1] = time ? time.interval.start : null;
      fields[i + 2] = time ? time.interval.end : null;
      fields[i + 3] = time ? time.edtf : null;
      fields[i + 4] = time ? time.precision : null;
      fields[i + 5] = e.place;
      fields[i + 6] = e.actors;
    }
    this.eventRows.push(new Rows(offsets, NO_VALUES, fields));
  }

  /** The claims and events, once every block is added and the document's frame is known (or null). */
  write(frame: PlaceRef | null): { claims: ClaimJson[]; events: EventJson[] } {
    const claims: ClaimJson[] = [];
    for (const rows of this.claimRows) this.writeClaims(rows, frame, claims);
    const events: EventJson[] = [];
    for (const rows of this.eventRows) this.writeEvents(rows, events);
    return { claims, events };
  }

  private writeClaims(rows: Rows, frame: PlaceRef | null, claims: ClaimJson[]): void {
    const { offsets, values, fields: f } = rows;
    const placeJsons = this.placeJsons;
    for (let k = 0, i = 0; i < f.length; k++, i += CLAIM_FIELDS) {
      const span = this.pair(offsets, 4 * k);
      const low = values[2 * k]!;
      const high = values[2 * k + 1]!;
      const kind = f[i + 4] as GroupKind | null;
      const groupImplied = f[i + 6] as string | undefined;
      const precision = f[i + 10] as TimeExpr['precision'] | null;
      const place = (f[i + 12] as PlaceRef | null) ?? (f[i + 13] === undefined ? null : frame);
      claims.push(
        new ClaimJsonRecord(
          span,
          this.slice(span),
          this.pair(offsets, 4 * k + 2),
          f[i + 1] as Measure,
          new Value(Number.isNaN(low) ? null : low, Number.isNaN(high) ? null : high, f[i] as Approx),
          f[i + 2] as string,
          f[i + 3] as string | null,
          kind === null
            ? null
            : groupImplied
              ? new ImpliedGroupJsonRecord(kind, f[i + 5] as string, groupImplied)
              : new GroupJsonRecord(kind, f[i + 5] as string),
          precision === null
            ? null
            : timeJson(
                f[i + 7] as string | null,
                f[i + 8] as string | null,
                f[i + 9] as string,
                precision,
                f[i + 11] as string | undefined,
              ),
          place && placeJsons.get(place, f[i + 13] as string | undefined),
          f[i + 14] as string | null,
          f[i + 15] as Modality,
          f[i + 16] as string,
        ),
      );
    }
  }

  private writeEvents(rows: Rows, events: EventJson[]): void {
    const { offsets, fields: f } = rows;
    for (let k = 0, i = 0; i < f.length; k++, i += EVENT_FIELDS) {
      const span = this.pair(offsets, 4 * k);
      const precision = f[i + 4] as TimeExpr['precision'] | null;
      const place = f[i + 5] as PlaceRef | null;
      events.push(
        new EventJsonRecord(
          span,
          this.slice(span),
          this.pair(offsets, 4 * k + 2),
          f[i] as EventType,
          precision === null
            ? null
            : timeJson(f[i + 1] as string | null, f[i + 2] as string | null, f[i + 3] as string, precision, undefined),
          place && this.placeJsons.get(place, undefined),
          f[i + 6] as string[],
        ),
      );
    }
  }

  /** Writes a span's offsets in the original file at offsets[at], offsets[at + 1]. */
  private span(offsets: Int32Array, at: number, span: Span): void {
    const mapped = this.doc.spanToSource(span);
    offsets[at] = mapped.start;
    offsets[at + 1] = mapped.end;
  }

  // Array.of, not a literal `[start, end]`: V8 makes a literal whose objects all survive
  // allocate in the old generation, which cost more than the rest of the claim's JSON (see
  // TimeRecord in times/resolve.ts).
  private pair(offsets: Int32Array, at: number): [number, number] {
    return Array.of(offsets[at]!, offsets[at + 1]!) as [number, number];
  }

  private slice(span: [number, number]): string {
    return this.doc.source.slice(span[0], span[1]);
  }
}

/**
 * A block's claims or events until they are written: per item, a span and a sentence (4 offsets,
 * which fit in 32 bits: a V8 string holds at most 2^29 characters) and for claims a value (low
 * and high, NaN for null), kept outside the heap; and the item's fields in one list
 * (CLAIM_FIELDS or EVENT_FIELDS each, in the order addClaims or addEvents writes them).
 */
class Rows {
  constructor(
    readonly offsets: Int32Array,
    readonly values: Float64Array,
    readonly fields: unknown[],
  ) {}
}

const NO_VALUES = new Float64Array(0);

const CLAIM_FIELDS = 17;
const EVENT_FIELDS = 7;

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

class Value {
  constructor(
    public low: number | null,
    public high: number | null,
    public approx: Approx,
  ) {}
}

class GroupJsonRecord {
  constructor(
    public kind: GroupKind,
    public label: string,
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

function timeJson(
  start: string | null,
  end: string | null,
  edtf: string,
  precision: TimeExpr['precision'],
  implied: string | undefined,
): TimeJson {
  return implied
    ? new ImpliedTimeJsonRecord(start, end, edtf, precision, implied)
    : new TimeJsonRecord(start, end, edtf, precision);
}

function placeJson(p: PlaceRef, implied?: string): PlaceJson {
  return implied
    ? { name: p.name, lat: p.lat, lon: p.lon, id: p.id, implied }
    : { name: p.name, lat: p.lat, lon: p.lon, id: p.id };
}
