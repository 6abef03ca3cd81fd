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
//
// With --cache, valgrind also simulates this machine's first-level caches and its second-level
// cache (as valgrind's "last level", sizes read from /sys), and a branch predictor, and the bench
// prints each engine's misses per run and a modelled cycle count: instructions + 12 per L1 miss
// + 45 per L2 miss + 15 per mispredicted branch (rough latencies of a current x86 core; an L2
// miss is served by the L3). The instruction ratios missed why the wall-clock ones are far
// lower: the extractor misses the L2 cache many times more per instruction than the tokenizer
// pass (its annotators' code, lexicons and each block's allocations do not fit in 512 KB), and
// the modelled ratios come out close to the wall clock's. Slower: ~15 minutes for all three.
//   npm run bench:extract:instructions             (needs valgrind: apt install valgrind; ~4 minutes)
//   node bench/extract-instructions.mjs extract    (only the engines named: a change's effect)
//   node bench/extract-instructions.mjs --cache extract tokenizer
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
const CACHE = process.argv.includes('--cache');
const named = process.argv.slice(2).filter((a) => a !== '--cache');
const ENGINES = named.length > 0 ? [...new Set(named)] : ALL;
const unknown = ENGINES.filter((e) => !ALL.includes(e));
if (unknown.length > 0) {
  console.error(`unknown engine ${unknown.join(', ')}: the engines are ${ALL.join(', ')}`);
  process.exit(1);
}

/** A cache of this machine as valgrind's --I1/--D1/--LL take it ("size,ways,line"), from /sys. */
function cacheSpec(index, fallback) {
  try {
    const dir = `/sys/devices/system/cpu/cpu0/cache/index${index}`;
    const size = readFileSync(`${dir}/size`, 'utf8').trim();
    const bytes = Number.parseInt(size, 10) * (size.endsWith('M') ? 1 << 20 : size.endsWith('K') ? 1024 : 1);
    const ways = Number(readFileSync(`${dir}/ways_of_associativity`, 'utf8'));
    const line = Number(readFileSync(`${dir}/coherency_line_size`, 'utf8'));
    return bytes > 0 && ways > 0 && line > 0 ? `${bytes},${ways},${line}` : fallback;
  } catch {
    return fallback;
  }
}

/** index0: L1 data, index1: L1 instructions, index2: L2 on Linux x86 */
const SIM = CACHE
  ? [
      '--cache-sim=yes',
      '--branch-sim=yes',
      `--D1=${cacheSpec(0, '32768,8,64')}`,
      `--I1=${cacheSpec(1, '32768,8,64')}`,
      `--LL=${cacheSpec(2, '524288,8,64')}`,
    ]
  : ['--cache-sim=no'];

/** valgrind's summary lines, by counter: instructions, and with --cache the misses */
const COUNTERS = {
  instructions: /I\s+refs:\s+([\d,]+)/,
  l1i: /I1\s+misses:\s+([\d,]+)/,
  l1d: /D1\s+misses:\s+([\d,]+)/,
  l2i: /LLi\s+misses:\s+([\d,]+)/,
  l2d: /LLd\s+misses:\s+([\d,]+)/,
  mispredicts: /Mispredicts:\s+([\d,]+)/,
};

/** What valgrind counted for `runs` runs of `engine` (and everything before them). */
function count(engine, runs) {
  return new Promise((resolve, reject) => {
    const args = ['--tool=cachegrind', ...SIM, '--cachegrind-out-file=/dev/null'];
    const child = spawn('valgrind', [...args, process.execPath, ...NODE_FLAGS, self, '--run', engine, String(runs)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d) => {
      err = (err + d).slice(-20000);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const found = {};
      for (const [name, re] of Object.entries(COUNTERS)) {
        const m = re.exec(err);
        if (m) found[name] = Number(m[1].replaceAll(',', ''));
      }
      const complete = CACHE ? Object.keys(found).length === Object.keys(COUNTERS).length : 'instructions' in found;
      if (code !== 0 || !complete)
        reject(new Error(`valgrind run of ${engine} x${runs} failed (exit ${code}):\n${err.slice(-2000)}`));
      else resolve(found);
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

/** Modelled cycles of one run's counts (see the header for the weights). */
const cycles = (c) => c.instructions + 12 * (c.l1i + c.l1d) + 45 * (c.l2i + c.l2d) + 15 * c.mispredicts;

const perRun = {};
for (const engine of ENGINES) {
  const high = counts.get(`${engine}:${HIGH}`);
  const low = counts.get(`${engine}:${LOW}`);
  perRun[engine] = Object.fromEntries(Object.keys(high).map((k) => [k, (high[k] - low[k]) / (HIGH - LOW)]));
  const c = perRun[engine];
  const m = (x) => (x / 1e6).toFixed(1).padStart(6);
  console.log(
    `${engine.padEnd(10)} ${(c.instructions / 1e9).toFixed(3).padStart(7)} G instructions per run` +
      (CACHE
        ? `; misses (M): L1i ${m(c.l1i)} L1d ${m(c.l1d)} L2i ${m(c.l2i)} L2d ${m(c.l2d)}; mispredicted branches ${m(c.mispredicts)} M; modelled ${(cycles(c) / 1e9).toFixed(3)} G cycles`
        : ''),
  );
}
const g = (x) => (x / 1e9).toFixed(3);
const r = (x) => x.toFixed(2);
if (ENGINES.length === ALL.length) {
  const i = (e) => perRun[e].instructions;
  console.log(
    `extract_ginstr=${g(i('extract'))} tokenizer_ginstr=${g(i('tokenizer'))} chrono_ginstr=${g(i('chrono'))} ` +
      `ratio_tokenizer=${r(i('tokenizer') / i('extract'))} ratio_chrono=${r(i('chrono') / i('extract'))}`,
  );
  if (CACHE) {
    const c = (e) => cycles(perRun[e]);
    console.log(
      `extract_gcycles=${g(c('extract'))} tokenizer_gcycles=${g(c('tokenizer'))} chrono_gcycles=${g(c('chrono'))} ` +
        `model_ratio_tokenizer=${r(c('tokenizer') / c('extract'))} model_ratio_chrono=${r(c('chrono') / c('extract'))}`,
    );
  }
}
