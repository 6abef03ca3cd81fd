/**
 * The extractor's version, stored with every document's claims. The store re-extracts a document
 * whose stored version differs even when its text is unchanged, so bump this whenever a change
 * to the grammar, lexicons, gazetteer or claim assembly changes what `extract` returns.
 */
export const EXTRACTOR_VERSION = '2026.11.26';
