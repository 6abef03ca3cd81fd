/**
 * How well a claim fits a question, as data: what estimate's score() multiplies, declared so
 * that a store can rank claims in its own query language (Store.bestFacts) and hand back only
 * the best few, instead of every candidate for the caller to rank (at 1,000,000 claims a
 * question's few hundred candidates cost ~3 us each to read out, most of its time).
 */
import type { GroupKind, Measure, Modality } from '../extract/types.js';

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
