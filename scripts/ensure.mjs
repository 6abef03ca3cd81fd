#!/usr/bin/env node
// Makes a fresh clone runnable: installs dependencies when they are missing or older than the
// lock file, and rebuilds (gazetteer + TypeScript) when the sources are newer than the build.
// Used by `npm start`, `npm test` and the benches, so each works first on a fresh clone.
// Only Node's own modules here: nothing else is installed yet when this runs.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);

function newest(dir) {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return latest;
}

const installed = join(root, 'node_modules', '.package-lock.json');
if (!existsSync(installed) || mtime(join(root, 'package-lock.json')) > mtime(installed)) {
  console.error('Installing dependencies (npm install)...');
  run('npm install --no-audit --no-fund'); // runs `prepare`, which builds
}
const built = mtime(join(root, 'dist', 'cli', 'main.js'));
const sources = Math.max(
  newest(join(root, 'src')),
  newest(join(root, 'scripts')),
  newest(join(root, 'data')),
  newest(join(root, 'web')),
);
const webBuilt = !existsSync(join(root, 'web')) || existsSync(join(root, 'dist', 'web', 'index.html'));
const dataBuilt = ['gazetteer.json', 'country-words.json'].every((f) => existsSync(join(root, 'data', f)));
if (built < sources || !webBuilt || !dataBuilt) {
  console.error('Building (npm run build)...');
  run('npm run build');
}
