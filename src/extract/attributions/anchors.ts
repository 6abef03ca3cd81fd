import { hasSpellingBit, SpellingMemo, spellingBit } from '../tokenize.js';
import type { Token } from '../types.js';

/**
 * Rules keyed by the lower-cased word they are anchored on. A Map look-up per token was the
 * biggest cost of a token-driven annotator (most tokens are "the", "of", numbers...), so two
 * bit masks, of the anchors' (first character, length) and (last character, length) pairs,
 * turn about nine tokens in ten away before the Map is asked. Shared by the attribution,
 * modality and event annotators.
 */
export class AnchorIndex<R> {
  private readonly rules = new Map<string, R[]>();
  /** get(t.lower), per spelling */
  private readonly byToken = new SpellingMemo((t: Token) => this.get(t.lower));
  /** by ASCII first character: bit n set when some anchor of length n (31 for >= 31) starts with it */
  private readonly first = new Uint32Array(128);
  /** the same by ASCII last character */
  private readonly last = new Uint32Array(128);

  constructor(entries: Iterable<{ anchors: Iterable<string> } & R>) {
    for (const rule of entries) {
      for (const anchor of rule.anchors) {
        const list = this.rules.get(anchor);
        if (list) list.push(rule);
        else this.rules.set(anchor, [rule]);
        const bit = 1 << Math.min(anchor.length, 31);
        const a = anchor.charCodeAt(0);
        const z = anchor.charCodeAt(anchor.length - 1);
        // a word with a non-ASCII first or last character skips that mask, so such anchors still match
        if (a < 128) this.first[a]! |= bit;
        if (z < 128) this.last[z]! |= bit;
      }
    }
  }

  /** The hasSpellingBit bit of a token that some rule is anchored on. */
  readonly bit = spellingBit((t: Token) => this.get(t.lower) !== undefined);

  /**
   * The rules anchored on this token's word, or undefined. The shared bit is read first: most
   * tokens stop there and never touch this index's own memo.
   */
  at(t: Token): R[] | undefined {
    return hasSpellingBit(t, this.bit) ? this.byToken.get(t) : undefined;
  }

  /** The rules anchored on this lower-cased word, or undefined. */
  get(lower: string): R[] | undefined {
    const n = Math.min(lower.length, 31);
    const a = lower.charCodeAt(0);
    if (a < 128 && ((this.first[a]! >>> n) & 1) === 0) return undefined;
    const z = lower.charCodeAt(lower.length - 1);
    if (z < 128 && ((this.last[z]! >>> n) & 1) === 0) return undefined;
    return this.rules.get(lower);
  }
}
