/**
 * The HTTP API and the explorer's static files, as one Hono app. Pure: nothing listens here
 * (serve.ts does), so tests call `app.request(...)`.
 *
 * Every route has a zod schema for its parameters; a bad one is a 400 `{ error }` naming it,
 * in the CLI's words. Values are resolved by the same functions as the CLI's flags
 * (src/query/resolve.ts), so `?place=Russia` reaches Vladivostok as `--place Russia` does.
 * The write routes (ingest, review) exist only in write mode with a token, and want it as
 * `Authorization: Bearer <token>`. Errors: InputError 400, NotFoundError 404, StoreError 503,
 * anything else 500 with no detail (logged to stderr).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { InputError, NotFoundError, StoreError } from '../errors.js';
import { csvLines, type ExportInput, geoJsonChunks, jsonChunks, position } from '../export/index.js';
import { EVENT_TYPES } from '../extract/types.js';
import { ingestBytes } from '../ingest/ingest.js';
import { DOCUMENT_EXTENSIONS } from '../ingest/walk.js';
import { ask } from '../query/ask.js';
import { diffDocument } from '../query/diff.js';
import { DEFAULT_CANDIDATES, type EstimateQuery, estimate, MAX_CANDIDATES } from '../query/estimate.js';
import { kindsWithin, placesWithin } from '../query/hierarchy.js';
import { resolveEventType, resolveGroup, resolveMeasure, resolvePlace, resolveYear } from '../query/resolve.js';
import { series } from '../query/series.js';
import { timeline } from '../query/timeline.js';
import { parsePatch } from '../store/patch.js';
import type {
  ClaimFilter,
  ClaimRecord,
  ClaimStatus,
  EventFilter,
  EventRecord,
  ReviewInput,
  SentenceRecord,
  Store,
} from '../store/types.js';
import { responseCache } from './cache.js';
import { tagMatches, weakTag } from './etag.js';
import { bad, CLAIM_ID, count, documentId, flag, isSet, issueMessage, MAX_LIMIT, oneOf, text, year } from './params.js';
import * as S from './schemas.js';
import { DEFAULT_RATE_LIMIT, type RateLimit, rateLimit, requireToken, securityHeaders } from './security.js';
import { staticFiles } from './static.js';

export const API_VERSION = '0.1.0';
/** request bodies (reviews) at most this big */
export const BODY_LIMIT = 64 * 1024;
/** an uploaded document at most this big */
export const UPLOAD_LIMIT = 5 * 1024 * 1024;
/** a JSON upload may escape its content: allow for that before counting the document's bytes */
const UPLOAD_BODY_LIMIT = 2 * UPLOAD_LIMIT + 64 * 1024;

export interface AppOptions {
  store: Store;
  /** review and ingest routes exist only when this is true and a token is set */
  write: boolean;
  token: string | null;
  /** folder of the built explorer (index.html, assets/); null serves the API only */
  webRoot: string | null;
  /** per-client token bucket (default 50 a second, bursts of 200); false turns it off (tests) */
  rateLimit?: RateLimit | false;
  /** answer repeated GET /api requests from memory while the store is unchanged (default true) */
  cache?: boolean;
  /** where internal errors are written (default stderr) */
  log?: (line: string) => void;
}

const STATUSES: readonly ClaimStatus[] = ['machine', 'accepted', 'corrected', 'rejected'];
const LIVE: ClaimStatus[] = ['machine', 'accepted', 'corrected'];

const json200 = <T extends z.ZodType>(schema: T, description: string) => ({
  200: { content: { 'application/json': { schema } }, description },
});
const errors = (...codes: (400 | 401 | 404 | 413 | 415 | 429 | 503)[]) =>
  Object.fromEntries(
    codes.map((code) => [
      code,
      { content: { 'application/json': { schema: S.ErrorBody } }, description: ERRORS[code] },
    ]),
  ) as Record<number, { content: { 'application/json': { schema: typeof S.ErrorBody } }; description: string }>;
const ERRORS: Record<number, string> = {
  400: 'a bad parameter, named in the message',
  401: 'missing or wrong token',
  404: 'no such document or claim',
  413: 'the body is too large',
  415: 'unsupported Content-Type',
  429: 'too many requests from this client',
  503: 'the store failed',
};

const GROUP_HELP =
  'workers, students, soldiers, refugees, community, general (all kinds), or a group such as lumberjacks';
const PLACE_HELP = 'a place name or gazetteer id; places within it count (Russia includes Vladivostok)';
const MEASURE_HELP = 'population, arrivals, departures, share, money, count or other';

export function createApp(options: AppOptions): OpenAPIHono {
  const { store } = options;
  const write = options.write && !!options.token;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (result.success) return;
      const issue = result.error.issues[0]!;
      // the raw input is passed beside the result (zod-validator), though its type does not say so
      const raw = valueAt((result as { data?: unknown }).data, issue.path);
      return c.json({ error: issueMessage(issue, raw, result.target) }, 400);
    },
  });

  app.onError((err, c) => {
    if (err instanceof InputError) return c.json({ error: err.message }, 400);
    if (err instanceof NotFoundError) return c.json({ error: err.message }, 404);
    if (err instanceof StoreError) {
      log(`atlas serve: store error: ${err.message}`);
      return c.json({ error: 'the store is unavailable; try again later' }, 503);
    }
    if (err instanceof HTTPException) {
      return c.json(
        { error: err.status === 415 ? 'unsupported Content-Type' : err.message || 'bad request' },
        err.status,
      );
    }
    log(`atlas serve: internal error on ${c.req.method} ${c.req.path}: ${(err as Error)?.stack ?? String(err)}`);
    return c.json({ error: 'internal error' }, 500);
  });
  app.notFound((c) => c.json({ error: 'not found' }, 404));

  app.use('*', securityHeaders());
  if (options.rateLimit !== false) app.use('*', rateLimit(options.rateLimit ?? DEFAULT_RATE_LIMIT));
  const smallBodies = bodyLimit({ maxSize: BODY_LIMIT, onError: tooLarge(`at most ${BODY_LIMIT / 1024} KiB`) });
  app.use('*', async (c, next) => {
    // A GET has no body to limit, and asking for one (c.req.raw.body) makes the Node adapter
    // build a full WHATWG Request with an AbortController: measured as ~6% of the server's time
    // under bench/api.mjs. Uploads have their own, larger limit, checked after the token.
    const m = c.req.method;
    if (m === 'GET' || m === 'HEAD' || (m === 'POST' && c.req.path === '/api/documents' && write)) return next();
    return smallBodies(c, next);
  });
  app.use('/api/*', dropEmptyParams(), apiCaching());
  if (options.cache !== false)
    app.use(
      '/api/*',
      responseCache(() => store.changeMark()),
    );

  // ---- read routes ----

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/health',
      summary: 'liveness, store kind, and whether write routes exist',
      responses: json200(S.Health, 'the server is up'),
    }),
    (c) => c.json({ status: 'ok' as const, store: store.kind, write, version: API_VERSION }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/documents',
      summary: 'every stored document (metadata, no text)',
      responses: { ...json200(z.array(S.DocumentSummary), 'document summaries'), ...errors(429, 503) },
    }),
    async (c) => c.json(await store.listDocuments(), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/documents/{id}',
      summary: 'one document for the reader: text, sections, sentences, claims (all statuses) and events',
      request: { params: z.object({ id: documentId('id', 'path') }) },
      responses: { ...json200(S.DocumentFull, 'the document'), ...errors(400, 404, 429, 503) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      // Each read is a snapshot of its own: a re-ingestion committed between them gave the old
      // text with the new claims and sentences, spans pointing at the wrong words (test/robustness/
      // concurrency.test.ts: 35 of 413 reads on SQLite, about 1 in 10 on PostgreSQL, while the
      // document was replaced in a loop). PostgreSQL reads in one snapshot; SQLite's synchronous
      // reads are microseconds apart, so there the document is read again after its parts, and
      // the parts again when it changed meanwhile.
      const read = async (s: Store) => {
        for (let attempt = 1; ; attempt++) {
          const doc = await s.getDocument(id);
          if (!doc) throw new NotFoundError(`no document ${id}`);
          const [sections, sentences, claims, events] = await Promise.all([
            s.sections(id),
            s.sentences(id),
            s.claims({ document: id }),
            s.events({ document: id }),
          ]);
          const after = await s.getDocument(id);
          if (after?.ingestedAt === doc.ingestedAt && after.hash === doc.hash) {
            return { ...doc, sections, sentences, claims, events };
          }
          if (!after) throw new NotFoundError(`no document ${id}`);
          if (attempt === 10) throw new StoreError(`document ${id} kept changing while it was read`);
        }
      };
      return c.json(await (store.snapshot ? store.snapshot(read) : read(store)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/claims',
      summary: 'stored claims, filtered, with their sentence and citation',
      request: {
        query: z.object({
          group: text('group', 100, GROUP_HELP, 'workers'),
          place: text('place', 200, PLACE_HELP, 'Russia'),
          measure: text('measure', 200, `${MEASURE_HELP}; comma-separated for several`),
          status: text('status', 100, 'machine, accepted, corrected, rejected (comma-separated); default all'),
          source: text('source', 200, 'substring of the attributed source, case-insensitive'),
          doc: documentId('doc', 'query').optional(),
          from: year('from'),
          to: year('to'),
          limit: count('limit', 1, MAX_LIMIT, 'at most this many (default 100)'),
          offset: count('offset', 0, 10_000_000, 'skip this many (default 0)'),
        }),
      },
      responses: { ...json200(S.ClaimList, 'the matching claims, in document order'), ...errors(400, 429, 503) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const filter: ClaimFilter = {};
      if (q.doc) filter.document = q.doc;
      if (q.status) filter.status = list(q.status, 'status').map(resolveStatus);
      if (q.measure) filter.measure = list(q.measure, 'measure').map((m) => resolveMeasure(m, 'measure'));
      if (q.group) filter.groupKind = kindsWithin(resolveGroup(q.group, 'group').kind);
      if (q.place) filter.placeIds = await placeIds(store, q.place);
      Object.assign(filter, years(q.from, q.to));
      if (q.source?.trim()) filter.source = q.source.trim();
      const total = await store.countClaims(filter);
      const claims = await store.claims({ ...filter, limit: num(q.limit, 100), offset: num(q.offset, 0) });
      return c.json({ total, claims: await cite(store, claims) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/events',
      summary: 'stored events, filtered, with their sentence and citation',
      request: {
        query: z.object({
          type: text('type', 500, `event types, comma-separated: ${EVENT_TYPES.join(', ')}`, 'deployment'),
          place: text('place', 200, PLACE_HELP, 'Russia'),
          doc: documentId('doc', 'query').optional(),
          from: year('from'),
          to: year('to'),
          limit: count('limit', 1, MAX_LIMIT, 'at most this many (default 100)'),
          offset: count('offset', 0, 10_000_000, 'skip this many (default 0)'),
        }),
      },
      responses: { ...json200(S.EventList, 'the matching events, in document order'), ...errors(400, 429, 503) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const filter: EventFilter = {};
      if (q.doc) filter.document = q.doc;
      if (q.type) filter.type = list(q.type, 'type').map((t) => resolveEventType(t, 'type'));
      if (q.place) filter.placeIds = await placeIds(store, q.place);
      Object.assign(filter, years(q.from, q.to));
      const all = await store.events(filter);
      const offset = num(q.offset, 0);
      const events = all.slice(offset, offset + num(q.limit, 100));
      return c.json({ total: all.length, events: await cite(store, events) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/estimate',
      summary: 'the claims that answer "how many", ranked and reconciled, conflicts and corroboration shown',
      request: {
        query: z.object({
          group: text('group', 100, GROUP_HELP, 'workers'),
          place: text('place', 200, PLACE_HELP, 'Russia'),
          year: year('year'),
          from: year('from'),
          to: year('to'),
          measure: text('measure', 20, MEASURE_HELP),
          limit: count(
            'limit',
            1,
            MAX_CANDIDATES,
            `at most this many candidates, best first (default ${DEFAULT_CANDIDATES}); \`more\` says whether more fit`,
          ),
        }),
      },
      responses: { ...json200(S.Estimate, 'the estimate with its best-fitting claims'), ...errors(400, 429, 503) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const e: EstimateQuery = {};
      if (q.group) e.group = resolveGroup(q.group, 'group');
      if (q.place) e.place = resolvePlace(q.place, 'place');
      if (q.measure) e.measure = resolveMeasure(q.measure, 'measure');
      if (q.year && (q.from || q.to)) throw new InputError('invalid year: give year, or from and to, not both');
      if (q.year) e.from = e.to = resolveYear(q.year, 'year');
      const range = years(q.from, q.to);
      if (range.from !== undefined) e.from = range.from;
      if (range.to !== undefined) e.to = range.to;
      if (e.measure === 'money') e.unit = 'money';
      if (e.measure === 'share') e.unit = 'percent';
      const result = await estimate(store, e, { limit: num(q.limit, DEFAULT_CANDIDATES) });
      return c.json({ ...result, query: { ...result.query } }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/series',
      summary: 'every estimate over time, one interval per claim, open bounds null',
      request: {
        query: z.object({
          group: text('group', 100, GROUP_HELP, 'workers'),
          place: text('place', 200, PLACE_HELP, 'Russia'),
          measure: text('measure', 20, MEASURE_HELP),
          unit: oneOf('unit', ['person', 'percent', 'money'], 'what is counted (default person)'),
        }),
      },
      responses: { ...json200(z.array(S.SeriesPoint), 'the points, by start year'), ...errors(400, 429, 503) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const points = await series(store, {
        group: q.group ? resolveGroup(q.group, 'group').kind : null,
        place: q.place ? resolvePlace(q.place, 'place') : null,
        measure: q.measure ? resolveMeasure(q.measure, 'measure') : null,
        unit: q.unit ?? 'person',
      });
      return c.json(points, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/timeline',
      summary: 'events and dated claims in time order, fuzzy dates kept fuzzy',
      request: {
        query: z.object({
          from: year('from'),
          to: year('to'),
          place: text('place', 200, PLACE_HELP, 'Russia'),
          type: text('type', 500, 'event types, comma-separated (implies events only)'),
          events: flag('events', '1: events only, no claims'),
          limit: count('limit', 1, MAX_LIMIT, 'at most this many entries (default 1000)'),
        }),
      },
      responses: { ...json200(z.array(S.TimelineEntry), 'the entries, in time order'), ...errors(400, 429, 503) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const range = years(q.from, q.to);
      const entries = await timeline(store, {
        from: range.from ?? null,
        to: range.to ?? null,
        place: q.place ? resolvePlace(q.place, 'place') : null,
        types: q.type ? list(q.type, 'type').map((t) => resolveEventType(t, 'type')) : [],
        claims: !isSet(q.events),
        limit: num(q.limit, 1000),
      });
      return c.json(
        entries.map(({ record: _record, ...e }) => e),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/search',
      summary: 'full-text search over the sentences of every document',
      request: {
        query: z.object({
          q: z
            .string({ error: (iss) => (iss.input === undefined ? 'missing q (expected words to find)' : undefined) })
            .trim()
            .min(1, { error: 'invalid q: empty (expected words to find)' })
            .max(500, { error: 'invalid q: longer than 500 characters' })
            .openapi({ description: 'words to find', example: 'Vladivostok' }),
          doc: documentId('doc', 'query').optional(),
          limit: count('limit', 1, 200, 'at most this many sentences (default 20)'),
        }),
      },
      responses: { ...json200(z.array(S.SearchHit), 'matching sentences, best first'), ...errors(400, 429, 503) },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const hits = await store.search(q.q, { limit: num(q.limit, 20), ...(q.doc ? { document: q.doc } : {}) });
      return c.json(hits, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/ask',
      summary: 'answer a question from the store, with citations (the ask contract)',
      request: {
        query: z.object({
          q: z
            .string({ error: (iss) => (iss.input === undefined ? 'missing q (expected a question)' : undefined) })
            .max(2000, {
              error: (iss) =>
                `invalid q: ${String(iss.input).length} characters (expected at most 2000; ask one thing at a time)`,
            })
            .refine((s) => s.trim().length > 0, {
              error: 'invalid q: empty (expected a question such as "How many North Koreans lived in Russia?")',
            })
            .openapi({ description: 'the question', example: 'How many North Korean troops were sent to Russia?' }),
        }),
      },
      responses: { ...json200(S.AskResult, 'the answer with citations'), ...errors(400, 429, 503) },
    }),
    async (c) => {
      const { q } = c.req.valid('query');
      const result = await ask(store, q);
      return c.json({ ...result, parsed: { ...result.parsed } }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/diff/{id}',
      summary: "what a document adds: its claims that are new, corroborate or conflict with others'",
      request: { params: z.object({ id: documentId('id', 'path') }) },
      responses: { ...json200(S.DocumentDiff, 'the changes'), ...errors(400, 404, 429, 503) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!(await store.documentState(id))) throw new NotFoundError(`no document ${id}`);
      return c.json(await diffDocument(store, id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/places',
      summary: 'places the documents mention, as GeoJSON points with claim and event counts',
      responses: { ...json200(S.PlaceCollection, 'a GeoJSON FeatureCollection'), ...errors(429, 503) },
    }),
    async (c) => {
      const features = [];
      for (const p of await store.places()) {
        const coordinates = position(p.lat, p.lon);
        if (!coordinates) continue;
        features.push({
          type: 'Feature' as const,
          id: p.id,
          geometry: { type: 'Point' as const, coordinates },
          properties: { id: p.id, name: p.name, kind: p.kind, claims: p.claims, events: p.events, parents: p.parents },
        });
      }
      return c.json({ type: 'FeatureCollection' as const, features }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/export',
      summary: 'claims, events and places with their citations, as a file download',
      request: {
        query: z.object({
          format: oneOf('format', ['json', 'csv', 'geojson'], 'file format (default json)'),
          doc: documentId('doc', 'query').optional(),
          all: flag('all', '1: include rejected claims'),
        }),
      },
      responses: {
        200: {
          description: 'the export, as an attachment',
          content: {
            'text/csv': { schema: z.string() },
            'application/json': { schema: z.string() },
            'application/geo+json': { schema: z.string() },
          },
        },
        ...errors(400, 404, 429, 503),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const format = q.format ?? 'json';
      const input = await exportInput(store, q.doc ?? null, isSet(q.all));
      const chunks = format === 'csv' ? csvLines(input) : format === 'json' ? jsonChunks(input) : geoJsonChunks(input);
      const body = [...chunks].join('');
      const type = { csv: 'text/csv', json: 'application/json', geojson: 'application/geo+json' }[format];
      const name = `atlas-${q.doc ?? 'all'}.${format}`;
      return c.body(body, 200, {
        'Content-Type': `${type}; charset=utf-8`,
        'Content-Disposition': `attachment; filename="${name}"`,
      });
    },
  );

  // ---- write routes: only in write mode, only with the token ----

  if (write) {
    const token = options.token!;
    app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
    const upload = bodyLimit({
      maxSize: UPLOAD_BODY_LIMIT,
      onError: tooLarge(`a document is at most ${UPLOAD_LIMIT / 1024 / 1024} MiB`),
    });

    app.openapi(
      createRoute({
        method: 'post',
        path: '/api/documents',
        summary: 'ingest a document (JSON {name, content}, or the text as the body with ?name=)',
        security: [{ bearer: [] }],
        middleware: [requireToken(token), upload] as const,
        request: {
          query: z.object({
            name: text('name', 200, 'file name when the body is the text itself: report.md, notes.txt, page.html'),
          }),
          body: {
            content: {
              'application/json': {
                schema: z.object({
                  name: z
                    .string()
                    .max(200)
                    .openapi({ description: 'file name; its extension sets the format', example: 'report.md' }),
                  content: z.string().openapi({ description: 'the document text (UTF-8), at most 5 MiB' }),
                }),
              },
              // not validated (only JSON bodies are): the text is the document, read as bytes
              'text/plain': { schema: z.string() },
              'text/markdown': { schema: z.string() },
              'text/html': { schema: z.string() },
            },
          },
        },
        responses: {
          200: { content: { 'application/json': { schema: S.IngestResult } }, description: 'replaced or unchanged' },
          201: { content: { 'application/json': { schema: S.IngestResult } }, description: 'added' },
          ...errors(400, 401, 413, 415, 429, 503),
        },
      }),
      async (c) => {
        const type = c.req.header('content-type') ?? '';
        let name: string | undefined;
        let bytes: Buffer;
        if (/^application\/json/i.test(type)) {
          // a JSON body was validated against the object schema; the union's string half is the text bodies'
          const body = c.req.valid('json') as { name: string; content: string };
          name = body.name;
          bytes = Buffer.from(body.content, 'utf8');
        } else {
          name = c.req.valid('query').name;
          bytes = Buffer.from(await c.req.arrayBuffer());
        }
        const file = checkName(name);
        if (bytes.length > UPLOAD_LIMIT) {
          throw new HTTPException(413, {
            message: `the document is too large: at most ${UPLOAD_LIMIT / 1024 / 1024} MiB`,
          });
        }
        const item = await ingestBytes(store, file, bytes);
        if (item.status === 'failed') throw new InputError(item.error ?? `invalid document ${file}`);
        const diff = item.status === 'unchanged' || !item.id ? null : await diffDocument(store, item.id);
        return c.json({ item, diff }, item.status === 'added' ? 201 : 200);
      },
    );

    app.openapi(
      createRoute({
        method: 'post',
        path: '/api/claims/{id}/review',
        summary: 'accept, reject or correct a claim; the review survives re-ingestion',
        security: [{ bearer: [] }],
        middleware: [requireToken(token)] as const,
        request: {
          params: z.object({
            id: z
              .string()
              .regex(CLAIM_ID, { error: bad((v) => `invalid id: ${v} (expected a claim id such as doc:3f9a0c12de)`) })
              .openapi({ param: { name: 'id', in: 'path' }, example: 'north-koreans-in-russia:3f9a0c12de' }),
          }),
          body: {
            required: true,
            content: {
              'application/json': {
                schema: z.object({
                  action: z.enum(['accept', 'reject', 'correct'], {
                    error: bad((v) => `invalid action: ${v} (expected accept, reject or correct)`),
                  }),
                  set: z
                    .record(
                      z.string().regex(/^[A-Za-z_-]{1,40}$/, { error: bad((v) => `invalid set: unknown field ${v}`) }),
                      z.union([z.string().max(200), z.number(), z.null()]),
                    )
                    .optional()
                    .openapi({
                      description:
                        'for correct: fields to set, as `atlas review --set` takes them (value, low, high, approx, unit, per, measure, group, group_label, time, place, source, modality); null clears',
                      example: { low: '1000', place: 'Khabarovsk' },
                    }),
                  note: z.string().max(2000, { error: 'invalid note: longer than 2,000 characters' }).optional(),
                }),
              },
            },
          },
        },
        responses: {
          ...json200(S.ReviewResult, 'the review and the claim as it now stands'),
          ...errors(400, 401, 404, 413, 415, 429, 503),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const body = c.req.valid('json');
        const set = Object.entries(body.set ?? {});
        let review: ReviewInput;
        if (body.action === 'correct') {
          if (set.length === 0) throw new InputError('invalid set: a correction needs at least one field to set');
          const patch = parsePatch(set.map(([field, value]) => `${field}=${value === null ? 'none' : String(value)}`));
          review = { action: 'correct', patch, note: body.note ?? null };
        } else {
          if (set.length > 0) throw new InputError(`invalid set: ${body.action} takes no fields to set`);
          review = { action: body.action, patch: null, note: body.note ?? null };
        }
        const result = await store.addReview(id, review);
        return c.json(
          {
            review: { ...result.review, patch: result.review.patch ? { ...result.review.patch } : null },
            claim: result.claim,
          },
          200,
        );
      },
    );
  }

  app.doc('/api/openapi.json', {
    openapi: '3.0.0',
    info: {
      title: 'Diaspora Atlas API',
      version: API_VERSION,
      description:
        'Sourced figures, dates, places, groups and events read from documents about migrant populations. ' +
        'Errors are `{ "error": "..." }`; a bad parameter is a 400 naming it.' +
        (write ? ' Write routes need `Authorization: Bearer <ATLAS_TOKEN>`.' : ''),
    },
  });

  const files = options.webRoot ? staticFiles(options.webRoot) : null;
  app.get('*', (c) => {
    if (c.req.path === '/api' || c.req.path.startsWith('/api/')) return c.notFound();
    const res = files?.(c);
    if (res) return res;
    if (c.req.path === '/' && !files) {
      return c.text('Diaspora Atlas: the explorer is not built; the API is at /api (see /api/openapi.json).\n', 200);
    }
    return c.notFound();
  });

  return app;
}

/**
 * `?place=&from=2006`: a cleared filter in the explorer's URL means no filter, not an invalid
 * place, so empty query values are dropped before validation.
 */
function dropEmptyParams(): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (url.search.length > 1 && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
      const kept = [...url.searchParams].filter(([, v]) => v !== '');
      if (kept.length !== [...url.searchParams].length) {
        url.search = new URLSearchParams(kept).toString();
        c.req.raw = new Request(url, c.req.raw);
      }
    }
    await next();
  };
}

/**
 * GET API answers: `no-cache` and a weak ETag, so a client revalidates with a cheap 304. An
 * answer from the cache comes tagged (tagged once, when stored); only others are hashed here.
 */
function apiCaching(): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      await next();
      c.res.headers.set('Cache-Control', 'no-store');
      return;
    }
    const ifNoneMatch = c.req.header('If-None-Match');
    await next();
    if (!c.res.ok) {
      c.res.headers.set('Cache-Control', 'no-store');
      return;
    }
    let tag = c.res.headers.get('ETag');
    if (!tag) {
      tag = weakTag(new Uint8Array(await c.res.clone().arrayBuffer()));
      c.res.headers.set('ETag', tag);
    }
    if (tagMatches(ifNoneMatch, tag)) {
      await c.res.body?.cancel();
      c.res = new Response(null, { status: 304, headers: { ETag: tag } });
    }
    c.res.headers.set('Cache-Control', 'no-cache');
  };
}

function tooLarge(limit: string) {
  return (c: Context) => c.json({ error: `the request body is too large: ${limit}` }, 413);
}

/** the value at an issue's path in what was validated */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = data;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

const num = (v: string | undefined, fallback: number) => (v === undefined ? fallback : Number(v));

function list(value: string, name: string): string[] {
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0) throw new InputError(`invalid ${name}: empty (expected a comma-separated list)`);
  if (items.length > 50) throw new InputError(`invalid ${name}: more than 50 values`);
  return items;
}

function resolveStatus(s: string): ClaimStatus {
  const w = s.toLowerCase();
  if (!STATUSES.includes(w as ClaimStatus))
    throw new InputError(`invalid status: ${s.slice(0, 60)} (expected ${STATUSES.join(', ')})`);
  return w as ClaimStatus;
}

function years(from: string | undefined, to: string | undefined): { from?: number; to?: number } {
  const r: { from?: number; to?: number } = {};
  if (from !== undefined) r.from = resolveYear(from, 'from');
  if (to !== undefined) r.to = resolveYear(to, 'to');
  if (r.from !== undefined && r.to !== undefined && r.from > r.to) {
    throw new InputError(`invalid from: ${r.from} is after to ${r.to}`);
  }
  return r;
}

async function placeIds(store: Store, name: string): Promise<string[]> {
  const place = resolvePlace(name, 'place');
  return [...placesWithin(place, await store.knownPlaces())];
}

/** records with their sentence's text and their document's title and URL */
async function cite<T extends ClaimRecord | EventRecord>(
  store: Store,
  records: T[],
): Promise<(T & { sentenceText: string; title: string | null; url: string | null })[]> {
  const [texts, cites] = await Promise.all([
    store.sentenceTexts(records),
    store.citations([...new Set(records.map((r) => r.document))]),
  ]);
  return records.map((r) => {
    const doc = cites.get(r.document);
    return {
      ...r,
      sentenceText: texts.get(`${r.document}#${r.sentenceIndex}`) ?? '',
      title: doc?.title ?? null,
      url: doc?.source ?? null,
    };
  });
}

async function exportInput(store: Store, doc: string | null, all: boolean): Promise<ExportInput> {
  const documents = (await store.listDocuments()).filter((d) => !doc || d.id === doc);
  if (doc && documents.length === 0) throw new NotFoundError(`no document ${doc}`);
  const filter: ClaimFilter = {};
  if (doc) filter.document = doc;
  if (!all) filter.status = LIVE;
  const [claims, events, places] = await Promise.all([
    store.claims(filter),
    store.events(doc ? { document: doc } : {}),
    store.places(),
  ]);
  const sentences = new Map<string, SentenceRecord[]>();
  for (const d of documents) sentences.set(d.id, await store.sentences(d.id));
  return {
    documents,
    claims,
    events,
    places: places.filter((p) => p.claims + p.events > 0),
    sentenceText: (d, i) => sentences.get(d)?.[i]?.text ?? '',
  };
}

/** An upload's file name: a plain name with a document extension, never a path. */
function checkName(name: string | undefined): string {
  if (name === undefined || name === '') {
    throw new InputError(`missing name (expected a file name such as report.md; ${DOCUMENT_EXTENSIONS.join(', ')})`);
  }
  const ext = /\.[A-Za-z]+$/.exec(name)?.[0]?.toLowerCase();
  if (!/^[A-Za-z0-9][A-Za-z0-9._ -]{0,199}$/.test(name) || !ext || !DOCUMENT_EXTENSIONS.includes(ext)) {
    throw new InputError(
      `invalid name: ${name.slice(0, 60)} (expected a file name such as report.md, with extension ${DOCUMENT_EXTENSIONS.join(', ')})`,
    );
  }
  return name;
}
