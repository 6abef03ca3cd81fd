/**
 * Resolution, apart from parsing (Duckling's Resolve): a chosen chart item plus the sentence's
 * tokens become a Quantity with offsets, the hedge as written, the noun it counts and a rate
 * written right after it. Numbers need no document date, so this reads no DocumentContext.
 */
import type { Per, Quantity, Span } from '../types.js';
import { clean, countedAfter, type Item, rateAt, type Scan } from './rules.js';

/** Dimensions a rate right after the amount applies to ("$40 per month", "10,000 a year"). */
const RATED: ReadonlySet<Quantity['dimension']> = new Set(['count', 'money', 'percent']);

export interface Resolved {
  quantity: Quantity;
  /** token range of a rate phrase read into `per`; annotateRates leaves it out */
  rate: { i: number; j: number } | null;
}

const round = (v: number | null): number | null => (v === null ? null : clean(v));

/**
 * e.g. the item for "roughly US$7 million" in "... roughly US$7 million each year" ->
 * { text: "roughly US$7 million", low: 7000000, high: 7000000, approx: about, unit: USD, per: year }.
 */
export function resolveItem(it: Item, s: Scan): Resolved {
  const { tokens, text } = s;
  const span: Span = { start: tokens[it.i].start, end: tokens[it.j - 1].end };
  const dimension = it.dimension ?? 'other';
  let counted: string | null = null;
  let countedEnd = -1;
  if (dimension === 'count') {
    const c = countedAfter(tokens, it.j, it.approx === 'vague');
    if (c) {
      counted = c.head;
      countedEnd = c.end;
    }
  }
  let per: Per = null;
  let rate: Resolved['rate'] = null;
  if (RATED.has(dimension)) {
    let at = it.j;
    let r = rateAt(tokens, at);
    if (!r && countedEnd > 0) {
      at = countedEnd;
      r = rateAt(tokens, at);
    }
    if (r) {
      per = r.per;
      rate = { i: at, j: r.end };
    }
  }
  const hedge = it.hedge ? text.slice(tokens[it.hedge.i].start, tokens[it.hedge.j - 1].end) : null;
  return {
    quantity: {
      start: span.start,
      end: span.end,
      text: text.slice(span.start, span.end),
      rule: it.rule,
      dimension,
      low: round(it.low),
      high: round(it.high),
      approx: it.approx,
      hedge,
      unit: dimension === 'count' ? null : it.unit,
      per,
      counted,
    },
    rate,
  };
}
