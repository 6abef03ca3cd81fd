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
 * A draft's record of implied fields with none implied. Every key is present (undefined), and
 * impliedWith writes the same literal, so all claims' records share one hidden class: spreads
 * (`{ ...d.implied, place }`) had made six, and every read of them was megamorphic.
 */
export const noneImplied = (): ClaimDraft['implied'] => ({
  group: undefined,
  time: undefined,
  place: undefined,
  per: undefined,
});

/**
 * The record of a draft with nothing implied, one for all drafts: records are never changed in
 * place (impliedWith makes a new one), and drafts live until the document is done, so one record
 * each was copied by every scavenge until then.
 */
export const NOTHING_IMPLIED: ClaimDraft['implied'] = noneImplied();

/** `implied` with `field` implied from `from`, as a new record. */
export function impliedWith(
  implied: ClaimDraft['implied'],
  field: 'group' | 'time' | 'place' | 'per',
  from: Provenance,
): ClaimDraft['implied'] {
  return {
    group: field === 'group' ? from : implied.group,
    time: field === 'time' ? from : implied.time,
    place: field === 'place' ? from : implied.place,
    per: field === 'per' ? from : implied.per,
  };
}

/**
 * A copy of a draft for a refiner to change. Written out field by field: `{ ...d, measure }` in
 * every refiner made each claim several objects of varying shape, and the spreads were the
 * hottest lines of claim assembly.
 */
export function copyDraft(d: ClaimDraft): ClaimDraft {
  return {
    quantity: d.quantity,
    sentenceIndex: d.sentenceIndex,
    measure: d.measure,
    value: d.value,
    unit: d.unit,
    per: d.per,
    group: d.group,
    time: d.time,
    place: d.place,
    source: d.source,
    modality: d.modality,
    implied: d.implied,
    counts: d.counts,
  };
}
