import type { Span, Token } from '../types.js';

/** Index of the first token starting at or after `offset` (tokens.length if none). */
export function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Distance in tokens between two spans of one sentence (0 when they touch or overlap).
 * Example: in "sent about 12,000 troops", "sent" and "about 12,000" are 0 apart, "troops" 0.
 */
export function tokenDistance(tokens: readonly Token[], a: Span, b: Span): number {
  if (a.start < b.end && b.start < a.end) return 0;
  const [first, second] = a.end <= b.start ? [a, b] : [b, a];
  return Math.max(0, tokenAt(tokens, second.start) - tokenAt(tokens, first.end));
}

/** True when a token in `tokens` between the two spans is one of `breaks`. */
export function crosses(tokens: readonly Token[], a: Span, b: Span, breaks: ReadonlySet<string>): boolean {
  const [first, second] = a.end <= b.start ? [a, b] : [b, a];
  for (let i = tokenAt(tokens, first.end); i < tokens.length && tokens[i]!.start < second.start; i++) {
    if (breaks.has(tokens[i]!.text)) return true;
  }
  return false;
}
