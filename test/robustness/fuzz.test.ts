// The fuzz targets of hostile.ts, for a bounded time in `npm test` (about FUZZ_MS in all, split
// between the targets), from a fresh seed each run. A failure prints the seed and the shrunk
// input; replay it with ATLAS_FUZZ_SEED=<seed> (and ATLAS_FUZZ_PATH=<path> to go straight to it).
// Longer runs: node --import tsx test/robustness/fuzz-run.ts --seconds 300.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzTargets, type Tried } from './hostile.js';
import { resetTally, tally } from './tally.js';

const FUZZ_MS = Number(process.env.ATLAS_FUZZ_MS ?? 15_000);
const seed = Number(process.env.ATLAS_FUZZ_SEED ?? Date.now() % 2 ** 31);
const replay = process.env.ATLAS_FUZZ_PATH;
const tried: Tried = { inputsTried: 0, crashes: 0 };
const targets = fuzzTargets(tried);

beforeAll(() => resetTally('fuzz'));
afterAll(() => {
  tally('fuzz', tried);
  expect(tried.crashes).toBe(0);
});

describe(`fuzz (seed ${seed})`, () => {
  for (const { name, property, minInputs } of targets) {
    it(
      name,
      () => {
        const before = tried.inputsTried;
        const result = fc.check(property, {
          seed,
          ...(replay ? { path: replay } : {}),
          numRuns: Number.MAX_SAFE_INTEGER,
          interruptAfterTimeLimit: FUZZ_MS / targets.length,
          markInterruptAsFailure: false,
        });
        if (result.failed) {
          const error = (result.errorInstance as Error | undefined)?.message ?? String(result.errorInstance);
          throw new Error(
            `fuzz target "${name}" failed: ${error}\n` +
              `replay: ATLAS_FUZZ_SEED=${seed} ATLAS_FUZZ_PATH=${result.counterexamplePath} ` +
              `npx vitest run test/robustness/fuzz.test.ts\n${fc.defaultReportMessage(result)}`,
          );
        }
        // a target that tried next to nothing in its time would prove nothing
        if (!replay) expect(tried.inputsTried - before).toBeGreaterThanOrEqual(minInputs);
      },
      FUZZ_MS + 60_000,
    );
  }
});
