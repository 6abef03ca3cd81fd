import type { Span } from '../extract/types.js';
import { isSpaceCode } from './sentences.js';

/** The text a reader built and the two ways back into the source. */
export interface MappedText {
  text: string;
  /** one offset into `text` -> offset into the source; see TextBuilder.build for boundaries */
  toSource(offset: number): number;
  /** a span of `text` -> the smallest span of the source holding exactly those characters */
  spanToSource(span: Span): Span;
}

/** Identity map for readers whose text is the source (plain text, MediaWiki). */
export function identityText(source: string): MappedText {
  const clamp = (o: number) => Math.max(0, Math.min(o, source.length));
  return {
    text: source,
    toSource: clamp,
    spanToSource: (span) => ({ start: clamp(span.start), end: clamp(span.end) }),
  };
}

const OPENERS = new Set(['(', '[', '{', '"', "'", '“', '‘', '«', '¿', '¡', '$', '€', '£', '¥', '₩', '₽']);
const WORD = /[\p{L}\p{N}\p{M}]/u;

/**
 * Builds a reader's `text` piece by piece, remembering where each piece came from.
 * A piece is verbatim (each character maps to one source character, e.g. a run of prose),
 * mapped (the whole piece stands for a source range of another length, e.g. "&amp;" -> "&",
 * or a run of HTML whitespace collapsed to one space), or a separator the reader inserted
 * ("\n\n" between blocks), which has no width in the source.
 */
export class TextBuilder {
  private readonly chunks: string[] = [];
  private readonly textStarts: number[] = [];
  private readonly sourceStarts: number[] = [];
  private readonly sourceEnds: number[] = [];
  private readonly verbatims: boolean[] = [];
  private lastSourceEnd: number;
  length = 0;

  /** `origin` is where an empty text maps to (the start of the document body). */
  constructor(private readonly origin = 0) {
    this.lastSourceEnd = origin;
  }

  /** The source offset just after the last piece written (where a zero-width piece would map). */
  get sourceCursor(): number {
    return this.lastSourceEnd;
  }

  verbatim(value: string, sourceStart: number): void {
    if (value.length === 0) return;
    const n = this.verbatims.length - 1;
    const sourceEnd = sourceStart + value.length;
    if (n >= 0 && this.verbatims[n] && this.sourceEnds[n] === sourceStart) {
      this.sourceEnds[n] = sourceEnd;
    } else {
      this.push(sourceStart, sourceEnd, true);
    }
    this.chunks.push(value);
    this.length += value.length;
    this.lastSourceEnd = sourceEnd;
  }

  mapped(value: string, sourceStart: number, sourceEnd: number): void {
    if (value.length === 0) return;
    this.push(sourceStart, sourceEnd, false);
    this.chunks.push(value);
    this.length += value.length;
    this.lastSourceEnd = sourceEnd;
  }

  separator(value: string): void {
    this.mapped(value, this.lastSourceEnd, this.lastSourceEnd);
  }

  private push(sourceStart: number, sourceEnd: number, verbatim: boolean): void {
    this.textStarts.push(this.length);
    this.sourceStarts.push(sourceStart);
    this.sourceEnds.push(sourceEnd);
    this.verbatims.push(verbatim);
  }

  /**
   * `toSource(o)` is exact inside a piece. At a boundary between two pieces that are apart in
   * the source ("**bold**" -> "bold"), one offset stands for two source positions: the end of
   * the piece before and the start of the piece after. It picks the end when the character at
   * `o` is whitespace or closing punctuation (a span ending there), and the start otherwise
   * (a span starting at a word or an opening bracket), so that
   * `source.slice(toSource(s.start), toSource(s.end))` is the sentence for trimmed spans.
   * `spanToSource` needs no guess and is exact for every span.
   */
  build(): MappedText {
    const text = this.chunks.join('');
    const { textStarts, sourceStarts, sourceEnds, verbatims, origin } = this;
    const count = textStarts.length;
    const pieceAt = (o: number): number => {
      let lo = 0;
      let hi = count - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((textStarts[mid] ?? 0) <= o) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    const startOf = (o: number): number => {
      const k = pieceAt(o);
      const ts = textStarts[k] ?? 0;
      const ss = sourceStarts[k] ?? origin;
      return verbatims[k] ? ss + (o - ts) : ss;
    };
    const endOf = (o: number): number => {
      // the source end of the character before `o`
      const k = pieceAt(o - 1);
      const ts = textStarts[k] ?? 0;
      return verbatims[k] ? (sourceStarts[k] ?? origin) + (o - ts) : (sourceEnds[k] ?? origin);
    };
    const length = text.length;
    const toSource = (offset: number): number => {
      if (count === 0) return origin;
      const o = Math.max(0, Math.min(Math.trunc(offset) || 0, length));
      if (o === 0) return startOf(0);
      if (o === length) return endOf(o);
      const k = pieceAt(o);
      if ((textStarts[k] ?? 0) !== o) return startOf(o);
      if ((sourceEnds[k - 1] ?? -1) === sourceStarts[k]) return sourceStarts[k] ?? origin;
      const here = text.charCodeAt(o);
      if (isSpaceCode(here)) return endOf(o);
      if (isSpaceCode(text.charCodeAt(o - 1))) return startOf(o);
      const ch = text[o] ?? '';
      return WORD.test(ch) || OPENERS.has(ch) ? startOf(o) : endOf(o);
    };
    const spanToSource = (span: Span): Span => {
      if (count === 0) return { start: origin, end: origin };
      const s = Math.max(0, Math.min(Math.trunc(span.start) || 0, length));
      const e = Math.max(s, Math.min(Math.trunc(span.end) || 0, length));
      if (s === e) {
        const at = toSource(s);
        return { start: at, end: at };
      }
      const start = startOf(s);
      return { start, end: Math.max(start, endOf(e)) };
    };
    return { text, toSource, spanToSource };
  }
}
