import type { ReadDocument } from '../corpus/types.js';
import { annotateAttributions, annotateModalities } from './attributions/index.js';
import { assembleEvents, type EventDraft } from './claims/assemble-events.js';
import { FrameTally } from './claims/attach-place.js';
import type { AssemblyContext, ClaimDraft, SentenceAnnotations } from './claims/draft.js';
import { hasClaimQuantity } from './claims/from-quantities.js';
import { ClaimAssembler } from './claims/pipeline.js';
import { annotateEntities } from './entities/index.js';
import { annotateEvents } from './events/index.js';
import { annotateGroups } from './groups/index.js';
import { annotateNumbers } from './numbers/index.js';
import { annotatePlaces, getPlace } from './places/index.js';
import { TimeReader } from './times/index.js';
import { tokenize } from './tokenize.js';
import type {
  Approx,
  Attribution,
  Entity,
  EventTrigger,
  EventType,
  GroupKind,
  GroupMention,
  Measure,
  Modality,
  ModalityCue,
  PlaceMention,
  PlaceRef,
  Quantity,
  RateMention,
  Sentence,
  SentenceContext,
  Span,
  TimeExpr,
  Token,
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
  const title = doc.meta.title;
  const { sentences, drafts, eventDrafts, places, entities } = annotateAndAssemble(text, title, doc.sentences, date);

  // Array.of, not a literal `[start, end]`: every claim's and event's spans are kept to the end,
  // and V8 makes a literal whose objects all survive allocate in the old generation, which cost
  // more than the rest of the claim's JSON (see TimeRecord in times/resolve.ts).
  const src = (span: Span): [number, number] => {
    const mapped = doc.spanToSource(span);
    return Array.of(mapped.start, mapped.end) as [number, number];
  };
  const sentenceSpan = (i: number) => src(sentences[i]!.sentence);
  const slice = (span: [number, number]) => doc.source.slice(span[0], span[1]);
  const placeJsons = new PlaceJsons();

  // A claim or event may carry a place no sentence names as a place (a demonym, the title): it
  // joins the document's places, after theirs, in the order the claims and then the events hold
  // them. Done inside the callbacks, which are optimised, not in a loop of this function, which
  // runs once per document and so in unoptimised code (its loops were ~1% of extract's instructions).
  const claims = drafts.map((d): ClaimJson => {
    if (d.place && !places.has(d.place.id)) addPlace(places, d.place.id);
    const span = src(d.quantity);
    return new ClaimJsonRecord(
      span,
      slice(span),
      sentenceSpan(d.sentenceIndex),
      d.measure,
      d.value,
      d.unit,
      d.per,
      // not `{ ...d.group, implied }`, which made a hidden class of its own for each such claim
      d.group && (d.implied.group ? new ImpliedGroupJsonRecord(d.group.kind, d.group.label, d.implied.group) : d.group),
      d.time && timeJson(d.time, d.implied.time),
      d.place && placeJsons.get(d.place, d.implied.place),
      d.source,
      d.modality,
      d.quantity.rule,
    );
  });
  const events = eventDrafts.map((e): EventJson => {
    if (e.place && !places.has(e.place.id)) addPlace(places, e.place.id);
    const span = src(e);
    return new EventJsonRecord(
      span,
      slice(span),
      sentenceSpan(e.sentenceIndex),
      e.type,
      e.time && timeJson(e.time),
      e.place && placeJsons.get(e.place, undefined),
      e.actors,
    );
  });
  return {
    extraction: {
      document: { title, length: doc.source.length, format: doc.format, date, source: doc.meta.source },
      claims,
      events,
    },
    places: [...places.values()],
    entities: entities.list,
  };
}

function addPlace(places: Map<string, PlaceRef>, id: string): void {
  const place = getPlace(id);
  if (place) places.set(id, place);
}

/**
 * Sentences annotated and assembled together (the unit of what is let go). A block and the one
 * before it are alive at once, and whatever is alive at two scavenges of the young generation
 * is promoted and later marked and compacted: 256 sentences promoted ~88 MB per 5 MB document
 * (most of it a block's tokens and annotations, dead soon after), 64 about half that, for
 * ~15% less time in all (bundled article repeated to 5 MB). Smaller blocks measured no better:
 * each annotator's pass over a block keeps its code and lexicons warm for fewer sentences.
 */
const BLOCK = 64;

/**
 * A sentence of a block already assembled. Only what later blocks and the end still read is
 * kept: its span and its times (timeFor walks back through the paragraph). The rest, tokens and
 * annotations, is let go: ~950k tokens and ~500k annotations of a 5 MB document all alive at
 * once outlived the young generation, and copying and promoting them was about a fifth of the
 * extractor's time. Should anything ask for them after all, they are made again (every annotator
 * but times reads one sentence alone), so a refiner that reads further back is only slower.
 */
class Released implements SentenceAnnotations {
  private made: SentenceAnnotations | null = null;

  constructor(
    private readonly text: string,
    readonly sentence: Sentence,
    readonly times: TimeExpr[],
  ) {}

  private get all(): SentenceAnnotations {
    if (this.made === null) {
      const ctx: SentenceContext = {
        text: this.text,
        sentence: this.sentence,
        tokens: tokenize(this.text, this.sentence),
      };
      this.made = annotated(ctx, this.times);
      annotate([this.made], [ctx]);
    }
    return this.made;
  }

  get tokens(): Token[] {
    return this.all.tokens;
  }
  get quantities(): Quantity[] {
    return this.all.quantities;
  }
  get places(): PlaceMention[] {
    return this.all.places;
  }
  get groups(): GroupMention[] {
    return this.all.groups;
  }
  get attributions(): Attribution[] {
    return this.all.attributions;
  }
  get modalities(): ModalityCue[] {
    return this.all.modalities;
  }
  get events(): EventTrigger[] {
    return this.all.events;
  }
  get rates(): RateMention[] {
    return this.all.rates;
  }
  get entities(): Entity[] {
    return this.all.entities;
  }
}

/** A sentence's record before the annotators fill it. */
function annotated(ctx: SentenceContext, times: TimeExpr[]): SentenceAnnotations {
  return {
    sentence: ctx.sentence,
    tokens: ctx.tokens,
    quantities: NONE,
    times,
    places: NONE,
    groups: NONE,
    attributions: NONE,
    modalities: NONE,
    events: NONE,
    rates: NONE,
    entities: NONE,
  };
}

/**
 * Runs every annotator but times over the sentences. Each annotator runs over all of them before
 * the next starts: run all of them on one sentence before the next and they evict each other's
 * lexicons and code from the CPU caches (measured on the bundled article repeated to 5 MB: ~1.4x
 * slower in total). Attributions, modality cues and free-standing rates are read only by the
 * claims of their own sentence (attachSource, attachRate), so they are looked for only in a
 * sentence with a quantity that can become a claim (the rates with the quantities, from the same
 * parse).
 */
function annotate(out: SentenceAnnotations[], contexts: SentenceContext[]): void {
  const n = contexts.length;
  for (let k = 0; k < n; k++) {
    const numbers = annotateNumbers(contexts[k]!, hasClaimQuantity);
    out[k]!.quantities = numbers.quantities;
    out[k]!.rates = numbers.rates;
  }
  for (let k = 0; k < n; k++) out[k]!.places = annotatePlaces(contexts[k]!);
  for (let k = 0; k < n; k++) out[k]!.groups = annotateGroups(contexts[k]!);
  const claimed: number[] = [];
  for (let k = 0; k < n; k++) if (hasClaimQuantity(out[k]!.quantities)) claimed.push(k);
  for (const k of claimed) out[k]!.attributions = annotateAttributions(contexts[k]!);
  for (const k of claimed) out[k]!.modalities = annotateModalities(contexts[k]!);
  for (let k = 0; k < n; k++) out[k]!.events = annotateEvents(contexts[k]!);
  for (let k = 0; k < n; k++) out[k]!.entities = annotateEntities(contexts[k]!);
}

interface Assembled {
  sentences: SentenceAnnotations[];
  drafts: ClaimDraft[];
  eventDrafts: EventDraft[];
  /** gazetteer places named as places, in order of first mention */
  places: Map<string, PlaceRef>;
  /** entities in order of first mention */
  entities: EntityMentions;
}

/**
 * Runs every annotator, and assembles claims and events, a block of sentences at a time in
 * document order. Relative times carry over from block to block (TimeReader). The claims and
 * events of a block read its own sentences and a few before it (attachGroup carries a subject up
 * to 4 sentences back; timeFor reads only times), so once a block is assembled the block before it
 * is let go (Released). The frame (the place the document is about), and the claims' places that
 * fall back on it, wait for the end.
 */
function annotateAndAssemble(
  text: string,
  title: string | null,
  list: readonly Sentence[],
  date: string | null,
): Assembled {
  const sentences: SentenceAnnotations[] = [];
  const ctx: AssemblyContext = { text, title, sentences, frame: null };
  const titleFrame = titlePlace(title);
  const tally = titleFrame ? null : new FrameTally();
  const claims = new ClaimAssembler(ctx);
  const eventDrafts: EventDraft[] = [];
  const places = new Map<string, PlaceRef>();
  const entities = new EntityMentions();
  const timeReader = new TimeReader({ date });
  const ordered = inOrder(list);
  let released = 0;
  for (let from = 0; from < list.length; ) {
    const to = ordered ? blockEnd(text, list, from) : list.length;
    const contexts: SentenceContext[] = [];
    for (let k = from; k < to; k++) contexts.push({ text, sentence: list[k]!, tokens: tokenize(text, list[k]!) });
    const times = timeReader.read(contexts);
    let t = 0;
    for (const c of contexts) {
      // The sentence's times, [first, t): a list of exactly their number, since it is kept to the
      // end of the document (Released) and a list grown by push holds 16 slots (~150 bytes on this
      // 64-bit heap, ~3.4 MB per 5 MB), which every scavenge until then copied.
      while (t < times.length && times[t]!.start < c.sentence.start) t++;
      const first = t;
      while (t < times.length && times[t]!.start < c.sentence.end) t++;
      sentences.push(annotated(c, t === first ? NONE : times.slice(first, t)));
    }
    const block = sentences.slice(from, to);
    annotate(block, contexts);
    for (const s of block) {
      if (tally) tally.add(s);
      mentions(s, places, entities);
    }
    claims.add(from, to);
    const events = assembleEvents(ctx, from, to);
    for (let k = 0; k < events.length; k++) eventDrafts.push(events[k]!);
    for (; released < from; released++) {
      const s = sentences[released]!;
      sentences[released] = new Released(text, s.sentence, s.times);
    }
    from = to;
  }
  ctx.frame = titleFrame ?? tally?.frame() ?? null;
  return { sentences, drafts: claims.finish(), eventDrafts, places, entities };
}

/** Adds the gazetteer places (role place) and the entities a sentence names. */
function mentions(s: SentenceAnnotations, places: Map<string, PlaceRef>, entities: EntityMentions): void {
  for (const p of s.places) if (p.role === 'place') places.set(p.place.id, p.place);
  // Every mention of a name takes its first mention's string: the events' actor lists, kept to the
  // end of the document, then share one string per name, where each mention had built its own.
  for (const en of s.entities) en.name = entities.add(en);
}

/**
 * Entities counted by kind and name, listed in order of first mention. A Map per kind, keyed by
 * the name alone: a key joining kind and name was a new string, hashed afresh, per mention.
 */
class EntityMentions {
  readonly list: EntityMention[] = [];
  private readonly byKind = new Map<Entity['kind'], Map<string, EntityMention>>();

  /** Counts the mention; the name as first mentioned (the same characters, one string for all). */
  add(en: Entity): string {
    let byName = this.byKind.get(en.kind);
    if (byName === undefined) {
      byName = new Map();
      this.byKind.set(en.kind, byName);
    }
    const seen = byName.get(en.name);
    if (seen) {
      seen.count++;
      return seen.name;
    }
    const m: EntityMention = { name: en.name, kind: en.kind, count: 1 };
    byName.set(en.name, m);
    this.list.push(m);
    return m.name;
  }
}

/**
 * True when the sentences are sorted and apart, so blocks of them can be read in turn; otherwise
 * the document is read as one block, exactly as it always was.
 */
function inOrder(list: readonly Sentence[]): boolean {
  for (let k = 1; k < list.length; k++) {
    const a = list[k - 1]!;
    const b = list[k]!;
    if (b.start < a.end || b.start < a.start) return false;
  }
  return true;
}

/**
 * Where the block that starts at sentence `from` ends. A block never ends before a sentence
 * that starts inside a surrogate pair: its first token would start in the sentence before (the
 * tokenizer backs up to the pair), and a time found there belongs to that sentence.
 */
function blockEnd(text: string, list: readonly Sentence[], from: number): number {
  let to = Math.min(from + BLOCK, list.length);
  while (to < list.length && startsInPair(text, list[to]!.start)) to++;
  return to;
}

function startsInPair(text: string, at: number): boolean {
  if (at <= 0 || at >= text.length) return false;
  const c = text.charCodeAt(at);
  const b = text.charCodeAt(at - 1);
  return c >= 0xdc00 && c <= 0xdfff && b >= 0xd800 && b <= 0xdbff;
}

/** A placeholder until the annotator's own list is set; never left in a result. */
const NONE: never[] = [];

function titlePlace(title: string | null): PlaceRef | null {
  if (!title) return null;
  const sentence = { start: 0, end: title.length, index: 0, section: null };
  const found = annotatePlaces({ text: title, sentence, tokens: tokenize(title) }).find((p) => p.role === 'place');
  return found?.place ?? null;
}

/**
 * The JSON of each place, made once per document for each provenance and shared by every claim
 * and event that holds it: a document's claims and events all stay alive until it is done, and
 * each scavenge of the young generation until then copies what is alive (~1 ms per MB on this
 * machine). A document's thousands of claims and events name a handful of places; one object
 * each was ~3 MB of the ~40 MB kept while extracting 5 MB. (Times are not shared: nearly every
 * claim has its own.) Shared objects are read-only; applyPatch copies what it changes.
 */
class PlaceJsons {
  /** by place, then by where it was implied from ('' when stated) */
  private readonly made = new Map<PlaceRef, Map<string, PlaceJson>>();

  get(p: PlaceRef, implied: string | undefined): PlaceJson {
    let byProvenance = this.made.get(p);
    if (byProvenance === undefined) {
      byProvenance = new Map();
      this.made.set(p, byProvenance);
    }
    const key = implied ?? '';
    let json = byProvenance.get(key);
    if (json === undefined) {
      json = placeJson(p, implied);
      byProvenance.set(key, json);
    }
    return json;
  }
}

/*
 * The JSON records of claims, events and times, made by `new` of classes rather than literals:
 * they are all kept until the document is done, and V8 makes a literal whose objects all survive
 * allocate in the old generation, where each allocation cost more than filling the record in (see
 * TimeRecord in times/resolve.ts). Their own enumerable fields, in the contract's order, are
 * all there is to them: JSON.stringify and structured cloning see plain data.
 */

class ClaimJsonRecord implements ClaimJson {
  constructor(
    public span: [number, number],
    public text: string,
    public sentence: [number, number],
    public measure: ClaimJson['measure'],
    public value: ClaimJson['value'],
    public unit: string,
    public per: string | null,
    public group: ClaimJson['group'],
    public time: TimeJson | null,
    public place: PlaceJson | null,
    public source: string | null,
    public modality: ClaimJson['modality'],
    public rule: string,
  ) {}
}

class EventJsonRecord implements EventJson {
  constructor(
    public span: [number, number],
    public text: string,
    public sentence: [number, number],
    public type: EventType,
    public time: TimeJson | null,
    public place: PlaceJson | null,
    public actors: string[],
  ) {}
}

class ImpliedGroupJsonRecord {
  constructor(
    public kind: GroupKind,
    public label: string,
    public implied: string,
  ) {}
}

class TimeJsonRecord implements TimeJson {
  constructor(
    public start: string | null,
    public end: string | null,
    public edtf: string,
    public precision: TimeExpr['precision'],
  ) {}
}

/** A time carried from before: `implied` is a field of its own record, not added to a stated one's. */
class ImpliedTimeJsonRecord extends TimeJsonRecord {
  constructor(
    start: string | null,
    end: string | null,
    edtf: string,
    precision: TimeExpr['precision'],
    public implied: string,
  ) {
    super(start, end, edtf, precision);
  }
}

function timeJson(t: TimeExpr, implied?: string): TimeJson {
  const { start, end } = t.interval;
  return implied
    ? new ImpliedTimeJsonRecord(start, end, t.edtf, t.precision, implied)
    : new TimeJsonRecord(start, end, t.edtf, t.precision);
}

function placeJson(p: PlaceRef, implied?: string): PlaceJson {
  return implied
    ? { name: p.name, lat: p.lat, lon: p.lon, id: p.id, implied }
    : { name: p.name, lat: p.lat, lon: p.lon, id: p.id };
}
