/**
 * Parsers hand back decoded text ("AT&T", "’", "foo\nbar") with only the source range of the
 * whole node ("AT&amp;T", "&#8217;", "foo\r\n> bar"). `align` walks both strings together and
 * reports, run by run, which source characters each decoded run came from, so offsets in the
 * reader's text can be mapped back to the file.
 *
 * What it knows how to undo: character references, backslash escapes, CRLF/CR -> LF, whitespace
 * that changed kind (a code span's newline shown as a space) or was dropped (line indentation,
 * trailing spaces), Markdown block-quote markers. Anything else is resynchronised by a bounded
 * look-ahead, and failing that mapped one to one, so the result is always in order and inside
 * the node's range, if sometimes coarse.
 */

/** Receives one run: decoded[dStart, dEnd) came from source[sStart, sEnd). */
export type AlignSink = (dStart: number, dEnd: number, sStart: number, sEnd: number, verbatim: boolean) => void;

const REFERENCE = /&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{0,31};?)/y;
/** How far ahead (in either string) a resynchronisation may look, and how much must then agree. */
const RESYNC_WINDOW = 8;
const RESYNC_AGREE = 3;

const isWs = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 12;

/** `raw` is source[base, base + raw.length). */
export function align(raw: string, base: number, decoded: string, sink: AlignSink): void {
  const rl = raw.length;
  const dl = decoded.length;
  let i = 0;
  let j = 0;
  while (j < dl) {
    if (i >= rl) {
      sink(j, dl, base + rl, base + rl, false);
      return;
    }
    const r = raw.charCodeAt(i);
    const d = decoded.charCodeAt(j);
    if (r === 38 /* & */) {
      REFERENCE.lastIndex = i;
      const m = REFERENCE.exec(raw);
      if (m !== null && !decoded.startsWith(m[0], j)) {
        const n = referenceLength(m[0], decoded, j, raw, i + m[0].length);
        sink(j, Math.min(dl, j + n), base + i, base + i + m[0].length, false);
        i += m[0].length;
        j += n;
        continue;
      }
    }
    if (r === d && r !== 13) {
      let ie = i + 1;
      let je = j + 1;
      while (je < dl && ie < rl) {
        const c = raw.charCodeAt(ie);
        if (c !== decoded.charCodeAt(je) || c === 38 || c === 13) break;
        ie++;
        je++;
      }
      sink(j, je, base + i, base + ie, true);
      i = ie;
      j = je;
      continue;
    }
    if (r === 13 && d === 10) {
      const w = raw.charCodeAt(i + 1) === 10 ? 2 : 1;
      sink(j, j + 1, base + i, base + i + w, false);
      i += w;
      j++;
      continue;
    }
    if (r === 92 /* \ */ && raw.charCodeAt(i + 1) === d) {
      sink(j, j + 1, base + i, base + i + 2, false);
      i += 2;
      j++;
      continue;
    }
    if (isWs(r) && isWs(d)) {
      sink(j, j + 1, base + i, base + i + 1, false);
      i++;
      j++;
      continue;
    }
    if (isWs(r) || r === 62 /* > */) {
      i++;
      continue;
    }
    const [a, b] = resync(raw, i, decoded, j);
    if (a === 0 && b === 0) {
      // Substitution: a character the parser replaced (NUL -> U+FFFD) or we cannot explain.
      sink(j, j + 1, base + i, base + i + 1, false);
      i++;
      j++;
    } else {
      if (b > 0) sink(j, j + b, base + i, base + i + a, false);
      i += a;
      j += b;
    }
  }
}

/**
 * How many decoded code units a reference produced: a numeric one is computed; a named one is
 * one unit, or two when it is a surrogate pair or a two-character entity ("&NotEqualTilde;"),
 * which we see from the source going on with the third.
 */
function referenceLength(ref: string, decoded: string, j: number, raw: string, after: number): number {
  if (ref[1] === '#') {
    const hex = ref[2] === 'x' || ref[2] === 'X';
    const code = Number.parseInt(ref.slice(hex ? 3 : 2), hex ? 16 : 10);
    return code > 0xffff && code <= 0x10ffff ? 2 : 1;
  }
  const first = decoded.charCodeAt(j);
  if (first >= 0xd800 && first <= 0xdbff) return 2;
  if (after < raw.length && decoded.charCodeAt(j + 1) !== raw.charCodeAt(after)) {
    if (decoded.charCodeAt(j + 2) === raw.charCodeAt(after)) return 2;
  }
  return 1;
}

/** The smallest skip (a source units, b decoded units) after which both agree again, or [0, 0]. */
function resync(raw: string, i: number, decoded: string, j: number): [number, number] {
  for (let total = 1; total <= 2 * RESYNC_WINDOW; total++) {
    for (let a = Math.max(0, total - RESYNC_WINDOW); a <= Math.min(total, RESYNC_WINDOW); a++) {
      const b = total - a;
      const ri = i + a;
      const dj = j + b;
      if (dj >= decoded.length) {
        // Both used up together. Not the decoded text alone: that mapped its tail to nothing
        // (HTML "ab\0\00": the parser drops the NULs, and "0" came out as an empty span).
        if (dj === decoded.length && ri === raw.length) return [a, b];
        continue;
      }
      if (ri >= raw.length) continue;
      const n = Math.min(RESYNC_AGREE, decoded.length - dj, raw.length - ri);
      let k = 0;
      while (k < n && raw.charCodeAt(ri + k) === decoded.charCodeAt(dj + k)) k++;
      if (k === n) return [a, b];
    }
  }
  return [0, 0];
}
