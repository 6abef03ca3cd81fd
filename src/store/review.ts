/**
 * Reviews are kept apart from machine output and anchored by a text quote (W3C Web Annotation's
 * TextQuoteSelector), so a human decision outlives re-ingestion: the store re-extracts a changed
 * document, finds each review's quote again and re-applies it to the claim standing there. Pure
 * functions, no I/O; both stores call them inside their write transactions.
 */
import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';
import type { ClaimJson } from '../extract/index.js';
import type { ClaimPatch, ClaimRecord, ReviewInput, ReviewRecord, TextQuoteSelector } from './types.js';

/** characters of context kept on each side of a quote */
export const CONTEXT_LENGTH = 32;

/**
 * The quote at `span` with up to 32 characters of context on each side.
 * Example: quoteSelector('About 10,000 came.', [6, 12]) -> { exact: '10,000', prefix: 'About ', suffix: ' came.', start: 6 }
 */
export function quoteSelector(text: string, span: [number, number]): TextQuoteSelector {
  const [start, end] = span;
  let from = Math.max(0, start - CONTEXT_LENGTH);
  let to = Math.min(text.length, end + CONTEXT_LENGTH);
  // never cut a surrogate pair in half: a lone surrogate does not survive UTF-8 storage
  if (from > 0 && from < start && isLowSurrogate(text.charCodeAt(from))) from++;
  if (to < text.length && to > end && isHighSurrogate(text.charCodeAt(to - 1))) to--;
  return { exact: text.slice(start, end), prefix: text.slice(from, start), suffix: text.slice(end, to), start };
}

/**
 * A claim id that stays the same across re-ingestion while the quote and its context stay:
 * the document slug and the first 10 hex digits of sha256(exact NUL prefix NUL suffix).
 * Example: claimId('nk-in-russia', selector) -> 'nk-in-russia:3f9a0c12de'
 */
export function claimId(document: string, selector: TextQuoteSelector): string {
  return `${document}:${quoteHash(selector)}`;
}

function quoteHash(selector: TextQuoteSelector): string {
  return createHash('sha256')
    .update(`${selector.exact}\u0000${selector.prefix}\u0000${selector.suffix}`)
    .digest('hex')
    .slice(0, 10);
}

/**
 * Ids for a document's items in document order: `claimId`, with `-2`, `-3`... on the second and
 * later items whose quote and context are identical (the same passage written twice).
 * `tag` keeps other kinds of items apart from claims ('e' for events: `doc:e3f9a0c12de`).
 */
export function assignIds(document: string, selectors: readonly TextQuoteSelector[], tag = ''): string[] {
  const seen = new Map<string, number>();
  return selectors.map((selector) => {
    const base = `${document}:${tag}${quoteHash(selector)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}

/**
 * Finds a quote again in a (possibly edited) text: the occurrence of `exact` whose surroundings
 * agree best with the prefix and suffix (a full match of both wins), ties broken by distance to
 * where the quote was first seen. Null when the quote no longer occurs.
 *
 * The quote is searched with indexOf, never through a regular expression built from it: it is
 * document text, and each candidate costs at most 64 character comparisons.
 */
export function anchor(text: string, selector: TextQuoteSelector): [number, number] | null {
  const { exact, prefix, suffix } = selector;
  if (exact.length === 0) return null;
  const hint = Number.isFinite(selector.start) ? selector.start : 0;
  let best = -1;
  let bestScore = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (let at = text.indexOf(exact); at !== -1; at = text.indexOf(exact, at + 1)) {
    const score = agreeBefore(text, at, prefix) + agreeAfter(text, at + exact.length, suffix);
    const distance = Math.abs(at - hint);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = at;
      bestScore = score;
      bestDistance = distance;
    }
  }
  return best === -1 ? null : [best, best + exact.length];
}

/** how many characters of `prefix`, read backwards from its end, stand right before `at` */
function agreeBefore(text: string, at: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && n < at && text.charCodeAt(at - 1 - n) === prefix.charCodeAt(prefix.length - 1 - n)) n++;
  return n;
}

/** how many characters of `suffix` stand right after `at` */
function agreeAfter(text: string, at: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && at + n < text.length && text.charCodeAt(at + n) === suffix.charCodeAt(n)) n++;
  return n;
}

/**
 * A claim with a reviewer's corrections. A corrected field is the reviewer's, so it loses its
 * `implied` marker. Setting `groupKind` (or `time`, `place`) to null clears the group.
 * Example: applyPatch(claim, { low: 1000, place: null }).value.low -> 1000
 */
export function applyPatch(claim: ClaimJson, patch: ClaimPatch): ClaimJson {
  const next: ClaimJson = { ...claim, value: { ...claim.value } };
  if (patch.low !== undefined) next.value.low = patch.low;
  if (patch.high !== undefined) next.value.high = patch.high;
  if (patch.approx !== undefined) next.value.approx = patch.approx;
  if (patch.unit !== undefined) next.unit = patch.unit;
  if (patch.per !== undefined) next.per = patch.per;
  if (patch.measure !== undefined) next.measure = patch.measure;
  if (patch.source !== undefined) next.source = patch.source;
  if (patch.modality !== undefined) next.modality = patch.modality;
  if (patch.groupKind !== undefined || patch.groupLabel !== undefined) {
    const kind = patch.groupKind !== undefined ? patch.groupKind : (claim.group?.kind ?? 'other');
    const label = patch.groupLabel !== undefined ? patch.groupLabel : (claim.group?.label ?? null);
    // a label without a kind is a group of unknown kind; a kind without a label is named by its kind
    next.group = kind === null ? null : { kind, label: label ?? kind };
  }
  if (patch.time !== undefined) {
    next.time = patch.time && {
      start: patch.time.start,
      end: patch.time.end,
      edtf: patch.time.edtf,
      precision: patch.time.precision,
    };
  }
  if (patch.place !== undefined) {
    next.place = patch.place && {
      name: patch.place.name,
      lat: patch.place.lat,
      lon: patch.place.lon,
      id: patch.place.id,
    };
  }
  return next;
}

const ACTIONS = new Set(['accept', 'reject', 'correct']);

/**
 * Checks a review before it is stored: `correct` needs a patch with at least one field,
 * `accept` and `reject` take none. Throws InputError.
 */
export function checkReview(review: ReviewInput): void {
  if (!ACTIONS.has(review.action)) {
    throw new InputError(`invalid review action: ${String(review.action)} (expected accept, reject or correct)`);
  }
  if (review.action === 'correct') {
    if (!review.patch || Object.keys(review.patch).length === 0) {
      throw new InputError('invalid review: a correction needs at least one field to set');
    }
  } else if (review.patch) {
    throw new InputError(`invalid review: ${review.action} takes no fields to set`);
  }
}

/**
 * One review applied to a claim record. `machine` keeps the extractor's claim from the first
 * correction on, whatever the status becomes later, so a corrected-then-rejected claim still
 * shows what the machine said.
 */
export function applyReview(claim: ClaimRecord, review: Pick<ReviewInput, 'action' | 'patch'>): ClaimRecord {
  switch (review.action) {
    case 'reject':
      return { ...claim, status: 'rejected' };
    case 'accept':
      // accepting a corrected claim accepts the correction: it stays `corrected`
      return { ...claim, status: claim.machine ? 'corrected' : 'accepted' };
    case 'correct': {
      const { id, document, sentenceIndex, status: _status, machine, ...json } = claim;
      const patched = applyPatch(json, review.patch ?? {});
      return { ...patched, id, document, sentenceIndex, status: 'corrected', machine: machine ?? json };
    }
  }
}

/**
 * Re-applies a document's reviews to its freshly extracted claims. `claims` all have status
 * `machine`; `reviews` come in the order they were made. Each review's quote is anchored in
 * `text` and applied to the claim whose span is exactly the anchored span (the one it was made
 * on when several claims share that span). A review whose quote is gone, or whose span no claim
 * stands on any more, is orphaned.
 */
export function applyReviews(
  text: string,
  claims: readonly ClaimRecord[],
  reviews: readonly ReviewRecord[],
): { claims: ClaimRecord[]; reviews: ReviewRecord[] } {
  const result = [...claims];
  const bySpan = new Map<string, number[]>();
  result.forEach((claim, i) => {
    const key = spanKey(claim.span);
    const list = bySpan.get(key);
    if (list) list.push(i);
    else bySpan.set(key, [i]);
  });
  const applied = reviews.map((review): ReviewRecord => {
    const span = anchor(text, review.selector);
    const candidates = span ? bySpan.get(spanKey(span)) : undefined;
    if (!candidates) return { ...review, state: 'orphaned', claim: null };
    const i = candidates.find((k) => result[k]!.id === review.claim) ?? candidates[0]!;
    result[i] = applyReview(result[i]!, review);
    return { ...review, state: 'applied', claim: result[i]!.id };
  });
  return { claims: result, reviews: applied };
}

function spanKey(span: readonly [number, number]): string {
  return `${span[0]}:${span[1]}`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
