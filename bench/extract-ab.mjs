#!/usr/bin/env node
// Two builds of the extractor timed in one process on bench:extract's text, their runs
// interleaved (A B, B A, A B, ...), so that this machine's drift (tens of percent within a
// minute) falls on both alike: a steadier answer to "is this change faster?" than two runs of
// bench:extract. Each build is a checkout with its own dist/ (e.g. a `git worktree` of the
// commit before, built with `npx tsc`). The last line is the ratio of B's time to A's.
//   node bench/extract-ab.mjs ../base-checkout            (A: that checkout, B: this one)
//   node bench/extract-ab.mjs ../a-checkout ../b-checkout
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { text } from './extract-text.mjs';

const WARMUP = 4;
const ROUNDS = 12;

const here = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
if (args.length < 1 || args.length > 2) {
  console.error('usage: node bench/extract-ab.mjs A-CHECKOUT [B-CHECKOUT]   (B defaults to this checkout)');
  process.exit(1);
}
const roots = (args.length === 1 ? [args[0], here] : args).map((r) => resolve(r));
for (const root of roots) {
  if (!existsSync(`${root}/dist/extract/index.js`)) {
    console.error(`bench:extract-ab: ${root} has no build (dist/extract/index.js); run \`npx tsc -p .\` there first`);
    process.exit(1);
  }
}

const engines = [];
for (const root of roots) {
  const { readDocument } = await import(`${root}/dist/corpus/index.js`);
  const { extract } = await import(`${root}/dist/extract/index.js`);
  engines.push(() => extract(readDocument(text, { format: 'text' })).claims.length);
}
for (let i = 0; i < WARMUP; i++) for (const run of engines) run();
const times = engines.map(() => []);
for (let i = 0; i < ROUNDS; i++) {
  const order = i % 2 === 0 ? [0, 1] : [1, 0];
  for (const k of order) {
    const t0 = performance.now();
    engines[k]();
    times[k].push(performance.now() - t0);
  }
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const min = (list) => Math.min(...list);
for (const [k, root] of roots.entries()) {
  console.log(`${'AB'[k]} ${root}: median ${median(times[k]).toFixed(0)} ms, fastest ${min(times[k]).toFixed(0)} ms`);
}
console.log(
  `b_over_a_median=${(median(times[1]) / median(times[0])).toFixed(3)} b_over_a_fastest=${(min(times[1]) / min(times[0])).toFixed(3)}`,
);
