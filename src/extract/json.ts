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
 * as soon as the block is assembled, so the drafts die young, and kept as numbers until the end
 * of the document, when the JSON is written. Why numbers: what the extractor keeps until the end
 * is copied by each scavenge of the young generation until then, twice, and V8 copies a kept
 * object graph slowly (~2.5 ms per MB on this machine, measured with --trace-gc-nvp). So each
 * claim and event is a row of 32-bit integers outside the heap (RowList): its offsets, and a
 * code per field, the field's value numbered in the order first seen (Codes: a document's
 * thousands of claims share a few hundred measures, units, times, places and sources). Only the
 * distinct values stay on the heap. Measured on the bundled article repeated to 5 MB: a row per
 * block as a list of the fields' values had cost ~40 of the ~75 ms the scavenges took per run;
 * as codes, the scavenges take ~55 ms (median per run 354 -> 321 ms, 60 runs each).
 * Offsets index the original file (`doc.source`). A claim whose place is the document's frame,
 * known only at the end, waits for it (`write`).
 */
export class JsonWriter {
  /** per claim: span, sentence, the codes of the fields (C_* below), its value's low and high (NaN for null) */
  private readonly claimRows = new RowList(CLAIM_INTS);
  /** per event: span, sentence, then the codes of the fields (E_* below) */
  private readonly eventRows = new RowList(EVENT_INTS);
  /** the actors of each event, as codes of `actors`, together (an event's row says where) */
  private readonly actorCodes = new RowList(1);
  private readonly approx = new Codes<Approx>();
  private readonly measure = new Codes<Measure>();
  private readonly unit = new Codes<string>();
  private readonly per = new Codes<string | null>();
  private readonly groups = new GroupCodes();
  private readonly implied = new Codes<string | undefined>();
  private readonly times = new TimeCodes();
  private readonly place = new Codes<PlaceRef | null>();
  private readonly source = new Codes<string | null>();
  private readonly modality = new Codes<Modality>();
  private readonly rule = new Codes<string>();
  private readonly eventType = new Codes<EventType>();
  private readonly actors = new Codes<string>();
  private readonly placeJsons = new PlaceJsons();

  constructor(private readonly doc: ReadDocument) {}

  addClaims(block: BlockClaims): void {
    const { drafts, waits } = block;
    const rows = this.claimRows;
    for (let k = 0; k < drafts.length; k++) {
      const d = drafts[k]!;
      const { group, time, value } = d;
      const at = rows.add(1);
      const row = rows.ints;
      this.span(row, at, d.quantity);
      this.sentenceSpan(row, at + 2, d.sentenceIndex);
      row[at + C_APPROX] = this.approx.code(value.approx);
      row[at + C_MEASURE] = this.measure.code(d.measure);
      row[at + C_UNIT] = this.unit.code(d.unit);
      row[at + C_PER] = this.per.code(d.per);
      row[at + C_GROUP] = this.groups.code(group);
      row[at + C_GROUP_IMPLIED] = this.implied.code(d.implied.group);
      row[at + C_TIME] = this.times.code(time);
      row[at + C_TIME_IMPLIED] = this.implied.code(d.implied.time);
      row[at + C_PLACE] = this.place.code(d.place);
      // a claim waiting for the frame has no place yet, and says where it would take it from
      row[at + C_PLACE_IMPLIED] = this.implied.code(waits[k] ?? d.implied.place);
      row[at + C_SOURCE] = this.source.code(d.source);
      row[at + C_MODALITY] = this.modality.code(d.modality);
      row[at + C_RULE] = this.rule.code(d.quantity.rule);
      const v = rows.floats;
      v[(at + C_LOW) >> 1] = value.low ?? Number.NaN;
      v[(at + C_HIGH) >> 1] = value.high ?? Number.NaN;
    }
  }

  addEvents(events: readonly EventDraft[]): void {
    const rows = this.eventRows;
    for (let k = 0; k < events.length; k++) {
      const e = events[k]!;
      const at = rows.add(1);
      const row = rows.ints;
      this.span(row, at, e);
      this.sentenceSpan(row, at + 2, e.sentenceIndex);
      row[at + E_TYPE] = this.eventType.code(e.type);
      row[at + E_TIME] = this.times.code(e.time);
      row[at + E_PLACE] = this.place.code(e.place);
      const n = e.actors.length;
      row[at + E_ACTORS_COUNT] = n;
      if (n === 0) continue;
      const codes = this.actorCodes;
      const from = codes.add(n);
      row[at + E_ACTORS_CHUNK] = codes.chunks.length - 1;
      row[at + E_ACTORS_FROM] = from;
      for (let a = 0; a < n; a++) codes.ints[from + a] = this.actors.code(e.actors[a]!);
    }
  }

  /** The claims and events, once every block is added and the document's frame is known (or null). */
  write(frame: PlaceRef | null): { claims: ClaimJson[]; events: EventJson[] } {
    const written = { claims: this.writeClaims(frame), events: this.writeEvents() };
    this.claimRows.release();
    this.eventRows.release();
    this.actorCodes.release();
    return written;
  }

  private writeClaims(frame: PlaceRef | null): ClaimJson[] {
    const claims: ClaimJson[] = [];
    const implied = this.implied.values;
    const rows = this.claimRows;
    for (let c = 0; c < rows.chunks.length; c++) {
      const { ints: row, floats: values } = rows.chunks[c]!;
      const used = rows.used(c);
      for (let at = 0; at < used; at += CLAIM_INTS) {
        const span = pair(row, at);
        const low = values[(at + C_LOW) >> 1]!;
        const high = values[(at + C_HIGH) >> 1]!;
        const placeImplied = implied[row[at + C_PLACE_IMPLIED]!];
        const place = this.place.values[row[at + C_PLACE]!]! ?? (placeImplied === undefined ? null : frame);
        claims.push(
          new ClaimJsonRecord(
            span,
            this.slice(span),
            pair(row, at + 2),
            this.measure.values[row[at + C_MEASURE]!]!,
            new Value(
              Number.isNaN(low) ? null : low,
              Number.isNaN(high) ? null : high,
              this.approx.values[row[at + C_APPROX]!]!,
            ),
            this.unit.values[row[at + C_UNIT]!]!,
            this.per.values[row[at + C_PER]!]!,
            this.groups.json(row[at + C_GROUP]!, implied[row[at + C_GROUP_IMPLIED]!]),
            this.times.json(row[at + C_TIME]!, implied[row[at + C_TIME_IMPLIED]!]),
            place && this.placeJsons.get(place, placeImplied),
            this.source.values[row[at + C_SOURCE]!]!,
            this.modality.values[row[at + C_MODALITY]!]!,
            this.rule.values[row[at + C_RULE]!]!,
          ),
        );
      }
    }
    return claims;
  }

  private writeEvents(): EventJson[] {
    const events: EventJson[] = [];
    const actors = this.actors.values;
    const rows = this.eventRows;
    for (let c = 0; c < rows.chunks.length; c++) {
      const row = rows.chunks[c]!.ints;
      const used = rows.used(c);
      for (let at = 0; at < used; at += EVENT_INTS) {
        const span = pair(row, at);
        const place = this.place.values[row[at + E_PLACE]!]!;
        const n = row[at + E_ACTORS_COUNT]!;
        const names: string[] = [];
        if (n > 0) {
          const codes = this.actorCodes.chunks[row[at + E_ACTORS_CHUNK]!]!.ints;
          const from = row[at + E_ACTORS_FROM]!;
          for (let a = from; a < from + n; a++) names.push(actors[codes[a]!]!);
        }
        events.push(
          new EventJsonRecord(
            span,
            this.slice(span),
            pair(row, at + 2),
            this.eventType.values[row[at + E_TYPE]!]!,
            this.times.json(row[at + E_TIME]!, undefined),
            place && this.placeJsons.get(place, undefined),
            names,
          ),
        );
      }
    }
    return events;
  }

  /** Writes sentence i's offsets in the original file at row[at], row[at + 1]. */
  private sentenceSpan(row: Int32Array, at: number, i: number): void {
    const table = this.doc.sentenceTable;
    this.span(row, at, { start: table.start(i), end: table.end(i) });
  }

  /** Writes a span's offsets in the original file at row[at], row[at + 1]. */
  private span(row: Int32Array, at: number, span: Span): void {
    const mapped = this.doc.spanToSource(span);
    row[at] = mapped.start;
    row[at + 1] = mapped.end;
  }

  private slice(span: [number, number]): string {
    return this.doc.source.slice(span[0], span[1]);
  }
}

/*
 * A claim's row: its span and sentence (4 offsets, which fit in 32 bits: a V8 string holds at
 * most 2^29 characters), then the code of each field, and a claim's value as two doubles (in the
 * same buffer, at an even offset). An event's likewise, with how many actors it has and where they
 * are in actorCodes (chunk and offset).
 */
const C_APPROX = 4;
const C_MEASURE = 5;
const C_UNIT = 6;
const C_PER = 7;
const C_GROUP = 8;
const C_GROUP_IMPLIED = 9;
const C_TIME = 10;
const C_TIME_IMPLIED = 11;
const C_PLACE = 12;
const C_PLACE_IMPLIED = 13;
const C_SOURCE = 14;
const C_MODALITY = 15;
const C_RULE = 16;
// 17 unused: the doubles sit at even offsets
const C_LOW = 18;
const C_HIGH = 20;
const CLAIM_INTS = 22;
const E_TYPE = 4;
const E_TIME = 5;
const E_PLACE = 6;
const E_ACTORS_COUNT = 7;
const E_ACTORS_CHUNK = 8;
const E_ACTORS_FROM = 9;
const EVENT_INTS = 10;

// Array.of, not a literal `[start, end]`: V8 makes a literal whose objects all survive
// allocate in the old generation, which cost more than the rest of the claim's JSON (see
// TimeRecord in times/resolve.ts).
function pair(row: Int32Array, at: number): [number, number] {
  return Array.of(row[at]!, row[at + 1]!) as [number, number];
}

/**
 * Rows of `width` 32-bit integers outside the heap, in chunks (Chunk) of CHUNK_BYTES, taken from
 * the spare chunks of documents done before and given back when written (`release`): making a
 * typed array costs tens of microseconds, and the first writes into its fresh memory cost more
 * (in a CPU profile of a 5 MB run, the two lines held ~1% with arrays grown by doubling).
 */
class RowList {
  readonly chunks: Chunk[] = [];
  /** the last chunk, as integers and as doubles (empty before the first) */
  ints: Int32Array = NO_CHUNK.ints;
  floats: Float64Array = NO_CHUNK.floats;
  /** integers used in the last chunk */
  private length = 0;
  /** integers used in each chunk before the last */
  private readonly filled: number[] = [];
  /** integers a chunk holds: whole rows */
  private readonly capacity: number;

  constructor(private readonly width: number) {
    this.capacity = Math.floor(CHUNK_BYTES / 4 / width) * width;
  }

  /**
   * Adds `n` rows, in the last chunk (`ints`, `floats`); where their integers start. More rows than
   * a chunk holds get a chunk of their own size.
   */
  add(n: number): number {
    const size = n * this.width;
    if (this.length + size > Math.min(this.capacity, this.ints.length)) {
      const chunk = size > this.capacity ? new Chunk(new ArrayBuffer(4 * size)) : (SPARE.pop() ?? new Chunk());
      if (this.chunks.length > 0) this.filled.push(this.length);
      this.chunks.push(chunk);
      this.ints = chunk.ints;
      this.floats = chunk.floats;
      this.length = 0;
    }
    const at = this.length;
    this.length += size;
    return at;
  }

  /** Integers used in chunk `c`. */
  used(c: number): number {
    return c === this.chunks.length - 1 ? this.length : this.filled[c]!;
  }

  /** Gives the chunks to the next document's rows (all of them but outsized ones, up to MAX_SPARE); the rows are gone. */
  release(): void {
    for (const chunk of this.chunks) {
      if (chunk.ints.byteLength === CHUNK_BYTES && SPARE.length < MAX_SPARE) SPARE.push(chunk);
    }
    this.chunks.length = 0;
    this.filled.length = 0;
    this.ints = NO_CHUNK.ints;
    this.floats = NO_CHUNK.floats;
    this.length = 0;
  }
}

/** One buffer seen as integers and as doubles. */
class Chunk {
  readonly ints: Int32Array;
  readonly floats: Float64Array;

  constructor(buffer = new ArrayBuffer(CHUNK_BYTES)) {
    this.ints = new Int32Array(buffer);
    this.floats = new Float64Array(buffer, 0, buffer.byteLength >> 3);
  }
}

/** 64 KB: ~750 claims or ~1,600 events; a 5 MB document has ~15 K and ~18 K. */
const CHUNK_BYTES = 65536;
/** Spare chunks kept, at most (4 MB). */
const MAX_SPARE = 64;
const SPARE: Chunk[] = [];
const NO_CHUNK = new Chunk(new ArrayBuffer(0));

/**
 * The values of one field, numbered in the order first seen: a row holds the number. Values are
 * told apart as a Map tells keys apart (strings by their characters, objects by identity).
 * Claims in a row mostly share a field's value (measure, unit, rule, modality), so the last one
 * is checked before the Map.
 */
class Codes<V> {
  readonly values: V[] = [];
  private readonly numbers = new Map<V, number>();
  private last: V | typeof NOTHING = NOTHING;
  private lastCode = -1;

  code(v: V): number {
    if (v === this.last) return this.lastCode;
    let c = this.numbers.get(v);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(v);
      this.numbers.set(v, c);
    }
    this.last = v;
    this.lastCode = c;
    return c;
  }
}

const NOTHING = Symbol('nothing');

/**
 * Times numbered by what the contract shows of them (start, end, EDTF string, precision): each
 * time expression is an object of its own, and a document names the same few years over and
 * over. Code 0 is no time. Each time's JSON is made once per provenance and shared (see
 * PlaceJsons).
 */
class TimeCodes {
  private readonly list: (TimeParts | null)[] = [null];
  private readonly byEdtf = new Map<string, TimeParts[]>();

  code(t: TimeExpr | null): number {
    if (t === null) return 0;
    const { start, end } = t.interval;
    let same = this.byEdtf.get(t.edtf);
    if (same === undefined) {
      same = [];
      this.byEdtf.set(t.edtf, same);
    }
    for (const p of same) if (p.start === start && p.end === end && p.precision === t.precision) return p.code;
    const p = new TimeParts(this.list.length, start, end, t.edtf, t.precision);
    same.push(p);
    this.list.push(p);
    return p.code;
  }

  /** A time's JSON as stated or implied from `implied`, shared; null for code 0. */
  json(code: number, implied: string | undefined): TimeJson | null {
    const p = this.list[code];
    return p ? shared(p.jsons, p, implied, timePartsJson) : null;
  }
}

class TimeParts {
  /** its JSON by provenance ('' when stated) */
  readonly jsons = new Map<string, TimeJson>();

  constructor(
    readonly code: number,
    readonly start: string | null,
    readonly end: string | null,
    readonly edtf: string,
    readonly precision: TimeExpr['precision'],
  ) {}
}

const timePartsJson = (p: TimeParts, implied: string | undefined): TimeJson =>
  timeJson(p.start, p.end, p.edtf, p.precision, implied);

/**
 * Groups numbered by kind and label, as TimeCodes numbers times; code 0 is no group. Each
 * group's JSON is made once per provenance and shared (see PlaceJsons).
 */
class GroupCodes {
  private readonly list: (GroupParts | null)[] = [null];
  private readonly byLabel = new Map<string, GroupParts[]>();

  code(g: { kind: GroupKind; label: string } | null): number {
    if (g === null) return 0;
    let same = this.byLabel.get(g.label);
    if (same === undefined) {
      same = [];
      this.byLabel.set(g.label, same);
    }
    for (const p of same) if (p.kind === g.kind) return p.code;
    const p = new GroupParts(this.list.length, g.kind, g.label);
    same.push(p);
    this.list.push(p);
    return p.code;
  }

  /** A group's JSON as stated or implied from `implied`, shared; null for code 0. */
  json(code: number, implied: string | undefined): ClaimJson['group'] {
    const p = this.list[code];
    return p ? shared(p.jsons, p, implied, groupPartsJson) : null;
  }
}

class GroupParts {
  /** its JSON by provenance ('' when stated) */
  readonly jsons = new Map<string, NonNullable<ClaimJson['group']>>();

  constructor(
    readonly code: number,
    readonly kind: GroupKind,
    readonly label: string,
  ) {}
}

const groupPartsJson = (p: GroupParts, implied: string | undefined): NonNullable<ClaimJson['group']> =>
  implied ? new ImpliedGroupJsonRecord(p.kind, p.label, implied) : new GroupJsonRecord(p.kind, p.label);

/**
 * The JSON of one value for provenance `implied` (undefined: stated) from `made`, its JSON by
 * provenance ('' when stated), made by `make` the first time: the way places, times and groups
 * share their JSON.
 */
function shared<P, T>(
  made: Map<string, T>,
  parts: P,
  implied: string | undefined,
  make: (parts: P, implied: string | undefined) => T,
): T {
  const key = implied ?? '';
  let json = made.get(key);
  if (json === undefined) {
    json = make(parts, implied);
    made.set(key, json);
  }
  return json;
}

/**
 * The JSON of each place, made once per document for each provenance and shared by every claim
 * and event that holds it: a document's claims and events all stay alive until it is done, and
 * each scavenge of the young generation until then copies what is alive. A document's thousands
 * of claims and events name a handful of places; one object each was ~3 MB of the ~40 MB kept
 * while extracting 5 MB. Times (TimeCodes) and groups (GroupCodes) are shared the same way: the
 * JSON is written in one burst at the end, and the scavenges during it copy all that is written
 * so far (sharing them took the scavenges of a 5 MB run from ~65 to ~35 ms, and the run's median
 * from 327 to 295 ms). Shared objects are read-only; applyPatch copies what it changes.
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
    return shared(byProvenance, p, implied, placeJson);
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
