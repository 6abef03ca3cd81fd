import type { TimeExpr, TimePrecision } from '../types.js';

/**
 * The times corpus, Duckling style: each entry is one expected value and several real
 * phrasings (mostly from the seed and dev texts, the rest from news and report prose on the same
 * topics). In a phrasing, `[[...]]` marks the expression whose value is checked and `{{...}}`
 * marks the other times the annotator must find; it must find nothing else. Every phrasing is
 * annotated as one document with the fixed reference date below.
 */
export const REFERENCE_DATE = '2026-01-01';

export interface Expected {
  interval: [string | null, string | null];
  edtf: string;
  precision?: TimePrecision;
  /** defaults: bound 'interval', approximate false, relative false */
  bound?: TimeExpr['bound'];
  approximate?: boolean;
  relative?: boolean;
}

export interface CorpusEntry {
  name: string;
  expected: Expected;
  phrasings: string[];
}

export const corpus: CorpusEntry[] = [
  // --- years ---------------------------------------------------------------------------------
  {
    name: 'year after a preposition',
    expected: { interval: ['1947', '1947'], edtf: '1947', precision: 'year' },
    phrasings: [
      'In [[1947]], 300 Koreans died due to an epidemic.',
      'Another 2,200 followed in [[1947]]. [1] Workers worked on contracts of various lengths.',
      'The SS Zyrianin had a record of 2,200 North Korean workers going to Petropavlovsk-Kamchatsky from North Korea in [[1947]].',
      'During [[1947]] the camps on Sakhalin filled with new arrivals.',
    ],
  },
  {
    name: 'two years in one sentence',
    expected: { interval: ['1996', '1996'], edtf: '1996' },
    phrasings: [
      'It is believed that North Korea ordered the assassination of South Korean consul Choi Duk-gun in [[1996]] as well as two private citizens in {{1995}}, in response to their contact with the refugees.',
    ],
  },
  {
    name: 'year as a modifier of a record noun',
    expected: { interval: ['2002', '2002'], edtf: '2002' },
    phrasings: [
      'Vietnamese people in Russia form the 72nd-largest ethnic minority community in Russia according to the [[2002]] census.',
      'The [[2002]] All-Russian census counted 26,205 of them.',
      'A [[2002]] study by Kyung Hee University estimated the population.',
    ],
  },
  {
    name: 'year modifying a noun after a possessive',
    expected: { interval: ['2007', '2007'], edtf: '2007' },
    phrasings: [
      "with Russia's [[2007]] reform of rules for retail markets, many Vietnamese will have to close their businesses",
      'Russia’s [[2007]] law on migration tightened the rules.',
    ],
  },
  {
    name: 'clause-initial year',
    expected: { interval: ['2006', '2006'], edtf: '2006' },
    phrasings: [
      'A [[2006]] study by Kyung Hee University estimated their total population at roughly 10,000.',
      '[[2006]], the year of the study, saw 10,000 arrivals.',
    ],
  },
  {
    name: 'year modifying a record noun, more',
    expected: { interval: ['2019', '2019'], edtf: '2019' },
    phrasings: [
      'The [[2019]] deadline passed with thousands still in the country.',
      'These figures come from a [[2019]] report by the Ministry of Labour.',
      'In the first nine months of [[2019]], about 7,000 arrived.',
    ],
  },
  {
    name: 'the year N',
    expected: { interval: ['1946', '1946'], edtf: '1946' },
    phrasings: ['The agreement was signed in [[the year 1946]].'],
  },
  {
    name: 'year in parentheses',
    expected: { interval: ['1937', '1937'], edtf: '1937' },
    phrasings: ['The deportation of Koreans ([[1937]]) emptied the Far East.'],
  },
  {
    name: 'circa',
    expected: { interval: ['1900', '1900'], edtf: '1900~', approximate: true },
    phrasings: [
      'The first Korean farmers settled there [[c. 1900]] by most accounts.',
      'a village founded [[circa 1900]]',
    ],
  },
  {
    name: 'era marker',
    expected: { interval: ['0988', '0988'], edtf: '0988' },
    phrasings: ['Kievan Rus adopted Christianity in [[988 AD]].'],
  },
  {
    name: 'year in a long sentence with counts around it',
    expected: { interval: ['1937', '1937'], edtf: '1937' },
    phrasings: [
      'The deportation was the forced transfer of nearly 172,000 Soviet Koreans from the Russian Far East to unpopulated areas of the Kazakh SSR in [[1937]] by the NKVD. 124 trains were used to resettle them 6,400 km (4,000 miles) to Central Asia.',
    ],
  },
  {
    name: 'years of the seed article',
    expected: { interval: ['2025', '2025'], edtf: '2025' },
    phrasings: [
      'In [[2025]], Ukraine captured 2 soldiers from North Korea, confirming that North Korea had sent troops to aid the Russians.',
      'In {{2009}}, the North Korean government was estimated to earn roughly US$7 million each year. In [[2025]], more came.',
    ],
  },

  // --- decades -------------------------------------------------------------------------------
  {
    name: 'decade',
    expected: { interval: ['1950', '1959'], edtf: '195X', precision: 'decade' },
    phrasings: [
      'Another 25,000 workers also came to work in fisheries during [[the 1950s]].',
      'In [[the 1950s]], many left.',
      "Many came in [[the 1950's]].",
    ],
  },
  {
    name: 'decade of the 1920s',
    expected: { interval: ['1920', '1929'], edtf: '192X', precision: 'decade' },
    phrasings: [
      'Ho Chi Minh himself studied in Moscow in [[the 1920s]], along with other senior members of the Communist Party of Vietnam.[10]',
    ],
  },
  {
    name: 'late decade',
    expected: { interval: ['1946', '1949'], edtf: '1946~/1949~', precision: 'year', approximate: true },
    phrasings: [
      'In [[the late 1940s]], roughly 9,000 North Korean migrant workers were recruited by the Soviet government.',
      'Workers arrived in [[the late 1940s]] and stayed.',
    ],
  },
  {
    name: 'early decade',
    expected: { interval: ['1990', '1993'], edtf: '1990~/1993~', precision: 'year', approximate: true },
    phrasings: ['In [[the early 1990s]], logging camps expanded.', 'Trade collapsed in [[early 1990s]] Russia.'],
  },
  {
    name: 'mid decade',
    expected: { interval: ['1994', '1996'], edtf: '1994~/1996~', precision: 'year', approximate: true },
    phrasings: ['Defections rose in [[the mid-1990s]].', 'In [[the mid 1990s]] the famine struck.'],
  },
  {
    name: 'two decades coordinated',
    expected: { interval: ['1950', '1969'], edtf: '1950/1969', precision: 'decade' },
    phrasings: [
      '65% of the Sakhalin Koreans also took up North Korean citizenship in [[the 1950s and 1960s]] in order to avoid statelessness.',
    ],
  },
  {
    name: 'two decade parts coordinated',
    expected: { interval: ['1936', '1943'], edtf: '1936~/1943~', precision: 'year', approximate: true },
    phrasings: [
      'They trace their roots to the immigrants from the Gyeongsang and Jeolla provinces of Korea during [[the late 1930s and early 1940s]], {{the latter half of the Japanese colonial era}}.',
    ],
  },
  {
    name: 'two-digit decade with an apostrophe',
    // the century is implied: read against the document date, so relative
    expected: { interval: ['1990', '1999'], edtf: '199X', precision: 'decade', relative: true },
    phrasings: ["The famine of [[the '90s]] drove many north.", 'Border trade boomed in [[the ’90s]].'],
  },
  {
    name: 'decade after a named period',
    expected: { interval: ['1990', '1999'], edtf: '199X', precision: 'decade' },
    phrasings: [
      'During {{the North Korean famine}} of [[the 1990s]], there was an increase in defections, reaching a peak in {{1998 and 1999}}.',
    ],
  },

  // --- centuries -----------------------------------------------------------------------------
  {
    name: 'century',
    expected: { interval: ['1800', '1899'], edtf: '18XX', precision: 'century' },
    phrasings: [
      'Koreans first settled in the Russian Far East in [[the 19th century]].',
      'Migration began in [[the nineteenth century]].',
      'Koreans moved north throughout [[the 1800s]].',
      'a [[19th-century]] settlement',
    ],
  },
  {
    name: 'early century',
    expected: { interval: ['1900', '1933'], edtf: '1900~/1933~', precision: 'decade', approximate: true },
    phrasings: ['In [[the early 20th century]], Korean farmers crossed the Tumen.'],
  },
  {
    name: 'two centuries',
    expected: { interval: ['1800', '1999'], edtf: '1800/1999', precision: 'century' },
    phrasings: ['Across [[the 19th and 20th centuries]], Koreans moved north.'],
  },
  {
    name: 'turn of the century against the anchor',
    expected: { interval: ['1895', '1905'], edtf: '1895~/1905~', approximate: true, relative: true },
    phrasings: ['{{By 1897}} the village had grown. At [[the turn of the century]], it had a school.'],
  },
  {
    name: 'turn of the century against the document date',
    expected: { interval: ['1995', '2005'], edtf: '1995~/2005~', approximate: true, relative: true },
    phrasings: ['At [[the turn of the century]], the trade revived.'],
  },

  // --- months and days -----------------------------------------------------------------------
  {
    name: 'month and year',
    expected: { interval: ['2007-11', '2007-11'], edtf: '2007-11', precision: 'month' },
    phrasings: [
      'In [[November 2007]], Russian law enforcement abducted a North Korean asylum seeker in front of a Federal Migration Service office in Moscow.',
      'The refugee fled in [[Nov. 2007]].',
      'It was [[November of 2007]] when he fled.',
    ],
  },
  {
    name: 'month and day without a year, against the document date',
    expected: { interval: ['2025-10-09', '2025-10-09'], edtf: '2025-10-09', precision: 'day', relative: true },
    phrasings: [
      'On [[Oct. 9]], officials in Seoul said more troops had arrived.',
      'The report came out on [[October 9]].',
    ],
  },
  {
    name: 'full date, day first',
    expected: { interval: ['2019-12-22', '2019-12-22'], edtf: '2019-12-22', precision: 'day' },
    phrasings: [
      'The deadline set by Resolution 2397 expired on [[22 December 2019]].',
      'The deadline expired on [[December 22, 2019]], and most workers left.',
    ],
  },
  {
    name: 'full date 2024',
    expected: { interval: ['2024-10-09', '2024-10-09'], edtf: '2024-10-09', precision: 'day' },
    phrasings: [
      'Ukrainian intelligence first reported the deployment on [[9 October 2024]].',
      'Seoul confirmed it on [[October 9th, 2024]].',
    ],
  },
  {
    name: 'months with an anaphoric year',
    expected: { interval: ['1946-05', '1946-07'], edtf: '1946-05/1946-07', precision: 'month', relative: true },
    phrasings: [
      'In {{1946}}, the Soviet Union and North Korea concluded an agreement to collaborate on the development of fisheries. By the terms of the agreement, 2,000 North Korean migrant workers would go to various parts of the Russian Far East, including Sakhalin and Kamchatka, [[from May to July of that year]].',
    ],
  },
  {
    name: 'month range with a year at the end',
    expected: { interval: ['1946-05', '1946-07'], edtf: '1946-05/1946-07', precision: 'month' },
    phrasings: [
      'The first ships sailed [[May to July 1946]].',
      'Recruitment ran [[from May to July 1946]].',
      'Workers came [[between May and July 1946]].',
    ],
  },
  {
    name: 'month range across years',
    expected: { interval: ['2024-10', '2025-01'], edtf: '2024-10/2025-01', precision: 'month' },
    phrasings: ['Troops trained in Primorsky Krai [[from October 2024 to January 2025]].'],
  },

  // --- seasons and parts of a year -----------------------------------------------------------
  {
    name: 'late year',
    expected: { interval: ['2024-09', '2024-12'], edtf: '2024-09~/2024-12~', precision: 'season', approximate: true },
    phrasings: [
      'It is known that in [[late 2024]], North Korea made an offer to the Russians to send troops to the Far East of Russia for military training.',
      'Ukraine first noted inflicting casualties on the North Koreans in [[late 2024]].',
      'Troops were seen at [[the end of 2024]].',
    ],
  },
  {
    name: 'early year',
    expected: { interval: ['2025-01', '2025-04'], edtf: '2025-01~/2025-04~', precision: 'season', approximate: true },
    phrasings: [
      'In [[early 2025]], Ukraine captured two soldiers.',
      'Fighting continued into [[the beginning of 2025]].',
    ],
  },
  {
    name: 'mid year',
    expected: { interval: ['2024-05', '2024-08'], edtf: '2024-05~/2024-08~', precision: 'season', approximate: true },
    phrasings: [
      'Pyongyang and Moscow signed a treaty in [[mid-2024]].',
      'The treaty was signed in [[the middle of 2024]].',
    ],
  },
  {
    name: 'half year',
    expected: { interval: ['2023-01', '2023-06'], edtf: '2023-01/2023-06', precision: 'season' },
    phrasings: ['Arrivals doubled in [[the first half of 2023]].'],
  },
  {
    name: 'quarter year',
    expected: { interval: ['2024-04', '2024-06'], edtf: '2024-04/2024-06', precision: 'season' },
    phrasings: ['Some 3,000 entered Russia in [[the second quarter of 2024]].'],
  },
  {
    name: 'autumn',
    expected: { interval: ['2024-09', '2024-11'], edtf: '2024-23', precision: 'season' },
    phrasings: [
      'Troops arrived in [[the fall of 2024]].',
      'They were deployed in [[autumn 2024]].',
      'In [[Autumn of 2024]], more came.',
    ],
  },
  {
    name: 'summer',
    expected: { interval: ['1946-06', '1946-08'], edtf: '1946-22', precision: 'season' },
    phrasings: ['The first contract workers landed in [[the summer of 1946]].', 'In [[summer 1946]], ships arrived.'],
  },
  {
    name: 'spring',
    expected: { interval: ['2023-03', '2023-05'], edtf: '2023-21', precision: 'season' },
    phrasings: ['Construction crews returned in [[spring 2023]].'],
  },
  {
    name: 'winter crosses the year',
    expected: { interval: ['2022-12', '2023-02'], edtf: '2022-24', precision: 'season' },
    phrasings: ['Few workers stayed on Sakhalin in [[the winter of 2022]].'],
  },

  // --- ranges --------------------------------------------------------------------------------
  {
    name: 'from X to Y',
    expected: { interval: ['1953', '1962'], edtf: '1953/1962', precision: 'year' },
    phrasings: [
      'During {{the post-Korean War reconstruction period}} of North Korea [[from 1953 to 1962]], many North Korean students enrolled in universities.',
      'Students came [[from 1953 until 1962]].',
      'Students came [[1953–1962]].',
      'the [[1953-1962]] exchange programme',
      'Students came [[1953 to 1962]].',
    ],
  },
  {
    name: 'between X and Y',
    expected: { interval: ['1946', '1949'], edtf: '1946/1949', precision: 'year' },
    phrasings: [
      '[[Between 1946 and 1949]], one researcher estimated that 50,000 North Koreans went to the Kamchatka Peninsula.',
      'One survey published in {{2020}} estimated their number to have been 50,000 [[between 1946 and 1949]]. [3]',
      'The population first came to the area as contract workers [[from 1946 to 1949]].',
      'Contract workers came in [[1946–49]].',
      'Contract workers came in [[1946-49]].',
    ],
  },
  {
    name: 'to the present',
    expected: { interval: ['1991', null], edtf: '1991/..', bound: 'after' },
    phrasings: ['Trade has grown [[from 1991 to the present]].', 'the [[1991–present]] period'],
  },

  // --- alternatives and coordination -----------------------------------------------------------
  {
    name: 'alternatives',
    expected: { interval: ['1966', '1967'], edtf: '1966/1967', precision: 'year' },
    phrasings: [
      'The second wave began in [[1966 or 1967]] under a secret agreement between Leonid Brezhnev and Kim Il Sung in Vladivostok.',
    ],
  },
  {
    name: 'coordinated adjacent years',
    expected: { interval: ['1998', '1999'], edtf: '1998/1999', precision: 'year' },
    phrasings: ['There was an increase in defections, reaching a peak in [[1998 and 1999]].'],
  },
  {
    name: 'coordinated distant years stay apart',
    expected: { interval: ['2005', '2005'], edtf: '2005' },
    phrasings: [
      'Censuses were held in {{1995}} and [[2005]].',
      'In {{1999}} and 2000 refugees crossed; in [[2005]], fewer did.',
    ],
  },

  // --- open bounds ---------------------------------------------------------------------------
  {
    name: 'by',
    expected: { interval: ['2006', '2006'], edtf: '2006~', bound: 'before', approximate: true },
    phrasings: [
      '[[By 2006]], the number had doubled.',
      '[[By 2006]], more than 10,000 North Koreans entered Russia on work visas annually, largely headed for the Russian Far East.',
      'The number had doubled [[by 2006]].',
    ],
  },
  {
    name: 'by a part of a year',
    expected: {
      interval: ['2024-09', '2024-12'],
      edtf: '2024-09~/2024-12~',
      bound: 'before',
      approximate: true,
      precision: 'season',
    },
    phrasings: [
      '[[By late 2024]], videos emerged showing North Korean troops in Siberia training with Russian troops.',
      'Troops had arrived [[by the end of 2024]].',
    ],
  },
  {
    name: 'since',
    expected: { interval: ['2015', null], edtf: '2015/..', bound: 'after' },
    phrasings: [
      '[[Since 2015]], arrivals have fallen.',
      'Arrivals have fallen [[since 2015]].',
      'Arrivals have fallen [[from 2015 onwards]].',
    ],
  },
  {
    name: 'since a part of a decade',
    expected: { interval: ['1986', null], edtf: '1986~/..', bound: 'after', approximate: true, precision: 'year' },
    phrasings: ['[[Since the late 1980s]], the population has aligned itself more with South Korea.'],
  },
  {
    name: 'especially since',
    expected: { interval: ['2000', null], edtf: '2000/..', bound: 'after' },
    phrasings: [
      'Some of the main reasons for the falling number of defectors, especially [[since 2000]], are the strict border patrols.',
      'Trade grew [[after 2000]].',
    ],
  },
  {
    name: 'as early as',
    expected: { interval: ['1994', '1994'], edtf: '1994~', bound: 'before', approximate: true },
    phrasings: [
      '[[As early as 1994]], the South Korean prime minister was quoted as stating "It is legally not tidy for us to grant North Koreans asylum".',
    ],
  },
  {
    name: 'until',
    expected: { interval: [null, '1991'], edtf: '../1991', bound: 'before' },
    phrasings: [
      'The camps operated [[until 1991]].',
      'The camps operated [[up until 1991]].',
      '[[Through 1991]], the camps operated.',
    ],
  },
  {
    name: 'before',
    expected: { interval: [null, '1945'], edtf: '../1945', bound: 'before' },
    phrasings: [
      'Korean labourers were shipped to Karafuto [[before 1945]].',
      'Kim Il Sung himself lived in Russia [[prior to Korean independence]] and {{the establishment of North Korea}}.',
    ],
  },

  // --- relative ------------------------------------------------------------------------------
  {
    name: 'the next two decades',
    expected: { interval: ['1985', '2005'], edtf: '1985/2005', relative: true },
    phrasings: [
      'In {{1985}}, the Japanese government offered transit rights and funding for the repatriation of the original group of Sakhalin Koreans; however, only 1,500 of them returned to South Korea in [[the next two decades]].',
    ],
  },
  {
    name: 'the next forty years',
    expected: { interval: ['1945', '1985'], edtf: '1945/1985', relative: true },
    phrasings: [
      "The Red Army invaded Karafuto {{days before Japan's surrender}}. For [[the next forty years]], they lived in exile.",
    ],
  },
  {
    name: 'that year',
    expected: { interval: ['2020', '2020'], edtf: '2020~', bound: 'before', approximate: true, relative: true },
    phrasings: [
      '{{By 2020}}, their population was around 1,800. [[By that year]], almost all of the original settlers had died out.',
    ],
  },
  {
    name: 'the same year',
    expected: { interval: ['1946', '1946'], edtf: '1946', relative: true },
    phrasings: [
      'The agreement was signed in {{1946}}. Ships arrived later [[that year]].',
      'The agreement was signed in {{1946}}. Ships arrived in [[the same year]].',
      'The agreement was signed in {{1946}}. [[That same year]], ships arrived.',
    ],
  },
  {
    name: 'the following year',
    expected: { interval: ['1947', '1947'], edtf: '1947', relative: true },
    phrasings: [
      'The agreement was signed in {{1946}}. [[The following year]], 2,200 more arrived.',
      'The agreement was signed in {{1946}}. [[A year later]], 2,200 more arrived.',
    ],
  },
  {
    name: 'N years later',
    expected: { interval: ['1948', '1948'], edtf: '1948', relative: true },
    phrasings: ['The agreement was signed in {{1946}}. [[Two years later]], the contracts ended.'],
  },
  {
    name: 'last year',
    expected: { interval: ['2025', '2025'], edtf: '2025', relative: true },
    phrasings: ['[[Last year]], 13,000 North Koreans entered Russia.', 'More came [[last year]] than in {{2019}}.'],
  },
  {
    name: 'this year',
    expected: { interval: ['2026', '2026'], edtf: '2026', relative: true },
    phrasings: ['Officials expect more arrivals [[this year]].'],
  },
  {
    name: 'recent years',
    expected: { interval: ['2021', '2026'], edtf: '2021~/2026~', approximate: true, relative: true },
    phrasings: ['In [[recent years]], construction crews returned.'],
  },
  {
    name: 'the past two decades',
    expected: { interval: ['2006', '2026'], edtf: '2006/2026', relative: true },
    phrasings: ['Over [[the past two decades]], numbers fell.'],
  },
  {
    name: 'a decade ago',
    expected: { interval: ['2016', '2016'], edtf: '2016~', approximate: true, relative: true },
    phrasings: ['[[A decade ago]], few workers came.'],
  },
  {
    name: 'that time period',
    expected: { interval: ['1946', '1949'], edtf: '1946/1949', relative: true },
    phrasings: [
      'The population first came to the area as contract workers {{from 1946 to 1949}}. According to one estimate, during [[that time period]], 50,000 North Korean workers arrived.',
    ],
  },
  {
    name: 'at the time',
    expected: { interval: ['1937', '1937'], edtf: '1937', relative: true },
    phrasings: [
      'They were deported in {{1937}}. The reason was to stem espionage, as Koreans were at [[the time]] subjects of the Empire of Japan.',
      'They were deported in {{1937}}. At [[that time]], Koreans were subjects of Japan.',
    ],
  },
  {
    name: 'since then',
    expected: { interval: ['1991', null], edtf: '1991/..', bound: 'after', relative: true },
    phrasings: ['The camps closed in {{1991}}. [[Since then]], many left.'],
  },
  {
    name: 'adverbial since',
    expected: {
      interval: ['1986', null],
      edtf: '1986~/..',
      bound: 'after',
      approximate: true,
      relative: true,
      precision: 'year',
    },
    phrasings: [
      '{{Since the late 1980s}}, the population has aligned itself more with South Korea. This is mainly due to South Korea\u2019s stronger economy and democracy. Many have [[since]] visited and worked in the South.',
    ],
  },

  // --- named periods ---------------------------------------------------------------------------
  {
    name: 'World War II',
    expected: { interval: ['1939', '1945'], edtf: '1939/1945', precision: 'year' },
    phrasings: [
      'The Japanese government shipped them to Karafuto to fill labour shortages resulting from [[World War II]].',
      'Many Koreans were conscripted during [[the Second World War]].',
      'Labour shortages grew during [[WWII]].',
    ],
  },
  {
    name: 'Korean War',
    expected: { interval: ['1950', '1953'], edtf: '1950/1953', precision: 'year' },
    phrasings: ['Many were killed in [[the Korean War]].'],
  },
  {
    name: 'Cold War',
    expected: { interval: ['1947', '1991'], edtf: '1947/1991', precision: 'year' },
    phrasings: ['Contacts were rare during [[the Cold War]].', 'Contacts were rare in [[the Cold War era]].'],
  },
  {
    name: 'Japanese colonial era',
    expected: { interval: ['1910', '1945'], edtf: '1910/1945', precision: 'year' },
    phrasings: [
      'Many left Korea during [[the Japanese colonial era]].',
      'Under [[Japanese rule]], many Koreans moved to Sakhalin.',
    ],
  },
  {
    name: 'latter half of a named period',
    expected: { interval: ['1928', '1945'], edtf: '1928~/1945~', approximate: true, precision: 'year' },
    phrasings: ['They came during [[the latter half of the Japanese colonial era]].'],
  },
  {
    name: "Japan's surrender",
    expected: { interval: ['1945-08', '1945-09'], edtf: '1945-08/1945-09', precision: 'month' },
    phrasings: ["The camps emptied at [[Japan's surrender]].", 'Soviet troops landed ahead of [[Japan’s surrender]].'],
  },
  {
    name: 'days before a named event',
    expected: { interval: ['1945-08', '1945-08'], edtf: '1945-08~', approximate: true, precision: 'month' },
    phrasings: [
      "The Red Army invaded Karafuto [[days before Japan's surrender]]; while all but a few Japanese there repatriated successfully.",
    ],
  },
  {
    name: 'N years after a named period',
    expected: { interval: ['1955', '1955'], edtf: '1955', precision: 'year' },
    phrasings: ['The first students came [[two years after the Korean War]].'],
  },
  {
    name: 'Soviet collapse',
    expected: { interval: ['1991', '1991'], edtf: '1991', precision: 'year' },
    phrasings: [
      'Many lost their jobs at [[the collapse of the Soviet Union]].',
      'Trade fell with [[the dissolution of the Soviet Union]].',
    ],
  },
  {
    name: 'Korean independence',
    expected: { interval: ['1945', '1945'], edtf: '1945', precision: 'year' },
    phrasings: ['They celebrated [[Korean independence]] in Pyongyang.'],
  },
  {
    name: 'war in Ukraine',
    expected: { interval: ['2022-02-24', null], edtf: '2022-02-24/..', bound: 'after', precision: 'day' },
    phrasings: [
      'North Korean troops were sent to the frontlines of [[the Russian invasion of Ukraine]].',
      'These soldiers eventually ended up on the frontlines of [[the Russo-Ukrainian War]], serving in Kursk.',
      'Workers filled jobs left by men sent to [[the war in Ukraine]].',
      'Arrivals rose during [[the full-scale invasion]].',
    ],
  },
  {
    name: 'outbreak of the war',
    expected: { interval: ['2022-02-24', null], edtf: '2022-02-24/..', bound: 'after', precision: 'day' },
    phrasings: [
      '[[Following the outbreak of the war in Ukraine]], a significant number of North Koreans have been observed secretly entering Russia to undertake various jobs.',
    ],
  },
  {
    name: 'after the end of a named period',
    expected: { interval: ['1945', null], edtf: '1945/..', bound: 'after', precision: 'year' },
    phrasings: [
      '{{Since the division of Korea}} [[after the end of World War II]], North Koreans have fled from the country.',
    ],
  },
  {
    name: 'Ukrainian incursion',
    expected: { interval: ['2024-08', '2024-08'], edtf: '2024-08', precision: 'month' },
    phrasings: ['These soldiers ended up serving in Kursk to counter [[the Ukrainian incursion]] of the Kursk Oblast.'],
  },
  {
    name: 'North Korean famine',
    expected: { interval: ['1994', '1998'], edtf: '1994/1998', precision: 'year' },
    phrasings: ['Many fled during [[the Arduous March]].', 'Many fled during [[the North Korean famine]].'],
  },
  {
    name: 'Great Purge',
    expected: { interval: ['1936', '1938'], edtf: '1936/1938', precision: 'year' },
    phrasings: ['Korean officials were shot in [[the Great Purge]].'],
  },
  {
    name: 'post-period',
    expected: { interval: ['1991', null], edtf: '1991/..', bound: 'after', precision: 'year' },
    phrasings: ['Migration rose in [[the post-Cold War era]].'],
  },
  {
    name: 'Soviet era',
    expected: { interval: ['1922', '1991'], edtf: '1922/1991', precision: 'year' },
    phrasings: ['Korean collective farms thrived in [[the Soviet era]].'],
  },
];

/**
 * Strings that must yield no time at all: durations, rates, ordinals, identifiers, counts that
 * look like years, and words that look like months or seasons.
 */
export const nearMisses: string[] = [
  'Roughly 15,000 to 20,000 were present in any given year.',
  'Resolution 2397 was adopted by the Security Council.',
  'The 11th Corps advanced toward Kursk.',
  'The second wave consisted mostly of criminals or political prisoners.',
  'Up to 70% of the $40 to $100 per month wages earned by the workers are reported to be taken away.',
  '1000 workers arrived at the port.',
  '1947 Koreans were deported from the district.',
  '124 trains were used to resettle them 6,400 km (4,000 miles) to Central Asia.',
  'Ukraine captured 2 soldiers from North Korea.',
  'He served for 11 years in the camps.',
  'those who have been living there for more than 5 years',
  'The country has been under U.N. sanctions for decades.',
  'Workers worked on contracts of various lengths, from several months to several years. [2]',
  'They earn roughly US$7 million each year in foreign exchange.',
  'More than 10,000 North Koreans entered Russia on work visas annually.',
  'About 1500 people attended.',
  'Between 1500 and 2000 were killed.',
  'The number rose from 1500 to 2000.',
  'Vietnamese people form the 72nd-largest ethnic minority community in Russia.',
  '[1] Workers worked on contracts. [2]',
  'You may go now.',
  'They march north every day.',
  'In his 50s he moved to Moscow.',
  'The late Kim Il Sung visited the camps.',
  'After the fall of Saigon, many fled.',
  'A world war would follow.',
  'At the same time, the border was closed.',
  '2,000 North Korean migrant workers would go to various parts of the Russian Far East.',
  'Only 1,500 of them returned to South Korea.',
  'They face years of punishment in political prison camps.',
  'The refugee later escaped from a facility in Vladivostok.',
  'Per year, 5,000 arrive.',
  'Room 1204 is on the left.',
  'He paid $2000 for the permit.',
  'The camp held 1500 prisoners and 2000 guards.',
  'A mid-size town grew around the port.',
  'It happened long ago.',
  'In the summer, workers fish.',
  'Many have visited since they arrived.',
  'The population was 1995 in total.',
  'A post-war order emerged.',
  'Article 4 of the treaty applies.',
  'They were paid 2500 rubles a month.',
  'Some 1800 migrants came.',
];
