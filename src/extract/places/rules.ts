import { nthToken } from '../tokenize.js';
import type { Token } from '../types.js';
import { NAME_NEIGHBOURS_AFTER, NAME_NEIGHBOURS_BEFORE, ORG_HEADS, ORG_TAILS } from './lexicon.js';

/**
 * A gazetteer match for the guards to judge. Matching itself is a trie walk (index.ts): the
 * gazetteer has 22,000 names, far too many for patterns, so the rules here are the named
 * decisions taken after a match.
 */
export interface Candidate {
  tokens: readonly Token[];
  /** index of the match's first and last token (the same token for a part of a hyphenated word) */
  first: number;
  last: number;
  /** the part of the first token before the match ("Rimsky" in "Rimsky-Korsakov"), or null */
  partBefore: string | null;
  /** the part of the last token after the match ("based" in "Sakhalin-based"), or null */
  partAfter: string | null;
  /** the match ends before a possessive 's ("Japan's") */
  possessive: boolean;
  demonym: boolean;
  weak: boolean;
}

/** A named guard: `rejects` says the match is not a place mention after all. */
export interface Guard {
  name: string;
  rejects(c: Candidate, startsName: (lower: string) => boolean): boolean;
}

/** The first character is a capital letter (any script). */
export function isCapitalised(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  const ch = text[0];
  return ch !== ch.toLowerCase();
}

const isCapitalisedWord = (t: Token | undefined): t is Token =>
  t !== undefined && t.type === 'word' && isCapitalised(t.text);

/** "Russia's" -> "russia", else the word itself. */
const stripPossessive = (lower: string): string => (/['’]s$/.test(lower) ? lower.slice(0, -2) : lower);

/**
 * "Workers' Party of Korea", "Communist Party of the Soviet Union", "Bank of Korea": the place
 * is the tail of an organisation's name. Near miss kept: "the Governor of Primorsky Krai".
 */
const orgOfPlace: Guard = {
  name: 'reject: organisation "Party of <place>"',
  rejects(c) {
    if (c.demonym || c.partBefore !== null) return false;
    let k = c.first - 1;
    if (nthToken(c.tokens, k)?.lower === 'the') k--;
    if (nthToken(c.tokens, k)?.lower !== 'of') return false;
    const head = nthToken(c.tokens, k - 1);
    return isCapitalisedWord(head) && ORG_HEADS.has(head.lower);
  },
};

/**
 * "Moscow State University", "Seoul National University", "Korea Times": a place opening an
 * organisation's or paper's name. Near miss kept: "Vladivostok International Airport" (the
 * airport is in Vladivostok, and the claim wants the town).
 */
const placeOpensOrg: Guard = {
  name: 'reject: organisation "<place> University"',
  rejects(c) {
    if (c.demonym || c.partAfter !== null || c.possessive) return false;
    for (let k = c.last + 1; k <= c.last + 3; k++) {
      const t = c.tokens[k];
      if (!isCapitalisedWord(t)) return false;
      if (ORG_TAILS.has(t.lower)) return true;
    }
    return false;
  },
};

/**
 * A town or region name from package data (weak) inside a run of other capitalised words is a
 * piece of a person's or organisation's name: "Kim Il Sung", "Kyung Hee University", "Vladimir
 * Putin", "Rimsky-Korsakov". Capitalised prepositions ("In Nakhodka") and neighbours that are
 * themselves gazetteer names ("Kamchatka Koreans") do not count.
 */
const weakNameInRun: Guard = {
  name: 'reject: town name inside a proper name',
  rejects(c, startsName) {
    if (!c.weak) return false;
    if (c.partBefore !== null) {
      const before = c.partBefore.toLowerCase();
      if (isCapitalised(c.partBefore) && !NAME_NEIGHBOURS_BEFORE.has(before) && !startsName(before)) return true;
    } else {
      // No exemption for the sentence's first word: "In Nakhodka" passes through the neighbour
      // list, "Nikolai Korsakov said" must not.
      const prev = nthToken(c.tokens, c.first - 1);
      if (isCapitalisedWord(prev)) {
        const lower = stripPossessive(prev.lower);
        if (!NAME_NEIGHBOURS_BEFORE.has(lower) && !startsName(lower)) return true;
      }
    }
    if (c.possessive) return false;
    if (c.partAfter !== null) {
      const after = c.partAfter.toLowerCase();
      return isCapitalised(c.partAfter) && !NAME_NEIGHBOURS_AFTER.has(after) && !startsName(after);
    }
    const next = c.tokens[c.last + 1];
    if (!isCapitalisedWord(next)) return false;
    const lower = stripPossessive(next.lower);
    return !NAME_NEIGHBOURS_AFTER.has(lower) && !startsName(lower);
  },
};

/**
 * "US$7 million", "HK$", "NZ$": a country code glued to a dollar sign is a currency, which the
 * numbers annotator reads. Near miss kept: "the US $7 billion aid" (a space: the country).
 */
const currencyPrefix: Guard = {
  name: 'reject: currency prefix "US$"',
  rejects(c) {
    if (c.partAfter !== null || c.possessive) return false;
    const last = c.tokens[c.last];
    const next = c.tokens[c.last + 1];
    return next !== undefined && next.text === '$' && next.start === last.end;
  },
};

/** The guards, in the order they run; the first that rejects names itself in traces. */
export const GUARDS: readonly Guard[] = [currencyPrefix, orgOfPlace, placeOpensOrg, weakNameInRun];

/** Rule names recorded on each mention (`PlaceMention.rule`). */
export const MATCH_RULES = {
  name: 'place: gazetteer name',
  demonym: 'place: demonym',
  possessive: "place: name before possessive 's",
  hyphenPart: 'place: part of a hyphenated word',
} as const;

/** The first guard that rejects the candidate, or null when it stands. */
export function rejectedBy(c: Candidate, startsName: (lower: string) => boolean): Guard | null {
  for (const g of GUARDS) if (g.rejects(c, startsName)) return g;
  return null;
}
