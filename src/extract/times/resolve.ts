import type { TimeExpr, TimePrecision } from '../types.js';
import type { RawPoint, RawTime, YearRef } from './rules.js';

/*
 * Resolution, Duckling-style: a pure function from a raw parse plus context (the document
 * date and the nearest earlier explicit time) to a TimeExpr. Parsing never reads either, so
 * "by 2006" parses the same whatever the document date; only here do relative parses become
 * dates.
 *
 * EDTF choices (https://www.loc.gov/standards/datetime/):
 * - a single unit: `1947`, `2007-11`, `2019-12-22`; a whole decade `195X`, a whole century `18XX`;
 *   a season `1946-22` (level-1 season codes 21-24);
 * - an approximate point gets `~`: "by 2006" -> `2006~`, "as early as 1994" -> `1994~`;
 * - an interval is `start/end`, each end marked `~` when approximate: "the late 1940s" ->
 *   `1946~/1949~`, "late 2024" -> `2024-09~/2024-12~`;
 * - alternatives are written as the interval they span: "1966 or 1967" -> `1966/1967` (the
 *   level-2 one-of set `[1966,1967]` would be more exact, but the interval is what consumers
 *   of `interval` see, and the two must agree);
 * - open ends: "since 2015" -> `2015/..`, "until 1991" -> `../1991`.
 */

/** What resolution reads. `anchor` is the nearest earlier explicit time in the document, if any. */
export interface ResolveContext {
  /** the document date, ISO 8601 (`2026-01-01`, `2026-01`, `2026`), or null */
  date: string | null;
  anchor: TimeExpr | null;
}

interface Ymd {
  y: number;
  m?: number;
  d?: number;
}

const ISO_DATE = /^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

let lastIso: string | null = null;
let lastYmd: Ymd | null = null;

/** Parses an ISO date; the last answer is kept, as resolution asks for the same date every time. */
function parseIso(s: string | null): Ymd | null {
  if (!s || s.length > 40) return null;
  if (s === lastIso) return lastYmd;
  lastIso = s;
  lastYmd = parseIsoUncached(s);
  return lastYmd;
}

function parseIsoUncached(s: string): Ymd | null {
  const m = ISO_DATE.exec(s);
  if (!m) return null;
  const r: Ymd = { y: Number(m[1]) };
  if (m[2]) r.m = Number(m[2]);
  if (m[3]) r.d = Number(m[3]);
  return r;
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/**
 * ISO strings of years and months are kept once made: a document names the same few dozen
 * years over and over, and resolution runs on every time expression.
 */
const ISO_CACHE = new Map<number, string>();

function formatYmd(p: Ymd): string {
  const cacheable = p.y >= 0 && p.y <= 9999 && p.d === undefined;
  const key = p.y * 13 + (p.m ?? 0);
  if (cacheable) {
    const hit = ISO_CACHE.get(key);
    if (hit !== undefined) return hit;
  }
  const y = p.y < 0 ? `-${pad(-p.y, 4)}` : p.y > 9999 ? String(p.y) : pad(p.y, 4);
  let s = y;
  if (p.m !== undefined) s = `${y}-${pad(p.m, 2)}`;
  if (p.d !== undefined) s = `${s}-${pad(p.d, 2)}`;
  if (cacheable) ISO_CACHE.set(key, s);
  return s;
}

const monthIndex = (p: Ymd): number => p.y * 12 + ((p.m ?? 1) - 1);

/** The year an anaphor refers to: the last year the anchor names ("since 2015" -> 2015, "by 2020" -> 2020). */
function anchorYear(anchor: TimeExpr): number | null {
  const s = anchor.interval.end ?? anchor.interval.start;
  if (s === null) return null;
  const cut = s.indexOf('-', 1);
  const y = Number(cut < 0 ? s : s.slice(0, cut));
  return Number.isInteger(y) ? y : null;
}

const COARSER_THAN_YEAR: ReadonlySet<TimePrecision> = new Set(['decade', 'century']);

function resolveYear(ref: YearRef, point: RawPoint, ctx: ResolveContext, doc: Ymd | null): number | null {
  switch (ref.base) {
    case 'stated':
      return ref.n;
    case 'anchor': {
      const y = ctx.anchor ? anchorYear(ctx.anchor) : null;
      return y === null ? null : y + ref.n;
    }
    case 'document':
      return doc ? doc.y + ref.n : null;
    case 'nearest': {
      // A month without a year: the year putting it nearest the document date ("Oct. 9" in a
      // January 2026 article is October 2025); without a date, the year of the anchor.
      if (doc && point.month !== undefined) {
        let best = doc.y;
        let bestGap = Number.POSITIVE_INFINITY;
        for (const y of [doc.y - 1, doc.y, doc.y + 1]) {
          const gap = Math.abs(monthIndex({ y, m: point.month }) - monthIndex(doc));
          if (gap < bestGap) {
            best = y;
            bestGap = gap;
          }
        }
        return best + ref.n;
      }
      const y = ctx.anchor ? anchorYear(ctx.anchor) : null;
      return y === null ? null : y + ref.n;
    }
    case 'century': {
      // "the '90s": the latest such decade not after the reference year (anchor, else document, else 1999).
      const refYear = (ctx.anchor ? anchorYear(ctx.anchor) : null) ?? doc?.y ?? 1999;
      let c = Math.floor(refYear / 100) * 100;
      if (c + (ref.n - (ref.n % 10)) > refYear) c -= 100;
      return c + ref.n;
    }
    case 'turn': {
      const refYear = (ctx.anchor ? anchorYear(ctx.anchor) : null) ?? doc?.y ?? null;
      return refYear === null ? null : Math.round(refYear / 100) * 100 + ref.n;
    }
  }
}

function resolvePoint(p: RawPoint, ctx: ResolveContext, doc: Ymd | null): Ymd | null {
  const y = resolveYear(p.year, p, ctx, doc);
  if (y === null || !Number.isFinite(y)) return null;
  const r: Ymd = { y };
  if (p.month !== undefined) r.m = p.month;
  if (p.day !== undefined) r.d = p.day;
  return r;
}

const q = (s: string, approximate: boolean): string => (approximate ? `${s}~` : s);

/** The EDTF string of a resolved interval (see the choices at the top of this file). */
export function toEdtf(
  start: string | null,
  end: string | null,
  precision: TimePrecision,
  approximate: boolean,
  season?: number,
): string {
  if (start === null) return end === null ? '..' : `../${q(end, approximate)}`;
  if (end === null) return `${q(start, approximate)}/..`;
  if (season !== undefined && !start.startsWith('-')) return q(`${start.slice(0, 4)}-${season}`, approximate);
  if (!approximate && (precision === 'decade' || precision === 'century') && start.length === 4 && end.length === 4) {
    const sy = Number(start);
    const ey = Number(end);
    if (precision === 'decade' && sy % 10 === 0 && ey === sy + 9) return `${start.slice(0, 3)}X`;
    if (precision === 'century' && sy % 100 === 0 && ey === sy + 99) return `${start.slice(0, 2)}XX`;
  }
  if (start === end) return q(start, approximate);
  return `${q(start, approximate)}/${q(end, approximate)}`;
}

/**
 * Resolves one raw parse against the document date and the anchor; null when it cannot be
 * resolved (a relative expression with nothing to resolve against).
 * Example: raw "the following year" with anchor 1946 -> interval 1947..1947, relative true.
 */
export function resolveTime(raw: RawTime, ctx: ResolveContext): TimeExpr | null {
  const doc = parseIso(ctx.date);
  const v = raw.value;
  let start: string | null;
  let end: string | null;
  let precision: TimePrecision;
  let approximate: boolean;
  let season: number | undefined;
  let relative = false;
  if (v.kind === 'copy') {
    const a = ctx.anchor;
    if (!a) return null;
    start = a.interval.start;
    end = a.interval.end;
    precision = a.precision;
    approximate = a.approximate || v.approximate;
    relative = true;
  } else {
    if (v.yearAnchor && ctx.anchor && COARSER_THAN_YEAR.has(ctx.anchor.precision)) return null;
    const s = v.start ? resolvePoint(v.start, ctx, doc) : null;
    const e = v.end ? resolvePoint(v.end, ctx, doc) : null;
    if ((v.start && !s) || (v.end && !e) || (!s && !e)) return null;
    start = s ? formatYmd(s) : null;
    end = e ? formatYmd(e) : null;
    precision = v.precision;
    approximate = v.approximate;
    season = v.season;
    relative = (v.start !== null && v.start.year.base !== 'stated') || (v.end !== null && v.end.year.base !== 'stated');
  }
  let bound: TimeExpr['bound'] = start === null ? 'before' : end === null ? 'after' : 'interval';
  const op = raw.op;
  if (op) {
    // narrow to one end, then open the other side: "since the late 1980s" -> 1986/..
    if (op.take === 'start') end = start;
    else if (op.take === 'end') start = end;
    if (op.open === 'start') start = null;
    else if (op.open === 'end') end = null;
    if (start === null && end === null) return null;
    bound = op.bound;
    approximate = approximate || op.approximate;
    if (op.take !== 'whole') season = undefined;
  }
  return new TimeRecord(
    raw.start,
    raw.end,
    raw.text,
    raw.rule,
    new Interval(start, end),
    precision,
    toEdtf(start, end, precision, approximate, season),
    approximate,
    bound,
    relative,
  );
}

/**
 * A time expression as resolveTime makes it: made by `new` of a class, not an object literal.
 * Every time of a document is kept until it is done, and V8, seeing all the objects of a
 * literal's allocation site survive, makes the site allocate them in the old generation
 * ("pretenuring"); inside the extractor, which keeps ~30 MB per 5 MB document, each of these
 * allocations then cost about as much as resolving the time (the literal's line held ~4% of the
 * extractor's profile; ~0.1% under `node --no-allocation-site-pretenuring`). `new` of a class has
 * no such site. The same holds for every record the extractor keeps until the document is done
 * (sentences, claim and event drafts, the JSON). Not for the sentence splitter's spans: they
 * stay literals, as a pass that keeps nothing else (bench:extract's tokenizer pass) ran 5% slower
 * with them made by a class, copied by the scavenges instead of born old.
 */
class TimeRecord implements TimeExpr {
  constructor(
    public start: number,
    public end: number,
    public text: string,
    public rule: string,
    public interval: Interval,
    public precision: TimePrecision,
    public edtf: string,
    public approximate: boolean,
    public bound: TimeExpr['bound'],
    public relative: boolean,
  ) {}
}

class Interval {
  constructor(
    public start: string | null,
    public end: string | null,
  ) {}
}
