// Shared helpers of the crash and concurrency tests: spawning `atlas` as a user runs it
// (bin/atlas.js, so the build in dist/), killing it at a chosen moment, waiting on its output
// instead of sleeping, and reading what a store holds with the bare drivers (better-sqlite3, pg)
// rather than through the code under test, to compare it with a reference.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

export const ROOT = join(import.meta.dirname, '..', '..');
export const ATLAS_BIN = join(ROOT, 'bin', 'atlas.js');
export const SEED_TEXT = readFileSync(join(ROOT, 'corpus', 'north-koreans-in-russia.txt'), 'utf8');

/** ATLAS_DB and ATLAS_TOKEN of the caller's shell must not leak into the processes under test */
const BASE_ENV: NodeJS.ProcessEnv = { ...process.env, ATLAS_DB: '', ATLAS_TOKEN: '', ATLAS_DEBUG: '' };

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** killed by the helpers' own timeout: it hung */
  timedOut: boolean;
}

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  /** arguments for node before the script (`--require preload.cjs`) */
  nodeArgs?: string[];
  /** run as this user (root can only be stopped by permissions when it is someone else) */
  uid?: number;
  gid?: number;
  /** a file-size limit in KiB (`ulimit -f`): writes beyond it fail as on a full disk */
  fileSizeLimitKiB?: number;
  /** the process is SIGKILLed after this long: a hang fails the test instead of the suite */
  timeoutMs?: number;
  /** the script to run instead of bin/atlas.js (a driver written by `writeDriver`) */
  script?: string;
}

const running = new Set<ChildProcess>();

/** A spawned process, its output so far, and ways to wait on it. */
export class Running {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  /** complete stdout lines so far */
  readonly lines: string[] = [];
  readonly done: Promise<Finished>;
  readonly startedAt = performance.now();
  timedOut = false;
  private partial = '';
  private listeners = new Set<() => void>();

  constructor(args: string[], options: StartOptions = {}) {
    const node = [...(options.nodeArgs ?? []), options.script ?? ATLAS_BIN, ...args];
    const [command, argv] =
      options.fileSizeLimitKiB === undefined
        ? [process.execPath, node]
        : ['bash', ['-c', `ulimit -f ${options.fileSizeLimitKiB} && exec "$0" "$@"`, process.execPath, ...node]];
    this.child = spawn(command, argv, {
      cwd: ROOT,
      env: { ...BASE_ENV, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid ?? options.uid }),
    });
    running.add(this.child);
    this.child.stdout!.on('data', (d: Buffer) => {
      this.stdout += d;
      const parts = (this.partial + d.toString()).split('\n');
      this.partial = parts.pop()!;
      this.lines.push(...parts);
      this.notify();
    });
    this.child.stderr!.on('data', (d: Buffer) => {
      this.stderr += d;
    });
    const timer = setTimeout(() => {
      this.timedOut = true;
      this.child.kill('SIGKILL');
    }, options.timeoutMs ?? 60_000);
    this.done = new Promise((resolve) => {
      this.child.on('close', (code, signal) => {
        clearTimeout(timer);
        running.delete(this.child);
        if (this.partial) this.lines.push(this.partial);
        this.partial = '';
        this.notify();
        resolve({ code, signal, stdout: this.stdout, stderr: this.stderr, timedOut: this.timedOut });
      });
    });
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  /**
   * The first stdout line (earlier ones included) that `match` accepts, or null when the process
   * ends without one.
   */
  line(match: (line: string) => boolean): Promise<string | null> {
    return new Promise((resolve) => {
      const look = () => {
        const found = this.lines.find(match);
        if (found !== undefined || !this.alive || this.child.stdout!.readableEnded) {
          this.listeners.delete(look);
          resolve(found ?? null);
        }
      };
      this.listeners.add(look);
      look();
    });
  }

  /** SIGKILL now (if still running) and wait for the end */
  kill(): Promise<Finished> {
    if (this.alive) this.child.kill('SIGKILL');
    return this.done;
  }
}

export function start(args: string[], options: StartOptions = {}): Running {
  return new Running(args, options);
}

/** runs `atlas ARGS...` to its end */
export function atlas(args: string[], options: StartOptions = {}): Promise<Finished> {
  return start(args, options).done;
}

/** SIGKILLs every process these helpers started and that still runs (for afterAll) */
export function killStragglers(): void {
  for (const c of running) c.kill('SIGKILL');
}

/**
 * What a user must never see: a stack trace, an internal error (exit 70), or a process ended by a
 * signal we did not send. Returns a description per crash.
 */
export function crashesIn(f: Finished, { killed = false } = {}): string[] {
  const out: string[] = [];
  if (/\n\s+at /.test(f.stderr) || /internal error/i.test(f.stderr)) out.push(`stack or internal error: ${f.stderr}`);
  if (f.code === 70) out.push('exit 70 (internal error)');
  if (f.timedOut) out.push('hung: killed by the test timeout');
  else if (f.signal && !killed) out.push(`ended by ${f.signal}`);
  return out;
}

/** a small seeded PRNG (mulberry32), so a failing run can be replayed with ATLAS_ROBUSTNESS_SEED */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedFor(suite: string): number {
  const seed = Number(process.env.ATLAS_ROBUSTNESS_SEED) || Math.floor(Math.random() * 1e9);
  console.info(`${suite}: ATLAS_ROBUSTNESS_SEED=${seed} replays this run's kill moments`);
  return seed;
}

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---- documents ----

/**
 * `n` distinct documents in `dir` built from the bundled article: its figures changed per
 * document (so each has its own hash and claims), and twice its length, so that a write
 * transaction is long enough for a kill to land inside it now and then.
 */
export function writeCorpus(dir: string, n: number, tag: string): string[] {
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (let i = 0; i < n; i++) {
    const path = join(dir, `${tag}-${String(i).padStart(3, '0')}.txt`);
    writeFileSync(path, variant(tag, i));
    paths.push(path);
  }
  return paths;
}

/** the `i`th document of `tag`; `edited` moves every sentence (a paragraph added on top) and drops one */
export function variant(tag: string, i: number, edited = false): string {
  const figures = (s: string, k: number) =>
    s
      .replaceAll('10,000', `${10 + k},000`)
      .replaceAll('12,000', `${12 + (k % 50)},500`)
      .replaceAll('1,500', `${(1 + k) % 9},${String(k % 1000).padStart(3, '0')}`);
  const body = SEED_TEXT.slice(SEED_TEXT.indexOf('\n') + 1);
  const title = `= ${tag} ${i}: North Koreans in Russia =\n`;
  let text = `${title}${figures(body, i)}\n${figures(body, i + 500)}`;
  if (edited) {
    const firstStop = text.indexOf('. ', title.length + 200);
    text = `${title}An editor added this paragraph; some ${200 + i} workers were recorded in 2001.\n${text.slice(title.length, firstStop + 2)}${text.slice(text.indexOf('. ', firstStop + 2) + 2)}`;
  }
  return text;
}

/** documents a `atlas ingest` run acknowledged: `added     id (17 claims, 21 events...)` */
export interface Ack {
  id: string;
  status: 'added' | 'replaced' | 'unchanged';
  claims: number | null;
  events: number | null;
}

export function acknowledged(lines: readonly string[]): Ack[] {
  const out: Ack[] = [];
  for (const l of lines) {
    const m = /^(added|replaced|unchanged)\s+(\S+)(?: \((\d+) claims, (\d+) events)?/.exec(l);
    if (m)
      out.push({ id: m[2]!, status: m[1] as Ack['status'], claims: m[3] ? +m[3] : null, events: m[4] ? +m[4] : null });
  }
  return out;
}

// ---- what a store holds, read with the bare driver ----

/** one stored document, reduced to what tells a whole document from a partial one */
export interface DocState {
  hash: string;
  claims: number;
  events: number;
  sentences: number;
  sections: number;
  entities: number;
  places: number;
  /** sorted claim ids, joined */
  claimIds: string;
}

export interface ReviewState {
  id: string;
  claim: string | null;
  state: string;
  action: string;
  seq: number;
}

export interface StoreState {
  version: number;
  /** integrity_check, foreign_key_check and the full-text index's own check */
  problems: string[];
  docs: Map<string, DocState>;
  reviews: Map<string, ReviewState>;
  /** claim id -> status */
  status: Map<string, string>;
}

const DOC_STATE_SQL = `SELECT d.id, d.hash,
  (SELECT count(*) FROM claims c WHERE c.document = d.id) AS claims,
  (SELECT count(*) FROM events e WHERE e.document = d.id) AS events,
  (SELECT count(*) FROM sentences s WHERE s.document = d.id) AS sentences,
  (SELECT count(*) FROM sections s WHERE s.document = d.id) AS sections,
  (SELECT count(*) FROM entities s WHERE s.document = d.id) AS entities,
  (SELECT count(*) FROM document_places s WHERE s.document = d.id) AS places
  FROM documents d`;

type Row = Record<string, unknown>;

function docStates(rows: Row[], claimRows: Row[]): Map<string, DocState> {
  const ids = new Map<string, string[]>();
  for (const r of claimRows) {
    const list = ids.get(r.document as string) ?? [];
    list.push(r.id as string);
    ids.set(r.document as string, list);
  }
  const out = new Map<string, DocState>();
  for (const r of rows) {
    out.set(r.id as string, {
      hash: r.hash as string,
      claims: Number(r.claims),
      events: Number(r.events),
      sentences: Number(r.sentences),
      sections: Number(r.sections),
      entities: Number(r.entities),
      places: Number(r.places),
      claimIds: (ids.get(r.id as string) ?? []).sort().join(' '),
    });
  }
  return out;
}

/**
 * A SQLite store as the bare driver sees it, without migrating it: what a killed process left.
 * A missing or empty file is version 0 with nothing in it.
 */
export function sqliteState(path: string): StoreState {
  const empty: StoreState = { version: 0, problems: [], docs: new Map(), reviews: new Map(), status: new Map() };
  if (!existsSync(path)) return empty;
  const db = new Database(path);
  try {
    db.pragma('busy_timeout = 5000');
    const problems: string[] = [];
    for (const r of db.pragma('integrity_check') as Row[]) {
      if (r.integrity_check !== 'ok') problems.push(`integrity_check: ${r.integrity_check}`);
    }
    for (const r of db.pragma('foreign_key_check') as Row[]) problems.push(`foreign_key_check: ${JSON.stringify(r)}`);
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Row[]).map((r) => r.name as string),
    );
    if (!tables.has('schema_migrations')) {
      if (tables.size > 0) problems.push(`tables without schema_migrations: ${[...tables].join(', ')}`);
      return { ...empty, problems };
    }
    const version = (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as Row).v as number;
    if (tables.has('sentences_fts')) {
      try {
        db.prepare("INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)").run();
      } catch (err) {
        problems.push(`full-text index: ${(err as Error).message}`);
      }
    }
    const docs = docStates(
      db.prepare(DOC_STATE_SQL).all() as Row[],
      db.prepare('SELECT id, document FROM claims').all() as Row[],
    );
    const reviews = new Map<string, ReviewState>();
    const status = new Map<string, string>();
    if (tables.has('reviews')) {
      for (const r of db.prepare('SELECT id, claim, state, action, seq FROM reviews').all() as Row[]) {
        reviews.set(r.id as string, r as unknown as ReviewState);
      }
      for (const r of db.prepare("SELECT id, status FROM claims WHERE status <> 'machine'").all() as Row[]) {
        status.set(r.id as string, r.status as string);
      }
    }
    return { version, problems, docs, reviews, status };
  } finally {
    db.close();
  }
}

/** The same, of a PostgreSQL store (`url` carries its search_path). */
export async function postgresState(url: string): Promise<StoreState> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const q = async (sql: string) => (await client.query(sql)).rows as Row[];
    const tables = new Set(
      (await q('SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()')).map(
        (r) => r.name as string,
      ),
    );
    if (!tables.has('schema_migrations')) {
      return { version: 0, problems: [], docs: new Map(), reviews: new Map(), status: new Map() };
    }
    const version = Number((await q('SELECT max(version) AS v FROM schema_migrations'))[0]!.v);
    const docs = docStates(await q(DOC_STATE_SQL), await q('SELECT id, document FROM claims'));
    const reviews = new Map<string, ReviewState>();
    const status = new Map<string, string>();
    if (tables.has('reviews')) {
      for (const r of await q('SELECT id, claim, state, action, seq FROM reviews')) {
        reviews.set(r.id as string, { ...(r as unknown as ReviewState), seq: Number(r.seq) });
      }
      for (const r of await q("SELECT id, status FROM claims WHERE status <> 'machine'")) {
        status.set(r.id as string, r.status as string);
      }
    }
    return { version, problems: [], docs, reviews, status };
  } finally {
    await client.end();
  }
}

/** differences between a stored document and what an uninterrupted ingest stored for it */
export function docDifference(id: string, got: DocState | undefined, want: DocState | undefined): string | null {
  if (!want) return `${id}: not in the reference`;
  if (!got) return `${id}: missing`;
  for (const k of Object.keys(want) as (keyof DocState)[]) {
    if (got[k] !== want[k])
      return `${id}: ${k} is ${String(got[k]).slice(0, 80)}, expected ${String(want[k]).slice(0, 80)}`;
  }
  return null;
}

/**
 * The status each reviewed claim must have, replaying its applied reviews in the order they were
 * made (src/store/review.ts applyReview): reject -> rejected; correct -> corrected; accept ->
 * accepted, or corrected once any correction was made (accepting keeps the correction).
 */
export function expectedStatuses(reviews: Iterable<ReviewState>): Map<string, string> {
  const byClaim = new Map<string, ReviewState[]>();
  for (const r of reviews) {
    if (r.state !== 'applied' || !r.claim) continue;
    const list = byClaim.get(r.claim) ?? [];
    list.push(r);
    byClaim.set(r.claim, list);
  }
  const out = new Map<string, string>();
  for (const [claim, list] of byClaim) {
    let status = 'machine';
    let corrected = false;
    for (const r of list.sort((a, b) => a.seq - b.seq)) {
      if (r.action === 'correct') corrected = true;
      status = r.action === 'reject' ? 'rejected' : corrected ? 'corrected' : 'accepted';
    }
    out.set(claim, status);
  }
  return out;
}

/** claims whose stored status is not what their reviews say, as messages */
export function statusProblems(state: StoreState): string[] {
  const want = expectedStatuses(state.reviews.values());
  const out: string[] = [];
  for (const [claim, status] of want) {
    if (state.status.get(claim) !== status)
      out.push(`${claim}: status ${state.status.get(claim)}, reviews say ${status}`);
  }
  for (const [claim, status] of state.status) {
    if (!want.has(claim)) out.push(`${claim}: status ${status} without an applied review`);
  }
  return out;
}

// ---- catching a writer inside its transaction ----

/**
 * Whether some connection holds the write lock of a SQLite store (a writer is inside its
 * transaction): BEGIN IMMEDIATE with no busy timeout fails at once then. The probe's own
 * transaction is empty and rolled back at once; a writer that meets it waits out a millisecond
 * in its busy handler.
 */
export class SqliteLockProbe {
  private db: Database.Database | null = null;
  constructor(private readonly path: string) {}

  held(): boolean {
    if (!this.db) {
      // never create the file: opening first would decide its journal mode before the writer
      if (!existsSync(this.path)) return false;
      this.db = new Database(this.path);
      this.db.pragma('busy_timeout = 0');
    }
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch (err) {
      if (/SQLITE_BUSY|SQLITE_LOCKED/.test((err as { code?: string }).code ?? '')) return true;
      throw err;
    }
    this.db.exec('ROLLBACK');
    return false;
  }

  close(): void {
    this.db?.close();
    this.db = null;
  }
}

/**
 * SIGKILLs `p` the moment `inside()` says it is inside a write transaction; if that is not seen
 * within `withinMs`, kills it there anyway. Polls about every millisecond. Returns whether the
 * kill landed inside a transaction.
 */
export async function killInside(
  p: Running,
  inside: () => boolean | Promise<boolean>,
  withinMs: number,
): Promise<{ inside: boolean; finished: Finished }> {
  const until = performance.now() + withinMs;
  while (p.alive && performance.now() < until) {
    if (await inside()) {
      p.child.kill('SIGKILL');
      return { inside: true, finished: await p.done };
    }
    await new Promise((r) => setImmediate(r));
  }
  return { inside: false, finished: await p.kill() };
}

/** SIGKILLs `p` after `ms` (or leaves it be when it ended before) */
export async function killAfter(p: Running, ms: number): Promise<Finished> {
  await Promise.race([delay(ms), p.done]);
  return p.kill();
}

// ---- PostgreSQL ----

/** first key of the advisory lock PostgresStore holds while writing a document (src/store/postgres.ts) */
const DOCUMENT_LOCK = 0x41544c44;

/** `base` with every table in `schema` and connections named `app` (to find them in pg_stat_activity) */
export function pgUrl(base: string, schema: string, app: string): string {
  const u = new URL(base);
  u.searchParams.set('options', `-csearch_path=${schema}`);
  u.searchParams.set('application_name', app);
  return u.toString();
}

/** whether a connection named `app` is inside a document write (holds the document lock) */
export async function pgWriting(admin: pg.Client, app: string): Promise<boolean> {
  const r = await admin.query(
    `SELECT 1 FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
      WHERE l.locktype = 'advisory' AND l.classid = $1 AND l.granted AND a.application_name = $2 LIMIT 1`,
    [DOCUMENT_LOCK, app],
  );
  return r.rowCount! > 0;
}

// ---- drivers: many writes from one process, each acknowledged on stdout after its commit ----

/**
 * A script that makes `count` reviews through the built store (dist/), one transaction each,
 * printing `ok REVIEW CLAIM ACTION` after each commit: `atlas review` in a loop without a
 * process start per review, so that writes are dense enough for kills and races to land
 * inside them. Arguments: DB COUNT SEED CLAIM... (claims as ids).
 */
const REVIEW_DRIVER = `
import { openStore } from ${JSON.stringify(join(ROOT, 'dist', 'store', 'open.js'))};
const [db, count, seed, ...claims] = process.argv.slice(2);
let a = Number(seed) >>> 0;
const rnd = () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const store = await openStore(db);
try {
  for (let i = 0; i < Number(count); i++) {
    const claim = claims[Math.floor(rnd() * claims.length)];
    const pick = rnd();
    const review = pick < 0.4
      ? { action: 'correct', patch: { low: 1000 + i, high: 1000 + i, approx: 'exact' }, note: 'driver ' + seed }
      : { action: pick < 0.7 ? 'accept' : 'reject', patch: null, note: null };
    const r = await store.addReview(claim, review);
    process.stdout.write('ok ' + r.review.id + ' ' + claim + ' ' + review.action + '\\n');
  }
} finally {
  await store.close();
}
`;

/**
 * A script that replaces one document back and forth between two versions (two files given the
 * same id) as fast as the store takes it, for `SECONDS`, printing `ok N HASH` after each commit.
 * Arguments: DB SECONDS ID FILE_A FILE_B.
 */
const REPLACE_DRIVER = `
import { readFileSync } from 'node:fs';
import { openStore } from ${JSON.stringify(join(ROOT, 'dist', 'store', 'open.js'))};
import { prepareText } from ${JSON.stringify(join(ROOT, 'dist', 'ingest', 'prepare.js'))};
const [db, seconds, id, ...files] = process.argv.slice(2);
const versions = files.map((f) => prepareText(f, readFileSync(f, 'utf8'), { id }));
const store = await openStore(db);
try {
  const until = Date.now() + Number(seconds) * 1000;
  for (let i = 0; Date.now() < until; i++) {
    const v = versions[i % versions.length];
    await store.putDocument(v);
    process.stdout.write('ok ' + i + ' ' + v.hash + '\\n');
  }
} finally {
  await store.close();
}
`;

export function writeReplaceDriver(dir: string): string {
  const path = join(dir, 'replace-driver.mjs');
  writeFileSync(path, REPLACE_DRIVER);
  return path;
}

/** writes the review driver into `dir`, returns its path (for `start(args, { script })`) */
export function writeReviewDriver(dir: string): string {
  const path = join(dir, 'review-driver.mjs');
  writeFileSync(path, REVIEW_DRIVER);
  return path;
}

/** reviews a driver or `atlas review --json` acknowledged: id -> claim */
export function acknowledgedReviews(lines: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of lines) {
    const m = /^ok (\S+) (\S+)/.exec(l);
    if (m) out.set(m[1]!, m[2]!);
    else if (l.startsWith('{')) {
      try {
        const r = JSON.parse(l) as { review?: { id: string; claim: string } };
        if (r.review) out.set(r.review.id, r.review.claim);
      } catch {
        // a line cut by the kill: not acknowledged
      }
    }
  }
  return out;
}

/**
 * A `--require` preload that caps every SQLite database the process opens at its current size
 * plus `ATLAS_TEST_SLACK_PAGES` pages (PRAGMA max_page_count, per connection): the disk is full
 * a few pages on, and SQLite answers SQLITE_FULL as it would on a full disk. It hooks the last
 * pragma SqliteStore.open runs; test-only, the program is not changed for it.
 */
export function writeDiskFullPreload(dir: string): string {
  const path = join(dir, 'disk-full.cjs');
  writeFileSync(
    path,
    `const Database = require(${JSON.stringify(join(ROOT, 'node_modules', 'better-sqlite3'))});
const pragma = Database.prototype.pragma;
const capped = new WeakSet();
Database.prototype.pragma = function (source, options) {
  const out = pragma.call(this, source, options);
  if (!capped.has(this) && /^foreign_keys/.test(source)) {
    capped.add(this);
    const pages = pragma.call(this, 'page_count', { simple: true });
    pragma.call(this, 'max_page_count = ' + (pages + Number(process.env.ATLAS_TEST_SLACK_PAGES || 0)));
  }
  return out;
};
`,
  );
  return path;
}
