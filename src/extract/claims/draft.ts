import type {
  Approx,
  Attribution,
  Entity,
  EventTrigger,
  GroupKind,
  GroupMention,
  Measure,
  Modality,
  ModalityCue,
  Per,
  PlaceMention,
  PlaceRef,
  Quantity,
  RateMention,
  Sentence,
  TimeExpr,
  Token,
} from '../types.js';

/** Where an implied field came from: the sentence or document frame that supplied it. */
export type Provenance = 'stated' | 'previous-sentence' | 'paragraph' | 'section' | 'document';

/** Everything the annotators found in one sentence, each list sorted by start. */
export interface SentenceAnnotations {
  sentence: Sentence;
  tokens: Token[];
  quantities: Quantity[];
  times: TimeExpr[];
  places: PlaceMention[];
  groups: GroupMention[];
  attributions: Attribution[];
  modalities: ModalityCue[];
  events: EventTrigger[];
  rates: RateMention[];
  entities: Entity[];
  /**
   * The last time stated before this sentence in its paragraph and section: attachTime's memo
   * (null: none; undefined: not worked out yet).
   */
  carried?: CarriedTime | null;
}

/** A time carried to a later sentence, and the index of the sentence that states it. */
export interface CarriedTime {
  readonly time: TimeExpr;
  readonly at: number;
}

/** What the refiners read: the document's text and its sentences in order. */
export interface AssemblyContext {
  text: string;
  title: string | null;
  sentences: SentenceAnnotations[];
  /** the place the document as a whole is about (title, else the most mentioned), if any */
  frame: PlaceRef | null;
}

/**
 * A claim being assembled. Refiners fill its fields one job at a time; `implied` records which
 * fields were not stated in the claim's own sentence and where they came from (chrono's
 * known-versus-implied split).
 */
export interface ClaimDraft {
  quantity: Quantity;
  /** index into AssemblyContext.sentences */
  sentenceIndex: number;
  measure: Measure;
  value: { low: number | null; high: number | null; approx: Approx };
  unit: string;
  per: Per;
  group: { kind: GroupKind; label: string } | null;
  time: TimeExpr | null;
  place: PlaceRef | null;
  source: string | null;
  modality: Modality;
  implied: Partial<Record<'group' | 'time' | 'place' | 'per', Provenance>>;
  /** the group mention the quantity counts, when one was found next to it */
  counts: GroupMention | null;
}

export type Refiner = (ctx: AssemblyContext, drafts: readonly ClaimDraft[]) => ClaimDraft[];

/**
 * `drafts.map(f)`, as a list made by push. Why not `map`: the list it makes is of another kind
 * (V8's elements kind) when the refiner runs unoptimised than when it is optimised, so each
 * refiner's optimised code, compiled for one kind, met the other in the next refiner's output
 * and was thrown away ("wrong map", four to six deoptimisations in each of a bench process's
 * first measured runs, the extractor's main loop among them).
 */
export function mapDrafts<T>(drafts: readonly ClaimDraft[], f: (d: ClaimDraft) => T): T[] {
  const out: T[] = [];
  for (let k = 0; k < drafts.length; k++) out.push(f(drafts[k]!));
  return out;
}

/**
 * A draft's record of implied fields. Every key is present (undefined when not implied), and all
 * records are of this class, so they share one hidden class: spreads (`{ ...d.implied, place }`)
 * had made six, and every read of them was megamorphic. A class, not a literal, since the records
 * are kept with the drafts (see DraftRecord).
 */
class Implied {
  constructor(
    public group: Provenance | undefined,
    public time: Provenance | undefined,
    public place: Provenance | undefined,
    public per: Provenance | undefined,
  ) {}
}

/**
 * The record of a draft with nothing implied, one for all drafts: records are never changed in
 * place (impliedWith makes a new one), and drafts live until the document is done, so one record
 * each was copied by every scavenge until then.
 */
export const NOTHING_IMPLIED: ClaimDraft['implied'] = new Implied(undefined, undefined, undefined, undefined);

/** `implied` with `field` implied from `from`, as a new record. */
export function impliedWith(
  implied: ClaimDraft['implied'],
  field: 'group' | 'time' | 'place' | 'per',
  from: Provenance,
): ClaimDraft['implied'] {
  return new Implied(
    field === 'group' ? from : implied.group,
    field === 'time' ? from : implied.time,
    field === 'place' ? from : implied.place,
    field === 'per' ? from : implied.per,
  );
}

/**
 * A copy of a draft for a refiner to change. Written out field by field: `{ ...d, measure }` in
 * every refiner made each claim several objects of varying shape, and the spreads were the
 * hottest lines of claim assembly.
 */
export function copyDraft(d: ClaimDraft): ClaimDraft {
  return new DraftRecord(
    d.quantity,
    d.sentenceIndex,
    d.measure,
    d.value,
    d.unit,
    d.per,
    d.group,
    d.time,
    d.place,
    d.source,
    d.modality,
    d.implied,
    d.counts,
  );
}

/**
 * A draft, made by `new` of a class (one shape for all; see TimeRecord in times/resolve.ts
 * for why not a literal): the drafts are kept until the document is done, and V8 makes a literal
 * whose objects all survive allocate in the old generation, where each allocation cost more than
 * the refiner's work.
 */
export class DraftRecord implements ClaimDraft {
  constructor(
    public quantity: Quantity,
    public sentenceIndex: number,
    public measure: Measure,
    public value: ClaimDraft['value'],
    public unit: string,
    public per: Per,
    public group: ClaimDraft['group'],
    public time: TimeExpr | null,
    public place: PlaceRef | null,
    public source: string | null,
    public modality: Modality,
    public implied: ClaimDraft['implied'],
    public counts: GroupMention | null,
  ) {}
}
