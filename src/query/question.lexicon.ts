/**
 * The words a question is taken apart by, data only; the rules are in question.ts. Every entry
 * is lower-case and written as the tokenizer splits it ("koryo-saram" is one token, "what's" is
 * one token, "$" is its own). Multiword cues are arrays of tokens.
 */
import type { EventType, Measure, Modality, Per } from '../extract/types.js';
import type { Intent } from './question.types.js';

/** The longest question text parsed; `checkQuestion` refuses longer ones, `parseQuestion` cuts. */
export const MAX_QUESTION_LENGTH = 2000;

export interface Cue<T> {
  words: readonly string[];
  value: T;
}

const cues = <T>(value: T, phrases: string): Cue<T>[] =>
  phrases
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => ({ words: p.split(/\s+/), value }));

/**
 * Question cues that say what is asked wherever they stand ("In 2006, how many ...", "Tell me
 * how many ..."). The earliest cue in the question wins, the longest at one position: "how
 * many" in "How many ... when the Soviet Union collapsed" is the question, "when" a clause.
 * "what" alone is no cue: it is read with the noun after it (WHAT_NOUNS) or the verb (money,
 * "do").
 */
export const INTENT_CUES: readonly Cue<Intent>[] = [
  ...cues<Intent>(
    'how-many',
    `how many | how large | how big | how numerous | what number of | what was the number of |
     what is the number of | what were the numbers of | the number of | number of | numbers of |
     what was the size of | what is the size of | the size of | how many people | headcount of`,
  ),
  ...cues<Intent>('how-much', 'how much | how much money'),
  // "How much of the workforce was North Korean?" asks a share, not an amount.
  ...cues<Intent>('what-share', 'how much of'),
  ...cues<Intent>(
    'what-share',
    `what share | what percentage | what percent | what proportion | what fraction | what portion |
     what part | which share | which proportion | which percentage | how large a share |
     how big a share | how large a proportion | how large a percentage | how high a share |
     how high a percentage | what per cent | the share of | the percentage of | the proportion of |
     share of | percentage of | proportion of | fraction of`,
  ),
  ...cues<Intent>(
    'when',
    `when | in what year | what year | which year | in which year | what date | on what date |
     in what month | what month | which month | in what decade | which decade | since when |
     until when | at what time | what time`,
  ),
  ...cues<Intent>(
    'where',
    `where | whereabouts | in what place | in which place | to which country | to what country |
     in which country | in what country | in which city | in what city | in which region |
     in what region | which country did | what country did | which city did | what city did |
     which region did | what region did | to which city | to which region | to where`,
  ),
  ...cues<Intent>(
    'who',
    'who | whom | whose | which organisation | which organization | which person | which official',
  ),
  ...cues<Intent>(
    'what-happened',
    `what happened | what has happened | what had happened | what was happening | what is happening |
     what took place | what has taken place | what occurred | what has occurred | what went on |
     which events | what events | which incidents | what incidents | what event | which event |
     what did happen | what happens`,
  ),
];

/**
 * "a number of" is a vague amount, not a question ("What happened to a number of workers?"):
 * a count cue starting with "number"/"numbers" is refused after these words.
 */
export const VAGUE_BEFORE_NUMBER: ReadonlySet<string> = new Set(['a', 'large', 'small', 'significant', 'great', 'any']);

/** Words that open a wh-question but decide nothing alone: read with the noun that follows. */
export const WH_WORDS: ReadonlySet<string> = new Set(['what', 'which', "what's", 'whats']);

/**
 * Nouns that turn "what/which ..." into an intent: "What was the population of ...",
 * "What is the average wage ...", "Which country ...". Read after skipping WHAT_SKIP words.
 */
export const WHAT_NOUNS: ReadonlyMap<string, Intent> = new Map<string, Intent>([
  ...(
    ['number', 'numbers', 'population', 'size', 'total', 'count', 'headcount', 'strength', 'figure', 'figures'] as const
  ).map((w): [string, Intent] => [w, 'how-many']),
  ...(
    [
      'wage',
      'wages',
      'salary',
      'salaries',
      'income',
      'incomes',
      'pay',
      'earnings',
      'revenue',
      'revenues',
      'cost',
      'costs',
      'price',
      'amount',
      'sum',
      'remittances',
    ] as const
  ).map((w): [string, Intent] => [w, 'how-much']),
  ...(['share', 'percentage', 'percent', 'proportion', 'fraction', 'portion', 'part', 'ratio', 'rate'] as const).map(
    (w): [string, Intent] => [w, 'what-share'],
  ),
  ...(['year', 'years', 'date', 'month', 'decade', 'day', 'period', 'time'] as const).map((w): [string, Intent] => [
    w,
    'when',
  ]),
  ...(
    [
      'country',
      'countries',
      'city',
      'cities',
      'region',
      'regions',
      'place',
      'places',
      'town',
      'province',
      'area',
      'location',
    ] as const
  ).map((w): [string, Intent] => [w, 'where']),
  ...(
    [
      'person',
      'people',
      'official',
      'officials',
      'leader',
      'leaders',
      'organisation',
      'organization',
      'agency',
      'government',
      'group',
      'company',
      'companies',
      'source',
      'sources',
    ] as const
  ).map((w): [string, Intent] => [w, 'who']),
  ...(['events', 'event', 'incidents', 'incident', 'happenings', 'developments'] as const).map(
    (w): [string, Intent] => [w, 'what-happened'],
  ),
]);

/** Words skipped between "what" and its noun: "What was the average monthly wage". */
export const WHAT_SKIP: ReadonlySet<string> = new Set([
  'is',
  'was',
  'were',
  'are',
  "'s",
  'has',
  'had',
  'been',
  'be',
  'the',
  'a',
  'an',
  'their',
  'its',
  'his',
  'her',
  'total',
  'approximate',
  'approximately',
  'estimated',
  'average',
  'typical',
  'overall',
  'exact',
  'rough',
  'monthly',
  'annual',
  'yearly',
  'weekly',
  'daily',
  'usual',
  'official',
  'actual',
  'highest',
  'largest',
  'peak',
  'maximum',
  'minimum',
]);

/**
 * Intent nouns read anywhere when no question word says it ("Give me the figures for ...",
 * "Tell me about the events in Moscow"). Only these, not all of WHAT_NOUNS: "year" or "people"
 * anywhere says nothing about what is asked.
 */
export const LOOSE_INTENT_NOUNS: ReadonlyMap<string, Intent> = new Map<string, Intent>([
  ['population', 'how-many'],
  ['headcount', 'how-many'],
  ['wage', 'how-much'],
  ['wages', 'how-much'],
  ['salary', 'how-much'],
  ['salaries', 'how-much'],
  ['earnings', 'how-much'],
  ['percentage', 'what-share'],
  ['proportion', 'what-share'],
  ['events', 'what-happened'],
  ['incidents', 'what-happened'],
  ['timeline', 'what-happened'],
]);

/** "What did Kim Jong Il do in Vladivostok?": "do" as the main verb asks what happened. */
export const DO_VERBS: ReadonlySet<string> = new Set(['do', 'doing', 'done']);

/** Currency nouns after "how many" make it a money question: "How many dollars did ... earn?" */
export const CURRENCY_NOUNS: ReadonlySet<string> = new Set([
  'dollars',
  'dollar',
  'usd',
  'rubles',
  'roubles',
  'ruble',
  'rouble',
  'won',
  'euros',
  'yuan',
  'yen',
  'pounds',
]);

/**
 * What is counted, by verb or noun. `weak` cues (being somewhere) give way to any strong cue in
 * the question: "How many North Koreans who lived in Russia were deported?" counts departures.
 * Longest match at a position wins: "went back" is a departure, "went" an arrival.
 */
export interface MeasureCue {
  measure: Measure;
  weak?: true;
}

const measures = (measure: Measure, phrases: string, weak?: true): Cue<MeasureCue>[] =>
  cues<MeasureCue>(weak ? { measure, weak } : { measure }, phrases);

export const MEASURE_CUES: readonly Cue<MeasureCue>[] = [
  ...measures(
    'population',
    `were | was | are | is | been | be | live | lives | lived | living | reside | resides | resided |
     residing | work | works | worked | working | stay | stays | stayed | staying | remain | remains |
     remained | remaining | present | population | populations | community | communities |
     are there | were there | is there | was there | based | employed | numbered`,
    true,
  ),
  // Subjects of these verbs are the place that holds the group ("does Russia host"); see HOST_VERBS.
  ...measures(
    'population',
    'host | hosts | hosted | house | houses | housed | employ | employs | have | has | had',
    true,
  ),
  ...measures(
    'arrivals',
    `went | go | goes | gone | going | came | come | comes | coming | arrive | arrives | arrived |
     arriving | arrivals | sent | send | sends | sending | dispatched | dispatch | deployed | deploy |
     deploys | recruited | recruit | recruits | hired | hire | moved to | move to | moved | brought |
     bring | migrated | migrate | migrated to | immigrated | immigrate | entered | enter | enters |
     travelled | traveled | travel | relocated | resettled | resettle | settle | settled | settling | settles | admitted | admit |
     received | receive | accepted | accept | took in | take in | transferred to | influx | inflow`,
  ),
  ...measures(
    'departures',
    `left | leave | leaves | leaving | returned | return | returns | returning | repatriated |
     repatriate | repatriation | deported | deport | deportation | evacuated | evacuate | evacuation |
     went back | go back | going back | came back | come back | sent back | sent home | send back |
     go home | went home | expelled | expel | emigrated | emigrate | departed | depart | departures |
     outflow`,
  ),
  ...measures(
    'count',
    `captured | capture | killed | kill | died | die | dead | deaths | wounded | injured | casualties |
     defected | defect | fled | flee | escaped | escape | taken prisoner | were taken prisoner |
     take prisoner | took prisoner | taken captive | take captive | took captive | arrested | arrest | detained | detain | abducted | abduct | kidnapped | lost | losses`,
  ),
  ...measures(
    'money',
    `earn | earns | earned | earning | earnings | paid | pay | pays | wage | wages | salary | salaries |
     income | incomes | revenue | revenues | cost | costs | make | makes | made | spend | spent |
     remit | remitted | remittances | worth | dollars | rubles | roubles`,
  ),
];

/**
 * Verbs whose subject holds the group: "How many North Korean workers does Russia host?" names
 * Russia as the place, not as an actor.
 */
export const HOST_VERBS: ReadonlySet<string> = new Set([
  'host',
  'hosts',
  'hosted',
  'house',
  'houses',
  'housed',
  'employ',
  'employs',
  'employed',
  'have',
  'has',
  'had',
  'receive',
  'receives',
  'received',
  'accept',
  'accepts',
  'accepted',
  'admit',
  'admits',
  'admitted',
  'welcome',
  'welcomed',
]);

/** Rates the rates annotator does not read in a question's word order ("how much a year"). */
export const RATE_CUES: readonly Cue<Exclude<Per, null>>[] = [
  ...cues<Exclude<Per, null>>(
    'year',
    'each year | per year | a year | every year | annually | yearly | per annum | a yr | per yr | each yr | a-year',
  ),
  ...cues<Exclude<Per, null>>('month', 'each month | per month | a month | every month | monthly | per mo'),
  ...cues<Exclude<Per, null>>('week', 'each week | per week | a week | every week | weekly'),
  ...cues<Exclude<Per, null>>('day', 'each day | per day | a day | every day | daily'),
];

/** How a question hedges what it asks: "did the governor propose", "are estimated". */
export const MODALITY_CUES: ReadonlyMap<string, Exclude<Modality, 'asserted'>> = new Map<
  string,
  Exclude<Modality, 'asserted'>
>([
  ...(
    [
      'propose',
      'proposed',
      'proposes',
      'proposing',
      'proposal',
      'plan',
      'plans',
      'planned',
      'planning',
      'suggest',
      'suggested',
      'suggests',
      'offer',
      'offered',
      'intend',
      'intended',
      'envisaged',
    ] as const
  ).map((w): [string, Exclude<Modality, 'asserted'>] => [w, 'proposed']),
  ...(['deny', 'denied', 'denies', 'denying'] as const).map((w): [string, Exclude<Modality, 'asserted'>] => [
    w,
    'denied',
  ]),
  ...(['estimate', 'estimated', 'estimates', 'estimating', 'estimation'] as const).map(
    (w): [string, Exclude<Modality, 'asserted'>] => [w, 'estimated'],
  ),
  ...(['reportedly', 'reported', 'allegedly', 'alleged', 'claimed', 'said'] as const).map(
    (w): [string, Exclude<Modality, 'asserted'>] => [w, 'reported'],
  ),
]);

/**
 * Event verbs in question form, which a document annotator may pass over: bare infinitives
 * after "did" ("When did Russia kill ...", "When did they sign ..."). The events annotator runs
 * first; these only add a type it did not find.
 */
export const QUESTION_EVENT_VERBS: ReadonlyMap<string, EventType> = new Map<string, EventType>([
  ...(['visit', 'visits', 'visited', 'tour', 'toured'] as const).map((w): [string, EventType] => [w, 'visit']),
  ...(['sign', 'signed', 'conclude', 'concluded', 'agree', 'agreed'] as const).map((w): [string, EventType] => [
    w,
    'agreement',
  ]),
  ...(['recruit', 'recruited', 'hire', 'hired', 'enlist', 'conscript', 'mobilise', 'mobilize'] as const).map(
    (w): [string, EventType] => [w, 'recruitment'],
  ),
  ...(['study', 'studied', 'enroll', 'enrol', 'enrolled', 'graduate'] as const).map((w): [string, EventType] => [
    w,
    'study',
  ]),
  ...(['deploy', 'deployed', 'station', 'stationed'] as const).map((w): [string, EventType] => [w, 'deployment']),
  ...(['train', 'trained'] as const).map((w): [string, EventType] => [w, 'training']),
  ...(['fight', 'fought', 'attack', 'attacked', 'invade', 'invaded', 'battle'] as const).map(
    (w): [string, EventType] => [w, 'combat'],
  ),
  ...(['kill', 'killed', 'die', 'died', 'wound', 'wounded', 'injure', 'injured'] as const).map(
    (w): [string, EventType] => [w, 'casualties'],
  ),
  ...(['capture', 'captured', 'arrest', 'arrested', 'detain', 'detained', 'catch', 'caught'] as const).map(
    (w): [string, EventType] => [w, 'capture'],
  ),
  ...(['evacuate', 'evacuated'] as const).map((w): [string, EventType] => [w, 'evacuation']),
  ...(['repatriate', 'repatriated'] as const).map((w): [string, EventType] => [w, 'repatriation']),
  ...(['deport', 'deported', 'expel', 'expelled'] as const).map((w): [string, EventType] => [w, 'deportation']),
  ...(['abduct', 'abducted', 'kidnap', 'kidnapped'] as const).map((w): [string, EventType] => [w, 'abduction']),
  ...(['assassinate', 'assassinated', 'murder', 'murdered'] as const).map((w): [string, EventType] => [
    w,
    'assassination',
  ]),
  ...(['escape', 'escaped', 'flee', 'fled', 'defect', 'defected'] as const).map((w): [string, EventType] => [
    w,
    'escape',
  ]),
  ...(['propose', 'proposed', 'suggest', 'suggested', 'offer', 'offered'] as const).map((w): [string, EventType] => [
    w,
    'proposal',
  ]),
  ...(['deny', 'denied'] as const).map((w): [string, EventType] => [w, 'denial']),
  ...(['condemn', 'condemned', 'criticise', 'criticize', 'denounce'] as const).map((w): [string, EventType] => [
    w,
    'condemnation',
  ]),
  ...(['sanction', 'sanctioned'] as const).map((w): [string, EventType] => [w, 'sanction']),
]);

/**
 * Verbs of going that name a visit when a person goes ("When did Kim Jong Il travel to Russia?")
 * but an arrival when a group does ("How many North Koreans travelled to Kamchatka?"): read
 * as events only in a question that names no group.
 */
export const PERSON_VISIT_VERBS: ReadonlySet<string> = new Set([
  'travel',
  'travelled',
  'traveled',
  'go',
  'went',
  'come',
  'came',
]);

/**
 * Words that put a subject right after them: "did Ukraine capture", "does Russia host". A place
 * or group there is who acts (or, with HOST_VERBS, where), not where the group is.
 */
export const AUXILIARIES: ReadonlySet<string> = new Set([
  'did',
  'does',
  'do',
  'has',
  'have',
  'had',
  'will',
  'would',
  'could',
  'can',
  'should',
  'might',
  'must',
  "didn't",
  "doesn't",
  "don't",
  "hasn't",
  "haven't",
]);

/** Auxiliaries of being, after which a name is also a subject ("When was Kim Jong Il in Russia?"). */
export const BE_AUXILIARIES: ReadonlySet<string> = new Set(['is', 'was', 'are', 'were']);

/** Determiners skipped between an auxiliary or a preposition and the name. */
export const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her']);

/** What a preposition before a place says about it. "of" is weakest: "the population of Sakhalin". */
export const PLACE_PREPOSITIONS: ReadonlyMap<string, 'in' | 'to' | 'from' | 'of'> = new Map([
  ['in', 'in'],
  ['inside', 'in'],
  ['within', 'in'],
  ['at', 'in'],
  ['on', 'in'],
  ['across', 'in'],
  ['throughout', 'in'],
  ['around', 'in'],
  ['near', 'in'],
  ['to', 'to'],
  ['into', 'to'],
  ['towards', 'to'],
  ['toward', 'to'],
  ['from', 'from'],
  ['of', 'of'],
] as const);

/** "for" names a destination only after a verb of moving: "left Sakhalin for North Korea". */
export const DESTINATION_FOR = 'for';

/** A place after "by" in a passive is the agent: "were captured by Ukraine". */
export const AGENT_PREPOSITION = 'by';

/**
 * Offices whose "of PLACE" names who acts, not where: "the governor of Primorsky Krai" proposed;
 * the refugees were to settle in Russia.
 */
export const TITLE_NOUNS: ReadonlySet<string> = new Set([
  'governor',
  'president',
  'mayor',
  'leader',
  'leaders',
  'government',
  'governments',
  'minister',
  'ministry',
  'prime',
  'ambassador',
  'embassy',
  'consulate',
  'consul',
  'parliament',
  'authorities',
  'administration',
  'head',
  'chief',
  'army',
  'military',
  'police',
  'king',
  'premier',
  'foreign',
  'defence',
  'defense',
  'intelligence',
]);

/**
 * Words before a time that open it towards the future or the past when the times annotator reads
 * only the year ("after the 1967 agreement" -> 1967 and the agreement, read as "after 1967").
 */
export const TIME_OPEN_AFTER: ReadonlySet<string> = new Set(['after', 'since', 'following', 'post', 'from']);
export const TIME_OPEN_BEFORE: ReadonlySet<string> = new Set(['before', 'until', 'till', 'prior', 'up']);

/** Nouns a year names in a time ("the 1967 agreement", "the 1991 collapse"): part of the time. */
export const TIME_ANCHOR_NOUNS: ReadonlySet<string> = new Set([
  'agreement',
  'agreements',
  'treaty',
  'accord',
  'pact',
  'war',
  'collapse',
  'census',
  'election',
  'elections',
  'summit',
  'invasion',
  'crisis',
  'famine',
  'reform',
  'reforms',
  'deal',
  'visit',
  'deportation',
  'revolution',
  'olympics',
  'sanctions',
  'resolution',
  'offensive',
]);

/** Nouns that name people when no group annotation does ("How many people left?"). */
export const BARE_PEOPLE: ReadonlySet<string> = new Set(['people', 'persons', 'individuals', 'men', 'women']);

/**
 * Words that are neither keywords nor names: function words, question words, politeness and
 * hedges of the asking ("roughly how many", "please tell me").
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above according after again against all also am an and any approximately are aren't around as
   at be because been before being below between both but by can could did didn't do does doesn't doing
   don't down during each either else ever every few for from further get give given got had has have
   having he her here hers him his how however i if in into is isn't it it's its just know let like many
   me more most much my near no nor not now of off on once only or other our out over own per please
   rather really roughly same she should so some such than that that's the their theirs them then there
   there's these they this those through thus to too total under until up upon us very was wasn't we were
   weren't what what's whats when where which while who whom whose why will with within without would
   you your exactly approximately approximate roughly estimated approx precisely tell show list find say said overall
   ever much many number numbers year years yr annually monthly yearly weekly daily each
   since till prior following toward towards across throughout inside around whereabouts happen happened
   happens happening occur occurred took take place taken went go going i'd i'm like want know far back
   can could`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/**
 * Lower-case words that are never part of a name: the question's own vocabulary and the group
 * heads. Only used to recase an all-lower-case question ("when did kim jong il visit russia"),
 * where a run of other words after "did" is taken for a name.
 */
export const NEVER_NAMES: ReadonlySet<string> = new Set(
  `workers worker labourers laborers lumberjacks loggers soldiers troops people refugees students koreans
   defectors migrants citizens community diaspora population residents officials government governor
   president authorities many much number share percentage proportion it they them he she we you
   i north south korean koreans russian chinese`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/** Month names, recased in an all-lower-case question before a year or day ("in november 2007"): the numbers lexicon's. */
export { MONTHS } from '../extract/numbers/lexicon.js';

/** Month names that are also common words: recased only right before a number. */
export const AMBIGUOUS_MONTHS: ReadonlySet<string> = new Set([
  'may',
  'march',
  'mar',
  'jan',
  'dec',
  'sep',
  'oct',
  'nov',
  'aug',
  'jun',
  'jul',
  'apr',
  'feb',
]);

/** Roman numerals recased to capitals in a lower-case question ("world war ii"). */
export const ROMAN_NUMERALS: ReadonlySet<string> = new Set(['ii', 'iii', 'iv', 'vi']);

/** The longest run of words recased as a name after "did" ("kim jong il" is three). */
export const NAME_RUN_MAX = 4;

/** Acronyms recased to capitals in a lower-case question ("ussr", "dprk"); not "us", a pronoun. */
export const ACRONYMS: ReadonlySet<string> = new Set([
  'ussr',
  'dprk',
  'prc',
  'rok',
  'usa',
  'uk',
  'un',
  'unhcr',
  'nato',
  'eu',
  'kgb',
  'nkvd',
  'hrw',
  'fsb',
]);
