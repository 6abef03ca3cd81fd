import { NEAR_HIT_BITS, SpellingMemo } from '../tokenize.js';
import type { GroupKind, Token } from '../types.js';
import {
  ADJECTIVE_ETHNONYMS,
  ETHNONYMS,
  MODIFIER_KINDS,
  MODIFIER_TAILS,
  MODIFIERS,
  NOT_LABEL_WORDS,
  STARTERS,
  STATE_QUALIFIERS,
} from './lexicon.js';
import type { HeadMatch } from './rules.js';

/** At most this many modifiers are taken into a label: bounds the walk on odd input. */
const MAX_MODIFIERS = 6;

const isUpper = (t: Token): boolean => t.type === 'word' && t.text.charCodeAt(0) !== t.lower.charCodeAt(0);
const hasApostrophe = (t: Token): boolean => t.lower.includes("'") || t.lower.includes('’');

function modifies(t: Token): boolean {
  if (t.type !== 'word') return false;
  if (MODIFIERS.has(t.lower)) return true;
  if (isUpper(t)) return !STARTERS.has(t.lower) && !NOT_LABEL_WORDS.has(t.lower) && !hasApostrophe(t);
  if (!t.lower.includes('-')) return false;
  for (const tail of MODIFIER_TAILS) if (t.lower.endsWith(tail)) return true;
  return false;
}

/** modifies(), per spelling: it reads nothing but the token's own spelling. */
const MODIFIER = new SpellingMemo(modifies, NEAR_HIT_BITS);
const isModifier = (t: Token): boolean => MODIFIER.get(t);

/** The kind a modifier gives a weak head ("deported" -> refugees), per spelling. */
const MODIFIER_KIND = new SpellingMemo((t: Token) => MODIFIER_KINDS.get(t.lower), NEAR_HIT_BITS);

/**
 * The first token of the label: the head extended left over modifiers ("North Korean migrant
 * workers", "local ethnic Koreans"), stopping at determiners, quantifiers and numbers, which
 * are the amount, not the group ("roughly 9,000 North Korean migrant workers").
 */
export function labelStart(tokens: readonly Token[], head: HeadMatch): number {
  let s = head.start;
  while (s > 0 && head.start - s < MAX_MODIFIERS && isModifier(tokens[s - 1]!)) s--;
  return s;
}

/** The ethnonym a national adjective stands for: "Korean" -> Koreans' kind, "Vietnamese" -> its own. */
function demonymKind(lower: string): GroupKind | undefined {
  return ADJECTIVE_ETHNONYMS.has(lower) ? ETHNONYMS.get(lower) : ETHNONYMS.get(`${lower}s`);
}

/**
 * The group's kind from its head and modifiers (tokens [from, head.start)). Null when the head
 * names no group by itself (bare "people").
 * - ethnonyms: "North Koreans"/"South Koreans" are a state's citizens (general); a participle
 *   of forced movement makes refugees ("deported Koreans"); else the ethnonym's kind.
 * - weak heads: the nearest kind-giving modifier wins ("private citizens" -> other, "labour
 *   migrants" -> workers, "student population" -> students).
 * - people/population: a national adjective makes an ethnic community ("Vietnamese people"),
 *   unless qualified as a state's ("North Korean people" -> general).
 */
export function resolveKind(tokens: readonly Token[], from: number, head: HeadMatch): GroupKind | null {
  if (!head.weak) return head.kind;
  if (head.ethnonym) {
    const prev = tokens[head.start - 1];
    if (from < head.start && prev && STATE_QUALIFIERS.has(prev.lower)) return 'general';
  }
  for (let k = head.start - 1; k >= from; k--) {
    const kind = MODIFIER_KIND.get(tokens[k]!);
    if (kind) return kind;
  }
  if (head.ethnonym) return head.kind;
  if (head.head === 'people' || head.head === 'population' || head.head === 'populations') {
    let national: GroupKind | null = null;
    for (let k = head.start - 1; k >= from; k--) {
      const t = tokens[k]!;
      if (STATE_QUALIFIERS.has(t.lower)) return 'general';
      const kind = isUpper(t) ? demonymKind(t.lower) : undefined;
      if (kind && national === null) national = kind === 'community' ? 'community' : 'general';
    }
    if (national) return national;
    return head.head === 'people' ? null : head.kind;
  }
  return head.kind;
}
