/**
 * The SQLite schema as a list of versioned steps. The pending steps run in one transaction with
 * their rows in `schema_migrations` (SQLite's DDL is transactional), so a crash leaves the store
 * at the version it had, never half-way. Never edit a released step: add the next one.
 */
import type Database from 'better-sqlite3';
import { StoreError } from '../../errors.js';
import type { MigrationResult } from '../types.js';

export interface SqliteMigration {
  version: number;
  name: string;
  up: string | ((db: Database.Database) => void);
}

export const MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'core tables',
    up: `
      CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        title TEXT,
        source TEXT,
        pub_date TEXT,
        licence TEXT,
        format TEXT NOT NULL,
        hash TEXT NOT NULL,
        path TEXT,
        extractor TEXT NOT NULL,
        text TEXT NOT NULL,
        length INTEGER NOT NULL,
        ingested_at TEXT NOT NULL
      );
      CREATE TABLE sections (
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        title TEXT NOT NULL,
        level INTEGER NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        parent INTEGER,
        PRIMARY KEY (document, idx)
      ) WITHOUT ROWID;
      -- an integer key of its own: the full-text index (version 2) points at sentences by rowid
      CREATE TABLE sentences (
        id INTEGER PRIMARY KEY,
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        section INTEGER,
        text TEXT NOT NULL,
        UNIQUE (document, idx)
      );
      CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        sentence_index INTEGER NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        text TEXT NOT NULL,
        measure TEXT NOT NULL,
        low REAL,
        high REAL,
        approx TEXT NOT NULL,
        unit TEXT NOT NULL,
        per TEXT,
        group_kind TEXT,
        group_label TEXT,
        group_implied TEXT,
        time_start TEXT,
        time_end TEXT,
        year_from INTEGER,
        year_to INTEGER,
        time_precision TEXT,
        edtf TEXT,
        time_implied TEXT,
        place_id TEXT,
        place_name TEXT,
        lat REAL,
        lon REAL,
        place_implied TEXT,
        source TEXT,
        modality TEXT NOT NULL,
        rule TEXT NOT NULL,
        CHECK (span_start >= 0 AND span_end >= span_start)
      );
      CREATE INDEX claims_document ON claims (document, ord);
      CREATE INDEX claims_group_measure ON claims (group_kind, measure);
      CREATE INDEX claims_place ON claims (place_id);
      CREATE INDEX claims_years ON claims (year_from, year_to);
      CREATE TABLE events (
        id TEXT PRIMARY KEY,
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        sentence_index INTEGER NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        sentence_start INTEGER NOT NULL,
        sentence_end INTEGER NOT NULL,
        text TEXT NOT NULL,
        type TEXT NOT NULL,
        time_start TEXT,
        time_end TEXT,
        year_from INTEGER,
        year_to INTEGER,
        time_precision TEXT,
        edtf TEXT,
        time_implied TEXT,
        place_id TEXT,
        place_name TEXT,
        lat REAL,
        lon REAL,
        place_implied TEXT,
        actors TEXT NOT NULL,
        CHECK (span_start >= 0 AND span_end >= span_start)
      );
      CREATE INDEX events_document ON events (document, ord);
      CREATE INDEX events_type ON events (type);
      CREATE INDEX events_place ON events (place_id);
      CREATE INDEX events_years ON events (year_from, year_to);
      -- shared by all documents: a gazetteer entry is the same place whoever mentions it
      CREATE TABLE places (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        lat REAL,
        lon REAL,
        parents TEXT NOT NULL
      );
      CREATE TABLE document_places (
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        place TEXT NOT NULL REFERENCES places(id),
        PRIMARY KEY (document, place)
      ) WITHOUT ROWID;
      CREATE INDEX document_places_place ON document_places (place);
      CREATE TABLE entities (
        document TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (document, kind, name)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'full-text search over sentences',
    // External content: the index keeps no second copy of the text. The store keeps it in step
    // itself, one INSERT ... SELECT per document to index its sentences and one to forget them
    // before they are deleted, rather than with row triggers: a trigger runs each row as a
    // sub-transaction and FTS5 then writes a segment per sentence (measured: adding documents
    // took 1.6x as long, deleting them 2.8x). 'rebuild' indexes the sentences version 1 stored.
    up: `
      CREATE VIRTUAL TABLE sentences_fts USING fts5(
        text, content='sentences', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2'
      );
      INSERT INTO sentences_fts (sentences_fts) VALUES ('rebuild');
    `,
  },
  {
    version: 3,
    name: 'reviews',
    // Reviews have no foreign keys on purpose: they outlive their claims (re-ingestion replaces
    // claims) and their document (deleteDocument orphans them).
    up: `
      ALTER TABLE claims ADD COLUMN status TEXT NOT NULL DEFAULT 'machine'
        CHECK (status IN ('machine', 'accepted', 'corrected', 'rejected'));
      ALTER TABLE claims ADD COLUMN machine TEXT;
      CREATE INDEX claims_status ON claims (status);
      CREATE TABLE reviews (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        document TEXT NOT NULL,
        exact TEXT NOT NULL,
        prefix TEXT NOT NULL,
        suffix TEXT NOT NULL,
        quote_start INTEGER NOT NULL,
        action TEXT NOT NULL CHECK (action IN ('accept', 'reject', 'correct')),
        patch TEXT,
        note TEXT,
        created_at TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('applied', 'orphaned')),
        claim TEXT
      );
      CREATE INDEX reviews_document ON reviews (document, created_at, seq);
      CREATE INDEX reviews_claim ON reviews (claim);
    `,
  },
  {
    version: 4,
    name: 'query indexes',
    // The query layer reads claims by place (a hierarchy expanded to a list), group, measure,
    // live status and overlapping years, and events by place and years. With one-column
    // indexes SQLite took one of them and read a table row per candidate to test the rest:
    // estimate at 1,000,000 claims spent ~1 s a question (bench/query.mjs). Here the filter
    // columns are all in one index, so a table row is read only when it matches. Place first,
    // as timeline has no group or measure; group and measure first for questions without a
    // place (estimate's fallback). The indexes these begin with go.
    // claims_status goes too, as a trap: nearly every claim is live, but the statistics
    // `PRAGMA optimize` gathers from a sample of 2,000 rows call it selective, and with them
    // the planner chose it for `status IN (live statuses)` and scanned the whole table. A
    // filter on a rare status alone (the review queue) now scans claims_document instead.
    up: `
      DROP INDEX claims_status;
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
    // estimate reads the claims of a question a page at a time in (document, ord) order and
    // stops once later pages cannot change its answer. With document and ord in the indexes the
    // page is chosen from the index alone, and only its rows are read from the table: a
    // question over a country's 8,000 fitting claims read all 8,000 rows (bench/query.mjs).
    up: `
      DROP INDEX claims_place_group;
      DROP INDEX claims_group_years;
      CREATE INDEX claims_place_group ON claims (place_id, group_kind, measure, year_to, year_from, status, document, ord);
      CREATE INDEX claims_group_years ON claims (group_kind, measure, year_to, year_from, status, document, ord);
    `,
  },
  {
    version: 6,
    name: 'claim facts from the index, by span of years',
    // estimate ranks hundreds of claims to list a few dozen. It reads what ranks them (ClaimFacts:
    // measure, unit, rate, group, place, years, modality, hedge, and where the claim stands) for
    // all of them, and every column only for those it lists. With those columns in the place and
    // group indexes, ranking reads no table row: at 1,000,000 claims a row read from the table
    // cost ~15-20 us against ~6 from the index (bench/query.mjs, bench machine).
    // The indexes are also ordered by span_class (how many years a claim spans, in 5 classes)
    // and year_from, where they had year_to first. "Overlaps 1959" was `year_to >= 1959`, which
    // reads every claim that ends after 1959: most of them. Within a class of spans of at most L
    // years it is `year_from BETWEEN 1959 - L AND 1959`, a few years' worth; the SQLite store
    // asks each class in turn (claimsMatching). A question about 1967 over a million claims read
    // ~50,000 index entries to find 3,000.
    up: `
      ALTER TABLE claims ADD COLUMN span_class INTEGER GENERATED ALWAYS AS (
        CASE WHEN year_to IS NULL THEN NULL
          WHEN year_to - year_from <= 0 THEN 0
          WHEN year_to - year_from <= 3 THEN 1
          WHEN year_to - year_from <= 15 THEN 2
          WHEN year_to - year_from <= 63 THEN 3
          ELSE 4 END
      ) VIRTUAL;
      DROP INDEX claims_place_group;
      CREATE INDEX claims_place_group ON claims (place_id, group_kind, measure, span_class, year_from, year_to, status,
        document, ord, sentence_index, span_start, unit, per, group_label, group_implied, place_implied, time_implied,
        modality, approx, id);
      DROP INDEX claims_group_years;
      CREATE INDEX claims_group_years ON claims (group_kind, measure, span_class, year_from, year_to, status,
        document, ord, sentence_index, span_start, unit, per, group_label, group_implied, place_implied, time_implied,
        modality, approx, id, place_id);
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** the store's schema version: 0 for an empty database; StoreError for a database that is not a store */
export function currentVersion(db: Database.Database): number {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!table) {
    const other = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' LIMIT 1").get() as
      | { name: string }
      | undefined;
    if (other) {
      throw new StoreError(
        `${db.name} is a SQLite database but not an atlas store (it has a table "${other.name}" and no schema_migrations)`,
      );
    }
    return 0;
  }
  const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Brings the schema to `target` (default: the latest). The check and the steps run under an
 * immediate (write-locked) transaction, so of two processes opening a new store at once one
 * migrates and the other then finds nothing to do. A store newer than this program is refused
 * untouched.
 */
export function migrateTo(db: Database.Database, target: number = LATEST_VERSION): MigrationResult {
  const from = currentVersion(db);
  if (from > LATEST_VERSION) {
    throw new StoreError(
      `${db.name} has schema version ${from}, newer than this program knows (${LATEST_VERSION}): upgrade atlas to open it`,
    );
  }
  const applied: string[] = [];
  const run = db.transaction(() => {
    const now = currentVersion(db);
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
    for (const m of MIGRATIONS) {
      if (m.version <= now || m.version > target) continue;
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db);
      record.run(m.version, m.name, new Date().toISOString());
      applied.push(`${m.version} ${m.name}`);
    }
  });
  if (from < target) run.immediate();
  return { from, to: Math.max(from, Math.min(target, LATEST_VERSION)), applied };
}
