/**
 * Query parameters as users type them (`--place Russia`, `--group lumberjacks`, `--year 2006`),
 * resolved against the same gazetteer and group lexicon the extractor uses. Bad values are an
 * InputError naming the parameter.
 */
import { InputError } from '../errors.js';
import { annotateGroups } from '../extract/groups/index.js';
import { getPlace, lookupPlace } from '../extract/places/index.js';
import { tokenize } from '../extract/tokenize.js';
import type { EventType, GroupKind, Measure, PlaceRef } from '../extract/types.js';
import { EVENT_TYPES } from '../extract/types.js';
import { GROUP_KINDS } from './hierarchy.js';

export function resolvePlace(name: string, param = 'place'): PlaceRef {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 200)
    throw new InputError(`invalid ${param}: expected a place name or id`);
  const place = getPlace(trimmed) ?? lookupPlace(trimmed);
  if (!place)
    throw new InputError(
      `unknown ${param}: ${trimmed} (expected a place name such as Russia or Vladivostok, or a gazetteer id such as RU-PRI)`,
    );
  return place;
}

/** A kind ("workers") or a head noun the group lexicon knows ("lumberjacks", "Koryo-saram"). */
export function resolveGroup(word: string, param = 'group'): { kind: GroupKind; head: string | null } {
  const w = word.trim().toLowerCase();
  if ((GROUP_KINDS as readonly string[]).includes(w)) return { kind: w as GroupKind, head: null };
  if (w.length > 0 && w.length <= 100) {
    const tokens = tokenize(word);
    const found = annotateGroups({
      text: word,
      sentence: { start: 0, end: word.length, index: 0, section: null },
      tokens,
    })[0];
    if (found) return { kind: found.kind, head: found.kind === w ? null : found.head };
  }
  throw new InputError(
    `unknown ${param}: ${word} (expected ${GROUP_KINDS.join(', ')}, or a group such as lumberjacks)`,
  );
}

const MEASURES: readonly Measure[] = ['population', 'arrivals', 'departures', 'share', 'money', 'count', 'other'];

export function resolveMeasure(m: string, param = 'measure'): Measure {
  const w = m.trim().toLowerCase();
  if (!(MEASURES as readonly string[]).includes(w))
    throw new InputError(`invalid ${param}: ${m} (expected ${MEASURES.join(', ')})`);
  return w as Measure;
}

export function resolveEventType(t: string, param = 'type'): EventType {
  const w = t.trim().toLowerCase();
  if (!(EVENT_TYPES as readonly string[]).includes(w)) {
    throw new InputError(`invalid ${param}: ${t} (expected one of ${EVENT_TYPES.join(', ')})`);
  }
  return w as EventType;
}

/** A year as a query parameter: 1 to 4 digits, optionally negative, between -9999 and 9999. */
export function resolveYear(y: string, param = 'year'): number {
  if (!/^-?\d{1,4}$/.test(y.trim())) throw new InputError(`invalid ${param}: ${y} (expected a year such as 2006)`);
  return Number(y.trim());
}
