/**
 * The API's shapes, taken from the server's own types so a change there breaks this build
 * rather than the page. Type-only imports: none of that code is bundled.
 */
import type { AskResult, Citation } from '../../src/query/ask.js';
import type { SeriesPoint } from '../../src/query/series.js';
import type { TimelineEntry } from '../../src/query/timeline.js';
import type {
  ClaimRecord,
  DocumentSummary,
  EventRecord,
  SearchHit,
  SectionRecord,
  SentenceRecord,
} from '../../src/store/types.js';

export type { AskResult, Citation, ClaimRecord, DocumentSummary, EventRecord, SearchHit, SeriesPoint };

export type TimelineItem = Omit<TimelineEntry, 'record'>;

export interface DocumentFull extends Omit<DocumentSummary, 'claims' | 'events'> {
  text: string;
  sections: SectionRecord[];
  sentences: SentenceRecord[];
  claims: ClaimRecord[];
  events: EventRecord[];
}

export type ClaimRow = ClaimRecord & { sentenceText: string; title: string | null; url: string | null };

export interface ClaimsPage {
  total: number;
  claims: ClaimRow[];
}

export interface PlaceProps {
  id: string;
  name: string;
  kind: string;
  claims: number;
  events: number;
}

export interface PlaceFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: PlaceProps;
}

export interface Places {
  type: 'FeatureCollection';
  features: PlaceFeature[];
}

export interface Health {
  write?: boolean;
}
