/**
 * estimate(group, place, time, measure): the stored claims that could answer "how many ... ?",
 * ranked by how well each fits the question, then reconciled into one answer without hiding
 * disagreement:
 * - one claim fits clearly better than the rest (or the best ones agree): that claim's value;
 * - otherwise the span of the best-fitting claims, each listed;
 * - claims from different sources whose ranges do not overlap are flagged as conflicting;
 * - the same figure repeated by one document is merged; the same figure from independent
 *   sources is marked corroborated;
 * - rejected claims never count; corrected ones count with their corrected values.
 *
 * Fit is a product of factors in [0, 1], one per dimension, each with the reason it was given,
 * so `atlas estimate --json` shows why a claim ranks where it does.
 */
import { annotateEvents } from '../extract/events/index.js';
import { tokenize } from '../extract/tokenize.js';
import type { Approx, EventType, GroupKind, Measure, Modality, Per, PlaceRef } from '../extract/types.js';
import { FIT, type FitSpec, labelNames, overlap, type UnitFamily, unitFamily } from '../store/fit.js';
import type { ClaimFacts, ClaimFilter, ClaimRecord, ClaimStatus, PlaceRecord, Store } from '../store/types.js';
import { depthBelow, kindsWithin, placesWithin } from './hierarchy.js';
import { DEFAULT_CANDIDATES, MAX_CANDIDATES } from './limits.js';
import { claimBounds, sameFigure, yearOf } from './values.js';

/** What kind of number is asked for: a count of people, a share, or an amount of money. */
export type { UnitFamily };
export { DEFAULT_CANDIDATES, MAX_CANDIDATES };

export interface EstimateQuery {
  group?: { kind: GroupKind; head?: string | null } | null;
  place?: PlaceRef | null;
  /** years, inclusive; null for open */
  from?: number | null;
  to?: number | null;
  measure?: Measure | null;
  /** the rate asked for; undefined when the question does not say */
  per?: Per;
  unit?: UnitFamily | null;
  modality?: Modality | null;
  /** words whose presence in a claim's sentence makes it fit better (actors, keywords) */
  words?: string[];
  /**
   * what happened to the people counted, as event types ("killed" -> casualties, "captured" ->
   * capture): a claim whose sentence tells of another event counts other people
   */
  events?: EventType[];
  /** words of which the claim's sentence must hold one (the counted noun when it is no known group) */
  required?: string[];
}

export interface Candidate {
  claim: ClaimRecord;
  /** 0..1, higher fits better */
  fit: number;
  /** why the fit is what it is, one phrase per factor below 1 */
  why: string[];
  sentence: string;
  title: string | null;
  url: string | null;
  /** the same figure stated again in the same document: merged into this one */
  repeats: string[];
  /** ids of claims from other documents or sources giving the same figure */
  corroboratedBy: string[];
  /** ids of claims from other sources whose ranges do not overlap this one's */
  conflictsWith: string[];
}

export interface Reconciled {
  /** single: one claim answers; span: several fit about as well, their range is given; none: nothing fits */
  kind: 'single' | 'span' | 'none';
  value: { low: number | null; high: number | null; approx: Approx } | null;
  unit: string | null;
  per: string | null;
}

export interface Estimate {
  query: EstimateQuery;
  answer: Reconciled;
  /** the best-fitting claims, at most the limit asked (DEFAULT_CANDIDATES), best first */
  candidates: Candidate[];
  /** true when the list stopped at the limit: more claims may fit (ask with a higher limit) */
  more: boolean;
  /** how many of the first candidates the answer rests on */
  basis: number;
  conflicts: [string, string][];
  corroborated: boolean;
}

const LIVE: ClaimStatus[] = ['machine', 'accepted', 'corrected'];
/** below this a claim does not answer at all */
const MIN_FIT = 0.25;
/** claims within this much of the best are taken as fitting "about as well" */
const BAND = 0.12;

/** Which measures answer a question about `asked`, and how well. */
const MEASURE_FIT: Record<Measure | 'any', Partial<Record<Measure, number>>> = {
  population: { population: 1, arrivals: 0.55, count: 0.35, departures: 0.3 },
  arrivals: { arrivals: 1, population: 0.5 },
  departures: { departures: 1, population: 0.3 },
  count: { count: 1, population: 0.4, arrivals: 0.3, departures: 0.3 },
  money: { money: 1 },
  share: { share: 1 },
  other: { other: 1 },
  any: { population: 1, arrivals: 0.8, departures: 0.7, count: 0.7, share: 1, money: 1 },
};

/** the unit family a question asks for: people unless it asks for money or a share */
const wantedUnit = (q: EstimateQuery): UnitFamily =>
  q.unit ?? (q.measure === 'money' ? 'money' : q.measure === 'share' ? 'percent' : 'person');

export interface EstimateOptions {
  /** read every claim that could fit instead of the best-bounded parts first (tests compare the two) */
  exhaustive?: boolean;
  /** at most this many claims are read at once, not part by part (FEW; tests set 0 to run the parts on small stores) */
  few?: number;
  /** candidates listed at most: DEFAULT_CANDIDATES, up to MAX_CANDIDATES */
  limit?: number;
  /** claims read at a time (PAGE); tests make it small */
  page?: number;
  /** let a store that can rank claims itself do so (Store.bestFacts); tests turn it off to compare */
  inStore?: boolean;
}

export async function estimate(store: Store, query: EstimateQuery, options: EstimateOptions = {}): Promise<Estimate> {
  const known = await store.knownPlaces();
  const byId = new Map(known.map((p) => [p.id, p]));
  const filter = claimFilter(query, known);
  const limit = Math.min(MAX_CANDIDATES, Math.max(1, Math.floor(options.limit ?? DEFAULT_CANDIDATES)));
  let ranked: Ranked[] = await bestScored(store, query, filter, byId, limit, options);
  if (ranked.length === 0 && query.place) {
    // The place a claim was given may be the wrong one of its sentence's places ("refugees in
    // China to settle in Russia"). When nothing stands in the asked place, claims whose
    // sentence names it are taken, at a discount: the sentence is the evidence.
    ranked = await sentenceNamesPlace(store, { ...filter, placeIds: undefined }, query, byId, limit);
  }
  // only the claims listed are read in full
  const cited = new Map(
    (ranked.length === 0 ? [] : await store.claimsCited({ ids: ranked.map((r) => r.facts.id), status: LIVE })).map(
      (c) => [c.claim.id, c],
    ),
  );
  const words = (query.words ?? []).map((w) => w.toLowerCase()).filter((w) => w.length > 2);
  const required = (query.required ?? []).map((w) => w.toLowerCase());
  const candidates: Candidate[] = [];
  for (const { facts, fit, elsewhere } of ranked) {
    // a claim rejected or removed between the two reads is no longer live
    const read = cited.get(facts.id);
    if (!read) continue;
    const { claim, sentence } = read;
    if (required.length > 0 && !required.some((w) => sentence.toLowerCase().includes(w))) continue;
    const why: string[] = [];
    score(facts, elsewhere ? { ...query, place: null } : query, byId, why);
    if (elsewhere)
      why.push(`placed in ${claim.place?.name ?? 'no place'}, but its sentence names ${query.place!.name}`);
    let f = fit;
    if (query.events?.length) {
      const told = eventTypesOf(sentence);
      if (told.length > 0 && !told.some((t) => query.events!.includes(t))) {
        f *= 0.2;
        why.push(`its sentence tells of ${told.join(', ')}, asked ${query.events.join(', ')}`);
      }
    }
    if (words.length > 0) {
      const lower = sentence.toLowerCase();
      const found = words.filter((w) => lower.includes(w)).length;
      // the sentence naming what the question names (an actor, a keyword) is a tie-breaker, not a filter
      f *= 0.8 + (0.2 * found) / words.length;
      if (found < words.length) why.push(`sentence names ${found} of ${words.length} question words`);
    }
    if (f < MIN_FIT) continue;
    candidates.push({
      claim,
      fit: round(f),
      why,
      sentence,
      title: read.title,
      url: read.source,
      repeats: [],
      corroboratedBy: [],
      conflictsWith: [],
    });
  }
  candidates.sort((a, b) => b.fit - a.fit || specificity(b.claim) - specificity(a.claim));
  return { ...reconcile(query, candidates), more: ranked.length >= limit };
}

/**
 * Claims of the question placed anywhere are looked at, at most this many (whichever the store gives first):
 * the fallback reads the sentence of each that could still fit, so it is bounded. 500 rather
 * than more: at 1,000,000 claims 2,000 of them took 30-50 ms a question (bench/query.mjs).
 */
const FALLBACK_LIMIT = 500;
/** the fit left to a claim placed elsewhere whose sentence names the asked place */
const SENTENCE_ONLY = 0.6;

/** The event types a sentence tells of, read by the same annotator as documents. */
function eventTypesOf(sentence: string): EventType[] {
  const ctx = {
    text: sentence,
    sentence: { start: 0, end: sentence.length, index: 0, section: null },
    tokens: tokenize(sentence),
  };
  return [...new Set(annotateEvents(ctx).map((e) => e.type))];
}

async function sentenceNamesPlace(
  store: Store,
  filter: ClaimFilter,
  query: EstimateQuery,
  known: ReadonlyMap<string, PlaceRecord>,
  limit: number,
): Promise<Ranked[]> {
  const { placeIds: _ignored, ...rest } = filter;
  const anywhere = { ...query, place: null };
  // only a claim that still fits after the discount below can be taken: only its sentence is read
  // any FALLBACK_LIMIT of them: the first in document order cost a sort of every match (~13 ms
  // for a kind and year at 1,000,000 claims), and the fits below rank them all the same
  const loose = (await store.claimFacts({ ...rest, limit: FALLBACK_LIMIT }, { ordered: false }))
    .map((facts) => ({ facts, fit: score(facts, anywhere, known), part: 0, elsewhere: true }))
    .filter((c) => round(c.fit * SENTENCE_ONLY) >= MIN_FIT);
  const texts = await store.sentenceTexts(loose.map((c) => c.facts));
  const name = query.place!.name.toLowerCase();
  const ranked = loose
    .filter((c) => (texts.get(`${c.facts.document}#${c.facts.sentenceIndex}`) ?? '').toLowerCase().includes(name))
    .map((c) => ({ ...c, fit: round(c.fit * SENTENCE_ONLY) }))
    .sort((a, b) => b.fit - a.fit)
    .slice(0, limit);
  return ranked;
}

/** The store filter: only what could fit at all, so the database does the narrowing. */
function claimFilter(q: EstimateQuery, known: readonly PlaceRecord[]): ClaimFilter {
  const f: ClaimFilter = { status: LIVE };
  if (q.group) f.groupKind = kindsWithin(q.group.kind);
  if (q.place) f.placeIds = [...placesWithin(q.place, known)];
  if (q.from !== undefined && q.from !== null) f.from = q.from;
  if (q.to !== undefined && q.to !== null) f.to = q.to;
  const measures = Object.keys(MEASURE_FIT[q.measure ?? 'any']) as Measure[];
  f.measure = measures;
  // a claim of another unit fits 0 (score): not read at all
  f.unitFamily = wantedUnit(q);
  return f;
}

/**
 * The `limit` best-fitting claims, read part by part. Each part is a narrower store filter
 * (the asked group kind or the others, each measure, the asked place itself or places within it,
 * times inside the asked years or reaching outside them) with an upper bound on the fit any of
 * its claims can reach; parts are read best bound first, and reading stops once the candidates
 * already held all beat the next bound (the threshold algorithm). Claims that fit equally well
 * rank by part, then in document order: so a later part can never displace a claim it only ties,
 * and a part whose bound the weakest held claim reaches is not read at all (with document order
 * alone, a question naming a head, "loggers", read every claim of the parts bounded at the 0.75
 * most candidates had: 2,965 rows instead of ~800, ~90 ms at 1,000,000 claims). The answer is
 * the same as reading everything (tests compare), but a question about a country over a million
 * claims reads hundreds of rows instead of tens of thousands (bench/query.mjs). A store that ranks
 * claims itself (Store.bestFacts: SQLite) is asked for each part's best `limit` claims, or for a
 * question of few index probes the best of all at once, ties broken by part in the same order.
 */
async function bestScored(
  store: Store,
  q: EstimateQuery,
  filter: ClaimFilter,
  byId: ReadonlyMap<string, PlaceRecord>,
  limit: number,
  options: EstimateOptions,
): Promise<Ranked[]> {
  const pageSize = options.page ?? PAGE;
  const held: Ranked[] = [];
  const add = (read: readonly ClaimFacts[], part: (c: ClaimFacts, i: number) => number) => {
    read.forEach((facts, i) => {
      const fit = score(facts, q, byId);
      if (fit >= MIN_FIT) held.push({ facts, fit, part: part(facts, i), elsewhere: false });
    });
  };
  /** the weakest of the best `limit` held so far, once there are that many */
  const weakest = (): Ranked | null => {
    held.sort(byFit);
    if (held.length > limit) held.length = limit;
    return held.length === limit ? held[limit - 1]! : null;
  };
  const parts = partsOf(q, filter, byId);
  // A question whose claims are few reads them in one go: each part is a statement (~0.3-1 ms
  // at 1,000,000 claims), and a region's or a city's 16 parts cost more than its few hundred
  // claims. The parts are what a country's thousands need. Either way the ranking is the same.
  // Counting costs an index probe per place, kind and measure (and span class), however few
  // claims there are: ~9 ms for "general" in Russia (124 places x 7 kinds x 4 measures), whose
  // claims are many anyway. Past COUNT_PROBES the parts are read without counting: reading
  // the best parts first is what keeps the slowest questions short (bench/query.mjs, paired
  // runs: 16 gave the slowest tenth ~0.78 of the time of counting every question; 64-256 ~0.85).
  const most = options.few ?? FEW;
  const probes = size(filter.placeIds) * size(filter.groupKind) * size(filter.measure);
  // A store that ranks claims itself hands back only the best `limit` of what a statement reads;
  // the fits are worked out again here (the same numbers: tests hold the two to each other).
  const inStore = store.bestFacts !== undefined && options.inStore !== false && !options.exhaustive;
  const rank = inStore ? { fit: specOf(q, filter, byId), limit, minFit: MIN_FIT } : null;
  const few =
    options.exhaustive ||
    (most > 0 &&
      probes <= COUNT_PROBES &&
      (inStore || (await store.countClaims(filter, { atMost: most + 1 })) <= most));
  if (few && rank) {
    // one statement, however many they are (so not counted), ties by the part each claim lies
    // in, as the parts would read them
    const read = await store.bestFacts!(filter, { ...rank, parts: parts.map((p) => p.patch) });
    add(
      read.map((r) => r.facts),
      (_, i) => read[i]!.part,
    );
  } else if (few) {
    // byFit ranks them, ties in document order too: the database need not sort them
    add(await store.claimFacts(filter, { ordered: false }), (c) => parts.findIndex((p) => p.has(c)));
  } else {
    for (let p = 0; p < parts.length; p++) {
      // fits are rounded to 3 places: no claim of the part fits better than its rounded bound
      const top = round(parts[p]!.bound + 1e-9);
      if (top < MIN_FIT) break;
      // a claim of this part fits at most `top`, and on a tie ranks after one read before it
      const w = weakest();
      if (w && w.fit >= top) break;
      if (rank) {
        // the part's best `limit`: no more of it can be among the best
        add(
          (await store.bestFacts!(parts[p]!.filter, rank)).map((r) => r.facts),
          () => p,
        );
        continue;
      }
      for (let offset = 0; ; offset += pageSize) {
        const page = await store.claimFacts({ ...parts[p]!.filter, limit: pageSize, offset });
        add(page, () => p);
        if (page.length < pageSize) break;
        const w = weakest();
        if (w && w.fit >= top) break;
      }
    }
  }
  return held.sort(byFit).slice(0, limit);
}

/** the values a filter field lists (1 for a single value or none): a factor of its index probes */
const size = (v: unknown): number => (Array.isArray(v) ? Math.max(1, v.length) : 1);
/** index probes (place x kind x measure) past which a question is not counted first (bestScored) */
const COUNT_PROBES = 16;

/** claims read a page at a time from each part */
const PAGE = 256;
/**
 * at most this many claims to a question are read at once, not part by part: ~3 us a claim
 * against ~0.3-1 ms a part (statement) at 1,000,000 claims; 768 measured better than 256 on
 * bench/query.mjs (a region asked about "general" has 16 parts of a few claims each)
 */
const FEW = 768;

/**
 * Best fit first; ties by the part read first (bestScored), then in document order, as the store
 * lists claims (by document and ord; extraction stores a document's claims in text order, so
 * sentence and span give that order).
 */
function byFit(a: Ranked, b: Ranked): number {
  const x = a.facts;
  const y = b.facts;
  return (
    b.fit - a.fit ||
    a.part - b.part ||
    (x.document < y.document ? -1 : x.document > y.document ? 1 : 0) ||
    x.sentenceIndex - y.sentenceIndex ||
    x.spanStart - y.spanStart ||
    // claims read unordered (the few path) rank the same whatever order the database gave
    (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)
  );
}

interface Part {
  filter: ClaimFilter;
  /** what the part narrows of the question's filter */
  patch: Partial<ClaimFilter>;
  /** no claim in the part fits better than this (the product of each dimension's best factor in `score`) */
  bound: number;
  /** whether a claim of the whole filter lies in this part: what the filter says, read in JS */
  has: (c: ClaimFacts) => boolean;
}

/** One side of a dimension: the store filter that selects it and the same test on a claim. */
interface Side {
  bound: number;
  patch: Partial<ClaimFilter>;
  has: (c: ClaimFacts) => boolean;
}

/** The parts of `filter` along each dimension whose factor in `score` varies, best bound first. */
function partsOf(q: EstimateQuery, filter: ClaimFilter, known: ReadonlyMap<string, PlaceRecord>): Part[] {
  const dims: Side[][] = [];
  if (q.group?.kind === 'general') {
    const others = kindsWithin('general').filter((k) => k !== 'general');
    dims.push([
      { bound: 1, patch: { groupKind: ['general'] }, has: (c) => c.groupKind === 'general' },
      { bound: 0.6, patch: { groupKind: others }, has: (c) => c.groupKind !== 'general' },
    ]);
  }
  // the measures that fit fully, then the rest at the best of their factors: two parts, not
  // one per measure, as every part repeats the index probes of its place and kind lists
  const fits = Object.entries(MEASURE_FIT[q.measure ?? 'any']) as [Measure, number][];
  const rest = fits.filter(([, f]) => f < 1);
  if (rest.length > 0 && rest.length < fits.length) {
    const full = fits.filter(([, f]) => f === 1).map(([m]) => m);
    dims.push([
      { bound: 1, patch: { measure: full }, has: (c) => full.includes(c.measure) },
      {
        bound: Math.max(...rest.map(([, f]) => f)),
        patch: { measure: rest.map(([m]) => m) },
        has: (c) => !full.includes(c.measure),
      },
    ]);
  }
  if (q.place && filter.placeIds && filter.placeIds.length > 1) {
    // the asked place itself, then each level below it (0.9 a level), the deepest levels together
    const levels = new Map<number, string[]>();
    const level = (id: string) => Math.min(3, depthBelow(id, q.place!.id, known) ?? 3);
    for (const id of filter.placeIds) levels.set(level(id), [...(levels.get(level(id)) ?? []), id]);
    if (levels.size > 1) {
      dims.push(
        [...levels].map(([d, placeIds]) => ({
          bound: FIT.perLevel ** d,
          patch: { placeIds },
          has: (c) => c.placeId !== null && level(c.placeId) === d,
        })),
      );
    }
  }
  if (q.from != null && q.to != null && q.to >= q.from) {
    // a claim reaching outside n asked years covers at most n of its n + 1 or more years; an
    // open end counts as 15 years (overlap), so past 15 asked years the split gains nothing
    const n = q.to - q.from + 1;
    const { from, to } = q;
    const within = (c: ClaimFacts) => c.yearFrom !== null && c.yearTo !== null && c.yearFrom >= from && c.yearTo <= to;
    if (n < 16) {
      dims.push([
        { bound: 1, patch: { within: true }, has: within },
        { bound: 0.5 + (0.5 * n) / (n + 1), patch: { within: false }, has: (c) => !within(c) },
      ]);
    }
  }
  let parts: Part[] = [{ filter, patch: {}, bound: 1, has: () => true }];
  for (const dim of dims) {
    parts = parts.flatMap((p) =>
      dim.map((d) => ({
        filter: { ...p.filter, ...d.patch },
        patch: { ...p.patch, ...d.patch },
        bound: p.bound * d.bound,
        has: (c: ClaimFacts) => p.has(c) && d.has(c),
      })),
    );
  }
  // stable: parts of equal bound keep the order they were made in, which byFit's ties follow
  return parts.filter((p) => p.bound >= MIN_FIT).sort((a, b) => b.bound - a.bound);
}

/** a claim ranked for a question: what ranks it, its fit, and the part it was read from */
interface Ranked {
  facts: ClaimFacts;
  fit: number;
  /** which part of the question's claims it was read from (bestScored); ties rank by it */
  part: number;
  /** placed elsewhere, taken because its sentence names the asked place (sentenceNamesPlace) */
  elsewhere: boolean;
}

/**
 * How well a claim fits the question, in [0, 1]: a product of one factor per dimension. With
 * `why`, each factor below 1 adds its reason (only the claims listed are asked for them).
 */
export function score(
  c: ClaimFacts,
  q: EstimateQuery,
  known: ReadonlyMap<string, PlaceRecord>,
  why?: string[],
): number {
  let fit = 1;
  const factor = (f: number, reason: string) => {
    if (f < 1) why?.push(reason);
    fit *= f;
  };

  // unit: a count of people, a share or money, as asked
  const family = unitFamily(c.unit);
  const wanted = wantedUnit(q);
  if (family !== wanted) {
    why?.push(`unit ${c.unit}, asked ${wanted}`);
    return 0;
  }

  factor(MEASURE_FIT[q.measure ?? 'any'][c.measure] ?? 0, `measure ${c.measure}, asked ${q.measure ?? 'any'}`);

  // group: the asked kind fits best; general reaches every kind, at a discount
  if (q.group) {
    const kind = c.groupKind;
    if (kind === null) factor(FIT.noKind, 'no group stated');
    else if (kind !== q.group.kind)
      factor(q.group.kind === 'general' ? FIT.generalOther : 0, `group ${kind}, asked ${q.group.kind}`);
    if (q.group.head && kind !== null && !labelNames(c.groupLabel ?? '', q.group.head)) {
      factor(FIT.noHead, `group "${c.groupLabel}" does not name ${q.group.head}`);
    }
    if (c.groupImplied) factor(FIT.carried, 'group carried from an earlier sentence');
  }

  // place: the asked place itself, then places within it, each level a little less
  if (q.place) {
    const depth = c.placeId === null ? null : depthBelow(c.placeId, q.place.id, known);
    if (depth === null) factor(0, 'place not within the asked place');
    else if (depth > 0)
      factor(FIT.perLevel ** depth, `${known.get(c.placeId!)?.name ?? c.placeId} is within ${q.place.name}`);
    if (c.placeImplied) factor(FIT.carried, 'place carried from the document or an earlier sentence');
  }

  // time: how much of the claim's interval is the asked interval (exact year over decade)
  if (q.from != null || q.to != null) {
    if (!c.hasTime) factor(0, 'no time stated');
    else {
      factor(
        0.5 + 0.5 * overlap(c.yearFrom, c.yearTo, q.from ?? null, q.to ?? null),
        'time only partly the asked period',
      );
      if (c.timeImplied) factor(FIT.carried, 'time carried from an earlier sentence');
    }
  }

  // rate: a rate answers a rate question; a stock is not a flow
  if (q.per !== undefined && q.per !== null) {
    if (c.per === q.per) {
      /* fits */
    } else factor(c.per === null ? FIT.noRate : FIT.otherRate, `rate ${c.per ?? 'none'}, asked per ${q.per}`);
  } else if (c.per !== null && wanted !== 'money') factor(FIT.aRate, `a rate (per ${c.per}), not a number`);

  // modality: a proposal answers a question about a proposal; otherwise it is not a fact
  if (q.modality) {
    if (c.modality !== q.modality) factor(FIT.otherModality, `modality ${c.modality}, asked ${q.modality}`);
  } else if (c.modality === 'proposed') factor(FIT.proposed, 'a proposal, not a fact');
  else if (c.modality === 'denied') factor(FIT.denied, 'denied by the source');

  if (c.approx === 'vague') factor(FIT.vague, 'a vague amount');
  return round(fit);
}

/**
 * score() as data, for a store that ranks claims itself (FitSpec): the factors it gives each
 * measure and each place of the filter, and what the question asks of group, years, rate and
 * modality. The fixed factors are FIT's, as score() reads them.
 */
export function specOf(q: EstimateQuery, filter: ClaimFilter, known: ReadonlyMap<string, PlaceRecord>): FitSpec {
  let place: Record<string, number> | null = null;
  if (q.place) {
    place = {};
    for (const id of filter.placeIds ?? []) {
      const depth = depthBelow(id, q.place.id, known);
      if (depth !== null) place[id] = depth > 0 ? FIT.perLevel ** depth : 1;
    }
  }
  return {
    unit: wantedUnit(q),
    measure: MEASURE_FIT[q.measure ?? 'any'],
    group: q.group ? { kind: q.group.kind, head: q.group.head || null } : null,
    place,
    time: q.from != null || q.to != null ? { from: q.from ?? null, to: q.to ?? null } : null,
    per: { asked: q.per ?? null, rates: wantedUnit(q) !== 'money' },
    modality: q.modality ?? null,
  };
}

/** exact figures before ranges before bounds before vague amounts */
function specificity(c: ClaimRecord): number {
  return { exact: 5, about: 4, range: 3, 'at-least': 2, 'at-most': 2, vague: 1 }[c.value.approx];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Who vouches for a claim: its attributed source if any, else its document. */
const voice = (c: ClaimRecord) => (c.source ? `source:${c.source.toLowerCase()}` : `doc:${c.document}`);

/** claims about the same thing fit the question about as well: only those can conflict */
const CONFLICT_FIT = 0.35;
/**
 * Conflicts are looked for with the best-fitting claims only: a disagreement between the 150th
 * and the 190th candidate says nothing about the answer, and a million claims of scattered
 * figures made 16,000 such pairs, most of an estimate's time and of its output.
 */
const CONFLICT_SCOPE = 25;

/** what sameFigure compares, as a key */
const figureKey = (c: ClaimRecord) => `${c.value.low}|${c.value.high}|${c.unit}|${c.per}`;

/** `ranked`: best fit first (the conflict window depends on it) */
export function reconcile(query: EstimateQuery, ranked: Candidate[]): Omit<Estimate, 'more'> {
  // merge repeats: the same figure again in the same document adds nothing. Candidates are
  // bucketed by document and figure, so this is not quadratic in the number of candidates
  // (200 of them took ~10 ms at 1,000,000 claims, bench/query.mjs); sameFigure still decides.
  const kept: Candidate[] = [];
  const byFigure = new Map<string, Candidate[]>();
  for (const c of ranked) {
    const { document, value, unit, per } = c.claim;
    const key = JSON.stringify([document, value.low, value.high, unit, per]);
    const bucket = byFigure.get(key);
    const first = bucket?.find((k) => sameFigure(k.claim, c.claim));
    if (first) first.repeats.push(c.claim.id);
    else {
      kept.push(c);
      if (bucket) bucket.push(c);
      else byFigure.set(key, [c]);
    }
  }
  // Corroboration and conflict between different voices; what each pair compares is read once.
  // Not every pair is compared (200 candidates made 19,900 pairs, a sixth of an estimate's time
  // at 1,000,000 claims): the same figure is found by its key, and a conflict needs fits within
  // CONFLICT_FIT of each other, which in best-first order is a window that closes.
  // numbers, not strings, and no array destructuring in the pair loop: both showed in profiles
  const voiceIds = new Map<string, number>();
  const voices = kept.map((c) => {
    const v = voice(c.claim);
    const id = voiceIds.get(v) ?? voiceIds.size;
    voiceIds.set(v, id);
    return id;
  });
  const years = kept.map((c) => timeBounds(c.claim));
  const fromBound = new Float64Array(kept.length);
  const toBound = new Float64Array(kept.length);
  kept.forEach((c, i) => {
    [fromBound[i], toBound[i]] = claimBounds(c.claim);
  });
  const figures = new Map<string, number[]>();
  kept.forEach((c, i) => {
    const key = figureKey(c.claim);
    const same = figures.get(key);
    if (same) same.push(i);
    else figures.set(key, [i]);
  });
  const conflicts: [string, string][] = [];
  for (let i = 0; i < kept.length; i++) {
    const a = kept[i]!;
    for (const j of figures.get(figureKey(a.claim))!) {
      if (j <= i || voices[i] === voices[j]) continue;
      a.corroboratedBy.push(kept[j]!.claim.id);
      kept[j]!.corroboratedBy.push(a.claim.id);
    }
    if (i >= CONFLICT_SCOPE) continue;
    for (let j = i + 1; j < kept.length && a.fit - kept[j]!.fit <= CONFLICT_FIT; j++) {
      const b = kept[j]!;
      if (voices[i] === voices[j] || a.claim.unit !== b.claim.unit || a.claim.per !== b.claim.per) continue;
      if (sameFigure(a.claim, b.claim)) continue;
      // only claims about the same time can conflict; and figures whose ranges meet agree
      if (sameTime(years[i]!, years[j]!) && !(fromBound[i]! <= toBound[j]! && fromBound[j]! <= toBound[i]!)) {
        a.conflictsWith.push(b.claim.id);
        b.conflictsWith.push(a.claim.id);
        conflicts.push([a.claim.id, b.claim.id]);
      }
    }
  }
  const best = kept[0];
  if (!best) return { query, answer: NONE, candidates: [], basis: 0, conflicts, corroborated: false };
  const band = kept.filter(
    (c) => c.fit >= best.fit - BAND && c.claim.unit === best.claim.unit && c.claim.per === best.claim.per,
  );
  const agree = band.every((c) => sameFigure(c.claim, best.claim));
  const corroborated = best.corroboratedBy.length > 0;
  if (band.length === 1 || agree) {
    return {
      query,
      answer: { kind: 'single', value: best.claim.value, unit: best.claim.unit, per: best.claim.per },
      candidates: [...band, ...kept.filter((c) => !band.includes(c))],
      basis: band.length,
      conflicts,
      corroborated,
    };
  }
  const lows = band.map((c) => c.claim.value.low);
  const highs = band.map((c) => c.claim.value.high ?? (c.claim.value.approx === 'at-most' ? null : c.claim.value.low));
  const low = lows.some((v) => v === null) ? null : Math.min(...(lows as number[]));
  const high = highs.some((v) => v === null) ? null : Math.max(...(highs as number[]));
  return {
    query,
    answer: { kind: 'span', value: { low, high, approx: 'range' }, unit: best.claim.unit, per: best.claim.per },
    candidates: [...band, ...kept.filter((c) => !band.includes(c))],
    basis: band.length,
    conflicts,
    corroborated,
  };
}

/** a claim's years as sameTime compares them (open ends far out), null without a time */
function timeBounds(c: ClaimRecord): [number, number] | null {
  return c.time && [yearOf(c.time.start) ?? -1e6, yearOf(c.time.end) ?? 1e6];
}

/** Two claims speak of the same time when their years overlap or neither has one. */
function sameTime(a: [number, number] | null, b: [number, number] | null): boolean {
  if (!a || !b) return !a && !b;
  return a[0] <= b[1] && b[0] <= a[1];
}

const NONE: Reconciled = { kind: 'none', value: null, unit: null, per: null };
