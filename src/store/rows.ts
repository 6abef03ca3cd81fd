/**
 * What both stores share: records to rows and back, filters to SQL conditions (through a small
 * `Binder` that knows each driver's placeholders), search terms and highlight markers, and the
 * logical integrity checks. Column names are constants of this module; every value is bound.
 */
import { InputError, NotFoundError, StoreError } from '../errors.js';
import type { ClaimJson, EventJson, PlaceJson, TimeJson } from '../extract/index.js';
import type { Approx, GroupKind, Measure, Modality } from '../extract/types.js';
import type { FitFacts } from './fit.js';
import { assignIds, quoteSelector } from './review.js';
import type {
  ClaimFacts,
  ClaimFilter,
  ClaimPatch,
  ClaimRecord,
  DocumentInput,
  DocumentSummary,
  EntityRecord,
  EventFilter,
  EventRecord,
  PlaceRecord,
  ReviewRecord,
  SearchHit,
} from './types.js';

/**
 * Stand-ins for an open start or end, so an overlap filter is two comparisons an index can
 * answer (`year_to >= from AND year_from <= to`) with no NULL cases; NULL means "no time".
 */
export const OPEN_START = -1_000_000;
export const OPEN_END = 1_000_000;

/** the year of an ISO 8601 partial date ("1946", "2007-11", "-0050"), or null */
export function yearOf(iso: string | null): number | null {
  if (iso === null) return null;
  const m = /^([+-]?\d{1,6})/.exec(iso);
  return m ? Number(m[1]) : null;
}

/** the years a time is stored with (`year_from`, `year_to`): open ends far out, no time null */
export function storedYears(time: TimeJson | null): [number | null, number | null] {
  if (!time) return [null, null];
  return [yearOf(time.start) ?? OPEN_START, yearOf(time.end) ?? OPEN_END];
}

/** claim columns in the order `claimValues` fills them; `measure` and after may be corrected */
export const CLAIM_COLUMNS = [
  'id',
  'document',
  'ord',
  'sentence_index',
  'span_start',
  'span_end',
  'sentence_start',
  'sentence_end',
  'text',
  'measure',
  'low',
  'high',
  'approx',
  'unit',
  'per',
  'group_kind',
  'group_label',
  'group_implied',
  'time_start',
  'time_end',
  'year_from',
  'year_to',
  'time_precision',
  'edtf',
  'time_implied',
  'place_id',
  'place_name',
  'lat',
  'lon',
  'place_implied',
  'source',
  'modality',
  'rule',
  'status',
  'machine',
] as const;

/** the columns a review may change (everything from `measure` on) */
export const CLAIM_MUTABLE_FROM = CLAIM_COLUMNS.indexOf('measure');

/** a claim record as a row; `machine` as JSON text */
export function claimValues(c: ClaimRecord, ord: number): unknown[] {
  const [yearFrom, yearTo] = storedYears(c.time);
  return [
    c.id,
    c.document,
    ord,
    c.sentenceIndex,
    c.span[0],
    c.span[1],
    c.sentence[0],
    c.sentence[1],
    c.text,
    c.measure,
    c.value.low,
    c.value.high,
    c.value.approx,
    c.unit,
    c.per,
    c.group?.kind ?? null,
    c.group?.label ?? null,
    c.group?.implied ?? null,
    c.time?.start ?? null,
    c.time?.end ?? null,
    yearFrom,
    yearTo,
    c.time?.precision ?? null,
    c.time?.edtf ?? null,
    c.time?.implied ?? null,
    c.place?.id ?? null,
    c.place?.name ?? null,
    c.place?.lat ?? null,
    c.place?.lon ?? null,
    c.place?.implied ?? null,
    c.source,
    c.modality,
    c.rule,
    c.status,
    c.machine ? JSON.stringify(c.machine) : null,
  ];
}

// biome-ignore lint/suspicious/noExplicitAny: rows come untyped from both drivers
type Row = Record<string, any>;

function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

function timeFrom(r: Row): TimeJson | null {
  if (r.time_precision === null) return null;
  const time: TimeJson = { start: r.time_start, end: r.time_end, edtf: r.edtf, precision: r.time_precision };
  if (r.time_implied !== null) time.implied = r.time_implied;
  return time;
}

function placeFrom(r: Row): PlaceJson | null {
  if (r.place_id === null) return null;
  const place: PlaceJson = { name: r.place_name, lat: r.lat, lon: r.lon, id: r.place_id };
  if (r.place_implied !== null) place.implied = r.place_implied;
  return place;
}

/** where each claim column sits in a row read as an array (CLAIM_COLUMNS order) */
const C = Object.fromEntries(CLAIM_COLUMNS.map((c, i) => [c, i])) as Record<(typeof CLAIM_COLUMNS)[number], number>;

/**
 * claimFromRow for a row read as an array of CLAIM_COLUMNS. better-sqlite3 builds an object of
 * 35 named columns per row at about twice the cost of an array (bench: 28 against 13 µs a row),
 * and estimate reads hundreds of rows per question.
 */
export function claimFromValues(v: readonly unknown[]): ClaimRecord {
  const r = (name: (typeof CLAIM_COLUMNS)[number]) => v[C[name]] as never;
  const group: ClaimJson['group'] =
    r('group_kind') === null ? null : { kind: r('group_kind'), label: r('group_label') };
  if (group && r('group_implied') !== null) group.implied = r('group_implied');
  let time: TimeJson | null = null;
  if (r('time_precision') !== null) {
    time = { start: r('time_start'), end: r('time_end'), edtf: r('edtf'), precision: r('time_precision') };
    if (r('time_implied') !== null) time.implied = r('time_implied');
  }
  let place: PlaceJson | null = null;
  if (r('place_id') !== null) {
    place = { name: r('place_name'), lat: r('lat'), lon: r('lon'), id: r('place_id') };
    if (r('place_implied') !== null) place.implied = r('place_implied');
  }
  return {
    id: r('id'),
    document: r('document'),
    sentenceIndex: r('sentence_index'),
    span: [r('span_start'), r('span_end')],
    text: r('text'),
    sentence: [r('sentence_start'), r('sentence_end')],
    measure: r('measure'),
    value: { low: r('low'), high: r('high'), approx: r('approx') },
    unit: r('unit'),
    per: r('per'),
    group,
    time,
    place,
    source: r('source'),
    modality: r('modality'),
    rule: r('rule'),
    status: r('status'),
    machine: r('machine') === null ? null : json<ClaimJson>(r('machine')),
  };
}

/** a claim record from a row read as an object (PostgreSQL, single rows) */
export function claimFromRow(r: Row): ClaimRecord {
  return claimFromValues(CLAIM_COLUMNS.map((c) => r[c]));
}

/**
 * The columns of ClaimFacts, in the order factsFromValues reads them. All are in the index
 * claims_place_group (SQLite migration 6), so reading them for a place never reads the table.
 */
export const FACT_COLUMNS = [
  'id',
  'document',
  'sentence_index',
  'span_start',
  'measure',
  'unit',
  'per',
  'group_kind',
  'group_label',
  'group_implied IS NOT NULL',
  'place_id',
  'place_implied IS NOT NULL',
  'year_from',
  'year_to',
  'time_implied IS NOT NULL',
  'modality',
  'approx',
] as const;

/** The fit's part of ClaimFacts from `v`, FACT_COLUMNS from measure to approx read from `at` on. */
export function fitFactsAt(v: readonly unknown[], at: number): FitFacts {
  const yearFrom = v[at + 8] as number | null;
  const yearTo = v[at + 9] as number | null;
  return {
    measure: v[at] as Measure,
    unit: v[at + 1] as string,
    per: v[at + 2] as string | null,
    groupKind: v[at + 3] as GroupKind | null,
    groupLabel: v[at + 4] as string | null,
    groupImplied: Boolean(v[at + 5]),
    placeId: v[at + 6] as string | null,
    placeImplied: Boolean(v[at + 7]),
    hasTime: yearTo !== null,
    // open ends are stored far out (OPEN_START, OPEN_END); ClaimFacts gives them as null
    yearFrom: yearFrom === null || yearFrom <= OPEN_START ? null : yearFrom,
    yearTo: yearTo === null || yearTo >= OPEN_END ? null : yearTo,
    timeImplied: Boolean(v[at + 10]),
    modality: v[at + 11] as Modality,
    approx: v[at + 12] as Approx,
  };
}

/** ClaimFacts from a row of FACT_COLUMNS read as an array (flags are 0/1 in SQLite, booleans in PostgreSQL) */
export function factsFromValues(v: readonly unknown[]): ClaimFacts {
  return {
    id: v[0] as string,
    document: v[1] as string,
    sentenceIndex: v[2] as number,
    spanStart: v[3] as number,
    ...fitFactsAt(v, 4),
  };
}

/** The facts of a claim read in full: what factsFromValues gives for its row. */
export function factsOf(c: ClaimRecord): ClaimFacts {
  const [yearFrom, yearTo] = storedYears(c.time);
  return factsFromValues([
    c.id,
    c.document,
    c.sentenceIndex,
    c.span[0],
    c.measure,
    c.unit,
    c.per,
    c.group?.kind ?? null,
    c.group?.label ?? null,
    c.group?.implied != null,
    c.place?.id ?? null,
    c.place?.implied != null,
    yearFrom,
    yearTo,
    c.time?.implied != null,
    c.modality,
    c.value.approx,
  ]);
}

export const EVENT_COLUMNS = [
  'id',
  'document',
  'ord',
  'sentence_index',
  'span_start',
  'span_end',
  'sentence_start',
  'sentence_end',
  'text',
  'type',
  'time_start',
  'time_end',
  'year_from',
  'year_to',
  'time_precision',
  'edtf',
  'time_implied',
  'place_id',
  'place_name',
  'lat',
  'lon',
  'place_implied',
  'actors',
] as const;

export function eventValues(e: EventRecord, ord: number): unknown[] {
  const [yearFrom, yearTo] = storedYears(e.time);
  return [
    e.id,
    e.document,
    ord,
    e.sentenceIndex,
    e.span[0],
    e.span[1],
    e.sentence[0],
    e.sentence[1],
    e.text,
    e.type,
    e.time?.start ?? null,
    e.time?.end ?? null,
    yearFrom,
    yearTo,
    e.time?.precision ?? null,
    e.time?.edtf ?? null,
    e.time?.implied ?? null,
    e.place?.id ?? null,
    e.place?.name ?? null,
    e.place?.lat ?? null,
    e.place?.lon ?? null,
    e.place?.implied ?? null,
    JSON.stringify(e.actors),
  ];
}

export function eventFromRow(r: Row): EventRecord {
  const event: EventJson = {
    span: [r.span_start, r.span_end],
    text: r.text,
    sentence: [r.sentence_start, r.sentence_end],
    type: r.type,
    time: timeFrom(r),
    place: placeFrom(r),
    actors: json<string[]>(r.actors),
  };
  return { id: r.id, document: r.document, sentenceIndex: r.sentence_index, ...event };
}

export function placeFromRow(r: Row): PlaceRecord & { claims: number; events: number } {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    lat: r.lat,
    lon: r.lon,
    parents: json<string[]>(r.parents),
    claims: Number(r.claims),
    events: Number(r.events),
  };
}

/** `ingested_at` arrives as an ISO string from SQLite and as a Date from PostgreSQL */
export function isoTime(value: string | Date): string {
  return typeof value === 'string' ? value : value.toISOString();
}

export function summaryFromRow(r: Row): DocumentSummary {
  return {
    id: r.id,
    title: r.title,
    source: r.source,
    date: r.pub_date,
    licence: r.licence,
    format: r.format,
    hash: r.hash,
    path: r.path,
    extractor: r.extractor,
    ingestedAt: isoTime(r.ingested_at),
    length: r.length,
    claims: Number(r.claims),
    events: Number(r.events),
  };
}

/** each place once (the last description wins), sorted by id so concurrent writers lock rows in one order */
export function uniquePlaces(places: readonly PlaceRecord[]): PlaceRecord[] {
  const byId = new Map<string, PlaceRecord>();
  for (const p of places) byId.set(p.id, p);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** each (kind, name) once, counts added up */
export function uniqueEntities(entities: readonly EntityRecord[]): EntityRecord[] {
  const byKey = new Map<string, EntityRecord>();
  for (const e of entities) {
    const key = `${e.kind}\u0000${e.name}`;
    const seen = byKey.get(key);
    if (seen) seen.count += e.count;
    else byKey.set(key, { ...e });
  }
  return [...byKey.values()];
}

/** How a driver spells bound values in SQL. Each method binds its values and returns SQL text. */
export interface Binder {
  bind(value: unknown): string;
  /** `column` is one of `values` (the whole list bound as one value) */
  inList(column: string, values: readonly string[]): string;
  /** `column` contains `needle`, ignoring case */
  contains(column: string, needle: string): string;
}

function list<T>(value: T | T[] | undefined): T[] | undefined {
  return value === undefined ? undefined : Array.isArray(value) ? value : [value];
}

function inOrNone(b: Binder, column: string, values: readonly string[] | undefined, out: string[]): void {
  if (values === undefined) return;
  // an empty list matches nothing, as "one of these" should; not "no filter"
  out.push(values.length === 0 ? '1 = 0' : b.inList(column, values));
}

function checkYear(name: string, value: number | undefined): void {
  if (value !== undefined && !Number.isInteger(value)) {
    throw new InputError(`invalid ${name}: ${value} (expected a year such as 2006)`);
  }
}

function overlap(f: { from?: number; to?: number }, b: Binder, out: string[]): void {
  checkYear('from', f.from);
  checkYear('to', f.to);
  // year_to is NULL exactly when there is no time, so either bound also drops timeless rows
  if (f.from !== undefined) out.push(`year_to >= ${b.bind(f.from)}`);
  if (f.to !== undefined) out.push(`year_from <= ${b.bind(f.to)}`);
}

export function claimConditions(f: ClaimFilter, b: Binder): string[] {
  const out: string[] = [];
  if (f.document !== undefined) out.push(`document = ${b.bind(f.document)}`);
  inOrNone(b, 'status', list(f.status), out);
  inOrNone(b, 'measure', list(f.measure), out);
  inOrNone(b, 'group_kind', list(f.groupKind), out);
  inOrNone(b, 'place_id', f.placeIds, out);
  inOrNone(b, 'id', f.ids, out);
  if (f.unitFamily === 'money') out.push('length(unit) = 3 AND upper(unit) = unit');
  else if (f.unitFamily !== undefined) out.push(`unit = ${b.bind(f.unitFamily === 'person' ? 'person' : 'percent')}`);
  overlap(f, b, out);
  if (f.within !== undefined && f.from !== undefined && f.to !== undefined) {
    // open ends are stored far out (OPEN_START, OPEN_END), so they always reach outside. The
    // unary + keeps SQLite from choosing the year_from index for it: that index reads every
    // claim of the year, where the place and group index reads only the asked ones (measured:
    // ~15,000 rows instead of ~800 for workers in Russia in 2006 at 1,000,000 claims)
    out.push(
      f.within
        ? `+year_from >= ${b.bind(f.from)} AND year_to <= ${b.bind(f.to)}`
        : `(year_from < ${b.bind(f.from)} OR year_to > ${b.bind(f.to)})`,
    );
  }
  if (f.source !== undefined) out.push(`source IS NOT NULL AND ${b.contains('source', f.source)}`);
  return out;
}

export function eventConditions(f: EventFilter, b: Binder): string[] {
  const out: string[] = [];
  if (f.document !== undefined) out.push(`document = ${b.bind(f.document)}`);
  inOrNone(b, 'type', list(f.type), out);
  inOrNone(b, 'place_id', f.placeIds, out);
  overlap(f, b, out);
  return out;
}

export function where(conditions: readonly string[]): string {
  return conditions.length === 0 ? '' : ` WHERE ${conditions.join(' AND ')}`;
}

/** limit and offset, checked: null limit means all */
/** a count's cap, checked as a limit is */
export function atMost(n: number): number {
  return page({ limit: n }).limit!;
}

export function page(f: { limit?: number; offset?: number }): { limit: number | null; offset: number } {
  for (const [name, value] of [
    ['limit', f.limit],
    ['offset', f.offset],
  ] as const) {
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0)) {
      throw new InputError(`invalid ${name}: ${value} (expected a whole number, 0 or more)`);
    }
  }
  return { limit: f.limit ?? null, offset: f.offset ?? 0 };
}

/** A search query is bounded before anything reads it. */
export const MAX_QUERY_LENGTH = 1000;
export const MAX_QUERY_TERMS = 32;
export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 1000;

/**
 * The words of a search query. Query syntax (quotes, `*`, `-`, `OR`, parentheses, column
 * filters) is deliberately not supported: a user's query is text, and only its letters and
 * digits reach the full-text engine, each as a plain term (all terms must match).
 */
export function searchTerms(query: string): string[] {
  return (query.slice(0, MAX_QUERY_LENGTH).match(/[\p{L}\p{M}\p{N}]+/gu) ?? []).slice(0, MAX_QUERY_TERMS);
}

export function searchLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_SEARCH_LIMIT;
  if (!(Number.isSafeInteger(limit) && limit >= 1)) {
    throw new InputError(`invalid limit: ${limit} (expected a whole number, 1 or more)`);
  }
  return Math.min(limit, MAX_SEARCH_LIMIT);
}

/**
 * Highlight markers for snippet functions: control characters that prose does not contain.
 * Should a document contain one anyway, the snippet loses that character and a highlight may be
 * off; the snippet stays plain text either way.
 */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

/** a marked-up snippet as plain text plus half-open highlight ranges into it */
export function unmark(marked: string): { snippet: string; highlights: [number, number][] } {
  let snippet = '';
  const highlights: [number, number][] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === MARK_START) open = snippet.length;
    else if (ch === MARK_END) {
      if (open >= 0 && snippet.length > open) highlights.push([open, snippet.length]);
      open = -1;
    } else snippet += ch;
  }
  return { snippet, highlights };
}

export function hitFromRow(r: Row, marked: string, score: number): SearchHit {
  const { snippet, highlights } = unmark(marked);
  return {
    document: r.document,
    title: r.title,
    sentenceIndex: r.idx,
    start: r.span_start,
    end: r.span_end,
    text: r.text,
    snippet,
    highlights,
    score,
  };
}

/**
 * Consistency checks that both backends run as plain SQL: each query returns the ids of up to
 * five offending rows, reported under its problem.
 */
export const LOGICAL_CHECKS: readonly { problem: string; sql: string }[] = [
  {
    problem: 'claims with a span outside their document',
    sql: 'SELECT c.id FROM claims c JOIN documents d ON d.id = c.document WHERE c.span_start < 0 OR c.span_end < c.span_start OR c.span_end > d.length LIMIT 5',
  },
  {
    problem: 'claims on a sentence that does not exist',
    sql: 'SELECT c.id FROM claims c WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.document = c.document AND s.idx = c.sentence_index) LIMIT 5',
  },
  {
    problem: 'events on a sentence that does not exist',
    sql: 'SELECT e.id FROM events e WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.document = e.document AND s.idx = e.sentence_index) LIMIT 5',
  },
  {
    problem: 'sentences outside their document',
    sql: 'SELECT s.document AS id FROM sentences s JOIN documents d ON d.id = s.document WHERE s.span_start < 0 OR s.span_end < s.span_start OR s.span_end > d.length LIMIT 5',
  },
  {
    problem: 'applied reviews whose claim does not exist',
    sql: "SELECT r.id FROM reviews r WHERE r.state = 'applied' AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.id = r.claim) LIMIT 5",
  },
  {
    problem: 'orphaned reviews still naming a claim',
    sql: "SELECT r.id FROM reviews r WHERE r.state = 'orphaned' AND r.claim IS NOT NULL LIMIT 5",
  },
  {
    problem: 'reviewed claims without an applied review',
    sql: "SELECT c.id FROM claims c WHERE c.status <> 'machine' AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.claim = c.id AND r.state = 'applied') LIMIT 5",
  },
  {
    problem: 'corrected claims that lost the machine claim',
    sql: "SELECT c.id FROM claims c WHERE c.status = 'corrected' AND c.machine IS NULL LIMIT 5",
  },
];

/** Driver errors become StoreError (the driver's error as cause); the atlas's own errors pass. */
export function storeError(what: string, err: unknown): Error {
  if (err instanceof InputError || err instanceof NotFoundError || err instanceof StoreError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new StoreError(`${what}: ${message}`, { cause: err });
}

/**
 * A document's claims and events as records: ids from their quotes (see `claimId`), claims
 * not yet reviewed.
 */
export function recordsOf(input: DocumentInput): { claims: ClaimRecord[]; events: EventRecord[] } {
  const { id: document, text } = input;
  const claimIds = assignIds(
    document,
    input.claims.map((c) => quoteSelector(text, c.span)),
  );
  const eventIds = assignIds(
    document,
    input.events.map((e) => quoteSelector(text, e.span)),
    'e',
  );
  const claims = input.claims.map(
    ({ sentenceIndex, ...json }, i): ClaimRecord => ({
      ...json,
      id: claimIds[i]!,
      document,
      sentenceIndex,
      status: 'machine',
      machine: null,
    }),
  );
  const events = input.events.map(
    ({ sentenceIndex, ...json }, i): EventRecord => ({
      ...json,
      id: eventIds[i]!,
      document,
      sentenceIndex,
    }),
  );
  return { claims, events };
}

/** named, not `*`: a prepared statement must not change shape when a migration adds a column */
export const REVIEW_COLUMNS =
  'id, document, exact, prefix, suffix, quote_start, action, patch, note, created_at, state, claim';

export function reviewFromRow(r: Row): ReviewRecord {
  return {
    id: r.id,
    document: r.document,
    selector: { exact: r.exact, prefix: r.prefix, suffix: r.suffix, start: r.quote_start },
    action: r.action,
    patch: r.patch === null ? null : json<ClaimPatch>(r.patch),
    note: r.note,
    createdAt: isoTime(r.created_at),
    state: r.state,
    claim: r.claim,
  };
}

/** counts of a document's reviews by state */
export function reviewCounts(rows: readonly Row[]): { applied: number; orphaned: number } {
  const counts = { applied: 0, orphaned: 0 };
  for (const r of rows) counts[r.state as 'applied' | 'orphaned'] = Number(r.n);
  return counts;
}
