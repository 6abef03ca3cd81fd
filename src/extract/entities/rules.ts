import type { Entity, Token } from '../types.js';
import {
  ACRONYMS,
  ADJECTIVAL_GOV_HEADS,
  ARTICLES,
  COORD_OPENERS,
  F_GOV,
  F_KNOWN_FIRST,
  F_ORG_HEAD,
  GOV_FOLLOWERS,
  GOV_HEADS,
  GOV_MODIFIERS,
  KNOWN_ORGS,
  MULTIWORD_PLACES,
  NON_NAME,
  NON_NAME_SUFFIXES,
  NOT_ORG_ACRONYMS,
  OBJECT_WORDS,
  ORG_CUES,
  ORG_HEADS,
  PERSON_CUES,
  PLACE_WORDS,
  PLACES_WITH_ORG_HEADS,
  SHIP_PREFIXES,
  SINGLE_ORGS,
  THING_WORDS,
  TITLE_PREFIXES,
  TITLES,
  WORD_FLAGS,
} from './lexicon.js';

/** An entity found by a rule; the annotator fills `text` and `name` from the document at the end. */
export type Found = Entity;

export const entity = (start: number, end: number, kind: Entity['kind'], rule: string): Entity => ({
  start,
  end,
  text: '',
  rule,
  kind,
  name: '',
});

/**
 * A run of capitalised words with its inner connectors ("Council of People's Commissars of the
 * Soviet Union"), leading sentence starters already stripped. Token indexes, half-open.
 */
export interface Run {
  tokens: readonly Token[];
  start: number;
  end: number;
  /** where a title starts (after demonyms: "Russian Foreign Minister"), or -1 */
  titleAt: number;
  /** WORD_FLAGS of the run's words, or-ed: lets a rule see at once that it cannot apply */
  any: number;
}

/**
 * What a run rule decided: its entities, and where the part of the run it did not account for
 * begins (`rest`; the run's end when it took it all), which the segment rules then read.
 */
export interface RunResult {
  found: Found[];
  rest: number;
}

/** A rule over a whole run; null when it does not apply (the next rule is tried). */
export interface RunRule {
  name: string;
  apply(run: Run): RunResult | null;
}

/** A rule over one segment (capitalised words between connectors) of a run; `any` as in Run. */
export interface SegmentRule {
  name: string;
  apply(tokens: readonly Token[], s: number, e: number, any: number): Found | null;
}

// ---- token predicates (the one place for case and shape tests) ----
// Inside a run every word is capitalised (connectors split segments), so rules over runs and
// segments test `type === 'word'`, not the case.

/** Capitalised word. ASCII first letters (nearly all tokens) need no comparison with `lower`. */
export function isCap(t: Token | undefined): boolean {
  if (t === undefined) return false;
  const c = t.text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return t.type === 'word' && c !== t.lower.charCodeAt(0);
}

/** "NATO", "UNHCR": two to seven ASCII capitals. Cyrillic capitals ("СССР") are left alone. */
function isAcronymText(s: string): boolean {
  if (s.length < 2 || s.length > 7) return false;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

export const isAcronym = (t: Token): boolean => t.type === 'word' && isAcronymText(t.text);
export function isPossessive(t: Token): boolean {
  const w = t.lower;
  const n = w.length;
  if (n < 3 || w.charCodeAt(n - 1) !== 115) return false;
  const c = w.charCodeAt(n - 2);
  return c === 39 || c === 0x2019;
}
/** A token's lower-cased text without a possessive "'s". */
export const bare = (t: Token): string => (isPossessive(t) ? t.lower.slice(0, -2) : t.lower);
/** A token's end without a possessive "'s": "Stalin's policy" names Stalin. */
export const endOf = (t: Token): number => (isPossessive(t) ? t.end - 2 : t.end);

export const isConnector = (t: Token): boolean =>
  t.type === 'word' && (t.lower === 'of' || t.lower === 'for' || t.lower === 'the' || t.lower === 'and');

/** NON_NAME_SUFFIXES grouped by their last letter, so a name is checked against two at most. */
const SUFFIXES_BY_LAST = (() => {
  const map = new Map<number, string[]>();
  for (const s of NON_NAME_SUFFIXES) {
    const c = s.charCodeAt(s.length - 1);
    map.set(c, [...(map.get(c) ?? []), s]);
  }
  return map;
})();

function hasNonNameSuffix(w: string): boolean {
  if (w.length < 6) return false;
  const list = SUFFIXES_BY_LAST.get(w.charCodeAt(w.length - 1));
  if (list) for (const s of list) if (w.endsWith(s)) return true;
  return false;
}

/** A token that can be part of a person's name: capitalised, not a place, institution or common noun. */
function nameLike(t: Token): boolean {
  if (t.type !== 'word' || isAcronym(t)) return false;
  const w = bare(t);
  if (NON_NAME.has(w) || hasNonNameSuffix(w)) return false;
  if (w.includes('-')) for (const part of w.split('-')) if (NON_NAME.has(part)) return false;
  return true;
}

/** A name after a title or cue: looser, since the cue is the evidence; still not a place or institution. */
function cuedNameLike(t: Token): boolean {
  return t.type === 'word' && !isAcronym(t) && !PLACE_WORDS.has(bare(t)) && !ORG_HEADS.has(bare(t));
}

const found = (tokens: readonly Token[], s: number, e: number, kind: Entity['kind'], rule: string): Found =>
  entity(tokens[s]!.start, endOf(tokens[e - 1]!), kind, rule);

export function isOrgHead(t: Token): boolean {
  return t.type === 'word' && ORG_HEADS.has(bare(t));
}

/** The end of a title at `i` ("Prime Minister", "Supreme Leader", "Governor"), or -1 when none starts there. */
function titleEnd(tokens: readonly Token[], i: number, limit: number): number {
  let j = i;
  while (j < limit && TITLE_PREFIXES.has(tokens[j]!.lower) && !TITLES.has(tokens[j]!.lower)) j++;
  let end = -1;
  while (j < limit && TITLES.has(tokens[j]!.lower)) end = ++j;
  return end;
}

/**
 * Where a title starts in a run, after demonyms or place words ("Russian Foreign Minister
 * Sergey Lavrov", "South Korean President Yoon Suk Yeol"), or -1.
 */
export function titleStart(tokens: readonly Token[], start: number, end: number): number {
  for (let k = start; k < end; k++) {
    if (titleEnd(tokens, k, end) >= 0) return k;
    if (!PLACE_WORDS.has(bare(tokens[k]!))) return -1;
  }
  return -1;
}

/** Whether [s, e) holds a person's name of 1-4 tokens, each passing `test`. */
function personSpan(tokens: readonly Token[], s: number, e: number, test: (t: Token) => boolean): boolean {
  if (e - s < 1 || e - s > 4) return false;
  for (let k = s; k < e; k++) if (!test(tokens[k]!)) return false;
  return true;
}

// ---- run rules ----

/**
 * "Chairman of the Council of People's Commissars of the Soviet Union Vyacheslav Molotov",
 * "the Governor of Primorsky Krai". The title's complement runs to the last place or
 * institution word; what follows, if name-shaped, is the titled person. The complement is an
 * organisation when it has an organisation head.
 */
const titleOfComplement: RunRule = {
  name: 'entity: title of complement',
  apply({ tokens, end, titleAt }) {
    const t = titleAt < 0 ? -1 : titleEnd(tokens, titleAt, end);
    if (t < 0 || t >= end || !isConnector(tokens[t]!)) return null;
    let c = t;
    while (c < end && isConnector(tokens[c]!)) c++;
    let split = c;
    for (let k = c; k < end; k++) {
      const w = bare(tokens[k]!);
      if (NON_NAME.has(w) || isAcronym(tokens[k]!)) split = k + 1;
    }
    const out: Found[] = [];
    let orgStart = c;
    let hasHead = false;
    for (let k = c; k < split; k++) if (isOrgHead(tokens[k]!)) hasHead = true;
    while (orgStart < split && tokens[orgStart]!.lower === 'the') orgStart++;
    if (hasHead && orgStart < split) out.push(found(tokens, orgStart, split, 'organization', this.name));
    if (split < end && personSpan(tokens, split, end, cuedNameLike)) {
      out.push(found(tokens, split, end, 'person', this.name));
    }
    return { found: out, rest: end };
  },
};

/**
 * "President Vladimir Putin", "Supreme Leader Kim Jong Un", "Dr. Andrei Lankov of Kookmin
 * University": the name runs from the title to the first connector; the rest of the run is
 * left to the segment rules.
 */
const titledPerson: RunRule = {
  name: 'entity: title + name',
  apply({ tokens, end, titleAt }) {
    if (titleAt < 0) return null;
    let s = titleEnd(tokens, titleAt, end);
    if (tokens[s]?.text === '.') s++;
    let e = s;
    while (e < end && !isConnector(tokens[e]!)) e++;
    if (s >= e || !personSpan(tokens, s, e, cuedNameLike)) return null;
    return { found: [found(tokens, s, e, 'person', this.name)], rest: e };
  },
};

/**
 * "Kyung Hee University", "Workers' Party of Korea", "Red Army", "the European Union": an
 * organisation head in the run's first segment (before any "of"), so "Kim Il Sung of the
 * Workers' Party" is not one organisation. A lone head ("Army") names nothing. HACK: names
 * with an organisation head that are countries ("Soviet Union") are listed in the lexicon.
 */
const orgHead: RunRule = {
  name: 'entity: organisation head',
  apply({ tokens, start, end, any }) {
    if ((any & (F_ORG_HEAD | F_KNOWN_FIRST)) === 0) return null;
    let s = start;
    while (s < end && tokens[s]!.lower === 'the') s++;
    let firstEnd = s;
    while (firstEnd < end && !isConnector(tokens[firstEnd]!)) firstEnd++;
    let head = false;
    for (let k = s; k < firstEnd; k++) if (isOrgHead(tokens[k]!)) head = true;
    if (!head) {
      const known = knownOrg(tokens, s, end);
      return known ? { found: [known], rest: end } : null;
    }
    if (PLACES_WITH_ORG_HEADS.has(nameOf(tokens, s, end))) return null;
    if (end - s === 1 && !SINGLE_ORGS.has(bare(tokens[s]!))) return { found: [], rest: end };
    // "Security Council Resolution 2397": the thing named after the organisation is cut off
    let e = end;
    if (e === firstEnd && THING_WORDS.has(bare(tokens[e - 1]!))) {
      while (e > s && !isOrgHead(tokens[e - 1]!)) e--;
      if (e - s < 2) return { found: [], rest: end };
    }
    return { found: [found(tokens, s, e, 'organization', this.name)], rest: end };
  },
};

const KNOWN_ORG_FIRST = new Set([...KNOWN_ORGS].map((n) => n.split(' ')[0]!));

/** "European Union", "United Nations": organisations made of words that are otherwise places. */
export function knownOrg(tokens: readonly Token[], s: number, e: number): Found | null {
  if (e - s < 2 || !KNOWN_ORG_FIRST.has(tokens[s]!.lower) || !KNOWN_ORGS.has(nameOf(tokens, s, e))) return null;
  return found(tokens, s, e, 'organization', 'entity: known organisation');
}

function nameOf(tokens: readonly Token[], s: number, e: number): string {
  let name = '';
  for (let k = s; k < e; k++) name += (k > s ? ' ' : '') + bare(tokens[k]!);
  return name;
}

// ---- segment rules ----

/** "NATO", "UNHCR", "NKVD", and unknown all-capital names ("KCNA") that are not places or numerals. */
const acronym: SegmentRule = {
  name: 'entity: acronym',
  apply(tokens, s, e) {
    if (e - s !== 1) return null;
    const t = tokens[s]!;
    if (!isAcronymText(isPossessive(t) ? t.text.slice(0, -2) : t.text)) return null;
    const w = bare(t);
    if (ACRONYMS.has(w)) return found(tokens, s, e, 'organization', this.name);
    if (NOT_ORG_ACRONYMS.has(w) || PLACE_WORDS.has(w)) return null;
    // an all-capitals neighbour means a shouted heading ("NORTH KOREAN TROOPS"), not an acronym
    const prev = tokens[s - 1];
    const next = tokens[e];
    if ((prev && prev.type === 'word' && isAcronym(prev)) || (next && next.type === 'word' && isAcronym(next))) {
      return null;
    }
    return found(tokens, s, e, 'organization', this.name);
  },
};

/** "SS Zyrianin": a ship, a named thing that is neither person nor organisation. */
const ship: SegmentRule = {
  name: 'entity: ship',
  apply(tokens, s, e) {
    const t = tokens[s]!;
    if (e - s < 2 || !isAcronym(t) || !SHIP_PREFIXES.has(t.lower)) return null;
    return found(tokens, s, e, 'other', this.name);
  },
};

/** "the Census recorded", "the Kremlin": institutions named by one word. */
const singleOrg: SegmentRule = {
  name: 'entity: institution word',
  apply(tokens, s, e) {
    if (e - s !== 1 || !SINGLE_ORGS.has(bare(tokens[s]!))) return null;
    return found(tokens, s, e, 'organization', this.name);
  },
};

/** "Kookmin University" after "Dr. Andrei Lankov of": an organisation head inside a later segment. */
const segmentOrgHead: SegmentRule = {
  name: 'entity: organisation head',
  apply(tokens, s, e, any) {
    if ((any & F_ORG_HEAD) === 0) return null;
    if (e - s < 2) return null;
    let head = false;
    for (let k = s; k < e; k++) if (isOrgHead(tokens[k]!)) head = true;
    if (!head || PLACES_WITH_ORG_HEADS.has(nameOf(tokens, s, e))) return null;
    return found(tokens, s, e, 'organization', this.name);
  },
};

/** "the NGO Civic Assistance", "the newspaper Kommersant": a kind word names what follows. */
const orgCue: SegmentRule = {
  name: 'entity: organisation cue',
  apply(tokens, s, e) {
    const prev = tokens[s - 1];
    if (!prev || !ORG_CUES.has(prev.lower)) return null;
    for (let k = s; k < e; k++) if (PLACE_WORDS.has(bare(tokens[k]!))) return null;
    return found(tokens, s, e, 'organization', this.name);
  },
};

/** "Soviet leader Joseph Stalin", "South Korean consul Choi Duk-gun". */
const personCue: SegmentRule = {
  name: 'entity: person cue',
  apply(tokens, s, e) {
    const prev = tokens[s - 1];
    if (prev === undefined || !PERSON_CUES.has(prev.lower)) return null;
    return personSpan(tokens, s, e, cuedNameLike) ? found(tokens, s, e, 'person', this.name) : null;
  },
};

/**
 * "Kim Il Sung", "Leonid Brezhnev", "Sergey Darkin", "Ho Chi Minh": two to four capitalised
 * words none of which is a place, demonym, institution or common noun. Not after an article:
 * "the Kamchatka Peninsula", "the Russo-Ukrainian War" are things, not people.
 */
const personName: SegmentRule = {
  name: 'entity: person name',
  apply(tokens, s, e) {
    if (e - s < 2) return null;
    const prev = tokens[s - 1];
    if (prev && ARTICLES.has(prev.lower)) return null;
    // a title opens a name, never is one: "As Prime Minister, he..." (but "Martin Luther King")
    const first = tokens[s]!.lower;
    if (TITLES.has(first) || TITLE_PREFIXES.has(first)) return null;
    let end = e;
    // "Jr." after the name stays with it
    if (end - s > 2 && (tokens[end - 1]!.lower === 'jr' || tokens[end - 1]!.lower === 'sr')) end--;
    if (!personSpan(tokens, s, end, nameLike) || MULTIWORD_PLACES.has(nameOf(tokens, s, end))) return null;
    const f = found(tokens, s, e, 'person', this.name);
    const dot = tokens[e];
    if (end < e && dot && dot.text === '.' && dot.start === tokens[e - 1]!.end) f.end = dot.end;
    return f;
  },
};

/**
 * Government-like phrases: a demonym or country and a lower-case government head ("the
 * Soviet government", "Russian law enforcement", "Ukrainian intelligence", "North Korean
 * special services", "South Korea and various other intelligence agencies"). Applies to the
 * run's last segment, which must be one word or all place words (so a person's name before
 * "regime" stays a person). Returns the phrase's last token index, or -1.
 */
export function govPhraseEnd(tokens: readonly Token[], s: number, e: number, placesChecked = false): number {
  const after = tokens[e];
  if (after === undefined || after.end - after.start < 3 || ((WORD_FLAGS.get(after.lower) ?? 0) & F_GOV) === 0) {
    return -1;
  }
  if (e - s > 1 && !placesChecked) {
    for (let k = s; k < e; k++) if (!PLACE_WORDS.has(bare(tokens[k]!))) return -1;
  }
  if (isPossessive(tokens[e - 1]!)) return -1;
  let j = e;
  if (tokens[j]?.lower === 'and' && COORD_OPENERS.has(tokens[j + 1]?.lower ?? '')) j++;
  let last = -1;
  for (let n = 0; n < 5 && j < tokens.length; n++, j++) {
    const t = tokens[j]!;
    if (t.type !== 'word' || isCap(t)) break;
    if (GOV_HEADS.has(t.lower)) last = j;
    else if (!GOV_MODIFIERS.has(t.lower)) break;
  }
  if (last < 0) return -1;
  if (OBJECT_WORDS.has(tokens[last + 1]?.lower ?? '')) return -1;
  if (ADJECTIVAL_GOV_HEADS.has(tokens[last]!.lower)) {
    const next = tokens[last + 1];
    if (next && next.type === 'word' && !isCap(next) && !GOV_FOLLOWERS.has(next.lower) && !next.lower.endsWith('ed')) {
      return -1;
    }
  }
  return last;
}

export const GOV_RULE_NAME = 'entity: government phrase';

/** Tried in order on a whole run; the first that returns a list (maybe empty) decides. */
export const RUN_RULES: readonly RunRule[] = [titleOfComplement, titledPerson, orgHead];

/**
 * Tried in order on each segment when no run rule decided. Ship before acronym: "SS" is a
 * prefix, not an organisation. Cues before the bare name shape: "the NGO Civic Assistance" is
 * two capitalised words that would otherwise pass for a person.
 */
export const SEGMENT_RULES: readonly SegmentRule[] = [
  ship,
  acronym,
  singleOrg,
  segmentOrgHead,
  orgCue,
  personCue,
  personName,
];
