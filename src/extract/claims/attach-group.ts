import type { GroupKind, GroupMention, Token } from '../types.js';
import {
  type AssemblyContext,
  type ClaimDraft,
  copyDraft,
  impliedWith,
  mapDrafts,
  type Provenance,
  type Refiner,
} from './draft.js';
import { PURPOSE_WORDS } from './lexicon.js';
import { nearest, tokenAt } from './positions.js';

/** Heads that stand for whoever the text was already talking about ("their population"). */
const WEAK_HEADS = new Set(['population', 'populations', 'people', 'number', 'numbers']);
const isWeak = (g: GroupMention) => WEAK_HEADS.has(g.head);

/** How far back (in sentences of the same section) a subject is carried. */
export const CARRY_SENTENCES = 4;

/** How far after a group or number a purpose word is looked for, in tokens. */
const PURPOSE_WINDOW = 8;

/**
 * A general group made specific by a purpose word in the same clause, after the group or the
 * number: "more than 10,000 North Koreans entered Russia on work visas" -> workers; "North
 * Koreans working as lumberjacks" -> workers. A purpose word in another clause says nothing
 * ("12,775 North Koreans entered Russia, including 7,000 on student visas").
 */
function refine(kind: GroupKind, tokens: readonly Token[], from: number): GroupKind {
  if (kind !== 'general') return kind;
  for (let i = tokenAt(tokens, from), n = 0; i < tokens.length && n < PURPOSE_WINDOW; i++, n++) {
    const t = tokens[i]!;
    if (t.text === ',' || t.text === ';' || t.text === ':' || t.text === '.') break;
    const purpose = PURPOSE_WORDS.get(t.lower);
    if (purpose) return purpose;
  }
  return kind;
}

/**
 * The group a sentence is about: its first strong mention (the subject, in English word
 * order), made specific by the sentence's purpose words ("North Koreans working as
 * lumberjacks" -> workers). A list that follows the subject ("North Koreans consist of
 * students, workers and refugees") does not replace it.
 */
function subjectOf(ctx: AssemblyContext, index: number): { kind: GroupKind; label: string } | null {
  const s = ctx.sentences[index]!;
  const first = s.groups.find((g) => !isWeak(g));
  return first ? new Group(refine(first.kind, s.tokens, first.end), first.label) : null;
}

function carried(ctx: AssemblyContext, d: ClaimDraft): { group: ClaimDraft['group']; from: Provenance } | null {
  const here = ctx.sentences[d.sentenceIndex]!.sentence;
  for (let i = d.sentenceIndex - 1; i >= 0 && d.sentenceIndex - i <= CARRY_SENTENCES; i--) {
    if (ctx.sentences[i]!.sentence.section !== here.section) break;
    const group = subjectOf(ctx, i);
    if (group) return { group, from: 'previous-sentence' };
  }
  return null;
}

/**
 * Attaches the group a claim counts: the group written right after the number ("about 12,000
 * troops"), the group after "of" for shares ("65% of the Sakhalin Koreans"), else the nearest
 * group in the sentence, else the subject carried from the sentences before ("Roughly 15,000
 * to 20,000 were present" counts the lumberjacks of the sentence before), marked implied.
 */
export const attachGroup: Refiner = (ctx, drafts) =>
  mapDrafts(drafts, (d) => {
    const s = ctx.sentences[d.sentenceIndex]!;
    const strong = s.groups.filter((g) => !isWeak(g));
    let pick: GroupMention | undefined = d.counts && !isWeak(d.counts) ? d.counts : undefined;
    if (!pick && d.unit === 'percent') {
      const at = tokenAt(s.tokens, d.quantity.end);
      if (s.tokens[at]?.lower === 'of')
        pick = strong.find((g) => tokenAt(s.tokens, g.start) - at <= 3 && g.start > d.quantity.end);
    }
    if (!pick && strong.length > 0) pick = nearest(s.tokens, strong, d.quantity)!;
    if (pick) {
      // the purpose may follow the number ("7,000 on student visas") or the group ("North Koreans working as")
      const near = refine(pick.kind, s.tokens, d.quantity.end);
      const kind = near === pick.kind ? refine(pick.kind, s.tokens, pick.end) : near;
      const copy = copyDraft(d);
      copy.group = new Group(kind, pick.label);
      return copy;
    }
    const c = carried(ctx, d);
    if (c) {
      const copy = copyDraft(d);
      copy.group = c.group;
      copy.implied = impliedWith(d.implied, 'group', c.from);
      return copy;
    }
    const weak = d.counts ?? s.groups[0];
    if (weak) {
      const copy = copyDraft(d);
      copy.group = new Group(refine(weak.kind, s.tokens, d.quantity.end), weak.label);
      return copy;
    }
    return d;
  });

/** A claim's group: a class, not a literal, as it is kept with the claim (see DraftRecord in draft.ts). */
class Group {
  constructor(
    public kind: GroupKind,
    public label: string,
  ) {}
}
