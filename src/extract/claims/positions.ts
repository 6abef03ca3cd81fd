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

/**
 * The first of `xs` at the smallest tokenDistance from `span`, or null when `xs` is empty: what
 * `xs.reduce((best, x) => tokenDistance(x, span) < tokenDistance(best, span) ? x : best)` gives,
 * with each distance worked out once and the span's token positions looked up once.
 */
export function nearest<T extends Span>(tokens: readonly Token[], xs: readonly T[], span: Span): T | null {
  let best: T | null = null;
  let bestDistance = 0;
  let spanStart = -1;
  let spanEnd = -1;
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k]!;
    let distance = 0;
    if (x.start < span.end && span.start < x.end) distance = 0;
    else if (x.end <= span.start) {
      if (spanStart < 0) spanStart = tokenAt(tokens, span.start);
      distance = Math.max(0, spanStart - tokenAt(tokens, x.end));
    } else {
      if (spanEnd < 0) spanEnd = tokenAt(tokens, span.end);
      distance = Math.max(0, tokenAt(tokens, x.start) - spanEnd);
    }
    if (best === null || distance < bestDistance) {
      best = x;
      bestDistance = distance;
    }
  }
  return best;
}

/** True when a token in `tokens` between the two spans is one of `breaks`. */
export function crosses(tokens: readonly Token[], a: Span, b: Span, breaks: ReadonlySet<string>): boolean {
  const [first, second] = a.end <= b.start ? [a, b] : [b, a];
  for (let i = tokenAt(tokens, first.end); i < tokens.length && tokens[i]!.start < second.start; i++) {
    if (breaks.has(tokens[i]!.text)) return true;
  }
  return false;
}

/** True when `span` lies within one of `spans` (a place inside a group's words, a name inside a place). */
export function insideAny(spans: readonly Span[], span: Span): boolean {
  for (let k = 0; k < spans.length; k++) if (spans[k]!.start <= span.start && span.end <= spans[k]!.end) return true;
  return false;
}
