import type { Entity } from '../types.js';

/**
 * The entity corpus, Duckling style: each entry is one expected entity (kind, name as written,
 * without a leading "the" or a possessive "'s") and real sentences that must each contain it.
 */
export interface EntityCorpusEntry {
  /** what the entry shows (the rule it motivates) */
  note: string;
  expected: { kind: Entity['kind']; name: string };
  sentences: string[];
}

export const corpus: EntityCorpusEntry[] = [
  {
    note: 'person name: three tokens, Korean order',
    expected: { kind: 'person', name: 'Kim Il Sung' },
    sentences: [
      "Various senior members of the Workers' Party of Korea, including Kim Il Sung himself, lived in Russia.",
      'The second wave began under a secret agreement between Leonid Brezhnev and Kim Il Sung in Vladivostok.',
    ],
  },
  {
    note: 'person name: given name and surname',
    expected: { kind: 'person', name: 'Leonid Brezhnev' },
    sentences: [
      'The second wave began under a secret agreement between Leonid Brezhnev and Kim Il Sung in Vladivostok.',
    ],
  },
  {
    note: 'person name: after "of" in a lower-case phrase',
    expected: { kind: 'person', name: 'Vladimir Putin' },
    sentences: ['The most recent influx of North Korean workers began under the government of Vladimir Putin.'],
  },
  {
    note: 'person name: sentence-initial after a date',
    expected: { kind: 'person', name: 'Kim Jong Il' },
    sentences: ['In 2011, Kim Jong Il made a visit to Russia.'],
  },
  {
    note: 'person name: followed by an apposition',
    expected: { kind: 'person', name: 'Sergey Darkin' },
    sentences: [
      'In 2003, Sergey Darkin, the Governor of Primorsky Krai, suggested allowing up to 150,000 North Korean refugees.',
    ],
  },
  {
    note: 'person name: "Ho Chi Minh" is a person unless followed by City',
    expected: { kind: 'person', name: 'Ho Chi Minh' },
    sentences: [
      'Ho Chi Minh himself studied in Moscow in the 1920s.',
      'Authorities have erected a statue of Ho Chi Minh.',
    ],
  },
  {
    note: 'person name: a possessive stays out of the name',
    expected: { kind: 'person', name: 'Kim Jong Un' },
    sentences: ["Kim Jong Un's visit to Moscow was the first since 2019."],
  },
  {
    note: 'person name: "Jr." stays with the name',
    expected: { kind: 'person', name: 'Martin Luther King Jr.' },
    sentences: ['Martin Luther King Jr. spoke in Washington.'],
  },
  {
    note: 'person cue: a lower-case title before the name',
    expected: { kind: 'person', name: 'Choi Duk-gun' },
    sentences: ['North Korea ordered the assassination of South Korean consul Choi Duk-gun in 1996.'],
  },
  {
    note: 'person cue: leader',
    expected: { kind: 'person', name: 'Joseph Stalin' },
    sentences: ['The deportation was carried out by the NKVD on the orders of Soviet leader Joseph Stalin and others.'],
  },
  {
    note: 'title + name: capitalised titles, after a demonym',
    expected: { kind: 'person', name: 'Sergey Lavrov' },
    sentences: ['Russian Foreign Minister Sergey Lavrov visited Pyongyang.'],
  },
  {
    note: 'title + name: capitalised title',
    expected: { kind: 'person', name: 'Vladimir Putin' },
    sentences: ['President Vladimir Putin met Supreme Leader Kim Jong Un in Vostochny.'],
  },
  {
    note: 'title of complement: the titled person after the complement',
    expected: { kind: 'person', name: 'Vyacheslav Molotov' },
    sentences: [
      "The order came from Joseph Stalin and Chairman of the Council of People's Commissars of the Soviet Union Vyacheslav Molotov.",
    ],
  },
  {
    note: 'title of complement: the complement is an organisation',
    expected: { kind: 'organization', name: "Council of People's Commissars of the Soviet Union" },
    sentences: [
      "The order came from Joseph Stalin and Chairman of the Council of People's Commissars of the Soviet Union Vyacheslav Molotov.",
    ],
  },
  {
    note: 'organisation head: University',
    expected: { kind: 'organization', name: 'Kyung Hee University' },
    sentences: ['A 2006 study by Kyung Hee University estimated their total population at roughly 10,000.'],
  },
  {
    note: 'organisation head: with an "of" complement and a plural apostrophe',
    expected: { kind: 'organization', name: "Workers' Party of Korea" },
    sentences: [
      "Various senior members of the Workers' Party of Korea, including Kim Il Sung himself, lived in Russia.",
    ],
  },
  {
    note: 'organisation head: Party of Vietnam',
    expected: { kind: 'organization', name: 'Communist Party of Vietnam' },
    sentences: ['Ho Chi Minh studied in Moscow along with other senior members of the Communist Party of Vietnam.'],
  },
  {
    note: 'organisation head: Service, with a lower-case word after',
    expected: { kind: 'organization', name: 'Federal Migration Service' },
    sentences: ['They abducted a North Korean asylum seeker in front of a Federal Migration Service office in Moscow.'],
  },
  {
    note: 'organisation head: Army, leading "The" left out',
    expected: { kind: 'organization', name: 'Red Army' },
    sentences: ["The Red Army invaded Karafuto days before Japan's surrender."],
  },
  {
    note: 'organisation head: a possessive country before the name',
    expected: { kind: 'organization', name: 'National Intelligence Service' },
    sentences: [
      "According to South Korea's National Intelligence Service, about 3,000 North Korean troops were killed.",
    ],
  },
  {
    note: 'organisation head: in a later segment of a run',
    expected: { kind: 'organization', name: 'Kookmin University' },
    sentences: [
      'Andrei Lankov of Kookmin University studies North Korea.',
      'Dr. Andrei Lankov of Kookmin University studies North Korea.',
    ],
  },
  {
    note: 'title + name: an abbreviated title with its dot; the name stops at "of"',
    expected: { kind: 'person', name: 'Andrei Lankov' },
    sentences: ['Dr. Andrei Lankov of Kookmin University studies North Korea.'],
  },
  {
    note: 'organisation head: a thing named after the organisation is cut off',
    expected: { kind: 'organization', name: 'Security Council' },
    sentences: ['Under Security Council Resolution 2397, member states had to send home all North Korean laborers.'],
  },
  {
    note: 'organisation head: Group',
    expected: { kind: 'organization', name: 'Wagner Group' },
    sentences: ['The Wagner Group recruited prisoners.'],
  },
  {
    note: 'known organisation',
    expected: { kind: 'organization', name: 'European Union' },
    sentences: ['The European Union imposed sanctions.'],
  },
  {
    note: 'acronym: known',
    expected: { kind: 'organization', name: 'NATO' },
    sentences: ['These actions were condemned by NATO, the EU, South Korea, and the United States.'],
  },
  {
    note: 'acronym: after "the"',
    expected: { kind: 'organization', name: 'EU' },
    sentences: ['These actions were condemned by NATO, the EU, South Korea, and the United States.'],
  },
  {
    note: 'acronym: after a cue and "and"',
    expected: { kind: 'organization', name: 'UNHCR' },
    sentences: ['Intervention by the NGO Civic Assistance and UNHCR prevented his deportation.'],
  },
  {
    note: 'acronym: NKVD',
    expected: { kind: 'organization', name: 'NKVD' },
    sentences: ['The forced transfer of Soviet Koreans in 1937 was carried out by the NKVD.'],
  },
  {
    note: 'acronym: KPA',
    expected: { kind: 'organization', name: 'KPA' },
    sentences: ['The soldiers of the KPA believed that they were sent to Russia for military training.'],
  },
  {
    note: 'dotted acronym',
    expected: { kind: 'organization', name: 'U.N.' },
    sentences: ['The country has been under U.N. sanctions for decades.'],
  },
  {
    note: 'organisation cue: "the NGO" names what follows',
    expected: { kind: 'organization', name: 'Civic Assistance' },
    sentences: ['Intervention by the NGO Civic Assistance and UNHCR prevented his deportation.'],
  },
  {
    note: 'institution word: the Census',
    expected: { kind: 'organization', name: 'Census' },
    sentences: [
      'The Census recorded that roughly 80% could speak Russian.',
      'The Census also recorded that virtually all can speak Vietnamese.',
    ],
  },
  {
    note: 'ship: SS prefix',
    expected: { kind: 'other', name: 'SS Zyrianin' },
    sentences: ['The SS Zyrianin had a record of 2,200 North Korean workers going to Petropavlovsk-Kamchatsky.'],
  },
  {
    note: 'government phrase: demonym + government',
    expected: { kind: 'organization', name: 'Soviet government' },
    sentences: ['Roughly 9,000 North Korean migrant workers were recruited by the Soviet government.'],
  },
  {
    note: 'government phrase: two-word demonym',
    expected: { kind: 'organization', name: 'North Korean government' },
    sentences: ['In 2009, the North Korean government was estimated to earn roughly US$7 million each year.'],
  },
  {
    note: 'government phrase: Japanese government',
    expected: { kind: 'organization', name: 'Japanese government' },
    sentences: ['In 1985, the Japanese government offered transit rights and funding for the repatriation.'],
  },
  {
    note: 'government phrase: law enforcement',
    expected: { kind: 'organization', name: 'Russian law enforcement' },
    sentences: ['In November 2007, Russian law enforcement abducted a North Korean asylum seeker.'],
  },
  {
    note: 'government phrase: intelligence as a head',
    expected: { kind: 'organization', name: 'Ukrainian intelligence' },
    sentences: ['The North Koreans sent about 12,000 troops according to Ukrainian intelligence.'],
  },
  {
    note: 'government phrase: coordination with "various other"',
    expected: { kind: 'organization', name: 'South Korea and various other intelligence agencies' },
    sentences: [
      'South Korea and various other intelligence agencies determined that North Korea had sent troops to Russia.',
    ],
  },
  {
    note: 'government phrase: special services',
    expected: { kind: 'organization', name: 'North Korean special services' },
    sentences: ['He was turned over to agents of the North Korean special services.'],
  },
  {
    note: 'government phrase: security forces',
    expected: { kind: 'organization', name: 'North Korean security forces' },
    sentences: ['They are closely monitored by North Korean security forces to prevent defections.'],
  },
  {
    note: 'government phrase: state-run media',
    expected: { kind: 'organization', name: 'Vietnamese state-run media' },
    sentences: ['One article in Vietnamese state-run media claimed that many find it unnecessary to learn Russian.'],
  },
];

/** Sentences whose complete entity list is known: [kind, name] in order. */
export const exact: Array<{ sentence: string; entities: Array<[Entity['kind'], string]> }> = [
  {
    sentence: 'In 2009, the North Korean government was estimated to earn roughly US$7 million.',
    entities: [['organization', 'North Korean government']],
  },
  {
    sentence: 'These actions were condemned by NATO, the EU, South Korea, and the United States.',
    entities: [
      ['organization', 'NATO'],
      ['organization', 'EU'],
    ],
  },
  {
    sentence: 'Intervention by the NGO Civic Assistance and UNHCR prevented his deportation.',
    entities: [
      ['organization', 'Civic Assistance'],
      ['organization', 'UNHCR'],
    ],
  },
  {
    sentence: 'In 2003, Sergey Darkin, the Governor of Primorsky Krai, suggested a plan.',
    entities: [['person', 'Sergey Darkin']],
  },
];

/** Sentences that must yield no entity at all: places, demonyms, starters, events. */
export const nearMisses: string[] = [
  'However, their numbers grew rapidly.',
  'North Koreans in Russia consist mainly of three groups.',
  'Sakhalin Koreans are Russian citizens and residents of Korean descent living on Sakhalin Island.',
  'Between 1946 and 1949, many went to the Kamchatka Peninsula.',
  'These soldiers eventually ended up on the frontlines of the Russo-Ukrainian War, serving in Kursk.',
  'The Soviet Union and North Korea concluded an agreement.',
  'World War II ended in 1945, and the Korean War began in 1950.',
  'They came from various parts of North Korea; 700 were from Myongchon.',
  'The USSR and the DPRK signed an agreement.',
  'Other large communities can be found in Vladivostok and Saint Petersburg.',
  'It is north of the Far East of Russia, in the Kazakh SSR.',
  'Russia forces them to work long hours.',
  'The Russian military training lasted a month.',
  'NORTH KOREAN TROOPS ARRIVE IN RUSSIA',
  'Working conditions were difficult.',
  'Alternative terms in South Korea include "northern refugees".',
  "Japan's surrender ended the war.",
  'The Governor of Primorsky Krai objected.',
  'As Prime Minister, he visited Moscow twice.',
  'Workers flew from Hong Kong and Kuala Lumpur.',
  'Many Vietnamese traders came from Ho Chi Minh City.',
  'Many attended Christmas Eve services at the Orthodox church.',
];
