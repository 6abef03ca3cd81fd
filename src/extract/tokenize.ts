import type { Span, Token } from './types.js';

// One pass, one regex built once: a run of letters/marks/digits, with inner separators that
// keep "10,000", "0.43", "two-thirds", "Koryo-saram" and "Kim's" whole; or any single other
// non-space character. No nested quantifiers: each character is consumed once (linear time).
// Run over the whole text from the sentence's start (no slice, no copy) and stopped at its end.
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[.,](?=\p{N})\p{N}+|['’\-‐](?=[\p{L}\p{N}])[\p{L}\p{M}\p{N}]+)*|\S/gu;
const DIGIT = /^\p{Nd}/u;
const LETTER = /^[\p{L}\p{M}]/u;

function typeOf(t: string): Token['type'] {
  const c = t.charCodeAt(0);
  if (c >= 48 && c <= 57) return 'number';
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90)) return 'word';
  if (c < 128) return 'punct';
  return DIGIT.test(t) ? 'number' : LETTER.test(t) ? 'word' : 'punct';
}

/** Splits `text[span]` into tokens with absolute offsets. Example: "US$7 million" -> US, $, 7, million. */
export function tokenize(text: string, span: Span = { start: 0, end: text.length }): Token[] {
  const tokens: Token[] = [];
  const { end } = span;
  TOKEN.lastIndex = span.start;
  for (let m = TOKEN.exec(text); m !== null && m.index < end; m = TOKEN.exec(text)) {
    // a token never runs past the sentence, even if the text goes on without a break
    const t = m.index + m[0].length > end ? m[0].slice(0, end - m.index) : m[0];
    tokens.push({ start: m.index, end: m.index + t.length, text: t, lower: t.toLowerCase(), type: typeOf(t) });
  }
  return tokens;
}
