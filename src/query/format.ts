/** Readable values for answers: "about 12,000", "15,000 to 20,000", "more than 10,000", "US$40 to 100 per month". */
import type { Approx } from '../extract/types.js';

export const formatNumber = (n: number): string => n.toLocaleString('en-US', { maximumFractionDigits: 2 });

const CURRENCY_SYMBOL: Record<string, string> = {
  USD: 'US$',
  EUR: '€',
  GBP: '£',
  RUB: '₽',
  KRW: '₩',
  CNY: '¥',
  JPY: '¥',
};

function amount(n: number, unit: string): string {
  if (unit === 'percent') return `${formatNumber(n)}%`;
  if (unit === 'person') return formatNumber(n);
  const symbol = CURRENCY_SYMBOL[unit];
  return symbol ? `${symbol}${formatNumber(n)}` : `${formatNumber(n)} ${unit}`;
}

export function formatValue(
  v: { low: number | null; high: number | null; approx: Approx },
  unit: string,
  per: string | null,
): string {
  const { low, high } = v;
  let s: string;
  if (low === null && high === null) s = 'an unknown number';
  else if (low === null) s = `up to ${amount(high!, unit)}`;
  else if (high === null) s = `more than ${amount(low, unit)}`;
  else if (low === high)
    s = `${v.approx === 'about' ? 'about ' : v.approx === 'vague' ? 'some ' : ''}${amount(low, unit)}`;
  else s = `${amount(low, unit)} to ${amount(high, unit)}`;
  if (v.approx === 'at-least' && low !== null && high !== null && low === high) s = `at least ${amount(low, unit)}`;
  if (v.approx === 'at-most' && high !== null && low === high) s = `at most ${amount(high, unit)}`;
  return per ? `${s} per ${per}` : s;
}
