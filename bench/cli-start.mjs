#!/usr/bin/env node
// How long one `atlas extract` of an article takes from a cold start, as a user runs it: a new
// process reads the bundled article (6 KB) and prints the JSON contract. Compared, in the same
// run, with the floor any Node.js command pays (`node -e 0`) and with `atlas --version` (the
// command line without a command). Each is started RUNS times in interleaved rounds, the median
// taken. The last line is the machine-readable result: the time above the floor, as a multiple
// of the floor (0 would be a command that costs no more than starting Node.js).
//   npm run bench:cli
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

const RUNS = 11;
const root = new URL('..', import.meta.url).pathname;
const atlas = `${root}bin/atlas.js`;
const article = `${root}corpus/north-koreans-in-russia.txt`;

const commands = {
  node: ['-e', '0'],
  version: [atlas, '--version'],
  'extract-txt': [atlas, 'extract', article, '--json'],
};

function run(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status !== 0) {
    process.stderr.write(`bench:cli: node ${args.join(' ')} exited ${r.status}: ${r.stderr}\n`);
    process.exit(1);
  }
  return ms;
}

run(commands['extract-txt']); // the first start reads the code from disk; later ones from the page cache
const times = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
for (let i = 0; i < RUNS; i++) for (const [name, args] of Object.entries(commands)) times[name].push(run(args));

const median = {};
for (const [name, list] of Object.entries(times)) {
  const sorted = [...list].sort((a, b) => a - b);
  median[name] = sorted[Math.floor(RUNS / 2)];
  console.log(
    `${name.padEnd(12)} ${median[name].toFixed(0).padStart(5)} ms  (runs ${sorted.map((t) => t.toFixed(0)).join(' ')} ms)`,
  );
}
const above = (name) => (median[name] - median.node) / median.node;
console.log(`median of ${RUNS} starts each`);
console.log(
  `node_ms=${median.node.toFixed(0)} version_ms=${median.version.toFixed(0)} extract_ms=${median['extract-txt'].toFixed(0)} ` +
    `version_over_node=${above('version').toFixed(2)} extract_over_node=${above('extract-txt').toFixed(2)}`,
);
