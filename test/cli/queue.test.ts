// Distributed ingestion: `atlas ingest --queue` into PostgreSQL and two `atlas worker` processes
// on this machine taking the jobs. Needs ATLAS_TEST_PG (scripts/pg-test-cluster.sh starts a
// database); without it the test is skipped loudly, and CI (ATLAS_REQUIRE_PG=1) fails instead.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { withPostgres } from '../postgres.js';

const root = join(import.meta.dirname, '..', '..');
const atlasBin = join(root, 'bin', 'atlas.js');
withPostgres('queue test', (base) => {
  describe('atlas ingest --queue and two workers', () => {
    const schema = `test_queue_${randomBytes(4).toString('hex')}`;
    const url = new URL(base);
    url.searchParams.set('options', `-csearch_path=${schema}`);
    const db = url.toString();
    const admin = new pg.Client({ connectionString: base });

    afterAll(async () => {
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.query(`DROP SCHEMA IF EXISTS ${schema}_queue CASCADE`);
      await admin.end();
    });

    it('ingests every queued document exactly once, shared between two workers', async () => {
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      const dir = mkdtempSync(join(tmpdir(), 'atlas-queue-'));
      const docs = join(dir, 'docs');
      mkdirSync(docs);
      const seed = readFileSync(join(root, 'corpus', 'north-koreans-in-russia.txt'), 'utf8');
      const N = 24;
      for (let i = 0; i < N; i++) writeFileSync(join(docs, `doc-${i}.txt`), seed.replaceAll('12,000', `${12 + i},000`));
      writeFileSync(join(docs, 'bad.txt'), Buffer.from([0xff, 0xfe, 0x00]));

      const env = { ...process.env, ATLAS_DB: '' };
      const q = spawnSync(process.execPath, [atlasBin, 'ingest', '--queue', docs, '--db', db, '--json'], {
        encoding: 'utf8',
        env,
      });
      expect(q.status, q.stderr).toBe(1); // bad.txt is reported at once, not queued
      expect(JSON.parse(q.stdout)).toMatchObject({ queued: N, pending: N });
      expect(q.stderr).toMatch(/bad\.txt/);

      const worker = () =>
        new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
          const p = spawn(process.execPath, [atlasBin, 'worker', '--db', db, '--until-empty', '--json'], { env });
          let out = '';
          let err = '';
          p.stdout.on('data', (d) => (out += d));
          p.stderr.on('data', (d) => (err += d));
          p.on('close', (code) => resolve({ code, out, err }));
        });
      const results = await Promise.all([worker(), worker()]);
      const reports = results.map((r) => {
        expect(r.code, r.err).toBe(0);
        return JSON.parse(r.out) as { added: number; failed: number };
      });
      expect(reports[0]!.added + reports[1]!.added).toBe(N);
      expect(reports[0]!.added).toBeGreaterThan(0);
      expect(reports[1]!.added).toBeGreaterThan(0);

      const list = spawnSync(process.execPath, [atlasBin, 'documents', '--db', db, '--json'], {
        encoding: 'utf8',
        env,
      });
      const stored = JSON.parse(list.stdout) as { id: string; claims: number }[];
      expect(stored).toHaveLength(N);
      expect(new Set(stored.map((d) => d.claims)).size).toBe(1); // every document whole
    }, 180_000);
  });
});
