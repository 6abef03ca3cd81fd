#!/usr/bin/env node
// API latency under load: `atlas serve` on the bundled corpus (its own process, rate limit off)
// and CLIENTS concurrent clients in this process, each sending its next request as soon as the
// last is answered, for SECONDS, over a mix of the explorer's requests. Prints p50/p95/p99 per
// endpoint and overall, and one line `api_p95_ms=... api_p99_ms=... requests=... rps=...`.
// Budget (issue 5): p95 under 50 ms with 50 clients. Exit 1 when over budget.
//   npm run bench:api                       (CLIENTS=50 SECONDS=10 by default)
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const CLIENTS = Number(process.env.CLIENTS ?? 50);
const SECONDS = Number(process.env.SECONDS ?? 10);
const BUDGET_P95_MS = 50;
const root = new URL('..', import.meta.url).pathname;
const atlas = join(root, 'bin', 'atlas.js');
const db = join(mkdtempSync(join(tmpdir(), 'atlas-bench-api-')), 'atlas.db');

const ingest = spawnSync(process.execPath, [atlas, 'ingest', join(root, 'corpus'), '--db', db, '--no-diff'], {
  encoding: 'utf8',
});
if (ingest.status !== 0) throw new Error(ingest.stderr);

const server = spawn(
  process.execPath,
  [
    ...(process.env.SERVER_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.SERVER_PROF] : []),
    atlas,
    'serve',
    '--db',
    db,
    '--port',
    '0',
    '--rate-limit',
    '0',
  ],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const base = await new Promise((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (d) => {
    out += d;
    const m = /served at (http:\/\/\S+?)\/?\s/.exec(out);
    if (m) resolve(m[1]);
  });
  server.on('exit', (code) => reject(new Error(`atlas serve exited with ${code}`)));
});

// what the explorer asks for on load and as a user clicks around
const REQUESTS = [
  '/api/health',
  '/api/documents',
  '/api/series',
  '/api/places',
  '/api/timeline?events=1',
  '/api/claims?limit=100',
  '/api/claims?group=workers&place=Russia&from=2000&to=2010',
  '/api/estimate?group=workers&place=Russia&year=2006',
  '/api/ask?q=How%20many%20North%20Korean%20troops%20were%20sent%20to%20Russia%3F',
  '/api/ask?q=How%20many%20North%20Koreans%20lived%20in%20Russia%20in%202006%3F',
  '/api/search?q=lumberjacks',
  '/api/documents/north-koreans-in-russia',
];

// node:http with keep-alive: fetch (undici) costs the client more CPU than the server spends
// answering, and both share this machine's cores
const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
function get(path) {
  return new Promise((resolve, reject) => {
    const req = http.get(base + path, { agent }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
  });
}

const latencies = new Map(REQUESTS.map((r) => [r, []]));
let errors = 0;
const end = performance.now() + SECONDS * 1000;
// warm-up: every request once
for (const r of REQUESTS) await get(r);

async function client(k) {
  let i = k;
  while (performance.now() < end) {
    const path = REQUESTS[i++ % REQUESTS.length];
    const t0 = performance.now();
    const status = await get(path);
    if (status !== 200) errors++;
    latencies.get(path).push(performance.now() - t0);
  }
}
const t0 = performance.now();
await Promise.all(Array.from({ length: CLIENTS }, (_, k) => client(k)));
const elapsed = (performance.now() - t0) / 1000;
server.kill('SIGTERM');
agent.destroy();

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const all = [...latencies.values()].flat();
for (const [path, xs] of latencies) {
  console.log(
    `${path.slice(0, 60).padEnd(60)} n=${String(xs.length).padStart(5)} p50=${pct(xs, 50).toFixed(1).padStart(6)} ms p95=${pct(xs, 95).toFixed(1).padStart(6)} ms`,
  );
}
const p95 = pct(all, 95);
console.log(`${CLIENTS} clients, ${SECONDS} s, ${errors} errors`);
console.log(
  `api_p50_ms=${pct(all, 50).toFixed(1)} api_p95_ms=${p95.toFixed(1)} api_p99_ms=${pct(all, 99).toFixed(1)} requests=${all.length} rps=${(all.length / elapsed).toFixed(0)} clients=${CLIENTS}`,
);
if (p95 > BUDGET_P95_MS || errors > 0) {
  console.log(`over budget: p95 ${p95.toFixed(1)} ms (budget ${BUDGET_P95_MS} ms), ${errors} errors`);
  process.exitCode = 1;
}
