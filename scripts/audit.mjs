#!/usr/bin/env node
// `npm run audit`: npm audit of what the atlas installs, failing on high and critical advisories
// unless the README's "Security advisories" section explains them by id (GHSA-...). When the
// advisory database cannot be reached (a registry mirror that only answers GET, as on the
// machine this was built on), it says so and exits 2: nothing was checked, which is not "clean".
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const r = spawnSync('npm', ['audit', '--json'], { cwd: root, encoding: 'utf8' });
let report;
try {
  report = JSON.parse(r.stdout);
} catch {
  report = null;
}
if (!report || report.error || report.message) {
  const why = report?.message || report?.error?.summary || r.stderr.trim().split('\n').pop() || 'no answer';
  console.error(`audit not run: the advisory database could not be reached (${why})`);
  process.exit(2);
}
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = readme.split(/^## Security advisories$/m)[1]?.split(/^## /m)[0] ?? '';
const explained = new Set(section.match(/GHSA(?:-[0-9a-z]{4}){3}/g) ?? []);
const serious = [];
for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
  for (const via of v.via) {
    if (typeof via !== 'object' || !['high', 'critical'].includes(via.severity)) continue;
    const id = String(via.url ?? '').match(/GHSA(?:-[0-9a-z]{4}){3}/)?.[0] ?? via.source;
    serious.push({ name, id, severity: via.severity, title: via.title, explained: explained.has(id) });
  }
}
const counts = report.metadata?.vulnerabilities ?? {};
console.log(
  `npm audit: ${Object.entries(counts)
    .map(([k, n]) => `${k}=${n}`)
    .join(' ')}`,
);
for (const s of serious)
  console.log(`${s.severity} ${s.name} ${s.id}: ${s.title}${s.explained ? ' (explained in README)' : ''}`);
const open = serious.filter((s) => !s.explained);
if (open.length > 0) {
  console.error(`${open.length} high or critical advisories are not explained in README.md ("## Security advisories")`);
  process.exit(1);
}
console.log('no unexplained high or critical advisories');
