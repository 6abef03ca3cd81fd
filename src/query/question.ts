/**
 * The question parser of `atlas ask`. A question is read with the annotators that read documents
 * (times, places, groups, entities, events, rates, modalities) on one sentence built over it, so
 * "the late 1940s" or "Primorsky Krai" mean the same in a question as in a source. What only a
 * question has (the question word, the verb that says what is counted, who acts) is read here,
 * by parts and from question.lexicon.ts, never by matching whole known phrasings.
 *
 * Order, and why:
 * 1. recase an all-lower-case (or all-capitals) question: the document annotators key names on
 *    capitals ("russia" is no place to them), and keeping the length keeps every offset;
 * 2. annotate; 3. intent; 4. time (places and events inside it, "after the collapse of the Soviet
 *    Union", are the time's); 5. group; 6. measure (the place's role depends on it: "for" is a
 *    destination only after a verb of moving); 7. places and actors; 8. the rest.
 */
import { InputError } from '../errors.js';
import { annotateModalities } from '../extract/attributions/index.js';
import { annotateEntities } from '../extract/entities/index.js';
import { annotateEvents } from '../extract/events/index.js';
import { annotateGroups } from '../extract/groups/index.js';
import { annotateRates } from '../extract/numbers/index.js';
import { annotatePlaces, lookupPlace } from '../extract/places/index.js';
import { annotateTimes } from '../extract/times/index.js';
import { tokenize } from '../extract/tokenize.js';
import type {
  Entity,
  EventTrigger,
  EventType,
  GroupMention,
  Measure,
  Modality,
  ModalityCue,
  Per,
  PlaceMention,
  PlaceRef,
  RateMention,
  SentenceContext,
  Span,
  TimeExpr,
  Token,
} from '../extract/types.js';
import {
  ACRONYMS,
  AGENT_PREPOSITION,
  AMBIGUOUS_MONTHS,
  AUXILIARIES,
  BARE_PEOPLE,
  BE_AUXILIARIES,
  CURRENCY_NOUNS,
  type Cue,
  DESTINATION_FOR,
  DETERMINERS,
  DO_VERBS,
  HOST_VERBS,
  INTENT_CUES,
  LOOSE_INTENT_NOUNS,
  MAX_QUESTION_LENGTH,
  MEASURE_CUES,
  MODALITY_CUES,
  MONTHS,
  NAME_RUN_MAX,
  NEVER_NAMES,
  PERSON_VISIT_VERBS,
  PLACE_PREPOSITIONS,
  QUESTION_EVENT_VERBS,
  RATE_CUES,
  ROMAN_NUMERALS,
  STOP_WORDS,
  TIME_ANCHOR_NOUNS,
  TIME_OPEN_AFTER,
  TIME_OPEN_BEFORE,
  TITLE_NOUNS,
  VAGUE_BEFORE_NUMBER,
  WH_WORDS,
  WHAT_NOUNS,
  WHAT_SKIP,
} from './question.lexicon.js';
import type { Intent, ParsedQuestion, QuestionTime } from './question.types.js';

export { MAX_QUESTION_LENGTH } from './question.lexicon.js';
export type { Intent, ParsedQuestion, QuestionTime } from './question.types.js';

/**
 * Validates a question at the edge (CLI argument, stdin line, HTTP parameter) and returns it.
 * Example: checkQuestion('x'.repeat(2001)) throws "invalid question: 2001 characters (expected
 * at most 2000)".
 */
export function checkQuestion(question: unknown): string {
  if (typeof question !== 'string') {
    throw new InputError(`invalid question: ${typeof question} (expected text such as "How many ...?")`);
  }
  if (question.trim().length === 0) {
    throw new InputError('invalid question: empty (expected text such as "How many North Koreans lived in Russia?")');
  }
  if (question.length > MAX_QUESTION_LENGTH) {
    throw new InputError(
      `invalid question: ${question.length} characters (expected at most ${MAX_QUESTION_LENGTH}; ask one thing at a time)`,
    );
  }
  return question;
}

/**
 * Takes a question apart. Never throws: odd input gives `intent: unknown` and empty parts, and
 * text past MAX_QUESTION_LENGTH is ignored (call `checkQuestion` first to refuse it instead).
 * Example: "How many North Koreans lived in Russia in 2006?" -> intent how-many, group general
 * "North Koreans", place RU (in), time 2006..2006, measure population.
 */
export function parseQuestion(question: string): ParsedQuestion {
  let q = '';
  try {
    q = cap(typeof question === 'string' ? question : String(question ?? ''));
    return parse(q);
  } catch {
    // A bug in a rule costs the question its parts, never the caller its process.
    return empty(q);
  }
}

function cap(q: string): string {
  if (q.length <= MAX_QUESTION_LENGTH) return q;
  const code = q.charCodeAt(MAX_QUESTION_LENGTH - 1);
  // never end on half a surrogate pair
  return q.slice(0, code >= 0xd800 && code <= 0xdbff ? MAX_QUESTION_LENGTH - 1 : MAX_QUESTION_LENGTH);
}

function empty(q: string): ParsedQuestion {
  return {
    question: q,
    intent: 'unknown',
    group: null,
    place: null,
    time: null,
    measure: null,
    per: null,
    modality: null,
    eventTypes: [],
    actors: [],
    keywords: [],
  };
}

// ---------------------------------------------------------------------------------------------
// The annotators, each allowed to fail alone.

interface Found {
  times: TimeExpr[];
  places: PlaceMention[];
  groups: GroupMention[];
  entities: Entity[];
  events: EventTrigger[];
  rates: RateMention[];
  modalities: ModalityCue[];
}

function safe<T>(f: () => T[]): T[] {
  try {
    return f();
  } catch {
    return [];
  }
}

function annotate(ctx: SentenceContext): Found {
  return {
    times: safe(() => annotateTimes([ctx], { date: null })),
    places: safe(() => annotatePlaces(ctx)),
    groups: safe(() => annotateGroups(ctx)),
    entities: safe(() => annotateEntities(ctx)),
    events: safe(() => annotateEvents(ctx)),
    rates: safe(() => annotateRates(ctx)),
    modalities: safe(() => annotateModalities(ctx)),
  };
}

// ---------------------------------------------------------------------------------------------
// Cue look-up: one Map get per token, then the few cues starting with that word, longest first.

type CueIndex<T> = ReadonlyMap<string, readonly Cue<T>[]>;

function indexCues<T>(list: readonly Cue<T>[]): CueIndex<T> {
  const index = new Map<string, Cue<T>[]>();
  for (const c of list) {
    const first = c.words[0]!;
    const at = index.get(first);
    if (at) at.push(c);
    else index.set(first, [c]);
  }
  for (const at of index.values()) at.sort((a, b) => b.words.length - a.words.length);
  return index;
}

const INTENT_INDEX = indexCues(INTENT_CUES);
const MEASURE_INDEX = indexCues(MEASURE_CUES);
const RATE_INDEX = indexCues(RATE_CUES);

function cueAt<T>(index: CueIndex<T>, tokens: readonly Token[], i: number): Cue<T> | null {
  const list = index.get(tokens[i]!.lower);
  if (list === undefined) return null;
  for (const c of list) {
    let ok = true;
    for (let k = 1; k < c.words.length && ok; k++) ok = tokens[i + k]?.lower === c.words[k];
    if (ok) return c;
  }
  return null;
}

const inside = (a: Span, b: Span | null): boolean => b !== null && a.start >= b.start && a.end <= b.end;
const overlaps = (a: Span, b: Span | null): boolean => b !== null && a.start < b.end && b.start < a.end;

/** Index of the first token starting at or after `offset`. */
function tokenAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the last token ending at or before `offset`. */
const lastTokenBefore = (tokens: readonly Token[], offset: number): number => tokenAt(tokens, offset) - 1;

/** The nearest word before token `i`, skipping determiners; -1 when none. */
function wordBefore(tokens: readonly Token[], i: number): number {
  let k = i - 1;
  while (k >= 0 && DETERMINERS.has(tokens[k]!.lower)) k--;
  return k;
}

// ---------------------------------------------------------------------------------------------
// Recasing: the document annotators read names by their capitals.

/** Upper- or lower-cases one character only where that keeps its length (offsets must not move). */
function withCase(ch: string, upper: boolean): string {
  const c = upper ? ch.toUpperCase() : ch.toLowerCase();
  return c.length === ch.length ? c : ch;
}

/**
 * Whether the question carries no case to go by: all capitals ("HOW MANY NORTH KOREANS ..."),
 * or lower case with at most its first word (and "I") capitalised ("how many north koreans ...",
 * "When did kim jong il ...").
 */
function caseless(tokens: readonly Token[]): 'lower' | 'upper' | null {
  let words = 0;
  let allCaps = 0;
  let innerCapitals = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== 'word') continue;
    words++;
    if (t.text === t.lower) continue;
    if (t.text === t.text.toUpperCase()) allCaps++;
    if (words > 1 && t.text !== 'I') innerCapitals++;
  }
  if (words > 1 && allCaps === words) return 'upper';
  return words > 0 && innerCapitals === 0 ? 'lower' : null;
}

/** Whether a lower-case token may be the start or end of a place name looked up in the gazetteer. */
const nameWord = (t: Token | undefined): boolean => t !== undefined && t.type === 'word' && !STOP_WORDS.has(t.lower);

/**
 * Recases a question that has no case to go by: place names and demonyms the gazetteer knows
 * ("north koreans", "the kamchatka peninsula"), months before a number, acronyms, Roman numerals
 * after a name, and, as a hack for "when did kim jong il visit russia", a run of unknown words
 * right after "did"/"was" that ends at a verb (a person's name, which no list holds).
 */
function recase(q: string, trace: string[]): string {
  const first = tokenize(q);
  const mode = caseless(first);
  if (mode === null) return q;
  trace.push(`recase: ${mode}-case question`);
  const chars = mode === 'upper' ? Array.from(q, (ch) => ch) : null;
  let text = q;
  if (chars !== null) {
    // Array.from splits by code point; rebuild by code units so offsets hold
    text = '';
    for (const ch of chars) text += ch.length === 1 ? withCase(ch, false) : ch;
  }
  const tokens = mode === 'upper' ? tokenize(text) : first;
  const out = text.split('');
  const capital = new Uint8Array(tokens.length);
  const up = (k: number, all: boolean) => {
    const t = tokens[k]!;
    capital[k] = 1;
    for (let c = t.start; c < (all ? t.end : t.start + 1); c++) out[c] = withCase(out[c]!, true);
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== 'word') continue;
    if (ACRONYMS.has(t.lower)) {
      up(i, true);
      continue;
    }
    if (MONTHS.has(t.lower)) {
      const next = tokens[i + 1];
      const before = tokens[i - 1]?.lower;
      if (next?.type === 'number' || (!AMBIGUOUS_MONTHS.has(t.lower) && (before === 'in' || before === 'of')))
        up(i, false);
      continue;
    }
    if (ROMAN_NUMERALS.has(t.lower) && i > 0 && capital[i - 1] === 1) {
      up(i, true);
      continue;
    }
    if (!nameWord(t)) continue;
    // longest place name first, at most four words ("the russian far east" is three after "the")
    for (let n = Math.min(4, tokens.length - i); n >= 1; n--) {
      if (!nameWord(tokens[i + n - 1])) continue;
      let key = t.lower;
      let words = true;
      for (let k = 1; k < n && words; k++) {
        const w = tokens[i + k]!;
        words = w.type === 'word';
        key += ` ${w.lower}`;
      }
      if (!words || lookupPlace(key) === null) continue;
      for (let k = i; k < i + n; k++) if (!STOP_WORDS.has(tokens[k]!.lower)) up(k, false);
      i += n - 1;
      break;
    }
  }

  // HACK: names of people in a lower-case question ("when did kim jong il visit russia"). A run of
  // one to four words nobody lists, right after an auxiliary and ending at a verb the lexicons
  // know, is taken for a name; "who is sergey darkin" ends at the question's end instead.
  for (let i = 0; i + 1 < tokens.length; i++) {
    const aux = tokens[i]!.lower;
    const be = BE_AUXILIARIES.has(aux);
    if (!AUXILIARIES.has(aux) && !be) continue;
    let j = i + 1;
    while (j < tokens.length && j - i - 1 < NAME_RUN_MAX && unlisted(tokens[j]!) && capital[j] === 0) j++;
    if (j === i + 1) continue;
    const next = tokens[j];
    const atEnd = next === undefined || (next.type === 'punct' && tokens[j + 1] === undefined);
    const whoIs = be && i > 0 && tokens[i - 1]!.lower === 'who';
    if ((next !== undefined && next.type === 'word' && knownVerb(next.lower)) || (atEnd && whoIs)) {
      for (let k = i + 1; k < j; k++) up(k, false);
      trace.push(`recase: name after "${aux}"`);
    }
  }
  return out.join('');
}

const unlisted = (t: Token): boolean =>
  t.type === 'word' &&
  !STOP_WORDS.has(t.lower) &&
  !NEVER_NAMES.has(t.lower) &&
  !TITLE_NOUNS.has(t.lower) &&
  !knownVerb(t.lower) &&
  !MONTHS.has(t.lower);

function knownVerb(w: string): boolean {
  return (
    MEASURE_INDEX.has(w) ||
    QUESTION_EVENT_VERBS.has(w) ||
    MODALITY_CUES.has(w) ||
    HOST_VERBS.has(w) ||
    DO_VERBS.has(w) ||
    w === 'meet' ||
    w === 'say'
  );
}

// ---------------------------------------------------------------------------------------------
// The parts.

interface Taken {
  spans: Span[];
}

interface IntentFound {
  intent: Intent;
  span: Span | null;
}

/**
 * The earliest question cue wins ("In 2006, how many ...", "Tell me how many ..."); "what" and
 * "which" are read with their noun ("What was the population of ...", "Which country ..."), and
 * a bare "what" waits for the verb (money: how much; "do": what happened).
 */
function findIntent(tokens: readonly Token[], trace: string[]): IntentFound & { wh: boolean } {
  let wh = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== 'word') continue;
    const cue = cueAt(INTENT_INDEX, tokens, i);
    if (cue !== null) {
      const head = cue.words[0]!;
      if ((head === 'number' || head === 'numbers') && VAGUE_BEFORE_NUMBER.has(tokens[i - 1]?.lower ?? '')) continue;
      const last = i + cue.words.length - 1;
      let intent = cue.value;
      if (intent === 'how-many' && CURRENCY_NOUNS.has(tokens[last + 1]?.lower ?? '')) {
        trace.push('intent: how many + currency -> how much');
        intent = 'how-much';
      } else trace.push(`intent: "${cue.words.join(' ')}"`);
      return { intent, span: { start: t.start, end: tokens[last]!.end }, wh };
    }
    if (WH_WORDS.has(t.lower)) {
      wh = true;
      let k = i + 1;
      while (k < tokens.length && WHAT_SKIP.has(tokens[k]!.lower)) k++;
      const noun = tokens[k];
      const value = noun === undefined ? undefined : WHAT_NOUNS.get(noun.lower);
      if (value !== undefined && noun !== undefined) {
        let intent = value;
        // "Which country sent troops?" asks who; "Which country did they go to?" asks where
        if (intent === 'where') {
          const after = tokens[k + 1]?.lower ?? '';
          if (after !== '' && !AUXILIARIES.has(after) && !BE_AUXILIARIES.has(after) && !HOST_VERBS.has(after)) {
            if (knownVerb(after) || after.endsWith('ed')) intent = 'who';
          }
        }
        trace.push(`intent: "${t.lower} ... ${noun.lower}"`);
        return { intent, span: { start: t.start, end: noun.end }, wh };
      }
    }
  }
  return { intent: 'unknown', span: null, wh };
}

/** Questions with no question word: "Give me the population of ...", "Tell me about the events in ...". */
function looseIntent(tokens: readonly Token[], trace: string[]): IntentFound {
  for (const t of tokens) {
    const intent = LOOSE_INTENT_NOUNS.get(t.lower);
    if (intent !== undefined) {
      trace.push(`intent: noun "${t.lower}"`);
      return { intent, span: t };
    }
  }
  return { intent: 'unknown', span: null };
}

const year = (iso: string | null): number | null => {
  if (iso === null) return null;
  const m = /^-?\d{1,4}/.exec(iso);
  return m === null ? null : Number.parseInt(m[0], 10);
};

/**
 * The question's time: the first time expression, opened by "after"/"since" or "before"/"until"
 * when the times annotator read only the year ("after the 1967 agreement" -> 1967.. open), and
 * taking the noun the year names ("agreement") so it is not read as an event asked about.
 */
function findTime(
  tokens: readonly Token[],
  found: Found,
  original: string,
  trace: string[],
): { time: QuestionTime; span: Span } | null {
  const t = found.times[0] ?? bareYear(tokens, found);
  if (t === undefined) return null;
  let from = year(t.interval.start);
  let to = year(t.interval.end);
  let start = t.start;
  let end = t.end;
  const first = tokenAt(tokens, t.start);
  const last = lastTokenBefore(tokens, t.end);
  const next = tokens[last + 1];
  if (next !== undefined && next.type === 'word' && TIME_ANCHOR_NOUNS.has(next.lower)) {
    end = next.end;
    trace.push(`time: "${next.lower}" named by its year`);
  }
  if (t.bound === 'interval') {
    const p = wordBefore(tokens, first);
    const prev = tokens[p]?.lower ?? '';
    const prev2 = tokens[p - 1]?.lower ?? '';
    if (TIME_OPEN_AFTER.has(prev) && !(prev === 'from' && found.times.length > 1)) {
      to = null;
      start = tokens[p]!.start;
      trace.push(`time: open after "${prev}"`);
    } else if (TIME_OPEN_BEFORE.has(prev) || (prev === 'to' && TIME_OPEN_BEFORE.has(prev2))) {
      from = null;
      start = tokens[prev === 'to' ? p - 1 : p]!.start;
      trace.push(`time: open before "${prev}"`);
    }
  }
  const s = t.interval.start;
  const month =
    (t.precision === 'month' || t.precision === 'day') &&
    s !== null &&
    s.length >= 7 &&
    t.interval.end?.slice(0, 7) === s.slice(0, 7)
      ? s.slice(0, 7)
      : null;
  return {
    time: { from, to, month, precision: t.precision, text: original.slice(start, end) },
    span: { start, end },
  };
}

/**
 * HACK: a year standing alone ("Number of North Koreans in Russia, 2006?"), which the times
 * annotator leaves to the numbers (in prose a bare four-digit number is as often an identifier).
 * In a question nothing else names a year that way. Only 1800..2099, only as a whole token.
 */
function bareYear(tokens: readonly Token[], found: Found): TimeExpr | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== 'number' || !/^(?:18|19|20)\d\d$/.test(t.text)) continue;
    if (found.places.some((p) => overlaps(p, t)) || found.entities.some((e) => overlaps(e, t))) continue;
    const y = t.text;
    return {
      start: t.start,
      end: t.end,
      text: t.text,
      rule: 'question: bare year',
      interval: { start: y, end: y },
      precision: 'year',
      edtf: y,
      approximate: false,
      bound: 'interval',
      relative: false,
    };
  }
  return undefined;
}

/** Indexes of tokens that are a subject right after an auxiliary ("did Ukraine capture"). */
function afterAuxiliary(tokens: readonly Token[], first: number): boolean {
  const p = wordBefore(tokens, first);
  return p >= 0 && AUXILIARIES.has(tokens[p]!.lower);
}

/** The verb after a subject, skipping adverbs ("does Russia currently host"). */
function verbAfter(tokens: readonly Token[], last: number): string {
  let k = last + 1;
  while (k < tokens.length && tokens[k]!.lower.endsWith('ly')) k++;
  return tokens[k]?.lower ?? '';
}

/**
 * The group asked about: the first group named outside the time. A group in subject position
 * after an auxiliary is an actor when another group is asked about ("How many North Korean
 * soldiers did Ukrainian forces capture?"). A national noun alone ("North Koreans", "Koreans",
 * "Vietnamese people") is `general`: a question about them asks about everyone, where the
 * groups annotator reads a bare ethnonym in prose as an ethnic community.
 */
function findGroup(
  tokens: readonly Token[],
  found: Found,
  timeSpan: Span | null,
  trace: string[],
): { group: ParsedQuestion['group']; span: Span | null; actors: GroupMention[] } {
  const candidates = found.groups.filter((g) => !overlaps(g, timeSpan));
  const actors: GroupMention[] = [];
  let chosen: GroupMention | null = null;
  for (const g of candidates) {
    if (candidates.length > 1 && afterAuxiliary(tokens, tokenAt(tokens, g.start))) actors.push(g);
    else chosen ??= g;
  }
  if (chosen === null && actors.length > 0) chosen = actors.shift()!;
  if (chosen !== null && POPULATION_HEADS.has(chosen.head)) {
    // "the population of Koreans in Kamchatka": the group is the one the population is of
    const k = lastTokenBefore(tokens, chosen.end) + 1;
    const of = candidates.find((g) => g !== chosen && tokens[k]?.lower === 'of' && tokenAt(tokens, g.start) === k + 1);
    if (of !== undefined) {
      trace.push(`group: population of "${of.label}"`);
      chosen = of;
    }
  }
  if (chosen === null) {
    const t = tokens.find((x) => BARE_PEOPLE.has(x.lower) && !overlaps(x, timeSpan));
    if (t === undefined) return { group: null, span: null, actors };
    trace.push(`group: bare "${t.lower}"`);
    return { group: { kind: 'general', head: t.lower, label: t.text }, span: t, actors };
  }
  let kind = chosen.kind;
  if (kind !== 'general' && nationalOnly(tokens, found, chosen)) {
    trace.push(`group: national noun "${chosen.label}" -> general`);
    kind = 'general';
  } else trace.push(`group: ${chosen.rule}`);
  return { group: { kind, head: chosen.head, label: chosen.label }, span: chosen, actors };
}

const QUANTITY_INTENTS: ReadonlySet<Intent> = new Set<Intent>(['how-many', 'how-much', 'what-share', 'unknown']);
const POPULATION_HEADS = new Set(['population', 'populations', 'community', 'communities']);
const NATIONAL_HEADS = new Set(['people', 'peoples', 'nationals', 'citizens', 'population', 'populations']);

/**
 * One nationality and nothing else: "North Koreans", "Korean people", "Vietnamese". Two
 * ("Soviet Koreans") name an ethnic community of another state, which the annotator's kind keeps.
 */
function nationalOnly(tokens: readonly Token[], found: Found, g: GroupMention): boolean {
  const demonyms = found.places.filter((p) => p.role === 'demonym' && inside(p, g));
  if (demonyms.length !== 1) return false;
  for (let k = tokenAt(tokens, g.start); k < tokens.length && tokens[k]!.end <= g.end; k++) {
    const t = tokens[k]!;
    if (t.type !== 'word' || inside(t, demonyms[0]!)) continue;
    if (!(NATIONAL_HEADS.has(t.lower) && t.end === g.end)) return false;
  }
  return true;
}

/**
 * What is counted: the intent first (how much -> money, what share -> share), then the question's
 * verbs and nouns. A strong cue (arriving, leaving, dying, being paid) beats a weak one (being
 * somewhere) wherever it stands; words inside the time or the group's modifiers do not count
 * ("deported Koreans" names who, "after the deportation" names when).
 */
function findMeasure(
  tokens: readonly Token[],
  intent: Intent,
  timeSpan: Span | null,
  group: GroupMention | Span | null,
  taken: Taken,
  trace: string[],
): Measure | null {
  let strong: { measure: Measure; words: string } | null = null;
  let weak: { measure: Measure; words: string } | null = null;
  const moneyAllowed = intent !== 'how-many';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.type !== 'word' || overlaps(t, timeSpan)) continue;
    if (group !== null && inside(t, group) && t.end !== group.end) continue;
    const cue = cueAt(MEASURE_INDEX, tokens, i);
    if (cue === null) continue;
    // every cue is a verb or noun of the question's frame, none a keyword ("were ... working")
    taken.spans.push({ start: t.start, end: tokens[i + cue.words.length - 1]!.end });
    i += cue.words.length - 1;
    const { measure } = cue.value;
    const hit = { measure, words: cue.words.join(' ') };
    if (cue.value.weak) weak ??= hit;
    else if (measure !== 'money' || moneyAllowed) strong ??= hit;
  }
  if (intent === 'how-much' || intent === 'what-share') {
    const fixed: Measure = intent === 'how-much' ? 'money' : 'share';
    trace.push(`measure: ${intent} -> ${fixed}`);
    return fixed;
  }
  const best = strong ?? weak;
  if (best === null) return null;
  trace.push(`measure: "${best.words}" -> ${best.measure}`);
  return best.measure;
}

/** A money word within three words after a possessive: "North Korea's (yearly) revenue". */
function ownsMoney(tokens: readonly Token[], from: number): boolean {
  for (let k = from + 1; k <= from + 3 && k < tokens.length; k++) {
    const c = cueAt(MEASURE_INDEX, tokens, k);
    if (c !== null && c.value.measure === 'money') return true;
  }
  return false;
}

type Role = 'in' | 'to' | 'from';

interface PlaceCandidate {
  mention: PlaceMention;
  role: Role;
  /** lower is better */
  rank: number;
}

const ROLE_ORDER: Record<string, readonly Role[]> = {
  arrivals: ['to', 'in', 'from'],
  departures: ['from', 'in', 'to'],
  default: ['in', 'to', 'from'],
};

interface PlacesFound {
  place: PlaceCandidate | null;
  all: Array<{ place: PlaceRef; role: Role }>;
  actors: Array<{ name: string; span: Span }>;
}

/**
 * Where the question asks about, and which named places act instead. A place is an actor as
 * the subject after an auxiliary ("did Ukraine capture"), as a passive's agent ("captured by
 * Ukraine"), in an office ("the governor of Primorsky Krai"), or opening the question before
 * its verb ("Ukraine captured how many ..."); but the subject of a verb of holding is where
 * ("does Russia host"). Demonyms never are places; places inside the time or the group's label
 * are theirs ("Sakhalin Koreans"). Among the rest, the preposition decides: a destination first
 * for arrivals, an origin first for departures, else "in"; then the earliest.
 */
function findPlaces(
  tokens: readonly Token[],
  text: string,
  found: Found,
  measure: Measure | null,
  timeSpan: Span | null,
  groupSpan: Span | null,
  trace: string[],
): PlacesFound {
  const order = ROLE_ORDER[measure ?? 'default'] ?? ROLE_ORDER.default!;
  const actors: PlacesFound['actors'] = [];
  const all: PlacesFound['all'] = [];
  let best: PlaceCandidate | null = null;
  const moving = measure === 'arrivals' || measure === 'departures';
  for (const m of found.places) {
    if (m.role !== 'place' || overlaps(m, timeSpan) || overlaps(m, groupSpan)) continue;
    const first = tokenAt(tokens, m.start);
    const last = lastTokenBefore(tokens, m.end);
    const p = wordBefore(tokens, first);
    const prev = tokens[p];
    const prevWord = prev?.lower ?? '';
    const verb = verbAfter(tokens, last);
    let role: Role | null = null;
    let weakOf = false;
    const possessive = /^['’]s\b/.test(text.slice(m.end, m.end + 3));
    let titleEnd = possessive ? last + 1 : last;
    while (titleEnd + 1 < tokens.length && TITLE_NOUNS.has(tokens[titleEnd + 1]!.lower)) titleEnd++;
    if (titleEnd > (possessive ? last + 1 : last) || (possessive && ownsMoney(tokens, last + 1))) {
      // "the Primorsky Krai governor", "Russia's government", "North Korea's yearly revenue"
      const end = Math.max(m.end, tokens[titleEnd]!.end);
      const name = possessive && titleEnd === last + 1 ? m.text : text.slice(m.start, end);
      actors.push({ name, span: { start: m.start, end } });
      trace.push(`actor: "${m.text}" holds an office or an income`);
      continue;
    }
    if (possessive && !PLACE_PREPOSITIONS.has(prevWord)) {
      // "Russia's North Korean workers": where, but weaker than a preposition
      role = 'in';
      weakOf = true;
    } else if (AUXILIARIES.has(prevWord)) {
      if (HOST_VERBS.has(verb)) {
        role = 'in';
        trace.push(`place: "${m.text}" holds the group ("${verb}")`);
      } else {
        actors.push({ name: m.text, span: m });
        trace.push(`actor: place "${m.text}" as subject`);
        continue;
      }
    } else if (prevWord === AGENT_PREPOSITION) {
      actors.push({ name: m.text, span: m });
      trace.push(`actor: place "${m.text}" as agent`);
      continue;
    } else if (prevWord === 'of' && p > 0 && TITLE_NOUNS.has(tokens[p - 1]!.lower)) {
      let s = p - 1;
      while (s > 0 && TITLE_NOUNS.has(tokens[s - 1]!.lower)) s--;
      actors.push({ name: text.slice(tokens[s]!.start, m.end), span: { start: tokens[s]!.start, end: m.end } });
      trace.push(`actor: office of "${m.text}"`);
      continue;
    } else if (
      prevWord === 'from' &&
      measure !== 'departures' &&
      groupSpan !== null &&
      tokens[p - 1]?.end === groupSpan.end
    ) {
      // "soldiers from North Korea" says who they are, as "North Korean soldiers" does
      all.push({ place: m.place, role: 'from' });
      trace.push(`place: "${m.text}" is the group's origin`);
      continue;
    } else if (PLACE_PREPOSITIONS.has(prevWord)) {
      const r = PLACE_PREPOSITIONS.get(prevWord)!;
      weakOf = r === 'of';
      role = r === 'of' ? 'in' : r;
    } else if (prevWord === DESTINATION_FOR && moving) {
      role = 'to';
    } else if (prev !== undefined && prev.type === 'word' && knownVerb(prevWord)) {
      // a direct object: "left Sakhalin", "entered Russia", "visit Russia"
      const cue = MEASURE_INDEX.get(prevWord)?.find((c) => c.words.length === 1)?.value;
      role =
        cue?.measure === 'departures'
          ? 'from'
          : cue?.measure === 'arrivals' || QUESTION_EVENT_VERBS.has(prevWord)
            ? 'to'
            : 'in';
    } else if (knownVerb(verb) && !HOST_VERBS.has(verb) && !BE_AUXILIARIES.has(verb)) {
      // a subject before its verb: "Ukraine captured how many ...", "that North Korea sent troops"
      actors.push({ name: m.text, span: m });
      trace.push(`actor: place "${m.text}" before its verb`);
      continue;
    } else {
      role = 'in';
    }
    const rank = order.indexOf(role) + (weakOf ? 0.5 : 0);
    all.push({ place: m.place, role });
    if (best === null || rank < best.rank) best = { mention: m, role, rank };
  }
  if (best !== null) trace.push(`place: ${best.role} "${best.mention.text}"`);
  return { place: best, actors, all };
}

/**
 * Persons and organisations the entities annotator names, and, for the names it leaves alone in
 * a question ("When did Putin meet ..."), a run of capitalised words after an auxiliary.
 */
function findEntityActors(
  tokens: readonly Token[],
  text: string,
  found: Found,
  timeSpan: Span | null,
  trace: string[],
): Array<{ name: string; span: Span }> {
  const out: Array<{ name: string; span: Span }> = [];
  for (const e of found.entities) {
    if (e.kind === 'other' || overlaps(e, timeSpan)) continue;
    if (INTENT_INDEX.has(e.name.toLowerCase()) || WH_WORDS.has(e.name.toLowerCase())) continue;
    out.push({ name: e.name, span: e });
  }
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!AUXILIARIES.has(tokens[i]!.lower) && !BE_AUXILIARIES.has(tokens[i]!.lower)) continue;
    let j = i + 1;
    while (
      j < tokens.length &&
      j - i - 1 < NAME_RUN_MAX &&
      capitalised(tokens[j]!) &&
      !STOP_WORDS.has(tokens[j]!.lower)
    )
      j++;
    if (j === i + 1) continue;
    const span = { start: tokens[i + 1]!.start, end: tokens[j - 1]!.end };
    const known =
      found.places.some((p) => overlaps(p, span)) ||
      found.groups.some((g) => overlaps(g, span)) ||
      found.entities.some((e) => overlaps(e, span));
    if (known || overlaps(span, timeSpan) || MONTHS.has(tokens[i + 1]!.lower)) continue;
    out.push({ name: text.slice(span.start, span.end), span });
    trace.push(`actor: capitalised name after "${tokens[i]!.lower}"`);
  }
  return out;
}

function capitalised(t: Token): boolean {
  if (t.type !== 'word') return false;
  const c = t.text.charAt(0);
  return c !== c.toLowerCase();
}

function findPer(tokens: readonly Token[], found: Found, timeSpan: Span | null, taken: Taken, trace: string[]): Per {
  const r = found.rates.find((x) => !overlaps(x, timeSpan));
  if (r !== undefined) {
    taken.spans.push(r);
    trace.push(`per: ${r.rule}`);
    return r.per;
  }
  for (let i = 0; i < tokens.length; i++) {
    if (overlaps(tokens[i]!, timeSpan)) continue;
    const cue = cueAt(RATE_INDEX, tokens, i);
    if (cue === null) continue;
    taken.spans.push({ start: tokens[i]!.start, end: tokens[i + cue.words.length - 1]!.end });
    trace.push(`per: "${cue.words.join(' ')}"`);
    return cue.value;
  }
  return null;
}

function findModality(
  tokens: readonly Token[],
  found: Found,
  hasActor: boolean,
  taken: Taken,
  trace: string[],
): Modality | null {
  const m = found.modalities[0];
  if (m !== undefined) {
    taken.spans.push(m);
    // Workaround: the modalities annotator reads a bare "suggest" as estimated ("Estimates suggest
    // that ..."); "did Sergey Darkin suggest" has a person suggesting, which is a proposal.
    const mine = MODALITY_CUES.get(m.text.toLowerCase());
    if (hasActor && mine === 'proposed' && m.modality === 'estimated') {
      trace.push(`modality: "${m.text}" with an actor -> proposed`);
      return mine;
    }
    trace.push(`modality: ${m.rule}`);
    return m.modality;
  }
  for (const t of tokens) {
    const modality = MODALITY_CUES.get(t.lower);
    if (modality === undefined) continue;
    taken.spans.push(t);
    trace.push(`modality: "${t.lower}"`);
    return modality;
  }
  return null;
}

/** Event types of the question's verbs: the events annotator, then the question-form verbs it skips. */
function findEvents(
  tokens: readonly Token[],
  found: Found,
  timeSpan: Span | null,
  personGoes: boolean,
  taken: Taken,
  trace: string[],
): EventType[] {
  const hits: Array<{ at: number; type: EventType }> = [];
  for (const e of found.events) {
    if (overlaps(e, timeSpan)) continue;
    hits.push({ at: e.start, type: e.type });
    taken.spans.push(e);
  }
  for (const t of tokens) {
    const type =
      QUESTION_EVENT_VERBS.get(t.lower) ?? (personGoes && PERSON_VISIT_VERBS.has(t.lower) ? 'visit' : undefined);
    if (type === undefined || overlaps(t, timeSpan)) continue;
    taken.spans.push(t);
    if (hits.some((h) => h.type === type)) continue;
    hits.push({ at: t.start, type });
    trace.push(`event: question verb "${t.lower}"`);
  }
  hits.sort((a, b) => a.at - b.at);
  const out: EventType[] = [];
  for (const h of hits) if (!out.includes(h.type)) out.push(h.type);
  return out;
}

function findKeywords(tokens: readonly Token[], taken: Taken): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (t.type === 'punct' || t.end - t.start < 2) continue;
    if (STOP_WORDS.has(t.lower) || taken.spans.some((s) => overlaps(t, s))) continue;
    if (t.type === 'word' && (AUXILIARIES.has(t.lower) || BE_AUXILIARIES.has(t.lower))) continue;
    if (!out.includes(t.lower)) out.push(t.lower);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

function parse(q: string): ParsedQuestion {
  const trace: string[] = [];
  const text = recase(q, trace);
  const tokens = tokenize(text);
  const ctx: SentenceContext = { text, sentence: { start: 0, end: text.length, index: 0, section: null }, tokens };
  const found = annotate(ctx);
  const taken: Taken = { spans: [] };

  let { intent, span: intentSpan, wh } = findIntent(tokens, trace);
  if (intent === 'unknown' && !wh) ({ intent, span: intentSpan } = looseIntent(tokens, trace));
  if (intentSpan !== null) taken.spans.push(intentSpan);

  const timeFound = findTime(tokens, found, q, trace);
  const timeSpan = timeFound?.span ?? null;
  if (timeSpan !== null) taken.spans.push(timeSpan);

  const { group, span: groupSpan, actors: groupActors } = findGroup(tokens, found, timeSpan, trace);
  if (groupSpan !== null) taken.spans.push(groupSpan);

  // A bare "what" decides by its verb: "What did North Korea earn?" asks an amount, "What did
  // Kim Jong Il do in Vladivostok?" and "What did Darkin propose?" what happened.
  if (intent === 'unknown' && wh) {
    let moneyVerb = false;
    for (let i = 0; i < tokens.length && !moneyVerb; i++) {
      const c = cueAt(MEASURE_INDEX, tokens, i);
      moneyVerb = c !== null && c.value.measure === 'money' && !overlaps(tokens[i]!, timeSpan);
    }
    if (moneyVerb) {
      intent = 'how-much';
      trace.push('intent: "what" + money verb -> how much');
    } else if (
      tokens.some((t) => DO_VERBS.has(t.lower) || QUESTION_EVENT_VERBS.has(t.lower)) ||
      found.events.some((e) => !overlaps(e, timeSpan))
    ) {
      // "What did Sergey Darkin propose?", "What did Kim Jong Il do there?": the event is asked about
      intent = 'what-happened';
      trace.push('intent: "what" + event verb -> what happened');
    } else {
      ({ intent, span: intentSpan } = looseIntent(tokens, trace));
      if (intentSpan !== null) taken.spans.push(intentSpan);
    }
  }

  let measure = findMeasure(tokens, intent, timeSpan, groupSpan, taken, trace);
  if (measure !== null && group === null && !QUANTITY_INTENTS.has(intent)) {
    // "When was Kim Jong Il's visit to Russia?": nothing is counted, "was" only links the words
    trace.push('measure: none without a group');
    measure = null;
  }
  const places = findPlaces(tokens, text, found, measure, timeSpan, groupSpan, trace);
  const place: PlaceRef | null = places.place?.mention.place ?? null;
  // every place name is taken, chosen or not: it is a name, not a word to rank text by
  for (const p of found.places) taken.spans.push(p);

  if (measure === null && intent === 'how-many' && group !== null && (place === null || places.place?.role === 'in')) {
    // "Number of North Korean workers in Russia in 2006?": no verb, and being somewhere is implied
    measure = 'population';
    trace.push('measure: implied population (how many, no verb)');
  }

  const actorList = [
    ...findEntityActors(tokens, text, found, timeSpan, trace),
    ...places.actors,
    ...groupActors.map((g) => ({ name: g.label, span: g as Span })),
  ].sort((a, b) => a.span.start - b.span.start);
  const actors: string[] = [];
  const actorSpans: Span[] = [];
  for (const a of actorList) {
    taken.spans.push(a.span);
    // two readings of one name ("the governor of Primorsky Krai" as an entity and as an office)
    if (actors.includes(a.name) || actorSpans.some((s) => overlaps(s, a.span))) continue;
    actors.push(a.name);
    actorSpans.push(a.span);
  }

  const per = findPer(tokens, found, timeSpan, taken, trace);
  const modality = findModality(tokens, found, actors.length > 0, taken, trace);
  const eventTypes = findEvents(tokens, found, timeSpan, group === null && actors.length > 0, taken, trace);
  const keywords = findKeywords(tokens, taken);

  const parsed: ParsedQuestion = {
    question: q,
    intent,
    group,
    place,
    time: timeFound?.time ?? null,
    measure,
    per,
    modality,
    eventTypes,
    actors,
    keywords,
    trace,
  };
  if (places.place !== null) parsed.placeRole = places.place.role;
  if (places.all.length > 0) parsed.places = places.all;
  return parsed;
}
