import { hasSpellingBit, NEAR_HIT_BITS, SpellingMemo, spellingBit } from '../tokenize.js';
import type { GroupMention, SentenceContext, Token } from '../types.js';
import { HEADS, MODIFIERS, MULTI_HEADS, NOT_GROUP_AFTER, OBJECT_WORDS, VERB_LIKE_HEADS } from './lexicon.js';
import { labelStart, resolveKind } from './resolve.js';
import { type HeadMatch, MIN_TRIGGER_LENGTH, RULES, TRIGGERS } from './rules.js';

/** A word that can head a group ("workers", "Koreans"), per spelling (see spellingBit). */
const TRIGGER = spellingBit(
  (t: Token) => t.text.length >= MIN_TRIGGER_LENGTH && t.type === 'word' && TRIGGERS.has(t.lower),
);

/** The rules that can match at a trigger, in order, per spelling: most triggers wake one rule of three. */
const RULES_AT = new SpellingMemo((t: Token) => RULES.filter((rule) => rule.startsWith(t.lower)), NEAR_HIT_BITS);

/** True when a multiword head starts at token `i`. */
function multiAt(tokens: readonly Token[], i: number): boolean {
  const list = MULTI_HEADS.get(tokens[i]!.lower);
  if (!list) return false;
  return list.some((e) => e.words.every((w, k) => tokens[i + k]?.lower === w));
}

/**
 * True when the head is not the group but a modifier of what follows: another group head
 * ("migrant workers", "student population": the later head takes this one into its label), a
 * noun that makes a compound ("refugee status", "population statistics"), a modifier after a
 * singular head ("migrant labour"), or the object of a head that is really a verb ("forces them").
 */
function usedAsModifier(tokens: readonly Token[], m: HeadMatch): boolean {
  const next = tokens[m.end];
  if (next === undefined) return false;
  const after = AFTER_HEAD.get(next);
  if (after === 0) return false;
  if ((after & COMPOUND) !== 0 || ((after & MULTI_START) !== 0 && multiAt(tokens, m.end))) return true;
  if ((after & OBJECT) !== 0 && m.end - m.start === 1 && VERB_LIKE_HEADS.has(m.head)) return true;
  return (after & MODIFIER) !== 0 && !m.head.endsWith('s');
}

/** What a lower-case word after a head says about the head (usedAsModifier), as bits. */
const LOWER_WORD = 1;
/** another head, or a noun that makes a compound ("refugee status") */
const COMPOUND = 2;
/** may begin a multiword head */
const MULTI_START = 4;
/** a pronoun or determiner: the head may be a verb ("forces them") */
const OBJECT = 8;
/** a modifier, not a participle ("migrant labour") */
const MODIFIER = 16;

/** The bits above for the token after a head, per spelling; 0 for anything but a lower-case word. */
const AFTER_HEAD = new SpellingMemo((t: Token): number => {
  if (t.type !== 'word' || t.text.charCodeAt(0) !== t.lower.charCodeAt(0)) return 0;
  const w = t.lower;
  let bits = LOWER_WORD;
  if (NOT_GROUP_AFTER.has(w) || HEADS.has(w)) bits |= COMPOUND;
  if (MULTI_HEADS.has(w)) bits |= MULTI_START;
  if (OBJECT_WORDS.has(w)) bits |= OBJECT;
  if (MODIFIERS.has(w) && !w.endsWith('ed')) bits |= MODIFIER;
  return bits;
}, NEAR_HIT_BITS);

/**
 * Finds the groups of people a sentence names, each with its kind, head and label (the noun
 * phrase without determiners or numbers). Token-driven: one Set look-up per word decides
 * whether the rules run. Never throws.
 * Example: "roughly 9,000 North Korean migrant workers were recruited" ->
 *   [{ text: "North Korean migrant workers", kind: "workers", head: "workers", label: "North Korean migrant workers" }]
 */
export function annotateGroups(ctx: SentenceContext): GroupMention[] {
  const { tokens, text } = ctx;
  const found: GroupMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!hasSpellingBit(t, TRIGGER)) continue;
    for (const rule of RULES_AT.get(t)) {
      const m = rule.match(tokens, i);
      if (!m) continue;
      if (!usedAsModifier(tokens, m)) {
        const from = labelStart(tokens, m);
        const kind = resolveKind(tokens, from, m);
        if (kind) {
          const start = tokens[from]!.start;
          const end = tokens[m.end - 1]!.end;
          const label = text.slice(start, end);
          found.push({ start, end, text: label, rule: rule.name, kind, head: m.head, label });
        }
      }
      i = m.end - 1;
      break;
    }
  }
  return found;
}
