/**
 * Rules for attributions and modality cues. Each rule is anchored on a word (a lexicon key) and
 * reads a short window of tokens around it, so a sentence costs one Map look-up per token.
 * Phrases are read by two bounded walkers: `subjectLeft` (the subject of a statement verb) and
 * `phraseRight` (the noun phrase after "according to", "by", "source:").
 */
import { nthToken } from '../tokenize.js';
import type { SentenceContext, Token } from '../types.js';
import {
  AGENT_PARTICIPLES,
  ASIDE_WORDS,
  BE_FORMS,
  DANGLING,
  DENIED_OBJECTS,
  DETERMINERS,
  EMPTY_SUBJECTS,
  ESTIMATE_NOUNS,
  LEADING_PREPOSITIONS,
  MODALITY_WORDS,
  type ModalityEntry,
  NOUN_OR_VERB,
  OBJECT_OPENERS,
  OBJECT_STOPS,
  PUT_OBJECTS,
  SOURCE_HEADS,
  SOURCE_NOUNS,
  STATEMENT_VERBS,
  SUBJECT_STOPS,
  TIME_WORDS,
  VERB_PREFIXES,
  WOULD_PROPOSE,
} from './lexicon.js';

/** A phrase as token indexes, both inclusive; `end` may cut the last token short (a possessive 's). */
export interface Phrase {
  first: number;
  last: number;
  end?: number;
}

export interface ParsedAttribution extends Phrase {
  cue: string;
}

export interface ParsedModality {
  first: number;
  last: number;
  modality: 'estimated' | 'reported' | 'proposed' | 'denied';
}

/** A named rule tried at every token whose lower-cased text is one of `anchors`. */
export interface TokenRule<T> {
  name: string;
  anchors: ReadonlySet<string>;
  extract(tokens: readonly Token[], i: number, ctx: SentenceContext): T | null;
}

const SUBJECT_MAX = 12;
const OBJECT_MAX = 14;
const ASIDE_MAX = 10;
/** Quantity words end a phrase read rightwards, but not at its first token ("according to some experts"). */
const QUANTITY_OPENERS = new Set([
  'some',
  'about',
  'around',
  'roughly',
  'nearly',
  'almost',
  'approximately',
  'over',
  'more',
  'up',
  'only',
]);
const PASSIVE_ADVERBS = new Set([
  'widely',
  'also',
  'generally',
  'commonly',
  'often',
  'now',
  'still',
  'reportedly',
  'officially',
  'not',
  'further',
  'long',
]);
const NUMBER_PREPOSITIONS = new Set(['in', 'on', 'during', 'since', 'between', 'from', 'until', 'by']);
const TOLD_AUDIENCE = new Set(['reporters', 'journalists', 'parliament', 'lawmakers', 'media']);

/** The word at `i`, '' outside the sentence. */
const lowerAt = (tokens: readonly Token[], i: number): string => nthToken(tokens, i)?.lower ?? '';
const isWord = (t: Token | undefined): t is Token => t !== undefined && t.type === 'word';
const isCapitalised = (t: Token | undefined): boolean => {
  if (!isWord(t)) return false;
  const c = t.text[0]!;
  return c !== c.toLowerCase();
};

/** "U.N." and "U.S." come out of the tokenizer as letter, dot, letter, dot: keep those dots. */
function isAbbreviationDot(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (t?.text !== '.') return false;
  const before = tokens[k - 1];
  if (!isWord(before) || before.text.length !== 1 || !isCapitalised(before) || before.end !== t.start) return false;
  const after = tokens[k + 1];
  if (isWord(after) && after.text.length === 1 && isCapitalised(after) && after.start === t.end) return true;
  // the closing dot of "U.N.": a dot two tokens back, directly adjacent
  const dot = tokens[k - 2];
  return dot?.text === '.' && dot.end === before.start;
}

/** Punctuation allowed inside a source name: "&" and an abbreviation's dots. */
function isInnerPunct(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k]!;
  return t.text === '&' || isAbbreviationDot(tokens, k);
}

/**
 * Trims a leading time adverbial off a subject read leftwards: "In November 2007 Russian
 * officials" -> "Russian officials", "Between 1946 and 1949 one researcher" -> "one researcher".
 * Returns the new first index, or -1 when nothing is left.
 */
function trimLeadingAdverbial(tokens: readonly Token[], first: number, last: number): number {
  let s = first;
  while (s <= last && (tokens[s]!.lower === 'and' || tokens[s]!.lower === 'or' || tokens[s]!.lower === 'but')) s++;
  if (s > last || !LEADING_PREPOSITIONS.has(tokens[s]!.lower)) return s;
  let p = s + 1;
  // "In fact the Census ...", "For example the ministry ...": a set phrase before a determiner
  const after = tokens[p];
  if (after !== undefined && after.type === 'word' && !isCapitalised(after) && !TIME_WORDS.has(after.lower)) {
    for (let q = p + 1; q <= last && q - p <= 2; q++) if (DETERMINERS.has(tokens[q]!.lower)) return q;
  }
  let sawNumber = false;
  while (p <= last) {
    const t = tokens[p]!;
    if (t.type === 'number') {
      sawNumber = true;
    } else if (sawNumber && t.lower !== 'and' && t.lower !== 'or' && t.lower !== 'to') {
      break;
    } else if (!TIME_WORDS.has(t.lower)) {
      break;
    }
    p++;
  }
  // a preposition with no time after it ("In Moscow officials said") only loses the preposition
  return p > last ? -1 : p;
}

/** True when every token of the phrase is a pronoun, determiner or quantifier: it names no one. */
function namesNoOne(tokens: readonly Token[], first: number, last: number): boolean {
  for (let k = first; k <= last; k++) {
    const l = tokens[k]!.lower;
    if (!EMPTY_SUBJECTS.has(l) && !DETERMINERS.has(l)) return false;
  }
  return true;
}

/**
 * The subject of the verb at `verb`, read leftwards: skips auxiliaries and adverbs ("has also
 * said"), one comma-enclosed aside ("Sergey Darkin, the Governor of Primorsky Krai, suggested"),
 * then takes at most SUBJECT_MAX tokens up to a clause boundary. Null when none names anyone.
 */
export function subjectLeft(tokens: readonly Token[], verb: number, skipBe = false): Phrase | null {
  let j = verb - 1;
  while (j >= 0 && (VERB_PREFIXES.has(tokens[j]!.lower) || (skipBe && BE_FORMS.has(tokens[j]!.lower)))) j--;
  if (j < 0) return null;
  // a short bracketed abbreviation after the name: "South Korea's National Intelligence Service (NIS) estimated"
  if (tokens[j]!.text === ')') {
    let k = j - 1;
    while (k >= 0 && j - k <= 4 && tokens[k]!.text !== '(' && tokens[k]!.type !== 'punct') k--;
    if (k > 0 && tokens[k]!.text === '(' && k < j - 1) j = k - 1;
    else return null;
  }
  if (tokens[j]!.text === ',') {
    let k = j - 1;
    while (k >= 0 && j - k <= ASIDE_MAX && tokens[k]!.text !== ',') {
      if (tokens[k]!.type === 'punct' && !isInnerPunct(tokens, k)) return null;
      k--;
    }
    if (k < 0 || tokens[k]!.text !== ',' || k === j - 1) return null;
    const aside = tokens[k + 1]!;
    const isAside =
      (k + 1 === j - 1 && ASIDE_WORDS.has(aside.lower)) ||
      DETERMINERS.has(aside.lower) ||
      aside.lower === 'who' ||
      aside.lower === 'which' ||
      isCapitalised(aside);
    if (!isAside) return null;
    j = k - 1;
  }
  const last = j;
  let k = j;
  while (k >= 0 && last - k < SUBJECT_MAX) {
    const t = tokens[k]!;
    if (t.type === 'punct' && !isInnerPunct(tokens, k)) break;
    // another statement verb starts another clause, but "Estimates based on ..." is a noun
    if (SUBJECT_STOPS.has(t.lower) || (STATEMENT_VERBS.has(t.lower) && !NOUN_OR_VERB.has(t.lower))) break;
    k--;
  }
  // hit the bound mid-phrase: the subject is longer than we read, so do not guess a start
  if (last - k >= SUBJECT_MAX && k >= 0 && tokens[k]!.type !== 'punct') return null;
  const first = trimLeadingAdverbial(tokens, k + 1, last);
  if (first < 0 || first > last) return null;
  const head = tokens[last]!;
  if (head.type === 'punct' || DANGLING.has(head.lower) || namesNoOne(tokens, first, last)) return null;
  return { first, last };
}

/**
 * The noun phrase starting at `from`, read rightwards up to OBJECT_MAX tokens: "according to
 * the 2002 census" -> "the 2002 census". Stops at punctuation, a clause word or a bare number
 * ("according to officials 10,000 ..."), keeps a number after a determiner.
 */
export function phraseRight(tokens: readonly Token[], from: number, stopAtParen = false): Phrase | null {
  let k = from;
  while (k < tokens.length && k - from < OBJECT_MAX) {
    const t = tokens[k]!;
    if (t.type === 'punct') {
      if (!isInnerPunct(tokens, k) && !(stopAtParen && t.text !== ')' && t.text !== ']' && t.text !== ';')) break;
    } else if (t.type === 'number') {
      const prev = lowerAt(tokens, k - 1);
      if (k > from && !DETERMINERS.has(prev)) break;
    } else {
      if (OBJECT_STOPS.has(t.lower)) break;
      if (k > from && QUANTITY_OPENERS.has(t.lower)) break;
      if (k > from && NUMBER_PREPOSITIONS.has(t.lower) && tokens[k + 1]?.type === 'number') {
        // "published in 2020" stays with its noun; a bare "in 2020" starts an adverbial
        if (!AGENT_PARTICIPLES.has(lowerAt(tokens, k - 1))) break;
      }
    }
    k++;
  }
  let last = k - 1;
  while (last >= from && (DANGLING.has(tokens[last]!.lower) || tokens[last]!.type === 'punct')) {
    if (isAbbreviationDot(tokens, last)) break;
    last--;
  }
  if (last < from || namesNoOne(tokens, from, last)) return null;
  return { first: from, last };
}

/**
 * "A 2006 study by Kyung Hee University" -> "Kyung Hee University": the author of a study,
 * report or survey is the source, not the document.
 */
export function preferAgent(tokens: readonly Token[], p: Phrase): Phrase {
  for (let k = p.first + 1; k < p.last; k++) {
    if (tokens[k]!.lower !== 'by' && tokens[k]!.lower !== 'from') continue;
    const n = AGENT_PARTICIPLES.has(lowerAt(tokens, k - 1)) ? k - 2 : k - 1;
    if (SOURCE_NOUNS.has(lowerAt(tokens, n))) return { first: k + 1, last: p.last };
  }
  return p;
}

/**
 * The possessor before a possessive token: "the UN's" -> "the UN", "South Korea's Unification
 * Ministry's" -> "South Korea's Unification Ministry", "the rights group's" -> "the rights group".
 */
function possessorLeft(tokens: readonly Token[], at: number, end: number): Phrase | null {
  const named = isCapitalised(tokens[at]);
  let k = at - 1;
  while (k >= 0 && at - k < 6) {
    const t = tokens[k]!;
    if (named ? !isCapitalised(t) : t.type !== 'word' || at - k > 2) break;
    if (SUBJECT_STOPS.has(t.lower) || DANGLING.has(t.lower) || STATEMENT_VERBS.has(t.lower)) break;
    k--;
  }
  if (k >= 0 && DETERMINERS.has(tokens[k]!.lower)) k--;
  return { first: k + 1, last: at, end };
}

/**
 * An attribution of one shape whichever rule found it (`end` present, perhaps undefined): the
 * annotator reads every rule's result at one site, and spreads of phrases with and without `end`
 * made that site's property loads megamorphic.
 */
const attribution = (p: Phrase, cue: string): ParsedAttribution => ({ first: p.first, last: p.last, end: p.end, cue });

const attributionAt = (p: Phrase | null, cue: string): ParsedAttribution | null => (p ? attribution(p, cue) : null);

/** Does the token after a noun-or-verb form open an object, so the form is a verb? */
function opensObject(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1];
  if (next === undefined) return false;
  return next.type === 'number' || OBJECT_OPENERS.has(next.lower);
}

/** A lower-case past form ("denied", "rejected"): the word after it is its object. */
const isPastVerb = (t: Token | undefined): boolean =>
  t !== undefined && t.type === 'word' && t.lower.length > 3 && t.lower.endsWith('ed') && t.text[0] === t.lower[0];

/** Is the token at `i` preceded by a form of "be" (through adverbs)? "It is widely believed". */
function afterBe(tokens: readonly Token[], i: number): boolean {
  let p = i - 1;
  while (p >= 0 && PASSIVE_ADVERBS.has(tokens[p]!.lower)) p--;
  return p >= 0 && BE_FORMS.has(tokens[p]!.lower);
}

const statementVerb: TokenRule<ParsedAttribution> = {
  name: 'source: subject of a statement verb',
  anchors: new Set(STATEMENT_VERBS.keys()),
  extract(tokens, i, ctx) {
    const verb = tokens[i]!;
    const strength = STATEMENT_VERBS.get(verb.lower)!;
    const prev = lowerAt(tokens, i - 1);
    const next = lowerAt(tokens, i + 1);
    // "an estimated 10,000", "the reported figure": an adjective, not a statement
    if (DETERMINERS.has(prev)) return null;
    // reduced or full passive with its agent: "as reported by Reuters", "was estimated by the UN"
    if (next === 'by' && !NOUN_OR_VERB.has(verb.lower))
      return attributionAt(phraseRight(tokens, i + 2), `${verb.lower} by`);
    // passive without an agent has no source: "are reported to be", "It is believed that"
    if (afterBe(tokens, i)) return null;
    // "unofficial estimates put ...", "Pyongyang denied reports that ...": a noun, not a verb
    if (NOUN_OR_VERB.has(verb.lower) && (!opensObject(tokens, i) || isPastVerb(tokens[i - 1]))) return null;
    if (verb.lower === 'put' || verb.lower === 'puts') {
      const object = PUT_OBJECTS.has(next) ? next : lowerAt(tokens, i + 2);
      if (!PUT_OBJECTS.has(object)) return null;
    }
    const subject = subjectLeft(tokens, i);
    if (!subject) return null;
    if (strength === 'weak' && next !== 'that' && verb.lower !== 'put' && verb.lower !== 'puts') {
      const told = verb.lower === 'told' || verb.lower === 'tells';
      const audience =
        told &&
        (isCapitalised(tokens[i + 1]) || TOLD_AUDIENCE.has(next) || (next === 'the' && isCapitalised(tokens[i + 2])));
      if (told ? !audience : !SOURCE_HEADS.has(tokens[subject.last]!.lower)) return null;
    }
    // "Seoul's estimate puts the number at ...": the possessor states it
    const owner = SOURCE_NOUNS.has(tokens[subject.last]!.lower)
      ? possessiveEstimate.extract(tokens, subject.last, ctx)
      : null;
    if (owner !== null && owner.first >= subject.first) return attribution(owner, verb.lower);
    return attribution(preferAgent(tokens, subject), verb.lower);
  },
};

const accordingTo: TokenRule<ParsedAttribution> = {
  name: 'source: according to X',
  anchors: new Set(['according']),
  extract(tokens, i) {
    if (lowerAt(tokens, i + 1) !== 'to') return null;
    const p = phraseRight(tokens, i + 2);
    return p ? attribution(preferAgent(tokens, p), 'according to') : null;
  },
};

const documentBy: TokenRule<ParsedAttribution> = {
  name: 'source: a study/report/data by or from X',
  anchors: new Set(['by', 'from']),
  extract(tokens, i) {
    const n = AGENT_PARTICIPLES.has(lowerAt(tokens, i - 1)) ? i - 2 : i - 1;
    const noun = lowerAt(tokens, n);
    if (!SOURCE_NOUNS.has(noun)) return null;
    return attributionAt(phraseRight(tokens, i + 1), `${noun} ${tokens[i]!.lower}`);
  },
};

const possessiveEstimate: TokenRule<ParsedAttribution> = {
  name: "source: X's estimate",
  anchors: SOURCE_NOUNS,
  extract(tokens, i) {
    // allow one modifier between: "Seoul's 2019 estimate", "the UN's latest figures"
    for (let k = i - 1; k >= 0 && i - k <= 2; k--) {
      const t = tokens[k]!;
      if (t.type === 'word' && (t.lower.endsWith("'s") || t.lower.endsWith('’s'))) {
        if (t.text.length <= 2) return null;
        return attributionAt(possessorLeft(tokens, k, t.end - 2), `'s ${tokens[i]!.lower}`);
      }
      if ((t.text === "'" || t.text === '’') && tokens[k - 1]?.lower.endsWith('s') && tokens[k - 1]!.end === t.start) {
        return attributionAt(possessorLeft(tokens, k - 1, tokens[k - 1]!.end), `' ${tokens[i]!.lower}`);
      }
      if (t.type === 'punct') return null;
    }
    return null;
  },
};

const sourceLabel: TokenRule<ParsedAttribution> = {
  name: 'source: (source: X)',
  anchors: new Set(['source', 'sources']),
  extract(tokens, i) {
    if (tokens[i + 1]?.text !== ':') return null;
    return attributionAt(phraseRight(tokens, i + 2, true), 'source:');
  },
};

const quotedAs: TokenRule<ParsedAttribution> = {
  name: 'source: X was quoted as saying',
  anchors: new Set(['quoted']),
  extract(tokens, i) {
    if (lowerAt(tokens, i + 1) !== 'as') return null;
    const how = lowerAt(tokens, i + 2);
    if (how !== 'saying' && how !== 'stating') return null;
    return attributionAt(subjectLeft(tokens, i, true), `quoted as ${how}`);
  },
};

/** Order matters only for ties: an overlap keeps the longer span, then the earlier rule. */
export const ATTRIBUTION_RULES: readonly TokenRule<ParsedAttribution>[] = [
  statementVerb,
  accordingTo,
  documentBy,
  possessiveEstimate,
  sourceLabel,
  quotedAs,
];

const cue = (first: number, last: number, modality: ParsedModality['modality']): ParsedModality => ({
  first,
  last,
  modality,
});

/** Decides the special lexicon entries; the plain ones map straight to their modality. */
function modalityOf(entry: ModalityEntry, tokens: readonly Token[], i: number): ParsedModality | null {
  const next = tokens[i + 1];
  switch (entry) {
    case 'suggest': {
      // "suggested allowing up to 150,000" proposes; "suggest that between 16,500 and 50,000" estimates
      const proposes =
        next !== undefined &&
        (next.lower === 'to' || (next.type === 'word' && next.lower.length > 4 && next.lower.endsWith('ing')));
      return cue(i, i, proposes ? 'proposed' : 'estimated');
    }
    case 'thought':
      return afterBe(tokens, i) || next?.lower === 'to' ? cue(i, i, 'estimated') : null;
    case 'according': {
      if (next?.lower !== 'to') return null;
      // "according to one estimate": the estimate noun carries the modality
      for (let k = i + 2; k < tokens.length && k <= i + 5; k++) if (ESTIMATE_NOUNS.has(tokens[k]!.lower)) return null;
      return cue(i, i + 1, 'reported');
    }
    case 'reject': {
      let k = i + 1;
      if (DETERMINERS.has(lowerAt(tokens, k)) || lowerAt(tokens, k) === 'these' || lowerAt(tokens, k) === 'those') k++;
      return DENIED_OBJECTS.has(lowerAt(tokens, k)) ? cue(i, i, 'denied') : null;
    }
    case 'would':
      return next && WOULD_PROPOSE.has(next.lower) ? cue(i, i + 1, 'proposed') : null;
    default:
      return cue(i, i, entry);
  }
}

export const modalityWord: TokenRule<ParsedModality> = {
  name: 'modality: cue word',
  anchors: new Set(MODALITY_WORDS.keys()),
  extract(tokens, i) {
    return modalityOf(MODALITY_WORDS.get(tokens[i]!.lower)!, tokens, i);
  },
};

export const MODALITY_RULES: readonly TokenRule<ParsedModality>[] = [modalityWord];
