// Concurrency, against the built CLI (`node bin/atlas.js`, so dist/): `atlas serve` answering a
// loop of API queries while `atlas ingest` adds and then replaces documents in the same store;
// two `atlas ingest` processes on disjoint folders into one new store (both creating it), then
// both again with --force; two review writers (and `atlas review` commands) on the same claims
// while an ingest re-applies the reviews of their documents. No response may be an error or
// malformed, no process may fail or print SQLITE_BUSY, and every acknowledged document and
// review must be there at the end. SQLite always; PostgreSQL when ATLAS_TEST_PG is set.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { withPostgres } from '../postgres.js';
import {
  type Ack,
  acknowledged,
  acknowledgedReviews,
  crashesIn,
  type Finished,
  killStragglers,
  pgUrl,
  postgresState,
  random,
  type StoreState,
  seedFor,
  sqliteState,
  start,
  statusProblems,
  variant,
  writeCorpus,
  writeReplaceDriver,
  writeReviewDriver,
} from './processes.js';
import { resetTally, tally } from './tally.js';

const SUITE = 'concurrency';
const rnd = random(seedFor(SUITE));
/** documents per folder */
const N = 8;

let work: string;
/** two disjoint folders, and the first again with every document edited (same names, new text) */
let alpha: string;
let beta: string;
let alphaEdited: string;
let driver: string;
let replaceDriver: string;

beforeAll(() => {
  resetTally(SUITE);
  work = mkdtempSync(join(tmpdir(), 'atlas-concurrency-'));
  alpha = join(work, 'alpha');
  beta = join(work, 'beta');
  alphaEdited = join(work, 'alpha-edited');
  writeCorpus(alpha, N, 'alpha');
  writeCorpus(beta, N, 'beta');
  // same file names (so the same document ids), every sentence moved and one dropped
  writeCorpus(alphaEdited, N, 'alpha');
  for (let i = 0; i < N; i++) {
    writeFileSync(join(alphaEdited, `alpha-${String(i).padStart(3, '0')}.txt`), variant('alpha', i, true));
  }
  driver = writeReviewDriver(work);
  replaceDriver = writeReplaceDriver(work);
});

afterAll(() => {
  killStragglers();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** no failure, no stack trace, no busy store on stderr */
function clean(f: Finished, what: string): string[] {
  const out = crashesIn(f).map((c) => `${what}: ${c}`);
  if (f.code !== 0) out.push(`${what}: exit ${f.code}: ${f.stderr}`);
  if (/BUSY|locked/i.test(f.stderr)) out.push(`${what}: ${f.stderr}`);
  return out;
}

/** the last acknowledgement of each document: what the store must hold for it */
function lastAcks(runs: Finished[]): Map<string, Ack> {
  const out = new Map<string, Ack>();
  for (const r of runs) for (const a of acknowledged(r.stdout.split('\n'))) out.set(a.id, a);
  return out;
}

/** acknowledged documents missing or not as acknowledged (claim and event counts) */
function lostDocuments(state: StoreState, acks: Map<string, Ack>): string[] {
  const out: string[] = [];
  for (const [id, a] of acks) {
    const d = state.docs.get(id);
    if (!d) out.push(`${id}: acknowledged, missing`);
    else if (a.claims !== null && (d.claims !== a.claims || d.events !== a.events)) {
      out.push(`${id}: ${d.claims} claims, ${d.events} events; acknowledged ${a.claims}, ${a.events}`);
    }
  }
  return out;
}

interface Backend {
  kind: 'sqlite' | 'postgres';
  /** a new, empty store location */
  fresh(): Promise<string>;
  state(db: string): Promise<StoreState>;
}

/** the store's own integrity check (`atlas check`), through the code under test */
async function integrity(db: string): Promise<string[]> {
  const store = await openStore(db);
  try {
    return await store.integrityCheck();
  } finally {
    await store.close();
  }
}

// ---- the API while ingest writes ----

interface Probe {
  path: string;
  /** problems with a 200 response's body, none when it is well-formed */
  check(body: unknown, text: string): string[];
}

type Json = Record<string, unknown>;
type Claim = { text: string; span: [number, number]; sentence: [number, number] };

/** every claim's span quotes its text, every sentence lies in the text */
function documentProblems(doc: Json): string[] {
  const text = doc.text as string;
  const out: string[] = [];
  for (const c of doc.claims as Claim[]) {
    if (text.slice(c.span[0], c.span[1]) !== c.text) out.push(`claim "${c.text}" does not quote the document text`);
  }
  for (const s of doc.sentences as { start: number; end: number }[]) {
    if (s.end > text.length) out.push('a sentence ends past the text');
  }
  return out;
}

function probes(ids: string[]): Probe[] {
  const id = () => ids[Math.floor(rnd() * ids.length)]!;
  const isArray = (what: string) => (b: unknown) => (Array.isArray(b) ? [] : [`${what}: not an array`]);
  const list: Probe[] = [
    {
      path: '/api/documents',
      check: (b) =>
        Array.isArray(b) && (b as Json[]).every((d) => typeof d.id === 'string' && typeof d.claims === 'number')
          ? []
          : ['documents: malformed'],
    },
    {
      path: '/api/claims?limit=50',
      // total is counted in a read of its own, so a commit between it and the list may make it
      // disagree with the list (a known gap): only the list's shape is checked
      check: (b) => {
        const r = b as { total: number; claims: (Json & { sentenceText: string })[] };
        return typeof r.total === 'number' &&
          r.claims.length <= 50 &&
          r.claims.every((c) => typeof c.id === 'string' && typeof c.sentenceText === 'string')
          ? []
          : ['claims: malformed'];
      },
    },
    {
      path: '/api/events?limit=20',
      check: (b) => (Array.isArray((b as Json).events) ? [] : ['events: malformed']),
    },
    {
      path: '/api/estimate?group=workers&place=Russia&year=2006',
      check: (b) => (b && typeof b === 'object' ? [] : ['estimate']),
    },
    { path: '/api/series?group=workers', check: isArray('series') },
    { path: '/api/timeline?from=1940&to=2025', check: isArray('timeline') },
    { path: '/api/search?q=workers', check: isArray('search') },
    {
      path: `/api/ask?q=${encodeURIComponent('How many North Korean workers were in Russia in 2006?')}`,
      check: (b) => ((b as Json).answer ? [] : ['ask: no answer object']),
    },
    {
      path: '/api/places',
      check: (b) => ((b as Json).type === 'FeatureCollection' ? [] : ['places: not a FeatureCollection']),
    },
  ];
  if (ids.length > 0) {
    list.push(
      { path: `/api/documents/${id()}`, check: (b) => documentProblems(b as Json) },
      { path: `/api/diff/${id()}`, check: (b) => ((b as Json).counts ? [] : ['diff: no counts']) },
      {
        path: `/api/export?format=csv&doc=${id()}`,
        check: (_b, text) => (text.startsWith('id,kind,document') ? [] : ['export: no CSV header']),
      },
    );
  }
  return list;
}

/** Queries `url` from `clients` loops until `stop()`; returns how many answered and what was wrong. */
async function queryLoop(url: string, stop: () => boolean, probeList: () => Probe[], clients = 3) {
  let requests = 0;
  const problems: string[] = [];
  const client = async () => {
    while (!stop()) {
      const list = probeList();
      const probe = list[Math.floor(rnd() * list.length)]!;
      requests++;
      let res: Response;
      try {
        res = await fetch(new URL(probe.path, url));
      } catch (err) {
        problems.push(`${probe.path}: ${(err as Error).message}`);
        continue;
      }
      const text = await res.text();
      if (res.status !== 200) {
        problems.push(`${probe.path}: ${res.status} ${text.slice(0, 200)}`);
        continue;
      }
      let body: unknown = null;
      if ((res.headers.get('content-type') ?? '').includes('json')) {
        try {
          body = JSON.parse(text);
        } catch {
          problems.push(`${probe.path}: not JSON`);
          continue;
        }
      }
      for (const p of probe.check(body, text)) problems.push(`${probe.path}: ${p}`);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  return { requests, problems };
}

function concurrencySuite(backend: Backend): void {
  describe(`${backend.kind}: concurrency`, () => {
    it('`atlas serve` answers a loop of queries, every one well-formed, while `atlas ingest` adds and replaces documents', async () => {
      const db = await backend.fresh();
      const server = start(['serve', '--db', db, '--port', '0', '--rate-limit', '0']);
      const served = await server.line((l) => l.includes('served at'));
      expect(served, server.stderr).not.toBeNull();
      const url = /(http:\/\/\S+)/.exec(served!)![1]!;
      const known: string[] = [];
      let writing = true;
      const loop = queryLoop(
        url,
        () => !writing,
        () => probes(known),
      );
      const runs: Finished[] = [];
      const ingest = async (folder: string) => {
        const p = start(['ingest', folder, '--db', db, '--no-diff']);
        const watch = setInterval(() => {
          for (const a of acknowledged(p.lines)) if (!known.includes(a.id)) known.push(a.id);
        }, 20);
        runs.push(await p.done);
        clearInterval(watch);
        for (const a of acknowledged(p.lines)) if (!known.includes(a.id)) known.push(a.id);
      };
      // added, then every document replaced by an edited version (its sentences moved)
      await ingest(alpha);
      await ingest(alphaEdited);
      writing = false;
      const { requests, problems } = await loop;
      // then one more document replaced back and forth as fast as the store takes it, and read
      // meanwhile: the reader must get one version or the other, never the text of one with the
      // claims of the other
      const one = 'beta-000';
      const replacing = start([db, '1.5', one, join(beta, `${one}.txt`), join(alphaEdited, 'alpha-000.txt')], {
        script: replaceDriver,
      });
      await replacing.line((l) => l.startsWith('ok '));
      const focused = await queryLoop(
        url,
        () => !replacing.alive,
        () => [{ path: `/api/documents/${one}`, check: (b) => documentProblems(b as Json) }],
        2,
      );
      const replaced = await replacing.done;
      problems.push(...focused.problems);
      const lastHash = /^ok \d+ (\S+)/.exec(replaced.stdout.trimEnd().split('\n').at(-1) ?? '')?.[1];
      // after the writes, the server answers from the new content (no stale cache)
      const docs = (await (await fetch(new URL('/api/documents', url))).json()) as { id: string; claims: number }[];
      server.child.kill('SIGTERM');
      const stopped = await server.done;
      const acks = lastAcks(runs);
      // the replacing driver acknowledges by hash
      acks.delete(one);
      const state = await backend.state(db);
      const lost = lostDocuments(state, acks);
      if (state.docs.get(one)?.hash !== lastHash) lost.push(`${one}: not the last version written`);
      for (const d of docs) {
        if (d.id !== one && acks.get(d.id)?.claims !== d.claims)
          problems.push(`after the writes, /api/documents says ${d.id} has ${d.claims} claims`);
      }
      if (docs.length !== N + 1) problems.push(`after the writes, /api/documents lists ${docs.length} documents`);
      problems.push(...[...runs, replaced].flatMap((r, i) => clean(r, `writer ${i}`)));
      if (stopped.code !== 0 || /internal error|store error/.test(stopped.stderr)) {
        problems.push(`serve: exit ${stopped.code}: ${stopped.stderr}`);
      }
      const replacements = replaced.stdout.split('\n').filter((l) => l.startsWith('ok ')).length;
      // an error or malformed response counts as a crash
      tally(SUITE, {
        concurrentWrites: runs.reduce((n, r) => n + acknowledged(r.stdout.split('\n')).length, 0) + replacements,
        writesLost: lost.length,
        crashes: problems.length,
      });
      console.info(
        `${backend.kind}: ${requests} API requests during ${2 * N} document writes; ${focused.requests} reads of a document during ${replacements} replacements`,
      );
      expect(problems).toEqual([]);
      expect(lost).toEqual([]);
      expect(requests).toBeGreaterThan(20);
      expect(await integrity(db)).toEqual([]);
    }, 60_000);

    let shared = '';

    it('two `atlas ingest` on disjoint folders into one new store, then both again with --force: no error, nothing lost', async () => {
      const db = await backend.fresh();
      shared = db;
      const rounds: Finished[][] = [];
      for (const force of [false, true]) {
        // the first round, one of them reports its diff: reads of the store among the other's writes
        const extra = force ? ['--force', '--no-diff'] : [];
        const both = await Promise.all([
          start(['ingest', alpha, '--db', db, ...extra]).done,
          start(['ingest', beta, '--db', db, '--no-diff', ...(force ? ['--force'] : [])]).done,
        ]);
        rounds.push(both);
      }
      const runs = rounds.flat();
      const problems = runs.flatMap((r, i) => clean(r, `ingest ${i}`));
      const acks = lastAcks(runs);
      const state = await backend.state(db);
      const lost = lostDocuments(state, acks);
      for (const [i, r] of runs.entries()) {
        const want = i < 2 ? 'added' : 'replaced';
        const got = acknowledged(r.stdout.split('\n'));
        if (got.length !== N || got.some((a) => a.status !== want))
          problems.push(`ingest ${i}: ${r.stdout.slice(0, 300)}`);
      }
      tally(SUITE, {
        concurrentWrites: runs.reduce((n, r) => n + acknowledged(r.stdout.split('\n')).length, 0),
        writesLost: lost.length,
        crashes: problems.length,
      });
      expect(problems).toEqual([]);
      expect(lost).toEqual([]);
      expect(state.docs.size).toBe(2 * N);
      expect(state.problems).toEqual([]);
      expect(await integrity(db)).toEqual([]);
    }, 60_000);

    it('two review writers, two `atlas review` commands and an ingest re-applying reviews, at once: every review kept and applied', async () => {
      expect(shared, 'needs the store of the previous test').not.toBe('');
      const db = shared;
      const before = await backend.state(db);
      const claims = [...before.docs.entries()]
        .filter(([id]) => id.startsWith('alpha-00'))
        .sort(([a], [b]) => a.localeCompare(b))
        .flatMap(([, d]) => d.claimIds.split(' '))
        .slice(0, 30);
      const seed = () => String(Math.floor(rnd() * 1e9));
      const pick = () => claims[Math.floor(rnd() * claims.length)]!;
      const writers = [
        start([db, '120', seed(), ...claims], { script: driver }),
        start([db, '120', seed(), ...claims], { script: driver }),
        start(['review', pick(), '--reject', '--note', 'concurrent', '--db', db, '--json']),
        start(['review', pick(), '--set', 'value=4242', '--db', db, '--json']),
        // re-reads and re-applies the reviews of the documents being reviewed
        start(['ingest', alpha, '--db', db, '--force', '--no-diff']),
      ];
      const runs = await Promise.all(writers.map((w) => w.done));
      const problems = runs.flatMap((r, i) => clean(r, `writer ${i}`));
      const ack = new Map<string, string>();
      for (const r of runs.slice(0, 4))
        for (const [id, claim] of acknowledgedReviews(r.stdout.split('\n'))) ack.set(id, claim);
      const state = await backend.state(db);
      const lost: string[] = [];
      for (const id of ack.keys()) {
        const r = state.reviews.get(id);
        if (!r) lost.push(`review ${id}: acknowledged, missing`);
        else if (r.state !== 'applied') lost.push(`review ${id}: ${r.state}`);
      }
      if (state.reviews.size !== ack.size)
        problems.push(`${state.reviews.size} reviews stored, ${ack.size} acknowledged`);
      lost.push(...statusProblems(state));
      lost.push(...lostDocuments(state, lastAcks(runs.slice(4))));
      tally(SUITE, { concurrentWrites: ack.size + N, writesLost: lost.length, crashes: problems.length });
      expect(problems).toEqual([]);
      expect(lost).toEqual([]);
      expect(ack.size).toBe(242);
      expect(state.problems).toEqual([]);
      expect(await integrity(db)).toEqual([]);
    }, 60_000);
  });
}

concurrencySuite({
  kind: 'sqlite',
  async fresh() {
    return join(mkdtempSync(join(work, 'store-')), 'atlas.db');
  },
  async state(db) {
    return sqliteState(db);
  },
});

withPostgres('PostgreSQL concurrency test', (base) => {
  const admin = new pg.Pool({ connectionString: base, max: 1 });
  const schemas: string[] = [];
  afterAll(async () => {
    for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await admin.end();
  });
  concurrencySuite({
    kind: 'postgres',
    async fresh() {
      // a schema of its own per test: test files run in parallel against one database
      const schema = `concurrency_${randomBytes(6).toString('hex')}`;
      await admin.query(`CREATE SCHEMA ${schema}`);
      schemas.push(schema);
      return pgUrl(base, schema, `atlas-${schema}`);
    },
    state: postgresState,
  });
});
