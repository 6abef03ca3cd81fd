import type { Measure } from '../types.js';

/**
 * Words around a number that say what it measures, by lower-cased token. Data only.
 * arrivals = came, were sent, recruited, deployed, brought; departures = left, returned,
 * repatriated, evacuated, deported; count = other counted people (killed, captured, defected);
 * population = how many are/were there.
 */
export const MEASURE_WORDS: ReadonlyMap<string, Measure> = new Map(
  Object.entries({
    arrivals: [
      'came', 'come', 'comes', 'coming', 'arrived', 'arrive', 'arrives', 'arriving', 'arrival', 'arrivals',
      'went', 'go', 'goes', 'going', 'gone', 'sent', 'send', 'sends', 'sending', 'recruited', 'recruit',
      'recruits', 'recruiting', 'recruitment', 'brought', 'bring', 'brings', 'bringing', 'deployed', 'deploy',
      'deploys', 'deploying', 'deployment', 'dispatched', 'dispatch', 'entered', 'enter', 'enters', 'entering',
      'entry', 'entries', 'moved', 'migrated', 'immigrated', 'emigrated', 'followed', 'settle', 'settled',
      'settling', 'resettled', 'admitted', 'admit', 'hired', 'employed', 'enrolled', 'influx', 'inflow',
      'imported', 'transferred', 'shipped', 'headed', 'travelled', 'traveled', 'crossed', 'joined', 'accepted',
      'received', 'welcomed', 'visited',
    ],
    departures: [
      'left', 'leave', 'leaves', 'leaving', 'returned', 'return', 'returns', 'returning', 'repatriated',
      'repatriate', 'repatriation', 'evacuated', 'evacuate', 'evacuation', 'deported', 'deport', 'deportation',
      'expelled', 'expel', 'expulsion', 'departed', 'depart', 'departure', 'departures', 'withdrawn', 'withdrew',
      'withdraw', 'outflow', 'exodus', 'transfer', 'removed', 'sent back',
    ],
    count: [
      'died', 'die', 'dies', 'dead', 'deaths', 'death', 'killed', 'kill', 'perished', 'wounded', 'injured',
      'casualties', 'captured', 'capture', 'caught', 'detained', 'arrested', 'imprisoned', 'executed',
      'defected', 'defect', 'defections', 'fled', 'escaped', 'missing', 'abducted', 'kidnapped', 'surrendered',
      'prisoners', 'starved',
    ],
    population: [
      'population', 'populations', 'lived', 'live', 'lives', 'living', 'reside', 'resides', 'resided',
      'residing', 'present', 'numbered', 'number', 'remained', 'remain', 'remaining', 'stayed', 'stay', 'total',
      'totalled', 'totaled', 'community', 'resident', 'residents', 'strong', 'census', 'inhabitants',
      'working', 'work', 'worked', 'employed', 'stationed', 'based', 'serving', 'served',
    ],
  }).flatMap(([measure, words]) => words.map((w) => [w, measure as Measure] as const)),
);

/**
 * Nouns that name people when written right after a number but are not group heads of the
 * group lexicon ("1,500 people", "300 men"). A number followed by any other noun ("124
 * trains", "6,400 km") counts things, not people.
 */
export const PERSON_NOUNS: ReadonlySet<string> = new Set([
  'people', 'persons', 'person', 'individuals', 'men', 'women', 'children', 'families', 'family', 'members',
  'citizens', 'nationals', 'residents', 'inhabitants', 'koreans', 'others', 'adults', 'minors', 'victims',
  'survivors', 'dead', 'deaths', 'casualties', 'prisoners', 'captives', 'detainees', 'volunteers', 'souls',
  'households', 'cases', 'applicants', 'arrivals', 'migrants', 'immigrants', 'emigrants',
]);

/** Prepositions before a place name that say what role the place plays for the people counted. */
export const PLACE_SLOTS: ReadonlyMap<string, 'location' | 'destination' | 'origin' | 'of'> = new Map([
  ['in', 'location'], ['on', 'location'], ['at', 'location'], ['inside', 'location'], ['within', 'location'],
  ['across', 'location'], ['throughout', 'location'], ['near', 'location'], ['around', 'location'],
  ['to', 'destination'], ['into', 'destination'], ['towards', 'destination'], ['toward', 'destination'],
  ['for', 'destination'], ['entered', 'destination'], ['reached', 'destination'], ['visited', 'destination'],
  ['from', 'origin'], ['of', 'of'],
]);

/** Words that end a clause for the purpose of carrying a rate or a measure across it. */
export const CLAUSE_BREAKS: ReadonlySet<string> = new Set([';', ':', '(', ')', '—', '–', '"', '“', '”']);

/**
 * Purpose words that make a general group specific: "more than 10,000 North Koreans entered
 * Russia on work visas" counts workers; "came to study" counts students.
 */
export const PURPOSE_WORDS: ReadonlyMap<string, 'workers' | 'students' | 'soldiers'> = new Map([
  ['work', 'workers'], ['working', 'workers'], ['labour', 'workers'], ['labor', 'workers'], ['jobs', 'workers'],
  ['employment', 'workers'], ['logging', 'workers'], ['construction', 'workers'], ['fisheries', 'workers'],
  ['study', 'students'], ['studying', 'students'], ['universities', 'students'], ['university', 'students'],
  ['military', 'soldiers'], ['combat', 'soldiers'], ['fight', 'soldiers'], ['fighting', 'soldiers'],
]);
