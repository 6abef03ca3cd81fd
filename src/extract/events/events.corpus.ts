/**
 * Phrasebook for event triggers: each entry gives a type, the trigger as written and real
 * sentences; every sentence must yield that trigger with that type and no other trigger of the
 * type. Near misses must yield no trigger at all. Each rule and each filter has its sentence.
 */
import type { EventType } from '../types.js';

export interface EventEntry {
  rule: string;
  type: EventType;
  trigger: string;
  sentences: string[];
}

export const eventCorpus: EventEntry[] = [
  // ---- a participle followed by its object is a verb, not an adjective ----
  {
    rule: 'event: trigger word',
    type: 'escape',
    trigger: 'fled',
    sentences: ['By 1995, fewer than 5,000 remained, and at least 300 fled the camps, Human Rights Watch reported.'],
  },
  {
    rule: 'event: trigger word',
    type: 'repatriation',
    trigger: 'repatriated',
    sentences: ['Chinese authorities forcibly repatriated about 500 North Koreans in October 2023, the group said.'],
  },
  // ---- the trigger lexicon, one entry per type ----
  {
    rule: 'event: trigger word',
    type: 'agreement',
    trigger: 'agreement',
    sentences: [
      'The second wave began in 1966 or 1967 under a secret agreement between Leonid Brezhnev and Kim Il Sung in Vladivostok.',
      'In 1946, the Soviet Union and North Korea concluded an agreement to collaborate on the development of fisheries.',
    ],
  },
  {
    rule: 'event: trigger word',
    type: 'agreement',
    trigger: 'treaty',
    sentences: ['Russia and North Korea signed a comprehensive strategic partnership treaty in June 2024.'],
  },
  {
    rule: 'event: trigger word',
    type: 'visit',
    trigger: 'visit',
    sentences: ['In 2011, Kim Jong Il made a visit to Russia in which he reportedly negotiated for more workers.'],
  },
  {
    rule: 'event: trigger word',
    type: 'visit',
    trigger: 'visited',
    sentences: ['Many have since visited and worked in the South.', 'Vladimir Putin visited Pyongyang in June 2024.'],
  },
  {
    rule: 'event: trigger word',
    type: 'recruitment',
    trigger: 'recruited',
    sentences: [
      'In the late 1940s, roughly 9,000 North Korean migrant workers were recruited by the Soviet government.',
      'The Japanese government both recruited and forced Korean labourers into service and shipped them to Karafuto.',
    ],
  },
  {
    rule: 'event: trigger word',
    type: 'study',
    trigger: 'enrolled',
    sentences: ['Many North Korean students enrolled in universities and colleges in countries of the Soviet bloc.'],
  },
  {
    rule: 'event: trigger word',
    type: 'study',
    trigger: 'studied',
    sentences: ['Ho Chi Minh himself studied in Moscow in the 1920s.'],
  },
  {
    rule: 'event: trigger word',
    type: 'deployment',
    trigger: 'deployed',
    sentences: ['Some 11,000 North Korean troops were deployed to the Kursk region last autumn.'],
  },
  {
    rule: 'event: trigger word',
    type: 'training',
    trigger: 'training',
    sentences: ['By late 2024, videos emerged showing North Korean troops in Siberia training with Russian troops.'],
  },
  {
    rule: 'event: trigger word',
    type: 'combat',
    trigger: 'invaded',
    sentences: ["The Red Army invaded Karafuto days before Japan's surrender."],
  },
  {
    rule: 'event: trigger word',
    type: 'combat',
    trigger: 'attack',
    sentences: ['Ukrainian forces repelled an attack by North Korean units near Sudzha.'],
  },
  {
    rule: 'event: trigger word',
    type: 'casualties',
    trigger: 'died',
    sentences: [
      'In 1947, 300 Koreans died due to an epidemic.',
      'Estimates suggest that between 16,500 and 50,000 deported Koreans died from starvation.',
    ],
  },
  {
    rule: 'event: trigger word',
    type: 'casualties',
    trigger: 'casualties',
    sentences: ['Ukraine first noted inflicting casualties on the North Koreans in late 2024.'],
  },
  {
    rule: 'event: trigger word',
    type: 'casualties',
    trigger: 'killed',
    sentences: ['About 3,000 North Korean soldiers had been killed or wounded in the Kursk region.'],
  },
  {
    rule: 'event: trigger word',
    type: 'capture',
    trigger: 'captured',
    sentences: ['In 2025, Ukraine captured 2 soldiers from North Korea.'],
  },
  {
    rule: 'event: trigger word',
    type: 'evacuation',
    trigger: 'evacuated',
    sentences: ['North Korean workers and traders there had been evacuated back to their home country.'],
  },
  {
    rule: 'event: trigger word',
    type: 'repatriation',
    trigger: 'repatriated',
    sentences: ['While all but a few Japanese there repatriated successfully, the Koreans stayed.'],
  },
  {
    rule: 'event: trigger word',
    type: 'repatriation',
    trigger: 'repatriation',
    sentences: ['Several thousand Kamchatka Koreans refused repatriation orders.'],
  },
  {
    rule: 'event: trigger word',
    type: 'deportation',
    trigger: 'deportation',
    sentences: [
      // the second mention, "forced transfer", restates the first
      'The deportation of Koreans in the Soviet Union was the forced transfer of nearly 172,000 Soviet Koreans.',
    ],
  },
  {
    rule: 'event: trigger word',
    type: 'abduction',
    trigger: 'abducted',
    sentences: ['In November 2007, Russian law enforcement abducted a North Korean asylum seeker in Moscow.'],
  },
  {
    rule: 'event: trigger word',
    type: 'assassination',
    trigger: 'assassination',
    sentences: ['North Korea ordered the assassination of South Korean consul Choi Duk-gun in 1996.'],
  },
  {
    rule: 'event: trigger word',
    type: 'escape',
    trigger: 'escaped',
    sentences: ['The refugee later escaped from a facility in Vladivostok.'],
  },
  {
    rule: 'event: trigger word',
    type: 'escape',
    trigger: 'defections',
    sentences: ['During the famine of the 1990s, there was an increase in defections, reaching a peak in 1998.'],
  },
  {
    rule: 'event: trigger word',
    type: 'escape',
    trigger: 'fled',
    sentences: ['North Koreans have fled from the country in spite of legal punishment.'],
  },
  {
    rule: 'event: trigger word',
    type: 'proposal',
    trigger: 'offer',
    sentences: [
      // the offer's clause holds what is offered: "send", "training", "sent", "invasion" are not events
      'In late 2024, North Korea made an offer to the Russians to send troops to the Far East of Russia for military training, to eventually be sent to the frontlines of the Russian invasion of Ukraine.',
    ],
  },
  {
    rule: 'event: trigger word',
    type: 'proposal',
    trigger: 'offered',
    sentences: [
      'In 1985, the Japanese government offered transit rights and funding for the repatriation of the original group of Sakhalin Koreans.',
    ],
  },
  {
    rule: 'event: trigger word',
    type: 'condemnation',
    trigger: 'condemned',
    sentences: ['These actions were condemned by NATO, the EU, South Korea, and the United States.'],
  },
  {
    rule: 'event: trigger word',
    type: 'denial',
    trigger: 'denied',
    sentences: ['North Korea denied having sent troops to aid the Russians.'],
  },
  {
    rule: 'event: trigger word',
    type: 'sanction',
    trigger: 'sanctions',
    sentences: ['China has been under pressure while North Korea has been under U.N. sanctions for decades.'],
  },
  {
    rule: 'event: trigger word',
    type: 'other',
    trigger: 'erected',
    sentences: ['Near the metro station, authorities have erected a statue of Ho Chi Minh.'],
  },
  // ---- phrase rules ----
  {
    rule: 'event: send troops',
    type: 'deployment',
    trigger: 'sent',
    sentences: [
      'The North Koreans sent about 12,000 troops according to Ukrainian intelligence.',
      'Intelligence agencies determined that North Korea had sent troops to Russia.',
      'More soldiers were sent in December.',
    ],
  },
  {
    rule: 'event: send troops',
    type: 'repatriation',
    trigger: 'sent back',
    sentences: ['Hundreds of escapees were sent back to North Korea.'],
  },
  {
    rule: 'event: serving in',
    type: 'deployment',
    trigger: 'serving',
    sentences: [
      'These soldiers eventually ended up on the frontlines, serving in Kursk to counter the Ukrainian incursion.',
    ],
  },
  {
    rule: 'event: came as workers',
    type: 'recruitment',
    trigger: 'came',
    sentences: ['The population first came to the area as contract workers from 1946 to 1949.'],
  },
  {
    rule: 'event: returned home',
    type: 'repatriation',
    trigger: 'returned',
    sentences: [
      'Only 1,500 of them returned to South Korea in the next two decades.',
      'Most workers returned home after their contracts ended.',
    ],
  },
  {
    rule: 'event: returned home',
    type: 'repatriation',
    trigger: 'return',
    sentences: ['Japan and South Korea agreed in 1988 to fund the return of elderly Sakhalin Koreans.'],
  },
  {
    rule: 'event: crossed the border',
    type: 'escape',
    trigger: 'cross',
    sentences: ['The most common strategy of defectors is to cross the China–North Korea border into Jilin.'],
  },
  {
    rule: 'event: forced transfer',
    type: 'deportation',
    trigger: 'forced transfer',
    sentences: ['It was the forced transfer of nearly 172,000 Soviet Koreans to Central Asia.'],
  },
  {
    rule: 'event: resettle them',
    type: 'deportation',
    trigger: 'resettle',
    sentences: ['124 trains were used to resettle them 6,400 km to Central Asia.'],
  },
  {
    rule: 'event: taken prisoner',
    type: 'capture',
    trigger: 'taken prisoner',
    sentences: ['Two North Korean soldiers were taken prisoner in Kursk.'],
  },
  {
    rule: 'event: taken prisoner',
    type: 'capture',
    trigger: 'prisoners of war',
    sentences: ['Ukraine holds two North Korean prisoners of war.'],
  },
  {
    rule: 'event: refused to grant',
    type: 'denial',
    trigger: 'refuses',
    sentences: ['China refuses to grant North Korean defectors refugee status and considers them illegal migrants.'],
  },
  {
    rule: 'event: rejected claims',
    type: 'denial',
    trigger: 'rejected',
    sentences: ['The Kremlin rejected claims that North Korean soldiers had been sent to the front.'],
  },
  {
    rule: 'event: pledged to',
    type: 'proposal',
    trigger: 'pledged',
    sentences: ['Kim Jong Un pledged to send more troops to help Russia.'],
  },
  {
    rule: 'event: suggested doing',
    type: 'proposal',
    trigger: 'suggested',
    sentences: [
      // "his plan" refers back to the suggestion
      'In 2003, Sergey Darkin, the Governor of Primorsky Krai, suggested allowing up to 150,000 North Korean refugees in China to settle in Russia, but his plan never came to fruition.',
    ],
  },
  {
    rule: 'event: study in',
    type: 'study',
    trigger: 'study',
    sentences: [
      'About 1,000 North Korean students study in Russia each year.',
      'They went to Moscow to study engineering.',
    ],
  },
  {
    rule: 'event: trip to',
    type: 'visit',
    trigger: 'trip',
    sentences: ["Kim Jong Un's trip to Vladivostok lasted four days."],
  },
  {
    rule: 'event: agreed to',
    type: 'agreement',
    trigger: 'agreed',
    sentences: ['The two leaders agreed to expand cooperation.'],
  },
  {
    rule: 'event: a deal',
    type: 'agreement',
    trigger: 'deal',
    sentences: ['The two governments reached a deal on labour migration.'],
  },
  {
    rule: 'event: military exercises',
    type: 'training',
    trigger: 'exercises',
    sentences: ['The two navies held joint exercises off Vladivostok.'],
  },
  {
    rule: 'event: to defect',
    type: 'escape',
    trigger: 'defect',
    sentences: ['The diplomat decided to defect while posted in Moscow.'],
  },
  {
    rule: 'event: to train',
    type: 'training',
    trigger: 'train',
    sentences: ['Russian instructors were assigned to train North Korean gunners.'],
  },
  {
    rule: 'event: death toll',
    type: 'casualties',
    trigger: 'death toll',
    sentences: ['The death toll rose to 300.'],
  },
];

/** Sentences with no event, each naming the trap it guards (rule or filter). */
export const eventNearMisses: string[] = [
  // "study" as a document; "survey" too
  'A 2006 study by Kyung Hee University estimated their total population at roughly 10,000.',
  'One survey published in 2020 estimated their number to have been 50,000.',
  // figurative escape
  'The most recent influx is composed of volunteers seeking to escape unemployment and poverty at home.',
  // a blocking verb: the event did not happen
  'They are closely monitored by North Korean security forces to prevent defections.',
  'Intervention by the NGO Civic Assistance and UNHCR prevented his deportation.',
  'The UN banned the hiring of North Korean workers.',
  // a noun modifying an institution
  'Most are from Pyongyang; recruitment companies prefer workers from urban areas.',
  'The detention centres were full.',
  // arrival verbs without "as workers"
  'Between 1946 and 1949, one researcher estimated that 50,000 North Koreans went to the Kamchatka Peninsula.',
  'Another 25,000 workers also came to work in fisheries during the 1950s.',
  'Others came as industrial trainees.',
  // "sent" without soldiers
  'He reportedly negotiated for even more North Korean workers to be sent to Russia.',
  'They believed that they were sent to Russia for military training.',
  // "war" names the setting
  'Following the outbreak of the war in Ukraine, many North Koreans entered Russia.',
  'Since the division of Korea after the end of World War II, the border has been closed.',
  // an adjectival participle
  'The captured soldiers spoke no Russian.',
  // a habit
  'The defectors usually flee to a third country.',
  // a condition
  'They face a long sentence if caught.',
  // a time anchor
  'After the invasion of Ukraine, Russia faced a labour shortage.',
  // idioms
  'By that year, almost all of the original settlers had died out.',
  'Many were caught up in the conflict over wages.',
  // "returned" to an activity, "served as"
  'The workers returned to work the next day.',
  'He served as ambassador.',
  // "deal" as an amount or a verb, "accord" in a set phrase
  'A great deal of money was lost.',
  'Officials deal with the paperwork.',
  'This is in accord with the law.',
  // "trains" are trains; "defect" is a flaw
  '124 trains were used.',
  'The engine had a defect.',
  // "suggest that" estimates, it does not propose
  'Estimates based on population statistics suggest that between 16,500 and 50,000 Koreans lived there.',
  // "contract", "conclusion", "death" in passing
  'They mostly left upon the conclusion of their contracts.',
  'Rights groups say they often face harsh interrogations and years of punishment, or even death.',
];
