import type { GroupKind } from '../types.js';

/**
 * The group corpus, Duckling style: each entry is one expected group (kind, head, label as
 * written) and real sentences that must each contain it. Sentences come from the seed and
 * development texts and from news prose on the same topics.
 */
export interface GroupCorpusEntry {
  /** what the entry shows (the rule or decision it motivates) */
  note: string;
  expected: { kind: GroupKind; head: string; label: string };
  sentences: string[];
}

export const corpus: GroupCorpusEntry[] = [
  {
    note: 'head noun: modifiers (demonym, migrant) join the label, the number does not; the head wins',
    expected: { kind: 'workers', head: 'workers', label: 'North Korean migrant workers' },
    sentences: [
      'In the late 1940s, roughly 9,000 North Korean migrant workers were recruited by the Soviet government to work in state-owned fisheries on Sakhalin.',
      'By the terms of the agreement, 2,000 North Korean migrant workers would go to various parts of the Russian Far East.',
    ],
  },
  {
    note: 'head noun: plain plural',
    expected: { kind: 'workers', head: 'workers', label: 'workers' },
    sentences: [
      'Another 25,000 workers also came to work in fisheries during the 1950s.',
      'Up to 70% of the $40 to $100 per month wages earned by the workers are reported to be taken away.',
    ],
  },
  {
    note: 'head noun: a sentence-initial capital is still a group',
    expected: { kind: 'workers', head: 'workers', label: 'Workers' },
    sentences: ['Workers worked on contracts of various lengths, from several months to several years.'],
  },
  {
    note: 'head noun: guest workers',
    expected: { kind: 'workers', head: 'workers', label: 'guest workers' },
    sentences: [
      'North Koreans in Russia consist mainly of three groups: international students, guest workers, and defectors and refugees.',
    ],
  },
  {
    note: 'head noun: British and American spellings of labourers',
    expected: { kind: 'workers', head: 'labourers', label: 'Korean labourers' },
    sentences: ['The Japanese government both recruited and forced Korean labourers into service.'],
  },
  {
    note: 'head noun: American spelling',
    expected: { kind: 'workers', head: 'laborers', label: 'North Korean laborers' },
    sentences: ['Many Chinese companies hire North Korean laborers in Dandong.'],
  },
  {
    note: 'head noun: traders are workers (labour migrants in trade)',
    expected: { kind: 'workers', head: 'traders', label: 'traders' },
    sentences: ['Reports indicated that North Korean workers and traders there had been evacuated.'],
  },
  {
    note: 'head noun: entrepreneurs are workers',
    expected: { kind: 'workers', head: 'entrepreneurs', label: 'petty entrepreneurs' },
    sentences: ['Most Vietnamese people in Russia are petty entrepreneurs in the retail industry.'],
  },
  {
    note: 'head noun: lumberjacks',
    expected: { kind: 'workers', head: 'lumberjacks', label: 'lumberjacks' },
    sentences: ['The agreement involved North Koreans working as lumberjacks.'],
  },
  {
    note: 'multiword head: labour force',
    expected: { kind: 'workers', head: 'labor force', label: 'labor force' },
    sentences: ['North Koreans have been entering Russia to undertake various jobs, supplementing the labor force.'],
  },
  {
    note: 'weak head with a kind-giving modifier: labour migrants are workers',
    expected: { kind: 'workers', head: 'migrants', label: 'Labour migrants' },
    sentences: ['Labour migrants from Central Asia replaced North Korean guest workers.'],
  },
  {
    note: 'head noun: students',
    expected: { kind: 'students', head: 'students', label: 'North Korean students' },
    sentences: ['Many North Korean students enrolled in universities and colleges in countries of the Soviet bloc.'],
  },
  {
    note: 'head noun: trainees are students',
    expected: { kind: 'students', head: 'trainees', label: 'industrial trainees' },
    sentences: ['Others came as industrial trainees.'],
  },
  {
    note: 'head noun: sentence-initial capital is still a group',
    expected: { kind: 'students', head: 'students', label: 'Students' },
    sentences: ['Students also form another important group.'],
  },
  {
    note: 'weak head taking the kind of a modifying head: student population',
    expected: { kind: 'students', head: 'population', label: 'student population' },
    sentences: ['University records show that the student population grew.'],
  },
  {
    note: 'head noun: troops',
    expected: { kind: 'soldiers', head: 'troops', label: 'North Korean troops' },
    sentences: [
      'By late 2024, videos emerged showing North Korean troops in Siberia training with Russian troops.',
      'According to the report, about 3,000 North Korean troops were killed or wounded.',
    ],
  },
  {
    note: 'head noun: soldiers',
    expected: { kind: 'soldiers', head: 'soldiers', label: 'soldiers' },
    sentences: [
      'In 2025, Ukraine captured 2 soldiers from North Korea.',
      'These soldiers eventually ended up on the frontlines.',
    ],
  },
  {
    note: 'weak head: military engineers are soldiers',
    expected: { kind: 'soldiers', head: 'engineers', label: 'military engineers' },
    sentences: ['The Korean army sent sappers and military engineers to Kursk Oblast.'],
  },
  {
    note: 'weak head: security forces watch migrants; they are other',
    expected: { kind: 'other', head: 'forces', label: 'North Korean security forces' },
    sentences: ['They are closely monitored by North Korean security forces to prevent defections.'],
  },
  {
    note: 'head noun: refugees; the demonym joins the label',
    expected: { kind: 'refugees', head: 'refugees', label: 'North Korean refugees' },
    sentences: [
      'In 1999, there were estimated to be only between 100 and 500 North Korean refugees in the area.',
      'Sergey Darkin suggested allowing up to 150,000 North Korean refugees in China to settle in Russia.',
    ],
  },
  {
    note: 'head noun: singular refugee',
    expected: { kind: 'refugees', head: 'refugee', label: 'refugee' },
    sentences: ['The refugee later escaped from a facility in Vladivostok.'],
  },
  {
    note: 'head noun: defectors are refugees',
    expected: { kind: 'refugees', head: 'defectors', label: 'North Korean defectors' },
    sentences: ['Such North Koreans are referred to as North Korean defectors by the North Korean regime.'],
  },
  {
    note: 'head noun: runaways are refugees',
    expected: { kind: 'refugees', head: 'runaways', label: 'runaways' },
    sentences: ['Many of these refugees are runaways from the North Korean logging camps.'],
  },
  {
    note: 'multiword head: asylum seeker, singular',
    expected: { kind: 'refugees', head: 'asylum seeker', label: 'North Korean asylum seeker' },
    sentences: [
      'Russian law enforcement abducted a North Korean asylum seeker in front of a Federal Migration Service office.',
    ],
  },
  {
    note: 'ethnonym: a participle of forced movement makes refugees',
    expected: { kind: 'refugees', head: 'koreans', label: 'deported Koreans' },
    sentences: ['Estimates suggest that between 16,500 and 50,000 deported Koreans died from starvation.'],
  },
  {
    note: 'weak head people: displaced people are refugees',
    expected: { kind: 'refugees', head: 'people', label: 'displaced people' },
    sentences: ['Some 40,000 displaced people remained in the camps.'],
  },
  {
    note: 'ethnonym: a bare ethnonym is a community; place names join the label',
    expected: { kind: 'community', head: 'koreans', label: 'Sakhalin Koreans' },
    sentences: [
      '65% of the Sakhalin Koreans also took up North Korean citizenship in the 1950s and 1960s.',
      'Sakhalin Koreans are Russian citizens and residents of Korean descent living on Sakhalin Island.',
    ],
  },
  {
    note: 'ethnonym: Kamchatka Koreans',
    expected: { kind: 'community', head: 'koreans', label: 'Kamchatka Koreans' },
    sentences: ['Several thousand Kamchatka Koreans refused repatriation orders.'],
  },
  {
    note: 'ethnonym: lower-case modifiers join the label',
    expected: { kind: 'community', head: 'koreans', label: 'local ethnic Koreans' },
    sentences: [
      'Both South Korean diplomatic missions and local ethnic Koreans are reluctant to provide them with any assistance.',
    ],
  },
  {
    note: 'ethnonym: bare Koreans',
    expected: { kind: 'community', head: 'koreans', label: 'Koreans' },
    sentences: [
      'In 1947, 300 Koreans died due to an epidemic.',
      'The vast majority of Koreans of all generations chose instead to stay on Sakhalin.',
      'Almost one-third of the Koreans could not secure permission to depart.',
    ],
  },
  {
    note: 'head noun: Koryo-saram, one token',
    expected: { kind: 'community', head: 'koryo-saram', label: 'Koryo-saram' },
    sentences: ['This population of migrants became known as the Koryo-saram.'],
  },
  {
    note: 'head noun: settlers are a community',
    expected: { kind: 'community', head: 'settlers', label: 'original settlers' },
    sentences: ['By that year, almost all of the original settlers had died out.'],
  },
  {
    note: 'head noun: community, with a modifier head taken in',
    expected: { kind: 'community', head: 'community', label: 'ethnic minority community' },
    sentences: ['Vietnamese people in Russia form the 72nd-largest ethnic minority community in Russia.'],
  },
  {
    note: 'weak head people: a national adjective makes an ethnic community',
    expected: { kind: 'community', head: 'people', label: 'Vietnamese people' },
    sentences: [
      'Vietnamese people in Russia form the 72nd-largest ethnic minority community in Russia.',
      'Most Vietnamese people in Russia are petty entrepreneurs in the retail industry.',
    ],
  },
  {
    note: 'ethnonym-adjective as a noun: at the end of its phrase',
    expected: { kind: 'community', head: 'vietnamese', label: 'overseas Vietnamese' },
    sentences: ['With a population of 26,205, they are one of the smaller groups of overseas Vietnamese.'],
  },
  {
    note: 'ethnonym-adjective as a noun: a quantifier before, a verb after',
    expected: { kind: 'community', head: 'vietnamese', label: 'Vietnamese' },
    sentences: [
      'One article claimed that many Vietnamese find it unnecessary to learn Russian.',
      'Many Vietnamese will have to close their businesses.',
    ],
  },
  {
    note: 'ethnonym-adjective as a noun: a function word after',
    expected: { kind: 'community', head: 'chinese', label: 'Chinese' },
    sentences: ['The Chinese in Russia number about 30,000.'],
  },
  {
    note: 'head noun: residents are a community',
    expected: { kind: 'community', head: 'residents', label: 'long-term residents' },
    sentences: ['The community in Moscow has the highest proportion of long-term residents.'],
  },
  {
    note: 'ethnonym with a state qualifier: citizens of a state, general',
    expected: { kind: 'general', head: 'koreans', label: 'North Koreans' },
    sentences: [
      'Between 1946 and 1949, one researcher estimated that 50,000 North Koreans went to the Kamchatka Peninsula.',
      'A significant number of North Koreans have been observed secretly entering Russia.',
      'Since the division of Korea, North Koreans have fled from the country.',
    ],
  },
  {
    note: 'weak head: citizens',
    expected: { kind: 'general', head: 'citizens', label: 'North Korean citizens' },
    sentences: ['Aside from North Korean citizens living in Russia, there has also been significant migration.'],
  },
  {
    note: 'weak head: population, determiners left out',
    expected: { kind: 'general', head: 'population', label: 'population' },
    sentences: [
      'By 2020, their population was around 1,800.',
      'Since the late 1980s, the population has aligned itself more with South Korea.',
    ],
  },
  {
    note: 'weak head: population with an adjective',
    expected: { kind: 'general', head: 'population', label: 'total population' },
    sentences: ['A 2006 study estimated their total population at roughly 10,000.'],
  },
  {
    note: 'weak head: migrants, with modifiers',
    expected: { kind: 'general', head: 'migrants', label: 'illegal economic migrants' },
    sentences: ['China considers them illegal economic migrants.'],
  },
  {
    note: 'weak head people: a state qualifier makes the population as a whole',
    expected: { kind: 'general', head: 'people', label: 'North Korean people' },
    sentences: ['The North Korean people suffered a famine in the 1990s.'],
  },
  {
    note: 'weak head: private citizens are other',
    expected: { kind: 'other', head: 'citizens', label: 'private citizens' },
    sentences: ['North Korea ordered the assassination of a consul as well as two private citizens in 1995.'],
  },
  {
    note: 'multiword head: political prisoners are other',
    expected: { kind: 'other', head: 'political prisoners', label: 'political prisoners' },
    sentences: ['The first two waves consisted mostly of criminals or political prisoners.'],
  },
  {
    note: 'head noun: historians are other',
    expected: { kind: 'other', head: 'historians', label: 'historians' },
    sentences: ["However, some historians regard it as part of Stalin's policy of frontier cleansing."],
  },
  {
    note: 'ethnonym-adjective as a noun: Japanese are other (colonial nation, not the counted diaspora)',
    expected: { kind: 'other', head: 'japanese', label: 'Japanese' },
    sentences: ['While all but a few Japanese there repatriated successfully, the Koreans could not.'],
  },
];

/** Sentences that must yield no group at all. */
export const nearMisses: string[] = [
  // a head used as a modifier of another noun
  'The refugee status of the applicant was denied.',
  'Estimates based on population statistics vary.',
  // ethnonym-adjectives that are adjectives or languages
  'The Japanese government offered transit rights and funding.',
  'The Census also recorded that virtually all can speak Vietnamese.',
  'One article in Vietnamese state-run media claimed otherwise.',
  'It was part of the infiltration of Japanese espionage into the Far Eastern Krai.',
  // a capitalised head inside a name
  "Various senior members of the Workers' Party of Korea lived in Russia.",
  'The Red Army invaded Karafuto days before the surrender.',
  // a head that is a verb
  'The new law forces them to leave within a year.',
  // bare people names no group
  'Many people hardly speak the language at all.',
  // no group noun
  'However, their numbers grew rapidly.',
  'The decline of the economy has also resulted in an increase.',
];
