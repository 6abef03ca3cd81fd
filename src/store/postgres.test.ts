/**
 * The store suite against PostgreSQL, when ATLAS_TEST_PG names a database to test in (start a
 * throwaway one with scripts/pg-test-cluster.sh). Each store gets a schema of its own, dropped
 * at the end. Without ATLAS_TEST_PG the suite is skipped, loudly; CI sets ATLAS_REQUIRE_PG=1 so
 * that a missing database fails instead.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateTo } from './migrations/postgres.js';
import { openStore } from './open.js';
import { PostgresStore, redact } from './postgres.js';
import { storeSuite } from './store.suite.js';

const url = process.env.ATLAS_TEST_PG;
const SKIPPED = 'PostgreSQL store suite SKIPPED: set ATLAS_TEST_PG (scripts/pg-test-cluster.sh starts one)';

/** the URL with a search_path that puts every table in `schema` */
function inSchema(base: string, schema: string): string {
  const u = new URL(base);
  u.searchParams.set('options', `-csearch_path=${schema}`);
  return u.toString();
}

if (!url) {
  if (process.env.ATLAS_REQUIRE_PG === '1') {
    it('PostgreSQL store suite: ATLAS_TEST_PG must be set when ATLAS_REQUIRE_PG=1', () => {
      throw new Error('ATLAS_REQUIRE_PG=1 but ATLAS_TEST_PG is not set (scripts/pg-test-cluster.sh starts a database)');
    });
  } else {
    console.warn(`\n*** ${SKIPPED} ***\n`);
    it.skip(SKIPPED, () => {});
  }
} else {
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  const schemas: string[] = [];
  /** a new empty schema; its name is ours (hex), so it is safe to write into DDL */
  const freshSchema = async (): Promise<string> => {
    const schema = `test_${randomBytes(6).toString('hex')}`;
    await admin.query(`CREATE SCHEMA ${schema}`);
    schemas.push(schema);
    return schema;
  };
  afterAll(async () => {
    for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  });

  storeSuite('postgres', async () => openStore(inSchema(url, await freshSchema())), {
    async createAt(version) {
      const target = inSchema(url, await freshSchema());
      const withClient = async (fn: (client: pg.Client) => Promise<unknown>) => {
        const client = new pg.Client({ connectionString: target });
        await client.connect();
        try {
          await fn(client);
        } finally {
          await client.end();
        }
      };
      await withClient((client) => migrateTo(client, version));
      return {
        async exec(sql, params = []) {
          let n = 0;
          await withClient((client) =>
            client.query(
              sql.replace(/\?/g, () => `$${++n}`),
              params,
            ),
          );
        },
        open: () => openStore(target),
      };
    },
  });

  describe('opening a PostgreSQL store', () => {
    it('keeps the password out of its location', async () => {
      expect(redact('postgres://atlas:s3cret@db.example.org:5432/atlas')).toBe(
        'postgres://atlas@db.example.org:5432/atlas',
      );
      expect(redact('postgresql://atlas@db/atlas')).toBe('postgresql://atlas@db/atlas');
      const store = await openStore(inSchema(url, await freshSchema()));
      expect(store.kind).toBe('postgres');
      expect(store.location).not.toMatch(/:[^/@]*@/);
      await store.close();
    });

    it('migrates once when two processes open a new store at the same time', async () => {
      const target = inSchema(url, await freshSchema());
      const stores = await Promise.all([PostgresStore.open(target), PostgresStore.open(target), openStore(target)]);
      try {
        for (const s of stores) expect(await s.schemaVersion()).toBe(6);
        const check = new pg.Client({ connectionString: target });
        await check.connect();
        const { rows } = await check.query('SELECT version FROM schema_migrations ORDER BY version');
        await check.end();
        expect(rows.map((r) => r.version)).toEqual([1, 2, 3, 4, 5, 6]);
      } finally {
        for (const s of stores) await s.close();
      }
    });

    it('says so when the database does not exist', async () => {
      const u = new URL(url);
      u.pathname = '/atlas_no_such_database';
      await expect(openStore(u.toString())).rejects.toThrow(/the database does not exist/);
    });

    it('refuses a schema that holds other tables', async () => {
      const schema = await freshSchema();
      await admin.query(`CREATE TABLE ${schema}.recipes (name text)`);
      await expect(openStore(inSchema(url, schema))).rejects.toThrow(/table "recipes" and no schema_migrations/);
    });
  });
}
