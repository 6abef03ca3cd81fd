#!/usr/bin/env node
// Throughput of the full extractor against two baselines over the same text, in one run:
// the bundled corpus repeated to ~5 MB; a plain pass that only splits sentences and tokenizes
// (the floor any extractor pays); and chrono-node, which extracts dates only. Each is run
// RUNS times after WARMUP rounds, in interleaved rounds, and the median taken. The last line is the
// machine-readable result.
//   npm run bench:extract            (builds first if needed)
import { performance } from 'node:perf_hooks';
import { engines } from './extract-engines.mjs';
import { copies, text } from './extract-text.mjs';

const RUNS = 7;
const WARMUP = 3;

const mb = Buffer.byteLength(text) / (1024 * 1024);

// Warm-up rounds, as many as the extractor takes to settle: its first runs load the gazetteer and
// are still being optimised (measured alone: 2.1 s, 1.4 s, then 0.8-1.0 s per run from the third),
// and chrono-node's take three runs too.
for (let i = 0; i < WARMUP; i++) for (const run of Object.values(engines)) run();
// Rounds of all three engines in turn, the median per engine: this machine's speed drifts by
// tens of percent from second to second, and a drift during one engine's runs alone would
// skew the ratios.
const times = Object.fromEntries(Object.keys(engines).map((name) => [name, []]));
// Page faults too: on this machine each costs ~12 us, so memory touched for the first time
// (the old generation grown by promotions, large objects) is a cost of its own (see README).
const faults = Object.fromEntries(Object.keys(engines).map((name) => [name, []]));
const found = {};
for (let i = 0; i < RUNS; i++) {
  for (const [name, run] of Object.entries(engines)) {
    const f0 = process.resourceUsage().minorPageFault;
    const t0 = performance.now();
    found[name] = run();
    times[name].push(performance.now() - t0);
    faults[name].push(process.resourceUsage().minorPageFault - f0);
  }
}
const mbps = {};
for (const name of Object.keys(engines)) {
  const sorted = [...times[name]].sort((a, b) => a - b);
  const ms = sorted[Math.floor(RUNS / 2)];
  mbps[name] = mb / (ms / 1000);
  const pageFaults = [...faults[name]].sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  console.log(
    `${name.padEnd(10)} ${ms.toFixed(0).padStart(6)} ms  ${mbps[name].toFixed(2).padStart(7)} MB/s  (${found[name]} items; runs ${sorted.map((t) => t.toFixed(0)).join(' ')} ms; ${pageFaults} page faults)`,
  );
}
const r = (x) => x.toFixed(2);
console.log(`text: ${mb.toFixed(2)} MB (${copies} copies of the seed article's prose), median of ${RUNS} runs`);
console.log(
  `extract_mbps=${r(mbps.extract)} tokenizer_mbps=${r(mbps.tokenizer)} chrono_mbps=${r(mbps.chrono)} ` +
    `ratio_tokenizer=${r(mbps.extract / mbps.tokenizer)} ratio_chrono=${r(mbps.extract / mbps.chrono)}`,
);
