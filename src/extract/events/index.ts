/**
 * Event triggers: the word(s) that say something happened ("evacuated" -> evacuation).
 * Token-driven: one Map look-up per token finds the rules anchored on it. Then two refiners run
 * on the few triggers found: a proposal or denial swallows the rest of its clause ("made an
 * offer ... to send troops ... for military training" is one proposal, not three events), and
 * one trigger is kept per type and clause ("The deportation ... was the forced transfer ...").
 */

import { AnchorIndex } from '../attributions/anchors.js';
import type { EventTrigger, EventType, SentenceContext, Token } from '../types.js';
import { CLAUSE_OPENERS } from './lexicon.js';
import { EVENT_RULES, type ParsedEvent, type TokenRule } from './rules.js';

const RULES_BY_ANCHOR = new AnchorIndex<TokenRule<ParsedEvent>>(EVENT_RULES);

interface Found extends ParsedEvent {
  rule: string;
}

/**
 * The clause of each token: a new clause starts after ";", ":" or a parenthesis, and at a
 * comma followed by a clause word (", but his plan ...", ", which ...").
 */
function clauseIndex(tokens: readonly Token[], at: number, from: number, clause: number): number {
  let c = clause;
  for (let k = from; k < at; k++) {
    const t = tokens[k]!.text;
    if (t === ';' || t === ':' || t === '(' || t === ')') c++;
    else if (t === ',' && CLAUSE_OPENERS.has(tokens[k + 1]?.lower ?? '')) c++;
  }
  return c;
}

/**
 * Event triggers of a sentence, in order, at most one per type and clause.
 * Example: "In 2010, ... workers and traders there had been evacuated back to their home country."
 * -> [{ text: "evacuated", type: "evacuation" }].
 * Not events: "A 2006 study by X estimated", "to escape unemployment", "to prevent defections".
 */
export function annotateEvents(ctx: SentenceContext): EventTrigger[] {
  const { tokens, text } = ctx;
  let found: Found[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const rules = RULES_BY_ANCHOR.at(tokens[i]!);
    if (rules === undefined) continue;
    for (const rule of rules) {
      const p = rule.extract(tokens, i, ctx);
      if (p === null) continue;
      const f: Found = { first: p.first, last: p.last, type: p.type, pos: p.pos, scopes: p.scopes, rule: rule.name };
      if (found === null) {
        found = [f];
        continue;
      }
      // two rules on overlapping tokens: keep the longer ("sent back" over a bare "sent")
      let clash = -1;
      for (let k = 0; k < found.length; k++) if (found[k]!.first <= p.last && p.first <= found[k]!.last) clash = k;
      if (clash < 0) found.push(f);
      else if (p.last - p.first > found[clash]!.last - found[clash]!.first) found[clash] = f;
    }
  }
  if (found === null) return [];
  // in token order already, unless a phrase starts before its anchor ("taken prisoner")
  for (let k = 1; k < found.length; k++) {
    if (found[k]!.first < found[k - 1]!.first) {
      found.sort((a, b) => a.first - b.first);
      break;
    }
  }

  const out: EventTrigger[] = [];
  // the clause of the last kept trigger of each type (a sentence has few: a list beats a Map)
  const seenTypes: EventType[] = [];
  const seenClauses: number[] = [];
  let clause = 0;
  let at = 0;
  let scopeClause = -1;
  for (const f of found) {
    clause = clauseIndex(tokens, f.first, at, clause);
    at = f.first;
    // inside a proposal's or denial's clause: what is proposed or denied did not happen
    if (clause === scopeClause) continue;
    if (f.scopes) scopeClause = clause;
    const earlier = seenTypes.indexOf(f.type);
    // same type in one clause restates it; a later noun of an earlier type refers back ("his plan")
    if (earlier >= 0 && (seenClauses[earlier] === clause || f.pos === 'noun')) continue;
    if (earlier >= 0) seenClauses[earlier] = clause;
    else {
      seenTypes.push(f.type);
      seenClauses.push(clause);
    }
    const start = tokens[f.first]!.start;
    const end = tokens[f.last]!.end;
    // a one-word trigger's text is its token's, one string per spelling (events are kept to the end)
    const said = f.first === f.last ? tokens[f.first]!.text : text.slice(start, end);
    out.push({ start, end, text: said, rule: f.rule, type: f.type });
  }
  return out;
}
