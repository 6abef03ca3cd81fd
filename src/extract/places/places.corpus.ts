/**
 * The place annotator's phrasebook. Each entry names the rule or trap it exercises and lists real
 * sentences (most from the development texts) with every mention expected, in order:
 * [text as written, gazetteer id, role]. `nearMisses` must yield no mention at all.
 */

export type Expected = [text: string, id: string, role?: 'place' | 'demonym'];

export interface CorpusEntry {
  /** the rule or trap the sentences exercise */
  about: string;
  sentences: { text: string; places: Expected[] }[];
}

const D = 'demonym' as const;

export const corpus: CorpusEntry[] = [
  {
    about: 'a name whose capital is outside ASCII starts a match like any other (the CAPITAL bit)',
    sentences: [
      {
        text: 'Workers were later seen in Łódź and in Ürümqi.',
        places: [
          ['Łódź', 'PL-LD'],
          ['Ürümqi', 'city:CN:urumqi'],
        ],
      },
    ],
  },
  {
    about: 'town and region of one name: Kursk the town, Kursk Oblast the region',
    sentences: [
      {
        text: 'These soldiers eventually ended up on the frontlines of the Russo-Ukrainian War, serving in Kursk to counter the Ukrainian incursion of the Kursk Oblast.',
        places: [
          ['Ukrainian', 'UA', D],
          ['Kursk', 'city:RU:kursk'],
          ['Ukrainian', 'UA', D],
          ['Kursk Oblast', 'RU-KRS'],
        ],
      },
      { text: 'Drone strikes hit the Kursk region overnight.', places: [['Kursk region', 'RU-KRS']] },
      {
        text: 'Fighting continued in Kursk oblast near Sudzha.',
        places: [
          ['Kursk oblast', 'RU-KRS'],
          ['Sudzha', 'city:RU:sudzha'],
        ],
      },
    ],
  },
  {
    about: 'towns of the Russian Far East',
    sentences: [
      {
        text: 'In 2010, reports came out from Nakhodka indicating that North Korean workers and traders there had been evacuated back to their home country due to rising military tensions with South Korea.',
        places: [
          ['Nakhodka', 'city:RU:nakhodka'],
          ['North Korean', 'KP', D],
          ['South Korea', 'KR'],
        ],
      },
      {
        text: 'The second wave began in 1966 or 1967 under a secret agreement between Leonid Brezhnev and Kim Il Sung in Vladivostok, which involved North Koreans working as lumberjacks.',
        places: [
          ['Vladivostok', 'city:RU:vladivostok'],
          ['North Koreans', 'KP', D],
        ],
      },
      {
        text: 'The SS Zyrianin had a record of 2,200 North Korean workers going to Petropavlovsk-Kamchatsky from North Korea in 1947.',
        places: [
          ['North Korean', 'KP', D],
          ['Petropavlovsk-Kamchatsky', 'city:RU:petropavlovsk-kamchatsky'],
          ['North Korea', 'KP'],
        ],
      },
      {
        text: 'Ferries from Korsakov and Kholmsk were suspended.',
        places: [
          ['Korsakov', 'city:RU:korsakov'],
          ['Kholmsk', 'city:RU:kholmsk'],
        ],
      },
    ],
  },
  {
    about: 'features the packages lack: Siberia, Far East of Russia, Sakhalin, Kamchatka, Korean peninsula',
    sentences: [
      {
        text: 'By late 2024, videos emerged showing North Korean troops in Siberia training with Russian troops, and South Korea and various other intelligence agencies determined that North Korea had sent troops to Russia.',
        places: [
          ['North Korean', 'KP', D],
          ['Siberia', 'feature:siberia'],
          ['Russian', 'RU', D],
          ['South Korea', 'KR'],
          ['North Korea', 'KP'],
          ['Russia', 'RU'],
        ],
      },
      {
        text: 'It is known that in late 2024, North Korea made an offer to the Russians to send troops to the Far East of Russia for military training.',
        places: [
          ['North Korea', 'KP'],
          ['Russians', 'RU', D],
          ['Far East of Russia', 'feature:russian-far-east'],
        ],
      },
      {
        text: 'By 2006, more than 10,000 North Koreans entered Russia on work visas annually, largely headed for the Russian Far East.',
        places: [
          ['North Koreans', 'KP', D],
          ['Russia', 'RU'],
          ['Russian Far East', 'feature:russian-far-east'],
        ],
      },
      {
        text: '65% of the Sakhalin Koreans also took up North Korean citizenship in the 1950s and 1960s in order to avoid statelessness.',
        places: [
          ['Sakhalin', 'feature:sakhalin-island'],
          ['Koreans', 'feature:korea', D],
          ['North Korean', 'KP', D],
        ],
      },
      {
        text: 'Several thousand Kamchatka Koreans refused repatriation orders, which created a community that exists to this day.',
        places: [
          ['Kamchatka', 'feature:kamchatka-peninsula'],
          ['Koreans', 'feature:korea', D],
        ],
      },
      {
        text: 'Between 1946 and 1949, one researcher estimated that 50,000 North Koreans went to the Kamchatka Peninsula.',
        places: [
          ['North Koreans', 'KP', D],
          ['Kamchatka Peninsula', 'feature:kamchatka-peninsula'],
        ],
      },
      {
        text: 'roughly one thousand even repatriated to North Korea, though their ancestral homes were in the southern half of the Korean peninsula.',
        places: [
          ['North Korea', 'KP'],
          ['Korean peninsula', 'feature:korean-peninsula'],
        ],
      },
    ],
  },
  {
    about: 'historical names: Korea, Hamgyong, Karafuto, the Soviet Union and its republics, Far Eastern Krai',
    sentences: [
      {
        text: 'There has also historically been significant migration from the northern provinces of Korea, especially Hamgyong, to the Russian Far East.',
        places: [
          ['Korea', 'feature:korea'],
          ['Hamgyong', 'feature:hamgyong'],
          ['Russian Far East', 'feature:russian-far-east'],
        ],
      },
      {
        text: 'The Red Army invaded Karafuto days before Japan’s surrender.',
        places: [
          ['Karafuto', 'feature:karafuto'],
          ['Japan', 'JP'],
        ],
      },
      {
        text: 'The deportation was the forced transfer of nearly 172,000 Soviet Koreans from the Russian Far East to unpopulated areas of the Kazakh SSR and the Uzbek SSR in 1937.',
        places: [
          ['Soviet', 'feature:soviet-union', D],
          ['Koreans', 'feature:korea', D],
          ['Russian Far East', 'feature:russian-far-east'],
          ['Kazakh SSR', 'feature:kazakh-ssr'],
          ['Uzbek SSR', 'feature:uzbek-ssr'],
        ],
      },
      {
        text: 'The reason was to stem "the infiltration of Japanese espionage into the Far Eastern Krai", as Koreans were at the time subjects of the Empire of Japan, which was the Soviet Union\'s rival.',
        places: [
          ['Japanese', 'JP', D],
          ['Far Eastern Krai', 'feature:far-eastern-krai'],
          ['Koreans', 'feature:korea', D],
          ['Japan', 'JP'],
          ['Soviet Union', 'feature:soviet-union'],
        ],
      },
      { text: 'The USSR collapsed in 1991.', places: [['USSR', 'feature:soviet-union']] },
    ],
  },
  {
    about: 'North Korean home districts, with and without McCune-Reischauer marks',
    sentences: [
      {
        text: 'They came from various parts of North Korea; 700 were from Myongchon, 1,000 from Kilju, 875 from Toksong, and 415 from Hyesan.',
        places: [
          ['North Korea', 'KP'],
          ['Myongchon', 'city:KP:myongchon'],
          ['Kilju', 'city:KP:kilju'],
          ['Toksong', 'city:KP:toksong'],
          ['Hyesan', 'city:KP:hyesan'],
        ],
      },
      {
        text: 'Workers from Hamhŭng and Chŏngjin were sent north.',
        places: [
          ['Hamhŭng', 'city:KP:hamhung'],
          ['Chŏngjin', 'city:KP:chongjin'],
        ],
      },
    ],
  },
  {
    about: 'China: a border written with an en dash, provinces, northeast China',
    sentences: [
      {
        text: 'The most common strategy of defectors is to cross the China–North Korea border into Jilin and Liaoning provinces in northeast China.',
        places: [
          ['China', 'CN'],
          ['North Korea', 'KP'],
          ['Jilin', 'CN-JL'],
          ['Liaoning', 'CN-LN'],
          ['northeast China', 'feature:northeast-china'],
        ],
      },
      {
        text: 'In 2003, Sergey Darkin, the Governor of Primorsky Krai, suggested allowing up to 150,000 North Korean refugees in China to settle in Russia.',
        places: [
          ['Primorsky Krai', 'RU-PRI'],
          ['North Korean', 'KP', D],
          ['China', 'CN'],
          ['Russia', 'RU'],
        ],
      },
    ],
  },
  {
    about: "possessive 's: the mention stops before it",
    sentences: [
      { text: "This is mainly due to South Korea's stronger economy and democracy.", places: [['South Korea', 'KR']] },
      {
        text: "Most Vietnamese people in Russia are petty entrepreneurs; with Russia's 2007 reform of rules for retail markets.",
        places: [
          ['Vietnamese', 'VN', D],
          ['Russia', 'RU'],
          ['Russia', 'RU'],
        ],
      },
    ],
  },
  {
    about: 'demonyms: nationality adjectives and plural nouns',
    sentences: [
      {
        text: 'While one article in Vietnamese state-run media claimed that many find it unnecessary.',
        places: [['Vietnamese', 'VN', D]],
      },
      {
        text: 'As early as 1994, the South Korean prime minister was quoted as stating that.',
        places: [['South Korean', 'KR', D]],
      },
      {
        text: 'The North Koreans sent about 12,000 troops according to Ukrainian intelligence.',
        places: [
          ['North Koreans', 'KP', D],
          ['Ukrainian', 'UA', D],
        ],
      },
      {
        text: 'In the late 1940s, roughly 9,000 North Korean migrant workers were recruited by the Soviet government to work in state-owned fisheries on Sakhalin.',
        places: [
          ['North Korean', 'KP', D],
          ['Soviet', 'feature:soviet-union', D],
          ['Sakhalin', 'feature:sakhalin-island'],
        ],
      },
      {
        text: 'Various senior members lived in Russia prior to Korean independence.',
        places: [
          ['Russia', 'RU'],
          ['Korean', 'feature:korea', D],
        ],
      },
    ],
  },
  {
    about: 'names inside hyphenated words',
    sentences: [
      { text: 'Sakhalin-based fishing crews were hired.', places: [['Sakhalin', 'feature:sakhalin-island']] },
      { text: 'A pro-Russian militia held the town.', places: [['Russian', 'RU', D]] },
      {
        text: 'The Russia-Ukraine war drew in North Korea.',
        places: [
          ['Russia', 'RU'],
          ['Ukraine', 'UA'],
          ['North Korea', 'KP'],
        ],
      },
    ],
  },
  {
    about: 'person names next to places: only the places',
    sentences: [
      {
        text: 'Ho Chi Minh himself studied in Moscow in the 1920s, along with other senior members of the Communist Party of Vietnam.',
        places: [['Moscow', 'city:RU:moscow']],
      },
      {
        text: 'Many Vietnamese live in Ho Chi Minh City.',
        places: [
          ['Vietnamese', 'VN', D],
          ['Ho Chi Minh City', 'city:VN:ho-chi-minh-city'],
        ],
      },
      {
        text: 'Most are from Pyongyang; recruitment companies prefer workers from urban areas.',
        places: [['Pyongyang', 'city:KP:pyongyang']],
      },
    ],
  },
  {
    about: 'abbreviated and alternative town names; war-zone villages the package holds twice',
    sentences: [
      {
        text: 'Workers left St. Petersburg and Korenevo.',
        places: [
          ['St. Petersburg', 'city:RU:saint-petersburg'],
          ['Korenevo', 'city:RU:korenevo'],
        ],
      },
      {
        text: 'Kim Jong Un met Vladimir Putin at the Vostochny Cosmodrome in Amur Oblast in September 2023.',
        places: [
          ['Vostochny Cosmodrome', 'feature:vostochny-cosmodrome'],
          ['Amur Oblast', 'RU-AMU'],
        ],
      },
      {
        text: 'Fighting near Pokrovsk and Kupiansk in the Donetsk region continued.',
        places: [
          ['Pokrovsk', 'city:UA:pokrovsk'],
          ['Kupiansk', 'city:UA:kupjansk'],
          ['Donetsk region', 'UA-14'],
        ],
      },
    ],
  },
  {
    about: 'a broadcaster or paper named after a place is no place',
    sentences: [{ text: 'Radio Free Asia reported it from Seoul.', places: [['Seoul', 'city:KR:seoul']] }],
  },
  {
    about: 'countries that are also given names or US states stay countries',
    sentences: [
      {
        text: 'Georgia and Jordan both host migrant workers.',
        places: [
          ['Georgia', 'GE'],
          ['Jordan', 'JO'],
        ],
      },
      {
        text: 'These actions were condemned by NATO, the EU, South Korea, and the United States.',
        places: [
          ['EU', 'feature:european-union'],
          ['South Korea', 'KR'],
          ['United States', 'US'],
        ],
      },
      { text: 'US officials said so.', places: [['US', 'US']] },
    ],
  },
];

/** Sentences with no place in them, each guarding a trap. */
export const nearMisses: string[] = [
  // capitals only inside the word: no name starts there
  'They used the iRussia app and the eKorea portal.',
  // person names whose syllables could be towns
  'In addition, Kim Il Sung himself lived there.',
  'Vladimir Putin met Kim Jong Un.',
  'Rimsky-Korsakov wrote an opera.',
  'Nikolai Korsakov said so.',
  'Authorities have erected a statue of Ho Chi Minh.',
  // organisations
  'A 2006 study by Kyung Hee University estimated their total population at roughly 10,000.',
  "Various senior members of the Workers' Party of Korea attended.",
  'Intervention by the NGO Civic Assistance and UNHCR prevented his deportation.',
  'He studied at Moscow State University.',
  'The Korea Times reported it.',
  // English words that are towns somewhere, at the start of a sentence or in a heading
  'Most of them exist as monolithic communities.',
  'Reading the report takes time.',
  'Nice work was done.',
  'Union members protested.',
  'Refugees',
  // lower case is never a name; "us" is never the US; a short acronym is not a name in capitals
  'Let us buy china and turkey.',
  'Encode the URI first.',
  // a native spelling that loses its marks to an English word (Ísland)
  'Island life is hard.',
  // a currency, not the country
  'The government was estimated to earn roughly US$7 million each year.',
];
