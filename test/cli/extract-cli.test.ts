// The `atlas extract` command as a user runs it: a spawned process, its stdout, stderr and exit
// code. Needs the build (npm test builds first).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const atlas = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin', 'atlas.js'), ...args], { cwd: root, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'atlas-cli-'));
const file = (name: string, content: string | Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe('atlas extract', () => {
  it('prints exactly one JSON object with --json, spans slicing the file', () => {
    const path = join(root, 'corpus', 'north-koreans-in-russia.txt');
    const r = atlas('extract', path, '--json');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.document).toMatchObject({ title: 'North Koreans in Russia', format: 'mediawiki' });
    const text = readFileSync(path, 'utf8');
    expect(out.claims.length).toBeGreaterThan(10);
    for (const c of out.claims) expect(text.slice(c.span[0], c.span[1])).toBe(c.text);
    expect(out.claims.find((c: { text: string }) => c.text === 'about 12,000')).toMatchObject({
      value: { low: 12000, high: 12000, approx: 'about' },
      group: { kind: 'soldiers' },
      source: 'Ukrainian intelligence',
    });
  });

  it('prints a readable table without --json', () => {
    const r = atlas('extract', join(root, 'corpus', 'north-koreans-in-russia.txt'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('roughly 10,000');
    expect(r.stdout).toContain('Kyung Hee');
  });

  it('resolves relative times against --date', () => {
    const r = atlas(
      'extract',
      file('rel.txt', 'Some 300 workers arrived last year.'),
      '--json',
      '--date',
      '2024-05-01',
    );
    expect(JSON.parse(r.stdout).claims[0].time).toMatchObject({ start: '2023', end: '2023' });
  });

  const failures: Array<[string, () => string[], RegExp]> = [
    ['a missing file', () => ['extract', join(dir, 'nope.txt')], /no such file/],
    ['an empty file', () => ['extract', file('empty.txt', '')], /empty/],
    ['a binary file', () => ['extract', file('bin.txt', new Uint8Array([1, 2, 0, 3, 4]))], /binary/],
    [
      'a non-UTF-8 file',
      () => ['extract', file('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x31]))],
      /UTF-8/,
    ],
    ['a folder', () => ['extract', dir], /folder/],
    ['a bad --date', () => ['extract', file('ok.txt', 'Hello.'), '--date', '20066'], /invalid --date/],
  ];
  for (const [what, args, message] of failures) {
    it(`fails on ${what} with one clear line and exit code 1`, () => {
      const r = atlas(...args());
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    });
  }

  it('atlas read shows sections and sentences with spans into the file', () => {
    const path = join(root, 'corpus', 'north-koreans-in-russia.txt');
    const r = atlas('read', path, '--json');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    const text = readFileSync(path, 'utf8');
    expect(out.meta.title).toBe('North Koreans in Russia');
    expect(out.sections.map((s: { title: string }) => s.title)).toContain('Soldiers');
    for (const s of out.sentences) expect(text.slice(s.span[0], s.span[1])).toBe(s.text);
  });

  it('exits 2 on a usage error', () => {
    expect(atlas('extract').status).toBe(2);
    expect(atlas('frobnicate').status).toBe(2);
  });
});

describe('a reader that goes away', () => {
  it('`atlas ingest ... | head -n 1` stops quietly: no EPIPE stack trace, the store sound', () => {
    const docs = join(root, 'test', 'fixtures', 'eval', 'corpus');
    const db = join(dir, 'epipe.db');
    // one line per document: head leaves after the first, the next write fails with EPIPE
    const r = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" bin/atlas.js ingest "${docs}" --db "${db}" --no-diff | head -n 1`],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, ATLAS_DB: '' },
      },
    );
    expect(r.stdout).toMatch(/^added /);
    expect(r.stderr).toBe('');
    expect(atlas('check', '--db', db).status).toBe(0);
  });
});
