/**
 * What every exporter reads: a pure snapshot of (part of) the store. The CLI fills it from
 * `Store.listDocuments`, `claims`, `events`, `places` and `sentences`; the exporters never touch
 * the store, so they test without one and a caller can feed them one document at a time.
 */
import type { ClaimRecord, DocumentSummary, EventRecord, PlaceRecord } from '../store/types.js';

export interface ExportInput {
  /** the documents the claims and events cite (others are ignored; a missing one cites null) */
  documents: readonly DocumentSummary[];
  /** any iterable, so a generator over store pages streams */
  claims: Iterable<ClaimRecord>;
  events: Iterable<EventRecord>;
  places: readonly (PlaceRecord & { claims: number; events: number })[];
  /** the text of a document's sentence (the store's `sentences(document)[i].text`) */
  sentenceText: (document: string, sentenceIndex: number) => string;
}

/** Where a claim or event was read: what a reader needs to check it. */
export interface Citation {
  /** the document's title */
  title: string | null;
  /** where the document was published */
  url: string | null;
  /** the sentence the claim or event stands in */
  sentence: string;
}

/** Citations for the records of one input, documents looked up once. */
export function citer(input: Pick<ExportInput, 'documents' | 'sentenceText'>) {
  const byId = new Map(input.documents.map((d) => [d.id, d]));
  return (record: { document: string; sentenceIndex: number }): Citation => {
    const doc = byId.get(record.document);
    return {
      title: doc?.title ?? null,
      url: doc?.source ?? null,
      sentence: input.sentenceText(record.document, record.sentenceIndex),
    };
  };
}

/**
 * RFC 7946 position [longitude, latitude] of a point, or null when it has no usable coordinates
 * (missing, not finite, or out of range: a gazetteer error must not draw a point off the map).
 */
export function position(lat: number | null, lon: number | null): [number, number] | null {
  if (lat === null || lon === null || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  if (lat < -90 || lat > 90 || lon < -180 || lon > 180) return null;
  return [lon, lat];
}
