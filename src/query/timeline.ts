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
  const range = {
    ...(filter.from != null ? { from: filter.from } : {}),
    ...(filter.to != null ? { to: filter.to } : {}),
  };
  const events = await store.events({
    ...range,
    ...(placeIds ? { placeIds } : {}),
    ...(filter.types?.length ? { type: filter.types } : {}),
  });
  const claims =
    filter.claims === false || filter.types?.length || filter.actors?.length
      ? []
      : await store.claims({ ...range, ...(placeIds ? { placeIds } : {}), status: LIVE });
  const timed = [...events, ...claims].filter((r) => r.time !== null);
  const [texts, cites] = await Promise.all([store.sentenceTexts(timed), store.citations(timed.map((r) => r.document))]);
  let entries: TimelineEntry[] = timed.map((r) => {
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
  if (filter.actors?.length) {
    const names = filter.actors.map((a) => a.toLowerCase());
    entries = entries.filter((e) => {
      const actors = 'actors' in e.record ? e.record.actors.map((a) => a.toLowerCase()) : [];
      const sentence = e.sentence.toLowerCase();
      return names.every((n) => actors.some((a) => a.includes(n) || n.includes(a)) || sentence.includes(n));
    });
  }
  entries.sort(compareEntries);
  return entries.slice(0, limit);
}

const startKey = (e: TimelineEntry) => e.time?.start ?? e.time?.end ?? null;

export function compareEntries(a: TimelineEntry, b: TimelineEntry): number {
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
