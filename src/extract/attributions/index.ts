/**
 * Who the text says states a figure (attributions) and how it is known (modality cues).
 * Token-driven: one Map look-up per token finds the rules anchored on it; each rule reads a
 * bounded window, so the cost is linear in the sentence.
 */
import { removeOverlaps } from '../overlaps.js';
import type { Attribution, ModalityCue, SentenceContext } from '../types.js';
import { AnchorIndex } from './anchors.js';
import {
  ATTRIBUTION_RULES,
  MODALITY_RULES,
  type ParsedAttribution,
  type ParsedModality,
  type TokenRule,
} from './rules.js';

const ATTRIBUTION_INDEX = new AnchorIndex<TokenRule<ParsedAttribution>>(ATTRIBUTION_RULES);
const PRIORITY = new Map(ATTRIBUTION_RULES.map((r, i) => [r.name, i]));
const MODALITY_INDEX = new AnchorIndex<TokenRule<ParsedModality>>(MODALITY_RULES);

/**
 * The sources a sentence names, each spanning the source phrase.
 * Example: "The North Koreans sent about 12,000 troops according to Ukrainian intelligence."
 * -> [{ text: "Ukrainian intelligence", source: "Ukrainian intelligence", cue: "according to" }].
 * Passives name no one: "there were estimated to be ..." -> [].
 */
export function annotateAttributions(ctx: SentenceContext): Attribution[] {
  const { tokens, text } = ctx;
  let found: Attribution[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const rules = ATTRIBUTION_INDEX.at(tokens[i]!);
    if (rules === undefined) continue;
    for (const rule of rules) {
      const p: ParsedAttribution | null = rule.extract(tokens, i, ctx);
      if (p === null) continue;
      const start = tokens[p.first]!.start;
      const end = p.end ?? tokens[p.last]!.end;
      if (end <= start) continue;
      const source = text.slice(start, end);
      const a: Attribution = { start, end, text: source, rule: rule.name, source, cue: p.cue };
      if (found === null) found = [a];
      else found.push(a);
    }
  }
  if (found === null) return [];
  if (found.length < 2) return found;
  // two rules on the same span ("A 2006 study by X estimated"): the earlier rule in the list wins
  found.sort((a, b) => PRIORITY.get(a.rule)! - PRIORITY.get(b.rule)!);
  return removeOverlaps(found);
}

/**
 * The modality cues of a sentence: estimated, reported, proposed or denied.
 * Example: "Sergey Darkin ... suggested allowing up to 150,000 ..." -> [{ text: "suggested", modality: "proposed" }];
 * "Estimates ... suggest that between 16,500 and 50,000 ..." -> estimated (twice: "Estimates", "suggest").
 */
export function annotateModalities(ctx: SentenceContext): ModalityCue[] {
  const { tokens, text } = ctx;
  let found: ModalityCue[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const rules = MODALITY_INDEX.at(tokens[i]!);
    if (rules === undefined) continue;
    for (const rule of rules) {
      const p: ParsedModality | null = rule.extract(tokens, i, ctx);
      if (p === null) continue;
      const start = tokens[p.first]!.start;
      const end = tokens[p.last]!.end;
      const cue: ModalityCue = { start, end, text: text.slice(start, end), rule: rule.name, modality: p.modality };
      if (found === null) found = [cue];
      else found.push(cue);
    }
  }
  return found ?? [];
}
