/**
 * What a source changes: each of a document's claims set against what the rest of the store
 * says about the same thing (same group kind, measure, unit and rate, overlapping years, places
 * within one another). A claim is
 * - `new` when nothing else speaks of that thing,
 * - `corroborates` when another source gives the same figure,
 * - `conflicts` when another source's range does not overlap it (the other claims are named),
 * - `consistent` when others speak of it with figures that overlap but differ.
 */
import type { ClaimRecord, ClaimStatus, PlaceRecord, Store } from '../store/types.js';
import { depthBelow } from './hierarchy.js';
import { boundsOverlap, yearOf } from './values.js';

export type ChangeKind = 'new' | 'corroborates' | 'conflicts' | 'consistent';

export interface ClaimChange {
  claim: ClaimRecord;
  kind: ChangeKind;
  /** the other claims it corroborates or conflicts with, or is consistent with */
  others: { id: string; document: string; text: string; value: ClaimRecord['value'] }[];
}

export interface DocumentDiff {
  document: string;
  counts: Record<ChangeKind, number>;
  changes: ClaimChange[];
}

const LIVE: ClaimStatus[] = ['machine', 'accepted', 'corrected'];

export async function diffDocument(store: Store, document: string): Promise<DocumentDiff> {
  const own = await store.claims({ document, status: LIVE });
  const known = new Map((await store.knownPlaces()).map((p) => [p.id, p]));
  const changes: ClaimChange[] = [];
  for (const claim of own) {
    const others = (await comparable(store, claim)).filter(
      (o) => o.document !== document && samePlace(o, claim, known),
    );
    const same = others.filter((o) => o.value.low === claim.value.low && o.value.high === claim.value.high);
    const apart = others.filter((o) => !boundsOverlap(o, claim));
    const kind: ChangeKind =
      others.length === 0 ? 'new' : apart.length > 0 ? 'conflicts' : same.length > 0 ? 'corroborates' : 'consistent';
    const named = kind === 'conflicts' ? apart : kind === 'corroborates' ? same : others;
    changes.push({
      claim,
      kind,
      others: named.slice(0, 10).map((o) => ({ id: o.id, document: o.document, text: o.text, value: o.value })),
    });
  }
  const counts: Record<ChangeKind, number> = { new: 0, corroborates: 0, conflicts: 0, consistent: 0 };
  for (const c of changes) counts[c.kind]++;
  return { document, counts, changes };
}

/** Claims elsewhere about the same group kind and measure over overlapping years. */
async function comparable(store: Store, c: ClaimRecord): Promise<ClaimRecord[]> {
  const years = c.time ? [yearOf(c.time.start), yearOf(c.time.end)] : [null, null];
  const list = await store.claims({
    status: LIVE,
    measure: c.measure,
    ...(c.group ? { groupKind: c.group.kind } : {}),
    ...(years[0] !== null ? { to: years[1] ?? 1_000_000 } : {}),
    ...(years[1] !== null ? { from: years[0] ?? -1_000_000 } : {}),
    limit: 500,
  });
  return list.filter(
    (o) =>
      o.unit === c.unit &&
      o.per === c.per &&
      (o.group?.kind ?? null) === (c.group?.kind ?? null) &&
      !!o.time === !!c.time,
  );
}

/** Places agree when both are unstated, or one lies within the other. */
function samePlace(a: ClaimRecord, b: ClaimRecord, known: ReadonlyMap<string, PlaceRecord>): boolean {
  if (!a.place || !b.place) return !a.place && !b.place;
  return depthBelow(a.place.id, b.place.id, known) !== null || depthBelow(b.place.id, a.place.id, known) !== null;
}
