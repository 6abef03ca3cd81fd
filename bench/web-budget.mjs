#!/usr/bin/env node
// The explorer's budgets (issue 5): its JavaScript under 250 KB gzipped, and the first
// meaningful render (the estimates chart's first <svg>) under 1 s in Chromium.
//   npm run build:web && node bench/web-budget.mjs                 size, then first render against
//                                                                   a server it starts on the bundled corpus
//   node bench/web-budget.mjs --url http://127.0.0.1:8080/          first render against a running `atlas serve`
//   node bench/web-budget.mjs --size-only
// Prints one line per asset, then key=value lines; exits 1 when a budget is exceeded.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const JS_BUDGET_KB = 250;
const RENDER_BUDGET_MS = 1000;
const RUNS = Number(process.env.RUNS ?? 5);
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? '') : null;
};

function size() {
  const dir = join(root, 'dist', 'web', 'assets');
  let files;
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  } catch {
    console.error('dist/web/assets is missing: run `npm run build:web` first');
    process.exit(2);
  }
  let raw = 0;
  let gz = 0;
  for (const f of files.sort()) {
    const bytes = readFileSync(join(dir, f));
    const z = gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gz += z;
    console.log(
      `${f.padEnd(32)} ${(bytes.length / 1024).toFixed(1).padStart(8)} KB  ${(z / 1024).toFixed(1).padStart(7)} KB gzipped`,
    );
  }
  const kb = gz / 1024;
  console.log(
    `web_js_files=${files.length} web_js_raw_kb=${(raw / 1024).toFixed(1)} web_js_gzip_kb=${kb.toFixed(1)} budget_kb=${JS_BUDGET_KB}`,
  );
  return kb <= JS_BUDGET_KB;
}

/** Starts `atlas serve` on a fresh store holding the bundled corpus; resolves with its URL. */
async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-web-bench-'));
  const db = join(dir, 'atlas.db');
  const atlas = join(root, 'bin', 'atlas.js');
  const ingest = spawnSync(process.execPath, [atlas, 'ingest', join(root, 'corpus'), '--db', db, '--no-diff'], {
    encoding: 'utf8',
  });
  if (ingest.status !== 0) throw new Error(`ingest failed: ${ingest.stderr}`);
  const child = spawn(process.execPath, [atlas, 'serve', '--db', db, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`atlas serve printed no URL in 15 s: ${out}`)), 15_000);
    const onData = (chunk) => {
      out += chunk;
      const m = /https?:\/\/[^\s/]+\/?/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[0].endsWith('/') ? m[0] : `${m[0]}/`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`atlas serve exited (${code}): ${out}`)));
  });
  return {
    url,
    stop: () => {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** ms from navigation start until `#estimates svg` exists, in a fresh context (cold cache) each run. */
async function firstRender(url) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const times = [];
  try {
    // run -1 warms the server (its caches, its JIT) and is not counted: a researcher's first
    // visit is rarely the server's first request
    for (let run = -1; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      // runs before the page's own scripts; CSP does not apply to it
      await page.addInitScript(() => {
        const seen = () => document.querySelector('#estimates svg');
        const obs = new MutationObserver(() => {
          if (seen()) {
            window.__firstRender = performance.now();
            obs.disconnect();
          }
        });
        obs.observe(document, { childList: true, subtree: true });
      });
      await page.goto(url);
      await page.waitForFunction(() => typeof window.__firstRender === 'number', null, { timeout: 20_000 });
      const t = await page.evaluate(() => window.__firstRender);
      if (run >= 0) times.push(t);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0], max: times[times.length - 1] };
}

let ok = size();
if (!args.includes('--size-only')) {
  let server = null;
  let url = flag('--url');
  try {
    if (!url) {
      server = await startServer();
      url = server.url;
    }
    const t = await firstRender(url);
    console.log(
      `first_render_ms=${Math.round(t.median)} first_render_min_ms=${Math.round(t.min)} first_render_max_ms=${Math.round(t.max)} runs=${RUNS} budget_ms=${RENDER_BUDGET_MS}`,
    );
    ok &&= t.median <= RENDER_BUDGET_MS;
  } finally {
    server?.stop();
  }
}
console.log(`budget_ok=${ok}`);
process.exitCode = ok ? 0 : 1;
