// How many candidates an estimate lists. Apart from estimate.ts so that the command line can
// print them in its help without loading the query layer.

/**
 * The candidates listed (each with its claim, sentence and citation read) unless asked for more:
 * the answer rests on the few best, and conflicts are looked for among the first CONFLICT_SCOPE.
 * At 1,000,000 claims every candidate costs ~25 us to read and cite on the bench machine, so 200
 * by default kept a question about a country above 10 ms (bench/query.mjs).
 */
export const DEFAULT_CANDIDATES = 50;
/** the most candidates one estimate lists */
export const MAX_CANDIDATES = 500;
