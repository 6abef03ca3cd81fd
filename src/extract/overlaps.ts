import type { Span } from './types.js';

/**
 * Keeps the longer of two overlapping items (the earlier one on a tie), as chrono's
 * OverlapRemovalRefiner does. Returns a new array sorted by start; the input is not changed.
 * Example: ["15,000 to 20,000", "20,000"] -> ["15,000 to 20,000"].
 */
export function removeOverlaps<T extends Span>(items: readonly T[]): T[] {
  const byLength = [...items].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: T[] = [];
  for (const item of byLength) {
    if (!kept.some((k) => k.start < item.end && item.start < k.end)) kept.push(item);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** True when the two spans share at least one character. */
export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
