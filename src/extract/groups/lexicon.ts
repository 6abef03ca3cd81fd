import type { GroupKind } from '../types.js';

/**
 * Group head nouns, data only. A head names who is counted; its modifiers ("North Korean",
 * "migrant", "deported") mostly only describe them. Keys are lower-cased tokens as the tokenizer
 * writes them (so "Koryo-saram" is one token); singular and plural, British and American.
 *
 * `weak` heads say little about why people are where they are (population, citizens, Koreans):
 * a modifier in MODIFIER_KINDS may override their kind ("deported Koreans" -> refugees,
 * "private citizens" -> other, "labour migrants" -> workers). Strong heads always win over their
 * modifiers: "North Korean migrant workers" -> workers, "North Korean refugees" -> refugees,
 * "deported workers" stay workers (the deportation is an event, caught by the events annotator).
 */
export interface HeadEntry {
  kind: GroupKind;
  weak?: true;
}

const entries = (kind: GroupKind, words: string, weak?: true): [string, HeadEntry][] =>
  words
    .trim()
    .split(/\s+/)
    .map((w) => [w, weak ? { kind, weak } : { kind }]);

export const HEADS: ReadonlyMap<string, HeadEntry> = new Map([
  // Traders, merchants and entrepreneurs count as workers: in this literature they are labour
  // migrants working in trade ("North Korean workers and traders", Vietnamese market traders),
  // and the atlas's kinds record why people are abroad, not which trade they ply.
  ...entries(
    'workers',
    `workers worker labourers labourer laborers laborer lumberjacks lumberjack loggers logger
     woodcutters woodcutter miners miner builders builder fishermen fisherman fishers
     workforce traders trader merchants merchant vendors vendor entrepreneurs entrepreneur
     craftsmen dockworkers farmhands`,
  ),
  // Scholars are listed with students because the atlas's "students" are people abroad to study
  // (exchange scholars, trainees), not academics writing about them (those are "historians").
  ...entries('students', 'students student trainees trainee interns intern scholars pupils apprentices'),
  // Military cadets are trainee soldiers, not students.
  ...entries(
    'soldiers',
    `soldiers soldier troops servicemen serviceman sappers fighters fighter mercenaries
     mercenary infantry infantrymen cadets conscripts paratroopers guards pows`,
  ),
  // "forces", "personnel" and "officers" are soldiers unless a modifier says otherwise
  // ("security forces", "diplomatic personnel", "police officers" -> other); likewise staff and
  // engineers are workers unless "embassy staff", "military engineers".
  ...entries('soldiers', 'forces personnel officers', true),
  ...entries('workers', 'staff employees employee contractors engineers specialists', true),
  ...entries(
    'refugees',
    `refugees refugee defectors defector escapees escapee deportees deportee runaways
     émigrés émigré emigres emigre exiles evacuees evacuee fugitives idps`,
  ),
  ...entries(
    'community',
    `koryo-saram koryoin koryo-in goryeo-saram zainichi joseonjok chaoxianzu diaspora diasporas
     community communities settlers descendants compatriots expatriates expats minority minorities`,
  ),
  // Residents are settled people: "long-term residents", "residents of Korean descent".
  ...entries('community', 'residents', true),
  ...entries('general', 'migrants migrant immigrants immigrant emigrants emigrant citizens nationals', true),
  ...entries('general', 'population populations inhabitants', true),
  // Bare "people" is no group at all ("many people"); it needs a kind-giving or national
  // modifier ("displaced people", "Vietnamese people"), which the rule checks.
  ...entries('general', 'people', true),
  // Not counted populations, labelled so a claim about them is not pinned on the migrants.
  ...entries(
    'other',
    `criminals prisoners officials diplomats historians researchers civilians agents spies
     journalists missionaries tourists`,
  ),
]);

/**
 * Ethnonyms used as nouns ("Koreans", "the Vietnamese"). A bare ethnonym is an ethnic group,
 * i.e. a community ("local ethnic Koreans", "Kamchatka Koreans", "the Koreans of Sakhalin").
 * "North"/"South" before it names a state's citizens instead: "North Koreans" -> general.
 *
 * Domain decision: Japanese, Russians, Ukrainians and Americans appear in this literature as
 * colonial, host or belligerent nations ("all but a few Japanese there repatriated", "to aid
 * the Russians"), never as the migrant population the atlas counts, so they are "other".
 */
export const ETHNONYMS: ReadonlyMap<string, GroupKind> = new Map([
  ...(['koreans', 'vietnamese', 'chinese', 'kazakhs', 'uzbeks', 'tajiks', 'kyrgyz', 'uyghurs', 'uighurs'] as const).map(
    (w): [string, GroupKind] => [w, 'community'],
  ),
  ...(['tatars', 'mongolians', 'filipinos', 'burmese', 'laotians', 'cambodians', 'thais'] as const).map(
    (w): [string, GroupKind] => [w, 'community'],
  ),
  ...(['japanese', 'russians', 'ukrainians', 'americans', 'europeans'] as const).map((w): [string, GroupKind] => [
    w,
    'other',
  ]),
]);

/**
 * Ethnonyms that are also adjectives ("Vietnamese people", "Japanese government") and
 * language names ("speak Vietnamese"): a noun only in noun position, which the rule tests.
 */
export const ADJECTIVE_ETHNONYMS: ReadonlySet<string> = new Set(['vietnamese', 'chinese', 'japanese', 'burmese']);

/** State qualifiers: "North Koreans" are citizens of a state, not an ethnic group. */
export const STATE_QUALIFIERS: ReadonlySet<string> = new Set(['north', 'south']);

/** Multiword heads, keyed by their first token. `head` is what GroupMention.head records. */
export interface MultiHead {
  words: readonly string[];
  kind: GroupKind;
}

const multi = (kind: GroupKind, ...phrases: string[]): [string, MultiHead][] =>
  phrases.map((p) => {
    const words = p.split(' ');
    return [words[0]!, { words, kind }];
  });

export const MULTI_HEADS: ReadonlyMap<string, readonly MultiHead[]> = (() => {
  const map = new Map<string, MultiHead[]>();
  const all = [
    ...multi('refugees', 'asylum seekers', 'asylum seeker', 'asylum-seekers', 'boat people', 'displaced persons'),
    ...multi('workers', 'labour force', 'labor force', 'work force'),
    ...multi('soldiers', 'special forces', 'prisoners of war'),
    ...multi('other', 'political prisoners'),
    ...multi('community', 'koryo saram'),
  ];
  for (const [first, entry] of all) {
    const list = map.get(first) ?? [];
    list.push(entry);
    map.set(first, list);
  }
  // longest first, so "prisoners of war" is tried before shorter phrases starting alike
  for (const list of map.values()) list.sort((a, b) => b.words.length - a.words.length);
  return map;
})();

/**
 * Modifiers that override the kind of a weak head. Participles of forced movement make the
 * group refugees ("deported Koreans", "displaced people"); a military modifier makes soldiers.
 */
export const MODIFIER_KINDS: ReadonlyMap<string, GroupKind> = new Map([
  ...['deported', 'displaced', 'exiled', 'expelled', 'stateless', 'fleeing', 'escaped', 'refugee'].map(
    (w): [string, GroupKind] => [w, 'refugees'],
  ),
  ...['military', 'armed', 'army'].map((w): [string, GroupKind] => [w, 'soldiers']),
  ...['student', 'students'].map((w): [string, GroupKind] => [w, 'students']),
  ...['labour', 'labor', 'work', 'worker', 'workers', 'working', 'guest', 'contract'].map((w): [string, GroupKind] => [
    w,
    'workers',
  ]),
  ...['private', 'diplomatic', 'embassy', 'medical', 'security', 'police', 'civilian'].map((w): [string, GroupKind] => [
    w,
    'other',
  ]),
]);

/**
 * Lower-case words that may stand before a head inside the group's label ("guest workers",
 * "local ethnic Koreans", "the original settlers"). Determiners, quantifiers and numbers are
 * deliberately absent: the label is the group, not the amount.
 */
export const MODIFIERS: ReadonlySet<string> = new Set([
  ...MODIFIER_KINDS.keys(),
  ...`migrant immigrant ethnic local original international foreign overseas industrial
    construction seasonal temporary illegal undocumented irregular economic political young
    elderly former new remaining skilled unskilled semi-skilled manual female male senior junior
    minority permanent legal registered total entire whole northern southern eastern western
    runaway fugitive captured wounded petty small-scale fellow native resident returning
    exchange defector special state-run`
    .trim()
    .split(/\s+/),
]);

/** Hyphenated modifiers are open-ended ("second-generation", "long-term", "Korean-born"): known by their tail. */
export const MODIFIER_TAILS: readonly string[] = ['-generation', '-term', '-born', '-speaking', '-time', '-skilled'];

/**
 * Capitalised words that start sentences or quantify, never part of a group's name
 * ("Most Vietnamese people", "Such North Koreans", "These soldiers").
 */
export const STARTERS: ReadonlySet<string> = new Set(
  `the a an this that these those such most many some several few all both each every other
   another any no their our his her its my your of in on at by for from with to and or but
   however although though while when since after before during between among about around
   almost nearly roughly approximately only even also still yet then there here it they we
   according following aside exactly up over under more less fewer`
    .trim()
    .split(/\s+/),
);

/**
 * Words after a head that show it is used as a modifier of another noun, not as the group:
 * "refugee status", "population statistics", "student visas", "worker dormitories".
 */
export const NOT_GROUP_AFTER: ReadonlySet<string> = new Set(
  `status camp camps crisis crises statistics visa visas policy policies law laws quota quotas
   program programs programme programmes rights card cards agency agencies office offices centre
   center centres centers dormitory dormitories protection movement movements influx smuggling
   trafficking exodus organisation organization organizations organisations union unions
   association associations council councils party parties leader leaders leadership settlement
   settlements recruitment housing registration density growth census`
    .trim()
    .split(/\s+/),
);

/**
 * Words that may follow an ethnonym-adjective when it is a noun ("the Vietnamese in Moscow",
 * "a few Japanese there", "many Vietnamese will have to close"): function words, auxiliaries,
 * adverbs, relatives and participles of living somewhere.
 */
export const NOUN_FOLLOWERS: ReadonlySet<string> = new Set(
  `in on at from of to for with by near across throughout into who whom whose which that there
   here also still now often usually mostly mainly largely generally are were was is have has had
   will would could can may might must should do did does living live lived residing reside
   resided settled working who've remained stayed form formed make made account accounted
   too alone themselves as`
    .trim()
    .split(/\s+/),
);

/** Quantifiers before an ethnonym-adjective that mark it as a noun ("many Vietnamese find it..."). */
export const QUANTIFIERS: ReadonlySet<string> = new Set(
  `many most few some several all the these those other more fewer thousands hundreds millions`.trim().split(/\s+/),
);

/** Words before an ethnonym-adjective that make it a language name ("speak Vietnamese"). */
export const LANGUAGE_CUES: ReadonlySet<string> = new Set(
  `speak speaks spoke spoken speaking learn learns learned learnt learning teach teaches taught
   teaching study studies studied studying read reads write writes written writing translate
   translated into in fluent native understand understands know knows`
    .trim()
    .split(/\s+/),
);

/** Capitalised words that are never modifiers in a group's label (months, weekdays). */
export const NOT_LABEL_WORDS: ReadonlySet<string> = new Set(
  `january february march april may june july august september october november december monday
   tuesday wednesday thursday friday saturday sunday`
    .trim()
    .split(/\s+/),
);

/** Heads that are also verbs: followed by an object they are the verb ("Russia forces them to..."). */
export const VERB_LIKE_HEADS: ReadonlySet<string> = new Set(['forces', 'guards', 'staff', 'exiles', 'hands', 'people']);

/** Objects after a verb-like head. */
export const OBJECT_WORDS: ReadonlySet<string> = new Set(
  'them him her it us me the a an his their its our this these those'.split(' '),
);
