import { readBuildData } from '../build-data.js';

/** What the lexicon reads of world-countries, written by the gazetteer build (scripts/build-gazetteer.ts). */
interface CountryWords {
  name: string;
  capital: string[];
  demonymM?: string;
  demonymF?: string;
  subregion?: string;
}

// Read from the build's small file, not from world-countries itself: the package's 1.4 MB of
// JSON took ~25 ms of every `atlas extract` to load, for five fields per country.
const countries = readBuildData<{ version: number; countries: CountryWords[] }>(
  'country-words.json',
  'the country word list',
  1,
).countries;

/**
 * Entity lexicons, data only. Keys are lower-cased tokens as the tokenizer writes them. Places
 * are not entities (the places annotator does them); the place words here only keep a place
 * from being read as a person's name or an organisation.
 */

const words = (s: string): string[] => s.trim().split(/\s+/);

/**
 * Capitalised common words that start sentences or clauses and are not names ("However, their
 * numbers grew", "In 2009, the North Korean government", "Most are from Pyongyang").
 */
export const STARTERS: ReadonlySet<string> = new Set(
  words(`the a an this that these those such most many some several few all both each every other
   another any no their our his her its my your we they it he she i you there here of in on at by
   for from with to into onto upon and or but nor so yet however although though while whilst when
   whenever where whereas since after before during between among amongst about around almost
   nearly roughly approximately only even also still then thus hence therefore meanwhile moreover
   furthermore instead indeed according following aside exactly up over under above below more less
   fewer if unless until as because despite without within across along against toward towards
   once later earlier today yesterday now soon eventually finally first second third last next
   unlike like further additionally similarly overall initially currently recently previously
   subsequently again perhaps maybe what which who whom whose why how not see also`),
);

/**
 * Head words of organisation names: a capitalised run holding one is an organisation
 * ("Kyung Hee University", "Federal Migration Service", "Workers' Party of Korea", "Red Army").
 */
export const ORG_HEADS: ReadonlySet<string> = new Set(
  words(`university universities service services party army agency ministry committee council
   commission office government institute center centre bank company corporation corp inc ltd
   llc union organization organisation intelligence police court assembly front forces department
   bureau directorate foundation fund association society league network watch times news post
   herald journal press daily coalition alliance movement church school college academy navy guard
   corps brigade division regiment battalion embassy consulate mission parliament duma senate
   congress cabinet secretariat tribunal administration authority commissariat commissars command
   nations federation energy oil gas airlines airways holdings industries motors electronics
   telecom shipping railways television radio insurance group forum fleet`),
);

/**
 * Words after an organisation's head that name a thing the organisation made, not the
 * organisation: "Security Council Resolution 2397" -> the organisation is "Security Council".
 */
export const THING_WORDS: ReadonlySet<string> = new Set(
  words(`resolution resolutions report reports act treaty agreement accord convention declaration
   summit program programme plan law decree order sanctions war crisis statement survey census
   building headquarters award prize`),
);

/**
 * Names with an organisation head that are places, not organisations (the places annotator
 * owns them). "Russian Federation" is a country; "European Union" stays an organisation.
 */
export const PLACES_WITH_ORG_HEADS: ReadonlySet<string> = new Set([
  'soviet union',
  'russian federation',
  'federation',
  'union',
]);

/** Acronyms of organisations ("NATO", "the EU", "UNHCR", "NKVD"). */
export const ACRONYMS: ReadonlySet<string> = new Set(
  words(`nato eu un unhcr nkvd kgb fsb kpa hrw icrc iom unicef osce wfp who svr gru mvd mgb ogpu
   cheka cia nis kcna kbs tass ria bbc cnn afp ilo ohchr iaea asean csto sco brics sbu hur mss
   cis imf wto undp unesco unodc rfa voa mofa mofat mnd`),
);

/**
 * All-capitals words that are not organisations: places ("US", "DPRK", "SSR"), generic
 * nouns ("NGO" is a cue, not a name), roman numerals ("World War II"), ship prefixes.
 */
export const NOT_ORG_ACRONYMS: ReadonlySet<string> = new Set(
  words(`us usa uk ussr ssr dprk rok prc rf uae ss hms uss mv rms ngo ngos gdp id tv ok ad bc ce bce
   ii iii iv vi vii viii ix xi xii xiii xiv xv xx xxi am pm km covid hiv aids mou dmz eez ceo
   phd ba ma pdf url faq`),
);

/** Ship prefixes: "SS Zyrianin" is a named thing, kind other. */
export const SHIP_PREFIXES: ReadonlySet<string> = new Set(['ss', 'hms', 'uss', 'mv', 'rms']);

/** Capitalised single words that name an institution by themselves ("the Census recorded"). */
export const SINGLE_ORGS: ReadonlySet<string> = new Set(
  words(`census kremlin duma politburo pentagon parliament senate congress cabinet comintern
   cominform interpol europol`),
);

/** Whole names known to be organisations though no head word says so. */
export const KNOWN_ORGS: ReadonlySet<string> = new Set([
  'united nations',
  'european union',
  'red cross',
  'amnesty international',
  'red crescent',
]);

/** Words right before a capitalised run that make it an organisation ("the NGO Civic Assistance"). */
export const ORG_CUES: ReadonlySet<string> = new Set(
  words(`ngo organization organisation charity agency company firm newspaper outlet broadcaster
   channel group party movement association foundation institute university bank ministry
   tank daily magazine website portal`),
);

/** Titles written capitalised inside a run ("President Vladimir Putin", "Governor of Primorsky Krai"). */
export const TITLES: ReadonlySet<string> = new Set(
  words(`president governor chairman chairwoman chair general minister premier marshal ambassador
   consul secretary senator chancellor king queen emperor empress prince princess tsar czar mr mrs
   ms dr prof gen col lt sgt capt adm gov sen professor comrade leader commander colonel lieutenant captain admiral sergeant mayor
   director envoy spokesman spokeswoman spokesperson pope patriarch judge sheikh ayatollah
   president-elect first-secretary general-secretary`),
);

/** Abbreviated titles written with a dot inside a name ("Dr. Andrei Lankov", "Mr. Kim"). */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set(
  words('mr mrs ms dr prof gen col lt sgt capt adm gov sen rep'),
);

/** Words that precede a title inside a run ("Prime Minister", "Foreign Minister", "Supreme Leader"). */
export const TITLE_PREFIXES: ReadonlySet<string> = new Set(
  words(`prime deputy vice foreign defence defense interior supreme former acting chief first
   general state lieutenant major rear grand high`),
);

/** Lower-case words before a name that make it a person ("Soviet leader Joseph Stalin", "consul Choi Duk-gun"). */
export const PERSON_CUES: ReadonlySet<string> = new Set(
  words(`president governor chairman chairwoman leader consul minister premier ambassador envoy
   spokesman spokeswoman spokesperson dictator general commander secretary chancellor senator mayor
   director marshal emperor king queen tsar czar founder ruler`),
);

/** Words that, as a run's first token after "the", show it is not a person ("the Kamchatka Peninsula"). */
export const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);

/** Lower-case words between a demonym and a government head ("Vietnamese state-run media"). */
export const GOV_MODIFIERS: ReadonlySet<string> = new Set(
  words(`state-run state-owned state-controlled state special security secret intelligence law
   military diplomatic federal local regional central border foreign armed various other several
   many national provincial municipal immigration migration customs naval air defence defense
   health education labour labor interior news police colonial occupation puppet communist
   military-run official`),
);

/**
 * Lower-case heads of government-like noun phrases: "the Soviet government", "Russian law
 * enforcement", "Ukrainian intelligence", "North Korean special services", "the North
 * Korean regime", "South Korea and various other intelligence agencies".
 */
export const GOV_HEADS: ReadonlySet<string> = new Set(
  words(`government governments authorities authority intelligence enforcement police regime
   administration military army navy forces services ministry ministries embassy embassies
   consulate consulates missions agencies agency leadership parliament courts media census
   prosecutors`),
);

/** Words after a government head that show it is a verb ("Russia forces them to work"). */
export const OBJECT_WORDS: ReadonlySet<string> = new Set(
  words('them him her it us me the a an his their its our this these those'),
);

/**
 * Government heads that are also adjectives ("Russian military training", "Ukrainian
 * intelligence reports"): kept only when a function word, verb form or punctuation follows.
 */
export const ADJECTIVAL_GOV_HEADS: ReadonlySet<string> = new Set(['military', 'intelligence', 'police', 'census']);

/** What may follow an adjectival government head for it to be the head ("Ukrainian intelligence said"). */
export const GOV_FOLLOWERS: ReadonlySet<string> = new Set(
  words(`according said says say claimed claims reported reports estimated estimates believes
   believe believed has have had is was were are will would could may might also and or but in on
   at of to for from by with that which who as determined confirmed denied stated announced noted
   warned recorded`),
);

/** Coordinators that open "South Korea and various other intelligence agencies". */
export const COORD_OPENERS: ReadonlySet<string> = new Set(['various', 'several', 'many', 'other']);

/** Compass words, demonyms and region names that, with country names, make up place names. */
const PLACE_MANUAL = words(`north south east west northern southern eastern western northeast
  northwest southeast southwest northeastern northwestern southeastern southwestern far central
  middle upper lower greater saint st san santa korea soviet korean koryo kazakh uzbek tatar
  chechen crimean siberian slavic european asian african american arab pacific atlantic arctic
  asia europe africa america americas eurasia siberia caucasus balkans primorye nizhny nizhniy
  verkhny verkhniy veliky velikiy novy novyy staraya stary staryy bolshoy maly krasny yuzhno`);

/** Heads of geographic names ("Primorsky Krai", "Kamchatka Peninsula", "Kazakh SSR"). */
const GEO_HEADS = words(`empire republic kingdom federation states state united union peninsula
  island islands oblast krai kray province provinces prefecture region district territory city
  county sea ocean river lake mountains mount mountain bay strait gulf valley plain basin coast
  border street avenue square station metro airport port camp prison bridge railway highway zone
  ssr asr okrug raion`);

/**
 * Capitalised words that are not parts of a person's name though not places either: eras,
 * events, documents and the adjectives of institutional names ("Civic", "Human", "Rights").
 */
const NOT_NAME_WORDS = words(`new old great war wars revolution olympics games cup day week
  festival act law treaty agreement accord convention resolution article protocol declaration
  constitution census report survey index programme program project plan initiative operation
  crisis famine battle siege incident massacre wave era period age dynasty bible god internet
  english russian human rights civil civic national international federal world global free open
  democratic communist socialist liberal conservative people's workers' labour labor red
  independence liberation memorial museum palace hall tower castle cathedral temple gate park
  garden forest desert steppe hills christmas easter ramadan eid chuseok seollal tet eve`);

/** Suffixes of common nouns that never end a person's name ("Civic Assistance", "Migration"). */
export const NON_NAME_SUFFIXES: readonly string[] = [
  'tion',
  'sion',
  'ment',
  'ness',
  'ity',
  'ance',
  'ence',
  'ism',
  'ship',
  'ogy',
  'ics',
  'ians',
  'eans',
  'ese',
];

/** Words of the world's country names, single-word capitals, demonyms and subregions, lower-cased. */
function placeWords(): Set<string> {
  const set = new Set<string>();
  // Only the single word or the last word of a multiword name ("North Korea" -> korea), plus a
  // leading compass word ("North Korean"): "Marshall Islands", "Cook Islander", "Saint Martin"
  // must not turn Marshall, Cook or Martin into places. Saints' names are skipped whole.
  const add = (s: string | undefined) => {
    if (!s) return;
    const parts = s.split(/[\s,()]+/).filter((w) => w.length > 1);
    if (parts.length === 0 || /^(Saint|Sint|San|São|St\.?)$/.test(parts[0]!)) return;
    const take = parts.length === 1 || /^(North|South|East|West|Central)$/.test(parts[0]!) ? parts : parts.slice(-1);
    for (const w of take) if (/^\p{Lu}/u.test(w)) set.add(w.toLowerCase());
  };
  for (const c of countries) {
    add(c.name);
    for (const cap of c.capital) if (!/\s/.test(cap)) add(cap);
    add(c.demonymM);
    add(c.demonymF);
    add(c.subregion);
  }
  return set;
}

const COUNTRY_WORDS = placeWords();

/** Multiword country and capital names, lower-cased ("kuala lumpur", "hong kong"): never a person. */
export const MULTIWORD_PLACES: ReadonlySet<string> = new Set(
  countries
    .flatMap((c) => [c.name, ...c.capital])
    .filter((n) => /\s/.test(n))
    .map((n) => n.toLowerCase()),
);

/** Demonyms as plural nouns ("Koreans", "Russians"): never part of a person's name. */
const PLURAL_DEMONYMS = [...COUNTRY_WORDS, ...PLACE_MANUAL].filter((w) => /(an|ian|ean)$/.test(w)).map((w) => `${w}s`);

/** Lower-cased words that are never part of a person's name: places, demonyms, institutions. */
export const NON_NAME: ReadonlySet<string> = new Set([
  ...COUNTRY_WORDS,
  ...PLURAL_DEMONYMS,
  ...PLACE_MANUAL,
  ...GEO_HEADS,
  ...NOT_NAME_WORDS,
  ...ORG_HEADS,
  ...words(`january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday`),
]);

/** Place-ish words: a run made only of these may open a government noun phrase ("South Korea", "North Korean"). */
export const PLACE_WORDS: ReadonlySet<string> = new Set([...COUNTRY_WORDS, ...PLACE_MANUAL, ...GEO_HEADS]);

/** Name suffixes that extend a person's name ("Martin Luther King Jr."). */
export const NAME_SUFFIXES: ReadonlySet<string> = new Set(['jr', 'sr']);

/** Bits of WORD_FLAGS: what a word can be, so the hot loop asks one Map instead of several Sets. */
export const F_STARTER = 1;
export const F_PLACE = 2;
export const F_ORG_HEAD = 4;
export const F_SINGLE_ORG = 8;
export const F_CUE = 16;
export const F_GOV = 32;
export const F_TITLE = 64;
export const F_NON_NAME = 128;
export const F_KNOWN_FIRST = 256;

/** Every lexicon word with its flag bits (F_*): one look-up per capitalised word or run neighbour. */
export const WORD_FLAGS: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  const mark = (set: ReadonlySet<string>, bit: number) => {
    for (const w of set) map.set(w, (map.get(w) ?? 0) | bit);
  };
  mark(STARTERS, F_STARTER);
  mark(PLACE_WORDS, F_PLACE);
  mark(ORG_HEADS, F_ORG_HEAD);
  mark(SINGLE_ORGS, F_SINGLE_ORG);
  mark(ORG_CUES, F_CUE);
  mark(PERSON_CUES, F_CUE);
  mark(GOV_HEADS, F_GOV);
  mark(GOV_MODIFIERS, F_GOV);
  mark(TITLES, F_TITLE);
  mark(TITLE_PREFIXES, F_TITLE);
  mark(NON_NAME, F_NON_NAME);
  mark(new Set([...KNOWN_ORGS].map((n) => n.split(' ')[0]!)), F_KNOWN_FIRST);
  map.set('and', (map.get('and') ?? 0) | F_GOV);
  return map;
})();
