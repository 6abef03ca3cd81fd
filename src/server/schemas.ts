/**
 * The API's response shapes as zod schemas: they generate /api/openapi.json, and the route
 * handlers are type-checked against them, so the document cannot drift from what is sent.
 * They mirror src/store/types.ts and src/query/*.ts; where a shape is the query layer's own
 * trace (a parsed question, an estimate's query) it is documented loosely as an object.
 */
import { z } from '@hono/zod-openapi';
import { EVENT_TYPES } from '../extract/types.js';
import { APPROX_VALUES, GROUP_KIND_VALUES, MEASURE_VALUES, MODALITY_VALUES } from '../store/patch.js';

const Approx = z.enum(APPROX_VALUES as [string, ...string[]]).openapi({ example: 'about' });
const Measure = z.enum(MEASURE_VALUES as [string, ...string[]]).openapi({ example: 'population' });
const GroupKind = z.enum(GROUP_KIND_VALUES as [string, ...string[]]).openapi({ example: 'workers' });
const Modality = z.enum(MODALITY_VALUES as [string, ...string[]]);
const EventType = z.enum(EVENT_TYPES);
const Precision = z.enum(['day', 'month', 'season', 'year', 'decade', 'century']);
const PlaceKind = z.enum(['country', 'region', 'city', 'feature']);
const ClaimStatus = z.enum(['machine', 'accepted', 'corrected', 'rejected']);
const Span = z.tuple([z.number().int(), z.number().int()]).openapi({
  description: 'half-open character offsets [start, end) into the document text',
  example: [1042, 1056],
});

export const ErrorBody = z
  .object({ error: z.string().openapi({ example: 'invalid from: 20x6 (expected a year such as 2006)' }) })
  .openapi('Error');

const Value = z.object({ low: z.number().nullable(), high: z.number().nullable(), approx: Approx });

const Time = z
  .object({
    start: z.string().nullable().openapi({ description: 'ISO partial date', example: '2006' }),
    end: z.string().nullable(),
    edtf: z.string().openapi({ example: '2006' }),
    precision: Precision,
    implied: z.string().optional().openapi({ description: 'set when carried from an earlier sentence' }),
  })
  .openapi('Time');

const PlaceRef = z
  .object({
    name: z.string(),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    id: z.string().openapi({ example: 'RU-PRI' }),
    implied: z.string().optional(),
  })
  .openapi('PlaceRef');

const Group = z.object({ kind: GroupKind, label: z.string(), implied: z.string().optional() });

const ClaimCore = z.object({
  span: Span,
  text: z.string(),
  sentence: Span,
  measure: Measure,
  value: Value,
  unit: z.string().openapi({ example: 'person' }),
  per: z.string().nullable(),
  group: Group.nullable(),
  time: Time.nullable(),
  place: PlaceRef.nullable(),
  source: z.string().nullable(),
  modality: Modality,
  rule: z.string(),
});

export const ClaimRecord = ClaimCore.extend({
  id: z.string().openapi({ example: 'north-koreans-in-russia:3f9a0c12de' }),
  document: z.string(),
  sentenceIndex: z.number().int(),
  status: ClaimStatus,
  machine: ClaimCore.nullable().openapi({ description: "the machine's claim before corrections" }),
}).openapi('Claim');

export const EventRecord = z
  .object({
    span: Span,
    text: z.string(),
    sentence: Span,
    type: EventType,
    time: Time.nullable(),
    place: PlaceRef.nullable(),
    actors: z.array(z.string()),
    id: z.string(),
    document: z.string(),
    sentenceIndex: z.number().int(),
  })
  .openapi('Event');

const Cited = {
  sentenceText: z.string().openapi({ description: 'the text of the sentence it stands in' }),
  title: z.string().nullable().openapi({ description: "the document's title" }),
  url: z.string().nullable().openapi({ description: 'where the document was published' }),
};

export const CitedClaim = ClaimRecord.extend(Cited).openapi('CitedClaim');
export const CitedEvent = EventRecord.extend(Cited).openapi('CitedEvent');

export const ClaimList = z
  .object({
    total: z.number().int().openapi({ description: 'matching claims before limit/offset' }),
    claims: z.array(CitedClaim),
  })
  .openapi('ClaimList');
export const EventList = z.object({ total: z.number().int(), events: z.array(CitedEvent) }).openapi('EventList');

export const DocumentSummary = z
  .object({
    id: z.string().openapi({ example: 'north-koreans-in-russia' }),
    title: z.string().nullable(),
    source: z.string().nullable(),
    date: z.string().nullable(),
    licence: z.string().nullable(),
    format: z.enum(['mediawiki', 'markdown', 'html', 'text']),
    hash: z.string(),
    path: z.string().nullable(),
    extractor: z.string(),
    ingestedAt: z.string(),
    length: z.number().int(),
    claims: z.number().int(),
    events: z.number().int(),
  })
  .openapi('DocumentSummary');

const Section = z.object({
  index: z.number().int(),
  title: z.string(),
  level: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  parent: z.number().int().nullable(),
});
const Sentence = z.object({
  index: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  section: z.number().int().nullable(),
  text: z.string(),
});

export const DocumentFull = DocumentSummary.extend({
  text: z.string().openapi({ description: 'the source text (untrusted: render as text, never as markup)' }),
  sections: z.array(Section),
  sentences: z.array(Sentence),
  claims: z.array(ClaimRecord).openapi({ description: 'every claim of the document, rejected ones included' }),
  events: z.array(EventRecord),
}).openapi('Document');

export const Health = z
  .object({
    status: z.literal('ok'),
    store: z.enum(['sqlite', 'postgres']),
    write: z.boolean().openapi({ description: 'whether review and ingest endpoints exist (they need the token)' }),
    version: z.string(),
  })
  .openapi('Health');

const Loose = z.record(z.string(), z.unknown());

const Citation = z.object({
  document: z.string(),
  title: z.string().nullable(),
  url: z.string().nullable(),
  span: Span,
  sentence: z.string(),
  id: z.string(),
});

const TimelineTime = z.object({
  start: z.string().nullable(),
  end: z.string().nullable(),
  edtf: z.string(),
  precision: z.string(),
});

export const AskResult = z
  .object({
    question: z.string(),
    answer: z.union([
      z.object({
        kind: z.literal('quantity'),
        value: Value,
        unit: z.string(),
        per: z.string().nullable(),
        text: z.string(),
        basis: z.enum(['single', 'span']),
        conflicting: z.boolean(),
        corroborated: z.boolean(),
      }),
      z.object({
        kind: z.literal('events'),
        text: z.string(),
        events: z.array(
          z.object({
            id: z.string(),
            type: z.string(),
            text: z.string(),
            time: TimelineTime.nullable(),
            place: z.string().nullable(),
          }),
        ),
      }),
      z.object({ kind: z.literal('none'), text: z.string() }),
    ]),
    citations: z.array(Citation),
    parsed: Loose.openapi({ description: 'how the question was read (intent, group, place, time, measure...)' }),
  })
  .openapi('AskResult');

const Candidate = z.object({
  claim: ClaimRecord,
  fit: z.number().openapi({ description: '0..1, higher fits better' }),
  why: z.array(z.string()),
  sentence: z.string(),
  title: z.string().nullable(),
  url: z.string().nullable(),
  repeats: z.array(z.string()),
  corroboratedBy: z.array(z.string()),
  conflictsWith: z.array(z.string()),
});

export const Estimate = z
  .object({
    query: Loose,
    answer: z.object({
      kind: z.enum(['single', 'span', 'none']),
      value: Value.nullable(),
      unit: z.string().nullable(),
      per: z.string().nullable(),
    }),
    candidates: z.array(Candidate),
    more: z.boolean().openapi({ description: 'the candidates stopped at the limit: more claims may fit' }),
    basis: z.number().int(),
    conflicts: z.array(z.tuple([z.string(), z.string()])),
    corroborated: z.boolean(),
  })
  .openapi('Estimate');

export const SeriesPoint = z
  .object({
    id: z.string(),
    document: z.string(),
    from: z.number().int().nullable().openapi({ description: 'first year; null when open' }),
    to: z.number().int().nullable().openapi({ description: 'last year; null when open' }),
    edtf: z.string(),
    low: z.number().nullable(),
    high: z.number().nullable(),
    approx: Approx,
    unit: z.string(),
    per: z.string().nullable(),
    group: z.string().nullable(),
    measure: Measure,
    place: z.string().nullable(),
    source: z.string().nullable(),
    status: ClaimStatus,
    text: z.string(),
    repeats: z.array(z.string()),
  })
  .openapi('SeriesPoint');

export const TimelineEntry = z
  .object({
    kind: z.enum(['event', 'claim']),
    id: z.string(),
    document: z.string(),
    type: z.string().openapi({ description: 'event type, or claim measure' }),
    text: z.string(),
    time: TimelineTime.nullable(),
    place: z.object({ id: z.string(), name: z.string() }).nullable(),
    span: Span,
    sentence: z.string(),
    title: z.string().nullable(),
    url: z.string().nullable(),
  })
  .openapi('TimelineEntry');

export const SearchHit = z
  .object({
    document: z.string(),
    title: z.string().nullable(),
    sentenceIndex: z.number().int(),
    start: z.number().int(),
    end: z.number().int(),
    text: z.string(),
    snippet: z.string().openapi({ description: 'plain text, never markup' }),
    highlights: z.array(z.tuple([z.number().int(), z.number().int()])),
    score: z.number(),
  })
  .openapi('SearchHit');

const Change = z.object({
  claim: ClaimRecord,
  kind: z.enum(['new', 'corroborates', 'conflicts', 'consistent']),
  others: z.array(z.object({ id: z.string(), document: z.string(), text: z.string(), value: Value })),
});

export const DocumentDiff = z
  .object({
    document: z.string(),
    counts: z.object({
      new: z.number().int(),
      corroborates: z.number().int(),
      conflicts: z.number().int(),
      consistent: z.number().int(),
    }),
    changes: z.array(Change),
  })
  .openapi('DocumentDiff');

export const PlaceCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        geometry: z.object({
          type: z.literal('Point'),
          coordinates: z.tuple([z.number(), z.number()]).openapi({ description: '[longitude, latitude]' }),
        }),
        properties: z.object({
          id: z.string(),
          name: z.string(),
          kind: PlaceKind,
          claims: z.number().int().openapi({ description: 'live (not rejected) claims placed here' }),
          events: z.number().int(),
          parents: z.array(z.string()).openapi({ description: 'gazetteer ids, nearest parent first' }),
        }),
      }),
    ),
  })
  .openapi('PlaceCollection');

export const IngestResult = z
  .object({
    item: z.object({
      path: z.string(),
      id: z.string().nullable(),
      status: z.enum(['added', 'replaced', 'unchanged', 'failed']),
      claims: z.number().int(),
      events: z.number().int(),
      reviews: z.object({ applied: z.number().int(), orphaned: z.number().int() }),
      bytes: z.number().int(),
      error: z.string().nullable(),
    }),
    diff: DocumentDiff.nullable().openapi({ description: 'what the document adds to the store; null when unchanged' }),
  })
  .openapi('IngestResult');

export const ReviewResult = z
  .object({
    review: z.object({
      id: z.string(),
      document: z.string(),
      action: z.enum(['accept', 'reject', 'correct']),
      patch: Loose.nullable(),
      note: z.string().nullable(),
      selector: z.object({ exact: z.string(), prefix: z.string(), suffix: z.string(), start: z.number().int() }),
      createdAt: z.string(),
      state: z.enum(['applied', 'orphaned']),
      claim: z.string().nullable(),
    }),
    claim: ClaimRecord,
  })
  .openapi('ReviewResult');
