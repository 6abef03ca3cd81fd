import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { StoreError } from '../errors.js';
import { migrateTo } from './migrations/sqlite.js';
import { openStore } from './open.js';
import { SqliteStore } from './sqlite.js';
import { storeSuite } from './store.suite.js';

const dir = mkdtempSync(join(tmpdir(), 'atlas-sqlite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;
const freshPath = () => join(dir, `store-${++files}.db`);

storeSuite('sqlite', () => openStore(freshPath()), {
  async createAt(version) {
    const path = freshPath();
    const db = new Database(path);
    migrateTo(db, version);
    db.close();
    return {
      async exec(sql, params = []) {
        const raw = new Database(path);
        try {
          raw.prepare(sql).run(...params);
        } finally {
          raw.close();
        }
      },
      open: () => openStore(path),
    };
  },
});

describe('opening a SQLite store', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('uses WAL, a busy timeout and foreign keys', async () => {
    const path = freshPath();
    const store = await openStore(path);
    await store.close();
    const db = new Database(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    expect(store.kind).toBe('sqlite');
    expect(store.location).toBe(path);
  });

  it('takes the path from ATLAS_DB when none is given', async () => {
    const path = freshPath();
    vi.stubEnv('ATLAS_DB', path);
    const store = await openStore();
    expect(store.location).toBe(path);
    await store.close();
  });

  it('opens a private store in memory', async () => {
    const store = await SqliteStore.open(':memory:');
    expect(await store.schemaVersion()).toBe(6);
    await store.close();
  });

  it('says so when the directory is missing, instead of creating it', async () => {
    const path = join(dir, 'no-such-dir', 'atlas.db');
    await expect(openStore(path)).rejects.toThrow(StoreError);
    await expect(openStore(path)).rejects.toThrow(/directory .*no-such-dir does not exist/);
  });

  it('says so when the path is a directory', async () => {
    const path = join(dir, 'a-directory');
    mkdirSync(path);
    await expect(openStore(path)).rejects.toThrow(/is a directory, not a database file/);
  });

  it('says so when the file is not a database, and leaves it alone', async () => {
    const path = join(dir, 'notes.db');
    writeFileSync(path, 'These are my notes, not a database. '.repeat(100));
    await expect(openStore(path)).rejects.toThrow(/cannot open store .*notes\.db: not a database file/);
  });

  it('refuses a SQLite database that is not an atlas store', async () => {
    const path = freshPath();
    const db = new Database(path);
    db.exec('CREATE TABLE recipes (name TEXT)');
    db.close();
    await expect(openStore(path)).rejects.toThrow(/not an atlas store \(it has a table "recipes"/);
  });

  it('reports a full-text index out of step with the sentences', async () => {
    const path = freshPath();
    const store = await openStore(path);
    try {
      const text = 'Some 500 workers arrived.';
      await store.putDocument({
        id: 'd',
        title: null,
        source: null,
        date: null,
        licence: null,
        format: 'text',
        hash: 'h',
        path: null,
        extractor: 'x',
        text,
        sections: [],
        sentences: [{ index: 0, start: 0, end: text.length, section: null }],
        claims: [],
        events: [],
        places: [],
        entities: [],
      });
      expect(await store.integrityCheck()).toEqual([]);
      const raw = new Database(path);
      raw.prepare('DELETE FROM sentences').run();
      raw.close();
      expect((await store.integrityCheck()).join('\n')).toMatch(/full-text index: .*malformed/);
    } finally {
      await store.close();
    }
  });

  it('waits for another process that holds the store longer than the busy timeout, then migrates it', async () => {
    const path = freshPath();
    const old = new Database(path);
    migrateTo(old, 5);
    old.close();
    // another process takes the write lock for 6.5 s: more than busy_timeout (5 s)
    const holder = spawn(process.execPath, [
      '-e',
      `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(path)});
       db.exec('BEGIN IMMEDIATE'); console.log('locked');
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 6500); db.exec('COMMIT');`,
    ]);
    await new Promise<void>((done) => holder.stdout.once('data', () => done()));
    const t0 = Date.now();
    const store = await openStore(path);
    try {
      expect(Date.now() - t0).toBeGreaterThan(5000);
      expect(await store.schemaVersion()).toBe(6);
    } finally {
      await store.close();
      holder.kill();
    }
  }, 20_000);

  it('lets two stores share one file, each seeing the other’s writes', async () => {
    const path = freshPath();
    const [a, b] = await Promise.all([openStore(path), openStore(path)]);
    try {
      expect(await a.schemaVersion()).toBe(6);
      expect(await b.schemaVersion()).toBe(6);
      expect(await a.listDocuments()).toEqual([]);
      expect(await b.integrityCheck()).toEqual([]);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
