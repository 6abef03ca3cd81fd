/**
 * Event trigger words and the context words the event rules read. Data only; the rules are in
 * rules.ts. Every entry is lower-case.
 */
import type { EventType } from '../types.js';

export type TriggerPos = 'verb' | 'noun';

export interface TriggerWord {
  type: EventType;
  pos: TriggerPos;
}

const verbs = (type: EventType, words: string[]): [string, TriggerWord][] =>
  words.map((w) => [w, { type, pos: 'verb' }]);
const nouns = (type: EventType, words: string[]): [string, TriggerWord][] =>
  words.map((w) => [w, { type, pos: 'noun' }]);

/**
 * Single-word triggers, all inflections. Left out on purpose, each from the dev texts:
 * "war" (it names the setting in every text: "World War II", "the war in Ukraine"), "death"
 * ("even death", "death penalty"), "contract(s)" ("contract workers"), "study/studies" and
 * "survey" (mostly a document: "A 2006 study by ... estimated"; see the study rule), "migration"
 * and "establishment" (background), "sent"/"send" and "returned" (rules with context),
 * "trains" (railway trains: "124 trains were used").
 */
export const TRIGGER_WORDS: ReadonlyMap<string, TriggerWord> = new Map<string, TriggerWord>([
  ...nouns('agreement', [
    'agreement',
    'agreements',
    'treaty',
    'treaties',
    'accord',
    'accords',
    'pact',
    'pacts',
    'memorandum',
    'memorandums',
    'memoranda',
  ]),
  ...nouns('visit', ['visit', 'visits']),
  ...verbs('visit', ['visited', 'visiting', 'toured']),
  ...nouns('recruitment', ['recruitment', 'hiring', 'enlistment', 'conscription', 'mobilization', 'mobilisation']),
  ...verbs('recruitment', [
    'recruited',
    'recruit',
    'recruits',
    'recruiting',
    'hired',
    'hire',
    'hires',
    'enlisted',
    'enlist',
    'conscripted',
    'mobilized',
    'mobilised',
  ]),
  ...nouns('study', ['enrollment', 'enrolment']),
  ...verbs('study', ['studied', 'studying', 'enrolled', 'enroll', 'enrol', 'graduated']),
  ...nouns('deployment', ['deployment', 'deployments']),
  ...verbs('deployment', ['deployed', 'deploy', 'deploys', 'deploying', 'stationed', 'redeployed']),
  ...nouns('training', ['training', 'drills']),
  ...verbs('training', ['trained']),
  ...nouns('combat', [
    'battle',
    'battles',
    'combat',
    'clashes',
    'invasion',
    'invasions',
    'attack',
    'attacks',
    'offensive',
    'incursion',
    'incursions',
    'shelling',
    'bombing',
    'bombings',
    'airstrike',
    'airstrikes',
    'assault',
    'hostilities',
    'fighting',
  ]),
  ...verbs('combat', [
    'fought',
    'fight',
    'fights',
    'battled',
    'clashed',
    'invaded',
    'invade',
    'invades',
    'invading',
    'attacked',
    'attacking',
    'shelled',
    'bombed',
  ]),
  ...nouns('casualties', ['casualties', 'deaths', 'fatalities']),
  ...verbs('casualties', ['killed', 'died', 'dies', 'die', 'wounded', 'injured', 'perished']),
  ...nouns('capture', ['capture', 'arrest', 'arrests', 'detention']),
  ...verbs('capture', ['captured', 'captures', 'capturing', 'caught', 'detained', 'detain', 'arrested']),
  ...nouns('evacuation', ['evacuation', 'evacuations']),
  ...verbs('evacuation', ['evacuated', 'evacuate', 'evacuates', 'evacuating']),
  ...nouns('repatriation', ['repatriation', 'repatriations']),
  ...verbs('repatriation', ['repatriated', 'repatriate', 'repatriates', 'repatriating']),
  ...nouns('deportation', ['deportation', 'deportations', 'expulsion', 'expulsions']),
  ...verbs('deportation', ['deported', 'deport', 'deports', 'deporting', 'expelled', 'expel']),
  ...nouns('abduction', ['abduction', 'abductions', 'kidnapping', 'kidnappings']),
  ...verbs('abduction', ['abducted', 'abduct', 'abducts', 'abducting', 'kidnapped', 'kidnap']),
  ...nouns('assassination', ['assassination', 'assassinations', 'murder', 'murders']),
  ...verbs('assassination', ['assassinated', 'assassinate', 'murdered']),
  ...nouns('escape', ['escape', 'defection', 'defections']),
  ...verbs('escape', ['escaped', 'escapes', 'escaping', 'fled', 'flee', 'flees', 'fleeing', 'defected', 'defecting']),
  ...nouns('proposal', ['proposal', 'proposals', 'offer', 'plan', 'plans']),
  ...verbs('proposal', ['proposed', 'propose', 'proposes', 'proposing', 'offered', 'offers', 'planned']),
  ...nouns('condemnation', ['condemnation', 'condemnations', 'criticism']),
  ...verbs('condemnation', [
    'condemned',
    'condemn',
    'condemns',
    'denounced',
    'denounce',
    'denounces',
    'criticised',
    'criticized',
    'criticises',
    'criticizes',
  ]),
  ...nouns('denial', ['denial', 'denials']),
  ...verbs('denial', ['denied', 'denies', 'deny', 'denying']),
  ...nouns('sanction', ['sanctions', 'embargo', 'embargoes']),
  ...verbs('sanction', ['sanctioned']),
  ...nouns('other', ['reform', 'reforms']),
  ...verbs('other', ['erected', 'founded']),
]);

/** Event types whose complement is not (yet) an event: "made an offer ... to send troops". */
export const SCOPE_TYPES: ReadonlySet<EventType> = new Set<EventType>(['proposal', 'denial']);

/** Words that open a new clause after a comma (", but his plan ..."): a proposal's scope and same-type duplicates end there. */
export const CLAUSE_OPENERS = new Set([
  'and',
  'but',
  'which',
  'while',
  'whereas',
  'who',
  'where',
  'however',
  'though',
  'although',
  'or',
  'so',
  'yet',
  'whom',
  'whose',
  'when',
]);

/** Determiners and quantifiers: "the captured soldiers", "50,000 deported Koreans" are adjectives. */
export const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'these',
  'those',
  'this',
  'that',
  'its',
  'their',
  'his',
  'her',
  'our',
  'many',
  'some',
  'all',
  'most',
  'several',
  'few',
  'other',
  'recently',
  'newly',
  'forcibly',
  'illegally',
]);

/**
 * Words that may follow a verb trigger without making it an adjective: prepositions,
 * conjunctions, particles, auxiliaries. Anything else after "the captured" is its noun.
 */
export const FUNCTION_WORDS = new Set([
  'by',
  'in',
  'on',
  'at',
  'to',
  'from',
  'into',
  'for',
  'with',
  'and',
  'or',
  'but',
  'as',
  'of',
  'back',
  'home',
  'out',
  'off',
  'away',
  'there',
  'here',
  'during',
  'after',
  'before',
  'since',
  'is',
  'are',
  'was',
  'were',
  'had',
  'have',
  'has',
  'that',
  'which',
  'who',
  'when',
  'while',
  'under',
  'over',
  'through',
  'across',
  'upon',
  'until',
  'between',
  'without',
  'against',
]);

/**
 * Heads that turn a noun trigger into a modifier of an institution, not an event:
 * "recruitment companies", "training camps", "detention centres", "combat experience".
 */
export const INSTITUTION_HEADS = new Set([
  'company',
  'companies',
  'agency',
  'agencies',
  'firm',
  'firms',
  'agent',
  'agents',
  'office',
  'offices',
  'center',
  'centers',
  'centre',
  'centres',
  'camp',
  'camps',
  'facility',
  'facilities',
  'ground',
  'grounds',
  'base',
  'bases',
  'school',
  'schools',
  'ministry',
  'department',
  'officer',
  'officers',
  'official',
  'officials',
  'unit',
  'units',
  'troops',
  'experience',
  'zone',
  'zones',
  'vehicles',
  'equipment',
  'skills',
  'aircraft',
  'helicopters',
  'drones',
  'policy',
  'policies',
  'law',
  'laws',
  'system',
  'regime',
  'committee',
  'commission',
  'capabilities',
  'capability',
  'manual',
  'materials',
]);

/**
 * Verbs whose object did not happen or is only the target of the action: "to prevent
 * defections", "prevented his deportation", "to counter the Ukrainian incursion", "banning the
 * hiring of North Korean workers".
 */
export const BLOCKING_VERBS = new Set([
  'prevent',
  'prevents',
  'prevented',
  'preventing',
  'stop',
  'stops',
  'stopped',
  'stopping',
  'avoid',
  'avoids',
  'avoided',
  'avoiding',
  'deter',
  'deterred',
  'discourage',
  'discouraged',
  // the purpose infinitive only ("to counter the Ukrainian incursion"): "repelled an attack" was combat
  'counter',
  'repel',
  'resist',
  'halt',
  'halted',
  'block',
  'blocked',
  'ban',
  'bans',
  'banned',
  'banning',
  'prohibit',
  'prohibits',
  'prohibited',
  'prohibiting',
  'forbid',
  'forbids',
  'forbade',
  'curb',
  'curbed',
  'avert',
  'averted',
  'face',
  'faces',
  'faced',
  'facing',
  'risk',
  'risks',
  'fear',
  'fears',
  'feared',
]);

/** Words allowed between a blocking verb and the trigger: "prevented his deportation". */
export const BLOCKING_GAP = new Set([
  'the',
  'a',
  'an',
  'his',
  'her',
  'their',
  'its',
  'any',
  'further',
  'more',
  'mass',
  'possible',
  'potential',
  'forced',
  'ukrainian',
  'russian',
  'them',
  'him',
  'people',
  'from',
]);

/**
 * Abstract objects that make escape figurative: "to escape unemployment and poverty",
 * "escaped death", "escape detection". A flight from war or persecution stays an event.
 */
export const FIGURATIVE_ESCAPE = new Set([
  'unemployment',
  'poverty',
  'hardship',
  'hardships',
  'hunger',
  'debt',
  'debts',
  'boredom',
  'reality',
  'punishment',
  'justice',
  'prosecution',
  'notice',
  'detection',
  'attention',
  'scrutiny',
  'sanctions',
  'responsibility',
  'death',
  'taxes',
  'taxation',
  'conscription',
]);

/** Adverbs of frequency: "The defectors usually flee to a third country" is habitual, not an event. */
export const HABITUAL_ADVERBS = new Set([
  'usually',
  'often',
  'typically',
  'generally',
  'frequently',
  'commonly',
  'sometimes',
  'normally',
  'regularly',
  'routinely',
  'rarely',
  'seldom',
  'always',
]);

/** Prepositions that make a noun trigger a time anchor: "after the invasion", "since the deportation". */
export const TEMPORAL_PREPOSITIONS = new Set([
  'before',
  'after',
  'following',
  'since',
  'until',
  'amid',
  'upon',
  'prior',
  'during',
]);

/** Words a temporal preposition may skip to reach its noun: "after the 1937 deportation". */
export const TEMPORAL_GAP = new Set([
  'the',
  'a',
  'an',
  'his',
  'her',
  'their',
  'its',
  'to',
  'soviet',
  'russian',
  'japanese',
  'korean',
  'full-scale',
  'mass',
  'first',
  'second',
  'latest',
]);

/**
 * What a military send carries: "sent about 12,000 troops", "dispatching soldiers". Not
 * "military": it is mostly an adjective ("sent to Russia for military training").
 */
export const MILITARY_NOUNS = new Set([
  'troops',
  'soldiers',
  'forces',
  'units',
  'personnel',
  'servicemen',
  'mercenaries',
  'battalions',
  'brigades',
  'army',
  'fighters',
  'officers',
  'artillery',
  'sappers',
]);

/** Words that end the object of a send: "sent to Russia for military training" sends no troops. */
export const SEND_OBJECT_STOPS = new Set([
  'to',
  'for',
  'in',
  'into',
  'from',
  'with',
  'at',
  'on',
  'by',
  'that',
  'which',
  'who',
  'as',
]);

export const SEND_VERBS = new Set(['sent', 'send', 'sends', 'sending', 'dispatched', 'dispatch', 'dispatching']);

/** Verbs of serving that deploy when followed by "in/on/at/with": "serving in Kursk". */
export const SERVE_VERBS = new Set(['serving', 'served', 'serve', 'serves']);

/** Verbs of coming: "came to the area as contract workers" recruits. */
export const COME_VERBS = new Set(['came', 'come', 'comes', 'coming', 'arrived', 'arrive', 'arrives', 'arriving']);

/** What a recruit comes as: "as contract workers", "as guest labourers". */
export const WORKER_NOUNS = new Set([
  'workers',
  'worker',
  'labourers',
  'laborers',
  'labourer',
  'laborer',
  'labour',
  'labor',
  'employees',
  'lumberjacks',
  'loggers',
  'miners',
  'fishermen',
  'builders',
  'mercenaries',
  'volunteers',
  'conscripts',
]);

export const RETURN_VERBS = new Set(['returned', 'return', 'returns', 'returning']);

/** Words after "returned" that make it a going home: "returned home", "returned to their homeland". */
export const HOME_WORDS = new Set(['home', 'homeland', 'homelands']);

export const CROSS_VERBS = new Set(['cross', 'crosses', 'crossed', 'crossing']);

/** Nouns after "forced"/"forcible" that deport: "the forced transfer of nearly 172,000". */
export const FORCED_MOVES = new Set([
  'transfer',
  'transfers',
  'relocation',
  'relocations',
  'resettlement',
  'removal',
  'migration',
  'displacement',
]);

/**
 * Words that open a verb's object, so a participle before them is a verb, not an adjective:
 * "300 fled the camps", "forcibly repatriated about 500 North Koreans".
 */
export const OBJECT_OPENERS = new Set([
  'the',
  'a',
  'an',
  'their',
  'his',
  'her',
  'its',
  'our',
  'them',
  'him',
  'about',
  'around',
  'some',
  'nearly',
  'roughly',
  'approximately',
  'almost',
  'more',
  'over',
  'up',
  'at',
  'thousands',
  'hundreds',
  'dozens',
  'all',
  'several',
  'many',
]);

/** Verbs after "forcibly" that deport: "forcibly relocated". */
export const FORCIBLY_MOVED = new Set(['transferred', 'relocated', 'resettled', 'removed', 'moved', 'displaced']);

export const RESETTLE_VERBS = new Set(['resettle', 'resettled', 'resettling', 'relocate', 'relocated']);

/** Objects of a resettle that is done to people: "used to resettle them". */
export const PERSON_OBJECTS = new Set(['them', 'him', 'her', 'people', 'families', 'entire']);

export const REFUSE_VERBS = new Set(['refuse', 'refuses', 'refused', 'refusing']);

/** What a refusal denies: "refuses to grant ... refugee status", "refused asylum". */
export const REFUSED_THINGS = new Set([
  'grant',
  'give',
  'allow',
  'issue',
  'recognize',
  'recognise',
  'accept',
  'admit',
  'asylum',
  'entry',
  'permission',
  'visas',
  'visa',
  'status',
  'citizenship',
]);

/** Verbs of rejecting that deny when their object is a claim: "rejected claims that ...". */
export const REJECT_VERBS = new Set(['rejected', 'rejects', 'reject', 'dismissed', 'dismisses', 'refuted', 'refutes']);

/** What a rejection denies: one list for events and modality (a rejected claim is both a denial event and a denied modality). */
export { DENIED_OBJECTS } from '../attributions/lexicon.js';

/** Verbs of commitment that propose when followed by "to": "pledged to send more troops". */
export const PLEDGE_VERBS = new Set(['pledged', 'pledges', 'promised', 'promises', 'vowed', 'vows']);

/** Subordinators that make what follows a condition, not a happening: "if caught". */
export const CONDITIONALS = new Set(['if', 'unless', 'whether']);

export const SUGGEST_VERBS = new Set(['suggested', 'suggest', 'suggests', 'suggesting']);

/** Where "study" is studying, not a report: "to study", "study in Moscow", "study abroad". */
export const STUDY_NOUNS = new Set(['study', 'studies']);

export const AGREE_VERBS = new Set(['agreed', 'agree', 'agrees']);

/** Determiners and modifiers before "deal" when it is an agreement ("a deal", "the arms deal"). */
export const DEAL_OPENERS = new Set([
  'a',
  'the',
  'this',
  'that',
  'new',
  'secret',
  'bilateral',
  'arms',
  'trade',
  'labour',
  'labor',
  'its',
  'their',
  'landmark',
  'military',
]);

/** Modifiers that make "exercises" military: "joint exercises". */
export const EXERCISE_MODIFIERS = new Set(['joint', 'military', 'naval', 'live-fire', 'combat', 'training', 'war']);

/** Words after "caught" that make it idiomatic: "caught up in", "caught fire". */
export const CAUGHT_IDIOMS = new Set(['up', 'fire', 'on', 'sight', 'between', 'off']);

/** Words after "died"/"die" that make it no casualty: "had died out". */
export const DIE_PARTICLES = new Set(['out', 'down', 'away', 'off']);
