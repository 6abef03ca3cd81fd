/** Small shared readings of stored claims: their years and the range a figure stands for. */
import type { ClaimRecord } from '../store/types.js';

/** the year of an ISO 8601 partial date ("1946", "2007-11", "-0050"), or null */
export function yearOf(iso: string | null): number | null {
  if (iso === null) return null;
  const m = /^-?\d{1,6}/.exec(iso);
  return m ? Number(m[0]) : null;
}

/**
 * The range a claim's figure stands for, for comparing figures: open bounds are open, and
 * "about" and vague amounts are given 10% either way ("about 10,000" agrees with 10,500).
 */
export function claimBounds(c: Pick<ClaimRecord, 'value'>): [number, number] {
  const { low, high, approx } = c.value;
  let lo = low ?? Number.NEGATIVE_INFINITY;
  let hi = high ?? Number.POSITIVE_INFINITY;
  if (approx === 'at-least') hi = Number.POSITIVE_INFINITY;
  if (approx === 'about' || approx === 'vague') {
    lo *= 0.9;
    hi *= 1.1;
  }
  return [lo, hi];
}

export function boundsOverlap(a: Pick<ClaimRecord, 'value'>, b: Pick<ClaimRecord, 'value'>): boolean {
  const [alo, ahi] = claimBounds(a);
  const [blo, bhi] = claimBounds(b);
  return alo <= bhi && blo <= ahi;
}

/** the same figure: same bounds, unit and rate */
export const sameFigure = (a: ClaimRecord, b: ClaimRecord): boolean =>
  a.value.low === b.value.low && a.value.high === b.value.high && a.unit === b.unit && a.per === b.per;
