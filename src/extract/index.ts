import type { SentenceTable } from '../corpus/sections.js';
import type { ReadDocument } from '../corpus/types.js';
import { annotateAttributions, annotateModalities } from './attributions/index.js';
import { assembleEvents } from './claims/assemble-events.js';
import { FrameTally } from './claims/attach-place.js';
import { carryTimes } from './claims/attach-time.js';
import type { AssemblyContext, CarriedTime, SentenceAnnotations } from './claims/draft.js';
import { hasClaimQuantity } from './claims/from-quantities.js';
import { ClaimAssembler, READS_BACK } from './claims/pipeline.js';
import { annotateEntities } from './entities/index.js';
import { annotateEvents } from './events/index.js';
import { annotateGroups } from './groups/index.js';
import { type ClaimJson, type EventJson, JsonWriter } from './json.js';
import { annotateNumbers } from './numbers/index.js';
import { annotatePlaces, getPlace } from './places/index.js';
import { TimeReader } from './times/index.js';
import { TokenPool, tokenize } from './tokenize.js';
import type {
  Attribution,
  Entity,
  EventTrigger,
  GroupMention,
  ModalityCue,
  PlaceMention,
  PlaceRef,
  Quantity,
  RateMention,
  Sentence,
  SentenceContext,
  TimeExpr,
  Token,
} from './types.js';

export interface ExtractOptions {
  /** the document date, ISO 8601 (`--date`); overrides the front matter's */
  date?: string | null;
}

export type { ClaimJson, EventJson, PlaceJson, TimeJson } from './json.js';

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
  const date = options.date ?? doc.meta.date ?? null;
  const { claims, events } = annotateAndAssemble(doc, date, false);
  return extraction(doc, date, claims, events);
}

function extraction(doc: ReadDocument, date: string | null, claims: ClaimJson[], events: EventJson[]): Extraction {
  const document = {
    title: doc.meta.title,
    length: doc.source.length,
    format: doc.format,
    date,
    source: doc.meta.source,
  };
  return { document, claims, events };
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
  const date = options.date ?? doc.meta.date ?? null;
  const { claims, events, places, entities } = annotateAndAssemble(doc, date, true);
  return {
    extraction: extraction(doc, date, claims, events),
    places: heldPlaces(places, claims, events),
    entities: entities.list,
  };
}

/**
 * The document's places: the gazetteer places its sentences name, in order of first mention,
 * then those only a claim or event holds (a demonym, the title), in the order the claims and then
 * the events hold them.
 */
function heldPlaces(named: Map<string, PlaceRef>, claims: ClaimJson[], events: EventJson[]): PlaceRef[] {
  for (let k = 0; k < claims.length; k++) {
    const p = claims[k]!.place;
    if (p && !named.has(p.id)) addPlace(named, p.id);
  }
  for (let k = 0; k < events.length; k++) {
    const p = events[k]!.place;
    if (p && !named.has(p.id)) addPlace(named, p.id);
  }
  return [...named.values()];
}

function addPlace(places: Map<string, PlaceRef>, id: string): void {
  const place = getPlace(id);
  if (place) places.set(id, place);
}

/**
 * Sentences annotated and assembled together (the unit of what is let go). A block and the last
 * few sentences of the one before it are alive at once, and whatever is alive at two scavenges
 * of the young generation is promoted and later marked and compacted: 256 sentences promoted
 * ~88 MB per 5 MB document (most of it a block's tokens and annotations, dead soon after), 64
 * about half that, for ~15% less time in all (bundled article repeated to 5 MB). Smaller blocks
 * measured no better: each annotator's pass over a block keeps its code and lexicons warm for
 * fewer sentences (valgrind, 2026-11-27: 3.21 G instructions per run at 40, 3.11 at 64, 3.14
 * at 96).
 */
const BLOCK = 64;

/**
 * What a sentence of a block already assembled becomes: nothing. Refiners read a claim's own
 * sentence and at most READS_BACK before it, and carryTimes has worked out the times carried past
 * it, so once its block is assembled a sentence is let go unless it is one of the last READS_BACK
 * of the block. Its tokens and annotations (~950k tokens and ~500k annotations per 5 MB) and its
 * times, all once kept until the end of the document, were copied by every scavenge of the young
 * generation until then and promoted, about a fifth of the extractor's time. (Keeping the whole
 * block before as well, each scavenge copied ~1.7 MB; ~1.4 MB without.) Reading one after that
 * is a mistake in the extractor, and says so.
 */
class LetGo implements SentenceAnnotations {
  private fail(): never {
    throw new Error('extract: a sentence more than READS_BACK before a block was read after it was let go');
  }
  get sentence(): Sentence {
    return this.fail();
  }
  get tokens(): Token[] {
    return this.fail();
  }
  get quantities(): Quantity[] {
    return this.fail();
  }
  get times(): TimeExpr[] {
    return this.fail();
  }
  get places(): PlaceMention[] {
    return this.fail();
  }
  get groups(): GroupMention[] {
    return this.fail();
  }
  get attributions(): Attribution[] {
    return this.fail();
  }
  get modalities(): ModalityCue[] {
    return this.fail();
  }
  get events(): EventTrigger[] {
    return this.fail();
  }
  get rates(): RateMention[] {
    return this.fail();
  }
  get entities(): Entity[] {
    return this.fail();
  }
  get carried(): CarriedTime | null {
    return this.fail();
  }
}

const LET_GO = new LetGo();

/**
 * A sentence's record: what the annotators read (SentenceContext: the text, the sentence, its
 * tokens) and what they find, one object for both (a context and a record each were two objects
 * per sentence). Its lists are filled in by the annotators.
 */
type Annotated = SentenceAnnotations & SentenceContext;

function annotated(text: string, sentence: Sentence, tokens: Token[]): Annotated {
  return {
    text,
    sentence,
    tokens,
    quantities: NONE,
    times: NONE,
    places: NONE,
    groups: NONE,
    attributions: NONE,
    modalities: NONE,
    events: NONE,
    rates: NONE,
    entities: NONE,
    carried: undefined,
  };
}

/**
 * Runs every annotator but times over the sentences. Each annotator runs over all of them before
 * the next starts: run all of them on one sentence before the next and they evict each other's
 * lexicons and code from the CPU caches (measured on the bundled article repeated to 5 MB: ~1.4x
 * slower in total). Attributions, modality cues and free-standing rates are read only by the
 * claims of their own sentence (attachSource, attachRate), so they are looked for only in a
 * sentence with a quantity that can become a claim (the rates with the quantities, from the same
 * parse). Entities are read by the events of their sentence (actors) and by the document's list of
 * mentions: without `mentions`, they are looked for only in a sentence with an event trigger.
 */
function annotate(block: Annotated[], mentions: boolean): void {
  const n = block.length;
  for (let k = 0; k < n; k++) {
    const s = block[k]!;
    const numbers = annotateNumbers(s, hasClaimQuantity);
    s.quantities = numbers.quantities;
    s.rates = numbers.rates;
  }
  for (let k = 0; k < n; k++) block[k]!.places = annotatePlaces(block[k]!);
  for (let k = 0; k < n; k++) block[k]!.groups = annotateGroups(block[k]!);
  const claimed: Annotated[] = [];
  for (let k = 0; k < n; k++) if (hasClaimQuantity(block[k]!.quantities)) claimed.push(block[k]!);
  for (const s of claimed) s.attributions = annotateAttributions(s);
  for (const s of claimed) s.modalities = annotateModalities(s);
  for (let k = 0; k < n; k++) block[k]!.events = annotateEvents(block[k]!);
  for (let k = 0; k < n; k++) {
    const s = block[k]!;
    if (mentions || s.events.length > 0) s.entities = annotateEntities(s);
  }
}

interface Assembled {
  claims: ClaimJson[];
  events: EventJson[];
  /** gazetteer places named as places, in order of first mention */
  places: Map<string, PlaceRef>;
  /** entities in order of first mention */
  entities: EntityMentions;
}

/**
 * Runs every annotator, and assembles claims and events, a block of sentences at a time in
 * document order, handing each block's claims and events to the JsonWriter; with `withMentions`,
 * also lists the places and entities the sentences name (else both are left empty). Relative times carry
 * over from block to block (TimeReader). The claims and events of a block read its own sentences
 * and READS_BACK before it (attachGroup carries a subject back; timeFor reads the times
 * carryTimes has worked out a block at a time), so once a block is assembled all but its last
 * READS_BACK sentences are let go (LetGo). The frame (the place the document is about), which
 * claims without a place of their own fall back on, waits for the end.
 */
function annotateAndAssemble(doc: ReadDocument, date: string | null, withMentions: boolean): Assembled {
  // the sentences as columns (SentenceTable), each made an object only with its block
  const { text, sentenceTable: table } = doc;
  const title = doc.meta.title;
  // its final size at once: grown by push, each copy past 16k sentences was written to freshly
  // mapped pages (a page fault costs ~12 µs on this machine)
  const sentences: SentenceAnnotations[] = new Array(table.length);
  const titleFrame = titlePlace(title);
  // the title's place is the frame from the start; otherwise the frame is the tally's, at the end
  const ctx: AssemblyContext = { text, title, sentences, frame: titleFrame };
  const tally = titleFrame ? null : new FrameTally();
  const json = new JsonWriter(doc);
  const places = new Map<string, PlaceRef>();
  const entities = new EntityMentions();
  readBlocks({
    table,
    ctx,
    tally,
    claims: new ClaimAssembler(ctx),
    json,
    places,
    entities,
    timeReader: new TimeReader({ date }),
    withMentions,
  });
  POOL.endDocument();
  const { claims, events } = json.write(titleFrame ?? tally?.frame() ?? null);
  return { claims, events, places, entities };
}

/** What the block loop reads and fills (readBlocks). */
interface Reading {
  table: SentenceTable;
  ctx: AssemblyContext;
  tally: FrameTally | null;
  claims: ClaimAssembler;
  json: JsonWriter;
  places: Map<string, PlaceRef>;
  entities: EntityMentions;
  timeReader: TimeReader;
  withMentions: boolean;
}

/**
 * The block loop of annotateAndAssemble, a function of its own that ends with the loop: V8
 * compiles a long-running loop while it runs ("on-stack replacement"), and code after the loop
 * in the same function, run only once per document, had no type feedback in that compilation,
 * so the compiled code was thrown away at its end, every document.
 */
function readBlocks(r: Reading): void {
  const { table, ctx, tally, claims, json, places, entities, timeReader, withMentions } = r;
  const { text, sentences } = ctx;
  const pool = POOL;
  const ordered = inOrder(table);
  let released = 0;
  for (let from = 0; from < table.length; ) {
    const to = ordered ? blockEnd(text, table, from) : table.length;
    const block: Annotated[] = [];
    pool.nextBlock();
    for (let k = from; k < to; k++) {
      const sentence = table.sentence(k);
      block.push(annotated(text, sentence, tokenize(text, sentence, pool)));
    }
    const times = timeReader.read(block);
    let t = 0;
    for (let k = 0; k < block.length; k++) {
      const s = block[k]!;
      // the sentence's times, [first, t)
      while (t < times.length && times[t]!.start < s.sentence.start) t++;
      const first = t;
      while (t < times.length && times[t]!.start < s.sentence.end) t++;
      if (t > first) s.times = times.slice(first, t);
      sentences[from + k] = s;
    }
    carryTimes(ctx, from, to);
    annotate(block, withMentions);
    for (const s of block) {
      if (tally) tally.add(s);
      if (withMentions) mentions(s, places, entities);
    }
    json.addClaims(claims.add(from, to));
    json.addEvents(assembleEvents(ctx, from, to));
    for (; released < to - READS_BACK; released++) sentences[released] = LET_GO;
    from = to;
  }
}

/**
 * Token records to reuse, one pool for every document: a block's tokens are let go with its
 * sentences, a block later (see LetGo), and all of a document's once it is assembled. A pool per
 * document allocated a new set of records for each, which the collector then copied twice into
 * the old generation, onto freshly mapped pages. Extraction is synchronous: no two documents
 * take from it at once.
 */
const POOL = new TokenPool();

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
function inOrder(table: SentenceTable): boolean {
  for (let k = 1; k < table.length; k++) {
    if (table.start(k) < table.end(k - 1) || table.start(k) < table.start(k - 1)) return false;
  }
  return true;
}

/**
 * Where the block that starts at sentence `from` ends. A block never ends before a sentence
 * that starts inside a surrogate pair: its first token would start in the sentence before (the
 * tokenizer backs up to the pair), and a time found there belongs to that sentence.
 */
function blockEnd(text: string, table: SentenceTable, from: number): number {
  let to = Math.min(from + BLOCK, table.length);
  while (to < table.length && startsInPair(text, table.start(to))) to++;
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
  // a record like every sentence's, so the annotator sees one shape of context
  const found = annotatePlaces(annotated(title, sentence, tokenize(title))).find((p) => p.role === 'place');
  return found?.place ?? null;
}
