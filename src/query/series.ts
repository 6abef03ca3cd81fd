/**
 * series(group, measure, place): every estimate over time, as intervals with low and high, for
 * charts. One point per claim (repeats of a figure by the same document merged), ordered by
 * start; open bounds stay open (null) so a chart can draw "more than 10,000" as open-ended.
 */
import type { Approx, GroupKind, Measure, PlaceRef } from '../extract/types.js';
import type { ClaimFilter, ClaimStatus, Store } from '../store/types.js';
import { kindsWithin, placesWithin } from './hierarchy.js';
import { yearOf } from './values.js';

export interface SeriesQuery {
  group?: GroupKind | null;
  measure?: Measure | null;
  place?: PlaceRef | null;
  /** count people (default), shares or money */
  unit?: 'person' | 'percent' | 'money';
}

export interface SeriesPoint {
  id: string;
  document: string;
  /** years of the claim's interval; null for an open side */
  from: number | null;
  to: number | null;
  edtf: string;
  low: number | null;
  high: number | null;
  approx: Approx;
  unit: string;
  per: string | null;
  group: string | null;
  measure: Measure;
  place: string | null;
  source: string | null;
  status: ClaimStatus;
  text: string;
  /** ids of claims elsewhere in the same document giving the same figure */
  repeats: string[];
}

const LIVE: ClaimStatus[] = ['machine', 'accepted', 'corrected'];

export async function series(store: Store, q: SeriesQuery = {}): Promise<SeriesPoint[]> {
  const filter: ClaimFilter = { status: LIVE };
  if (q.group) filter.groupKind = kindsWithin(q.group);
  if (q.measure) filter.measure = q.measure;
  if (q.place) filter.placeIds = [...placesWithin(q.place, await store.knownPlaces())];
  const unit = q.unit ?? 'person';
  const claims = (await store.claims(filter)).filter(
    (c) => c.time && (unit === 'money' ? /^[A-Z]{3}$/.test(c.unit) : c.unit === unit),
  );
  const points: SeriesPoint[] = [];
  const seen = new Map<string, SeriesPoint>();
  for (const c of claims) {
    const key = `${c.document}|${c.value.low}|${c.value.high}|${c.unit}|${c.per}|${c.time!.start}|${c.time!.end}`;
    const first = seen.get(key);
    if (first) {
      first.repeats.push(c.id);
      continue;
    }
    const p: SeriesPoint = {
      id: c.id,
      document: c.document,
      from: yearOf(c.time!.start),
      to: yearOf(c.time!.end),
      edtf: c.time!.edtf,
      low: c.value.low,
      high: c.value.high,
      approx: c.value.approx,
      unit: c.unit,
      per: c.per,
      group: c.group?.kind ?? null,
      measure: c.measure,
      place: c.place?.name ?? null,
      source: c.source,
      status: c.status,
      text: c.text,
      repeats: [],
    };
    seen.set(key, p);
    points.push(p);
  }
  return points.sort((a, b) => (a.from ?? a.to ?? 0) - (b.from ?? b.to ?? 0) || (a.to ?? 1e6) - (b.to ?? 1e6));
}
