/**
 * The store's vocabulary: what goes in (a read and extracted document), what comes out (records
 * with ids and review status), and the one `Store` interface that SQLite and PostgreSQL both
 * implement. Every method is async because PostgreSQL is; SQLite answers synchronously inside.
 * Offsets in records index the document's source text (`DocumentRecord.text`), as in the
 * extraction contract.
 */
import type { DocumentFormat } from '../corpus/types.js';
import type { ClaimJson, EventJson } from '../extract/index.js';
import type { Approx, GroupKind, Measure, Modality, PlaceKind, TimePrecision } from '../extract/types.js';
import type { FitSpec } from './fit.js';

/** A W3C Web Annotation TextQuoteSelector, with the offset where the quote was seen as a hint. */
export interface TextQuoteSelector {
  exact: string;
  /** up to 32 characters before `exact` */
  prefix: string;
  /** up to 32 characters after `exact` */
  suffix: string;
  /** where `exact` started when the selector was made: breaks ties between equal matches */
  start: number;
}

export type ClaimStatus = 'machine' | 'accepted' | 'corrected' | 'rejected';

/** The fields a reviewer may correct, flat (`atlas review C --set low=1000 --set place=Khabarovsk`). */
export interface ClaimPatch {
  low?: number | null;
  high?: number | null;
  approx?: Approx;
  unit?: string;
  per?: string | null;
  measure?: Measure;
  groupKind?: GroupKind | null;
  groupLabel?: string | null;
  /** a time as ISO partial dates; null clears the time */
  time?: { start: string | null; end: string | null; precision: TimePrecision; edtf: string } | null;
  place?: { id: string; name: string; lat: number | null; lon: number | null } | null;
  source?: string | null;
  modality?: Modality;
}

export type ReviewAction = 'accept' | 'reject' | 'correct';

export interface ReviewInput {
  action: ReviewAction;
  /** only for `correct` */
  patch: ClaimPatch | null;
  note: string | null;
}

/** A reviewer's decision, kept apart from machine output and anchored by its quote. */
export interface ReviewRecord extends ReviewInput {
  id: string;
  document: string;
  selector: TextQuoteSelector;
  /** ISO 8601 timestamp */
  createdAt: string;
  /** `orphaned` when the quote is no longer in the document, or no claim stands on it any more */
  state: 'applied' | 'orphaned';
  /** the claim it applies to now, null when orphaned */
  claim: string | null;
}

/** A claim as stored: the contract's claim (with corrections applied) plus identity and review state. */
export interface ClaimRecord extends ClaimJson {
  /** stable across re-ingestion while the quote and its context stay: see `claimId` */
  id: string;
  document: string;
  /** index of the sentence in the document */
  sentenceIndex: number;
  status: ClaimStatus;
  /** the machine's claim before corrections, when status is `corrected` */
  machine: ClaimJson | null;
}

export interface EventRecord extends EventJson {
  id: string;
  document: string;
  sentenceIndex: number;
}

export interface SectionRecord {
  index: number;
  title: string;
  level: number;
  start: number;
  end: number;
  parent: number | null;
}

export interface SentenceRecord {
  index: number;
  start: number;
  end: number;
  section: number | null;
  text: string;
}

export interface PlaceRecord {
  id: string;
  name: string;
  kind: PlaceKind;
  lat: number | null;
  lon: number | null;
  /** nearest parent first, as in the gazetteer */
  parents: string[];
}

export interface EntityRecord {
  name: string;
  kind: 'person' | 'organization' | 'other';
  /** mentions in the document */
  count: number;
}

/** Metadata of a stored document (no text). */
export interface DocumentSummary {
  /** slug, e.g. `north-koreans-in-russia` */
  id: string;
  title: string | null;
  /** where it was published (URL) */
  source: string | null;
  /** publication date, ISO 8601 */
  date: string | null;
  licence: string | null;
  format: DocumentFormat;
  /** sha256 of the source text, hex */
  hash: string;
  /** the file it was read from, as given to ingest */
  path: string | null;
  /** version of the extractor that produced its claims */
  extractor: string;
  /** ISO 8601 timestamp of the last ingestion that changed it */
  ingestedAt: string;
  length: number;
  claims: number;
  events: number;
}

export interface DocumentRecord extends DocumentSummary {
  /** the source text, as decoded */
  text: string;
}

/** One document, read and extracted, ready to be written in one transaction. */
export interface DocumentInput {
  id: string;
  title: string | null;
  source: string | null;
  date: string | null;
  licence: string | null;
  format: DocumentFormat;
  hash: string;
  path: string | null;
  extractor: string;
  text: string;
  sections: SectionRecord[];
  sentences: Omit<SentenceRecord, 'text'>[];
  /** claims as extracted, in document order; the store gives them ids and applies reviews */
  claims: (ClaimJson & { sentenceIndex: number })[];
  events: (EventJson & { sentenceIndex: number })[];
  /** every gazetteer place the claims, events and text mention */
  places: PlaceRecord[];
  entities: EntityRecord[];
}

export interface PutResult {
  id: string;
  /** unchanged: same hash and extractor, nothing written */
  status: 'added' | 'replaced' | 'unchanged';
  claims: number;
  events: number;
  reviews: { applied: number; orphaned: number };
}

export interface ClaimFilter {
  document?: string;
  status?: ClaimStatus | ClaimStatus[];
  measure?: Measure | Measure[];
  groupKind?: GroupKind | GroupKind[];
  /** claims whose place is one of these gazetteer ids (callers expand hierarchies) */
  placeIds?: string[];
  /** claims whose time interval overlaps [from, to] (years, inclusive); claims without time excluded when set */
  from?: number;
  to?: number;
  /**
   * with `from` and `to`: true keeps the claims whose years lie inside [from, to], false those
   * that reach outside it (so a caller can read the best-fitting times first)
   */
  within?: boolean;
  /** substring of the attributed source, case-insensitive */
  source?: string;
  /** claims with one of these ids */
  ids?: string[];
  /** claims counting people (unit `person`), shares (`percent`) or money (a currency code such as `USD`) */
  unitFamily?: 'person' | 'percent' | 'money';
  limit?: number;
  offset?: number;
}

/** How Store.bestFacts ranks and cuts. */
export interface BestFactsOptions {
  fit: FitSpec;
  limit: number;
  minFit: number;
  /** the narrower filters whose order breaks ties: only groupKind, measure, placeIds and within are read */
  parts?: readonly Pick<ClaimFilter, 'groupKind' | 'measure' | 'placeIds' | 'within'>[];
}

/** A claim's facts with the fit the store found and the index of its part (0 without parts). */
export interface RankedFacts {
  facts: ClaimFacts;
  fit: number;
  part: number;
}

/**
 * What ranks a claim against a question, without its quote, value or names: the columns a
 * question reads of many claims before it reads a few in full (estimate). Years as stored:
 * null without a time, open ends as null too.
 */
export interface ClaimFacts {
  id: string;
  document: string;
  sentenceIndex: number;
  spanStart: number;
  measure: Measure;
  unit: string;
  per: string | null;
  groupKind: GroupKind | null;
  groupLabel: string | null;
  groupImplied: boolean;
  placeId: string | null;
  placeImplied: boolean;
  /** whether the claim has a time at all (its years may still be open) */
  hasTime: boolean;
  yearFrom: number | null;
  yearTo: number | null;
  timeImplied: boolean;
  modality: Modality;
  approx: Approx;
}

export interface CitedClaim {
  claim: ClaimRecord;
  /** the text of the claim's sentence ('' if it is missing) */
  sentence: string;
  title: string | null;
  /** the document's source URL */
  source: string | null;
}

export interface EventFilter {
  document?: string;
  type?: string | string[];
  placeIds?: string[];
  from?: number;
  to?: number;
  limit?: number;
  offset?: number;
}

export interface ReviewFilter {
  document?: string;
  state?: ReviewRecord['state'];
}

export interface SearchHit {
  document: string;
  title: string | null;
  sentenceIndex: number;
  /** the sentence's span in the document */
  start: number;
  end: number;
  text: string;
  /** `text` shortened around the matches (plain text, never markup) */
  snippet: string;
  /** matched ranges inside `snippet`, half-open */
  highlights: [number, number][];
  /** higher is better */
  score: number;
}

export interface MigrationResult {
  from: number;
  to: number;
  applied: string[];
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** file path, or the URL without its password */
  readonly location: string;
  /** brings the schema to the latest version (open() already did); returns what it ran */
  migrate(): Promise<MigrationResult>;
  /**
   * what opening the store migrated: `atlas migrate` opens the store, so without it a store it
   * upgraded was reported "up to date" (from 4 to 4) instead of "migrated from version 1"
   */
  readonly migratedOnOpen?: MigrationResult;
  schemaVersion(): Promise<number>;
  /**
   * a value that changes whenever the store's content may have changed (any commit, from this
   * process or another), for caches of answers; null when the backend cannot tell cheaply
   */
  changeMark(): Promise<string | null>;
  /**
   * runs `fn` with a view of the store whose reads all see one snapshot (PostgreSQL: one
   * REPEATABLE READ transaction on one connection, where separate reads may each see another
   * commit). Absent on SQLite, whose reads are synchronous and microseconds apart: a caller
   * that must not mix two versions checks what it read (see the server's document route).
   */
  snapshot?<T>(fn: (store: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;

  /** the stored hash and extractor version of a document, or null when absent */
  documentState(id: string): Promise<{ hash: string; extractor: string } | null>;
  /**
   * Writes a document with its sections, sentences, claims, events, places and entities in one
   * transaction, replacing the machine output of an earlier version and re-applying its reviews.
   * Unchanged (same hash and extractor) unless `force`.
   */
  putDocument(input: DocumentInput, options?: { force?: boolean }): Promise<PutResult>;
  /** removes a document and its machine output; its reviews are kept (orphaned) */
  deleteDocument(id: string): Promise<boolean>;
  getDocument(id: string): Promise<DocumentRecord | null>;
  listDocuments(): Promise<DocumentSummary[]>;
  sections(document: string): Promise<SectionRecord[]>;
  sentences(document: string): Promise<SentenceRecord[]>;

  claims(filter?: ClaimFilter): Promise<ClaimRecord[]>;
  /**
   * claims(filter) as ClaimFacts, in the same order: a fraction of the cost per claim. With
   * `ordered: false` and no offset, in no particular order (a limit takes any that many): for a
   * caller that ranks them itself, the database spares the sort (half the time of reading ~600
   * claims at 1,000,000) or stops at the limit instead of sorting every match to take the first.
   */
  claimFacts(filter?: ClaimFilter, options?: { ordered?: boolean }): Promise<ClaimFacts[]>;
  /** claims(filter), each with its sentence and its document's title and source: what a cited answer shows, in one read */
  claimsCited(filter?: ClaimFilter): Promise<CitedClaim[]>;
  /**
   * The claims of `filter` that fit best, ranked by the store (optional: a store without it has
   * its claims ranked by the caller from claimFacts). Fit as FitSpec says; at most `limit`, each
   * fitting at least `minFit`; best first, then by the first of `parts` (filters narrower than
   * `filter`) the claim lies in, then in document order (document, sentence, span, id). A claim
   * in none of the parts is not given.
   */
  bestFacts?(filter: ClaimFilter, rank: BestFactsOptions): Promise<RankedFacts[]>;
  /** how many claims match (limit and offset ignored); with `atMost`, stops counting there */
  countClaims(filter?: ClaimFilter, options?: { atMost?: number }): Promise<number>;
  getClaim(id: string): Promise<ClaimRecord | null>;
  events(filter?: EventFilter): Promise<EventRecord[]>;
  /** places that documents mention, with how many live (not rejected) claims and events stand there */
  places(): Promise<(PlaceRecord & { claims: number; events: number })[]>;
  /** every place known to the store, without counts: cheap, for expanding place hierarchies */
  knownPlaces(): Promise<PlaceRecord[]>;
  /** title and source URL of the given documents (missing ones left out): cheap, for citations */
  citations(
    documents: readonly string[],
  ): Promise<Map<string, { title: string | null; source: string | null; date: string | null }>>;
  /** the text of the given sentences, keyed `${document}#${index}` (missing ones left out) */
  sentenceTexts(refs: readonly { document: string; sentenceIndex: number }[]): Promise<Map<string, string>>;
  entities(document?: string): Promise<(EntityRecord & { document: string })[]>;

  /** records a review of a claim and applies it at once; NotFoundError for an unknown claim */
  addReview(claim: string, review: ReviewInput): Promise<{ review: ReviewRecord; claim: ClaimRecord }>;
  reviews(filter?: ReviewFilter): Promise<ReviewRecord[]>;

  search(query: string, options?: { limit?: number; document?: string }): Promise<SearchHit[]>;
  /** empty when the store is sound; otherwise one message per problem found */
  integrityCheck(): Promise<string[]>;
}
