/** Colours that stay the same for a source or an event type in every chart of the page. */
const PALETTE = [
  '#4269d0',
  '#efb118',
  '#ff725c',
  '#6cc5b0',
  '#3ca951',
  '#ff8ab7',
  '#a463f2',
  '#97bbf5',
  '#9c6b4e',
  '#9498a0',
];

export function palette(keys: readonly string[]): Map<string, string> {
  const sorted = [...new Set(keys)].sort((a, b) => a.localeCompare(b));
  return new Map(sorted.map((k, i) => [k, PALETTE[i % PALETTE.length]!]));
}
