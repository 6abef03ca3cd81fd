#!/usr/bin/env node
// Ingestion throughput, in one run: a generated corpus of DOCS documents (made from the bundled
// texts: paragraphs shuffled, figures, years and places varied) is extracted bare (read +
// extract, nothing stored), then ingested into a fresh SQLite store and, when a PostgreSQL URL
// is given (ATLAS_BENCH_PG or ATLAS_TEST_PG; scripts/pg-test-cluster.sh starts one), into
// PostgreSQL. Prints documents/s and MB/s for each and the ratio of ingest to bare extraction.
//   npm run bench:ingest                 (DOCS=10000 by default; DOCS=500 for a quick look)
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { readDocument } from '../dist/corpus/index.js';
import { extract } from '../dist/extract/index.js';
import { ingestPaths } from '../dist/ingest/ingest.js';
import { openStore } from '../dist/store/open.js';

const DOCS = Number(process.env.DOCS ?? 10_000);
const root = new URL('..', import.meta.url).pathname;

// Source prose: the bundled article and the development documents kept as test fixtures.
const sources = [join(root, 'corpus', 'north-koreans-in-russia.txt')];
const dev = join(root, 'test', 'fixtures', 'eval', 'corpus', 'dev');
try {
  for (const f of readdirSync(dev)) if (f.endsWith('.txt')) sources.push(join(dev, f));
} catch {}
const paragraphs = sources
  .flatMap((p) => readFileSync(p, 'utf8').split('\n'))
  .map((l) => l.trim())
  .filter((l) => l.length > 80 && !l.startsWith('=') && !l.startsWith('-') && !l.startsWith('---'));

const PLACES = [
  'Vladivostok',
  'Khabarovsk',
  'Tomsk',
  'Amur Oblast',
  'Moscow',
  'Sakhalin',
  'Primorsky Krai',
  'Novosibirsk',
  'Yakutsk',
  'Irkutsk',
  'Chita',
  'Kursk Oblast',
];
const PLACE_RE = new RegExp(`\\b(?:${PLACES.join('|')})\\b`, 'g');

// A seeded generator, so every run ingests the same corpus.
let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

function vary(p) {
  return p
    .replace(/\b(1[89]\d\d|20[0-2]\d)\b/g, (y) =>
      String(Math.min(2025, Math.max(1940, Number(y) + Math.floor(rand() * 7) - 3))),
    )
    .replace(/\b\d{1,3}(?:,\d{3})+\b/g, (n) => {
      const v = Math.round(Number(n.replaceAll(',', '')) * (0.5 + rand()));
      return v.toLocaleString('en-US');
    })
    .replace(PLACE_RE, () => pick(PLACES));
}

const dir = mkdtempSync(join(tmpdir(), 'atlas-bench-ingest-'));
const docsDir = join(dir, 'docs');
mkdirSync(docsDir);
let bytes = 0;
for (let i = 0; i < DOCS; i++) {
  const n = 3 + Math.floor(rand() * 6);
  const body = Array.from({ length: n }, () => vary(pick(paragraphs))).join('\n\n');
  const year = 1990 + Math.floor(rand() * 35);
  const text = `---\ntitle: Generated report ${i}\ndate: ${year}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}\n---\n${body}\n`;
  bytes += Buffer.byteLength(text);
  // 100 folders of 100 files, as a real corpus would be laid out
  const sub = join(docsDir, String(Math.floor(i / 100)).padStart(3, '0'));
  if (i % 100 === 0) mkdirSync(sub);
  writeFileSync(join(sub, `report-${i}.md`), text);
}
const mb = bytes / (1024 * 1024);
console.log(`corpus: ${DOCS} documents, ${mb.toFixed(1)} MB in ${docsDir}`);

const files = readdirSync(docsDir).flatMap((s) => readdirSync(join(docsDir, s)).map((f) => join(docsDir, s, f)));
const results = {};
function line(name, seconds, extra = '') {
  results[name] = seconds;
  console.log(
    `${name.padEnd(18)} ${seconds.toFixed(1).padStart(7)} s  ${(DOCS / seconds).toFixed(0).padStart(6)} docs/s  ${(mb / seconds).toFixed(2).padStart(6)} MB/s ${extra}`,
  );
}

{
  const t0 = performance.now();
  let claims = 0;
  for (const f of files) claims += extract(readDocument(readFileSync(f, 'utf8'), { path: f })).claims.length;
  line('extract (bare)', (performance.now() - t0) / 1000, `(${claims} claims)`);
}

async function ingestInto(name, target) {
  const store = await openStore(target);
  try {
    const t0 = performance.now();
    const r = await ingestPaths(store, [docsDir]);
    const seconds = (performance.now() - t0) / 1000;
    if (r.failed > 0) throw new Error(`${r.failed} documents failed: ${r.items.find((i) => i.error)?.error}`);
    line(name, seconds, `(${r.added} added, ${r.claims} claims)`);
    const t1 = performance.now();
    const again = await ingestPaths(store, [docsDir]);
    line(`${name} re-run`, (performance.now() - t1) / 1000, `(${again.unchanged} unchanged)`);
  } finally {
    await store.close();
  }
}

await ingestInto('ingest sqlite', join(dir, 'bench.db'));

const pgUrl = process.env.ATLAS_BENCH_PG ?? process.env.ATLAS_TEST_PG;
if (pgUrl) {
  // a schema of its own, dropped afterwards, so the bench never touches real data
  const schema = `bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(pgUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  try {
    await ingestInto('ingest postgres', url.toString());
  } finally {
    await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
} else {
  console.log('ingest postgres    skipped: set ATLAS_BENCH_PG or ATLAS_TEST_PG to a postgres:// URL');
}
rmSync(dir, { recursive: true, force: true });

const r = (x) => x.toFixed(2);
const bare = results['extract (bare)'];
console.log(
  `docs=${DOCS} mb=${r(mb)} extract_docs_per_s=${(DOCS / bare).toFixed(0)} ` +
    `sqlite_docs_per_s=${(DOCS / results['ingest sqlite']).toFixed(0)} sqlite_mbps=${r(mb / results['ingest sqlite'])} ` +
    `ratio_sqlite=${r(bare / results['ingest sqlite'])}` +
    (results['ingest postgres']
      ? ` postgres_docs_per_s=${(DOCS / results['ingest postgres']).toFixed(0)} postgres_mbps=${r(mb / results['ingest postgres'])} ratio_postgres=${r(bare / results['ingest postgres'])}`
      : ''),
);
