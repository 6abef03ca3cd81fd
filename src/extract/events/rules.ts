/**
 * Event trigger rules. Each is anchored on a word and reads a few tokens around it. The plain
 * lexicon rule is guarded by named filters, each motivated by a trap in real text; the phrase
 * rules handle triggers that need their context ("sent ... troops", "returned to South Korea").
 */
import { NEAR_HIT_BITS, nthToken, SpellingMemo, WordLists } from '../tokenize.js';
import type { EventType, SentenceContext, Token } from '../types.js';
import {
  AGREE_VERBS,
  BLOCKING_GAP,
  BLOCKING_VERBS,
  CAUGHT_IDIOMS,
  COME_VERBS,
  CONDITIONALS,
  CROSS_VERBS,
  DEAL_OPENERS,
  DENIED_OBJECTS,
  DETERMINERS,
  DIE_PARTICLES,
  EXERCISE_MODIFIERS,
  FIGURATIVE_ESCAPE,
  FORCED_MOVES,
  FORCIBLY_MOVED,
  FUNCTION_WORDS,
  HABITUAL_ADVERBS,
  HOME_WORDS,
  INSTITUTION_HEADS,
  MILITARY_NOUNS,
  OBJECT_OPENERS,
  PERSON_OBJECTS,
  PLEDGE_VERBS,
  REFUSE_VERBS,
  REFUSED_THINGS,
  REJECT_VERBS,
  RESETTLE_VERBS,
  RETURN_VERBS,
  SCOPE_TYPES,
  SEND_OBJECT_STOPS,
  SEND_VERBS,
  SERVE_VERBS,
  STUDY_NOUNS,
  SUGGEST_VERBS,
  TEMPORAL_GAP,
  TEMPORAL_PREPOSITIONS,
  TRIGGER_WORDS,
  type TriggerPos,
  WORKER_NOUNS,
} from './lexicon.js';

/** A trigger as token indexes (both inclusive). `scopes`: what follows in its clause is not an event. */
export interface ParsedEvent {
  first: number;
  last: number;
  type: EventType;
  pos: TriggerPos;
  scopes: boolean;
}

/** A named rule tried at every token whose lower-cased text is one of `anchors`. */
export interface TokenRule<T> {
  name: string;
  anchors: ReadonlySet<string>;
  extract(tokens: readonly Token[], i: number, ctx: SentenceContext): T | null;
}

const lowerAt = (tokens: readonly Token[], i: number): string => nthToken(tokens, i)?.lower ?? '';
/** A word whose first character has a lower case it is not, per spelling. */
const CAPITALISED = new SpellingMemo(
  (t: Token) => t.type === 'word' && t.text[0] !== t.text[0]!.toLowerCase(),
  NEAR_HIT_BITS,
);
const isCapitalised = (t: Token | undefined): boolean => t !== undefined && CAPITALISED.get(t);

const ESCAPE_VERBS = new Set(['escape', 'escaped', 'escapes', 'escaping', 'fled', 'flee', 'flees', 'fleeing']);

/** The word lists the trigger word's filters ask about its neighbours, per spelling. */
const WORDS = new WordLists([
  BLOCKING_VERBS,
  BLOCKING_GAP,
  HABITUAL_ADVERBS,
  FIGURATIVE_ESCAPE,
  DETERMINERS,
  FUNCTION_WORDS,
  OBJECT_OPENERS,
  TEMPORAL_PREPOSITIONS,
  TEMPORAL_GAP,
  CONDITIONALS,
  DIE_PARTICLES,
  CAUGHT_IDIOMS,
  INSTITUTION_HEADS,
  ESCAPE_VERBS,
]);
const BLOCKING_VERB = WORDS.bit(BLOCKING_VERBS);
const BLOCKING_GAP_WORD = WORDS.bit(BLOCKING_GAP);
const HABITUAL = WORDS.bit(HABITUAL_ADVERBS);
const FIGURATIVE = WORDS.bit(FIGURATIVE_ESCAPE);
const DETERMINER = WORDS.bit(DETERMINERS);
const FUNCTION_WORD = WORDS.bit(FUNCTION_WORDS);
const OBJECT_OPENER = WORDS.bit(OBJECT_OPENERS);
const TEMPORAL_PREPOSITION = WORDS.bit(TEMPORAL_PREPOSITIONS);
const TEMPORAL_GAP_WORD = WORDS.bit(TEMPORAL_GAP);
const CONDITIONAL = WORDS.bit(CONDITIONALS);
const DIE_PARTICLE = WORDS.bit(DIE_PARTICLES);
const CAUGHT_IDIOM = WORDS.bit(CAUGHT_IDIOMS);
const INSTITUTION_HEAD = WORDS.bit(INSTITUTION_HEADS);
const ESCAPE_VERB = WORDS.bit(ESCAPE_VERBS);

/** The trigger word's entry, per spelling. */
const TRIGGER = new SpellingMemo((t: Token) => TRIGGER_WORDS.get(t.lower), NEAR_HIT_BITS);
const isGerund = (t: Token | undefined): boolean =>
  t !== undefined && t.type === 'word' && t.lower.length > 4 && t.lower.endsWith('ing');
/** A clause-internal stop for the windows below: any punctuation but a dash inside a name. */
const isBreak = (t: Token): boolean => t.type === 'punct' && t.text !== '–' && t.text !== '-' && t.text !== '‐';

const event = (first: number, last: number, type: EventType, pos: TriggerPos): ParsedEvent => ({
  first,
  last,
  type,
  pos,
  scopes: SCOPE_TYPES.has(type),
});

// ---- filters on the plain lexicon rule ----------------------------------------------------

/**
 * "the captured soldiers", "50,000 deported Koreans": a participle between a determiner (or a
 * number) and its noun describes people, it does not report the event.
 */
function isAdjectival(tokens: readonly Token[], i: number): boolean {
  if (!tokens[i]!.lower.endsWith('ed')) return false;
  const prev = nthToken(tokens, i - 1);
  if (prev === undefined || !(prev.type === 'number' || WORDS.has(prev, DETERMINER))) return false;
  const next = tokens[i + 1];
  // an object after it makes it a verb: "at least 300 fled the camps", "forcibly repatriated about 500"
  return next !== undefined && next.type === 'word' && !WORDS.has(next, FUNCTION_WORD | OBJECT_OPENER);
}

/** "to prevent defections", "to counter the Ukrainian incursion": the target of an action that stops it. */
function isBlocked(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && i - k <= 4; k--) {
    const w = WORDS.of(tokens[k]);
    if ((w & BLOCKING_VERB) !== 0) return true;
    if ((w & BLOCKING_GAP_WORD) === 0) return false;
  }
  return false;
}

/** "The defectors usually flee to a third country": a habit, not a dated event. */
const isHabitual = (tokens: readonly Token[], i: number): boolean => WORDS.has(nthToken(tokens, i - 1), HABITUAL);

/** "to escape unemployment and poverty": an abstract object makes escape figurative. */
function isFigurativeEscape(tokens: readonly Token[], i: number): boolean {
  let k = i + 1;
  const l = lowerAt(tokens, k);
  if (l === 'the' || l === 'their' || l === 'his' || l === 'her' || l === 'from') k++;
  return WORDS.has(tokens[k], FIGURATIVE);
}

/** "for military training": a purpose, not a happening (the sentence's main verb carries the event). */
function isPurpose(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && i - k <= 3; k--) {
    const t = tokens[k]!;
    if (t.lower === 'for') return true;
    if (t.type !== 'word' || WORDS.has(t, DETERMINER) || isCapitalised(t)) return false;
  }
  return false;
}

/** "after the invasion", "prior to Korean independence": a noun used as a time anchor. */
function isTimeAnchor(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && i - k <= 4; k--) {
    const t = tokens[k]!;
    const w = WORDS.of(t);
    if ((w & TEMPORAL_PREPOSITION) !== 0) return true;
    if (!((w & TEMPORAL_GAP_WORD) !== 0 || t.type === 'number')) return false;
  }
  return false;
}

/** "They face deportation if caught", "If the defectors are caught": a condition, not a happening. */
function isConditional(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= 0 && i - k <= 5; k--) {
    const t = tokens[k]!;
    if (WORDS.has(t, CONDITIONAL)) return true;
    if (t.type === 'punct') return false;
  }
  return false;
}

const triggerWord: TokenRule<ParsedEvent> = {
  name: 'event: trigger word',
  anchors: new Set(TRIGGER_WORDS.keys()),
  extract(tokens, i) {
    const t = tokens[i]!;
    const w = TRIGGER.get(t)!;
    const next = tokens[i + 1];
    if (isBlocked(tokens, i) || isConditional(tokens, i)) return null;
    if (w.pos === 'verb') {
      if (isAdjectival(tokens, i) || isHabitual(tokens, i)) return null;
      if (w.type === 'casualties' && WORDS.has(next, DIE_PARTICLE)) return null;
      if (t.lower === 'caught' && WORDS.has(next, CAUGHT_IDIOM)) return null;
    } else {
      if (WORDS.has(next, INSTITUTION_HEAD) || isPurpose(tokens, i) || isTimeAnchor(tokens, i)) return null;
      // "a great deal of", "in accord with": not agreements
      if (t.lower === 'accord' && lowerAt(tokens, i - 1) === 'in') return null;
    }
    if (WORDS.has(t, ESCAPE_VERB) && isFigurativeEscape(tokens, i)) return null;
    return event(i, i, w.type, w.pos);
  },
};

// ---- phrase rules --------------------------------------------------------------------------

/** "sent about 12,000 troops", "troops were sent": sending deploys only when soldiers are sent. */
const sendTroops: TokenRule<ParsedEvent> = {
  name: 'event: send troops',
  anchors: SEND_VERBS,
  extract(tokens, i) {
    if (lowerAt(tokens, i + 1) === 'back') return event(i, i + 1, 'repatriation', 'verb');
    if (isAdjectival(tokens, i) || isHabitual(tokens, i)) return null;
    for (let k = i + 1; k < tokens.length && k - i <= 5; k++) {
      const t = tokens[k]!;
      if (MILITARY_NOUNS.has(t.lower)) return event(i, i, 'deployment', 'verb');
      if (isBreak(t) || SEND_OBJECT_STOPS.has(t.lower)) break;
    }
    for (let k = i - 1; k >= 0 && i - k <= 4; k--) {
      const t = tokens[k]!;
      if (MILITARY_NOUNS.has(t.lower)) return event(i, i, 'deployment', 'verb');
      if (isBreak(t)) break;
    }
    return null;
  },
};

/** "serving in Kursk": soldiers serving somewhere are deployed there; "served as" is not. */
const serveIn: TokenRule<ParsedEvent> = {
  name: 'event: serving in',
  anchors: SERVE_VERBS,
  extract(tokens, i) {
    const next = lowerAt(tokens, i + 1);
    if (next !== 'in' && next !== 'on' && next !== 'at' && next !== 'with' && next !== 'alongside') return null;
    const after = tokens[i + 2];
    return isCapitalised(after) || after?.lower === 'the' ? event(i, i, 'deployment', 'verb') : null;
  },
};

/**
 * "came to the area as contract workers": arriving as hired labour is recruitment. A bare "came"
 * or "went" is not annotated ("Another 25,000 workers also came to work in fisheries").
 */
const cameAsWorkers: TokenRule<ParsedEvent> = {
  name: 'event: came as workers',
  anchors: COME_VERBS,
  extract(tokens, i) {
    for (let k = i + 1; k < tokens.length && k - i <= 5; k++) {
      const t = tokens[k]!;
      if (isBreak(t)) return null;
      if (t.lower !== 'as') continue;
      for (let m = k + 1; m < tokens.length && m - k <= 3; m++) {
        if (WORKER_NOUNS.has(tokens[m]!.lower)) return event(i, i, 'recruitment', 'verb');
        if (tokens[m]!.type !== 'word') return null;
      }
      return null;
    }
    return null;
  },
};

/** "returned to South Korea", "returned home": going home is repatriation; "returned to work" is not. */
const returnHome: TokenRule<ParsedEvent> = {
  name: 'event: returned home',
  anchors: RETURN_VERBS,
  extract(tokens, i) {
    if (isAdjectival(tokens, i) || isHabitual(tokens, i)) return null;
    let k = i + 1;
    // "to fund the return of elderly Sakhalin Koreans"
    if (tokens[i]!.lower === 'return' && lowerAt(tokens, k) === 'of' && DETERMINERS.has(lowerAt(tokens, i - 1))) {
      return event(i, i, 'repatriation', 'noun');
    }
    if (lowerAt(tokens, k) === 'back') k++;
    if (HOME_WORDS.has(lowerAt(tokens, k))) return event(i, i, 'repatriation', 'verb');
    if (lowerAt(tokens, k) !== 'to') return null;
    k++;
    if (lowerAt(tokens, k) === 'their' || lowerAt(tokens, k) === 'his' || lowerAt(tokens, k) === 'her') {
      const what = lowerAt(tokens, k + 1);
      return HOME_WORDS.has(what) || what === 'country' || what === 'countries'
        ? event(i, i, 'repatriation', 'verb')
        : null;
    }
    return isCapitalised(tokens[k]) ? event(i, i, 'repatriation', 'verb') : null;
  },
};

/** "to cross the China–North Korea border", "crossed into China": an escape across a border. */
const crossBorder: TokenRule<ParsedEvent> = {
  name: 'event: crossed the border',
  anchors: CROSS_VERBS,
  extract(tokens, i) {
    if (lowerAt(tokens, i + 1) === 'into' && isCapitalised(tokens[i + 2])) return event(i, i, 'escape', 'verb');
    for (let k = i + 1; k < tokens.length && k - i <= 7; k++) {
      const t = tokens[k]!;
      if (t.lower === 'border' || t.lower === 'frontier') return event(i, i, 'escape', 'verb');
      if (isBreak(t)) return null;
    }
    return null;
  },
};

/** "the forced transfer of nearly 172,000", "forcibly relocated": deportation by another name. */
const forcedMove: TokenRule<ParsedEvent> = {
  name: 'event: forced transfer',
  anchors: new Set(['forced', 'forcible', 'forcibly']),
  extract(tokens, i) {
    const next = lowerAt(tokens, i + 1);
    if (tokens[i]!.lower === 'forcibly') {
      return FORCIBLY_MOVED.has(next) ? event(i, i + 1, 'deportation', 'verb') : null;
    }
    return FORCED_MOVES.has(next) ? event(i, i + 1, 'deportation', 'noun') : null;
  },
};

/** "124 trains were used to resettle them": resettling people (not settling) is done to them. */
const resettlePeople: TokenRule<ParsedEvent> = {
  name: 'event: resettle them',
  anchors: RESETTLE_VERBS,
  extract(tokens, i) {
    return PERSON_OBJECTS.has(lowerAt(tokens, i + 1)) ? event(i, i, 'deportation', 'verb') : null;
  },
};

/** "taken prisoner", "prisoners of war", "POWs". */
const prisoners: TokenRule<ParsedEvent> = {
  name: 'event: taken prisoner',
  anchors: new Set(['prisoner', 'prisoners', 'captive', 'captives', 'pows', 'pow']),
  extract(tokens, i) {
    const l = tokens[i]!.lower;
    if (l === 'pows' || l === 'pow') return event(i, i, 'capture', 'noun');
    const prev = lowerAt(tokens, i - 1);
    if (prev === 'taken' || prev === 'took' || prev === 'take' || prev === 'held') {
      return event(i - 1, i, 'capture', 'verb');
    }
    if (lowerAt(tokens, i + 1) === 'of' && lowerAt(tokens, i + 2) === 'war') return event(i, i + 2, 'capture', 'noun');
    return null;
  },
};

/** "China refuses to grant North Korean defectors refugee status", "refused asylum". */
const refuseGrant: TokenRule<ParsedEvent> = {
  name: 'event: refused to grant',
  anchors: REFUSE_VERBS,
  extract(tokens, i) {
    let k = i + 1;
    if (lowerAt(tokens, k) === 'to') k++;
    return REFUSED_THINGS.has(lowerAt(tokens, k)) ? event(i, i, 'denial', 'verb') : null;
  },
};

/** "The Kremlin rejected claims that ...": a denial, and what it denies did not happen. */
const rejectClaims: TokenRule<ParsedEvent> = {
  name: 'event: rejected claims',
  anchors: REJECT_VERBS,
  extract(tokens, i) {
    let k = i + 1;
    if (DETERMINERS.has(lowerAt(tokens, k))) k++;
    return DENIED_OBJECTS.has(lowerAt(tokens, k)) ? event(i, i, 'denial', 'verb') : null;
  },
};

/** "Kim Jong Un pledged to send more troops": a commitment proposes what follows. */
const pledgeTo: TokenRule<ParsedEvent> = {
  name: 'event: pledged to',
  anchors: PLEDGE_VERBS,
  extract(tokens, i) {
    return lowerAt(tokens, i + 1) === 'to' ? event(i, i, 'proposal', 'verb') : null;
  },
};

/** "suggested allowing up to 150,000": a proposal; "suggest that between ..." is an estimate. */
const suggestDoing: TokenRule<ParsedEvent> = {
  name: 'event: suggested doing',
  anchors: SUGGEST_VERBS,
  extract(tokens, i) {
    const next = tokens[i + 1];
    return next?.lower === 'to' || isGerund(next) ? event(i, i, 'proposal', 'verb') : null;
  },
};

/** "to study", "study in Moscow": studying, unlike "A 2006 study by ..." (a document). */
const studyIn: TokenRule<ParsedEvent> = {
  name: 'event: study in',
  anchors: STUDY_NOUNS,
  extract(tokens, i) {
    const next = lowerAt(tokens, i + 1);
    if (tokens[i]!.lower === 'study' && lowerAt(tokens, i - 1) === 'to') return event(i, i, 'study', 'verb');
    if (next === 'abroad') return event(i, i, 'study', 'verb');
    if ((next === 'in' || next === 'at') && tokens[i + 2]?.type !== 'number' && isCapitalised(tokens[i + 2])) {
      return event(i, i, 'study', 'verb');
    }
    return null;
  },
};

/** "a trip to Moscow". */
const tripTo: TokenRule<ParsedEvent> = {
  name: 'event: trip to',
  anchors: new Set(['trip', 'trips']),
  extract(tokens, i) {
    return lowerAt(tokens, i + 1) === 'to' ? event(i, i, 'visit', 'noun') : null;
  },
};

/** "agreed to send workers", "agreed on": an agreement, and what was agreed is not yet done. */
const agreedTo: TokenRule<ParsedEvent> = {
  name: 'event: agreed to',
  anchors: AGREE_VERBS,
  extract(tokens, i) {
    const next = lowerAt(tokens, i + 1);
    if (next !== 'to' && next !== 'on' && next !== 'upon') return null;
    return { first: i, last: i, type: 'agreement', pos: 'verb', scopes: next === 'to' };
  },
};

/** "a secret deal", "the arms deal"; not "a great deal of", "deal with". */
const deal: TokenRule<ParsedEvent> = {
  name: 'event: a deal',
  anchors: new Set(['deal', 'deals']),
  extract(tokens, i) {
    const next = lowerAt(tokens, i + 1);
    if (next === 'with' || next === 'of' || !DEAL_OPENERS.has(lowerAt(tokens, i - 1))) return null;
    return event(i, i, 'agreement', 'noun');
  },
};

/** "joint exercises", "military exercises". */
const exercises: TokenRule<ParsedEvent> = {
  name: 'event: military exercises',
  anchors: new Set(['exercises', 'exercise']),
  extract(tokens, i) {
    return EXERCISE_MODIFIERS.has(lowerAt(tokens, i - 1)) ? event(i, i, 'training', 'noun') : null;
  },
};

/** "to defect": the verb; "a defect" is a flaw. */
const toDefect: TokenRule<ParsedEvent> = {
  name: 'event: to defect',
  anchors: new Set(['defect']),
  extract(tokens, i) {
    return lowerAt(tokens, i - 1) === 'to' ? event(i, i, 'escape', 'verb') : null;
  },
};

/** "to train North Korean soldiers": the verb; "trains" are railway trains. */
const toTrain: TokenRule<ParsedEvent> = {
  name: 'event: to train',
  anchors: new Set(['train']),
  extract(tokens, i) {
    return lowerAt(tokens, i - 1) === 'to' && tokens[i + 1]?.type === 'word' ? event(i, i, 'training', 'verb') : null;
  },
};

/** "the death toll", "300 dead": casualties; a bare "death" is too often background. */
const deathToll: TokenRule<ParsedEvent> = {
  name: 'event: death toll',
  anchors: new Set(['death', 'dead']),
  extract(tokens, i) {
    if (tokens[i]!.lower === 'death') {
      return lowerAt(tokens, i + 1) === 'toll' ? event(i, i + 1, 'casualties', 'noun') : null;
    }
    return nthToken(tokens, i - 1)?.type === 'number' ? event(i, i, 'casualties', 'noun') : null;
  },
};

/** Order matters only for ties: an overlap keeps the longer span, then the earlier rule. */
export const EVENT_RULES: readonly TokenRule<ParsedEvent>[] = [
  triggerWord,
  sendTroops,
  serveIn,
  cameAsWorkers,
  returnHome,
  crossBorder,
  forcedMove,
  resettlePeople,
  prisoners,
  refuseGrant,
  rejectClaims,
  pledgeTo,
  suggestDoing,
  studyIn,
  tripTo,
  agreedTo,
  deal,
  exercises,
  toDefect,
  toTrain,
  deathToll,
];
