// Crash safety, proven with SIGKILL against the built CLI (`node bin/atlas.js`, so dist/):
// `atlas ingest`, `atlas review` and `atlas migrate` killed at random moments and at moments
// when the writer is known to be inside its transaction (it holds the store's write lock), then
// the store must open, pass its integrity check and hold every document and review the killed
// process had acknowledged (ingest prints a line per document after its commit; a review prints
// its JSON after its commit), each document whole (as an uninterrupted ingest stores it), and a
// re-run must complete the job. A full disk and a read-only store must get one clear line and a
// non-zero exit, and lose nothing. PostgreSQL: the ingest kills, when ATLAS_TEST_PG is set.
import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_VERSION, migrateTo } from '../../src/store/migrations/sqlite.js';
import { openStore } from '../../src/store/open.js';
import { CLAIM_COLUMNS, EVENT_COLUMNS } from '../../src/store/rows.js';
import { withPostgres } from '../postgres.js';
import {
  acknowledged,
  acknowledgedReviews,
  atlas,
  crashesIn,
  docDifference,
  type Finished,
  killAfter,
  killInside,
  killStragglers,
  pgUrl,
  pgWriting,
  postgresState,
  type Running,
  random,
  SqliteLockProbe,
  type StoreState,
  seedFor,
  sqliteState,
  start,
  statusProblems,
  writeCorpus,
  writeDiskFullPreload,
  writeReviewDriver,
} from './processes.js';
import { resetTally, tally } from './tally.js';

const SUITE = 'crash';
const rnd = random(seedFor(SUITE));
/** documents in the folder that is ingested, killed and re-run */
const N = 24;
/** documents of a second folder, written after the first (disk full, read-only) */
const N2 = 12;

let work: string;
let docs: string;
let docs2: string;
/** what an uninterrupted ingest of both folders stores */
let ref: StoreState;
let refDb: string;
/** a store holding only the first folder, closed cleanly (one file, no WAL): copied per test */
let baseDb: string;
/** ms from spawn to the first document line, and per document after it */
let startupMs = 1000;
let perDocMs = 60;

/** a copy of a cleanly closed store (its WAL checkpointed away) */
function copyStore(from: string, to: string): string {
  expect(existsSync(`${from}-wal`) && statSync(`${from}-wal`).size > 0, `${from} has a WAL`).toBe(false);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${to}${suffix}`, { force: true });
  copyFileSync(from, to);
  return to;
}

/** a random whole number of ms in [lo, hi) */
const between = (lo: number, hi: number) => Math.floor(lo + rnd() * (hi - lo));

beforeAll(async () => {
  resetTally(SUITE);
  work = mkdtempSync(join(tmpdir(), 'atlas-crash-'));
  // the read-only test runs the CLI as another user, who must read the documents
  chmodSync(work, 0o755);
  docs = join(work, 'docs');
  docs2 = join(work, 'docs2');
  writeCorpus(docs, N, 'doc');
  writeCorpus(docs2, N2, 'more');
  baseDb = join(work, 'base.db');
  const p = start(['ingest', docs, '--db', baseDb, '--no-diff']);
  await p.line(() => true);
  const first = performance.now() - p.startedAt;
  const r = await p.done;
  expect(r.code, r.stderr).toBe(0);
  startupMs = first;
  perDocMs = (performance.now() - p.startedAt - first) / (N - 1);
  refDb = copyStore(baseDb, join(work, 'reference.db'));
  const r2 = await atlas(['ingest', docs2, '--db', refDb, '--no-diff']);
  expect(r2.code, r2.stderr).toBe(0);
  ref = sqliteState(refDb);
  expect(ref.problems).toEqual([]);
  expect(ref.docs.size).toBe(N + N2);
}, 60_000);

afterAll(() => {
  killStragglers();
  if (work) rmSync(work, { recursive: true, force: true });
});

/**
 * Everything wrong with a SQLite store after a kill: the bare driver's checks, acknowledged
 * documents or reviews missing, a document that is not as an uninterrupted ingest stored it, a
 * claim whose status its reviews do not explain, and the store's own check (`atlas check`).
 */
async function sqliteProblems(db: string, ackDocs: Iterable<string>, ackReviews: Iterable<string> = []) {
  return problemsOf(sqliteState(db), db, ackDocs, ackReviews);
}

async function problemsOf(state: StoreState, db: string, ackDocs: Iterable<string>, ackReviews: Iterable<string>) {
  const problems = [...state.problems];
  for (const id of ackDocs) if (!state.docs.has(id)) problems.push(`${id}: acknowledged, missing`);
  for (const [id, d] of state.docs) {
    const diff = docDifference(id, d, ref.docs.get(id));
    if (diff) problems.push(diff);
  }
  for (const id of ackReviews) {
    const r = state.reviews.get(id);
    if (!r) problems.push(`review ${id}: acknowledged, missing`);
    else if (r.state !== 'applied') problems.push(`review ${id}: ${r.state}`);
  }
  problems.push(...statusProblems(state));
  if (state.version > 0) {
    const store = await openStore(db);
    try {
      problems.push(...(await store.integrityCheck()));
    } finally {
      await store.close();
    }
  }
  return problems;
}

/** counts one kill: survived when nothing is wrong */
function countKill(problems: string[], f: Finished): void {
  const crashes = crashesIn(f, { killed: true }).length;
  tally(SUITE, { killsSurvived: problems.length === 0 ? 1 : 0, killsLost: problems.length > 0 ? 1 : 0, crashes });
  expect(crashes).toBe(0);
}

/** one line on stderr, `atlas: ...`, no stack trace */
function expectOneLineError(f: Finished, pattern: RegExp): void {
  expect(f.code, f.stderr).toBe(1);
  const lines = f.stderr.trimEnd().split('\n');
  expect(lines, f.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^atlas: /);
  expect(lines[0]).toMatch(pattern);
  const crashes = crashesIn(f);
  tally(SUITE, { crashes: crashes.length });
  expect(crashes).toEqual([]);
}

/** documents a running ingest has written so far */
const written = (p: Running) => p.lines.filter((l) => /^(added|replaced) /.test(l)).length;

type KillMoment = 'startup' | 'random' | 'inside';

/**
 * SIGKILLs a running `atlas ingest`: 'startup', at a random moment before its first document
 * (perhaps while a new store is created); 'random', after a random number of the `remaining`
 * documents and a random part of the next; 'inside', after a random number of them, the moment
 * the next write transaction holds the lock (`inside()` polled). Moments follow the run's own
 * progress rather than the clock, so a faster or slower machine still kills mid-run.
 */
async function killIngest(
  p: Running,
  how: KillMoment,
  remaining: number,
  inside: () => boolean | Promise<boolean>,
): Promise<{ f: Finished; note: string }> {
  if (how === 'startup') {
    const ms = between(0, startupMs);
    return { f: await killAfter(p, ms), note: `${ms} ms after the start` };
  }
  const target = between(0, Math.max(1, Math.floor(remaining * 0.6)));
  if (target > 0) await p.line(() => written(p) >= target);
  if (how === 'random') {
    const ms = between(0, perDocMs);
    return { f: await killAfter(p, ms), note: `${target} documents + ${ms} ms` };
  }
  const r = await killInside(p, inside, 10_000);
  return { f: r.finished, note: `${target} documents, then ${r.inside ? 'inside' : 'NOT inside'} a transaction` };
}

describe('SQLite: SIGKILL', () => {
  it('during `atlas ingest`, at random moments and inside transactions, loses no acknowledged document; a re-run completes', async () => {
    const db = join(work, 'ingest.db');
    const ack = new Set<string>();
    const probe = new SqliteLockProbe(db);
    const log: string[] = [];
    try {
      for (const how of ['startup', 'inside', 'random', 'inside'] as const) {
        const p = start(['ingest', docs, '--db', db, '--no-diff']);
        const { f, note } = await killIngest(p, how, N - ack.size, () => probe.held());
        log.push(note);
        expect(f.signal, `${note}: the run ended by itself`).toBe('SIGKILL');
        for (const a of acknowledged(f.stdout.split('\n'))) if (a.status === 'added') ack.add(a.id);
        probe.close();
        const problems = await sqliteProblems(db, ack);
        countKill(problems, f);
        expect(problems, log.join(', ')).toEqual([]);
      }
    } finally {
      probe.close();
    }
    console.info(`ingest kills: ${log.join('; ')}`);
    expect(log.filter((l) => l.includes(' inside a transaction')).length, log.join(', ')).toBeGreaterThan(0);
    const before = sqliteState(db).docs.size;
    const again = await atlas(['ingest', docs, '--db', db, '--json', '--no-diff']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ files: N, failed: 0, unchanged: before, added: N - before });
    const after = sqliteState(db);
    expect(after.docs.size).toBe(N);
    expect(await sqliteProblems(db, ack)).toEqual([]);
    const check = await atlas(['check', '--db', db]);
    expect(check.code, check.stdout).toBe(0);
  }, 90_000);

  it('during `atlas ingest --force` of reviewed documents keeps every document whole and every review applied', async () => {
    const db = copyStore(baseDb, join(work, 'force.db'));
    const store = await openStore(db);
    const ackReviews = new Set<string>();
    try {
      const claims = await store.claims();
      for (let i = 0; i < 12; i++) {
        const c = claims[Math.floor(rnd() * claims.length)]!;
        const r = await store.addReview(
          c.id,
          i % 3 === 0
            ? { action: 'correct', patch: { low: 500 + i, high: 500 + i }, note: null }
            : { action: i % 3 === 1 ? 'reject' : 'accept', patch: null, note: null },
        );
        ackReviews.add(r.review.id);
      }
    } finally {
      await store.close();
    }
    const all = [...ref.docs.keys()].filter((id) => id.startsWith('doc-'));
    const probe = new SqliteLockProbe(db);
    try {
      for (const how of ['inside', 'random'] as const) {
        const p = start(['ingest', docs, '--db', db, '--force', '--no-diff']);
        const { f, note } = await killIngest(p, how, N, () => probe.held());
        expect(f.signal, `${note}: the run ended by itself`).toBe('SIGKILL');
        probe.close();
        const state = sqliteState(db);
        const problems = await problemsOf(state, db, all, ackReviews);
        countKill(problems, f);
        expect(problems).toEqual([]);
        expect(state.docs.size).toBe(N);
      }
    } finally {
      probe.close();
    }
    const again = await atlas(['ingest', docs, '--db', db, '--force', '--json', '--no-diff']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ replaced: N, failed: 0, reviews: { orphaned: 0 } });
    expect(await sqliteProblems(db, all, ackReviews)).toEqual([]);
  }, 60_000);

  it('during review writes (`atlas review` in a loop, and a tight loop of reviews) loses no acknowledged review', async () => {
    const db = copyStore(baseDb, join(work, 'reviews.db'));
    const claims = [...ref.docs.values()].flatMap((d) => d.claimIds.split(' ')).filter((id) => id.startsWith('doc-'));
    const pick = () => claims[Math.floor(rnd() * claims.length)]!;
    const ack = new Set<string>();
    const probe = new SqliteLockProbe(db);
    let killed = 0;
    let cliMs = 1500;
    const log: string[] = [];
    try {
      // the command a reviewer types, three times: the 2nd killed inside its transaction if the
      // probe sees it, the 3rd at a random moment of its life
      for (let i = 0; i < 3; i++) {
        const action = [['--set', `value=${1000 + i}`], ['--reject'], ['--accept']][i % 3]!;
        const p = start(['review', pick(), ...action, '--db', db, '--json']);
        let f: Finished;
        if (i === 2) {
          const ms = between(cliMs * 0.5, cliMs * 1.1);
          f = await killAfter(p, ms);
          log.push(`atlas review killed ${ms} ms after its start`);
        } else if (i === 1) {
          const r = await killInside(p, () => probe.held(), cliMs * 3);
          f = r.finished;
          log.push(`atlas review killed ${r.inside ? 'inside' : 'NOT inside'} its transaction`);
        } else {
          f = await p.done;
          cliMs = performance.now() - p.startedAt;
          expect(f.code, f.stderr).toBe(0);
        }
        for (const id of acknowledgedReviews(f.stdout.split('\n')).keys()) ack.add(id);
        if (f.signal === 'SIGKILL') {
          killed++;
          probe.close();
          const problems = await sqliteProblems(db, [], ack);
          countKill(problems, f);
          expect(problems).toEqual([]);
        }
      }
      // a driver making reviews back to back (no process start between them), killed three times
      const driver = writeReviewDriver(work);
      for (let k = 0; k < 3; k++) {
        const p = start([db, '1000000', String(Math.floor(rnd() * 1e9)), ...claims.slice(0, 40)], { script: driver });
        const after = between(5, 120);
        await p.line(() => p.lines.length >= after);
        const r =
          k === 1 ? { inside: false, finished: await p.kill() } : await killInside(p, () => probe.held(), 5_000);
        const f = r.finished;
        log.push(`review loop killed after ${after} reviews${r.inside ? ', inside a transaction' : ''}`);
        expect(f.signal, f.stderr).toBe('SIGKILL');
        killed++;
        for (const id of acknowledgedReviews(f.stdout.split('\n')).keys()) ack.add(id);
        probe.close();
        const state = sqliteState(db);
        const problems = await problemsOf(state, db, [], ack);
        // at most the review in flight of each killed process is stored unacknowledged
        const unacknowledged = [...state.reviews.keys()].filter((id) => !ack.has(id)).length;
        if (unacknowledged > killed) problems.push(`${unacknowledged} unacknowledged reviews after ${killed} kills`);
        countKill(problems, f);
        expect(problems).toEqual([]);
      }
    } finally {
      probe.close();
    }
    console.info(`review kills: ${log.join('; ')}`);
    expect(ack.size).toBeGreaterThan(10);
  }, 60_000);
});

// ---- migration ----

/** a version 1 store (WAL) with `copies` x the first folder's documents, built through the driver */
function buildV1(path: string, copies: number): void {
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    migrateTo(db, 1);
    db.prepare('ATTACH ? AS ref').run(baseDb);
    const v1 = CLAIM_COLUMNS.slice(0, CLAIM_COLUMNS.indexOf('status'));
    const renamed = (cols: readonly string[], s: string) =>
      cols.map((c) => (c === 'id' || c === 'document' ? `${c} || ${s}` : c)).join(', ');
    db.transaction(() => {
      db.exec('INSERT INTO places SELECT * FROM ref.places');
      for (let m = 0; m < copies; m++) {
        const s = `'~${m}'`;
        db.exec(`INSERT INTO documents SELECT id || ${s}, title, source, pub_date, licence, format, hash, path, extractor, text, length, ingested_at FROM ref.documents;
          INSERT INTO sections SELECT document || ${s}, idx, title, level, span_start, span_end, parent FROM ref.sections;
          INSERT INTO sentences (document, idx, span_start, span_end, section, text) SELECT document || ${s}, idx, span_start, span_end, section, text FROM ref.sentences;
          INSERT INTO claims (${v1.join(', ')}) SELECT ${renamed(v1, s)} FROM ref.claims;
          INSERT INTO events (${EVENT_COLUMNS.join(', ')}) SELECT ${renamed(EVENT_COLUMNS, s)} FROM ref.events;
          INSERT INTO document_places SELECT document || ${s}, place FROM ref.document_places;
          INSERT INTO entities SELECT document || ${s}, kind, name, mentions FROM ref.entities;`);
      }
    })();
    db.exec('DETACH ref');
  } finally {
    db.close();
  }
}

/** the schema (sqlite_master) and row counts of a store, through the driver */
function shape(path: string): { version: number; schema: string; counts: Record<string, number> } {
  const db = new Database(path);
  try {
    db.pragma('busy_timeout = 5000');
    // the planner's statistics (sqlite_stat*) come and go with `PRAGMA optimize` at close
    const schema = (
      db
        .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name")
        .all() as object[]
    )
      .map((r) => JSON.stringify(r))
      .join('\n');
    const counts: Record<string, number> = {};
    for (const t of [
      'documents',
      'sections',
      'sentences',
      'claims',
      'events',
      'places',
      'document_places',
      'entities',
    ]) {
      counts[t] = (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
    }
    const version = (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number }).v;
    return { version, schema, counts };
  } finally {
    db.close();
  }
}

describe('SQLite: migration', () => {
  let pristine: string;
  let old: ReturnType<typeof shape>;
  let migrated: ReturnType<typeof shape>;
  let migrateMs = 1500;

  beforeAll(async () => {
    pristine = join(work, 'v1-pristine.db');
    buildV1(pristine, 6);
    old = shape(pristine);
    expect(old.version).toBe(1);
    // an uninterrupted migration, by the code `atlas migrate` runs: what it makes, and about how
    // long the command takes (its start, as measured for ingest, and the migration)
    const done = copyStore(pristine, join(work, 'v1-done.db'));
    const t0 = performance.now();
    const db = new Database(done);
    try {
      db.pragma('journal_mode = WAL');
      migrateTo(db);
    } finally {
      db.close();
    }
    migrateMs = startupMs + performance.now() - t0;
    migrated = shape(done);
    expect(migrated.version).toBe(LATEST_VERSION);
    expect(migrated.counts).toEqual(old.counts);
  }, 60_000);

  it('`atlas migrate` killed mid-way leaves the old version or the new one, whole, never half', async () => {
    const db = join(work, 'v1.db');
    copyStore(pristine, db);
    const log: string[] = [];
    for (let k = 0; k < 3; k++) {
      const probe = new SqliteLockProbe(db);
      const p = start(['migrate', '--db', db]);
      let f: Finished;
      if (k % 2 === 0) {
        const r = await killInside(p, () => probe.held(), migrateMs * 3);
        f = r.finished;
        log.push(r.inside ? 'inside the migration' : 'outside');
      } else {
        const ms = between(migrateMs * 0.4, migrateMs);
        f = await killAfter(p, ms);
        log.push(`${ms} ms`);
      }
      probe.close();
      const now = shape(db);
      const problems = [...sqliteState(db).problems];
      if (now.version !== 1 && now.version !== LATEST_VERSION) problems.push(`version ${now.version}`);
      if (JSON.stringify(now.counts) !== JSON.stringify(old.counts))
        problems.push(`counts ${JSON.stringify(now.counts)}`);
      const want = now.version === 1 ? old.schema : migrated.schema;
      if (now.schema !== want) problems.push(`schema of version ${now.version} is not as expected:\n${now.schema}`);
      log[log.length - 1] += ` -> version ${now.version}`;
      if (f.signal === 'SIGKILL') countKill(problems, f);
      expect(problems, log.join(', ')).toEqual([]);
      // start again from version 1 when the kill came after the commit
      if (now.version !== 1) copyStore(pristine, db);
    }
    expect(
      log.some((l) => l.startsWith('inside')),
      log.join(', '),
    ).toBe(true);
    const r = await atlas(['migrate', '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    // what it did, though opening the store ran the steps before `migrate` asked
    expect(r.stdout).toMatch(
      new RegExp(`migrated from version 1 to ${LATEST_VERSION} \\(2 full-text search over sentences, 3 reviews, 4 `),
    );
    expect(shape(db)).toEqual(migrated);
    const check = await atlas(['check', '--db', db]);
    expect(check.code, check.stdout).toBe(0);
    console.info(`migration kills: ${log.join('; ')}`);
  }, 60_000);

  it('a disk that fills up during the migration: one line, exit 1, the store left at version 1 untouched', async () => {
    const db = copyStore(pristine, join(work, 'v1-full.db'));
    const preload = writeDiskFullPreload(work);
    const f = await atlas(['migrate', '--db', db], {
      nodeArgs: ['--require', preload],
      env: { ATLAS_TEST_SLACK_PAGES: '0' },
    });
    expectOneLineError(f, /disk is full/);
    expect(shape(db)).toEqual(old);
    expect(sqliteState(db).problems).toEqual([]);
  }, 30_000);
});

// ---- a full disk, a read-only store ----

describe('SQLite: full disk and read-only store', () => {
  it('a disk that fills up during `atlas ingest` (SQLITE_FULL): one line, exit 1, nothing lost; a re-run completes', async () => {
    const db = copyStore(baseDb, join(work, 'full.db'));
    const preload = writeDiskFullPreload(work);
    const f = await atlas(['ingest', docs2, '--db', db, '--no-diff'], {
      nodeArgs: ['--require', preload],
      env: { ATLAS_TEST_SLACK_PAGES: '150' },
    });
    const acks = acknowledged(f.stdout.split('\n')).map((a) => a.id);
    expect(acks.length).toBeGreaterThan(0);
    expect(acks.length).toBeLessThan(N2);
    expectOneLineError(f, /cannot store document more-\d+: database or disk is full/);
    const state = sqliteState(db);
    expect(state.docs.size).toBe(N + acks.length);
    expect(
      await problemsOf(state, db, [...acks, ...[...ref.docs.keys()].filter((id) => id.startsWith('doc-'))], []),
    ).toEqual([]);
    const again = await atlas(['ingest', docs2, '--db', db, '--json', '--no-diff']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ unchanged: acks.length, added: N2 - acks.length });
    expect(sqliteState(db).docs.size).toBe(N + N2);
  }, 30_000);

  it('a file-size limit hit during `atlas ingest` (the OS refuses the write): one line, exit 1, nothing lost', async () => {
    const db = copyStore(baseDb, join(work, 'fsize.db'));
    // the WAL grows past the limit after a few documents; the store file itself is below it
    const limit = Math.ceil(statSync(db).size / 1024) + 300;
    const f = await atlas(['ingest', docs2, '--db', db, '--no-diff'], { fileSizeLimitKiB: limit });
    const acks = acknowledged(f.stdout.split('\n')).map((a) => a.id);
    expect(acks.length).toBeLessThan(N2);
    expectOneLineError(f, /cannot store document more-\d+: (disk I\/O error|database or disk is full)/);
    const state = sqliteState(db);
    expect(state.docs.size).toBe(N + acks.length);
    expect(await problemsOf(state, db, acks, [])).toEqual([]);
  }, 30_000);

  it('a read-only store: ingest and review get one line and exit 1; the store is unchanged', async () => {
    const dir = mkdtempSync(join(work, 'readonly-'));
    const db = copyStore(baseDb, join(dir, 'atlas.db'));
    const claim = ref.docs.get('doc-000')!.claimIds.split(' ')[0]!;
    // root writes whatever the permissions say: run the CLI as nobody then
    const as = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    try {
      // the file read-only in a writable folder (SQLite can still make its -wal and -shm)
      chmodSync(dir, 0o777);
      chmodSync(db, 0o444);
      expectOneLineError(await atlas(['ingest', docs2, '--db', db], as), /read-?only/);
      expectOneLineError(await atlas(['review', claim, '--reject', '--db', db], as), /read-?only/);
      // the folder read-only too: refused when opened
      chmodSync(dir, 0o555);
      expectOneLineError(await atlas(['ingest', docs2, '--db', db], as), /read-?only/);
    } finally {
      chmodSync(dir, 0o755);
      chmodSync(db, 0o644);
    }
    const state = sqliteState(db);
    expect(state.docs.size).toBe(N);
    expect(state.reviews.size).toBe(0);
    expect(await problemsOf(state, db, [], [])).toEqual([]);
  }, 30_000);
});

// ---- PostgreSQL ----

withPostgres('PostgreSQL crash test', (base) => {
  describe('PostgreSQL: SIGKILL', () => {
    // a schema of its own: test files run in parallel against one database
    const schema = `crash_${randomBytes(6).toString('hex')}`;
    const app = `atlas-${schema}`;
    const db = pgUrl(base, schema, app);
    const admin = new pg.Client({ connectionString: base });

    beforeAll(async () => {
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
    });
    afterAll(async () => {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    });

    it('during `atlas ingest` loses no acknowledged document; a re-run completes', async () => {
      const ack = new Set<string>();
      const log: string[] = [];
      for (const how of ['inside', 'random', 'inside'] as const) {
        const p = start(['ingest', docs, '--db', db, '--no-diff']);
        const { f, note } = await killIngest(p, how, N - ack.size, () => pgWriting(admin, app));
        log.push(note);
        expect(f.signal, `${note}: the run ended by itself`).toBe('SIGKILL');
        for (const a of acknowledged(f.stdout.split('\n'))) if (a.status === 'added') ack.add(a.id);
        const state = await postgresState(db);
        const problems = await problemsOf(state, db, ack, []);
        countKill(problems, f);
        expect(problems, log.join(', ')).toEqual([]);
      }
      const before = (await postgresState(db)).docs.size;
      const again = await atlas(['ingest', docs, '--db', db, '--json', '--no-diff']);
      expect(again.code, again.stderr).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({ files: N, failed: 0, unchanged: before, added: N - before });
      const state = await postgresState(db);
      expect(state.docs.size).toBe(N);
      expect(await problemsOf(state, db, ack, [])).toEqual([]);
    }, 90_000);
  });
});
