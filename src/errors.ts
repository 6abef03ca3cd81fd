/**
 * The error vocabulary. A user sees one clear line; `ATLAS_DEBUG=1` shows the stack.
 * Anything not listed here is an internal error.
 */

/** Bad file, flag or parameter: "invalid --year: 20066 (expected a year such as 2006)". */
export class InputError extends Error {
  override name = 'InputError';
}

export class NotFoundError extends Error {
  override name = 'NotFoundError';
}

/** A store (database) failure; the driver's error is kept as `cause`. */
export class StoreError extends Error {
  override name = 'StoreError';
}
