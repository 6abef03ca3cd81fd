/**
 * The PostgreSQL schema as a list of versioned steps, each run in its own transaction with its
 * row in `schema_migrations` (PostgreSQL's DDL is transactional). Tables go in the current
 * schema (the first of `search_path`), so one database can hold several stores. Never edit a
 * released step: add the next one.
 */
import type pg from 'pg';
import { StoreError } from '../../errors.js';
import type { MigrationResult } from '../types.js';

export interface PostgresMigration {
  version: number;
  name: string;
  up: string | ((client: pg.ClientBase) => Promise<void>);
}

export const MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    name: 'core tables',
    up: `
      CREATE TABLE documents (
        id text PRIMARY KEY,
        title text,
        source text,
        pub_date text,
        licence text,
        format text NOT NULL,
        hash text NOT NULL,
        path text,
        extractor text NOT NULL,
        text text NOT NULL,
        length integer NOT NULL,
        ingested_at timestamptz NOT NULL
      );
      CREATE TABLE sections (
        document text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx integer NOT NULL,
        title text NOT NULL,
        level integer NOT NULL,
        span_start integer NOT NULL,
        span_end integer NOT NULL,
        parent integer,
        PRIMARY KEY (document, idx)
      );
      CREATE TABLE sentences (
        document text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx integer NOT NULL,
        span_start integer NOT NULL,
        span_end integer NOT NULL,
        section integer,
        text text NOT NULL,
        PRIMARY KEY (document, idx)
      );
      CREATE TABLE claims (
        id text PRIMARY KEY,
        document text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord integer NOT NULL,
        sentence_index integer NOT NULL,
        span_start integer NOT NULL,
        span_end integer NOT NULL,
        sentence_start integer NOT NULL,
        sentence_end integer NOT NULL,
        text text NOT NULL,
        measure text NOT NULL,
        low double precision,
        high double precision,
        approx text NOT NULL,
        unit text NOT NULL,
        per text,
        group_kind text,
        group_label text,
        group_implied text,
        time_start text,
        time_end text,
        year_from integer,
        year_to integer,
        time_precision text,
        edtf text,
        time_implied text,
        place_id text,
        place_name text,
        lat double precision,
        lon double precision,
        place_implied text,
        source text,
        modality text NOT NULL,
        rule text NOT NULL,
        CHECK (span_start >= 0 AND span_end >= span_start)
      );
      CREATE INDEX claims_document ON claims (document, ord);
      CREATE INDEX claims_group_measure ON claims (group_kind, measure);
      CREATE INDEX claims_place ON claims (place_id);
      CREATE INDEX claims_years ON claims (year_from, year_to);
      CREATE TABLE events (
        id text PRIMARY KEY,
        document text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord integer NOT NULL,
        sentence_index integer NOT NULL,
        span_start integer NOT NULL,
        span_end integer NOT NULL,
        sentence_start integer NOT NULL,
        sentence_end integer NOT NULL,
        text text NOT NULL,
        type text NOT NULL,
        time_start text,
        time_end text,
        year_from integer,
        year_to integer,
        time_precision text,
        edtf text,
        time_implied text,
        place_id text,
        place_name text,
        lat double precision,
        lon double precision,
        place_implied text,
        actors jsonb NOT NULL,
        CHECK (span_start >= 0 AND span_end >= span_start)
      );
      CREATE INDEX events_document ON events (document, ord);
      CREATE INDEX events_type ON events (type);
      CREATE INDEX events_place ON events (place_id);
      CREATE INDEX events_years ON events (year_from, year_to);
      CREATE TABLE places (
        id text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL,
        lat double precision,
        lon double precision,
        parents jsonb NOT NULL
      );
      CREATE TABLE document_places (
        document text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        place text NOT NULL REFERENCES places(id),
        PRIMARY KEY (document, place)
      );
      CREATE INDEX document_places_place ON document_places (place);
      CREATE TABLE entities (
        document text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        kind text NOT NULL,
        name text NOT NULL,
        mentions integer NOT NULL,
        PRIMARY KEY (document, kind, name)
      );
    `,
  },
  {
    version: 2,
    name: 'full-text search over sentences',
    // A stored generated column is computed for the rows already there, so sentences stored by
    // version 1 are searchable at once. Only the first 100,000 characters of a sentence are
    // indexed: a tsvector holds at most 1 MB, and a "sentence" that long is a run-on file.
    up: `
      ALTER TABLE sentences ADD COLUMN tsv tsvector
        GENERATED ALWAYS AS (to_tsvector('english'::regconfig, left(text, 100000))) STORED;
      CREATE INDEX sentences_tsv ON sentences USING gin (tsv);
    `,
  },
  {
    version: 3,
    name: 'reviews',
    // Reviews have no foreign keys on purpose: they outlive their claims (re-ingestion replaces
    // claims) and their document (deleteDocument orphans them).
    up: `
      ALTER TABLE claims ADD COLUMN status text NOT NULL DEFAULT 'machine'
        CHECK (status IN ('machine', 'accepted', 'corrected', 'rejected'));
      ALTER TABLE claims ADD COLUMN machine jsonb;
      CREATE INDEX claims_status ON claims (status);
      CREATE TABLE reviews (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text NOT NULL UNIQUE,
        document text NOT NULL,
        exact text NOT NULL,
        prefix text NOT NULL,
        suffix text NOT NULL,
        quote_start integer NOT NULL,
        action text NOT NULL CHECK (action IN ('accept', 'reject', 'correct')),
        patch jsonb,
        note text,
        created_at timestamptz NOT NULL,
        state text NOT NULL CHECK (state IN ('applied', 'orphaned')),
        claim text
      );
      CREATE INDEX reviews_document ON reviews (document, created_at, seq);
      CREATE INDEX reviews_claim ON reviews (claim);
    `,
  },
  {
    version: 4,
    name: 'query indexes',
    // As SQLite's version 4: the columns the query layer filters claims on (place list, group,
    // measure, overlapping years, status) in one index, so a table row is read only when it
    // matches, place first and group first; events by place and years. The indexes these
    // begin with go. claims_status stays: PostgreSQL's statistics know nearly every claim is
    // live, and it serves the review queue (a rare status).
    up: `
      DROP INDEX claims_place;
      DROP INDEX claims_group_measure;
      CREATE INDEX claims_place_group ON claims (place_id, group_kind, measure, year_to, year_from, status);
      CREATE INDEX claims_group_years ON claims (group_kind, measure, year_to, year_from, status);
      DROP INDEX events_place;
      CREATE INDEX events_place_years ON events (place_id, year_to, year_from);
    `,
  },
  {
    version: 5,
    name: 'claims in order from the index',
    // As SQLite's version 5: document and ord in the claim indexes, so a page of a question's
    // claims in (document, ord) order is chosen from the index (an index-only scan once the
    // table is vacuumed) before any row is read.
    up: `
      DROP INDEX claims_place_group;
      DROP INDEX claims_group_years;
      CREATE INDEX claims_place_group ON claims (place_id, group_kind, measure, year_to, year_from, status, document, ord);
      CREATE INDEX claims_group_years ON claims (group_kind, measure, year_to, year_from, status, document, ord);
    `,
  },
  {
    version: 6,
    name: 'claim facts from the index',
    // As SQLite's version 6: what estimate ranks claims by (ClaimFacts) is carried in the place
    // and group indexes, so ranking them can be an index-only scan. (SQLite's span classes are
    // not copied: they serve its one-range-per-index planner; bench/query.mjs measures SQLite.)
    up: `
      DROP INDEX claims_place_group;
      CREATE INDEX claims_place_group ON claims (place_id, group_kind, measure, year_to, year_from, status, document, ord)
        INCLUDE (sentence_index, span_start, unit, per, group_label, group_implied, place_implied, time_implied, modality, approx, id);
      DROP INDEX claims_group_years;
      CREATE INDEX claims_group_years ON claims (group_kind, measure, year_to, year_from, status, document, ord)
        INCLUDE (sentence_index, span_start, unit, per, group_label, group_implied, place_implied, time_implied, modality, approx, id, place_id);
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** first key of the advisory lock taken while migrating (the second is the schema's hash) */
const MIGRATION_LOCK = 0x41544c53; // "ATLS"

/** the store's schema version in the current schema: 0 when empty; StoreError when it is not a store */
export async function currentVersion(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ name: string }>(
    'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name <> $1 LIMIT 1',
    ['schema_migrations'],
  );
  if (rows.length === 0) return 0;
  if (rows[0]!.name !== 'schema_migrations') {
    throw new StoreError(
      `the schema holds a table "${rows[0]!.name}" and no schema_migrations: not an atlas store (use an empty database or schema, e.g. ?options=-csearch_path%3Datlas)`,
    );
  }
  const version = await client.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return version.rows[0]!.v ?? 0;
}

/**
 * Brings the schema to `target` (default: the latest) under a session advisory lock, so of two
 * processes opening a new store at once one migrates and the other waits, then finds nothing to
 * do. A store newer than this program is refused untouched.
 */
export async function migrateTo(client: pg.ClientBase, target: number = LATEST_VERSION): Promise<MigrationResult> {
  const from = await currentVersion(client);
  refuseNewer(from);
  if (from >= target) return { from, to: from, applied: [] };
  const applied: string[] = [];
  await client.query("SELECT pg_advisory_lock($1, hashtext(coalesce(current_schema(), '')))", [MIGRATION_LOCK]);
  try {
    const now = await currentVersion(client);
    refuseNewer(now);
    for (const m of MIGRATIONS) {
      if (m.version <= now || m.version > target) continue;
      await client.query('BEGIN');
      try {
        await client.query(
          'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)',
        );
        if (typeof m.up === 'string') await client.query(m.up);
        else await m.up(client);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [
          m.version,
          m.name,
        ]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
      applied.push(`${m.version} ${m.name}`);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1, hashtext(coalesce(current_schema(), '')))", [MIGRATION_LOCK]);
  }
  return { from, to: target, applied };
}

function refuseNewer(version: number): void {
  if (version > LATEST_VERSION) {
    throw new StoreError(
      `the store has schema version ${version}, newer than this program knows (${LATEST_VERSION}): upgrade atlas to open it`,
    );
  }
}
