import type { GroupKind, Token } from '../types.js';
import {
  ADJECTIVE_ETHNONYMS,
  ETHNONYMS,
  HEADS,
  LANGUAGE_CUES,
  MODIFIERS,
  MULTI_HEADS,
  NOUN_FOLLOWERS,
  QUANTIFIERS,
} from './lexicon.js';

/** A head found at a token: tokens [start, end) are the head, `head` is what the mention records. */
export interface HeadMatch {
  start: number;
  end: number;
  head: string;
  kind: GroupKind;
  /** a modifier may override the kind (see HEADS in lexicon.ts) */
  weak: boolean;
  ethnonym: boolean;
}

/** A named, token-driven rule: it looks at the token at `i` and may return a head. */
export interface GroupRule {
  name: string;
  /** whether the rule can match at a token spelled `lower` (its first look-up, asked once per spelling) */
  startsWith(lower: string): boolean;
  match(tokens: readonly Token[], i: number): HeadMatch | null;
}

/** Every token that can start a head: one Set look-up per token decides whether rules run at all. */
export const TRIGGERS: ReadonlySet<string> = new Set([...HEADS.keys(), ...ETHNONYMS.keys(), ...MULTI_HEADS.keys()]);

/** The shortest trigger: shorter tokens ("the", "of", ",") are passed over without a look-up. */
export const MIN_TRIGGER_LENGTH = Math.min(...[...TRIGGERS].map((w) => w.length));

const isUpper = (t: Token): boolean => t.type === 'word' && t.text.charCodeAt(0) !== t.lower.charCodeAt(0);

/** Closing punctuation after which an adjective-ethnonym stands alone as a noun ("overseas Vietnamese."). */
const CLOSERS = new Set(['.', ';', '!', '?', ')', ']', '"', '”', '[']);
/** Quantifiers strong enough that a following base-form word is a verb: "many Vietnamese find it". */
const STRONG_QUANTIFIERS = new Set(['many', 'most', 'few', 'some', 'several', 'all']);

/** "asylum seekers", "labour force", "prisoners of war": several tokens, one head. */
const multiwordHead: GroupRule = {
  name: 'group: multiword head',
  startsWith: (lower) => MULTI_HEADS.has(lower),
  match(tokens, i) {
    const list = MULTI_HEADS.get(tokens[i]!.lower);
    if (!list) return null;
    for (const entry of list) {
      const { words } = entry;
      if (i + words.length > tokens.length) continue;
      let ok = true;
      for (let k = 1; k < words.length; k++) {
        if (tokens[i + k]!.lower !== words[k]) {
          ok = false;
          break;
        }
      }
      if (ok) {
        return {
          start: i,
          end: i + words.length,
          head: words.join(' '),
          kind: entry.kind,
          weak: false,
          ethnonym: false,
        };
      }
    }
    return null;
  },
};

/**
 * True when an ethnonym that is also an adjective stands as a noun. The traps: "Vietnamese
 * people" and "the Japanese government" (adjectives), "speak Vietnamese" (a language).
 * Evidence for a noun: the phrase ends ("overseas Vietnamese."), a function word follows ("a
 * few Japanese there", "the Vietnamese in Moscow"), or a strong quantifier precedes and a
 * base-form verb follows ("many Vietnamese find it unnecessary"). A HACK on the last: a
 * following singular noun ("most Chinese investment") is taken for a verb; plural nouns are not.
 */
function adjectiveIsNoun(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (prev && LANGUAGE_CUES.has(prev.lower)) return false;
  if (!next) return true;
  if (next.type === 'punct') {
    if (CLOSERS.has(next.text)) return true;
    if (next.text === ',') return prev !== undefined && (QUANTIFIERS.has(prev.lower) || MODIFIERS.has(prev.lower));
    return false;
  }
  if (next.type !== 'word' || isUpper(next)) return false;
  if (NOUN_FOLLOWERS.has(next.lower)) return true;
  return (
    prev !== undefined &&
    STRONG_QUANTIFIERS.has(prev.lower) &&
    !next.lower.endsWith('s') &&
    !HEADS.has(next.lower) &&
    !MODIFIERS.has(next.lower)
  );
}

/** "Koreans", "North Koreans", "the Vietnamese in Moscow", "a few Japanese there". */
const ethnonymNoun: GroupRule = {
  name: 'group: ethnonym',
  startsWith: (lower) => ETHNONYMS.has(lower),
  match(tokens, i) {
    const t = tokens[i]!;
    const kind = ETHNONYMS.get(t.lower);
    if (!kind || !isUpper(t)) return null;
    if (ADJECTIVE_ETHNONYMS.has(t.lower) && !adjectiveIsNoun(tokens, i)) return null;
    return { start: i, end: i + 1, head: t.lower, kind, weak: true, ethnonym: true };
  },
};

/** Heads that are proper nouns and so are capitalised anywhere. */
const PROPER_HEADS = new Set([
  'koryo-saram',
  'koryoin',
  'koryo-in',
  'goryeo-saram',
  'zainichi',
  'joseonjok',
  'chaoxianzu',
  'idps',
  'pows',
]);

/**
 * "workers", "refugees", "the population". A common-noun head written with a capital in mid
 * sentence belongs to a name ("Workers' Party of Korea", "Special Forces", "Red Army"), as does
 * one followed by a capitalised word ("Refugees International"); sentence-initial "Workers
 * worked on contracts" is still a group.
 */
const headNoun: GroupRule = {
  name: 'group: head noun',
  startsWith: (lower) => HEADS.has(lower),
  match(tokens, i) {
    const t = tokens[i]!;
    const entry = HEADS.get(t.lower);
    if (!entry) return null;
    if (isUpper(t) && !PROPER_HEADS.has(t.lower)) {
      const prev = tokens[i - 1];
      if (prev && prev.type !== 'punct') return null;
      let next = tokens[i + 1];
      if (next && (next.text === "'" || next.text === '’')) next = tokens[i + 2];
      if (next && isUpper(next)) return null;
    }
    return { start: i, end: i + 1, head: t.lower, kind: entry.kind, weak: entry.weak === true, ethnonym: false };
  },
};

/** Tried in order at each trigger token: multiword first, so "prisoners of war" wins over "prisoners". */
export const RULES: readonly GroupRule[] = [multiwordHead, ethnonymNoun, headNoun];
