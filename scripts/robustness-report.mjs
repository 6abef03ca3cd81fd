#!/usr/bin/env node
// Sums the counts the robustness suite left in test-results/robustness/ (run `npm test` or
// `npx vitest run test/robustness` first) and prints them per suite and in total.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', 'test-results', 'robustness');
if (!existsSync(dir)) {
  console.error('no counts yet: run `npx vitest run test/robustness` first');
  process.exit(1);
}
const total = {};
for (const name of readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()) {
  const counts = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  console.log(
    `${name.replace(/\.json$/, '').padEnd(14)} ${Object.entries(counts)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}`,
  );
  for (const [k, v] of Object.entries(counts)) total[k] = (total[k] ?? 0) + v;
}
console.log(
  `${'total'.padEnd(14)} ${Object.entries(total)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ')}`,
);
