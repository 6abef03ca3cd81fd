/**
 * The phrasebook of the `numbers` annotator, Duckling style: each entry gives one expected
 * value and several real sentences. «» marks the expected span in each sentence (the markers
 * are removed before parsing). `nearMisses` must yield no count, share or money; `rateCorpus`
 * and `rateNearMisses` do the same for free-standing rate words.
 */
import type { Approx, Per, Quantity } from '../types.js';

export interface Expected {
  dimension: Quantity['dimension'];
  low: number | null;
  high: number | null;
  approx: Approx;
  unit?: string | null;
  per?: Per;
  counted?: string | null;
  hedge?: string | null;
}

export interface CorpusEntry {
  /** the rule family the entry motivates */
  about: string;
  expect: Expected;
  sentences: string[];
}

const count = (low: number | null, high: number | null = low, approx: Approx = 'exact'): Expected => ({
  dimension: 'count',
  low,
  high,
  approx,
  unit: null,
});
const share = (low: number | null, high: number | null = low, approx: Approx = 'exact'): Expected => ({
  dimension: 'percent',
  low,
  high,
  approx,
  unit: 'percent',
});
const money = (
  unit: string,
  low: number | null,
  high: number | null = low,
  approx: Approx = 'exact',
  per: Per = null,
): Expected => ({
  dimension: 'money',
  low,
  high,
  approx,
  unit,
  per,
});
const other = (
  dimension: Quantity['dimension'],
  low: number | null,
  high: number | null,
  unit: string | null,
  approx: Approx = 'exact',
): Expected => ({
  dimension,
  low,
  high,
  approx,
  unit,
});

export const corpus: CorpusEntry[] = [
  // --- digits
  {
    about: 'digits with separators',
    expect: count(10000),
    sentences: [
      'In 2019 the agency counted «10,000» North Korean workers in Vladivostok.',
      '«10,000» workers were sent to the logging camps.',
      'The ministry registered «10000» labourers that year.',
    ],
  },
  {
    about: 'digits with separators',
    expect: { ...count(26205), counted: null },
    sentences: ['With a population of «26,205», they are one of the smaller groups of overseas Vietnamese.'],
  },
  {
    about: 'decimal digits',
    expect: count(1.5),
    sentences: ['The registry lists «1.5» cases per household on average.'],
  },
  {
    about: 'count: head noun across modifiers',
    expect: { ...count(50000), counted: 'workers' },
    sentences: [
      'According to one estimate, during that time period, «50,000» North Korean workers arrived.',
      'The SS Zyrianin carried «50,000» North Korean migrant workers over those years.',
    ],
  },
  {
    about: 'count: head noun',
    expect: { ...count(2), counted: 'soldiers' },
    sentences: ['In 2025, Ukraine captured «2» soldiers from North Korea.'],
  },
  {
    about: 'count: non-people noun kept with its head',
    expect: { ...count(124), counted: 'trains' },
    sentences: ['«124» trains were used to resettle them to Central Asia.'],
  },
  {
    about: 'count: bare number in a list',
    expect: { ...count(700), counted: null },
    sentences: ['They came from various parts of North Korea; «700» were from Myongchon, 1,000 from Kilju.'],
  },
  {
    about: 'another / only stay outside the span',
    expect: count(25000),
    sentences: [
      'Another «25,000» workers also came to work in fisheries during the 1950s.',
      'Only «25,000» workers came back.',
    ],
  },
  {
    about: 'four digits that count people are not years',
    expect: { ...count(2000), counted: 'workers' },
    sentences: ['The firm hired «2000» workers from Rason.', 'Officials said «2000» North Korean workers had left.'],
  },
  {
    about: 'digits grouped by spaces',
    expect: { ...count(10000), counted: 'prisoners' },
    sentences: ['The camp held «10 000» prisoners.', 'The camp held «10\u00a0000» prisoners.'],
  },
  // --- scale words
  {
    about: 'digits × scale word',
    expect: count(7000000),
    sentences: ['The diaspora numbers «7 million» people worldwide.', 'The diaspora counts «7 million» members.'],
  },
  {
    about: 'scale letter before people',
    expect: { ...count(1500000), counted: 'people' },
    sentences: ['The region has «1.5m» people.', 'The region has «1.5 million» people.'],
  },
  {
    about: 'decimal × scale word',
    expect: count(1200000000),
    sentences: ['China has «1.2 billion» inhabitants.'],
  },
  {
    about: 'digits × thousand',
    expect: count(10000),
    sentences: ['The registry counted «10 thousand» guest workers.'],
  },
  // --- spelled-out numerals, built from smaller numerals
  {
    about: 'spelled-out: small',
    expect: { ...count(2), counted: 'citizens' },
    sentences: ['North Korea ordered the assassination of «two» private citizens in 1995.'],
  },
  {
    about: 'spelled-out: teens by whole-token look-up (fourteen is not four)',
    expect: count(14),
    sentences: ['«Fourteen» defectors reached the consulate.', 'The court sentenced «fourteen» smugglers.'],
  },
  {
    about: 'spelled-out: tens-units',
    expect: count(25),
    sentences: ['«Twenty-five» students enrolled in Moscow.', 'They sent «twenty five» engineers.'],
  },
  {
    about: 'spelled-out: numeral × scale',
    expect: count(1000),
    sentences: [
      'Of them, «one thousand» even repatriated to North Korea.',
      'Exactly «a thousand» workers signed the contract.',
    ],
  },
  {
    about: 'spelled-out: a hundred',
    expect: count(100),
    sentences: ['«A hundred» families were moved inland.'],
  },
  {
    about: 'spelled-out: hundreds and tens',
    expect: count(250),
    sentences: ['«Two hundred and fifty» students arrived in 1956.', 'The camp held «two hundred fifty» prisoners.'],
  },
  {
    about: 'spelled-out: scale + smaller',
    expect: count(1200),
    sentences: ['«One thousand two hundred» refugees were registered.'],
  },
  {
    about: 'spelled-out: a quarter of a million',
    expect: count(250000),
    sentences: ['«A quarter of a million» people fled the famine.'],
  },
  {
    about: 'spelled-out: half a million',
    expect: count(500000),
    sentences: ['«Half a million» Koreans live in Central Asia.', 'The war displaced «half a million» people.'],
  },
  {
    about: 'spelled-out: N and a half + scale',
    expect: count(1500000),
    sentences: ['«One and a half million» workers left the region.'],
  },
  {
    about: 'spelled-out: a dozen',
    expect: count(12),
    sentences: ['«A dozen» soldiers were captured.', 'At the border, «a dozen» defectors were detained.'],
  },
  {
    about: 'spelled-out: two dozen',
    expect: count(24),
    sentences: ['«Two dozen» defectors were flown to Seoul.'],
  },
  // --- hedges
  {
    about: 'hedge: about',
    expect: { ...count(12000, 12000, 'about'), counted: 'troops', hedge: 'about' },
    sentences: ['The North Koreans sent «about 12,000» troops according to Ukrainian intelligence.'],
  },
  {
    about: 'hedge: roughly / around / approximately / nearly / almost / some / an estimated / close to / circa / ~',
    expect: count(10000, 10000, 'about'),
    sentences: [
      'A 2006 study estimated their total population at «roughly 10,000».',
      'Their population was «around 10,000» by 2020.',
      'There are «approximately 10,000» North Koreans in Russia.',
      'The community counts «nearly 10,000» members.',
      'The community counts «almost 10,000» members.',
      '«Some 10,000» workers were sent.',
      '«An estimated 10,000» workers were sent.',
      'The figure is «close to 10,000».',
      'The settlement had «circa 10,000» inhabitants.',
      'The settlement had «c. 10,000» inhabitants.',
      'The camp held «~10,000» prisoners.',
    ],
  },
  {
    about: 'hedge: nearly (dev gold)',
    expect: count(172000, 172000, 'about'),
    sentences: ['It was the forced transfer of «nearly 172,000» Soviet Koreans from the Russian Far East.'],
  },
  {
    about: 'hedge: at-least family',
    expect: count(10000, null, 'at-least'),
    sentences: [
      'By 2006, «more than 10,000» North Koreans entered Russia on work visas annually.',
      '«Over 10,000» workers were counted.',
      'The agency registered «at least 10,000» arrivals.',
      'There were «upwards of 10,000» labourers.',
      'The camps held «in excess of 10,000» prisoners.',
      'The ministry counted «no fewer than 10,000» migrants.',
      'The force numbered «10,000 or more».',
      'The force numbered «10,000+» by then.',
    ],
  },
  {
    about: 'hedge: at-most family',
    expect: count(null, 150000, 'at-most'),
    sentences: [
      'He suggested allowing «up to 150,000» North Korean refugees in China to settle in Russia.',
      'The plan would admit «as many as 150,000» people.',
      'The quota covers «fewer than 150,000» workers.',
      'The quota covers «less than 150,000» workers.',
      'They expected «no more than 150,000» arrivals.',
    ],
  },
  {
    about: 'hedge: as high as / as low as',
    expect: count(null, 100000, 'at-most'),
    sentences: ['Unofficial estimates put their number «as high as 100,000».'],
  },
  {
    about: 'hedge: as low as',
    expect: count(5000, null, 'at-least'),
    sentences: ['Official figures put it «as low as 5,000».'],
  },
  {
    about: 'hedge after the number',
    expect: count(2000, 2000, 'about'),
    sentences: ['«2,000 or so» workers remained.', 'A «2,000-odd» strong community remained.'],
  },
  // --- ranges
  {
    about: 'range: X to Y with hedge',
    expect: { ...count(15000, 20000, 'range'), hedge: 'Roughly' },
    sentences: ['«Roughly 15,000 to 20,000» were present in any given year.'],
  },
  {
    about: 'a hedge after a dash starts a new quantity, not a range',
    expect: { ...count(13000, 13000, 'about'), hedge: 'Some' },
    sentences: ['MOSCOW, Nov. 5 — «Some 13,000» North Korean laborers arrived in Russia last year.'],
  },
  {
    about: 'range: X to Y',
    expect: count(15000, 20000, 'range'),
    sentences: [
      '«15,000 to 20,000» North Koreans worked there.',
      'Between them they employed «15,000-20,000» workers.',
      'The camps held «15,000–20,000» prisoners.',
      'The camps held «15,000 – 20,000» prisoners.',
      'The camps held «from 15,000 to 20,000» prisoners.',
      'The camps held «15 to 20 thousand» prisoners.',
    ],
  },
  {
    about: 'range: between X and Y',
    expect: count(100, 500, 'range'),
    sentences: [
      'In 1999, there were estimated to be only «between 100 and 500» North Korean refugees in the area.',
      'The group had «100-500» members.',
      'The group had «100–500» members.',
    ],
  },
  {
    about: 'range: between (dev gold)',
    expect: { ...count(16500, 50000, 'range'), counted: 'koreans' },
    sentences: ['Estimates suggest that «between 16,500 and 50,000» deported Koreans died from starvation.'],
  },
  {
    about: 'range: dash glued to the second number',
    expect: count(30000, 40000, 'range'),
    sentences: ['There are «30,000 -40,000» North Korean workers in Russia.'],
  },
  {
    about: 'range: hedge before a range keeps range',
    expect: { ...count(100000, 150000, 'range'), hedge: 'as high as' },
    sentences: ['Unofficial estimates put their population «as high as 100,000 to 150,000».'],
  },
  {
    about: 'range: X or Y + scale',
    expect: count(2000, 3000, 'range'),
    sentences: ['«Two or three thousand» workers stayed behind.'],
  },
  {
    about: 'range: X or Y + people noun',
    expect: { ...count(2, 3, 'range'), counted: 'families' },
    sentences: ['Each house held «two or three» families.'],
  },
  {
    about: 'range: the scale on the right applies to both sides',
    expect: count(5000000, 7000000, 'range'),
    sentences: ['«Between 5 and 7 million» people speak the language.', 'The diaspora counts «5 to 7 million» people.'],
  },
  // --- vague amounts with bounds
  {
    about: 'vague: several thousand',
    expect: count(2000, 9999, 'vague'),
    sentences: [
      'However, «several thousand» refused to repatriate back to North Korea.',
      '«Several thousand» Kamchatka Koreans refused repatriation orders.',
      'Only «a few thousand» remained.',
    ],
  },
  {
    about: 'vague: tens of thousands',
    expect: { ...count(20000, 99999, 'vague'), counted: 'workers' },
    sentences: ['«Tens of thousands» of workers were sent abroad.'],
  },
  {
    about: 'vague: hundreds of thousands',
    expect: count(200000, 999999, 'vague'),
    sentences: ['«Hundreds of thousands» of people starved.', '«Several hundred thousand» people starved.'],
  },
  {
    about: 'vague: thousands',
    expect: { ...count(2000, 9999, 'vague'), counted: 'students' },
    sentences: ['«Thousands» of students enrolled in Soviet universities.'],
  },
  {
    about: 'vague: hundreds',
    expect: count(200, 999, 'vague'),
    sentences: ['«Hundreds» were arrested at the border.', 'They deported «several hundred» people.'],
  },
  {
    about: 'vague: dozens',
    expect: count(24, 99, 'vague'),
    sentences: ['«Dozens» of defectors were caught.', '«Dozens» were wounded in the attack.'],
  },
  {
    about: 'vague: a handful',
    expect: count(2, 9, 'vague'),
    sentences: ['Only «a handful» of families stayed.'],
  },
  // --- shares
  {
    about: 'percent sign',
    expect: share(65),
    sentences: [
      '«65%» of the Sakhalin Koreans also took up North Korean citizenship.',
      'About a survey: «65 percent» said yes.',
      'The rate was «65 per cent» in 2010.',
      '«Sixty-five percent» of them were men.',
      'A «65-percent» majority voted yes.',
    ],
  },
  {
    about: 'percent with hedge',
    expect: share(80, 80, 'about'),
    sentences: ['The Census recorded that «roughly 80%» could speak Russian.'],
  },
  {
    about: 'percent: at-most',
    expect: share(null, 70, 'at-most'),
    sentences: ['«Up to 70%» of the wages earned by the workers are taken away.'],
  },
  {
    about: 'percent range',
    expect: share(0.43, 0.49, 'range'),
    sentences: ['That made them «0.43% to 0.49%» of the total population of the peninsula.'],
  },
  {
    about: 'percent range with hedge',
    expect: { ...share(76, 84, 'range'), hedge: 'About' },
    sentences: ['«About 76% to 84%» of defectors interviewed in China came from the northeastern provinces.'],
  },
  {
    about: 'percent range with the sign once',
    expect: share(76, 84, 'range'),
    sentences: ['«76 to 84%» of defectors came from the north.', '«76-84 percent» of defectors came from the north.'],
  },
  {
    about: 'fraction: two-thirds as subject',
    expect: { ...share(66.667, 66.667, 'about'), hedge: 'Almost' },
    sentences: ['«Almost two-thirds» reside in Moscow, concentrated in the southern part of the city.'],
  },
  {
    about: 'fraction: one-third of people',
    expect: share(33.333, 33.333, 'about'),
    sentences: [
      'While all but a few Japanese repatriated, «almost one-third» of the Koreans could not secure permission to depart.',
    ],
  },
  {
    about: 'fraction: a third of people',
    expect: share(33.333),
    sentences: [
      '«A third» of the workers left.',
      '«One third» of them returned.',
      '«One-third» of the population is Korean.',
      'Only «1/3» of the workers left.',
    ],
  },
  {
    about: 'fraction: a quarter',
    expect: share(25),
    sentences: ['«A quarter» of the population fled.', 'Officials said «a quarter» of those workers were women.'],
  },
  {
    about: 'fraction: half',
    expect: share(50),
    sentences: ['«Half» of the workers are from Pyongyang.', '«Half» the workers left.', '«Half» were deported.'],
  },
  {
    about: 'fraction: more than half',
    expect: share(50, null, 'at-least'),
    sentences: ['«More than half» of them were students.'],
  },
  {
    about: 'fraction: three-quarters',
    expect: share(75),
    sentences: ['«Three-quarters» of the defectors are women.', '«Three quarters» of the defectors are women.'],
  },
  {
    about: 'share: one in five',
    expect: share(20),
    sentences: ['«One in five» North Koreans worked abroad.', '«1 in 5» workers were women.'],
  },
  // --- money
  {
    about: 'money: US$ + scale, rate each year',
    expect: { ...money('USD', 7000000, 7000000, 'about', 'year'), hedge: 'roughly' },
    sentences: [
      'In 2009, the North Korean government was estimated to earn «roughly US$7 million» each year in foreign exchange.',
    ],
  },
  {
    about: 'money: range, rate per month',
    expect: money('USD', 40, 100, 'range', 'month'),
    sentences: [
      'Up to 70% of the «$40 to $100» per month wages earned by the workers are taken away.',
      'They earned «$40-100» a month.',
      'They earned «between $40 and $100» a month.',
      'They earned «from $40 to $100» a month.',
    ],
  },
  {
    about: 'money: dollar sign',
    expect: money('USD', 40),
    sentences: [
      'A ticket cost «$40».',
      'A ticket cost «40 dollars».',
      'A ticket cost «USD 40».',
      'A ticket cost «40 USD».',
    ],
  },
  {
    about: 'money: euro',
    expect: money('EUR', 5),
    sentences: ['The fee is «€5».', 'The fee is «5 euros».'],
  },
  {
    about: 'money: rubles and roubles',
    expect: money('RUB', 100),
    sentences: ['Bread costs «100 rubles».', 'Bread costs «100 roubles».', 'Bread costs «₽100».'],
  },
  {
    about: 'money: won needs a number before it',
    expect: money('KRW', 1000),
    sentences: ['A bowl of noodles costs «1,000 won».', 'Wages were «1,000 South Korean won».'],
  },
  {
    about: 'money: North Korean won',
    expect: money('KPW', 5000),
    sentences: ['A kilogram of rice sold for «5,000 North Korean won».'],
  },
  {
    about: 'money: yuan and RMB',
    expect: money('CNY', 300),
    sentences: ['Brokers charge «300 yuan».', 'Brokers charge «RMB 300».', 'Brokers charge «300 RMB».'],
  },
  {
    about: 'money: yen',
    expect: money('JPY', 300),
    sentences: ['A coffee is «300 yen».', 'A coffee is «¥300».'],
  },
  {
    about: 'money: pound sterling',
    expect: money('GBP', 20),
    sentences: ['The visa costs «£20».', 'The visa costs «GBP 20».', 'The visa costs «20 pounds».'],
  },
  {
    about: 'money: scale letters',
    expect: money('USD', 1200000000),
    sentences: [
      'Exports brought in «$1.2bn».',
      'Exports brought in «US$1.2 billion».',
      'Exports brought in «$1.2 bn».',
    ],
  },
  {
    about: 'money: scale letter written apart',
    expect: money('USD', 7000000),
    sentences: ['Remittances reached «$7 m» that year.', 'Remittances reached «US$7m» that year.'],
  },
  {
    about: 'money: code before scale',
    expect: money('USD', 5000000),
    sentences: [
      'The contract was worth «USD 5 million».',
      'The contract was worth «5 million dollars».',
      'The contract was worth «$5m».',
    ],
  },
  {
    about: 'money: rate written right after',
    expect: money('USD', 300, 300, 'exact', 'month'),
    sentences: ['The wage is «$300» a month.', 'The wage is «$300» per month.', 'The wage is «$300» monthly.'],
  },
  {
    about: 'money: vague',
    expect: money('USD', 2000000, 9999999, 'vague'),
    sentences: ['The scheme earned «millions of dollars».'],
  },
  // --- not people: years, dates, ordinals, identifiers, ages, durations, distances, sizes
  {
    about: 'year: four digits',
    expect: other('year', 1947, 1947, 'year'),
    sentences: ['In «1947», 300 Koreans died due to an epidemic.', 'The «1947» census recorded them.'],
  },
  {
    about: 'year: before a singular noun',
    expect: other('year', 2002, 2002, 'year'),
    sentences: ['Vietnamese people form the 72nd-largest minority according to the «2002» census.'],
  },
  {
    about: 'year: range',
    expect: other('year', 1946, 1949, 'year', 'range'),
    sentences: [
      'They came as contract workers «from 1946 to 1949».',
      'They came «between 1946 and 1949».',
      'They came in «1946-49».',
      'They came in «1946–1949».',
      'They came in «1946–49».',
    ],
  },
  {
    about: 'year: decade',
    expect: other('year', 1950, 1959, 'decade', 'range'),
    sentences: ['Workers came to the fisheries during the «1950s».', 'In the «mid-1950s» they came.'],
  },
  {
    about: 'date: day + month',
    expect: other('year', null, null, 'date'),
    sentences: ['The agreement was signed on «22 December».', 'The agreement was signed on «December 22», 2019.'],
  },
  {
    about: 'date: slashes and ISO',
    expect: { dimension: 'year', low: 2019, high: 2019, approx: 'exact', unit: 'date' },
    sentences: ['The order is dated «2019-12-22».', 'The order is dated «22/12/2019».'],
  },
  {
    about: 'ordinal words and digits',
    expect: other('ordinal', 2, 2, null),
    sentences: [
      'The «second» wave began in 1966 or 1967.',
      'The remaining Koreans were «second»- or third-generation.',
    ],
  },
  {
    about: 'ordinal: digits with suffix',
    expect: other('ordinal', 72, 72, null),
    sentences: [
      'They form the «72nd-largest» ethnic minority community in Russia.',
      'The «72nd» brigade fought there.',
    ],
  },
  {
    about: 'ordinal: suffix written apart',
    expect: other('ordinal', 1000, 1000, null),
    sentences: ['He was the «1,000th» defector to arrive.'],
  },
  {
    about: 'ordinal: a third country is not a share',
    expect: other('ordinal', 3, 3, null),
    sentences: ['The defectors usually flee to a «third» country.', 'They were «third-generation» immigrants.'],
  },
  {
    about: 'identifier: noun + number',
    expect: other('identifier', 2397, 2397, null),
    sentences: ['«Resolution 2397» was adopted in 2017.', 'Under «resolution 2397», workers had to return.'],
  },
  {
    about: 'identifier: No.',
    expect: other('identifier', 84, 84, null),
    sentences: ['The decree «No. 84» ordered the move.', '«Decree No. 84» ordered the move.'],
  },
  {
    about: 'identifier: citation marks',
    expect: other('identifier', 6, 6, null),
    sentences: ['They are one of the smaller groups of overseas Vietnamese.[1]«[6]»'],
  },
  {
    about: 'age',
    expect: other('age', 25, 25, 'year'),
    sentences: [
      'Workers «aged 25» were sent.',
      'A «25-year-old» defector spoke.',
      'He was «25 years old».',
      'At the «age of 25» he left.',
    ],
  },
  {
    about: 'duration',
    expect: other('duration', 11, 11, 'year'),
    sentences: ['He spent «11 years» in the camp.', 'A contract of «eleven years» was signed.'],
  },
  {
    about: 'duration with hedge',
    expect: other('duration', 5, null, 'year', 'at-least'),
    sentences: ['Those who have been living there for «more than 5 years» were counted.'],
  },
  {
    about: 'duration in words',
    expect: other('duration', 40, 40, 'year'),
    sentences: ['For the next «forty years», they lived in exile.'],
  },
  {
    about: 'duration: decades',
    expect: other('duration', 2, 2, 'decade'),
    sentences: ['Only 1,500 of them returned to South Korea in the next «two decades».'],
  },
  {
    about: 'duration: vague',
    expect: other('duration', 2, 9, 'month', 'vague'),
    sentences: ['Workers worked on contracts of «several months» to several years.'],
  },
  {
    about: 'distance',
    expect: other('distance', 6400, 6400, 'km'),
    sentences: [
      '124 trains were used to resettle them «6,400 km» (4,000 miles) to Central Asia.',
      'The border lies «6400 kilometres» away.',
    ],
  },
  {
    about: 'distance: miles',
    expect: other('distance', 4000, 4000, 'mi'),
    sentences: ['124 trains were used to resettle them 6,400 km («4,000 miles») to Central Asia.'],
  },
  {
    about: 'duration: spelled number glued to its unit',
    expect: other('duration', 5, 5, 'year'),
    sentences: ['They signed a «five-year» contract.', 'They signed a «5-year» contract.'],
  },
  {
    about: 'distance: vague',
    expect: other('distance', 2000, 9999, 'km', 'vague'),
    sentences: ['They travelled «thousands of kilometres» by train.'],
  },
  {
    about: 'size and other units',
    expect: other('other', 5, 5, 'ha'),
    sentences: ['Each family received «5 hectares» of land.'],
  },
  {
    about: 'temperature',
    expect: other('other', 30, 30, 'deg'),
    sentences: ['Temperatures fell to minus «30 degrees».'],
  },
  {
    about: 'multiplier',
    expect: other('other', 3, 3, 'times'),
    sentences: ['There were «three times» as many workers as before.'],
  },
];

export interface NearMiss {
  text: string;
  /** the trap it guards against */
  why: string;
}

/** Sentences that must yield no count, share or money (other dimensions may still be reported). */
export const nearMisses: NearMiss[] = [
  { text: 'Resolution 2397 was adopted.', why: 'identifier, not a count' },
  { text: 'Article 8 of the treaty applies.', why: 'identifier' },
  { text: 'Under Article 4 workers may stay.', why: 'identifier before a plural noun' },
  { text: 'Decree No. 84 ordered the move.', why: 'No. + number' },
  { text: 'They are one of the smaller groups.[1][6]', why: 'citation marks' },
  { text: 'The 11th Corps crossed the border.', why: 'ordinal' },
  { text: 'They form the 72nd-largest ethnic minority community in Russia.', why: 'glued ordinal' },
  { text: 'The remaining Koreans were second- or third-generation.', why: 'ordinals joined by "or" are no range' },
  { text: 'The second wave began in 1966 or 1967.', why: 'years joined by "or"' },
  { text: 'The defectors usually flee to a third country.', why: '"a third" as an ordinal' },
  {
    text: 'At the time, the southern half of Sakhalin Island was under Japanese control.',
    why: 'half as a partition of a place',
  },
  { text: 'It was the latter half of the Japanese colonial era.', why: 'half as a partition of time' },
  { text: 'The budget was cut by half.', why: '"by half" is a change' },
  { text: 'Half an hour later they left.', why: 'half of an hour' },
  { text: 'A quarter century later they returned.', why: '"a quarter" without "of"' },
  { text: 'The 2002 census counted them.', why: 'year before a singular noun' },
  { text: 'In 1947, many Koreans died.', why: 'year followed by a comma' },
  { text: 'In 1947 workers arrived in Kamchatka.', why: 'year after "in" before a plural noun' },
  { text: 'The 2014 sanctions hit trade.', why: 'year before a year-noun' },
  { text: 'They had been living there for more than 5 years.', why: 'duration' },
  { text: 'For the next forty years, they lived in exile.', why: 'duration in words' },
  { text: 'Workers worked on contracts from several months to several years.', why: 'vague durations' },
  { text: 'A 25-year-old defector spoke to reporters.', why: 'age' },
  { text: 'Workers aged 18 to 25 were recruited.', why: 'age range' },
  { text: 'They were resettled 6,400 km (4,000 miles) away.', why: 'distances' },
  { text: 'Each family received 5 hectares of land.', why: 'area' },
  { text: 'They built a 10m wall.', why: 'glued metres' },
  { text: 'The fence was 2.5 m high.', why: 'metres after a decimal' },
  { text: 'Temperatures dropped to 30 degrees below zero.', why: 'temperature' },
  { text: 'The meeting began at 10:30 in Vladivostok.', why: 'time of day' },
  { text: 'The agreement was signed on 22 December.', why: 'date' },
  { text: 'The agreement was signed on 1/3/2020.', why: 'a date with slashes is no fraction' },
  { text: 'The 2016–17 season ended.', why: 'year range with two digits' },
  { text: 'One researcher estimated that the figure was unknown.', why: 'bare "one" is a determiner' },
  { text: 'One of the workers escaped.', why: 'bare "one"' },
  { text: 'Many have since visited and worked in the South.', why: 'bare "many" gives no bound' },
  { text: 'Most are from Pyongyang.', why: 'bare "most"' },
  { text: 'Some historians regard it as part of the policy.', why: '"some" without a number' },
  { text: 'A significant number of North Koreans entered Russia.', why: 'no bound' },
  { text: 'The vast majority of Koreans chose to stay on Sakhalin.', why: 'no bound' },
  { text: 'By that year, almost all of the original settlers had died out.', why: 'no bound' },
  { text: 'The Democrats won the election.', why: '"won" the verb' },
  { text: 'The party won by a wide margin.', why: '"won" the verb without a number' },
  { text: 'The test scores improved.', why: '"scores" without "of"' },
  { text: 'It happened in the 1990s and 2000s.', why: 'decades' },
  { text: 'The cost of living rose sharply in Moscow.', why: 'no number at all' },
  { text: 'Kim Jong Il made a visit to Russia in 2011.', why: 'year' },
  { text: 'They were granted asylum under Protocol 3.', why: 'identifier noun' },
  { text: 'World War II ended in 1945.', why: 'roman numeral, year' },
];

export interface RateEntry {
  per: Exclude<Per, null>;
  /** «» marks the rate words */
  sentences: string[];
}

export const rateCorpus: RateEntry[] = [
  {
    per: 'year',
    sentences: [
      'By 2006, more than 10,000 North Koreans entered Russia on work visas «annually».',
      'Thousands of workers are sent abroad «each year» by the state.',
      'Workers come to Russia «every year» in spring.',
      'The quota is renewed «yearly».',
      'About 5,000 arrived in Vladivostok «per year».',
      'The ministry sends workers abroad twice «a year».',
    ],
  },
  {
    per: 'month',
    sentences: [
      'Workers are paid «monthly».',
      'Workers are paid in scrip «each month».',
      'Brokers take a cut «per month».',
    ],
  },
  {
    per: 'week',
    sentences: ['Workers report to the embassy «weekly».', 'Inspections happen «every week».'],
  },
  {
    per: 'day',
    sentences: [
      'They work twelve hours «a day».',
      'Workers are counted «daily».',
      'They are checked «on a daily basis».',
    ],
  },
];

/** Sentences with no free-standing rate. */
export const rateNearMisses: string[] = [
  'Roughly 15,000 to 20,000 were present in any given year.',
  'A year later, the refugee escaped from a facility in Vladivostok.',
  'He stayed in Russia for a year.',
  'Half a year passed before the decision.',
  'Daily NK reported the arrests.',
  'Daily life in the camps was hard.',
  'The wage was $40 per month.',
  'They earn roughly US$7 million each year.',
  'Each year of the war brought new recruits.',
  'Within a year, all had left.',
];
