/**
 * Phrasebook for the question parser, Duckling style: each entry gives the expected parse (only
 * the fields it names are checked) and several ways of asking. The first entries are the
 * development questions of ../shared/eval/questions/seed.json, each asked again with other word
 * order, other verbs, "What was the number of", "Roughly how many", "In 2006, how many",
 * British spellings, lower case, capitals, no question mark and extra words: the held-out
 * questions are worded differently, so the parser must read parts, not phrasings.
 * Near misses name the part a naive reading gets wrong (a demonym taken for a place, "a number
 * of" taken for a question, a subject taken for a place).
 */
import type { EventType, GroupKind, Measure, Modality, Per } from '../extract/types.js';
import type { Intent } from './question.types.js';

export interface ExpectedParse {
  intent?: Intent;
  /** kind, and head when given; null: no group */
  group?: { kind: GroupKind; head?: string } | null;
  /** gazetteer id; null: no place */
  place?: string | null;
  placeRole?: 'in' | 'to' | 'from';
  from?: number | null;
  to?: number | null;
  month?: string | null;
  /** null: no time at all */
  time?: null;
  measure?: Measure | null;
  per?: Per;
  modality?: Modality | null;
  /** exactly these, in order */
  eventTypes?: EventType[];
  /** exactly these, in order */
  actors?: string[];
  /** each of these among the keywords */
  keywords?: string[];
  /** none of these among the keywords */
  notKeywords?: string[];
  /** exactly these keywords, in order */
  onlyKeywords?: string[];
}

export interface QuestionEntry {
  name: string;
  expected: ExpectedParse;
  phrasings: string[];
}

export const questionCorpus: QuestionEntry[] = [
  // ---- the development questions, asked many ways ----
  {
    name: 'a01 population of a general group, in a year',
    expected: {
      intent: 'how-many',
      group: { kind: 'general' },
      place: 'RU',
      placeRole: 'in',
      from: 2006,
      to: 2006,
      measure: 'population',
    },
    phrasings: [
      'How many North Koreans lived in Russia in 2006?',
      'In 2006, how many North Koreans lived in Russia?',
      'How many North Koreans were living in Russia in 2006?',
      'What was the number of North Koreans in Russia in 2006?',
      'Roughly how many North Koreans were there in Russia in 2006?',
      'how many north koreans lived in russia in 2006',
      'Tell me how many North Koreans resided in Russia in 2006.',
      'Number of North Koreans in Russia, 2006?',
      'In 2006 how many North Koreans were resident in Russia',
      'HOW MANY NORTH KOREANS LIVED IN RUSSIA IN 2006?',
      'How many North Koreans were in Russia during 2006?',
      'About how many North Koreans stayed in Russia in 2006?',
      'Approximately how many people from North Korea lived in Russia in 2006?',
      'What was the size of the North Korean population in Russia in 2006?',
    ],
  },
  {
    name: 'a02 arrivals to a feature, between two years',
    expected: {
      intent: 'how-many',
      group: { kind: 'general' },
      place: 'feature:kamchatka-peninsula',
      from: 1946,
      to: 1949,
      measure: 'arrivals',
      eventTypes: [],
    },
    phrasings: [
      'How many North Koreans went to the Kamchatka Peninsula between 1946 and 1949?',
      'Between 1946 and 1949, how many North Koreans went to the Kamchatka Peninsula?',
      'How many North Koreans came to Kamchatka from 1946 to 1949?',
      'How many North Koreans arrived on the Kamchatka Peninsula between 1946 and 1949?',
      'What number of North Koreans were sent to Kamchatka between 1946 and 1949?',
      'how many north koreans moved to the kamchatka peninsula between 1946 and 1949',
      'How many North Koreans travelled to Kamchatka in 1946-1949?',
    ],
  },
  {
    name: 'a03 a kind of worker, open after an agreement',
    expected: {
      intent: 'how-many',
      group: { kind: 'workers', head: 'lumberjacks' },
      place: 'RU',
      from: 1967,
      to: null,
      measure: 'population',
      eventTypes: [],
      per: null,
    },
    phrasings: [
      'How many North Korean lumberjacks were in Russia in any given year after the 1967 agreement?',
      'After the 1967 agreement, how many North Korean lumberjacks were in Russia in any given year?',
      'How many North Korean lumberjacks were there in Russia since 1967?',
      'How many North Korean lumberjacks stayed in Russia after the 1967 agreement?',
      'how many north korean lumberjacks were present in russia after the 1967 agreement',
      'Following the 1967 agreement, what number of North Korean lumberjacks worked in Russia?',
    ],
  },
  {
    name: 'a04 money earned per year, with the earner as actor',
    expected: {
      intent: 'how-much',
      group: { kind: 'workers' },
      place: 'RU',
      from: 2009,
      to: 2009,
      measure: 'money',
      per: 'year',
      actors: ['North Korea'],
      notKeywords: ['earn', 'make', 'revenue'],
    },
    phrasings: [
      'How much did North Korea earn each year from its workers in Russia in 2009?',
      'In 2009, how much did North Korea earn annually from its workers in Russia?',
      'How much money did North Korea make per year from workers in Russia in 2009?',
      'What did North Korea earn each year from its labourers in Russia in 2009?',
      "What was North Korea's yearly revenue from its workers in Russia in 2009?",
      'how much did north korea earn per year from its workers in russia in 2009',
    ],
  },
  {
    name: 'a05 a wage per month, no place',
    expected: {
      intent: 'how-much',
      group: { kind: 'workers' },
      place: null,
      time: null,
      measure: 'money',
      per: 'month',
    },
    phrasings: [
      'How much were North Korean workers paid per month?',
      'How much were North Korean workers paid a month?',
      'What were North Korean workers paid each month?',
      'What is the monthly wage of North Korean workers?',
      'How much did North Korean labourers earn per month?',
      'What was the monthly salary of a North Korean worker?',
      'how much were north korean workers paid monthly',
    ],
  },
  {
    name: 'a06 a count of soldiers captured, the captor as actor',
    expected: {
      intent: 'how-many',
      group: { kind: 'soldiers' },
      place: null,
      from: 2025,
      to: 2025,
      measure: 'count',
      eventTypes: ['capture'],
      actors: ['Ukraine'],
    },
    phrasings: [
      'How many North Korean soldiers did Ukraine capture in 2025?',
      'In 2025, how many North Korean soldiers did Ukraine capture?',
      'How many North Korean soldiers were captured by Ukraine in 2025?',
      'Ukraine captured how many North Korean soldiers in 2025?',
      'how many north korean soldiers did ukraine capture in 2025',
      'How many soldiers from North Korea did Ukraine capture in 2025?',
      'How many North Korean troops did Ukraine take prisoner in 2025?',
    ],
  },
  {
    name: 'a07 a proposal: modality proposed, the office is an actor, the place is where they would settle',
    expected: {
      intent: 'how-many',
      group: { kind: 'refugees' },
      place: 'RU',
      measure: 'arrivals',
      modality: 'proposed',
      eventTypes: ['proposal'],
    },
    phrasings: [
      'How many North Korean refugees did the governor of Primorsky Krai propose to settle in Russia?',
      'How many North Korean refugees did the Primorsky Krai governor propose to settle in Russia?',
      'How many refugees from North Korea did the governor of Primorsky Krai suggest settling in Russia?',
      'What number of North Korean refugees was the Primorsky governor proposing to resettle in Russia?',
      'how many north korean refugees did the governor of primorsky krai propose to settle in russia',
    ],
  },
  {
    name: 'a08 departures of a community, to the place named',
    expected: { intent: 'how-many', group: { kind: 'community' }, place: 'KP', placeRole: 'to', measure: 'departures' },
    phrasings: [
      'How many Sakhalin Koreans repatriated to North Korea?',
      'How many Sakhalin Koreans were repatriated to North Korea?',
      'How many Sakhalin Koreans returned to North Korea?',
      'how many sakhalin koreans went back to north korea',
      'What number of Sakhalin Koreans were sent back to North Korea?',
    ],
  },
  {
    name: 'a09 when a person visited',
    expected: {
      intent: 'when',
      group: null,
      place: 'RU',
      measure: null,
      eventTypes: ['visit'],
      actors: ['Kim Jong Il'],
    },
    phrasings: [
      'When did Kim Jong Il visit Russia?',
      'In what year did Kim Jong Il visit Russia?',
      "When was Kim Jong Il's visit to Russia?",
      'when did kim jong il visit russia',
      'What year did Kim Jong Il travel to Russia?',
      'When did Kim Jong Il go on a visit to Russia?',
    ],
  },
  {
    name: 'a10 what happened in a city in a month',
    expected: { intent: 'what-happened', group: null, place: 'city:RU:moscow', from: 2007, to: 2007, month: '2007-11' },
    phrasings: [
      'What happened in Moscow in November 2007?',
      'What took place in Moscow in November 2007?',
      'In November 2007, what happened in Moscow?',
      'what happened in moscow in november 2007',
      'Which events occurred in Moscow in November 2007?',
      'Tell me what happened in Moscow during November 2007.',
    ],
  },
  {
    name: 'a11 workers in a country the sources do not name',
    expected: {
      intent: 'how-many',
      group: { kind: 'workers' },
      place: 'BR',
      from: 1980,
      to: 1980,
      measure: 'population',
    },
    phrasings: [
      'How many North Korean workers were in Brazil in 1980?',
      'How many North Korean workers lived in Brazil in 1980?',
      'In 1980, how many North Korean labourers were there in Brazil?',
      'Number of North Korean workers in Brazil in 1980?',
      'how many north korean workers were in brazil in 1980',
    ],
  },

  // ---- other intents and parts ----
  {
    name: 'what share, of a community, with the place after "live in"',
    expected: {
      intent: 'what-share',
      group: { kind: 'community', head: 'koryo-saram' },
      place: 'city:RU:moscow',
      measure: 'share',
    },
    phrasings: [
      'What percentage of Koryo-saram live in Moscow?',
      'What proportion of the Koryo-saram reside in Moscow?',
    ],
  },
  {
    name: 'what share, asked as "how much of"',
    expected: { intent: 'what-share', measure: 'share', place: 'RU-PRI' },
    phrasings: ['How much of the workforce in Primorsky Krai is North Korean?'],
  },
  {
    name: 'where a group went, in a decade part',
    expected: { intent: 'where', group: { kind: 'workers' }, place: null, from: 1946, to: 1949, measure: 'arrivals' },
    phrasings: [
      'Where did North Korean workers go in the late 1940s?',
      'In the late 1940s, where were North Korean workers sent?',
    ],
  },
  {
    name: 'who proposed, with the group and the place',
    expected: {
      intent: 'who',
      group: { kind: 'refugees' },
      place: 'RU',
      modality: 'proposed',
      eventTypes: ['proposal'],
    },
    phrasings: [
      'Who proposed to settle North Korean refugees in Russia?',
      'Who suggested settling North Korean refugees in Russia?',
    ],
  },
  {
    name: 'which country, acting, is who',
    expected: { intent: 'who', group: { kind: 'soldiers' }, place: 'RU', from: 2024, to: 2024, measure: 'arrivals' },
    phrasings: ['Which country sent troops to Russia in 2024?'],
  },
  {
    name: 'departures from a region in a year',
    expected: {
      intent: 'how-many',
      group: { kind: 'community' },
      place: 'feature:russian-far-east',
      placeRole: 'from',
      from: 1937,
      to: 1937,
      measure: 'departures',
      eventTypes: ['deportation'],
    },
    phrasings: [
      'How many Koryo-saram were deported from the Russian Far East in 1937?',
      'In 1937, how many Koryo-saram were deported from the Russian Far East to Central Asia?',
    ],
  },
  {
    name: 'a direct object of leaving is where they left from',
    expected: { intent: 'how-many', place: 'feature:sakhalin-island', placeRole: 'from', measure: 'departures' },
    phrasings: ['How many Koreans left Sakhalin for North Korea?', 'How many Koreans left Sakhalin?'],
  },
  {
    name: 'deaths are a count, a city a place',
    expected: {
      intent: 'how-many',
      group: { kind: 'soldiers' },
      place: 'city:RU:kursk',
      from: 2024,
      to: 2024,
      measure: 'count',
    },
    phrasings: [
      'How many North Korean troops were killed in Kursk in 2024?',
      'How many North Korean soldiers died in Kursk in 2024?',
    ],
  },
  {
    name: 'arrivals each year, by a year',
    expected: { intent: 'how-many', place: 'RU', measure: 'arrivals', per: 'year', from: 2006, to: 2006 },
    phrasings: [
      'How many North Koreans entered Russia annually by 2006?',
      'By 2006, how many North Korean workers came to Russia every year?',
    ],
  },
  {
    name: 'an estimate asked for',
    expected: {
      intent: 'how-many',
      group: { kind: 'general' },
      place: 'RU',
      measure: 'population',
      modality: 'estimated',
    },
    phrasings: [
      'How many North Koreans are estimated to have lived in Russia in 2006?',
      'What is the estimated number of North Koreans living in Russia?',
    ],
  },
  {
    name: 'the place that holds them is the subject of "host"',
    expected: { intent: 'how-many', group: { kind: 'workers' }, place: 'RU', measure: 'population', actors: [] },
    phrasings: [
      'How many North Korean workers does Russia host?',
      'How many North Korean workers did Russia employ in 2017?',
    ],
  },
  {
    name: 'open before a year, a region',
    expected: {
      intent: 'how-many',
      group: { kind: 'refugees' },
      place: 'feature:russian-far-east',
      from: null,
      to: 1991,
    },
    phrasings: [
      'How many North Korean refugees were in the Russian Far East before 1991?',
      'How many North Korean refugees lived in the Russian Far East until 1991?',
    ],
  },
  {
    name: 'a decade, students',
    expected: {
      intent: 'how-many',
      group: { kind: 'students' },
      place: 'RU',
      from: 2010,
      to: 2019,
      eventTypes: ['study'],
    },
    phrasings: ['Roughly how many North Korean students studied in Russia in the 2010s?'],
  },
  {
    name: 'a population noun asked without a question word',
    expected: {
      intent: 'how-many',
      group: { kind: 'general', head: 'koreans' },
      place: 'feature:sakhalin-island',
      from: 1990,
    },
    phrasings: [
      'Give me the population of Koreans on Sakhalin in 1990',
      'What was the population of Koreans on Sakhalin in 1990?',
    ],
  },
  {
    name: 'events asked by noun, a person doing something',
    expected: { intent: 'what-happened', place: 'city:RU:vladivostok', from: 2019, to: 2019 },
    phrasings: ['What did Kim Jong Un do in Vladivostok in 2019?', 'Tell me about the events in Vladivostok in 2019'],
  },
  {
    name: 'a yes/no question has no intent but keeps its parts',
    expected: {
      intent: 'unknown',
      group: { kind: 'workers' },
      modality: 'denied',
      actors: ['Russia'],
      eventTypes: ['denial'],
    },
    phrasings: ['Did Russia deny hosting North Korean workers?'],
  },
  {
    name: 'a second group in subject position is an actor',
    expected: { intent: 'how-many', group: { kind: 'soldiers' }, actors: ['Ukrainian forces'], measure: 'count' },
    phrasings: ['How many North Korean soldiers did Ukrainian forces capture?'],
  },
  {
    name: 'a nationality with a national head is general; two nationalities are a community',
    expected: { intent: 'how-many', group: { kind: 'general' }, place: 'RU', from: 2006, measure: 'population' },
    phrasings: [
      'How many North Korean nationals were living in the Russian Federation in 2006?',
      'What was the North Korean population of Russia in 2006?',
      'How many citizens of North Korea resided in Russia in 2006?',
      "I'd like to know the number of North Koreans in Russia in 2006",
      'Can you tell me how many North Koreans lived in Russia in 2006?',
    ],
  },
  {
    name: 'Soviet Koreans are a community',
    expected: { group: { kind: 'community', head: 'koreans' }, measure: 'departures', placeRole: 'from' },
    phrasings: ['How many Soviet Koreans were deported from the Russian Far East?'],
  },
  {
    name: 'who a person is',
    expected: { intent: 'who', actors: ['Sergey Darkin'], group: null, measure: null },
    phrasings: ['Who is Sergey Darkin?', 'who is sergey darkin'],
  },
  {
    name: 'a bare "what" with an event verb asks what happened',
    expected: { intent: 'what-happened', eventTypes: ['proposal'], modality: 'proposed', actors: ['Sergey Darkin'] },
    phrasings: ['What did Sergey Darkin propose?', 'What did Sergey Darkin suggest in 2000?'],
  },
  {
    name: 'acronyms and a lower-case acronym',
    expected: { place: 'feature:soviet-union', group: { kind: 'workers', head: 'loggers' }, from: 1970 },
    phrasings: [
      'How many North Korean loggers were in the USSR in 1970?',
      'how many north korean loggers were in the ussr in 1970',
    ],
  },
  {
    name: 'money asked in a currency',
    expected: { intent: 'how-much', measure: 'money', actors: ['North Korea'] },
    phrasings: ['How many dollars did North Korea earn from its workers?'],
  },
];

export interface NearMiss {
  question: string;
  /** the trap */
  why: string;
  expected: ExpectedParse;
}

export const questionNearMisses: NearMiss[] = [
  {
    question: 'How much were North Korean workers paid?',
    why: 'a demonym names who, never where',
    expected: { place: null },
  },
  {
    question: 'What happened to a number of North Korean workers in Russia?',
    why: '"a number of" is a vague amount, not "how many"',
    expected: { intent: 'what-happened', measure: null },
  },
  {
    question: 'How many North Koreans lived in Russia in any given year?',
    why: '"in any given year" is no rate',
    expected: { per: null },
  },
  {
    question: 'How many North Korean soldiers did Ukraine capture?',
    why: 'the subject after "did" acts; it is not where',
    expected: { place: null, actors: ['Ukraine'] },
  },
  {
    question: 'How many refugees did the governor of Primorsky Krai propose to settle?',
    why: '"governor of Primorsky Krai" names who proposed, not where',
    expected: { place: null, actors: ['governor of Primorsky Krai'] },
  },
  {
    question: 'How many Sakhalin Koreans live there?',
    why: "the place inside the group label is the group's",
    expected: { place: null, group: { kind: 'community' } },
  },
  {
    question: 'How many North Koreans lived in Russia after the 1967 agreement?',
    why: 'the agreement dates the question; it is not an event asked about',
    expected: { eventTypes: [], notKeywords: ['agreement'] },
  },
  {
    question: 'How many North Koreans lived in Russia when the Soviet Union collapsed?',
    why: 'the first question word decides; "when" opens a clause',
    expected: { intent: 'how-many' },
  },
  {
    question: 'How many North Korean workers who lived in Russia were deported?',
    why: 'a verb of leaving beats a verb of being',
    expected: { measure: 'departures' },
  },
  {
    question: 'How many soldiers from North Korea were captured?',
    why: '"soldiers from North Korea" is who they are, not where',
    expected: { place: null, measure: 'count' },
  },
  {
    question: 'How many North Koreans travelled to Kamchatka?',
    why: 'a group travelling arrives; only a person travelling visits',
    expected: { eventTypes: [], measure: 'arrivals' },
  },
  {
    question: 'When was Kim Jong Il in Russia?',
    why: '"was" counts nothing when no group is asked about',
    expected: { measure: null, intent: 'when', actors: ['Kim Jong Il'] },
  },
  {
    question: 'Is it true that North Korea sent troops?',
    why: 'a place before its verb is the subject',
    expected: { place: null, actors: ['North Korea'] },
  },
  {
    question: 'How many North Korean workers earned more than their bosses?',
    why: 'a money verb in a how-many question counts people, not money',
    expected: { intent: 'how-many' },
  },
  {
    question: 'How many North Koreans were there in Russia back in 2006, so far as you know?',
    why: "the asking's own words are no keywords",
    expected: { onlyKeywords: [], from: 2006 },
  },
  {
    question: 'What did the Soviet Union do to Koreans in 1937?',
    why: 'a place after "did" acts; "do" asks what happened',
    expected: { intent: 'what-happened', place: null, actors: ['Soviet Union'], measure: null },
  },
  {
    question: 'how many north korean workers may have lived in russia',
    why: '"may" is a month only before a number',
    expected: { time: null, place: 'RU', group: { kind: 'workers' } },
  },
];
