/**
 * Containment: which places lie within a place, which groups within a group. Places come from
 * the store (every place a document mentions, with its gazetteer parent chain), so a query for
 * Russia reaches Vladivostok through Vladivostok -> Primorsky Krai -> Russian Far East -> Russia.
 * Groups are the contract's kinds with `general` above all the others; a named head
 * ("lumberjacks") narrows a kind by the claims' labels.
 */
import type { GroupKind, PlaceRef } from '../extract/types.js';
import type { PlaceRecord } from '../store/types.js';

export const GROUP_KINDS: readonly GroupKind[] = [
  'workers',
  'students',
  'soldiers',
  'refugees',
  'community',
  'general',
  'other',
];

/**
 * Former states and the countries that now cover their land: the gazetteer's parent chains
 * follow today's borders, so a question about the Soviet Union reaches claims placed in Russia
 * or Kazakhstan through this table (data, not a rule: add a state here when a corpus needs it).
 */
export const FORMER_STATE_PARTS: Readonly<Record<string, readonly string[]>> = {
  'feature:soviet-union': ['RU', 'UA', 'BY', 'KZ', 'UZ', 'KG', 'TJ', 'TM', 'AM', 'AZ', 'GE', 'MD', 'EE', 'LV', 'LT'],
};

/** the ancestor ids a place's chain reaches, with a former state's parts standing for it */
const reaches = (place: string): readonly string[] => [place, ...(FORMER_STATE_PARTS[place] ?? [])];

/** ids of `place` and of every known place within it */
export function placesWithin(place: Pick<PlaceRef, 'id'>, known: readonly PlaceRecord[]): Set<string> {
  const roots = reaches(place.id);
  const ids = new Set<string>(roots);
  for (const p of known) if (p.parents.some((id) => roots.includes(id))) ids.add(p.id);
  return ids;
}

/**
 * How many levels below `ancestor` a place is: 0 for the place itself, 1 for a direct part,
 * and so on; null when it is not within.
 */
export function depthBelow(id: string, ancestor: string, known: ReadonlyMap<string, PlaceRecord>): number | null {
  if (id === ancestor) return 0;
  const parts = FORMER_STATE_PARTS[ancestor];
  if (parts?.includes(id)) return 1;
  const parents = known.get(id)?.parents ?? [];
  const at = parents.indexOf(ancestor);
  if (at >= 0) return at + 1;
  const viaPart = parts ? parents.findIndex((p) => parts.includes(p)) : -1;
  return viaPart < 0 ? null : viaPart + 2;
}

/** The kinds a query for `kind` reaches: general reaches every kind, the others themselves (and unknown groups). */
export function kindsWithin(kind: GroupKind): GroupKind[] {
  return kind === 'general' ? [...GROUP_KINDS] : [kind];
}

// the test lives with the ranking a store can run (store/fit.ts)
export { labelNames } from '../store/fit.js';
