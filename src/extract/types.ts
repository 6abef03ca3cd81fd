/**
 * Shared vocabulary of the extract layer. Offsets are always half-open UTF-16 indexes into the
 * document's text (`text.slice(start, end)` is the expression). Words follow the extraction
 * contract in ../shared/eval/README.md: span, sentence, claim, event, measure, group, place,
 * source, modality, low/high/approx.
 */

export interface Span {
  start: number;
  end: number;
}

/** One token of a sentence: a run of letters/digits (with inner `,.'’-`), or one other character. */
export interface Token extends Span {
  /** the token's text as written */
  text: string;
  /** lower-cased text, for lexicon look-ups */
  lower: string;
  /** word: starts with a letter; number: starts with a digit; punct: anything else */
  type: 'word' | 'number' | 'punct';
  /**
   * The number of its spelling: tokens written alike share it while the tokenizer's table of
   * spellings lasts, so a fact that depends only on the spelling is worked out once per
   * spelling (SpellingMemo in tokenize.ts). -1 for a token the tokenizer did not intern.
   */
  id: number;
  /** the spellingBit tests its spelling passes, one bit each (hasSpellingBit in tokenize.ts) */
  bits: number;
}

export interface Sentence extends Span {
  /** index of the sentence in the document */
  index: number;
  /** index of the innermost section holding it, or null before the first heading */
  section: number | null;
}

export type Approx = 'exact' | 'about' | 'at-least' | 'at-most' | 'range' | 'vague';
export type Per = 'year' | 'month' | 'week' | 'day' | null;
export type Measure = 'population' | 'arrivals' | 'departures' | 'share' | 'money' | 'count' | 'other';
export type GroupKind = 'workers' | 'students' | 'soldiers' | 'refugees' | 'community' | 'general' | 'other';
export type Modality = 'asserted' | 'estimated' | 'reported' | 'proposed' | 'denied';
export const EVENT_TYPES = [
  'agreement',
  'visit',
  'recruitment',
  'study',
  'deployment',
  'training',
  'combat',
  'casualties',
  'capture',
  'evacuation',
  'repatriation',
  'deportation',
  'abduction',
  'assassination',
  'escape',
  'proposal',
  'condemnation',
  'denial',
  'sanction',
  'other',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Every annotation records the rule that made it, so a trace says why it exists. */
export interface Annotation extends Span {
  text: string;
  rule: string;
}

/**
 * A number expression. `dimension` says what it counts: only `count`, `percent` and `money`
 * can become claims about people; the rest (years, ordinals, identifiers, ages, durations,
 * distances, sizes) are kept so later refiners know those characters are taken.
 * e.g. "roughly 15,000 to 20,000" -> low 15000, high 20000, approx range, dimension count.
 */
export interface Quantity extends Annotation {
  dimension:
    | 'count'
    | 'percent'
    | 'money'
    | 'year'
    | 'ordinal'
    | 'identifier'
    | 'age'
    | 'duration'
    | 'distance'
    | 'other';
  low: number | null;
  high: number | null;
  approx: Approx;
  /** hedge words as written ("roughly", "more than"), if any */
  hedge: string | null;
  /** `percent`, an ISO 4217 code for money, `km`/`year`/... for non-counts, null for plain counts */
  unit: string | null;
  per: Per;
  /** a noun written right after the number that it counts ("troops" in "12,000 troops"), lower-cased */
  counted: string | null;
}

export type TimePrecision = 'day' | 'month' | 'season' | 'year' | 'decade' | 'century';

/**
 * A time expression normalised to an interval. "in 1966 or 1967" -> interval 1966..1967,
 * precision year, edtf "1966/1967"; "since 2015" -> interval 2015..null (open).
 */
export interface TimeExpr extends Annotation {
  /**
   * ISO 8601 partial dates ("1946", "2007-11", "2019-12-22"); `start` null for an open start
   * ("until 1991"), `end` null for an open end ("since 2015").
   */
  interval: { start: string | null; end: string | null };
  precision: TimePrecision;
  /** Extended Date/Time Format string, e.g. `194X`, `1966/1967`, `2024-10~`, `2015/..` */
  edtf: string;
  /** fuzzy boundaries ("the late 1940s", "by 2006", "as early as 1994") */
  approximate: boolean;
  /** how the interval is bounded: a point/interval, or open before/after the anchor */
  bound: 'interval' | 'before' | 'after';
  /** true when the value was resolved against the document date or an earlier time */
  relative: boolean;
}

export type PlaceKind = 'country' | 'region' | 'city' | 'feature';

export interface PlaceRef {
  /** gazetteer id, e.g. `RU`, `RU-PRI`, `city:RU:Vladivostok`, `feature:russian-far-east` */
  id: string;
  name: string;
  kind: PlaceKind;
  lat: number | null;
  lon: number | null;
  /** ids from the nearest parent to the farthest: Vladivostok -> RU-PRI, feature:russian-far-east, RU */
  parents: string[];
}

/**
 * A place name in the text. `role: demonym` marks an adjective of nationality ("North Korean
 * workers", "Russian troops"): it names who, not where, and claim assembly treats it so.
 */
export interface PlaceMention extends Annotation {
  role: 'place' | 'demonym';
  place: PlaceRef;
}

/** A group of people named in the text: "North Korean migrant workers" -> workers. */
export interface GroupMention extends Annotation {
  kind: GroupKind;
  /** the head noun, lower-cased ("workers") */
  head: string;
  /** the noun phrase as written, e.g. "North Korean migrant workers" */
  label: string;
}

/** Who the text says states something: "according to Ukrainian intelligence". */
export interface Attribution extends Annotation {
  source: string;
  /** the cue that introduced it ("according to", "estimated", "a study by") */
  cue: string;
}

/** A hedge on how a statement is known: "estimated", "reportedly", "proposed", "denied". */
export interface ModalityCue extends Annotation {
  modality: Exclude<Modality, 'asserted'>;
}

/** A rate written apart from its number: "annually", "each year", "per month" -> year, month. */
export interface RateMention extends Annotation {
  per: Exclude<Per, null>;
}

/**
 * A proper name that is neither a place nor a group: a person, an organisation or another
 * named thing ("Sergey Darkin", "Kyung Hee University", "NATO", "UNHCR", "SS Zyrianin").
 */
export interface Entity extends Annotation {
  kind: 'person' | 'organization' | 'other';
  name: string;
}

/** An event trigger: "evacuated" -> evacuation. */
export interface EventTrigger extends Annotation {
  type: EventType;
}

/** What the annotators found in one document, each list sorted by start. */
export interface Annotations {
  quantities: Quantity[];
  times: TimeExpr[];
  places: PlaceMention[];
  groups: GroupMention[];
  attributions: Attribution[];
  modalities: ModalityCue[];
  events: EventTrigger[];
  rates: RateMention[];
  entities: Entity[];
}

/** What a sentence-level annotator sees. */
export interface SentenceContext {
  /** the whole document text (offsets index into it) */
  text: string;
  sentence: Sentence;
  tokens: Token[];
}

/** Document-level facts that resolution reads (Duckling's "context"). */
export interface DocumentContext {
  /** the document date (`--date`, front matter), ISO 8601, or null */
  date: string | null;
}
