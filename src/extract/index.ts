import type { ReadDocument } from '../corpus/types.js';
import { annotateAttributions, annotateModalities } from './attributions/index.js';
import { assembleEvents } from './claims/assemble-events.js';
import { documentFrame } from './claims/attach-place.js';
import type { SentenceAnnotations } from './claims/draft.js';
import { assembleClaims } from './claims/pipeline.js';
import { annotateEntities } from './entities/index.js';
import { annotateEvents } from './events/index.js';
import { annotateGroups } from './groups/index.js';
import { annotateQuantities, annotateRates } from './numbers/index.js';
import { annotatePlaces, getPlace } from './places/index.js';
import { annotateTimes } from './times/index.js';
import { tokenize } from './tokenize.js';
import type {
  Approx,
  Entity,
  EventType,
  GroupKind,
  Measure,
  Modality,
  PlaceRef,
  Sentence,
  SentenceContext,
  Span,
  TimeExpr,
} from './types.js';

export interface ExtractOptions {
  /** the document date, ISO 8601 (`--date`); overrides the front matter's */
  date?: string | null;
}

/** A time in the contract: ISO 8601 partial dates, with the EDTF form and whether it was implied. */
export interface TimeJson {
  start: string | null;
  end: string | null;
  edtf: string;
  precision: TimeExpr['precision'];
  /** set when the claim's sentence does not state the time and it was carried from before */
  implied?: string;
}

export interface PlaceJson {
  name: string;
  lat: number | null;
  lon: number | null;
  /** gazetteer id (`RU-PRI`, `city:RU:vladivostok`...) */
  id: string;
  implied?: string;
}

export interface ClaimJson {
  span: [number, number];
  text: string;
  sentence: [number, number];
  measure: Measure;
  value: { low: number | null; high: number | null; approx: Approx };
  unit: string;
  per: string | null;
  group: { kind: GroupKind; label: string; implied?: string } | null;
  time: TimeJson | null;
  place: PlaceJson | null;
  source: string | null;
  modality: Modality;
  /** the number rule that found it, for traces */
  rule: string;
}

export interface EventJson {
  span: [number, number];
  text: string;
  sentence: [number, number];
  type: EventType;
  time: TimeJson | null;
  place: PlaceJson | null;
  actors: string[];
}

/** What `atlas extract --json` prints: the contract of ../shared/eval/README.md. */
export interface Extraction {
  document: { title: string | null; length: number; format: string; date: string | null; source: string | null };
  claims: ClaimJson[];
  events: EventJson[];
}

/**
 * Runs every annotator over a read document, then assembles claims and events. Offsets in the
 * result index the original file (`doc.source`). Never throws on text.
 * Example: extract(readDocument(readFileSync(path, 'utf8'), { path })).claims[0].text -> "roughly 10,000"
 */
export function extract(doc: ReadDocument, options: ExtractOptions = {}): Extraction {
  return extractWithMentions(doc, options).extraction;
}

/** A named thing the document mentions, with how often: what the store keeps as entities. */
export interface EntityMention {
  name: string;
  kind: Entity['kind'];
  count: number;
}

/** The extraction plus every gazetteer place (role place) and entity the text names. */
export interface ExtractionWithMentions {
  extraction: Extraction;
  places: PlaceRef[];
  entities: EntityMention[];
}

/** extract(), also listing what the document mentions for the store's places and entities. */
export function extractWithMentions(doc: ReadDocument, options: ExtractOptions = {}): ExtractionWithMentions {
  const { text } = doc;
  const date = options.date ?? doc.meta.date ?? null;
  const sentences = annotateSentences(text, doc.sentences, date);
  const title = doc.meta.title;
  const ctx = { text, title, sentences, frame: documentFrame(sentences, titlePlace(title)) };

  const src = (span: Span): [number, number] => {
    const mapped = doc.spanToSource(span);
    return [mapped.start, mapped.end];
  };
  const sentenceSpan = (i: number) => src(sentences[i]!.sentence);
  const slice = (span: [number, number]) => doc.source.slice(span[0], span[1]);

  const claims = assembleClaims(ctx).map((d): ClaimJson => {
    const span = src(d.quantity);
    return {
      span,
      text: slice(span),
      sentence: sentenceSpan(d.sentenceIndex),
      measure: d.measure,
      value: d.value,
      unit: d.unit,
      per: d.per,
      group: d.group && (d.implied.group ? { ...d.group, implied: d.implied.group } : d.group),
      time: d.time && timeJson(d.time, d.implied.time),
      place: d.place && placeJson(d.place, d.implied.place),
      source: d.source,
      modality: d.modality,
      rule: d.quantity.rule,
    };
  });
  const events = assembleEvents(ctx).map((e): EventJson => {
    const span = src(e);
    return {
      span,
      text: slice(span),
      sentence: sentenceSpan(e.sentenceIndex),
      type: e.type,
      time: e.time && timeJson(e.time),
      place: e.place && placeJson(e.place),
      actors: e.actors,
    };
  });
  const places = new Map<string, PlaceRef>();
  const entities = new Map<string, EntityMention>();
  for (const s of sentences) {
    for (const p of s.places) if (p.role === 'place') places.set(p.place.id, p.place);
    for (const en of s.entities) {
      const key = `${en.kind}\u0000${en.name}`;
      const seen = entities.get(key);
      if (seen) seen.count++;
      else entities.set(key, { name: en.name, kind: en.kind, count: 1 });
    }
  }
  // claims and events may carry a place no sentence names as a place (a demonym, the title)
  for (const c of claims) if (c.place && !places.has(c.place.id)) addPlace(places, c.place.id);
  for (const e of events) if (e.place && !places.has(e.place.id)) addPlace(places, e.place.id);
  return {
    extraction: {
      document: { title, length: doc.source.length, format: doc.format, date, source: doc.meta.source },
      claims,
      events,
    },
    places: [...places.values()],
    entities: [...entities.values()],
  };
}

function addPlace(places: Map<string, PlaceRef>, id: string): void {
  const place = getPlace(id);
  if (place) places.set(id, place);
}

/**
 * Every annotator's findings for each sentence, in the order of `list`. Each annotator runs over
 * the whole document before the next starts: run all of them on one sentence before the next and
 * they evict each other's lexicons and code from the CPU caches (measured on the bundled article
 * repeated to 5 MB: ~1.4x slower in total, and blocks of 16 to 1,024 sentences in between).
 */
function annotateSentences(text: string, list: readonly Sentence[], date: string | null): SentenceAnnotations[] {
  const contexts: SentenceContext[] = list.map((sentence) => ({ text, sentence, tokens: tokenize(text, sentence) }));
  const times = annotateTimes(contexts, { date });
  let t = 0;
  const sentences = contexts.map((ctx): SentenceAnnotations => {
    const own: TimeExpr[] = [];
    while (t < times.length && times[t]!.start < ctx.sentence.end) {
      if (times[t]!.start >= ctx.sentence.start) own.push(times[t]!);
      t++;
    }
    return {
      sentence: ctx.sentence,
      tokens: ctx.tokens,
      quantities: NONE,
      times: own,
      places: NONE,
      groups: NONE,
      attributions: NONE,
      modalities: NONE,
      events: NONE,
      rates: NONE,
      entities: NONE,
    };
  });
  const n = contexts.length;
  for (let k = 0; k < n; k++) sentences[k]!.quantities = annotateQuantities(contexts[k]!);
  for (let k = 0; k < n; k++) sentences[k]!.places = annotatePlaces(contexts[k]!);
  for (let k = 0; k < n; k++) sentences[k]!.groups = annotateGroups(contexts[k]!);
  for (let k = 0; k < n; k++) sentences[k]!.attributions = annotateAttributions(contexts[k]!);
  for (let k = 0; k < n; k++) sentences[k]!.modalities = annotateModalities(contexts[k]!);
  for (let k = 0; k < n; k++) sentences[k]!.events = annotateEvents(contexts[k]!);
  for (let k = 0; k < n; k++) sentences[k]!.rates = annotateRates(contexts[k]!);
  for (let k = 0; k < n; k++) sentences[k]!.entities = annotateEntities(contexts[k]!);
  return sentences;
}

/** A placeholder until the annotator's own list is set; never left in a result. */
const NONE: never[] = [];

function titlePlace(title: string | null): PlaceRef | null {
  if (!title) return null;
  const sentence = { start: 0, end: title.length, index: 0, section: null };
  const found = annotatePlaces({ text: title, sentence, tokens: tokenize(title) }).find((p) => p.role === 'place');
  return found?.place ?? null;
}

function timeJson(t: TimeExpr, implied?: string): TimeJson {
  const json: TimeJson = { start: t.interval.start, end: t.interval.end, edtf: t.edtf, precision: t.precision };
  if (implied) json.implied = implied;
  return json;
}

function placeJson(p: PlaceRef, implied?: string): PlaceJson {
  const json: PlaceJson = { name: p.name, lat: p.lat, lon: p.lon, id: p.id };
  if (implied) json.implied = implied;
  return json;
}
