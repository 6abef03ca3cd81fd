// What an `atlas` command loads before it runs: only what it needs. Every command's module, the
// store drivers and the document parsers loaded up front took ~0.45 s of every start, `atlas
// --version` included (bench/cli-start.mjs measures the starts). The modules a spawned command
// loads through `import` are recorded by loader hooks (test/fixtures/startup/). Needs the build
// (npm test builds first).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'atlas-startup-'));
const hooks = join(root, 'test', 'fixtures', 'startup', 'record-loads.mjs');

/** Runs `atlas ...args` and returns the modules it loaded: packages by name, ours by path under dist/. */
function loads(...args: string[]): { status: number | null; packages: string[]; ours: string[] } {
  const log = join(dir, `${args[0]}-${Math.random().toString(36).slice(2)}.log`);
  writeFileSync(log, '');
  const r = spawnSync(process.execPath, ['--import', hooks, join(root, 'bin', 'atlas.js'), ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ATLAS_LOAD_LOG: log },
  });
  const urls = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const packages = new Set<string>();
  const ours: string[] = [];
  for (const url of urls) {
    const pkg = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (pkg) packages.add(pkg[1]!);
    else if (url.includes('/dist/')) ours.push(url.slice(url.indexOf('/dist/') + 6));
  }
  return { status: r.status, packages: [...packages].sort(), ours };
}

const STORE_AND_SERVER = ['better-sqlite3', 'pg', 'pg-boss', 'hono', 'zod'];
const PARSERS = ['mdast-util-from-markdown', 'parse5', 'yaml'];

describe('atlas start-up', () => {
  it('--version loads the command line and nothing else', () => {
    const r = loads('--version');
    expect(r.status).toBe(0);
    expect(r.packages).toEqual(['commander']);
    expect(r.ours.filter((p) => !p.startsWith('cli/') && p !== 'errors.js' && p !== 'query/limits.js')).toEqual([]);
  });

  it('extract of a plain-text file loads neither the store nor the Markdown, HTML and YAML parsers', () => {
    const file = join(dir, 'a.txt');
    writeFileSync(file, 'In 2006 roughly 10,000 North Korean workers were in Russia.\n');
    const r = loads('extract', file, '--json');
    expect(r.status).toBe(0);
    for (const name of [...STORE_AND_SERVER, ...PARSERS]) expect(r.packages).not.toContain(name);
    // the entity lexicon reads the build's country word list, not the package's 1.4 MB (~30 ms)
    expect(r.packages).not.toContain('world-countries');
    expect(r.ours.some((p) => p.startsWith('store/') || p.startsWith('query/estimate'))).toBe(false);
    expect(r.ours).toContain('extract/index.js');
  });

  it('a store command does load its driver (the recorder sees packages)', () => {
    const r = loads('documents', '--db', join(dir, 'atlas.db'));
    expect(r.status).toBe(0);
    expect(r.packages).toContain('better-sqlite3');
    expect(r.ours.some((p) => p.startsWith('store/'))).toBe(true);
  });
});
