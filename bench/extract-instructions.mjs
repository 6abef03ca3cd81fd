#!/usr/bin/env node
// bench:extract's three engines counted in machine instructions instead of milliseconds: each
// runs under valgrind (cachegrind, no cache simulation) with `node --predictable`, and the
// instructions of one steady-state run are (count after HIGH runs - count after LOW runs) /
// (HIGH - LOW), which leaves out start-up, module loading, the gazetteer and the first runs' JIT
// compilation. Why: on a shared machine the wall clock of the same build drifts by tens of
// percent from one minute to the next, while these counts repeat exactly (see NODE_FLAGS), so a
// change of a few tenths of a percent shows here and not there. What they do not see: cache
// misses, full garbage collections, and the helper threads of the collector and the compiler
// (--predictable runs them on the main thread), so the ratios are not the wall-clock ones; they
// say how much work each engine does.
//   npm run bench:extract:instructions             (needs valgrind: apt install valgrind; ~4 minutes)
//   node bench/extract-instructions.mjs extract    (only the engines named: a change's effect)
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const LOW = 2;
const HIGH = 4;
/**
 * One thread; the same hash tables and random numbers in every run; and an old generation large
 * enough that it is never collected during the runs: when it is collected follows the clock (V8 sizes the
 * heap by how fast the program allocates), and the counts moved by 6% from one run to the next.
 * So full collections are left out of the counts; scavenges of the young generation are in.
 */
const NODE_FLAGS = ['--predictable', '--hash-seed=1', '--random-seed=1', '--initial-old-space-size=1024'];

if (process.argv[2] === '--run') {
  // child mode, under valgrind: run one engine n times
  const { engines } = await import('./extract-engines.mjs');
  const run = engines[process.argv[3]];
  for (let i = 0; i < Number(process.argv[4]); i++) run();
  process.exit(0);
}

if (spawnSync('valgrind', ['--version']).error) {
  console.error('bench:extract:instructions needs valgrind, which was not found (Debian: apt install valgrind)');
  process.exit(1);
}

const self = fileURLToPath(import.meta.url);
const ALL = ['extract', 'tokenizer', 'chrono'];
const ENGINES = process.argv.length > 2 ? [...new Set(process.argv.slice(2))] : ALL;
const unknown = ENGINES.filter((e) => !ALL.includes(e));
if (unknown.length > 0) {
  console.error(`unknown engine ${unknown.join(', ')}: the engines are ${ALL.join(', ')}`);
  process.exit(1);
}

/** Instructions valgrind counted for `runs` runs of `engine` (and everything before them). */
function count(engine, runs) {
  return new Promise((resolve, reject) => {
    const args = ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null'];
    const child = spawn('valgrind', [...args, process.execPath, ...NODE_FLAGS, self, '--run', engine, String(runs)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => {
      err = (err + d).slice(-20000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const m = /I\s+refs:\s+([\d,]+)/.exec(err);
      if (code !== 0 || !m)
        reject(new Error(`valgrind run of ${engine} x${runs} failed (exit ${code}):\n${err.slice(-2000)}`));
      else resolve(Number(m[1].replaceAll(',', '')));
    });
  });
}

const jobs = ENGINES.flatMap((engine) => [LOW, HIGH].map((runs) => ({ engine, runs })));
// the longest jobs first, so the pool ends together
jobs.sort((a, b) => b.runs - a.runs);
const counts = new Map();
const workers = Math.max(1, Math.min(availableParallelism(), jobs.length));
console.log(`${jobs.length} valgrind runs, ${workers} at a time (a few minutes)...`);
try {
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        counts.set(`${job.engine}:${job.runs}`, await count(job.engine, job.runs));
      }
    }),
  );
} catch (e) {
  console.error(e.message);
  process.exit(1);
}

const perRun = {};
for (const engine of ENGINES) {
  perRun[engine] = (counts.get(`${engine}:${HIGH}`) - counts.get(`${engine}:${LOW}`)) / (HIGH - LOW);
  console.log(`${engine.padEnd(10)} ${(perRun[engine] / 1e9).toFixed(3).padStart(7)} G instructions per run`);
}
const g = (x) => (x / 1e9).toFixed(3);
const r = (x) => x.toFixed(2);
if (ENGINES.length === ALL.length)
  console.log(
    `extract_ginstr=${g(perRun.extract)} tokenizer_ginstr=${g(perRun.tokenizer)} chrono_ginstr=${g(perRun.chrono)} ` +
      `ratio_tokenizer=${r(perRun.tokenizer / perRun.extract)} ratio_chrono=${r(perRun.chrono / perRun.extract)}`,
  );
