/**
 * How well a claim fits a question, as data: what estimate's score() multiplies, declared so
 * that a store can rank claims as it reads them (Store.bestFacts, with fitter()) and hand back
 * only the best few, instead of every candidate for the caller to rank (at 1,000,000 claims a
 * question's few hundred candidates cost ~3 us each to read out, most of its time).
 */
import type { GroupKind, Measure, Modality } from '../extract/types.js';
import type { ClaimFacts } from './types.js';

/** what a claim counts: people, a share, or money (a currency code such as `USD`) */
export type UnitFamily = 'person' | 'percent' | 'money';

/** The unit family of a unit; 'other' fits no question. */
export const unitFamily = (unit: string): UnitFamily | 'other' =>
  unit === 'person' ? 'person' : unit === 'percent' ? 'percent' : /^[A-Z]{3}$/.test(unit) ? 'money' : 'other';

/**
 * The factors of a fit, each 1 when the claim fits that dimension fully. The fit is their product
 * in this order, rounded to 3 places (Math.round(x * 1000) / 1000): a store must multiply in the
 * same order to give the same numbers (tests hold the two to each other).
 */
export interface FitSpec {
  /** the asked unit family: a claim of another fits 0 */
  unit: UnitFamily;
  /** the factor of each measure; a measure not listed fits 0 */
  measure: Partial<Record<Measure, number>>;
  /**
   * the asked group: no kind 0.4; another kind 0.6 when `general` is asked, else 0; a label
   * that does not name the head (labelNames) 0.75; a group carried from before 0.9
   */
  group: { kind: GroupKind; head: string | null } | null;
  /** the factor of each place id (0.9 a level below the asked place); not listed: 0; then carried 0.9 */
  place: Readonly<Record<string, number>> | null;
  /** the asked years: no time 0; else 0.5 + 0.5 x the share of the claim's years asked; then carried 0.9 */
  time: { from: number | null; to: number | null } | null;
  /**
   * a rate: with `asked`, the same rate fits, none 0.6, another 0.3; without, a rate that is not
   * money (`rates`) 0.7
   */
  per: { asked: string | null; rates: boolean };
  /** asked modality: another 0.5; none asked: proposed 0.5, denied 0.3 */
  modality: Modality | null;
}

/** factors that FitSpec fixes: a vague amount, and each kind of carried value */
export const FIT = {
  noKind: 0.4,
  generalOther: 0.6,
  noHead: 0.75,
  carried: 0.9,
  /** each level below the asked place (a region of the asked country 0.9, a city in it 0.81) */
  perLevel: 0.9,
  noRate: 0.6,
  otherRate: 0.3,
  aRate: 0.7,
  otherModality: 0.5,
  proposed: 0.5,
  denied: 0.3,
  vague: 0.5,
  /** an open end of a claim's years counts as this many years */
  openYears: 15,
} as const;

/**
 * Whether a claim's group label names the asked head: "North Korean lumberjacks" names
 * "lumberjacks"; singular and plural agree ("lumberjack", "loggers" and "logger").
 */
export function labelNames(label: string, head: string): boolean {
  const stem = (w: string) => w.toLowerCase().replace(/(?:es|s)$/, '');
  const want = stem(head);
  if (want.length < 3) return false;
  for (const w of label.split(/[^\p{L}\p{N}-]+/u)) if (w && stem(w) === want) return true;
  return false;
}

/** What a fit reads of a claim: ClaimFacts without where the claim stands. */
export type FitFacts = Pick<
  ClaimFacts,
  | 'unit'
  | 'measure'
  | 'per'
  | 'groupKind'
  | 'groupLabel'
  | 'groupImplied'
  | 'placeId'
  | 'placeImplied'
  | 'hasTime'
  | 'yearFrom'
  | 'yearTo'
  | 'timeImplied'
  | 'modality'
  | 'approx'
>;

/**
 * FitSpec made a function: a claim's fit in thousandths (an integer; the fit is this / 1000), the
 * factors multiplied in FitSpec's order from 1 and rounded as estimate's score() rounds
 * (Math.round(x * 1000)), so that the two agree to the last bit (tests hold them to it).
 * A store runs it over the claims it reads (SQLite: as an SQL function) and keeps the best.
 */
export function fitter(spec: FitSpec): (c: FitFacts) => number {
  const places = spec.place && new Map(Object.entries(spec.place));
  const head = spec.group?.head ?? null;
  // a question reads hundreds of claims of a few labels
  const named = new Map<string, boolean>();
  const namesHead = (label: string): boolean => {
    let yes = named.get(label);
    if (yes === undefined) {
      yes = labelNames(label, head!);
      named.set(label, yes);
    }
    return yes;
  };
  const time = spec.time;
  return (c) => {
    if (unitFamily(c.unit) !== spec.unit) return 0;
    let fit = 1 * (spec.measure[c.measure] ?? 0);
    if (spec.group) {
      if (c.groupKind === null) fit *= FIT.noKind;
      else if (c.groupKind !== spec.group.kind) fit *= spec.group.kind === 'general' ? FIT.generalOther : 0;
      if (head !== null && c.groupKind !== null && !namesHead(c.groupLabel ?? '')) fit *= FIT.noHead;
      if (c.groupImplied) fit *= FIT.carried;
    }
    if (places) {
      fit *= c.placeId === null ? 0 : (places.get(c.placeId) ?? 0);
      if (c.placeImplied) fit *= FIT.carried;
    }
    if (time) {
      if (!c.hasTime) fit *= 0;
      else {
        fit *= 0.5 + 0.5 * overlap(c.yearFrom, c.yearTo, time.from, time.to);
        if (c.timeImplied) fit *= FIT.carried;
      }
    }
    if (spec.per.asked !== null) {
      if (c.per !== spec.per.asked) fit *= c.per === null ? FIT.noRate : FIT.otherRate;
    } else if (c.per !== null && spec.per.rates) fit *= FIT.aRate;
    if (spec.modality) {
      if (c.modality !== spec.modality) fit *= FIT.otherModality;
    } else if (c.modality === 'proposed') fit *= FIT.proposed;
    else if (c.modality === 'denied') fit *= FIT.denied;
    if (c.approx === 'vague') fit *= FIT.vague;
    return Math.round(fit * 1000);
  };
}

/**
 * The share of a claim's years that lie in the asked ones: 1 for a claim of 2006 asked about
 * 2006 (or 2000-2010), 0.1 for "the 2000s" asked about 2006. Open ends count as
 * FIT.openYears years: "since 1966" is about some years after 1966, not every year since.
 */
export function overlap(
  yearFrom: number | null,
  yearTo: number | null,
  from: number | null,
  to: number | null,
): number {
  if (yearFrom === null && yearTo === null) return 0.5;
  const cs = yearFrom ?? yearTo! - FIT.openYears;
  const ce = yearTo ?? cs + FIT.openYears;
  const inter = Math.min(ce, to ?? ce) - Math.max(cs, from ?? cs) + 1;
  return inter <= 0 ? 0 : inter / (ce - cs + 1);
}
