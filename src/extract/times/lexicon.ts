/**
 * Data for the `times` annotator: words and their values, no logic. Every list is keyed by the
 * tokenizer's lower-case text; named-period phrases are stored with both `'` and `’`.
 */

import { ORDINALS, TENS, UNITS } from '../numbers/lexicon.js';

/** Month names and the abbreviations news copy uses ("Oct. 9", "Sept. 2019"); value 1..12. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1],
  ['february', 2],
  ['march', 3],
  ['april', 4],
  ['may', 5],
  ['june', 6],
  ['july', 7],
  ['august', 8],
  ['september', 9],
  ['october', 10],
  ['november', 11],
  ['december', 12],
  ['jan', 1],
  ['feb', 2],
  ['mar', 3],
  ['apr', 4],
  ['jun', 6],
  ['jul', 7],
  ['aug', 8],
  ['sep', 9],
  ['sept', 9],
  ['oct', 10],
  ['nov', 11],
  ['dec', 12],
]);

/**
 * Abbreviations count only before a day or a year: "Jan" and "Dec" are names, "Mar" and "Sep"
 * appear in other senses, and a bare abbreviation in prose is rare.
 */
export const MONTH_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

/**
 * Words that make a following month name a month when neither a day nor a year follows it.
 * "May", "March" and "August" are also a verb, a noun and an adjective, and "April" or "June"
 * are names, so "in May" counts but "May Day" alone or "the Arduous March" do not.
 */
export const MONTH_CUES: ReadonlySet<string> = new Set([
  'in',
  'on',
  'since',
  'by',
  'until',
  'till',
  'from',
  'during',
  'of',
  'early',
  'mid',
  'late',
  'between',
  'to',
  'through',
  'before',
  'after',
  'last',
  'next',
  'this',
  'that',
]);

export interface SeasonInfo {
  /** EDTF level-1 season code (21 spring .. 24 winter) */
  code: 21 | 22 | 23 | 24;
  /** first and last month, northern-hemisphere meteorological seasons; winter ends in the next year */
  from: number;
  to: number;
}

export const SEASONS: ReadonlyMap<string, SeasonInfo> = new Map([
  ['spring', { code: 21, from: 3, to: 5 }],
  ['summer', { code: 22, from: 6, to: 8 }],
  ['autumn', { code: 23, from: 9, to: 11 }],
  ['fall', { code: 23, from: 9, to: 11 }],
  ['winter', { code: 24, from: 12, to: 2 }],
] as const);

/**
 * Narrowing words written before a year, decade, century, month or named period.
 * `early`/`mid`/`late` split the unit in thirds; halves are exact; `start`/`end` narrow a named
 * period to its first or last year but act as early/late on a calendar unit ("the end of 2024").
 */
export type Part =
  | 'early'
  | 'mid'
  | 'late'
  | 'early-mid'
  | 'mid-late'
  | 'first-half'
  | 'second-half'
  | 'start'
  | 'end'
  | 'turn'
  | 'q1'
  | 'q2'
  | 'q3'
  | 'q4';

/** One-token part words ("mid-to-late" is a single token: the tokenizer keeps inner hyphens). */
export const PART_WORDS: ReadonlyMap<string, Part> = new Map<string, Part>([
  ['early', 'early'],
  ['mid', 'mid'],
  ['late', 'late'],
  ['mid-to-late', 'mid-late'],
  ['middle-to-late', 'mid-late'],
  ['early-to-mid', 'early-mid'],
  ['early-to-late', 'early'],
]);

/**
 * Part phrases, written as they read; the annotator matches them backwards from the expression
 * they qualify, longest first. "the latter half of the Japanese colonial era" -> second half.
 */
export const PART_PHRASES: readonly (readonly [string, Part])[] = [
  ['the end of', 'end'],
  ['the very end of', 'end'],
  ['end of', 'end'],
  ['the close of', 'end'],
  ['the beginning of', 'start'],
  ['the start of', 'start'],
  ['start of', 'start'],
  ['beginning of', 'start'],
  ['the outbreak of', 'start'],
  ['the onset of', 'start'],
  ['the dawn of', 'start'],
  ['the middle of', 'mid'],
  ['the first half of', 'first-half'],
  ['the early part of', 'early'],
  ['the first part of', 'early'],
  ['the second half of', 'second-half'],
  ['the latter half of', 'second-half'],
  ['the later half of', 'second-half'],
  ['the latter part of', 'late'],
  ['the later part of', 'late'],
  ['the last part of', 'late'],
  ['the turn of', 'turn'],
  ['the first quarter of', 'q1'],
  ['the second quarter of', 'q2'],
  ['the third quarter of', 'q3'],
  ['the fourth quarter of', 'q4'],
  ['the last quarter of', 'q4'],
  ['the final quarter of', 'q4'],
];

/**
 * How a bound word changes the interval it governs. `take` narrows the governed interval to
 * its start or end; `open` then removes one side. "since the late 1980s" -> take start (1986),
 * open end; "by 2006" -> the whole of 2006, approximate, bound before.
 */
export interface BoundOp {
  bound: 'before' | 'after';
  take: 'start' | 'end' | 'whole';
  open: 'start' | 'end' | null;
  approximate: boolean;
}

const BY: BoundOp = { bound: 'before', take: 'whole', open: null, approximate: true };
const SINCE: BoundOp = { bound: 'after', take: 'start', open: 'end', approximate: false };
const AFTER: BoundOp = { bound: 'after', take: 'end', open: 'end', approximate: false };
const UNTIL: BoundOp = { bound: 'before', take: 'end', open: 'start', approximate: false };
const BEFORE: BoundOp = { bound: 'before', take: 'start', open: 'start', approximate: false };
const AS_EARLY_AS: BoundOp = { bound: 'before', take: 'start', open: null, approximate: true };
const AS_LATE_AS: BoundOp = { bound: 'after', take: 'end', open: null, approximate: true };

/**
 * Bound phrases, as written, matched backwards from the expression, longest first. "by" reads
 * as "as of": "By 2006, more than 10,000 ... entered" states a fact of 2006, so the interval is
 * 2006 itself (approximate, bound before) rather than an open `../2006`.
 * "before 1945" and "after 2000" keep the named year in the interval (1945 and 2000 are not
 * strictly inside): the endpoints are fuzzy anyway, and a scorer with a tolerance wants the year.
 */
export const BOUND_PHRASES: readonly (readonly [string, BoundOp])[] = [
  ['by', BY],
  ['as of', BY],
  ['since', SINCE],
  ['ever since', SINCE],
  ['starting in', SINCE],
  ['starting from', SINCE],
  ['beginning in', SINCE],
  ['after', AFTER],
  ['following', AFTER],
  ['in the wake of', AFTER],
  ['in the aftermath of', AFTER],
  ['until', UNTIL],
  ['till', UNTIL],
  ['through', UNTIL],
  ['up until', UNTIL],
  ['up to', UNTIL],
  ['no later than', UNTIL],
  ['before', BEFORE],
  ['prior to', BEFORE],
  ['as early as', AS_EARLY_AS],
  ['as late as', AS_LATE_AS],
  ['as recently as', AS_LATE_AS],
];

/**
 * Words before "before"/"after" that make it a point near the governed time, not an open
 * bound: "days before Japan's surrender" is August 1945, not "any time before".
 */
export const NEAR_WORDS: ReadonlySet<string> = new Set([
  'days',
  'weeks',
  'months',
  'hours',
  'shortly',
  'soon',
  'just',
  'immediately',
  'right',
  'directly',
]);

/** Number words for "the next forty years", "two years later", "a decade ago". */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['a', 1],
  ['an', 1],
  // the cardinals are the numbers lexicon's own (Time depends on Numeral, as in Duckling)
  ...[...UNITS].filter(([, n]) => n > 0),
  ...TENS,
  ['hundred', 100],
]);

/** Vague counts in "the next few years": kept, but the result is approximate. */
export const VAGUE_NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['few', 3],
  ['several', 5],
  ['couple', 2],
]);

/** Ordinals that name centuries in words ("the nineteenth century"). */
export const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map([
  // the century ordinals are the numbers' own ordinals (Time depends on Numeral, as in Duckling)
  ...[...ORDINALS].filter(([, n]) => n <= 20),
  ['twenty-first', 21],
]);

/** Units for relative spans and shifts, in years; months and shorter only blur the anchor year. */
export const UNIT_YEARS: ReadonlyMap<string, number> = new Map([
  ['year', 1],
  ['years', 1],
  ['decade', 10],
  ['decades', 10],
  ['century', 100],
  ['centuries', 100],
  ['month', 0],
  ['months', 0],
  ['week', 0],
  ['weeks', 0],
  ['day', 0],
  ['days', 0],
]);

/**
 * Words right before a 4-digit number that make it a year ("in 1947", "since 2015"). "of" and
 * "by"/"from" carry extra conditions in rules.ts ("a total of 1500", "rose by 1500").
 */
export const YEAR_CUES: ReadonlySet<string> = new Set([
  'in',
  'since',
  'by',
  'until',
  'till',
  'til',
  'during',
  'from',
  'after',
  'before',
  'circa',
  'ca',
  'throughout',
  'between',
  'early',
  'mid',
  'late',
  'year',
  'fiscal',
  'fy',
  'of',
  'spring',
  'summer',
  'autumn',
  'fall',
  'winter',
  'following',
  'through',
  'pre',
  'post',
  'as',
]);

/** Verbs of change: "rose by 1500", "fell from 2000 to 1500" are amounts, not years. */
export const CHANGE_VERBS: ReadonlySet<string> = new Set([
  'increase',
  'increased',
  'increases',
  'rose',
  'rise',
  'rises',
  'risen',
  'grew',
  'grow',
  'grown',
  'fell',
  'fall',
  'fallen',
  'dropped',
  'drop',
  'declined',
  'decline',
  'decreased',
  'decrease',
  'reduced',
  'cut',
  'jumped',
  'climbed',
  'shrank',
  'went',
  'up',
  'down',
  'numbering',
  'totalling',
  'totaling',
]);

/** Heads that make "X of 1996" a year ("the summer of 1996", "the census of 2002"), not "a total of 1500". */
export const OF_HEADS: ReadonlySet<string> = new Set([
  'months',
  'weeks',
  'quarter',
  'quarters',
  'rest',
  'remainder',
  'course',
  'end',
  'beginning',
  'start',
  'middle',
  'half',
  'part',
  'spring',
  'summer',
  'autumn',
  'fall',
  'winter',
  'year',
  'class',
  'census',
  'elections',
  'election',
  'law',
  'act',
  'treaty',
  'agreement',
  'crisis',
  'famine',
  'war',
  'revolution',
  'uprising',
  'purge',
  'purges',
  'events',
  'reform',
  'reforms',
  'decree',
  'constitution',
  'survey',
  'report',
  'amendment',
  'wave',
  'deportation',
  'deportations',
  'resolution',
  'round',
  'season',
]);

/**
 * Record nouns that a year can modify ("the 2002 census", "a 2006 study", "Russia's 2007
 * reform"): a year used as a modifier is still a time.
 */
export const RECORD_NOUNS: ReadonlySet<string> = new Set([
  'census',
  'study',
  'survey',
  'report',
  'reform',
  'reforms',
  'election',
  'elections',
  'law',
  'agreement',
  'treaty',
  'act',
  'decree',
  'constitution',
  'olympics',
  'crisis',
  'famine',
  'war',
  'invasion',
  'uprising',
  'revolution',
  'coup',
  'summit',
  'visit',
  'deal',
  'amendment',
  'estimate',
  'estimates',
  'data',
  'figures',
  'figure',
  'budget',
  'edition',
  'referendum',
  'deportation',
  'campaign',
  'poll',
  'statistics',
  'count',
  'convention',
  'accord',
  'memorandum',
  'talks',
  'negotiations',
  'meeting',
  'conference',
  'trip',
  'trial',
  'attack',
  'attacks',
  'bombing',
  'earthquake',
  'flood',
  'floods',
  'riots',
  'protests',
  'pandemic',
  'sanctions',
  'ban',
  'decision',
  'ruling',
  'article',
  'paper',
  'book',
  'interview',
  'speech',
  'declaration',
  'armistice',
  'ceasefire',
  'offensive',
  'incursion',
  'deployment',
  'purge',
  'purges',
  'season',
  'program',
  'programme',
  'plan',
  'strategy',
  'policy',
  'law',
  'rules',
  'regulation',
  'regulations',
  'guidelines',
  'analysis',
  'record',
  'records',
  'level',
  'levels',
  'peak',
  'population',
  'registration',
  'enumeration',
  'microcensus',
  'world',
  'winter',
  'summer',
  'games',
  'cup',
  'investigation',
  'resolution',
  'letter',
  'order',
  'visa',
  'quota',
  'quotas',
  'issue',
  'version',
  'deadline',
  'target',
  'crackdown',
  'exodus',
  'influx',
  'wave',
  'boom',
  'recession',
  'collapse',
  'strike',
  'fire',
  'accident',
  'famines',
  'arrivals',
  'exchange',
  'contract',
  'contracts',
]);

/** Words a year may sit before in a noun phrase without blocking the record noun ("a 2006 Kyung Hee University study"). */
export const DETERMINERS: ReadonlySet<string> = new Set([
  'the',
  'a',
  'an',
  'its',
  'their',
  'his',
  'her',
  'our',
  'this',
  'that',
  'whose',
  'of',
  'in',
]);

/**
 * People nouns: a 4-digit number before one of these is a head count, not a year ("1000
 * workers", "1947 Koreans"). Demonym plurals ("Koreans", "Uzbeks") are caught by shape in rules.ts.
 */
export const PEOPLE_NOUNS: ReadonlySet<string> = new Set([
  'people',
  'persons',
  'person',
  'workers',
  'labourers',
  'laborers',
  'soldiers',
  'troops',
  'refugees',
  'students',
  'migrants',
  'immigrants',
  'emigrants',
  'residents',
  'citizens',
  'nationals',
  'defectors',
  'men',
  'women',
  'children',
  'families',
  'households',
  'individuals',
  'deportees',
  'prisoners',
  'captives',
  'trainees',
  'lumberjacks',
  'employees',
  'settlers',
  'inhabitants',
  'victims',
  'casualties',
  'deaths',
  'dead',
  'civilians',
  'personnel',
  'specialists',
  'members',
  'seekers',
  'fighters',
  'servicemen',
  'officers',
  'pupils',
  'visitors',
  'tourists',
  'returnees',
  'evacuees',
  'traders',
  'miners',
  'fishermen',
  'builders',
  'volunteers',
  'recruits',
  'conscripts',
  'mercenaries',
  'guests',
  'applicants',
  'others',
]);

/** Things counted, units and currencies: "124 trains", "6400 km", "1500 rubles". */
export const COUNT_NOUNS: ReadonlySet<string> = new Set([
  'trains',
  'villages',
  'km',
  'kilometres',
  'kilometers',
  'miles',
  'kg',
  'tons',
  'tonnes',
  'hectares',
  'cases',
  'units',
  'vehicles',
  'houses',
  'homes',
  'ships',
  'vessels',
  'plants',
  'factories',
  'companies',
  'firms',
  'enterprises',
  'camps',
  'sites',
  'beds',
  'rubles',
  'roubles',
  'dollars',
  'won',
  'yuan',
  'euros',
  'yen',
  'pounds',
  'usd',
  'rub',
  'visas',
  'permits',
  'metres',
  'meters',
  'm',
  'ft',
  'feet',
  'percent',
  'per',
  'of',
  'times',
  'hours',
  'minutes',
  'days',
  'calories',
  'pages',
  'words',
  'votes',
  'signatures',
  'applications',
  'documents',
  'items',
  'places',
  'spots',
  'jobs',
  'positions',
  'seats',
  'square',
  'sq',
  'million',
  'billion',
  'thousand',
]);

/** Words that put a number in a counting or identifying frame: "about 1500", "Resolution 2397". */
export const NUMBER_FRAMES: ReadonlySet<string> = new Set([
  'about',
  'around',
  'approximately',
  'roughly',
  'nearly',
  'almost',
  'some',
  'over',
  'than',
  'least',
  'another',
  'only',
  'just',
  'total',
  'totalling',
  'numbering',
  'estimated',
  'additional',
  'extra',
  'resolution',
  'article',
  'order',
  'decree',
  'flight',
  'route',
  'room',
  'unit',
  'paragraph',
  'section',
  'chapter',
  'page',
  'p',
  'pp',
  'vol',
  'volume',
  'model',
  'type',
  'iso',
  'code',
  'form',
  'no',
  'number',
  'bus',
  'train',
  'platform',
  'highway',
  'item',
  'line',
  'protocol',
  'amendment',
  'rule',
  'regulation',
  'batch',
  'rank',
  'grade',
  'level',
  '$',
  '€',
  '£',
  '¥',
  '₩',
  '₽',
  '#',
  '+',
  '×',
  'rub',
  'usd',
  'rmb',
]);

/** Era markers: "988 AD", "AD 988", "500 BC". Matched on the written case (upper). */
export const ERA_AFTER: ReadonlyMap<string, 'ad' | 'bc'> = new Map([
  ['AD', 'ad'],
  ['CE', 'ad'],
  ['BC', 'bc'],
  ['BCE', 'bc'],
]);

/**
 * Named periods. Each phrase is a lower-case token sequence; a leading "the" and a trailing
 * "era"/"period"/"years" are picked up by the rule. Dates are the conventional ones; where a
 * period is read in more than one way the comment says which reading we chose and why.
 */
export interface NamedPeriod {
  phrases: readonly string[];
  start: string;
  /** null: the period has not ended (open interval) */
  end: string | null;
  precision: 'day' | 'month' | 'year';
  note: string;
}

export const NAMED_PERIODS: readonly NamedPeriod[] = [
  {
    phrases: ['world war ii', 'world war 2', 'world war two', 'second world war', 'wwii', 'ww2', 'ww ii'],
    start: '1939',
    end: '1945',
    precision: 'year',
    note: 'September 1939 to September 1945; in Korea and Sakhalin it ends with Japan\u2019s surrender.',
  },
  {
    phrases: ['world war i', 'world war 1', 'world war one', 'first world war', 'wwi', 'ww1', 'great war'],
    start: '1914',
    end: '1918',
    precision: 'year',
    note: '1914-1918.',
  },
  {
    phrases: ['great patriotic war'],
    start: '1941',
    end: '1945',
    precision: 'year',
    note: 'The Soviet name for the war with Germany, June 1941 to May 1945.',
  },
  {
    phrases: ['pacific war'],
    start: '1941',
    end: '1945',
    precision: 'year',
    note: 'December 1941 to September 1945.',
  },
  {
    phrases: ['korean war armistice', 'korean armistice agreement', 'korean armistice'],
    start: '1953-07',
    end: '1953-07',
    precision: 'month',
    note: 'Signed 27 July 1953.',
  },
  {
    phrases: ['korean war'],
    start: '1950',
    end: '1953',
    precision: 'year',
    note: 'June 1950 to the armistice of July 1953.',
  },
  {
    phrases: ['post-korean war', 'post-war reconstruction of north korea', 'post-korean-war'],
    start: '1953',
    end: null,
    precision: 'year',
    note: 'The reconstruction period after the armistice; texts give its end themselves ("from 1953 to 1962").',
  },
  {
    phrases: ['cold war'],
    start: '1947',
    end: '1991',
    precision: 'year',
    note: 'Conventional dates: the Truman Doctrine (1947) to the Soviet collapse (1991).',
  },
  {
    phrases: [
      'japanese colonial era',
      'japanese colonial period',
      'japanese colonial rule',
      'japanese rule',
      'japanese occupation of korea',
    ],
    start: '1910',
    end: '1945',
    precision: 'year',
    note:
      'Korea under Japan, 1910-1945: this corpus is about Koreans. Hack: "Japanese rule" is read as Korea\u2019s; ' +
      'Japanese rule of Taiwan (1895) or Karafuto (1905) began earlier. A bare "colonial era" is left out: in a ' +
      'text on Vietnamese migrants it is the French one.',
  },
  {
    phrases: [
      'korean independence',
      "korea's independence",
      'liberation of korea',
      "korea's liberation",
      'korean liberation',
      'division of korea',
      "korea's division",
    ],
    start: '1945',
    end: '1945',
    precision: 'year',
    note: 'Liberation from Japan, 15 August 1945; the division of the peninsula followed at once.',
  },
  {
    phrases: [
      'establishment of north korea',
      'founding of north korea',
      'establishment of the dprk',
      'founding of the dprk',
    ],
    start: '1948-09',
    end: '1948-09',
    precision: 'month',
    note: 'The DPRK was proclaimed on 9 September 1948.',
  },
  {
    phrases: ["japan's surrender", 'japanese surrender', 'surrender of japan'],
    start: '1945-08',
    end: '1945-09',
    precision: 'month',
    note: 'Announced 15 August 1945, signed 2 September 1945.',
  },
  {
    phrases: [
      'collapse of the soviet union',
      'dissolution of the soviet union',
      'fall of the soviet union',
      'breakup of the soviet union',
      'break-up of the soviet union',
      'end of the soviet union',
      'collapse of the ussr',
      'dissolution of the ussr',
      'soviet collapse',
    ],
    start: '1991',
    end: '1991',
    precision: 'year',
    note: 'December 1991.',
  },
  {
    phrases: ['soviet era', 'soviet period', 'soviet times', 'soviet years', 'soviet rule'],
    start: '1922',
    end: '1991',
    precision: 'year',
    note: 'The Soviet Union, December 1922 to December 1991.',
  },
  {
    phrases: ['post-soviet era', 'post-soviet period', 'post-soviet years'],
    start: '1991',
    end: null,
    precision: 'year',
    note: 'From the dissolution of the Soviet Union on.',
  },
  {
    phrases: [
      'war in ukraine',
      'russian invasion of ukraine',
      "russia's invasion of ukraine",
      'full-scale invasion of ukraine',
      "russia's full-scale invasion",
      'full-scale invasion',
      'invasion of ukraine',
      "russia's war in ukraine",
      "russia's war against ukraine",
      'russo-ukrainian war',
      'russia-ukraine war',
      'war between russia and ukraine',
    ],
    start: '2022-02-24',
    end: null,
    precision: 'day',
    note:
      'The full-scale invasion of 24 February 2022. The Russo-Ukrainian War in the strict sense began in 2014 ' +
      '(Crimea, Donbas), but in the press since 2022, and in every text about North Korean troops, the phrase ' +
      'names the full-scale phase; a text that means 2014 writes the year.',
  },
  {
    phrases: ['annexation of crimea', "crimea's annexation"],
    start: '2014-03',
    end: '2014-03',
    precision: 'month',
    note: 'March 2014.',
  },
  {
    phrases: [
      'ukrainian incursion',
      'kursk incursion',
      'kursk offensive',
      'incursion into kursk',
      'incursion into the kursk oblast',
    ],
    start: '2024-08',
    end: '2024-08',
    precision: 'month',
    note: 'Began 6 August 2024 and lasted into spring 2025; dated by its start, as the press dates it.',
  },
  {
    phrases: ['north korean famine', 'arduous march', 'famine in north korea'],
    start: '1994',
    end: '1998',
    precision: 'year',
    note: 'Conventional dates 1994-1998 (some sources extend to 1999).',
  },
  {
    phrases: ['great purge', 'great terror'],
    start: '1936',
    end: '1938',
    precision: 'year',
    note: 'The Soviet purges of 1936-1938.',
  },
  {
    phrases: ['october revolution', 'russian revolution', 'bolshevik revolution'],
    start: '1917',
    end: '1917',
    precision: 'year',
    note: '1917.',
  },
  {
    phrases: ['russian civil war'],
    start: '1917',
    end: '1922',
    precision: 'year',
    note: '1917-1922; the Far East held out until late 1922.',
  },
  {
    phrases: ['stalin era', 'stalinist era', 'stalin period'],
    start: '1924',
    end: '1953',
    precision: 'year',
    note: 'From Lenin\u2019s death to Stalin\u2019s.',
  },
  {
    phrases: ['khrushchev thaw'],
    start: '1953',
    end: '1964',
    precision: 'year',
    note: '1953-1964.',
  },
  {
    phrases: ['perestroika'],
    start: '1985',
    end: '1991',
    precision: 'year',
    note: '1985-1991.',
  },
  {
    phrases: ['vietnam war'],
    start: '1955',
    end: '1975',
    precision: 'year',
    note: '1955-1975.',
  },
  {
    phrases: ['covid-19 pandemic', 'covid pandemic', 'coronavirus pandemic'],
    start: '2020',
    end: '2023',
    precision: 'year',
    note: 'March 2020 to the end of the WHO emergency in May 2023.',
  },
];

/** Words after a named period that stay in its span: "the Cold War era". */
export const PERIOD_TAILS: ReadonlySet<string> = new Set(['era', 'period', 'years', 'days', 'age', 'times']);

/**
 * Anaphoric heads: "that year" and "the same year" take the nearest earlier explicit year;
 * "the following year" adds one. Written as the words before the head, lower-case.
 */
export const YEAR_ANAPHORS: readonly (readonly [string, number])[] = [
  ['that same', 0],
  ['the same', 0],
  ['that', 0],
  ['the following', 1],
  ['the next', 1],
  ['the subsequent', 1],
  ['the previous', -1],
  ['the preceding', -1],
  ['the prior', -1],
];

/** Deictic year phrases: against the document date. "last year" is the year before it. */
export const YEAR_DEICTICS: readonly (readonly [string, number])[] = [
  ['last', -1],
  ['this', 0],
  ['next', 1],
  ['earlier this', 0],
  ['later this', 0],
];

/** Anaphoric time and period heads: "at that time", "during that time period", "that era". */
export const PERIOD_HEADS: ReadonlySet<string> = new Set(['time', 'period', 'era', 'periods']);

/** Demonym plurals that the shape test ("-ans", "-ese") misses: "1947 Uzbeks" counts people. */
export const DEMONYM_PLURALS: ReadonlySet<string> = new Set([
  'uzbeks',
  'kazakhs',
  'tajiks',
  'kyrgyz',
  'turks',
  'poles',
  'jews',
  'thais',
  'filipinos',
  'finns',
  'swedes',
  'danes',
  'greeks',
  'czechs',
  'slovaks',
  'serbs',
  'croats',
  'arabs',
  'kurds',
  'tatars',
  'buryats',
  'yakuts',
  'chechens',
  'japanese',
  'chinese',
  'vietnamese',
  'uyghurs',
  'mongols',
  'koryo-saram',
]);

/** Lower-case words allowed between a year and its record noun: "the 2010 national census". */
export const RECORD_MODIFIERS: ReadonlySet<string> = new Set([
  'national',
  'federal',
  'official',
  'general',
  'presidential',
  'parliamentary',
  'local',
  'regional',
  'municipal',
  'population',
  'annual',
  'nationwide',
  'world',
  'winter',
  'summer',
  'secret',
  'bilateral',
  'intergovernmental',
  'migration',
  'labour',
  'labor',
  'peace',
  'border',
  'military',
]);

/** Words after a 4-digit number that make it the subject of a count ("between 1500 and 2000 were killed"). */
export const COUNT_VERBS: ReadonlySet<string> = new Set([
  'were',
  'was',
  'are',
  'is',
  'have',
  'has',
  'had',
  'died',
  'will',
  'would',
  'could',
  'remain',
  'remained',
  'live',
  'lived',
  'work',
  'worked',
  'arrived',
  'left',
  'returned',
]);
