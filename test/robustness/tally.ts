// The counts the robustness suite reports (inputs tried, crashes, kills survived, writes lost,
// attacks blocked). Each test file adds to its own JSON under test-results/robustness/, so the
// files can run in parallel workers; `node scripts/robustness-report.mjs` sums them for a note.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Counts {
  /** hostile inputs fed to a reader, the extractor, the CLI or the API */
  inputsTried?: number;
  /** uncaught exceptions, stack traces shown to a user, hangs: must stay 0 */
  crashes?: number;
  /** SIGKILLs after which the store opened, passed its check and held every committed write */
  killsSurvived?: number;
  /** SIGKILLs after which it did not: must stay 0 */
  killsLost?: number;
  /** writes attempted concurrently */
  concurrentWrites?: number;
  /** concurrent writes that were acknowledged but are missing afterwards: must stay 0 */
  writesLost?: number;
  /** hostile requests refused or neutralised */
  attacksBlocked?: number;
  /** hostile requests that got through: must stay 0 */
  attacksPassed?: number;
}

const dir = join(import.meta.dirname, '..', '..', 'test-results', 'robustness');

/** Adds `counts` to the tally of `suite` (one file per suite, read-modify-write). */
export function tally(suite: string, counts: Counts): void {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${suite}.json`);
  let now: Record<string, number> = {};
  try {
    now = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // first count of this run
  }
  for (const [k, v] of Object.entries(counts)) now[k] = (now[k] ?? 0) + (v ?? 0);
  writeFileSync(file, `${JSON.stringify(now, null, 2)}\n`);
}

/** Starts a suite's tally afresh (call once in beforeAll). */
export function resetTally(suite: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${suite}.json`), '{}\n');
}
