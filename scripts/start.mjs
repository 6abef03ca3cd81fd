#!/usr/bin/env node
// `npm start`: after scripts/ensure.mjs has installed and built, ingests the bundled corpus into
// ./atlas.db (unchanged documents are skipped, so a second start is quick), then serves the
// explorer and prints its URL. Extra arguments go to `atlas serve` (e.g. `npm start -- --port 9000`).
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const atlas = join(root, 'bin', 'atlas.js');
const db = process.env.ATLAS_DB || join(root, 'atlas.db');

const ingest = spawnSync(process.execPath, [atlas, 'ingest', join(root, 'corpus'), '--db', db, '--no-diff'], {
  stdio: 'inherit',
});
if (ingest.status !== 0) process.exit(ingest.status ?? 1);

const server = spawn(process.execPath, [atlas, 'serve', '--db', db, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
