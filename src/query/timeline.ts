/**
 * timeline(filters): events and claims in time order, fuzzy dates kept fuzzy: each entry keeps
 * its interval (start, end, precision, EDTF) as stated, and entries are ordered by start year,
 * then by how precise they are (a day before its month before its decade), then by end.
 */
import type { EventType, PlaceRef } from '../extract/types.js';
import type { ClaimRecord, ClaimStatus, EventRecord, PlaceRecord, Store } from '../store/types.js';
import { placesWithin } from './hierarchy.js';
import { yearOf } from './values.js';

export interface TimelineFilter {
  from?: number | null;
  to?: number | null;
  place?: PlaceRef | null;
  types?: EventType[];
  /** names that must appear among an event's actors or in its sentence ("Kim Jong Il") */
  actors?: string[];
  /** include claims as well as events (default true) */
  claims?: boolean;
  /** at most this many entries (default 1,000) */
  limit?: number;
}

export interface TimelineEntry {
  kind: 'event' | 'claim';
  id: string;
  document: string;
  /** event type, or claim measure */
  type: string;
  text: string;
  time: { start: string | null; end: string | null; edtf: string; precision: string } | null;
  place: { id: string; name: string } | null;
  span: [number, number];
  sentence: string;
  title: string | null;
  url: string | null;
  record: EventRecord | ClaimRecord;
}

const LIVE: ClaimStatus[] = ['machine', 'accepted', 'corrected'];
const PRECISION_ORDER: Record<string, number> = { day: 0, month: 1, season: 2, year: 3, decade: 4, century: 5 };

export async function timeline(store: Store, filter: TimelineFilter = {}): Promise<TimelineEntry[]> {
  const limit = filter.limit ?? 1000;
  const known: PlaceRecord[] = filter.place ? await store.knownPlaces() : [];
  const placeIds = filter.place ? [...placesWithin(filter.place, known)] : undefined;
  const withClaims = !(filter.claims === false || filter.types?.length || filter.actors?.length);
  /** the timed events and claims overlapping [from, to], events first, each in store order */
  const read = async (to: number | null): Promise<Timed[]> => {
    const range = {
      ...(filter.from != null ? { from: filter.from } : {}),
      ...(to != null ? { to } : {}),
    };
    const events = await store.events({
      ...range,
      ...(placeIds ? { placeIds } : {}),
      ...(filter.types?.length ? { type: filter.types } : {}),
    });
    const claims = withClaims ? await store.claims({ ...range, ...(placeIds ? { placeIds } : {}), status: LIVE }) : [];
    return [...events, ...claims].filter((r) => r.time !== null);
  };

  // Entries go by start year first, so when `limit` of them start by the first year asked,
  // they are the first `limit`: that year is read alone first (it holds everything that
  // started by then and everything with an open start), the whole range only when it is not
  // enough. Sentences and titles are read for the entries kept only. At 1,000,000 claims a
  // ten-year timeline of Russia read 87,000 rows, and the sentence of each, for 200 entries.
  const to = filter.to ?? null;
  const first = filter.from != null && (to === null || to > filter.from) ? filter.from : null;
  for (const by of first === null ? [null] : [first, null]) {
    const timed = await read(by ?? to);
    if (filter.actors?.length) {
      // an entry is kept for its actors or its sentence: every sentence is read first
      const entries = withActors(await entriesOf(store, timed), filter.actors);
      if (by === null || startingBy(entries, by) >= limit) return entries.sort(compareEntries).slice(0, limit);
    } else if (by === null || startingBy(timed, by) >= limit) {
      return entriesOf(store, timed.sort(compareEntries).slice(0, limit));
    }
  }
  return [];
}

type Timed = EventRecord | ClaimRecord;

/** how many start in or before `year` */
const startingBy = (xs: readonly Pick<TimelineEntry, 'time'>[], year: number) =>
  xs.filter((x) => (yearOf(startKey(x)) ?? Number.POSITIVE_INFINITY) <= year).length;

async function entriesOf(store: Store, timed: Timed[]): Promise<TimelineEntry[]> {
  const [texts, cites] = await Promise.all([store.sentenceTexts(timed), store.citations(timed.map((r) => r.document))]);
  return timed.map((r) => {
    const cite = cites.get(r.document);
    const isEvent = 'type' in r;
    return {
      kind: isEvent ? 'event' : 'claim',
      id: r.id,
      document: r.document,
      type: isEvent ? r.type : (r as ClaimRecord).measure,
      text: r.text,
      time: r.time && { start: r.time.start, end: r.time.end, edtf: r.time.edtf, precision: r.time.precision },
      place: r.place && { id: r.place.id, name: r.place.name },
      span: r.span,
      sentence: texts.get(`${r.document}#${r.sentenceIndex}`) ?? '',
      title: cite?.title ?? null,
      url: cite?.source ?? null,
      record: r,
    };
  });
}

function withActors(entries: TimelineEntry[], actors: string[]): TimelineEntry[] {
  const names = actors.map((a) => a.toLowerCase());
  return entries.filter((e) => {
    const named = 'actors' in e.record ? e.record.actors.map((a) => a.toLowerCase()) : [];
    const sentence = e.sentence.toLowerCase();
    return names.every((n) => named.some((a) => a.includes(n) || n.includes(a)) || sentence.includes(n));
  });
}

const startKey = (e: Pick<TimelineEntry, 'time'>) => e.time?.start ?? e.time?.end ?? null;

/** timeline order; records compare as their entries do (only `time` is read) */
export function compareEntries(a: Pick<TimelineEntry, 'time'>, b: Pick<TimelineEntry, 'time'>): number {
  const ya = yearOf(startKey(a)) ?? Number.POSITIVE_INFINITY;
  const yb = yearOf(startKey(b)) ?? Number.POSITIVE_INFINITY;
  if (ya !== yb) return ya - yb;
  const pa = PRECISION_ORDER[a.time?.precision ?? 'century'] ?? 9;
  const pb = PRECISION_ORDER[b.time?.precision ?? 'century'] ?? 9;
  return (
    (startKey(a) ?? '').localeCompare(startKey(b) ?? '') ||
    pa - pb ||
    (a.time?.end ?? '').localeCompare(b.time?.end ?? '')
  );
}
