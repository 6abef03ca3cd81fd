/**
 * ask(question): a question taken apart by parseQuestion, sent to estimate (how many / how much
 * / what share) or to the timeline (when / what happened / where / who), answered as the
 * contract in ../shared/eval/README.md says: a quantity with value, unit, rate and citations;
 * events with their sentences; or `kind: "none"` when the store holds nothing that answers,
 * rather than the nearest unrelated figure.
 */
import { annotateGroups } from '../extract/groups/index.js';
import { tokenize } from '../extract/tokenize.js';
import type { Approx } from '../extract/types.js';
import type { Store } from '../store/types.js';
import { type Candidate, type Estimate, type EstimateQuery, estimate } from './estimate.js';
import { formatNumber, formatValue } from './format.js';
import { checkQuestion, parseQuestion } from './question.js';
import type { ParsedQuestion } from './question.types.js';
import { type TimelineEntry, timeline } from './timeline.js';

export interface Citation {
  document: string;
  title: string | null;
  url: string | null;
  span: [number, number];
  sentence: string;
  /** the claim or event cited */
  id: string;
}

export interface AskResult {
  question: string;
  answer:
    | {
        kind: 'quantity';
        value: { low: number | null; high: number | null; approx: Approx };
        unit: string;
        per: string | null;
        text: string;
        /** one claim answers, or the span of several that fit about as well */
        basis: 'single' | 'span';
        conflicting: boolean;
        corroborated: boolean;
      }
    | { kind: 'events'; text: string; events: EventAnswer[] }
    | { kind: 'none'; text: string };
  citations: Citation[];
  /** how the question was read, for traces and for the explorer's "did you mean" */
  parsed: ParsedQuestion;
}

export interface EventAnswer {
  id: string;
  type: string;
  text: string;
  time: TimelineEntry['time'];
  place: string | null;
}

const QUANTITY_INTENTS = new Set(['how-many', 'how-much', 'what-share']);
const MAX_CITATIONS = 8;
const MAX_EVENTS = 12;

export async function ask(store: Store, question: string): Promise<AskResult> {
  checkQuestion(question);
  const parsed = parseQuestion(question);
  if (QUANTITY_INTENTS.has(parsed.intent) || (parsed.intent === 'unknown' && parsed.measure !== null)) {
    return quantityAnswer(question, parsed, await estimate(store, estimateQuery(parsed)));
  }
  if (parsed.intent === 'unknown') return none(question, parsed, 'I could not tell what the question asks.');
  return eventsAnswer(store, question, parsed);
}

export function estimateQuery(p: ParsedQuestion): EstimateQuery {
  const q: EstimateQuery = {
    group: p.group ? { kind: p.group.kind, head: p.group.head } : null,
    place: p.place,
    from: p.time?.from ?? null,
    to: p.time?.to ?? null,
    measure: p.intent === 'how-much' ? 'money' : p.intent === 'what-share' ? 'share' : p.measure,
    modality: p.modality,
    words: [...p.actors, ...p.keywords],
    events: p.eventTypes,
  };
  // "how many penguins": the counted noun is no group the atlas knows, so only a sentence
  // naming it can answer, never the nearest figure about people
  if (!p.group && p.keywords.length > 0 && p.intent === 'how-many') q.required = p.keywords;
  if (p.per !== null) q.per = p.per;
  q.unit = p.intent === 'how-much' ? 'money' : p.intent === 'what-share' ? 'percent' : 'person';
  return q;
}

function citation(c: Candidate): Citation {
  return {
    document: c.claim.document,
    title: c.title,
    url: c.url,
    span: c.claim.span,
    sentence: c.sentence,
    id: c.claim.id,
  };
}

function quantityAnswer(question: string, parsed: ParsedQuestion, e: Estimate): AskResult {
  const { answer } = e;
  if (answer.kind === 'none' || !answer.value || !answer.unit) {
    return none(question, parsed, 'The store holds no figure that answers this.');
  }
  const basis = e.candidates.slice(0, Math.max(1, e.basis));
  const cited = [...basis, ...e.candidates.filter((c) => basis[0]!.corroboratedBy.includes(c.claim.id))];
  const citations = dedupe(cited.map(citation)).slice(0, MAX_CITATIONS);
  const best = basis[0]!;
  const conflicting = basis.some((c) => c.conflictsWith.length > 0);
  const value = formatValue(answer.value, answer.unit, answer.per);
  const context = [
    best.claim.time ? timeText(best.claim.time) : null,
    best.claim.place && !best.claim.place.implied ? best.claim.place.name : null,
    best.claim.source ? `according to ${best.claim.source}` : null,
  ].filter(Boolean);
  const text =
    answer.kind === 'single'
      ? `${capital(value)}${context.length ? ` (${context.join(', ')})` : ''}${e.corroborated ? `; ${best.corroboratedBy.length + 1} sources agree` : ''}`
      : `${capital(value)}: ${basis.length} claims fit about as well${conflicting ? ' and some conflict' : ''}: ${basis
          .map((c) => formatValue(c.claim.value, c.claim.unit, c.claim.per))
          .join('; ')}`;
  return {
    question,
    answer: {
      kind: 'quantity',
      value: answer.value,
      unit: answer.unit,
      per: answer.per,
      text,
      basis: answer.kind === 'single' ? 'single' : 'span',
      conflicting,
      corroborated: e.corroborated,
    },
    citations,
    parsed,
  };
}

async function eventsAnswer(store: Store, question: string, parsed: ParsedQuestion): Promise<AskResult> {
  const base = {
    from: parsed.time?.from ?? null,
    to: parsed.time?.to ?? null,
    place: parsed.place,
    claims: false,
    limit: 500,
  };
  let entries = await timeline(store, { ...base, types: parsed.eventTypes, actors: parsed.actors });
  // the question's verb may name a type the documents word differently: keep the actors, drop the type
  if (entries.length === 0 && parsed.eventTypes.length > 0 && parsed.actors.length > 0) {
    entries = await timeline(store, { ...base, actors: parsed.actors });
  }
  if (parsed.time?.month) {
    const month = parsed.time.month;
    // a month asked: keep events of that month, or of its year when the month is not known
    entries = entries.filter((e) => !e.time?.start || e.time.start.startsWith(month) || e.time.start.length === 4);
    const exact = entries.filter((e) => e.time?.start?.startsWith(month));
    if (exact.length > 0) entries = exact;
  }
  if (parsed.group && parsed.group.kind !== 'general') {
    // "when did North Korean troops arrive": events whose sentence names that group first
    const kind = parsed.group.kind;
    const named = entries.filter((e) => groupKindsOf(e.sentence).includes(kind));
    if (named.length > 0) entries = named;
  }
  if (entries.length === 0) return none(question, parsed, 'The store holds no event that answers this.');
  const shown = entries.slice(0, MAX_EVENTS);
  const events: EventAnswer[] = shown.map((e) => ({
    id: e.id,
    type: e.type,
    text: e.text,
    time: e.time,
    place: e.place?.name ?? null,
  }));
  const text = shown
    .map(
      (e) => `${e.type} (${[e.time ? timeText(e.time) : null, e.place?.name].filter(Boolean).join(', ')}): "${e.text}"`,
    )
    .join('; ');
  const citations = dedupe(
    shown.map((e) => ({
      document: e.document,
      title: e.title,
      url: e.url,
      span: e.span,
      sentence: e.sentence,
      id: e.id,
    })),
  ).slice(0, MAX_CITATIONS);
  return { question, answer: { kind: 'events', text, events }, citations, parsed };
}

/** The group kinds a sentence names, read by the same annotator as documents. */
function groupKindsOf(sentence: string): string[] {
  const ctx = {
    text: sentence,
    sentence: { start: 0, end: sentence.length, index: 0, section: null },
    tokens: tokenize(sentence),
  };
  return annotateGroups(ctx).map((g) => g.kind);
}

function none(question: string, parsed: ParsedQuestion, text: string): AskResult {
  return { question, answer: { kind: 'none', text }, citations: [], parsed };
}

/** one citation per sentence */
function dedupe(list: Citation[]): Citation[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const key = `${c.document}#${c.sentence}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function timeText(t: { start: string | null; end: string | null; edtf?: string }): string {
  if (t.start === t.end) return t.start ?? '';
  if (t.start === null) return `until ${t.end}`;
  if (t.end === null) return `since ${t.start}`;
  return `${t.start}–${t.end}`;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export { formatNumber };
