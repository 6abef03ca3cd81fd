import { hasSpellingBit, nthToken, SpellingMemo, spellingBit } from '../tokenize.js';
import type { Entity, SentenceContext, Token } from '../types.js';
import {
  ACRONYMS,
  F_CUE,
  F_GOV,
  F_KNOWN_FIRST,
  F_NON_NAME,
  F_ORG_HEAD,
  F_PLACE,
  F_SINGLE_ORG,
  F_STARTER,
  F_TITLE,
  SHIP_PREFIXES,
  STARTERS,
  TITLE_ABBREVIATIONS,
  WORD_FLAGS,
} from './lexicon.js';
import {
  entity,
  GOV_RULE_NAME,
  govPhraseEnd,
  isAcronym,
  isCap,
  isConnector,
  knownOrg,
  RUN_RULES,
  SEGMENT_RULES,
  titleStart,
} from './rules.js';

/** Dotted acronyms ("U.N.", "U.S."), tried only at a one-letter capital followed by a dot. */
const DOTTED = /(?:\p{Lu}\.){2,6}/uy;

/** Possessives inside names ("Council of People's Commissars", "Korean People's Army"); others end a name. */
const NAME_POSSESSIVES = new Set(["people's", 'people’s', "women's", 'women’s']);

/** isCap per spelling, in the bits every token carries (see spellingBit). */
const CAP = spellingBit(isCap);

/**
 * Capitalised token (isCap), read from the bits the token carries: no read of its text or of the
 * document's, for every token of every sentence.
 */
function capAt(t: Token | undefined): boolean {
  return t !== undefined && hasSpellingBit(t, CAP);
}

/** The character of a one-character token (apostrophe 39 or 0x2019, dot 46), else -1. */
function apostropheOrDot(text: string, t: Token): number {
  return t.end - t.start === 1 ? text.charCodeAt(t.start) : -1;
}

function apostropheAt(text: string, t: Token): boolean {
  const c = apostropheOrDot(text, t);
  return c === 39 || c === 0x2019;
}

/** WORD_FLAGS of a token's word, per spelling. */
const FLAGS = new SpellingMemo((t: Token) => WORD_FLAGS.get(t.lower) ?? 0);

/** WORD_FLAGS of a capitalised word in a run, a possessive read without its "'s"; per spelling. */
const RUN_FLAGS = new SpellingMemo((t: Token) => {
  const w = t.text;
  const n = w.length;
  const possessive =
    n >= 3 && w.charCodeAt(n - 1) === 115 && (w.charCodeAt(n - 2) === 39 || w.charCodeAt(n - 2) === 0x2019);
  return WORD_FLAGS.get(possessive ? t.lower.slice(0, -2) : t.lower) ?? 0;
});

/** What scanning a run found: its first token after sentence starters, its end, whether it is all place words. */
interface Scan {
  start: number;
  end: number;
  allPlace: boolean;
  /** WORD_FLAGS of the token at `start` */
  flags: number;
  /** WORD_FLAGS of all tokens from `start`, or-ed */
  any: number;
  /** no connector, apostrophe, dot or all-capitals word inside: one segment of plain words */
  plain: boolean;
}

/** The token is exactly the lower-case word `w`, read from the text (no need to load `t.lower`). */
const wordAt = (text: string, t: Token | undefined, w: string): boolean =>
  t !== undefined && t.end - t.start === w.length && text.startsWith(w, t.start);

/** A possessive "'s"/"’s" at the token's end, read from the text. */
function possessiveAt(text: string, t: Token): boolean {
  if (t.end - t.start < 3 || text.charCodeAt(t.end - 1) !== 115) return false;
  const c = text.charCodeAt(t.end - 2);
  return c === 39 || c === 0x2019;
}

/**
 * Scans the capitalised run starting at `i` into `scan`. Inside a run: capitalised words,
 * "of"/"for" (+ "the") before another capitalised word ("Communist Party of Vietnam"), a
 * plural's apostrophe ("Workers' Party"), and "and" only inside an organisation's "of"
 * complement ("Bank for Reconstruction and Development"), so "Civic Assistance and UNHCR" stays
 * two names. A possessive ends the run ("Stalin's policy"). Leading sentence starters ("The",
 * "In", "However") are not part of it.
 */
function scanRun(text: string, tokens: readonly Token[], i: number, scan: Scan): void {
  let j = i;
  let last = i;
  let org = false;
  let of = false;
  let start = -1;
  let allPlace = true;
  let any = 0;
  let plain = true;
  while (j < tokens.length) {
    const t = tokens[j]!;
    if (capAt(t)) {
      // a one-letter capital before a dot opens a dotted acronym ("the U.N."), its own unit
      if (j > i && t.end - t.start === 1 && tokens[j + 1]?.text === '.') break;
      const possessive = possessiveAt(text, t);
      const f = RUN_FLAGS.get(t);
      if (start < 0 && (f & F_STARTER) === 0) {
        start = j;
        scan.flags = f;
      }
      if (start >= 0) {
        if ((f & F_PLACE) === 0) allPlace = false;
        any |= f;
        if (t.end - t.start > 1) {
          const c = text.charCodeAt(t.start + 1);
          if (c >= 65 && c <= 90) plain = false;
        }
      }
      if (f & F_ORG_HEAD) org = true;
      last = j;
      j++;
      if (possessive && !NAME_POSSESSIVES.has(t.lower)) break;
      // "Dr. Andrei Lankov": an abbreviated title's dot stays inside the run
      const dot = tokens[j];
      if (dot && dot.start === t.end && apostropheOrDot(text, dot) === 46 && TITLE_ABBREVIATIONS.has(t.lower)) {
        if (capAt(tokens[j + 1])) {
          j++;
          plain = false;
        }
      }
      continue;
    }
    if (
      apostropheAt(text, t) &&
      j > i &&
      tokens[j - 1]!.end === t.start &&
      text.charCodeAt(t.start - 1) === 115 &&
      capAt(tokens[j + 1])
    ) {
      allPlace = false;
      plain = false;
      j++;
      continue;
    }
    if (wordAt(text, t, 'of') || wordAt(text, t, 'for')) {
      const k = wordAt(text, tokens[j + 1], 'the') ? j + 2 : j + 1;
      if (capAt(tokens[k]) && !STARTERS.has(tokens[k]!.lower)) {
        of = true;
        plain = false;
        j = k;
        continue;
      }
      break;
    }
    if (org && of && wordAt(text, t, 'and') && capAt(tokens[j + 1]) && !isAcronym(tokens[j + 1]!)) {
      plain = false;
      j++;
      continue;
    }
    break;
  }
  scan.end = last + 1;
  scan.start = start < 0 ? scan.end : start;
  scan.allPlace = allPlace;
  scan.any = any;
  scan.plain = plain;
}

/**
 * Whether a one-word run can be an entity at all: an acronym, an institution word, a word after
 * a cue, or a demonym before a government head. Most one-word runs are places or sentence
 * starters ("Russia", "Moscow", "Following"), so this keeps them off the rule lists.
 */
function singleWorthTrying(text: string, tokens: readonly Token[], k: number, flags: number): boolean {
  const t = tokens[k]!;
  if (flags & F_SINGLE_ORG) return true;
  if (t.end - t.start >= 2) {
    const c = text.charCodeAt(t.start + 1);
    if (c >= 65 && c <= 90) return true;
  }
  // cue and government words have three letters or more: "in", "to", "," are passed over unlooked-up
  const prev = nthToken(tokens, k - 1);
  if (prev && prev.end - prev.start > 2 && FLAGS.get(prev) & F_CUE) return true;
  const next = tokens[k + 1];
  return next !== undefined && next.end - next.start > 2 && (FLAGS.get(next) & F_GOV) !== 0;
}

/**
 * Segments of a run: capitalised words between connectors, with each all-capitals word its own
 * segment ("NGO Civic Assistance" -> NGO | Civic Assistance), except a ship prefix ("SS Zyrianin").
 */
function segments(tokens: readonly Token[], start: number, end: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let s = start;
  for (let k = start; k < end; k++) {
    const t = tokens[k]!;
    if (isConnector(t)) {
      if (k > s) out.push([s, k]);
      s = k + 1;
    } else if (isAcronym(t) && !(SHIP_PREFIXES.has(t.lower) && k + 1 < end && tokens[k + 1]!.type === 'word')) {
      if (k > s) out.push([s, k]);
      out.push([k, k + 1]);
      s = k + 1;
    }
  }
  if (end > s) out.push([s, end]);
  return out;
}

/**
 * Finds the named persons, organisations and other named things (ships) of a sentence, for
 * event actors and attributions. Places are left to the places annotator. Token-driven: only
 * capitalised words start work. Never throws.
 * Example: "In 2009, the North Korean government was estimated" ->
 *   [{ text: "North Korean government", kind: "organization", name: "North Korean government" }]
 */
export function annotateEntities(ctx: SentenceContext): Entity[] {
  const { tokens, text } = ctx;
  const hits: Entity[] = [];
  const scan: Scan = { start: 0, end: 0, allPlace: false, flags: 0, any: 0, plain: true };
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (!capAt(t)) {
      i++;
      continue;
    }
    if (t.end - t.start === 1 && tokens[i + 1]?.text === '.') {
      DOTTED.lastIndex = t.start;
      const m = DOTTED.exec(text);
      if (m && t.start + m[0].length <= ctx.sentence.end) {
        const end = t.start + m[0].length;
        if (ACRONYMS.has(m[0].replaceAll('.', '').toLowerCase())) {
          hits.push(entity(t.start, end, 'organization', 'entity: dotted acronym'));
        }
        while (i < tokens.length && tokens[i]!.start < end) i++;
        continue;
      }
    }
    scanRun(text, tokens, i, scan);
    let { start } = scan;
    const { end } = scan;
    while (start < end && isConnector(tokens[start]!)) start++;
    let next = end;
    if (start < end) next = Math.max(next, classify(text, tokens, start, end, scan, hits));
    i = next;
  }
  for (const h of hits) h.text = h.name = text.slice(h.start, h.end);
  return hits;
}

/** Applies the run rules, else the segment rules; returns the token index where scanning resumes. */
function classify(
  text: string,
  tokens: readonly Token[],
  start: number,
  end: number,
  scan: Scan,
  hits: Entity[],
): number {
  if (end - start === 1 && !singleWorthTrying(text, tokens, start, scan.flags)) return end;
  if (scan.allPlace) {
    // fast path for the commonest runs, places and demonyms: only a known name or a government phrase
    if (scan.any & F_KNOWN_FIRST) {
      const known = knownOrg(tokens, start, end);
      if (known) {
        hits.push(known);
        return end;
      }
    }
    const after = tokens[end];
    if (after === undefined || after.end - after.start < 3 || (FLAGS.get(after) & F_GOV) === 0) {
      return end;
    }
    let lastSeg = end;
    while (lastSeg > start && !isConnector(tokens[lastSeg - 1]!)) lastSeg--;
    return govPhrase(tokens, lastSeg, end, hits, true) ?? end;
  }
  // Plain words, one of them a place, demonym or common noun, no head, title or cue: no rule
  // can name it ("Sakhalin Koreans", "Kamchatka Peninsula", "Korean War"), so stop here.
  if (
    scan.plain &&
    end - start >= 2 &&
    (scan.any & (F_ORG_HEAD | F_TITLE | F_KNOWN_FIRST | F_NON_NAME)) === F_NON_NAME
  ) {
    const prev = nthToken(tokens, start - 1);
    if (prev === undefined || (FLAGS.get(prev) & F_CUE) === 0) return end;
  }
  const { any } = scan;
  const run = { tokens, start, end, titleAt: any & F_TITLE ? titleStart(tokens, start, end) : -1, any };
  let rest = start;
  for (const rule of RUN_RULES) {
    const got = rule.apply(run);
    if (got) {
      for (const f of got.found) hits.push(f);
      rest = got.rest;
      break;
    }
  }
  if (rest >= end) return end;
  const segs = segments(tokens, rest, end);
  let resume = end;
  for (let n = 0; n < segs.length; n++) {
    const [s, e] = segs[n]!;
    if (n === segs.length - 1 && e === end) {
      const r = govPhrase(tokens, s, e, hits);
      if (r !== null) {
        resume = r;
        continue;
      }
    }
    for (const rule of SEGMENT_RULES) {
      const f = rule.apply(tokens, s, e, any);
      if (f) {
        hits.push(f);
        break;
      }
    }
  }
  return resume;
}

/** Records a government phrase on segment [s, e) if one follows; returns where scanning resumes, or null. */
function govPhrase(
  tokens: readonly Token[],
  s: number,
  e: number,
  hits: Entity[],
  placesChecked = false,
): number | null {
  const last = govPhraseEnd(tokens, s, e, placesChecked);
  if (last < 0) return null;
  hits.push(entity(tokens[s]!.start, tokens[last]!.end, 'organization', GOV_RULE_NAME));
  return last + 1;
}
