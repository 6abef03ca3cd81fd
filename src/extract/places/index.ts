import { hasSpellingBit, SpellingMemo, spellingBit } from '../tokenize.js';
import type { PlaceMention, SentenceContext, Token } from '../types.js';
import { ALL_CAPS, ANY_CASE, DEMONYM, gazetteerNames, NOT_A_PLACE, placeAt, WEAK } from './gazetteer.js';
import { type Candidate, isCapitalised, MATCH_RULES, rejectedBy } from './rules.js';

export { demonymOf, getPlace, isWithin, lookupPlace } from './gazetteer.js';

/** A node of the name trie: the next tokens, and the name ending here (index into the columns) or -1. */
interface TrieNode {
  next: Map<string, TrieNode> | null;
  name: number;
}

interface Trie {
  root: Map<string, TrieNode>;
  /** first tokens of names that start lower-case ("northeast China"): checked on lower-case words */
  lowerLeads: Set<string>;
  cases: readonly string[];
  flags: string;
  place: readonly number[];
}

let trie: Trie | null = null;

/** The trie node of names that start with a token's word, per spelling (the gazetteer's map is large). */
const FIRST_NODE = new SpellingMemo((t: Token) => getTrie().root.get(t.lower));

/**
 * A word with a capital letter anywhere (its text differs from its lower case), per spelling:
 * with the lower-case leads below, the only words that can start a name or hold one after a
 * hyphen. Read from the bits every token carries, so the ~80% of tokens that are neither
 * ("the", "workers", ",", "2006") are passed over without reading their text.
 */
const CASED = spellingBit((t: Token) => t.type === 'word' && t.text !== t.lower);

/** A lower-case word that begins some gazetteer name ("northeast China"), per spelling. */
const LOWER_LEAD = new SpellingMemo((t: Token) => t.text.charCodeAt(0) < 128 && getTrie().lowerLeads.has(t.lower));

/** A word that begins some gazetteer name (the guards let such neighbours through: "Kamchatka Koreans"). */
const startsName = (lower: string): boolean => trie?.root.has(lower) === true;

// Built on first use from the gazetteer's names, each already split by the same tokenizer the
// text goes through, so "Petropavlovsk-Kamchatsky" is one key and "Far East of Russia" four.
function getTrie(): Trie {
  if (trie !== null) return trie;
  const names = gazetteerNames();
  const root = new Map<string, TrieNode>();
  const lowerLeads = new Set<string>();
  for (let i = 0; i < names.keys.length; i++) {
    const key = names.keys[i];
    if (key.indexOf(' ') < 0) {
      // Most names are one token (towns): no split, no nested level.
      const node = root.get(key);
      if (node === undefined) root.set(key, { next: null, name: i });
      else node.name = i;
      if (names.cases[i].charCodeAt(0) - 48 === ANY_CASE) lowerLeads.add(key);
      continue;
    }
    const keys = key.split(' ');
    let level = root;
    let node: TrieNode | undefined;
    for (let k = 0; k < keys.length; k++) {
      node = level.get(keys[k]);
      if (node === undefined) {
        node = { next: null, name: -1 };
        level.set(keys[k], node);
      }
      if (k < keys.length - 1) {
        if (node.next === null) node.next = new Map();
        level = node.next;
      }
    }
    if (node !== undefined) node.name = i;
    if (names.cases[i].charCodeAt(0) - 48 === ANY_CASE) lowerLeads.add(keys[0]);
  }
  trie = { root, lowerLeads, cases: names.cases, flags: names.flags, place: names.place };
  return trie;
}

interface Match {
  name: number;
  last: number;
  end: number;
  possessive: boolean;
}

/** "japan's" -> "japan"; null when the word has no possessive 's. */
function possessiveBase(lower: string): string | null {
  const n = lower.length;
  if (n < 4 || lower.charCodeAt(n - 1) !== 115) return null;
  const q = lower.charCodeAt(n - 2);
  return q === 39 || q === 0x2019 ? lower.slice(0, n - 2) : null;
}

/**
 * `text === text.toUpperCase()` without making the upper-case copy: an ASCII lower-case letter
 * answers no at once, other scripts take the slow way. (The copy per name match measured as a
 * hot line of the annotator.)
 */
function isAllUpper(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128) return text === text.toUpperCase();
    if (c >= 97 && c <= 122) return false;
  }
  return true;
}

function caseOk(rule: number, text: string): boolean {
  if (rule === ANY_CASE) return true;
  if (!isCapitalised(text)) return false;
  if (rule === ALL_CAPS) return isAllUpper(text);
  // A short all-capitals word is an acronym, not a name in capitals: "URI" is not the canton Uri.
  return text.length > 4 || text.length === 1 || !isAllUpper(text);
}

/** The case rules of name `name` hold for its tokens: the first as `firstText`, then tokens[i+1..j]. */
function casesOk(
  t: Trie,
  name: number,
  firstText: string,
  tokens: readonly Token[],
  i: number,
  j: number,
  possessive: boolean,
): boolean {
  const cases = t.cases[name];
  if (!caseOk(cases.charCodeAt(0) - 48, j === i && possessive ? firstText.slice(0, -2) : firstText)) return false;
  for (let k = i + 1; k <= j; k++) {
    const text = k === j && possessive ? tokens[k].text.slice(0, -2) : tokens[k].text;
    if (!caseOk(cases.charCodeAt(k - i) - 48, text)) return false;
  }
  return true;
}

/**
 * The longest name starting with the word `firstLower` (a whole token, or a part of a hyphenated
 * one) at token i, continuing over tokens i+1.. when `canContinue`. A possessive 's may end the
 * last token ("South Korea's").
 */
function longestAt(
  t: Trie,
  tokens: readonly Token[],
  i: number,
  firstLower: string,
  firstText: string,
  firstEnd: number,
  canContinue: boolean,
  /**
   * the trie node of `firstLower` (t.root.get(firstLower)), passed in: a default parameter would
   * look it up again whenever it is undefined, which is for most capitalised words
   */
  first: TrieNode | undefined,
): Match | null {
  let best: Match | null = null;
  let node = first;
  if (node !== undefined) {
    if (node.name >= 0 && casesOk(t, node.name, firstText, tokens, i, i, false)) {
      best = { name: node.name, last: i, end: firstEnd, possessive: false };
    }
    for (let j = i + 1; canContinue && node.next !== null && j < tokens.length; j++) {
      const tok = tokens[j];
      const child: TrieNode | undefined = node.next.get(tok.lower);
      if (child === undefined) {
        const base = possessiveBase(tok.lower);
        const owner = base === null ? undefined : node.next.get(base);
        if (owner !== undefined && owner.name >= 0 && casesOk(t, owner.name, firstText, tokens, i, j, true)) {
          best = { name: owner.name, last: j, end: tok.end - 2, possessive: true };
        }
        break;
      }
      node = child;
      if (node.name >= 0 && casesOk(t, node.name, firstText, tokens, i, j, false)) {
        best = { name: node.name, last: j, end: tok.end, possessive: false };
      }
    }
  }
  if (best === null) {
    const base = possessiveBase(firstLower);
    const owner = base === null ? undefined : t.root.get(base);
    if (owner !== undefined && owner.name >= 0 && casesOk(t, owner.name, firstText, tokens, i, i, true)) {
      best = { name: owner.name, last: i, end: firstEnd - 2, possessive: true };
    }
  }
  return best;
}

/**
 * Place names and demonyms in one sentence, longest match first, each with its gazetteer place.
 * "North Korean troops in Siberia" -> "North Korean" (demonym, North Korea), "Siberia" (place).
 * "Russian Far East" is one place, not "Russian" + "Far East"; "Japan's" gives "Japan".
 * Town names from package data are refused inside runs of other capitalised words ("Kim Il Sung",
 * "Kyung Hee University"); see rules.ts for the guards.
 */
export function annotatePlaces(ctx: SentenceContext): PlaceMention[] {
  const t = getTrie();
  const tokens = ctx.tokens;
  const out: PlaceMention[] = [];
  for (let i = 0; i < tokens.length; ) {
    const tok = tokens[i];
    const cased = hasSpellingBit(tok, CASED);
    if (!cased && (tok.type !== 'word' || !LOWER_LEAD.get(tok))) {
      i++;
      continue;
    }
    const c = tok.text.charCodeAt(0);
    const capital = cased && (c < 128 ? c >= 65 && c <= 90 : isCapitalised(tok.text));
    let m =
      capital || LOWER_LEAD.get(tok)
        ? longestAt(t, tokens, i, tok.lower, tok.text, tok.end, true, FIRST_NODE.get(tok))
        : null;
    if (m === null) {
      // Only a word with a capital somewhere can hold a name; one pass over its characters says
      // whether it has marks or hyphens to look behind.
      if (!cased) {
        i++;
        continue;
      }
      const text = tok.text;
      let marks = false;
      let hyphen = false;
      for (let k = 1; k < text.length; k++) {
        const ch = text.charCodeAt(k);
        if (ch === 45 || ch === 0x2010) hyphen = true;
        else if (ch > 127) marks = true;
      }
      if (marks && capital) {
        // The gazetteer holds names without marks; the text may keep them ("Chŏngjin").
        const plain = text.normalize('NFD').replace(MARKS, '');
        if (plain !== text) {
          const lower = plain.toLowerCase();
          m = longestAt(t, tokens, i, lower, plain, tok.end, true, t.root.get(lower));
        }
      }
      if (m === null) {
        // "pro-Russian", "Sakhalin-based", "China-North Korea": names inside a hyphenated word.
        i = (hyphen ? hyphenParts(t, ctx, i, out) : i) + 1;
        continue;
      }
    }
    if (((t.flags.charCodeAt(m.name) - 48) & NOT_A_PLACE) !== 0) {
      i = m.last + 1;
      continue;
    }
    const cand = candidate(t, tokens, i, m, null, null);
    if (rejectedBy(cand, startsName) === null) {
      out.push(mention(t, ctx, tok.start, m, m.possessive ? MATCH_RULES.possessive : null));
      i = m.last + 1;
    } else {
      i++;
    }
  }
  return out;
}

// One candidate object, refilled per match: the guards read it synchronously and keep nothing, and
// a match every few dozen tokens made allocation the annotator's main cost.
const scratch: Candidate = {
  tokens: [],
  first: 0,
  last: 0,
  partBefore: null,
  partAfter: null,
  possessive: false,
  demonym: false,
  weak: false,
};

function candidate(
  t: Trie,
  tokens: readonly Token[],
  i: number,
  m: Match,
  partBefore: string | null,
  partAfter: string | null,
): Candidate {
  const flags = t.flags.charCodeAt(m.name) - 48;
  scratch.tokens = tokens;
  scratch.first = i;
  scratch.last = m.last;
  scratch.partBefore = partBefore;
  scratch.partAfter = partAfter;
  scratch.possessive = m.possessive;
  scratch.demonym = (flags & DEMONYM) !== 0;
  scratch.weak = (flags & WEAK) !== 0;
  return scratch;
}

function mention(t: Trie, ctx: SentenceContext, start: number, m: Match, rule: string | null): PlaceMention {
  const demonym = ((t.flags.charCodeAt(m.name) - 48) & DEMONYM) !== 0;
  return {
    start,
    end: m.end,
    text: ctx.text.slice(start, m.end),
    rule: rule ?? (demonym ? MATCH_RULES.demonym : MATCH_RULES.name),
    role: demonym ? 'demonym' : 'place',
    place: placeAt(t.place[m.name]),
  };
}

const HYPHEN = /[-‐]/g;
const MARKS = /\p{M}/gu;

/**
 * Names inside a hyphenated token the tokenizer kept whole: "Sakhalin-based", "Russo-Ukrainian",
 * "China-North Korea" (the last part may run on into the next tokens). Returns the index of the
 * last token used.
 */
function hyphenParts(t: Trie, ctx: SentenceContext, i: number, out: PlaceMention[]): number {
  let consumed = i;
  const tok = ctx.tokens[i];
  const parts: { text: string; start: number; end: number }[] = [];
  let from = 0;
  HYPHEN.lastIndex = 0;
  for (let h = HYPHEN.exec(tok.text); h !== null; h = HYPHEN.exec(tok.text)) {
    parts.push({ text: tok.text.slice(from, h.index), start: tok.start + from, end: tok.start + h.index });
    from = h.index + 1;
  }
  parts.push({ text: tok.text.slice(from), start: tok.start + from, end: tok.end });
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p];
    if (part.text.length === 0 || !isCapitalised(part.text)) continue;
    const isLast = p === parts.length - 1;
    const lower = part.text.toLowerCase();
    const m = longestAt(t, ctx.tokens, i, lower, part.text, part.end, isLast, t.root.get(lower));
    if (m === null || ((t.flags.charCodeAt(m.name) - 48) & NOT_A_PLACE) !== 0) continue;
    const before = p > 0 ? parts[p - 1].text : null;
    const after = !isLast ? parts[p + 1].text : null;
    if (rejectedBy(candidate(t, ctx.tokens, i, m, before, after), startsName) !== null) continue;
    out.push(mention(t, ctx, part.start, m, MATCH_RULES.hyphenPart));
    consumed = m.last;
  }
  return consumed;
}
