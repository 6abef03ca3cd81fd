// The store commands as a user runs them: `atlas ingest`, `claims`, `review`, `reviews`,
// `export`, `check`, `documents`, each a spawned process against a SQLite file in a temporary
// folder. Needs the build (npm test builds first).
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const seed = join(root, 'corpus', 'north-koreans-in-russia.txt');
const atlasBin = join(root, 'bin', 'atlas.js');
const env = { ...process.env, ATLAS_DB: '' };
const atlas = (...args: string[]) =>
  spawnSync(process.execPath, [atlasBin, ...args], { cwd: root, encoding: 'utf8', env });
const json = (r: { stdout: string }) => JSON.parse(r.stdout);

describe('atlas ingest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-ingest-'));
  const db = join(dir, 'atlas.db');
  const docs = join(dir, 'docs');
  mkdirSync(docs);
  cpSync(seed, join(docs, 'north-koreans-in-russia.txt'));
  writeFileSync(
    join(docs, 'report.md'),
    '---\ntitle: A report\ndate: 2019-05-01\nsource: https://example.org/report\n---\n# Workers\n\nIn 2018 about **30,000** North Korean workers were in Russia, according to the Ministry of Labour.\n',
  );
  writeFileSync(join(docs, 'broken.txt'), Buffer.from([0x66, 0x6f, 0xff, 0xfe, 0x00, 0x01]));
  writeFileSync(join(docs, 'notes.pdf'), 'ignored: not a document type');

  it('ingests a folder, reports the bad file and exits non-zero', () => {
    const r = atlas('ingest', docs, '--db', db, '--json');
    expect(r.status).toBe(1);
    const out = json(r);
    expect(out).toMatchObject({ files: 3, added: 2, failed: 1, unchanged: 0 });
    expect(out.items.find((i: { status: string }) => i.status === 'failed').path).toContain('broken.txt');
    expect(r.stderr).toMatch(/broken\.txt/);
    expect(out.claims).toBeGreaterThan(10);
  });

  it('skips unchanged documents on a second run', () => {
    const r = atlas('ingest', join(docs, 'north-koreans-in-russia.txt'), join(docs, 'report.md'), '--db', db, '--json');
    expect(r.status).toBe(0);
    expect(json(r)).toMatchObject({ added: 0, replaced: 0, unchanged: 2, failed: 0 });
  });

  it('prints one line per document and a summary when not on a terminal', () => {
    const r = atlas('ingest', join(docs, 'report.md'), '--db', db, '--force');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^replaced\s+report \(1 claims/m);
    expect(r.stdout).toMatch(/1 files: 0 added, 1 replaced/);
  });

  it('lists documents and claims with their citations', () => {
    const list = json(atlas('documents', '--db', db, '--json'));
    expect(list.map((d: { id: string }) => d.id).sort()).toEqual(['north-koreans-in-russia', 'report']);
    const claims = json(atlas('claims', '--db', db, '--doc', 'report', '--json'));
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({
      value: { low: 30000, high: 30000, approx: 'about' },
      group: { kind: 'workers' },
      status: 'machine',
      document: 'report',
    });
    const text = readFileSync(join(docs, 'report.md'), 'utf8');
    expect(text.slice(claims[0].span[0], claims[0].span[1])).toBe(claims[0].text);
  });

  it('refuses bad options with a clear message', () => {
    for (const [args, message] of [
      [['claims', '--db', db, '--status', 'maybe'], /invalid --status: maybe/],
      [['claims', '--db', db, '--doc', 'nope'], /no document nope/],
      [['claims', '--db', db, '--limit', '0'], /invalid --limit/],
      [['ingest', '--db', db, '--date', '20066', docs], /invalid --date/],
      [['ingest', '--db', db, '--queue', docs], /--queue needs a PostgreSQL store/],
      [['export', '--db', db, '--format', 'xml'], /invalid --format: xml/],
      [['review', 'report:0000000000', '--db', db, '--accept'], /no claim|not found|unknown claim/i],
      [['review', 'x', '--db', db], /exactly one of/],
      [['claims', '--db', join(dir, 'missing', 'x.db')], /./],
    ] as const) {
      const r = atlas(...args);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
  });

  it('checks the store', () => {
    const r = atlas('check', '--db', db);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/ok/);
  });

  it('exports CSV, JSON and GeoJSON with citations, to stdout or a file', () => {
    const csv = atlas('export', '--db', db, '--format', 'csv');
    expect(csv.status).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toMatch(/^id,kind,document/);
    expect(csv.stdout).toContain('https://example.org/report');
    const out = join(dir, 'atlas.geojson');
    const geo = atlas('export', '--db', db, '--format', 'geojson', '--out', out);
    expect(geo.status).toBe(0);
    const fc = JSON.parse(readFileSync(out, 'utf8'));
    expect(fc.type).toBe('FeatureCollection');
    const vladivostok = fc.features.find((f: { properties: { name?: string } }) => f.properties.name === 'Vladivostok');
    expect(vladivostok.geometry.coordinates[0]).toBeGreaterThan(100); // [lon, lat]
    const all = JSON.parse(atlas('export', '--db', db, '--format', 'json').stdout);
    expect(all.claims.length).toBeGreaterThan(10);
    expect(all.claims[0].citation.sentence.length).toBeGreaterThan(10);
  });
});

describe('atlas review', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-review-'));
  const db = join(dir, 'atlas.db');
  const doc = join(dir, 'north-koreans-in-russia.txt');
  cpSync(seed, doc);
  atlas('ingest', doc, '--db', db);
  const claims = json(atlas('claims', '--db', db, '--json')) as { id: string; text: string; status: string }[];
  const byText = (t: string) => claims.find((c) => c.text === t)!;

  it('accepts, rejects and corrects claims; the status shows in `atlas claims`', () => {
    const a = byText('about 12,000');
    const b = byText('roughly 10,000');
    const c = claims.find((x) => x.text.includes('15,000'))!;
    expect(atlas('review', a.id, '--db', db, '--accept').status).toBe(0);
    expect(atlas('review', b.id, '--db', db, '--reject', '--note', 'double counted').status).toBe(0);
    const r = atlas('review', c.id, '--db', db, '--set', 'low=16000', '--set', 'place=Khabarovsk', '--json');
    expect(r.status).toBe(0);
    expect(json(r).claim).toMatchObject({ status: 'corrected', value: { low: 16000 }, place: { name: 'Khabarovsk' } });
    const after = json(atlas('claims', '--db', db, '--json')) as { id: string; status: string }[];
    const status = (id: string) => after.find((x) => x.id === id)?.status;
    expect([status(a.id), status(b.id), status(c.id)]).toEqual(['accepted', 'rejected', 'corrected']);
    expect(atlas('review', c.id, '--db', db, '--set', 'modality=sure').stderr).toMatch(/invalid modality/);
  });

  it('re-applies reviews after the document is edited, and reports orphans', () => {
    const a = byText('about 12,000');
    const b = byText('roughly 10,000');
    const c = claims.find((x) => x.text.includes('15,000'))!;
    // edit elsewhere: a paragraph added at the top moves every quote; claim b's sentence is deleted
    const original = readFileSync(doc, 'utf8');
    const bSentence = json(atlas('claims', '--db', db, '--json')).find((x: { id: string }) => x.id === b.id).sentence;
    const edited =
      original.slice(0, bSentence[0]).replace('\n', '\nAn editor added this paragraph at the top.\n') +
      original.slice(bSentence[1]);
    writeFileSync(doc, edited);
    const r = json(atlas('ingest', doc, '--db', db, '--json'));
    expect(r).toMatchObject({ replaced: 1, reviews: { applied: 2, orphaned: 1 } });
    const after = json(atlas('claims', '--db', db, '--json')) as { id: string; status: string; text: string }[];
    expect(after.find((x) => x.text === 'about 12,000')?.status).toBe('accepted');
    expect(after.find((x) => x.text.includes('15,000'))?.status).toBe('corrected');
    const reviews = json(atlas('reviews', '--db', db, '--json')) as { state: string; selector: { exact: string } }[];
    expect(reviews.filter((x) => x.state === 'orphaned').map((x) => x.selector.exact)).toEqual(['roughly 10,000']);
    expect(a.id).toBeTruthy();
    expect(c.id).toBeTruthy();
  });
});

describe('crash safety', () => {
  it('a SIGKILL mid-ingest leaves no partial document; a re-run completes the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-crash-'));
    const db = join(dir, 'atlas.db');
    const docs = join(dir, 'docs');
    mkdirSync(docs);
    const seedText = readFileSync(seed, 'utf8');
    const N = 40;
    for (let i = 0; i < N; i++) {
      writeFileSync(
        join(docs, `copy-${String(i).padStart(2, '0')}.txt`),
        seedText.replaceAll('10,000', `${10 + i},000`),
      );
    }
    const child: ChildProcess = spawn(process.execPath, [atlasBin, 'ingest', docs, '--db', db], { cwd: root, env });
    let lines = 0;
    await new Promise<void>((resolve, reject) => {
      child.stdout!.on('data', (d: Buffer) => {
        lines += d
          .toString()
          .split('\n')
          .filter((l) => l.startsWith('added')).length;
        if (lines >= 5) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => (lines >= 5 ? resolve() : reject(new Error('ingest ended before the kill'))));
    });
    await new Promise((r) => child.once('exit', r).once('close', r));
    expect(atlas('check', '--db', db).stdout).toMatch(/ok/);
    const stored = json(atlas('documents', '--db', db, '--json')) as { id: string; claims: number }[];
    expect(stored.length).toBeGreaterThanOrEqual(5);
    expect(stored.length).toBeLessThan(N);
    // every stored document is whole: as many claims as its file gives
    const expected = json(atlas('extract', join(docs, 'copy-00.txt'), '--json')).claims.length;
    for (const d of stored) expect(d.claims, d.id).toBe(expected);
    const again = json(atlas('ingest', docs, '--db', db, '--json'));
    expect(again).toMatchObject({ files: N, failed: 0, unchanged: stored.length, added: N - stored.length });
    expect(atlas('check', '--db', db).status).toBe(0);
  }, 120_000);
});
