/**
 * `atlas review CLAIM --set field=value ...`: the assignments a reviewer types, parsed into a
 * ClaimPatch. Every value is checked here, at the edge, so the store can trust a patch; a bad one
 * is an InputError in the form "invalid FIELD: VALUE (expected ...)".
 */
import { InputError } from '../errors.js';
import { lookupPlace } from '../extract/places/index.js';
import { toEdtf } from '../extract/times/resolve.js';
import type { Approx, GroupKind, Measure, Modality, TimePrecision } from '../extract/types.js';
import type { ClaimPatch } from './types.js';

export const APPROX_VALUES: readonly Approx[] = ['exact', 'about', 'at-least', 'at-most', 'range', 'vague'];
export const PER_VALUES = ['year', 'month', 'week', 'day', 'none'] as const;
export const MEASURE_VALUES: readonly Measure[] = [
  'population',
  'arrivals',
  'departures',
  'share',
  'money',
  'count',
  'other',
];
export const GROUP_KIND_VALUES: readonly GroupKind[] = [
  'workers',
  'students',
  'soldiers',
  'refugees',
  'community',
  'general',
  'other',
];
export const MODALITY_VALUES: readonly Modality[] = ['asserted', 'estimated', 'reported', 'proposed', 'denied'];

/** What `none` means everywhere a field can be cleared. */
const NONE = 'none';
/** Longest free-text value (unit, group_label, source): a label, not a paragraph. */
const MAX_TEXT = 200;

type Setter = (patch: ClaimPatch, value: string, field: string) => void;

interface FieldSpec {
  /** what the field accepts, for the "expected ..." part of a message and for help */
  expected: string;
  set: Setter;
}

const oneOf =
  <T extends string>(values: readonly T[], apply: (patch: ClaimPatch, value: T) => void): Setter =>
  (patch, value, field) => {
    const lower = value.toLowerCase();
    if (!(values as readonly string[]).includes(lower)) throw invalid(field, value, `one of ${list(values)}`);
    apply(patch, lower as T);
  };

const text =
  (apply: (patch: ClaimPatch, value: string | null) => void, clearable: boolean): Setter =>
  (patch, value, field) => {
    if (clearable && value.toLowerCase() === NONE) return apply(patch, null);
    if (value.length > MAX_TEXT) throw invalid(field, `${value.slice(0, 20)}...`, `at most ${MAX_TEXT} characters`);
    apply(patch, value);
  };

const NUMBER_EXPECTED = 'a number such as 10000, 10,000 or 1.5 million, or none';

/** The fields, in the order help lists them. Aliases map to these names (see ALIASES). */
const FIELDS: Readonly<Record<string, FieldSpec>> = {
  low: {
    expected: NUMBER_EXPECTED,
    set: (patch, value, field) => {
      patch.low = value.toLowerCase() === NONE ? null : parseNumber(value, field, NUMBER_EXPECTED);
    },
  },
  high: {
    expected: NUMBER_EXPECTED,
    set: (patch, value, field) => {
      patch.high = value.toLowerCase() === NONE ? null : parseNumber(value, field, NUMBER_EXPECTED);
    },
  },
  value: {
    expected: 'a number (10,000) or a range (1,000-2,000, 1,000 to 2,000)',
    set: (patch, value, field) => {
      const range = parseRange(value, field);
      patch.low = range.low;
      patch.high = range.high;
      patch.approx = range.low === range.high ? 'exact' : 'range';
    },
  },
  approx: {
    expected: list(APPROX_VALUES),
    set: oneOf(APPROX_VALUES, (p, v) => {
      p.approx = v;
    }),
  },
  unit: {
    expected: 'a unit such as person, percent or USD',
    set: text((p, v) => {
      p.unit = v ?? '';
    }, false),
  },
  per: {
    expected: list(PER_VALUES),
    set: oneOf(PER_VALUES, (p, v) => {
      p.per = v === NONE ? null : v;
    }),
  },
  measure: {
    expected: list(MEASURE_VALUES),
    set: oneOf(MEASURE_VALUES, (p, v) => {
      p.measure = v;
    }),
  },
  group: {
    expected: `${list(GROUP_KIND_VALUES)}, or none`,
    set: oneOf([...GROUP_KIND_VALUES, NONE], (p, v) => {
      p.groupKind = v === NONE ? null : (v as GroupKind);
    }),
  },
  group_label: {
    expected: 'a label such as "North Korean workers", or none',
    set: text((p, v) => {
      p.groupLabel = v;
    }, true),
  },
  time: {
    expected: 'a year (2006), month (2006-11), day (2006-11-05), decade (1990s), interval (1946/1949, 2015/..) or none',
    set: (patch, value, field) => {
      patch.time = value.toLowerCase() === NONE ? null : parseTime(value, field);
    },
  },
  place: {
    expected: 'a gazetteer place name (Khabarovsk) or id (RU-KHA), or none',
    set: (patch, value) => {
      if (value.toLowerCase() === NONE) {
        patch.place = null;
        return;
      }
      // names, aliases and demonyms first, then gazetteer ids (lookupPlace tries getPlace last)
      const place = lookupPlace(value);
      if (!place) {
        throw new InputError(
          `invalid place: ${value} is not in the gazetteer (expected a place name such as Khabarovsk, an id such as RU-KHA, or none)`,
        );
      }
      patch.place = { id: place.id, name: place.name, lat: place.lat, lon: place.lon };
    },
  },
  source: {
    expected: 'who states the number ("Ukrainian intelligence"), or none',
    set: text((p, v) => {
      p.source = v;
    }, true),
  },
  modality: {
    expected: list(MODALITY_VALUES),
    set: oneOf(MODALITY_VALUES, (p, v) => {
      p.modality = v;
    }),
  },
};

/** Other spellings a reviewer may type: `group-label`, `groupLabel`, `group_kind`. */
const ALIASES: Readonly<Record<string, string>> = {
  'group-label': 'group_label',
  grouplabel: 'group_label',
  group_kind: 'group',
  'group-kind': 'group',
  groupkind: 'group',
};

/** The fields `--set` accepts, with what each takes: for `atlas review --help`. */
export const PATCH_FIELDS: readonly { field: string; expected: string }[] = Object.entries(FIELDS).map(
  ([field, spec]) => ({ field, expected: spec.expected }),
);

/**
 * Parses `--set` assignments into a ClaimPatch. Fields are case-insensitive; each may be given once
 * (`value` counts as `low` and `high`). `value=N` sets low = high = N with approx exact, and
 * `value=A-B` (or `A to B`) a range, unless `approx` is also set. Throws InputError naming the
 * field and what it accepts for any bad assignment, an unknown field, an empty list, or low > high.
 * Example: parsePatch(['value=1,000 to 2,000', 'place=Khabarovsk'])
 *   -> { low: 1000, high: 2000, approx: 'range', place: { id: 'RU-KHA', name: 'Khabarovsk Krai', ... } }.
 */
export function parsePatch(assignments: string[]): ClaimPatch {
  if (assignments.length === 0) {
    throw new InputError(`nothing to set: give at least one --set field=value (fields: ${list(Object.keys(FIELDS))})`);
  }
  const patch: ClaimPatch = {};
  const seen = new Map<string, string>();
  let approxGiven = false;
  for (const assignment of assignments) {
    const eq = assignment.indexOf('=');
    if (eq < 0) {
      throw new InputError(`invalid --set: ${JSON.stringify(assignment)} (expected field=value, e.g. low=1000)`);
    }
    const typed = assignment.slice(0, eq).trim().toLowerCase();
    const field = ALIASES[typed] ?? typed;
    const value = assignment.slice(eq + 1).trim();
    const spec = Object.hasOwn(FIELDS, field) ? FIELDS[field] : undefined;
    if (!spec) {
      throw new InputError(
        `unknown field in --set: ${JSON.stringify(typed)} (expected one of ${list(Object.keys(FIELDS))})`,
      );
    }
    if (value === '') throw new InputError(`invalid ${field}: empty value (expected ${spec.expected})`);
    // `value` writes low and high: giving it beside either would let one silently win
    for (const slot of field === 'value' ? ['low', 'high'] : [field]) {
      const before = seen.get(slot);
      if (before !== undefined) {
        throw new InputError(
          `invalid --set ${field}: ${slot} is already set by --set ${before} (give each field once)`,
        );
      }
      seen.set(slot, assignment);
    }
    const approxBefore = patch.approx;
    spec.set(patch, value, field);
    if (field === 'approx') approxGiven = true;
    // an explicit approx wins over the one `value` implies, whichever came first
    else if (field === 'value' && approxGiven) patch.approx = approxBefore;
  }
  if (patch.low != null && patch.high != null && patch.low > patch.high) {
    throw new InputError(`invalid low: ${patch.low} is greater than high ${patch.high} (expected low <= high)`);
  }
  return patch;
}

const SCALES: Readonly<Record<string, number>> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mln: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
};

// 10000, 10,000, 10 000 (also the narrow no-break space), 1.5, 10,000.5; then an optional scale
const NUMBER = /^(\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(\.\d+)?(?:\s*([a-z]+))?$/i;

/** "10,000" -> 10000, "1.5 million" -> 1500000, with `scaled` false when no scale word was given. */
function readNumber(raw: string): { n: number; scaled: boolean } | null {
  const m = NUMBER.exec(raw.trim());
  if (!m) return null;
  const scaleWord = m[3]?.toLowerCase();
  const scale = scaleWord === undefined ? 1 : SCALES[scaleWord];
  if (scale === undefined) return null;
  const n = Number(m[1]!.replace(/[, \u00a0\u202f]/g, '') + (m[2] ?? '')) * scale;
  if (!Number.isFinite(n) || n > Number.MAX_SAFE_INTEGER) return null;
  // 1.5 million is exact; 0.1 * 3 is not: round away float noise below a millionth
  return { n: Math.round(n * 1e6) / 1e6, scaled: scaleWord !== undefined };
}

function parseNumber(raw: string, field: string, expected: string): number {
  const read = readNumber(raw);
  if (!read) throw invalid(field, raw, expected);
  return read.n;
}

// "1000-2000", "1,000 – 2,000", "1,000 to 2,000"; the dash needs no spaces, "to" needs them
const RANGE = /^(.+?)\s*(?:[-\u2013\u2014]|\s+to\s+)\s*(.+)$/i;

function parseRange(raw: string, field: string): { low: number; high: number } {
  const expected = FIELDS.value!.expected;
  if (raw.length > 100) throw invalid(field, `${raw.slice(0, 20)}...`, expected);
  const single = readNumber(raw);
  if (single) return { low: single.n, high: single.n };
  const m = RANGE.exec(raw);
  const a = m ? readNumber(m[1]!) : null;
  const b = m ? readNumber(m[2]!) : null;
  if (!a || !b) throw invalid(field, raw, expected);
  let low = a.n;
  // "1.5 to 2 million": the scale written once covers both ends, unless that would put low above high
  // ("500 to 2 million" means 500 to 2,000,000, not 500 million to 2 million)
  if (!a.scaled && b.scaled) {
    const m2 = NUMBER.exec(m![2]!.trim());
    const scale = SCALES[m2![3]!.toLowerCase()]!;
    if (low * scale <= b.n) low = Math.round(low * scale * 1e6) / 1e6;
  }
  if (low > b.n)
    throw new InputError(`invalid ${field}: ${raw} has low ${low} above high ${b.n} (expected low <= high)`);
  return { low, high: b.n };
}

type PatchTime = NonNullable<ClaimPatch['time']>;

/** Coarse to fine, so the coarser of two ends is the one with the lower rank. */
const PRECISION_RANK: Readonly<Record<TimePrecision, number>> = {
  century: 0,
  decade: 1,
  year: 2,
  season: 3,
  month: 4,
  day: 5,
};

interface TimePoint {
  /** ISO partial dates of the point's own interval */
  start: string;
  end: string;
  precision: TimePrecision;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DECADE = /^(\d{3})(?:0s|X)$/i;
const CENTURY = /^(\d{2})XX$/i;

/** One end: 2006, 2006-11, 2006-11-05, 1990s / 199X (a decade), 18XX (a century). */
function parsePoint(raw: string): TimePoint | null {
  const decade = DECADE.exec(raw);
  if (decade) return { start: `${decade[1]}0`, end: `${decade[1]}9`, precision: 'decade' };
  const century = CENTURY.exec(raw);
  if (century) return { start: `${century[1]}00`, end: `${century[1]}99`, precision: 'century' };
  const m = DATE.exec(raw);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (mo === undefined) return { start: y!, end: y!, precision: 'year' };
  const month = Number(mo);
  if (month < 1 || month > 12) return null;
  if (d === undefined) return { start: `${y}-${mo}`, end: `${y}-${mo}`, precision: 'month' };
  const days = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  if (Number(d) < 1 || Number(d) > days) return null;
  return { start: `${y}-${mo}-${d}`, end: `${y}-${mo}-${d}`, precision: 'day' };
}

/** The first and last day a partial date covers, for ordering two ends of different precision. */
const firstDay = (iso: string): string => (iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso);
const lastDay = (iso: string): string => (iso.length === 4 ? `${iso}-12-31` : iso.length === 7 ? `${iso}-31` : iso);

/**
 * A time as the extractor writes it: `2006` -> 2006..2006 year; `1990s` -> 1990..1999 decade `199X`;
 * `1946/1949` -> 1946..1949 year; `2015/..` open end; `../1991` open start. A trailing `~` marks
 * the time approximate (EDTF), as the extractor does for "by 2006".
 */
function parseTime(raw: string, field: string): PatchTime {
  const expected = FIELDS.time!.expected;
  const approximate = raw.includes('~');
  const bare = raw.replace(/~/g, '');
  const parts = bare.split('/');
  if (parts.length > 2) throw invalid(field, raw, expected);
  const points = parts.map((p) => (p === '..' ? null : parsePoint(p.trim())));
  if (points.some((p, i) => p === null && parts[i] !== '..')) throw invalid(field, raw, expected);
  const [a, b] = parts.length === 1 ? [points[0]!, points[0]!] : [points[0]!, points[1]!];
  if (a === null && b === null) throw invalid(field, raw, expected);
  if (a && b && firstDay(a.start) > lastDay(b.end)) {
    throw new InputError(
      `invalid ${field}: ${raw} ends before it starts (expected start/end in order, e.g. 1946/1949)`,
    );
  }
  const start = a?.start ?? null;
  const end = b?.end ?? null;
  const precision = [a, b]
    .filter((p): p is TimePoint => p !== null)
    .map((p) => p.precision)
    .reduce((x, y) => (PRECISION_RANK[x] <= PRECISION_RANK[y] ? x : y));
  return { start, end, precision, edtf: toEdtf(start, end, precision, approximate) };
}

function list(values: readonly string[]): string {
  return values.length < 2 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

function invalid(field: string, value: string, expected: string): InputError {
  return new InputError(`invalid ${field}: ${value} (expected ${expected})`);
}
