// The query commands as a user runs them, on a store ingested from the development corpus copied
// into test/fixtures/eval: every development question answered right (`atlas ask` over JSON
// Lines, scored by the eval's own scorer), and estimate, timeline, series, search and diff.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the scorer is plain JavaScript without types
import { scoreAsk } from '../fixtures/eval/eval/score.mjs';

const root = join(import.meta.dirname, '..', '..');
const evalRoot = join(root, 'test', 'fixtures', 'eval');
const env = { ...process.env, ATLAS_DB: '' };
const atlas = (args: string[], input?: string) =>
  spawnSync(process.execPath, [join(root, 'bin', 'atlas.js'), ...args], { cwd: root, encoding: 'utf8', env, input });
const dir = mkdtempSync(join(tmpdir(), 'atlas-query-cli-'));
const db = join(dir, 'atlas.db');
const questions = JSON.parse(readFileSync(join(evalRoot, 'eval', 'questions', 'seed.json'), 'utf8'));

beforeAll(() => {
  const r = atlas(['ingest', join(evalRoot, questions.corpus), '--db', db, '--json']);
  expect(r.status, r.stderr).toBe(0);
});

describe('atlas ask', () => {
  it('answers every development question right (JSON Lines in, JSON Lines out)', () => {
    const r = atlas(
      ['ask', '--db', db, '--json'],
      `${questions.questions.map((q: { q: string }) => q.q).join('\n')}\n`,
    );
    expect(r.status, r.stderr).toBe(0);
    const answers = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(answers).toHaveLength(questions.questions.length);
    const score = scoreAsk(questions.questions, answers);
    expect(score.wrong).toEqual([]);
  });

  it('prints a readable answer with its citations', () => {
    const r = atlas(['ask', 'How many North Koreans lived in Russia in 2006?', '--db', db]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^A: About 10,000/m);
    expect(r.stdout).toMatch(/\[1\] North Koreans in Russia/);
    expect(r.stdout).toMatch(/Kyung Hee University/);
  });

  it('says none rather than the nearest figure for what the store does not hold', () => {
    for (const q of ['How many penguins live in Russia?', 'How many North Korean soldiers were killed in 1950?']) {
      const out = JSON.parse(atlas(['ask', q, '--db', db, '--json']).stdout);
      expect(out.answer.kind, q).toBe('none');
      expect(out.citations).toEqual([]);
    }
  });

  it('answers one bad line of a batch with its error and goes on', () => {
    const r = atlas(
      ['ask', '--db', db, '--json'],
      `${'x'.repeat(3000)}\nHow many North Koreans lived in Russia in 2006?\n`,
    );
    expect(r.status).toBe(0);
    const [bad, good] = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(bad.error).toMatch(/at most 2000/);
    expect(good.answer.kind).toBe('quantity');
  });
});

describe('atlas estimate, series, timeline, search, diff', () => {
  it('estimates with candidates, fit and citations', () => {
    const r = atlas(['estimate', '--group', 'general', '--place', 'Russia', '--year', '2006', '--db', db, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const e = JSON.parse(r.stdout);
    expect(e.answer).toMatchObject({ kind: 'single', value: { low: 10000, high: 10000 } });
    expect(e.candidates[0].sentence).toMatch(/Kyung Hee/);
    const table = atlas(['estimate', '--group', 'soldiers', '--place', 'Russia', '--db', db]);
    expect(table.stdout).toMatch(/Best fit|Span of/);
    const one = atlas(['estimate', '--group', 'general', '--place', 'Russia', '--limit', '1', '--db', db]);
    expect(one.stdout).toMatch(/^1 candidate; more may fit \(--limit 500/m);
  });

  it('refuses bad parameters by name', () => {
    for (const [args, message] of [
      [['estimate', '--year', '20066'], /invalid --year: 20066/],
      [['estimate', '--place', 'Atlantis'], /unknown --place: Atlantis/],
      [['estimate', '--group', 'penguins'], /unknown --group: penguins/],
      [['estimate', '--from', '2010', '--to', '2000'], /--from 2010 is after --to 2000/],
      [['estimate', '--limit', '501'], /invalid --limit: 501 \(at most 500\)/],
      [['estimate', '--limit', 'ten'], /--limit/],
      [['timeline', '--type', 'party'], /invalid --type: party/],
      [['series', '--unit', 'kg'], /invalid --unit: kg/],
      [['search', '   '], /nothing to search/],
      [['diff', 'nope'], /no document nope/],
    ] as const) {
      const r = atlas([...args, '--db', db]);
      expect(r.status, args.join(' ')).toBe(1);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  });

  it('lists the timeline in time order, fuzzy dates kept as written', () => {
    const entries = JSON.parse(atlas(['timeline', '--db', db, '--events', '--json']).stdout);
    expect(entries.length).toBeGreaterThan(5);
    const years = entries.map((e: { time: { start: string | null; end: string } }) =>
      Number((e.time.start ?? e.time.end).slice(0, 4)),
    );
    expect(years).toEqual([...years].sort((a, b) => a - b));
    const window = JSON.parse(atlas(['timeline', '--db', db, '--from', '2000', '--to', '2010', '--json']).stdout);
    expect(window.length).toBeGreaterThan(0);
    for (const e of window) expect(Number((e.time.end ?? '9999').slice(0, 4))).toBeGreaterThanOrEqual(2000);
  });

  it('gives the series of estimates as intervals', () => {
    const points = JSON.parse(atlas(['series', '--group', 'workers', '--db', db, '--json']).stdout);
    expect(points.length).toBeGreaterThan(1);
    expect(points[0]).toHaveProperty('low');
    expect(points[0]).toHaveProperty('from');
  });

  it('searches sentences with highlights', () => {
    const hits = JSON.parse(atlas(['search', 'lumberjacks', '--db', db, '--json']).stdout);
    expect(hits.length).toBeGreaterThan(0);
    const [a, b] = hits[0].highlights[0];
    expect(hits[0].snippet.slice(a, b).toLowerCase()).toContain('lumberjack');
    expect(atlas(['search', 'lumberjacks', '--db', db]).stdout).toMatch(/\[lumberjacks\]/i);
  });

  it('reports what a new source adds, corroborates and contradicts, at ingest and with diff', () => {
    const rival = join(dir, 'rival.md');
    writeFileSync(
      rival,
      '---\ntitle: Rival report\n---\nAs of 2006, some 40,000 North Koreans lived in Russia, according to the Federal Migration Service. In 2025, Ukraine captured 2 soldiers from North Korea.\n',
    );
    const r = atlas(['ingest', rival, '--db', db, '--json']);
    const changes = JSON.parse(r.stdout).changes[0];
    expect(changes.counts).toMatchObject({ conflicts: 1, corroborates: 1 });
    const conflict = changes.claims.find((c: { kind: string }) => c.kind === 'conflicts');
    expect(conflict.others[0]).toMatchObject({ document: 'north-koreans-in-russia', text: 'roughly 10,000' });
    const diff = atlas(['diff', 'rival', '--db', db]);
    expect(diff.stdout).toMatch(/conflicts\s+"some 40,000" vs "roughly 10,000"/);
  });
});
