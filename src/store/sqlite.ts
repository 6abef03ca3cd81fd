/**
 * The embedded store: one SQLite file (better-sqlite3), WAL, FTS5 over sentences. SQLite has
 * one writer at a time and better-sqlite3 is synchronous, so every method does its work inside
 * one call (and one `db.transaction` for writes); the Promise is only the interface's shape.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { InputError, NotFoundError, StoreError } from '../errors.js';
import { type FitFacts, fitter } from './fit.js';
import { currentVersion, LATEST_VERSION, migrateTo } from './migrations/sqlite.js';
import { applyReview, applyReviews, checkReview, quoteSelector } from './review.js';
import {
  atMost,
  type Binder,
  CLAIM_COLUMNS,
  CLAIM_MUTABLE_FROM,
  claimConditions,
  claimFromRow,
  claimFromValues,
  claimValues,
  EVENT_COLUMNS,
  eventConditions,
  eventFromRow,
  eventValues,
  FACT_COLUMNS,
  factsFromValues,
  fitFactsAt,
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
  BestFactsOptions,
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
  RankedFacts,
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

const SUMMARY_COLUMNS =
  'd.id, d.title, d.source, d.pub_date, d.licence, d.format, d.hash, d.path, d.extractor, d.ingested_at, d.length, ' +
  '(SELECT count(*) FROM claims c WHERE c.document = d.id) AS claims, ' +
  '(SELECT count(*) FROM events e WHERE e.document = d.id) AS events';

const INSERT_CLAIM = `INSERT INTO claims (${CLAIM_COLUMNS.join(', ')}) VALUES (${CLAIM_COLUMNS.map(() => '?').join(', ')})`;
const UPDATE_CLAIM = `UPDATE claims SET ${CLAIM_COLUMNS.slice(CLAIM_MUTABLE_FROM)
  .map((c) => `${c} = ?`)
  .join(', ')} WHERE id = ?`;
const INSERT_EVENT = `INSERT INTO events (${EVENT_COLUMNS.join(', ')}) VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')})`;

/** Binds with `?`; a list travels as one JSON value, so its length never meets SQLite's variable limit. */
/** lists at most this long are bound value by value (SqliteBinder.inList) */
const SHORT_LIST = 16;
/** prepared statements kept per store at most: statement texts vary with list lengths */
const MAX_STATEMENTS = 512;

class SqliteBinder implements Binder {
  readonly values: unknown[] = [];
  bind(value: unknown): string {
    this.values.push(value);
    return '?';
  }
  inList(column: string, values: readonly string[]): string {
    // A short list as its own values: SQLite reads a json_each list through a virtual table per
    // execution, ~0.04 ms a list, and a question about a place runs ~10 statements of up to 5
    // branches of 4 lists (bench/query.mjs). A long list as one value: statements stay few.
    if (values.length === 1) return `${column} = ${this.bind(values[0])}`;
    if (values.length <= SHORT_LIST) return `${column} IN (${values.map((v) => this.bind(v)).join(', ')})`;
    return `${column} IN (SELECT value FROM json_each(${this.bind(JSON.stringify(values))}))`;
  }
  contains(column: string, needle: string): string {
    return `instr(atlas_lower(${column}), ${this.bind(needle.toLowerCase())}) > 0`;
  }
}

/**
 * Span classes of migration 6: the most years a claim of each class spans (`year_to - year_from`);
 * the last class, longer spans and open ends, has no bound.
 */
const SPAN_CLASSES = [0, 3, 15, 63, null] as const;

/**
 * `SELECT columns FROM claims` restricted to `filter`, and its values. When the filter asks for
 * years from some year on, it is asked of each span class in turn (UNION ALL): a claim spanning
 * at most L years that reaches `from` starts at `from - L` or later, so each class reads a range
 * of year_from a few years wide in the indexes of migration 6, where `year_to >= from` alone read
 * every claim that ends later (most of them, for an early year).
 */
function claimsMatching(filter: ClaimFilter, columns: readonly string[]): { sql: string; values: unknown[] } {
  const b = new SqliteBinder();
  const conditions = claimConditions(filter, b);
  // span_class follows place (or group), group and measure in the indexes: without them it is
  // no help, and a query by place alone (the timeline) would read the place once per class
  const index =
    filter.groupKind === undefined || filter.measure === undefined
      ? null
      : filter.placeIds
        ? 'claims_place_group'
        : 'claims_group_years';
  if ((filter.from === undefined && filter.to === undefined) || index === null) {
    return { sql: `SELECT ${columns.join(', ')} FROM claims${where(conditions)}`, values: b.values };
  }
  // The index is named: with year bounds on both ends the planner sometimes took claims_years
  // (year_from, year_to) for a branch and read every claim of the years (~350 ms a branch).
  const select = `SELECT ${columns.join(', ')} FROM claims INDEXED BY ${index}`;
  if (filter.from === undefined) {
    // a year_from range per class (year_from <= to) needs the class in the index bound first
    conditions.push(`span_class IN (${SPAN_CLASSES.map((_, k) => k).join(', ')})`);
    return { sql: `${select}${where(conditions)}`, values: b.values };
  }
  const from = filter.from;
  if (filter.within === true && filter.to !== undefined) {
    // inside the years asked a claim starts at `from` or later, whatever its span: one range
    conditions.push(`span_class IN (${SPAN_CLASSES.map((_, k) => k).join(', ')})`, `year_from >= ${b.bind(from)}`);
    return { sql: `${select}${where(conditions)}`, values: b.values };
  }
  const branches: string[] = [];
  const values: unknown[] = [];
  SPAN_CLASSES.forEach((most, k) => {
    // a claim of one year that overlaps the years asked lies inside them
    if (most === 0 && filter.within === false && filter.to !== undefined) return;
    const lowest = most === null ? [] : ['year_from >= ?'];
    branches.push(`${select}${where([...conditions, `span_class = ${k}`, ...lowest])}`);
    values.push(...b.values, ...(most === null ? [] : [from - most]));
  });
  return { sql: branches.join(' UNION ALL '), values };
}

/**
 * The index of the first part a claim lies in (null: none): each part's conditions as
 * claimConditions writes them, over RANKED_COLUMNS (the same names as the table's).
 */
function partSql(parts: BestFactsOptions['parts'], filter: ClaimFilter, b: SqliteBinder): string {
  if (!parts || parts.length === 0) return '0';
  const whens = parts.map((p, k) => {
    // `within` is read with the asked years (it needs both)
    const c = claimConditions({ ...p, from: filter.from, to: filter.to }, b);
    return `WHEN ${c.length === 0 ? '1' : c.join(' AND ')} THEN ${k}`;
  });
  return `(CASE ${whens.join(' ')} END)`;
}

/**
 * FACT_COLUMNS as bestFacts reads them: the table's names kept (so claimConditions' text applies
 * to them) and a name for each flag, in FACT_COLUMNS' order for factsFromValues.
 */
const RANKED_COLUMNS = FACT_COLUMNS.map((c) =>
  c === 'group_implied IS NOT NULL'
    ? `${c} AS group_flag`
    : c === 'place_implied IS NOT NULL'
      ? `${c} AS place_flag`
      : c === 'time_implied IS NOT NULL'
        ? `${c} AS time_flag`
        : c,
);
const RANKED_NAMES = RANKED_COLUMNS.map((c) => c.replace(/^.* AS /, ''));

/**
 * atlas_fit()'s arguments, over the columns of RANKED_COLUMNS: what a fit reads, and the group
 * label only when the question names a head (the one value bound: whether it does). Each value
 * handed to a JavaScript function costs ~0.2 us a claim to convert, and a question's statement
 * at 1,000,000 claims may rank 3,000 claims: the four columns that only order the claims
 * (document, sentence, span, id) are not passed. The rest are FACT_COLUMNS' own order, as
 * fitFactsAt reads them.
 */
const FIT_ARGUMENTS = RANKED_NAMES.slice(4)
  .map((c) => (c === 'group_label' ? '(CASE WHEN ? THEN group_label END)' : c))
  .join(', ');

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly rawStatements = new Map<string, Database.Statement>();
  private versionStatement: Database.Statement | null = null;
  /** the fit of the bestFacts statement running, read by atlas_fit() */
  private fitting: ((c: FitFacts) => number) | null = null;
  /** knownPlaces() as of `data_version` (see there); null after this store wrote */
  private placesCache: { version: number; places: PlaceRecord[] } | null = null;
  /** commits made through this connection (data_version does not count them) */
  private ownWrites = 0;
  migratedOnOpen?: MigrationResult;

  private constructor(
    private readonly db: Database.Database,
    readonly location: string,
  ) {
    // SQLite's lower() folds ASCII only; a source filter should match "Ministère" as "ministère"
    db.function('atlas_lower', { deterministic: true }, (s: unknown) =>
      typeof s === 'string' ? s.toLowerCase() : null,
    );
    // bestFacts' fit: the FitSpec of the statement running (set around it), over its claim's
    // RANKED_COLUMNS. In SQL the fit was a long expression: ~3 us a claim more to run, and
    // compiled anew for each question's spec (most of a first question's time).
    db.function('atlas_fit', { varargs: true }, (...v: unknown[]) => {
      if (this.fitting === null) throw new StoreError('atlas_fit() runs only within bestFacts');
      return this.fitting(fitFactsAt(v, 0));
    });
  }

  /**
   * Opens (creating if needed) the store at `path` and brings its schema to the latest version.
   * `:memory:` gives a private in-memory store. StoreError with a readable message when the
   * directory is missing, the file is not a database or is read-only, or the store is newer
   * than this program.
   * Example: const store = await SqliteStore.open('./atlas.db')
   */
  static async open(path: string): Promise<SqliteStore> {
    if (path !== ':memory:') {
      const dir = dirname(resolve(path));
      if (!existsSync(dir)) throw new StoreError(`cannot open store ${path}: directory ${dir} does not exist`);
      if (existsSync(path) && statSync(path).isDirectory()) {
        throw new StoreError(`cannot open store ${path}: it is a directory, not a database file`);
      }
    }
    let db: Database.Database | undefined;
    try {
      db = new Database(path);
      // set before anything else takes a lock: another process may be writing
      db.pragma('busy_timeout = 5000');
      // the first statement that reads the file: a non-database fails here
      await whileBusy(() => db!.pragma('journal_mode = WAL'));
      // WAL + NORMAL survives a killed process (only a power cut may lose the last commits) and
      // spares an fsync per transaction, which matters when ingesting thousands of documents
      db.pragma('synchronous = NORMAL');
      // A document touches some 60 pages (every index of claims and events gets a row); letting
      // the WAL grow to ~40 MB before a checkpoint writes each shared index page back once per
      // many documents instead of once per few (3,000 documents: 107 -> 149 docs/s together
      // with the larger cache). journal_size_limit truncates the WAL file after a checkpoint.
      db.pragma('wal_autocheckpoint = 10000');
      db.pragma('journal_size_limit = 67108864');
      db.pragma('cache_size = -32768');
      // Pages read through a memory map, not a read() each: a question at 1,000,000 claims reads
      // a few hundred pages scattered over the file, most not in SQLite's own cache (paired A/B
      // over 300 questions: 0.91-0.93 of the time at the median, 0.88-0.92 on the slowest tenth).
      // Read-only mapping (writes still go through write()); the cost is that an I/O error while
      // reading ends the process with SIGBUS instead of an error. SQLite caps it at 2 GB.
      db.pragma('mmap_size = 2147418112');
      db.pragma('foreign_keys = ON');
      const migrated = await whileBusy(() => migrateTo(db!));
      const store = new SqliteStore(db, path);
      store.migratedOnOpen = migrated;
      return store;
    } catch (err) {
      db?.close();
      throw openError(path, err);
    }
  }

  /** PRAGMA data_version, read on every API request (the answer cache's mark): one plucked value */
  private dataVersion(): number {
    this.versionStatement ??= this.db.prepare('PRAGMA data_version').pluck(true);
    return this.versionStatement.get() as number;
  }

  /** the statement for `sql`, returning rows as arrays (see claimFromValues) */
  private rawSt(sql: string): Database.Statement {
    let statement = this.rawStatements.get(sql);
    if (!statement) {
      if (this.rawStatements.size >= MAX_STATEMENTS) this.rawStatements.clear();
      statement = this.db.prepare(sql).raw(true);
      this.rawStatements.set(sql, statement);
    }
    return statement;
  }

  private st(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      if (this.statements.size >= MAX_STATEMENTS) this.statements.clear();
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Runs `fn` in a write transaction. IMMEDIATE takes the write lock at BEGIN, so a second
   * process (`atlas review` during an ingest) waits out busy_timeout there; a deferred
   * transaction that read first could fail at once when it came to write.
   */
  private write<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn).immediate();
    } finally {
      // this connection's own commits leave data_version as it was
      this.placesCache = null;
      this.ownWrites++;
    }
  }

  /** runs `fn`, turning driver errors into StoreError */
  private run<T>(what: string, fn: () => T): Promise<T> {
    try {
      return Promise.resolve(fn());
    } catch (err) {
      return Promise.reject(storeError(what, err));
    }
  }

  async migrate(): Promise<MigrationResult> {
    return this.run('migration failed', () => migrateTo(this.db));
  }

  async schemaVersion(): Promise<number> {
    return this.run('cannot read the schema version', () => currentVersion(this.db));
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    try {
      // lets SQLite refresh the planner's statistics the queries of this session would use
      this.db.pragma('optimize');
    } catch {
      // a read-only or busy store closes all the same
    }
    this.db.close();
  }

  async documentState(id: string): Promise<{ hash: string; extractor: string } | null> {
    return this.run(`cannot read document ${id}`, () => {
      const row = this.st('SELECT hash, extractor FROM documents WHERE id = ?').get(id) as Row | undefined;
      return row ? { hash: row.hash, extractor: row.extractor } : null;
    });
  }

  async putDocument(input: DocumentInput, options: { force?: boolean } = {}): Promise<PutResult> {
    return this.run(`cannot store document ${input.id}`, () =>
      this.write(() => this.putInTransaction(input, options.force ?? false)),
    );
  }

  private putInTransaction(input: DocumentInput, force: boolean): PutResult {
    const { id, text } = input;
    const old = this.st('SELECT hash, extractor FROM documents WHERE id = ?').get(id) as Row | undefined;
    if (old && !force && old.hash === input.hash && old.extractor === input.extractor) {
      const counts = this.st(
        'SELECT (SELECT count(*) FROM claims WHERE document = ?) AS claims, (SELECT count(*) FROM events WHERE document = ?) AS events',
      ).get(id, id) as Row;
      return { id, status: 'unchanged', claims: counts.claims, events: counts.events, reviews: this.reviewCounts(id) };
    }
    // the cascade removes the old sections, sentences, claims, events, places links and
    // entities; reviews stay and are re-applied below
    if (old) this.deleteRows(id);
    this.st(
      'INSERT INTO documents (id, title, source, pub_date, licence, format, hash, path, extractor, text, length, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
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
    );
    const section = this.st(
      'INSERT INTO sections (document, idx, title, level, span_start, span_end, parent) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    for (const s of input.sections) section.run(id, s.index, s.title, s.level, s.start, s.end, s.parent);
    const sentence = this.st(
      'INSERT INTO sentences (document, idx, span_start, span_end, section, text) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const s of input.sentences) sentence.run(id, s.index, s.start, s.end, s.section, text.slice(s.start, s.end));
    // the store maintains the full-text index itself: see migration 2
    this.st('INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences WHERE document = ?').run(id);

    const fresh = recordsOf(input);
    const reviewed = applyReviews(text, fresh.claims, this.reviewsOf(id));
    const claim = this.st(INSERT_CLAIM);
    for (const [ord, c] of reviewed.claims.entries()) claim.run(claimValues(c, ord));
    const event = this.st(INSERT_EVENT);
    for (const [ord, e] of fresh.events.entries()) event.run(eventValues(e, ord));

    const place = this.st(
      'INSERT INTO places (id, name, kind, lat, lon, parents) VALUES (?, ?, ?, ?, ?, ?) ' +
        'ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, lat = excluded.lat, lon = excluded.lon, parents = excluded.parents',
    );
    const link = this.st('INSERT INTO document_places (document, place) VALUES (?, ?)');
    for (const p of uniquePlaces(input.places)) {
      place.run(p.id, p.name, p.kind, p.lat, p.lon, JSON.stringify(p.parents));
      link.run(id, p.id);
    }
    const entity = this.st('INSERT INTO entities (document, kind, name, mentions) VALUES (?, ?, ?, ?)');
    for (const e of uniqueEntities(input.entities)) entity.run(id, e.kind, e.name, e.count);

    const update = this.st('UPDATE reviews SET state = ?, claim = ? WHERE id = ?');
    for (const r of reviewed.reviews) update.run(r.state, r.claim, r.id);
    const applied = reviewed.reviews.filter((r) => r.state === 'applied').length;
    return {
      id,
      status: old ? 'replaced' : 'added',
      claims: reviewed.claims.length,
      events: fresh.events.length,
      reviews: { applied, orphaned: reviewed.reviews.length - applied },
    };
  }

  /** a document's rows, its sentences' index entries first (they need the text to be found) */
  private deleteRows(document: string): number {
    this.st(
      "INSERT INTO sentences_fts (sentences_fts, rowid, text) SELECT 'delete', id, text FROM sentences WHERE document = ?",
    ).run(document);
    return this.st('DELETE FROM documents WHERE id = ?').run(document).changes;
  }

  private reviewsOf(document: string): ReviewRecord[] {
    const rows = this.st(`SELECT ${REVIEW_COLUMNS} FROM reviews WHERE document = ? ORDER BY created_at, seq`).all(
      document,
    ) as Row[];
    return rows.map(reviewFromRow);
  }

  private reviewCounts(document: string): { applied: number; orphaned: number } {
    return reviewCounts(
      this.st('SELECT state, count(*) AS n FROM reviews WHERE document = ? GROUP BY state').all(document) as Row[],
    );
  }

  async deleteDocument(id: string): Promise<boolean> {
    return this.run(`cannot delete document ${id}`, () =>
      this.write(() => {
        const changes = this.deleteRows(id);
        this.st("UPDATE reviews SET state = 'orphaned', claim = NULL WHERE document = ?").run(id);
        return changes > 0;
      }),
    );
  }

  async getDocument(id: string): Promise<DocumentRecord | null> {
    return this.run(`cannot read document ${id}`, () => {
      const row = this.st(`SELECT ${SUMMARY_COLUMNS}, d.text FROM documents d WHERE d.id = ?`).get(id) as
        | Row
        | undefined;
      return row ? { ...summaryFromRow(row), text: row.text } : null;
    });
  }

  async listDocuments(): Promise<DocumentSummary[]> {
    return this.run('cannot list documents', () =>
      (this.st(`SELECT ${SUMMARY_COLUMNS} FROM documents d ORDER BY d.id`).all() as Row[]).map(summaryFromRow),
    );
  }

  async sections(document: string): Promise<SectionRecord[]> {
    return this.run(`cannot read sections of ${document}`, () =>
      (
        this.st(
          'SELECT idx, title, level, span_start, span_end, parent FROM sections WHERE document = ? ORDER BY idx',
        ).all(document) as Row[]
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
    return this.run(`cannot read sentences of ${document}`, () =>
      (
        this.st('SELECT idx, span_start, span_end, section, text FROM sentences WHERE document = ? ORDER BY idx').all(
          document,
        ) as Row[]
      ).map((r) => ({ index: r.idx, start: r.span_start, end: r.span_end, section: r.section, text: r.text })),
    );
  }

  async claims(filter: ClaimFilter = {}): Promise<ClaimRecord[]> {
    return this.run('cannot read claims', () => {
      const { limit, offset } = page(filter);
      // A page is chosen by rowid from the index alone (it holds the filter columns, document
      // and ord: migration 5), then only its rows are read; a plain LIMIT read every matching
      // row from the table to sort them first.
      if (limit === null && offset === 0) {
        const m = claimsMatching(filter, CLAIM_COLUMNS);
        return (this.rawSt(`${m.sql} ORDER BY document, ord`).all(...m.values) as unknown[][]).map(claimFromValues);
      }
      const m = claimsMatching(filter, ['rowid AS r', 'document', 'ord']);
      const sql = `SELECT ${CLAIM_COLUMNS.join(', ')} FROM claims WHERE rowid IN (SELECT r FROM (${m.sql}) ORDER BY document, ord LIMIT ? OFFSET ?) ORDER BY document, ord`;
      return (this.rawSt(sql).all(...m.values, limit ?? -1, offset) as unknown[][]).map(claimFromValues);
    });
  }

  async claimFacts(filter: ClaimFilter = {}, options: { ordered?: boolean } = {}): Promise<ClaimFacts[]> {
    return this.run('cannot read claims', () => {
      const { limit, offset } = page(filter);
      // every column is in claims_place_group and claims_group_years (migration 6): ranking the
      // claims of a question reads no table row
      const m = claimsMatching(filter, [...FACT_COLUMNS.map((c, i) => `${c} AS f${i}`), 'document AS d', 'ord AS o']);
      const facts = FACT_COLUMNS.map((_, i) => `f${i}`).join(', ');
      if (options.ordered === false && offset === 0) {
        const sql = `SELECT ${facts} FROM (${m.sql}) LIMIT ?`;
        return (this.rawSt(sql).all(...m.values, limit ?? -1) as unknown[][]).map(factsFromValues);
      }
      const sql = `SELECT ${facts} FROM (${m.sql}) ORDER BY d, o LIMIT ? OFFSET ?`;
      return (this.rawSt(sql).all(...m.values, limit ?? -1, offset) as unknown[][]).map(factsFromValues);
    });
  }

  async bestFacts(filter: ClaimFilter, rank: BestFactsOptions): Promise<RankedFacts[]> {
    return this.run('cannot rank claims', () => {
      const limit = atMost(rank.limit);
      if (!Number.isFinite(rank.minFit)) throw new InputError(`invalid minFit: ${rank.minFit}`);
      const m = claimsMatching(filter, RANKED_COLUMNS);
      const b = new SqliteBinder();
      const part = partSql(rank.parts, filter, b);
      const facts = RANKED_NAMES.join(', ');
      // The cut and the limit are written as integers, not bound: with either bound, a statement
      // took ~0.5 ms more even when it found nothing (~0.04 ms written out). `LIMIT -1` keeps the
      // fit a column of the subquery: flattened, SQLite worked it out for the cut, the order and
      // the result alike (3 times a claim; ~8 ms instead of ~4 for 700 claims). `LIMIT -1` on the
      // claims too: a UNION ALL of span classes flattened into the ranking query copied the fit and
      // part expressions into every branch, and compiling them was most of a first question's
      // time (with the fit then written in SQL: 1,114 -> 653 VDBE ops a statement, 0.40 -> 0.26
      // ms to prepare). Ties as
      // estimate's byFit breaks them: part, then document, sentence, span and id.
      const least = Math.max(0, Math.ceil(rank.minFit * 1000 - 1e-9));
      const sql =
        `SELECT ${facts}, k / 1000.0, part FROM (SELECT *, atlas_fit(${FIT_ARGUMENTS}) AS k, ${part} AS part FROM (${m.sql} LIMIT -1) LIMIT -1) ` +
        `WHERE k >= ${least} AND part IS NOT NULL ORDER BY k DESC, part, document, sentence_index, span_start, id LIMIT ${limit}`;
      const n = FACT_COLUMNS.length;
      this.fitting = fitter(rank.fit);
      try {
        const head = rank.fit.group?.head ? 1 : 0;
        return (this.rawSt(sql).all(head, ...b.values, ...m.values) as unknown[][]).map((v) => ({
          facts: factsFromValues(v),
          fit: v[n] as number,
          part: v[n + 1] as number,
        }));
      } finally {
        this.fitting = null;
      }
    });
  }

  async claimsCited(filter: ClaimFilter = {}): Promise<CitedClaim[]> {
    return this.run('cannot read claims', () => {
      const { limit, offset } = page(filter);
      const m = claimsMatching(filter, CLAIM_COLUMNS);
      const sql = `SELECT x.*, s.text, d.title, d.source FROM (${m.sql}) AS x
        JOIN documents AS d ON d.id = x.document
        LEFT JOIN sentences AS s ON s.document = x.document AND s.idx = x.sentence_index
        ORDER BY x.document, x.ord LIMIT ? OFFSET ?`;
      const n = CLAIM_COLUMNS.length;
      return (this.rawSt(sql).all(...m.values, limit ?? -1, offset) as unknown[][]).map((v) => ({
        claim: claimFromValues(v),
        sentence: (v[n] as string | null) ?? '',
        title: v[n + 1] as string | null,
        source: v[n + 2] as string | null,
      }));
    });
  }

  async countClaims(filter: ClaimFilter = {}, options: { atMost?: number } = {}): Promise<number> {
    return this.run('cannot count claims', () => {
      const m = claimsMatching(filter, ['1']);
      if (options.atMost === undefined) {
        return (this.st(`SELECT count(*) AS n FROM (${m.sql})`).get(...m.values) as Row).n;
      }
      const sql = `SELECT count(*) AS n FROM (SELECT 1 FROM (${m.sql}) LIMIT ?)`;
      return (this.st(sql).get(...m.values, atMost(options.atMost)) as Row).n;
    });
  }

  async getClaim(id: string): Promise<ClaimRecord | null> {
    return this.run(`cannot read claim ${id}`, () => {
      const row = this.st(`SELECT ${CLAIM_COLUMNS.join(', ')} FROM claims WHERE id = ?`).get(id) as Row | undefined;
      return row ? claimFromRow(row) : null;
    });
  }

  async events(filter: EventFilter = {}): Promise<EventRecord[]> {
    return this.run('cannot read events', () => {
      const b = new SqliteBinder();
      const conditions = where(eventConditions(filter, b));
      const { limit, offset } = page(filter);
      const sql = `SELECT ${EVENT_COLUMNS.join(', ')} FROM events${conditions} ORDER BY document, ord LIMIT ? OFFSET ?`;
      return (this.st(sql).all(...b.values, limit ?? -1, offset) as Row[]).map(eventFromRow);
    });
  }

  async places(): Promise<(PlaceRecord & { claims: number; events: number })[]> {
    return this.run('cannot read places', () =>
      (
        this.st(
          `SELECT p.id, p.name, p.kind, p.lat, p.lon, p.parents,
             (SELECT count(*) FROM claims c WHERE c.place_id = p.id AND c.status <> 'rejected') AS claims,
             (SELECT count(*) FROM events e WHERE e.place_id = p.id) AS events
           FROM places p WHERE EXISTS (SELECT 1 FROM document_places dp WHERE dp.place = p.id) ORDER BY p.id`,
        ).all() as Row[]
      ).map(placeFromRow),
    );
  }

  changeMark(): Promise<string | null> {
    return this.run('cannot read the store version', () => {
      const version = this.dataVersion();
      return `${version}.${this.ownWrites}`;
    });
  }

  async knownPlaces(): Promise<PlaceRecord[]> {
    return this.run('cannot read places', () => {
      // Every estimate, series and timeline asks for these to expand a place hierarchy; reading
      // and parsing them cost more than the rest of a narrow estimate (bench/query.mjs). The
      // cache is dropped by this store's own writes, and `data_version` changes when another
      // connection (an ingest in another process) commits.
      const version = this.dataVersion();
      if (this.placesCache?.version !== version) {
        const rows = this.st('SELECT id, name, kind, lat, lon, parents FROM places').all() as Row[];
        const places = rows.map((r) => {
          const { claims: _c, events: _e, ...p } = placeFromRow({ ...r, claims: 0, events: 0 });
          return p;
        });
        this.placesCache = { version, places };
      }
      // copies: a caller may change what it is given
      return this.placesCache.places.map((p) => ({ ...p, parents: [...p.parents] }));
    });
  }

  async citations(
    documents: readonly string[],
  ): Promise<Map<string, { title: string | null; source: string | null; date: string | null }>> {
    return this.run('cannot read documents', () => {
      const out = new Map<string, { title: string | null; source: string | null; date: string | null }>();
      const st = this.st('SELECT title, source, pub_date AS date FROM documents WHERE id = ?');
      for (const id of new Set(documents)) {
        const row = st.get(id) as Row | undefined;
        if (row) out.set(id, { title: row.title, source: row.source, date: row.date });
      }
      return out;
    });
  }

  async sentenceTexts(refs: readonly { document: string; sentenceIndex: number }[]): Promise<Map<string, string>> {
    return this.run('cannot read sentences', () => {
      const out = new Map<string, string>();
      if (refs.length === 0) return out;
      // one statement for all of them: estimate asks for 200 at a time, and a call per sentence
      // cost more than the lookups themselves
      const keys = [...new Set(refs.map((r) => JSON.stringify([r.document, r.sentenceIndex])))];
      const rows = this.rawSt(
        `SELECT s.document, s.idx, s.text FROM json_each(?) AS k
         JOIN sentences AS s ON s.document = json_extract(k.value, '$[0]') AND s.idx = json_extract(k.value, '$[1]')`,
      ).all(`[${keys.join(',')}]`) as [string, number, string][];
      for (const [document, idx, text] of rows) out.set(`${document}#${idx}`, text);
      return out;
    });
  }

  async entities(document?: string): Promise<(EntityRecord & { document: string })[]> {
    return this.run('cannot read entities', () => {
      const sql = `SELECT document, kind, name, mentions FROM entities${document === undefined ? '' : ' WHERE document = ?'} ORDER BY document, mentions DESC, kind, name`;
      const rows = (document === undefined ? this.st(sql).all() : this.st(sql).all(document)) as Row[];
      return rows.map((r) => ({ document: r.document, name: r.name, kind: r.kind, count: r.mentions }));
    });
  }

  async addReview(claim: string, review: ReviewInput): Promise<{ review: ReviewRecord; claim: ClaimRecord }> {
    checkReview(review);
    return this.run(`cannot review claim ${claim}`, () =>
      this.write(() => {
        const row = this.st(`SELECT ${CLAIM_COLUMNS.join(', ')} FROM claims WHERE id = ?`).get(claim) as
          | Row
          | undefined;
        if (!row) throw new NotFoundError(`no claim ${claim}`);
        const current = claimFromRow(row);
        const { text } = this.st('SELECT text FROM documents WHERE id = ?').get(current.document) as Row;
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
        this.st(
          'INSERT INTO reviews (id, document, exact, prefix, suffix, quote_start, action, patch, note, created_at, state, claim) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        ).run(
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
        );
        this.st(UPDATE_CLAIM).run(...claimValues(next, row.ord).slice(CLAIM_MUTABLE_FROM), claim);
        return { review: record, claim: next };
      }),
    );
  }

  async reviews(filter: ReviewFilter = {}): Promise<ReviewRecord[]> {
    return this.run('cannot read reviews', () => {
      const b = new SqliteBinder();
      const conditions: string[] = [];
      if (filter.document !== undefined) conditions.push(`document = ${b.bind(filter.document)}`);
      if (filter.state !== undefined) conditions.push(`state = ${b.bind(filter.state)}`);
      const sql = `SELECT ${REVIEW_COLUMNS} FROM reviews${where(conditions)} ORDER BY created_at, seq`;
      return (this.st(sql).all(...b.values) as Row[]).map(reviewFromRow);
    });
  }

  async search(query: string, options: { limit?: number; document?: string } = {}): Promise<SearchHit[]> {
    const limit = searchLimit(options.limit);
    const terms = searchTerms(query);
    if (terms.length === 0) return [];
    // each term quoted: FTS5 reads it as a plain string, never as an operator or a column filter
    const match = terms.map((t) => `"${t}"`).join(' ');
    return this.run('search failed', () => {
      const byDocument = options.document === undefined ? '' : ' AND s.document = ?';
      const sql = `SELECT s.document, d.title, s.idx, s.span_start, s.span_end, s.text,
          snippet(sentences_fts, 0, ?, ?, '…', 32) AS marked, bm25(sentences_fts) AS rank
        FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid JOIN documents d ON d.id = s.document
        WHERE sentences_fts MATCH ?${byDocument} ORDER BY rank, s.document, s.idx LIMIT ?`;
      const params: unknown[] = [MARK_START, MARK_END, match];
      if (options.document !== undefined) params.push(options.document);
      params.push(limit);
      // bm25 is lower for better matches; the interface wants higher-is-better
      return (this.st(sql).all(...params) as Row[]).map((r) => hitFromRow(r, r.marked, -r.rank));
    });
  }

  async integrityCheck(): Promise<string[]> {
    return this.run('integrity check failed', () => {
      const problems: string[] = [];
      for (const r of this.db.pragma('integrity_check') as Row[]) {
        if (r.integrity_check !== 'ok') problems.push(`database: ${r.integrity_check}`);
      }
      for (const r of this.db.pragma('foreign_key_check') as Row[]) {
        problems.push(`foreign key: a row of ${r.table} refers to a missing row of ${r.parent}`);
      }
      try {
        // rank 1: compare the index with the content table, not only with itself
        this.st("INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)").run();
      } catch (err) {
        problems.push(`full-text index: ${err instanceof Error ? err.message : String(err)}`);
      }
      for (const check of LOGICAL_CHECKS) {
        const ids = (this.st(check.sql).all() as Row[]).map((r) => r.id);
        if (ids.length > 0) problems.push(`${check.problem}: ${ids.join(', ')}`);
      }
      const version = currentVersion(this.db);
      if (version !== LATEST_VERSION) problems.push(`schema version ${version}, expected ${LATEST_VERSION}`);
      return problems;
    });
  }
}

/** how long opening a store waits, in all, for other processes' locks */
const OPEN_WAIT_MS = 30_000;

/**
 * Runs `step` again while another process holds the store, up to OPEN_WAIT_MS. The busy timeout
 * alone failed two `atlas ingest` opening one new store at once on a loaded machine: after the
 * first migrated the store it went on writing document after document, and the second's
 * migration found it locked at each of its polls for 5 s; and where two connections both want to
 * write SQLite answers one of them "busy" at once, without waiting.
 */
async function whileBusy<T>(step: () => T): Promise<T> {
  const deadline = Date.now() + OPEN_WAIT_MS;
  for (;;) {
    try {
      return step();
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (!code.startsWith('SQLITE_BUSY') || Date.now() >= deadline) throw err;
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 80));
    }
  }
}

/** what went wrong opening a SQLite file, in words a user can act on */
function openError(path: string, err: unknown): Error {
  if (err instanceof StoreError) return err;
  const code = (err as { code?: string }).code ?? '';
  const reason =
    code === 'SQLITE_NOTADB'
      ? 'not a database file'
      : code === 'SQLITE_CORRUPT'
        ? 'the database file is corrupt'
        : code.startsWith('SQLITE_READONLY')
          ? 'the file or its directory is read-only'
          : code.startsWith('SQLITE_CANTOPEN')
            ? 'the file cannot be opened (check permissions on it and its directory)'
            : code.startsWith('SQLITE_BUSY')
              ? 'the store is locked by another process'
              : err instanceof Error
                ? err.message
                : String(err);
  return new StoreError(`cannot open store ${path}: ${reason}`, { cause: err });
}
