/**
 * Phrasebook for attributions and modality cues: each entry gives the expected source (or cue)
 * and real sentences that state it; near misses must yield no attribution (or no cue).
 */
import type { Modality } from '../types.js';

export interface AttributionEntry {
  /** the rule expected to find it (a reviewer can read the trace) */
  rule: string;
  source: string;
  sentences: string[];
}

export const attributionCorpus: AttributionEntry[] = [
  {
    rule: 'source: according to X',
    source: 'Ukrainian intelligence',
    sentences: [
      'The North Koreans sent about 12,000 troops according to Ukrainian intelligence.',
      'According to Ukrainian intelligence, about 12,000 troops were sent.',
    ],
  },
  {
    rule: 'source: according to X',
    source: 'the 2002 census',
    sentences: [
      'Vietnamese people in Russia form the 72nd-largest ethnic minority community in Russia according to the 2002 census.',
    ],
  },
  {
    rule: 'source: according to X',
    source: 'one estimate',
    sentences: ['According to one estimate, during that time period, 50,000 North Korean workers arrived.'],
  },
  {
    rule: 'source: according to X',
    source: 'the U.N.',
    sentences: ['About 100,000 North Koreans work abroad, according to the U.N.'],
  },
  {
    rule: 'source: subject of a statement verb',
    source: 'Kyung Hee University',
    sentences: ['A 2006 study by Kyung Hee University estimated their total population at roughly 10,000.'],
  },
  {
    rule: 'source: subject of a statement verb',
    source: 'one researcher',
    sentences: [
      'Between 1946 and 1949, one researcher estimated that 50,000 North Koreans went to the Kamchatka Peninsula.',
      'Between 1946 and 1949 one researcher estimated that 50,000 North Koreans went to the Kamchatka Peninsula.',
    ],
  },
  {
    rule: 'source: subject of a statement verb',
    source: 'One survey published in 2020',
    sentences: ['One survey published in 2020 estimated their number to have been 50,000 between 1946 and 1949.'],
  },
  {
    rule: 'source: subject of a statement verb',
    source: 'the Census',
    sentences: [
      'Assessments vary as well; the Census recorded that roughly 80% could speak Russian.',
      'In fact the Census also recorded that virtually all can speak Vietnamese.',
      'For example the Census recorded that virtually all can speak Vietnamese.',
    ],
  },
  {
    rule: 'source: subject of a statement verb',
    source: 'unofficial estimates',
    sentences: ['However, unofficial estimates put their population as high as 100,000 to 150,000.'],
  },
  {
    rule: 'source: subject of a statement verb',
    source: 'Sergey Darkin',
    sentences: [
      'In 2003, Sergey Darkin, the Governor of Primorsky Krai, suggested allowing up to 150,000 North Korean refugees in China to settle in Russia.',
      'Sergey Darkin, who governed Primorsky Krai, said 10,000 refugees could settle there.',
    ],
  },
  {
    rule: 'source: subject of a statement verb',
    source: "South Korea's National Intelligence Service",
    sentences: [
      "South Korea's National Intelligence Service (NIS) estimated that between 10,000 and 12,000 soldiers had been deployed.",
    ],
  },
  {
    rule: 'source: subject of a statement verb',
    source: 'rights groups',
    sentences: [
      'They are repatriated back to North Korea, where rights groups say they often face harsh interrogations.',
    ],
  },
  {
    rule: 'source: subject of a statement verb',
    source: 'South Korea and various other intelligence agencies',
    sentences: [
      'By late 2024, videos emerged showing North Korean troops in Siberia, and South Korea and various other intelligence agencies determined that North Korea had sent troops to Russia.',
    ],
  },
  {
    rule: 'source: subject of a statement verb',
    source: 'Estimates based on population statistics',
    sentences: [
      'Estimates based on population statistics suggest that between 16,500 and 50,000 deported Koreans died from starvation.',
    ],
  },
  {
    rule: 'source: subject of a statement verb',
    source: 'one article in Vietnamese state-run media',
    sentences: [
      'Roughly 80% could speak Russian, while one article in Vietnamese state-run media claimed that many did not.',
    ],
  },
  {
    rule: 'source: subject of a statement verb',
    source: 'some historians',
    sentences: ['However, some historians regard it as part of the policy of "frontier cleansing".'],
  },
  {
    rule: 'source: subject of a statement verb',
    source: "South Korea's spy agency",
    sentences: ["South Korea's spy agency said about 3,000 North Korean soldiers had been killed or wounded."],
  },
  {
    rule: 'source: subject of a statement verb',
    source: 'the Pentagon',
    sentences: ['Some 11,000 North Korean troops were deployed to the Kursk region, the Pentagon said.'],
  },
  {
    rule: 'source: subject of a statement verb',
    source: 'Officials',
    sentences: ['Officials, however, said the workers had arrived on student visas.'],
  },
  {
    rule: 'source: subject of a statement verb',
    source: "Ukraine's military intelligence agency",
    sentences: ["Ukraine's military intelligence agency told Reuters that 1,000 North Koreans had died."],
  },
  {
    rule: 'source: subject of a statement verb',
    source: 'Russian officials',
    sentences: ['In November 2007 Russian officials reported that 200 refugees had been detained.'],
  },
  {
    rule: 'source: subject of a statement verb',
    source: 'the UN',
    sentences: ['The number was estimated by the UN at 100,000.', 'The figure, as reported by the UN, is 100,000.'],
  },
  {
    // the verb rule and the document rule find the same span; the verb rule is listed first
    rule: 'source: subject of a statement verb',
    source: 'the Database Center for North Korean Human Rights',
    sentences: [
      'A 2019 report by the Database Center for North Korean Human Rights found that workers were paid little.',
    ],
  },
  {
    rule: 'source: subject of a statement verb',
    source: 'the Russian interior ministry',
    sentences: ['Data from the Russian interior ministry show that 12,000 North Koreans entered Russia in 2023.'],
  },
  {
    rule: 'source: according to X',
    source: 'the Database Center for North Korean Human Rights',
    sentences: [
      'According to a report by the Database Center for North Korean Human Rights, workers were paid little.',
    ],
  },
  {
    rule: 'source: a study/report/data by or from X',
    source: 'the Database Center for North Korean Human Rights',
    sentences: [
      'In a 2019 report by the Database Center for North Korean Human Rights, workers described their wages.',
    ],
  },
  {
    rule: 'source: a study/report/data by or from X',
    source: 'the interior ministry',
    sentences: ['Figures from the interior ministry, published in 2023, list 12,000 entries.'],
  },
  {
    rule: 'source: a study/report/data by or from X',
    source: 'Rosstat',
    sentences: ['A survey conducted by Rosstat in 2010 counted 26,205 Vietnamese.'],
  },
  {
    rule: "source: X's estimate",
    source: 'Seoul',
    sentences: ["By Seoul's latest estimate, 30,000 remain.", "Seoul's estimate of 30,000 is the highest."],
  },
  {
    rule: 'source: subject of a statement verb',
    source: 'Seoul',
    sentences: ["Seoul's estimate puts the number of workers at 30,000."],
  },
  {
    rule: "source: X's estimate",
    source: 'The rights group',
    sentences: ["The rights group's figures, released in May, list 500 deaths."],
  },
  {
    rule: 'source: (source: X)',
    source: 'Rosstat',
    sentences: ['The community numbers 26,205 (source: Rosstat).'],
  },
  {
    rule: 'source: X was quoted as saying',
    source: 'the South Korean prime minister',
    sentences: [
      'As early as 1994, the South Korean prime minister was quoted as stating "It is legally not tidy for us to grant North Koreans asylum".',
    ],
  },
];

/** Sentences that name no source: passives, adjectives, nouns that look like verbs, pronouns. */
export const attributionNearMisses: string[] = [
  // passives without an agent
  'Up to 70% of the $40 to $100 per month wages earned by the workers are reported to be taken away as "loyalty payments".',
  'In 2009, the North Korean government was estimated to earn roughly US$7 million each year.',
  'In 1999, there were estimated to be only between 100 and 500 North Korean refugees in the area.',
  'It is believed that North Korea ordered the assassination of South Korean consul Choi Duk-gun in 1996.',
  'It is known that in late 2024, North Korea made an offer to the Russians to send troops.',
  'Recruitment companies prefer workers from urban areas, as they are believed to adapt better.',
  'North Korea is widely believed to earn hundreds of millions of dollars from its workers abroad.',
  // adjectives and nouns, not statement verbs
  'An estimated 40,000 Koreans were left stranded on Sakhalin after the war.',
  'In 2010, reports came out from Nakhodka indicating that North Korean workers had been evacuated.',
  'Pyongyang denied reports that its troops were fighting in Ukraine.',
  // "put" and "found" in their other senses
  "With Russia's 2007 reform of rules for retail markets, which put restrictions on immigrant-owned shops, many will close.",
  'Many workers found jobs in construction.',
  // pronoun subjects name no one
  'He said that 10,000 workers had arrived.',
  // "according" without "to", a source noun without an author
  'The study covered 10,000 workers.',
];

export interface ModalityEntry {
  modality: Exclude<Modality, 'asserted'>;
  /** the cue as written */
  cue: string;
  sentences: string[];
}

export const modalityCorpus: ModalityEntry[] = [
  {
    modality: 'estimated',
    cue: 'estimated',
    sentences: [
      'A 2006 study by Kyung Hee University estimated their total population at roughly 10,000.',
      'An estimated 40,000 Koreans were left stranded on Sakhalin.',
    ],
  },
  {
    modality: 'estimated',
    cue: 'believed',
    sentences: [
      'It is believed that North Korea ordered the assassination of South Korean consul Choi Duk-gun in 1996.',
    ],
  },
  {
    modality: 'estimated',
    cue: 'thought',
    sentences: ['About 20,000 are thought to remain.'],
  },
  {
    modality: 'estimated',
    cue: 'suggest',
    sentences: ['Census figures suggest that between 16,500 and 50,000 deported Koreans died.'],
  },
  {
    modality: 'proposed',
    cue: 'suggested',
    sentences: [
      'In 2003, Sergey Darkin suggested allowing up to 150,000 North Korean refugees in China to settle in Russia.',
      'The governor suggested to admit 10,000 more workers.',
    ],
  },
  {
    modality: 'proposed',
    cue: 'offer',
    sentences: ['It is known that in late 2024, North Korea made an offer to the Russians to send troops.'],
  },
  {
    modality: 'proposed',
    cue: 'would allow',
    sentences: ['The deal would allow up to 50,000 workers to enter Russia annually.'],
  },
  {
    modality: 'reported',
    cue: 'reportedly',
    sentences: ['In 2011, Kim Jong Il reportedly negotiated for even more North Korean workers to be sent to Russia.'],
  },
  {
    modality: 'reported',
    cue: 'according to',
    sentences: ['The North Koreans sent about 12,000 troops according to Ukrainian intelligence.'],
  },
  {
    modality: 'reported',
    cue: 'allegedly',
    sentences: ['About 2,000 soldiers were allegedly killed.'],
  },
  {
    modality: 'denied',
    cue: 'denied',
    sentences: ['North Korea denied having sent troops to aid the Russians.'],
  },
  {
    modality: 'denied',
    cue: 'rejected',
    sentences: ['The Kremlin rejected claims that 10,000 soldiers had been sent.'],
  },
];

/** Sentences without a modality cue: assertions, and words only near a cue. */
export const modalityNearMisses: string[] = [
  'In the late 1940s, roughly 9,000 North Korean migrant workers were recruited by the Soviet government.',
  'He thought about the past.',
  'The Kremlin rejected the request.',
  'It was not known if they would be sent to North Korea.',
  'The United States imposed new restrictions.',
];
