/**
 * The shared store: PostgreSQL through a `pg.Pool`, full-text search with a generated
 * `tsvector` column. Writes run on one pooled client between BEGIN and COMMIT; bulk rows go in
 * as arrays through `unnest`, one round trip per table whatever the number of claims. Every
 * value is a bound parameter.
 */
import { createHash, randomUUID } from 'node:crypto';
import pg from 'pg';
import { NotFoundError, StoreError } from '../errors.js';
import { currentVersion, LATEST_VERSION, migrateTo } from './migrations/postgres.js';
import { applyReview, applyReviews, checkReview, quoteSelector } from './review.js';
import {
  atMost,
  type Binder,
  CLAIM_COLUMNS,
  CLAIM_MUTABLE_FROM,
  claimConditions,
  claimFromRow,
  claimValues,
  EVENT_COLUMNS,
  eventConditions,
  eventFromRow,
  eventValues,
  FACT_COLUMNS,
  factsFromValues,
  hitFromRow,
  LOGICAL_CHECKS,
  MARK_END,
  MARK_START,
  page,
  placeFromRow,
  REVIEW_COLUMNS,
  recordsOf,
  reviewCounts,
  reviewFromRow,
  searchLimit,
  searchTerms,
  storeError,
  summaryFromRow,
  uniqueEntities,
  uniquePlaces,
  where,
} from './rows.js';
import type {
  CitedClaim,
  ClaimFacts,
  ClaimFilter,
  ClaimRecord,
  DocumentInput,
  DocumentRecord,
  DocumentSummary,
  EntityRecord,
  EventFilter,
  EventRecord,
  MigrationResult,
  PlaceRecord,
  PutResult,
  ReviewFilter,
  ReviewInput,
  ReviewRecord,
  SearchHit,
  SectionRecord,
  SentenceRecord,
  Store,
} from './types.js';

// biome-ignore lint/suspicious/noExplicitAny: rows come untyped from the driver
type Row = Record<string, any>;

/** array types for `unnest`, per column */
const CLAIM_TYPES: Record<(typeof CLAIM_COLUMNS)[number], string> = {
  id: 'text',
  document: 'text',
  ord: 'int4',
  sentence_index: 'int4',
  span_start: 'int4',
  span_end: 'int4',
  sentence_start: 'int4',
  sentence_end: 'int4',
  text: 'text',
  measure: 'text',
  low: 'float8',
  high: 'float8',
  approx: 'text',
  unit: 'text',
  per: 'text',
  group_kind: 'text',
  group_label: 'text',
  group_implied: 'text',
  time_start: 'text',
  time_end: 'text',
  year_from: 'int4',
  year_to: 'int4',
  time_precision: 'text',
  edtf: 'text',
  time_implied: 'text',
  place_id: 'text',
  place_name: 'text',
  lat: 'float8',
  lon: 'float8',
  place_implied: 'text',
  source: 'text',
  modality: 'text',
  rule: 'text',
  status: 'text',
  machine: 'jsonb',
};

const EVENT_TYPES: Record<(typeof EVENT_COLUMNS)[number], string> = {
  id: 'text',
  document: 'text',
  ord: 'int4',
  sentence_index: 'int4',
  span_start: 'int4',
  span_end: 'int4',
  sentence_start: 'int4',
  sentence_end: 'int4',
  text: 'text',
  type: 'text',
  time_start: 'text',
  time_end: 'text',
  year_from: 'int4',
  year_to: 'int4',
  time_precision: 'text',
  edtf: 'text',
  time_implied: 'text',
  place_id: 'text',
  place_name: 'text',
  lat: 'float8',
  lon: 'float8',
  place_implied: 'text',
  actors: 'jsonb',
};

/**
 * `INSERT INTO table (columns) SELECT ... FROM unnest($1::type[], ...)`: rows passed as one array
 * per column. jsonb travels as text and is cast per element (an array of jsonb would be read
 * back from its text form anyway).
 */
function unnestInsert(table: string, columns: readonly string[], types: Record<string, string>): string {
  const arrays = columns.map((c, i) => `$${i + 1}::${types[c] === 'jsonb' ? 'text' : types[c]}[]`).join(', ');
  const select = columns.map((c) => (types[c] === 'jsonb' ? `${c}::jsonb` : c)).join(', ');
  return `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${select} FROM unnest(${arrays}) AS t(${columns.join(', ')})`;
}

/** rows to one array per column */
function columnsOf(rows: readonly unknown[][], width: number): unknown[][] {
  const out: unknown[][] = Array.from({ length: width }, () => []);
  for (const row of rows) for (let i = 0; i < width; i++) out[i]!.push(row[i]);
  return out;
}

const INSERT_CLAIMS = unnestInsert('claims', CLAIM_COLUMNS, CLAIM_TYPES);
const INSERT_EVENTS = unnestInsert('events', EVENT_COLUMNS, EVENT_TYPES);
const UPDATE_CLAIM = `UPDATE claims SET ${CLAIM_COLUMNS.slice(CLAIM_MUTABLE_FROM)
  .map((c, i) => `${c} = $${i + 1}${CLAIM_TYPES[c] === 'jsonb' ? '::jsonb' : ''}`)
  .join(', ')} WHERE id = $${CLAIM_COLUMNS.length - CLAIM_MUTABLE_FROM + 1}`;

const SUMMARY_COLUMNS =
  'd.id, d.title, d.source, d.pub_date, d.licence, d.format, d.hash, d.path, d.extractor, d.ingested_at, d.length, ' +
  '(SELECT count(*) FROM claims c WHERE c.document = d.id)::int AS claims, ' +
  '(SELECT count(*) FROM events e WHERE e.document = d.id)::int AS events';

/** first key of the advisory lock that serialises writers of one document (the second is its id's hash) */
const DOCUMENT_LOCK = 0x41544c44; // "ATLD"

/** ts_headline's options: the markers are turned into highlight ranges (see `unmark`) */
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "`;

const statementNames = new Map<string, string>();

/**
 * Runs `sql` as a named prepared statement: PostgreSQL parses and plans it once per connection
 * instead of on every call (measured: a third of the time of a small document's write went to
 * parsing its dozen statements). The name is a hash of the text, so each text is one statement.
 */
function run(client: pg.ClientBase | pg.Pool, sql: string, values: unknown[] = []): Promise<pg.QueryResult<Row>> {
  let name = statementNames.get(sql);
  if (!name) {
    name = `atlas_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
    statementNames.set(sql, name);
  }
  return client.query<Row>({ name, text: sql, values });
}

class PostgresBinder implements Binder {
  readonly values: unknown[] = [];
  bind(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
  inList(column: string, values: readonly string[]): string {
    return `${column} = ANY(${this.bind(values)}::text[])`;
  }
  contains(column: string, needle: string): string {
    return `strpos(lower(${column}), lower(${this.bind(needle)})) > 0`;
  }
}

export interface PostgresStoreOptions {
  /** most connections the pool opens (default 10) */
  max?: number;
}

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly location: string;
  migratedOnOpen?: MigrationResult;

  private constructor(
    private readonly pool: pg.Pool,
    url: string,
  ) {
    this.location = redact(url);
  }

  /**
   * Connects and brings the schema to the latest version. StoreError with a readable message
   * when the server is unreachable, the login is refused, the database is missing, or the
   * store is newer than this program.
   * Example: const store = await PostgresStore.open('postgres://atlas@db.example.org/atlas')
   */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10, connectionTimeoutMillis: 10_000 });
    // an idle client losing its connection emits 'error' on the pool; without a listener that
    // would crash the process, and the next query reports the problem anyway
    pool.on('error', () => {});
    const store = new PostgresStore(pool, url);
    try {
      const client = await pool.connect();
      try {
        store.migratedOnOpen = await migrateTo(client);
      } finally {
        client.release();
      }
      return store;
    } catch (err) {
      await pool.end().catch(() => {});
      throw connectError(store.location, err);
    }
  }

  private async read<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw storeError(what, err);
    }
  }

  private async query(sql: string, params: unknown[] = []): Promise<Row[]> {
    return (await run(this.pool, sql, params)).rows;
  }

  /** runs `fn` between `begin` and COMMIT on one client; ROLLBACK on any error */
  private async transaction<T>(what: string, fn: (client: pg.PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      throw storeError(what, err);
    }
    let broken: Error | undefined;
    try {
      await client.query(begin);
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      try {
        await client.query('ROLLBACK');
      } catch (rollback) {
        // the connection itself failed: do not hand it back to the pool
        broken = rollback instanceof Error ? rollback : new Error(String(rollback));
      }
      throw storeError(what, err);
    } finally {
      client.release(broken);
    }
  }

  async migrate(): Promise<MigrationResult> {
    return this.read('migration failed', async () => {
      const client = await this.pool.connect();
      try {
        return await migrateTo(client);
      } finally {
        client.release();
      }
    });
  }

  async schemaVersion(): Promise<number> {
    return this.read('cannot read the schema version', async () => {
      const client = await this.pool.connect();
      try {
        return await currentVersion(client);
      } finally {
        client.release();
      }
    });
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }

  /**
   * Reads through the pool run on any connection, each its own snapshot: a document re-ingested
   * while the server read it came back as the old text with the new claims (about 1 read in 10
   * while it was replaced in a loop, test/robustness/concurrency.test.ts). The view handed to
   * `fn` sends every read (they all go through `query`) to one connection in one REPEATABLE
   * READ READ ONLY transaction; writes through it fail.
   */
  async snapshot<T>(fn: (store: Store) => Promise<T>): Promise<T> {
    return this.transaction(
      'cannot read the store',
      (client) => {
        const view = Object.create(this) as PostgresStore;
        // one after another: pg deprecates a second query on a client still running one
        let queue: Promise<unknown> = Promise.resolve();
        view.query = (sql: string, params: unknown[] = []) => {
          const rows = queue.then(() => run(client, sql, params)).then((r) => r.rows);
          queue = rows.catch(() => {});
          return rows;
        };
        return fn(view);
      },
      'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
    );
  }

  async documentState(id: string): Promise<{ hash: string; extractor: string } | null> {
    return this.read(`cannot read document ${id}`, async () => {
      const rows = await this.query('SELECT hash, extractor FROM documents WHERE id = $1', [id]);
      return rows[0] ? { hash: rows[0].hash, extractor: rows[0].extractor } : null;
    });
  }

  async putDocument(input: DocumentInput, options: { force?: boolean } = {}): Promise<PutResult> {
    const { id, text } = input;
    return this.transaction(`cannot store document ${id}`, async (c) => {
      // two workers given the same document wait for each other instead of racing on its rows
      await run(c, 'SELECT pg_advisory_xact_lock($1, hashtext($2))', [DOCUMENT_LOCK, id]);
      const old = (await run(c, 'SELECT hash, extractor FROM documents WHERE id = $1', [id])).rows[0];
      if (old && !options.force && old.hash === input.hash && old.extractor === input.extractor) {
        const counts = (
          await run(
            c,
            'SELECT (SELECT count(*) FROM claims WHERE document = $1)::int AS claims, (SELECT count(*) FROM events WHERE document = $1)::int AS events',
            [id],
          )
        ).rows[0];
        const reviews = reviewCounts(
          (await run(c, 'SELECT state, count(*)::int AS n FROM reviews WHERE document = $1 GROUP BY state', [id])).rows,
        );
        return { id, status: 'unchanged', claims: counts.claims, events: counts.events, reviews };
      }
      // the cascade removes the old sections, sentences, claims, events, places links and
      // entities; reviews stay and are re-applied below
      if (old) await run(c, 'DELETE FROM documents WHERE id = $1', [id]);
      await run(
        c,
        'INSERT INTO documents (id, title, source, pub_date, licence, format, hash, path, extractor, text, length, ingested_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)',
        [
          id,
          input.title,
          input.source,
          input.date,
          input.licence,
          input.format,
          input.hash,
          input.path,
          input.extractor,
          text,
          text.length,
          new Date().toISOString(),
        ],
      );
      if (input.sections.length > 0) {
        const s = input.sections;
        await run(
          c,
          'INSERT INTO sections (document, idx, title, level, span_start, span_end, parent) SELECT $1, * FROM unnest($2::int4[], $3::text[], $4::int4[], $5::int4[], $6::int4[], $7::int4[])',
          [
            id,
            s.map((x) => x.index),
            s.map((x) => x.title),
            s.map((x) => x.level),
            s.map((x) => x.start),
            s.map((x) => x.end),
            s.map((x) => x.parent),
          ],
        );
      }
      if (input.sentences.length > 0) {
        const s = input.sentences;
        await run(
          c,
          'INSERT INTO sentences (document, idx, span_start, span_end, section, text) SELECT $1, * FROM unnest($2::int4[], $3::int4[], $4::int4[], $5::int4[], $6::text[])',
          [
            id,
            s.map((x) => x.index),
            s.map((x) => x.start),
            s.map((x) => x.end),
            s.map((x) => x.section),
            s.map((x) => text.slice(x.start, x.end)),
          ],
        );
      }

      const fresh = recordsOf(input);
      const stored = (
        await run(c, `SELECT ${REVIEW_COLUMNS} FROM reviews WHERE document = $1 ORDER BY created_at, seq`, [id])
      ).rows.map(reviewFromRow);
      const reviewed = applyReviews(text, fresh.claims, stored);
      if (reviewed.claims.length > 0) {
        await run(
          c,
          INSERT_CLAIMS,
          columnsOf(
            reviewed.claims.map((x, ord) => claimValues(x, ord)),
            CLAIM_COLUMNS.length,
          ),
        );
      }
      if (fresh.events.length > 0) {
        await run(
          c,
          INSERT_EVENTS,
          columnsOf(
            fresh.events.map((x, ord) => eventValues(x, ord)),
            EVENT_COLUMNS.length,
          ),
        );
      }
      // sorted by id (uniquePlaces): concurrent writers then lock shared place rows in the same
      // order and cannot deadlock on them
      const places = uniquePlaces(input.places);
      if (places.length > 0) {
        await run(
          c,
          `INSERT INTO places (id, name, kind, lat, lon, parents)
             SELECT id, name, kind, lat, lon, parents::jsonb
             FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[], $6::text[]) AS t(id, name, kind, lat, lon, parents)
           ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, lat = excluded.lat, lon = excluded.lon, parents = excluded.parents
             WHERE (places.name, places.kind, places.lat, places.lon, places.parents)
               IS DISTINCT FROM (excluded.name, excluded.kind, excluded.lat, excluded.lon, excluded.parents)`,
          [
            places.map((p) => p.id),
            places.map((p) => p.name),
            places.map((p) => p.kind),
            places.map((p) => p.lat),
            places.map((p) => p.lon),
            places.map((p) => JSON.stringify(p.parents)),
          ],
        );
        await run(c, 'INSERT INTO document_places (document, place) SELECT $1, * FROM unnest($2::text[])', [
          id,
          places.map((p) => p.id),
        ]);
      }
      const entities = uniqueEntities(input.entities);
      if (entities.length > 0) {
        await run(
          c,
          'INSERT INTO entities (document, kind, name, mentions) SELECT $1, * FROM unnest($2::text[], $3::text[], $4::int4[])',
          [id, entities.map((e) => e.kind), entities.map((e) => e.name), entities.map((e) => e.count)],
        );
      }
      if (reviewed.reviews.length > 0) {
        const r = reviewed.reviews;
        await run(
          c,
          'UPDATE reviews SET state = u.state, claim = u.claim FROM unnest($1::text[], $2::text[], $3::text[]) AS u(id, state, claim) WHERE reviews.id = u.id',
          [r.map((x) => x.id), r.map((x) => x.state), r.map((x) => x.claim)],
        );
      }
      const applied = reviewed.reviews.filter((r) => r.state === 'applied').length;
      return {
        id,
        status: old ? 'replaced' : 'added',
        claims: reviewed.claims.length,
        events: fresh.events.length,
        reviews: { applied, orphaned: reviewed.reviews.length - applied },
      };
    });
  }

  async deleteDocument(id: string): Promise<boolean> {
    return this.transaction(`cannot delete document ${id}`, async (c) => {
      await run(c, 'SELECT pg_advisory_xact_lock($1, hashtext($2))', [DOCUMENT_LOCK, id]);
      const { rowCount } = await run(c, 'DELETE FROM documents WHERE id = $1', [id]);
      await run(c, "UPDATE reviews SET state = 'orphaned', claim = NULL WHERE document = $1", [id]);
      return (rowCount ?? 0) > 0;
    });
  }

  async getDocument(id: string): Promise<DocumentRecord | null> {
    return this.read(`cannot read document ${id}`, async () => {
      const rows = await this.query(`SELECT ${SUMMARY_COLUMNS}, d.text FROM documents d WHERE d.id = $1`, [id]);
      return rows[0] ? { ...summaryFromRow(rows[0]), text: rows[0].text } : null;
    });
  }

  async listDocuments(): Promise<DocumentSummary[]> {
    return this.read('cannot list documents', async () =>
      (await this.query(`SELECT ${SUMMARY_COLUMNS} FROM documents d ORDER BY d.id`)).map(summaryFromRow),
    );
  }

  async sections(document: string): Promise<SectionRecord[]> {
    return this.read(`cannot read sections of ${document}`, async () =>
      (
        await this.query(
          'SELECT idx, title, level, span_start, span_end, parent FROM sections WHERE document = $1 ORDER BY idx',
          [document],
        )
      ).map((r) => ({
        index: r.idx,
        title: r.title,
        level: r.level,
        start: r.span_start,
        end: r.span_end,
        parent: r.parent,
      })),
    );
  }

  async sentences(document: string): Promise<SentenceRecord[]> {
    return this.read(`cannot read sentences of ${document}`, async () =>
      (
        await this.query(
          'SELECT idx, span_start, span_end, section, text FROM sentences WHERE document = $1 ORDER BY idx',
          [document],
        )
      ).map((r) => ({ index: r.idx, start: r.span_start, end: r.span_end, section: r.section, text: r.text })),
    );
  }

  async claims(filter: ClaimFilter = {}): Promise<ClaimRecord[]> {
    return this.read('cannot read claims', async () => {
      const b = new PostgresBinder();
      const conditions = where(claimConditions(filter, b));
      const { limit, offset } = page(filter);
      const sql = `SELECT ${CLAIM_COLUMNS.join(', ')} FROM claims${conditions} ORDER BY document, ord LIMIT ${b.bind(limit)} OFFSET ${b.bind(offset)}`;
      return (await this.query(sql, b.values)).map(claimFromRow);
    });
  }

  async claimFacts(filter: ClaimFilter = {}, options: { ordered?: boolean } = {}): Promise<ClaimFacts[]> {
    return this.read('cannot read claims', async () => {
      const b = new PostgresBinder();
      const conditions = where(claimConditions(filter, b));
      const { limit, offset } = page(filter);
      const columns = FACT_COLUMNS.map((c, i) => `${c} AS f${i}`).join(', ');
      const sql =
        options.ordered === false && offset === 0
          ? `SELECT ${columns} FROM claims${conditions} LIMIT ${b.bind(limit)}`
          : `SELECT ${columns} FROM claims${conditions} ORDER BY document, ord LIMIT ${b.bind(limit)} OFFSET ${b.bind(offset)}`;
      return (await this.query(sql, b.values)).map((r) => factsFromValues(FACT_COLUMNS.map((_, i) => r[`f${i}`])));
    });
  }

  async claimsCited(filter: ClaimFilter = {}): Promise<CitedClaim[]> {
    return this.read('cannot read claims', async () => {
      const b = new PostgresBinder();
      const conditions = where(claimConditions(filter, b));
      const { limit, offset } = page(filter);
      const sql = `SELECT x.*, s.text AS cited_sentence, d.title AS cited_title, d.source AS cited_source
        FROM (SELECT ${CLAIM_COLUMNS.join(', ')} FROM claims${conditions}) AS x
        JOIN documents AS d ON d.id = x.document
        LEFT JOIN sentences AS s ON s.document = x.document AND s.idx = x.sentence_index
        ORDER BY x.document, x.ord LIMIT ${b.bind(limit)} OFFSET ${b.bind(offset)}`;
      return (await this.query(sql, b.values)).map((r) => ({
        claim: claimFromRow(r),
        sentence: r.cited_sentence ?? '',
        title: r.cited_title,
        source: r.cited_source,
      }));
    });
  }

  async countClaims(filter: ClaimFilter = {}, options: { atMost?: number } = {}): Promise<number> {
    return this.read('cannot count claims', async () => {
      const b = new PostgresBinder();
      const conditions = where(claimConditions(filter, b));
      const sql =
        options.atMost === undefined
          ? `SELECT count(*)::int AS n FROM claims${conditions}`
          : `SELECT count(*)::int AS n FROM (SELECT 1 FROM claims${conditions} LIMIT ${b.bind(atMost(options.atMost))}) AS capped`;
      return (await this.query(sql, b.values))[0]!.n;
    });
  }

  async getClaim(id: string): Promise<ClaimRecord | null> {
    return this.read(`cannot read claim ${id}`, async () => {
      const rows = await this.query(`SELECT ${CLAIM_COLUMNS.join(', ')} FROM claims WHERE id = $1`, [id]);
      return rows[0] ? claimFromRow(rows[0]) : null;
    });
  }

  async events(filter: EventFilter = {}): Promise<EventRecord[]> {
    return this.read('cannot read events', async () => {
      const b = new PostgresBinder();
      const conditions = where(eventConditions(filter, b));
      const { limit, offset } = page(filter);
      const sql = `SELECT ${EVENT_COLUMNS.join(', ')} FROM events${conditions} ORDER BY document, ord LIMIT ${b.bind(limit)} OFFSET ${b.bind(offset)}`;
      return (await this.query(sql, b.values)).map(eventFromRow);
    });
  }

  async places(): Promise<(PlaceRecord & { claims: number; events: number })[]> {
    return this.read('cannot read places', async () =>
      (
        await this.query(
          `SELECT p.id, p.name, p.kind, p.lat, p.lon, p.parents,
             (SELECT count(*) FROM claims c WHERE c.place_id = p.id AND c.status <> 'rejected')::int AS claims,
             (SELECT count(*) FROM events e WHERE e.place_id = p.id)::int AS events
           FROM places p WHERE EXISTS (SELECT 1 FROM document_places dp WHERE dp.place = p.id) ORDER BY p.id`,
        )
      ).map(placeFromRow),
    );
  }

  /** PostgreSQL cannot tell cheaply whether another client wrote: no mark, so nothing is cached */
  async changeMark(): Promise<string | null> {
    return null;
  }

  async knownPlaces(): Promise<PlaceRecord[]> {
    return this.read('cannot read places', async () =>
      (await this.query('SELECT id, name, kind, lat, lon, parents FROM places')).map((r) => {
        const { claims: _c, events: _e, ...p } = placeFromRow({ ...r, claims: 0, events: 0 });
        return p;
      }),
    );
  }

  async citations(
    documents: readonly string[],
  ): Promise<Map<string, { title: string | null; source: string | null; date: string | null }>> {
    return this.read('cannot read documents', async () => {
      const out = new Map<string, { title: string | null; source: string | null; date: string | null }>();
      if (documents.length === 0) return out;
      const rows = await this.query(
        'SELECT id, title, source, pub_date AS date FROM documents WHERE id = ANY($1::text[])',
        [[...new Set(documents)]],
      );
      for (const r of rows) out.set(r.id, { title: r.title, source: r.source, date: r.date });
      return out;
    });
  }

  async sentenceTexts(refs: readonly { document: string; sentenceIndex: number }[]): Promise<Map<string, string>> {
    return this.read('cannot read sentences', async () => {
      const out = new Map<string, string>();
      if (refs.length === 0) return out;
      const rows = await this.query(
        `SELECT s.document, s.idx, s.text FROM sentences s
           JOIN unnest($1::text[], $2::int[]) AS r(document, idx) ON s.document = r.document AND s.idx = r.idx`,
        [refs.map((r) => r.document), refs.map((r) => r.sentenceIndex)],
      );
      for (const r of rows) out.set(`${r.document}#${r.idx}`, r.text);
      return out;
    });
  }

  async entities(document?: string): Promise<(EntityRecord & { document: string })[]> {
    return this.read('cannot read entities', async () => {
      const rows =
        document === undefined
          ? await this.query(
              'SELECT document, kind, name, mentions FROM entities ORDER BY document, mentions DESC, kind, name',
            )
          : await this.query(
              'SELECT document, kind, name, mentions FROM entities WHERE document = $1 ORDER BY document, mentions DESC, kind, name',
              [document],
            );
      return rows.map((r) => ({ document: r.document, name: r.name, kind: r.kind, count: r.mentions }));
    });
  }

  async addReview(claim: string, review: ReviewInput): Promise<{ review: ReviewRecord; claim: ClaimRecord }> {
    checkReview(review);
    return this.transaction(`cannot review claim ${claim}`, async (c) => {
      const owner = (await run(c, 'SELECT document FROM claims WHERE id = $1', [claim])).rows[0];
      if (!owner) throw new NotFoundError(`no claim ${claim}`);
      // the document's lock, as putDocument takes it: a review must not slip in between a
      // re-ingestion reading the reviews and replacing the claims
      await run(c, 'SELECT pg_advisory_xact_lock($1, hashtext($2))', [DOCUMENT_LOCK, owner.document]);
      const rows = (await run(c, `SELECT ${CLAIM_COLUMNS.join(', ')} FROM claims WHERE id = $1`, [claim])).rows;
      if (!rows[0]) throw new NotFoundError(`no claim ${claim}`);
      const current = claimFromRow(rows[0]);
      const { text } = (await run(c, 'SELECT text FROM documents WHERE id = $1', [current.document])).rows[0];
      const record: ReviewRecord = {
        id: randomUUID(),
        document: current.document,
        selector: quoteSelector(text, current.span),
        action: review.action,
        patch: review.patch ?? null,
        note: review.note ?? null,
        createdAt: new Date().toISOString(),
        state: 'applied',
        claim,
      };
      const next = applyReview(current, record);
      await run(
        c,
        'INSERT INTO reviews (id, document, exact, prefix, suffix, quote_start, action, patch, note, created_at, state, claim) VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12)',
        [
          record.id,
          record.document,
          record.selector.exact,
          record.selector.prefix,
          record.selector.suffix,
          record.selector.start,
          record.action,
          record.patch && JSON.stringify(record.patch),
          record.note,
          record.createdAt,
          record.state,
          record.claim,
        ],
      );
      await run(c, UPDATE_CLAIM, [...claimValues(next, rows[0].ord).slice(CLAIM_MUTABLE_FROM), claim]);
      return { review: record, claim: next };
    });
  }

  async reviews(filter: ReviewFilter = {}): Promise<ReviewRecord[]> {
    return this.read('cannot read reviews', async () => {
      const b = new PostgresBinder();
      const conditions: string[] = [];
      if (filter.document !== undefined) conditions.push(`document = ${b.bind(filter.document)}`);
      if (filter.state !== undefined) conditions.push(`state = ${b.bind(filter.state)}`);
      const rows = await this.query(
        `SELECT ${REVIEW_COLUMNS} FROM reviews${where(conditions)} ORDER BY created_at, seq`,
        b.values,
      );
      return rows.map(reviewFromRow);
    });
  }

  async search(query: string, options: { limit?: number; document?: string } = {}): Promise<SearchHit[]> {
    const limit = searchLimit(options.limit);
    const terms = searchTerms(query);
    if (terms.length === 0) return [];
    return this.read('search failed', async () => {
      const b = new PostgresBinder();
      // plainto_tsquery reads its input as words joined by AND: no operators, never a syntax error
      const q = b.bind(terms.join(' '));
      const byDocument = options.document === undefined ? '' : ` AND s.document = ${b.bind(options.document)}`;
      // the headline is computed only for the rows that make the cut
      const sql = `SELECT hit.*, ts_headline('english', hit.text, plainto_tsquery('english', ${q}), ${b.bind(HEADLINE_OPTIONS)}) AS marked
        FROM (
          SELECT s.document, d.title, s.idx, s.span_start, s.span_end, s.text,
                 ts_rank(s.tsv, plainto_tsquery('english', ${q})) AS score
          FROM sentences s JOIN documents d ON d.id = s.document
          WHERE s.tsv @@ plainto_tsquery('english', ${q})${byDocument}
          ORDER BY score DESC, s.document, s.idx
          LIMIT ${b.bind(limit)}
        ) AS hit
        ORDER BY hit.score DESC, hit.document, hit.idx`;
      return (await this.query(sql, b.values)).map((r) => hitFromRow(r, r.marked, Number(r.score)));
    });
  }

  async integrityCheck(): Promise<string[]> {
    return this.read('integrity check failed', async () => {
      const problems: string[] = [];
      for (const check of LOGICAL_CHECKS) {
        const ids = (await this.query(check.sql)).map((r) => r.id);
        if (ids.length > 0) problems.push(`${check.problem}: ${ids.join(', ')}`);
      }
      const unindexed = await this.query('SELECT document AS id FROM sentences WHERE tsv IS NULL LIMIT 5');
      if (unindexed.length > 0) {
        problems.push(`sentences missing from the full-text index: ${unindexed.map((r) => r.id).join(', ')}`);
      }
      const version = await this.schemaVersion();
      if (version !== LATEST_VERSION) problems.push(`schema version ${version}, expected ${LATEST_VERSION}`);
      return problems;
    });
  }
}

/** the URL without its password */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (!parsed.password) return url;
    parsed.password = '';
    return parsed.toString();
  } catch {
    // not parseable as a URL: say nothing that might be a secret
    return 'postgres://(unparseable URL)';
  }
}

/** what went wrong connecting, in words a user can act on */
function connectError(location: string, err: unknown): Error {
  if (err instanceof StoreError) return new StoreError(`cannot open store ${location}: ${err.message}`, { cause: err });
  const code = (err as { code?: string }).code ?? '';
  const message = err instanceof Error ? err.message : String(err);
  const reason =
    code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EHOSTUNREACH' || code === 'ETIMEDOUT'
      ? `cannot reach the server (${code})`
      : /timeout/i.test(message) && !code
        ? 'cannot reach the server (connection timed out)'
        : code === '28P01' || code === '28000'
          ? `authentication failed (${message})`
          : code === '3D000'
            ? `the database does not exist (${message})`
            : code === '42501'
              ? `permission denied (${message})`
              : message;
  return new StoreError(`cannot open store ${location}: ${reason}`, { cause: err });
}
