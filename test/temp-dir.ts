import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest global setup: one temporary folder for the whole run, removed at its end. The test
 * workers and the `atlas` processes they start inherit TMPDIR, so every folder a test makes with
 * os.tmpdir() (stores, caches, documents, browser profiles) lands in it and none is left behind
 * in /tmp, whatever the test does or fails to clean up.
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-tests-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = dir;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(dir, { recursive: true, force: true });
  };
}
