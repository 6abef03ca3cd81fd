// Long fuzz runs: the targets of hostile.ts, round after round with fresh seeds, until time is up.
//   node --import tsx test/robustness/fuzz-run.ts --seconds 300 [--seed 42]
// Prints each round's seed and counts; on a failure, the seed, the shrunk input and exit code 1.
import fc from 'fast-check';
import { fuzzTargets, type Tried } from './hostile.js';

function option(name: string, fallback: number): number {
  const k = process.argv.indexOf(`--${name}`);
  if (k < 0) return fallback;
  const v = Number(process.argv[k + 1]);
  if (!Number.isFinite(v) || v < 0) {
    console.error(`invalid --${name}: ${process.argv[k + 1]} (expected a number)`);
    process.exit(2);
  }
  return v;
}

const seconds = option('seconds', 300);
let seed = option('seed', Date.now() % 2 ** 31);
const tried: Tried = { inputsTried: 0, crashes: 0 };
const targets = fuzzTargets(tried);
const ROUND_MS = 20_000;
const end = Date.now() + seconds * 1000;
for (let round = 1; Date.now() < end; round++, seed = (seed * 48271 + 1) % 2 ** 31) {
  for (const { name, property } of targets) {
    const ms = Math.max(1000, Math.min(ROUND_MS, end - Date.now()) / targets.length);
    const result = fc.check(property, {
      seed,
      numRuns: Number.MAX_SAFE_INTEGER,
      interruptAfterTimeLimit: ms,
      markInterruptAsFailure: false,
    });
    if (result.failed) {
      const error = (result.errorInstance as Error | undefined)?.message ?? String(result.errorInstance);
      console.error(
        `FAILED: "${name}" with --seed ${seed}: ${error}\n` +
          `replay: ATLAS_FUZZ_SEED=${seed} ATLAS_FUZZ_PATH=${result.counterexamplePath} ` +
          `npx vitest run test/robustness/fuzz.test.ts\n${fc.defaultReportMessage(result)}`,
      );
      process.exit(1);
    }
    console.log(`round ${round} seed ${seed} ${name}: ${result.numRuns} inputs`);
  }
}
console.log(`inputs tried: ${tried.inputsTried}, crashes: ${tried.crashes}`);
process.exit(tried.crashes === 0 ? 0 : 1);
