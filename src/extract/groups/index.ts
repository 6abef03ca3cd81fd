import { hasSpellingBit, spellingBit } from '../tokenize.js';
import type { GroupMention, SentenceContext, Token } from '../types.js';
import { HEADS, MODIFIERS, MULTI_HEADS, NOT_GROUP_AFTER, OBJECT_WORDS, VERB_LIKE_HEADS } from './lexicon.js';
import { labelStart, resolveKind } from './resolve.js';
import { type HeadMatch, MIN_TRIGGER_LENGTH, RULES, TRIGGERS } from './rules.js';

/** A word that can head a group ("workers", "Koreans"), per spelling (see spellingBit). */
const TRIGGER = spellingBit(
  (t: Token) => t.text.length >= MIN_TRIGGER_LENGTH && t.type === 'word' && TRIGGERS.has(t.lower),
);

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
  if (next?.type !== 'word') return false;
  if (next.text.charCodeAt(0) !== next.lower.charCodeAt(0)) return false;
  if (NOT_GROUP_AFTER.has(next.lower) || HEADS.has(next.lower) || multiAt(tokens, m.end)) return true;
  if (m.end - m.start === 1 && VERB_LIKE_HEADS.has(m.head) && OBJECT_WORDS.has(next.lower)) return true;
  return !m.head.endsWith('s') && MODIFIERS.has(next.lower) && !next.lower.endsWith('ed');
}

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
    for (const rule of RULES) {
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
