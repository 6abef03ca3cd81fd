import type { Span, Token } from './types.js';

// One pass, one regex built once: a run of letters/marks/digits, with inner separators that
// keep "10,000", "0.43", "two-thirds", "Koryo-saram" and "Kim's" whole; or any single other
// non-space character. No nested quantifiers: each character is consumed once (linear time).
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[.,](?=\p{N})\p{N}+|['’\-‐](?=[\p{L}\p{N}])[\p{L}\p{M}\p{N}]+)*|\S/gu;
const DIGIT = /\p{Nd}/u;
const LETTER = /[\p{L}\p{M}]/u;

/** Splits `text[span]` into tokens with absolute offsets. Example: "US$7 million" -> US, $, 7, million. */
export function tokenize(text: string, span: Span = { start: 0, end: text.length }): Token[] {
  const slice = text.slice(span.start, span.end);
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m !== null; m = TOKEN.exec(slice)) {
    const t = m[0];
    const c = t[0];
    const type = c >= '0' && c <= '9' ? 'number' : DIGIT.test(c) ? 'number' : LETTER.test(c) ? 'word' : 'punct';
    tokens.push({
      start: span.start + m.index,
      end: span.start + m.index + t.length,
      text: t,
      lower: t.toLowerCase(),
      type,
    });
  }
  return tokens;
}
