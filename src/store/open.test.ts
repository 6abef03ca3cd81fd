import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoreError } from '../errors.js';
import { DEFAULT_STORE, isPostgresUrl, openStore, storeTarget } from './open.js';

describe('storeTarget', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('takes the argument, else ATLAS_DB, else ./atlas.db', () => {
    vi.stubEnv('ATLAS_DB', '/data/team.db');
    expect(storeTarget('x.db')).toBe('x.db');
    expect(storeTarget()).toBe('/data/team.db');
    vi.stubEnv('ATLAS_DB', '');
    expect(storeTarget()).toBe(DEFAULT_STORE);
    expect(DEFAULT_STORE).toBe('./atlas.db');
  });
});

describe('isPostgresUrl', () => {
  it('knows both URL schemes, in any case, and nothing else', () => {
    expect(isPostgresUrl('postgres://db/atlas')).toBe(true);
    expect(isPostgresUrl('POSTGRESQL://db/atlas')).toBe(true);
    expect(isPostgresUrl('postgres.db')).toBe(false);
    expect(isPostgresUrl('./postgres://x')).toBe(false);
    expect(isPostgresUrl('mysql://db/atlas')).toBe(false);
  });
});

describe('opening a PostgreSQL store that cannot be reached', () => {
  it('says the server cannot be reached, without the password', async () => {
    // port 1 on the loopback: nothing listens there, the connection is refused at once
    const attempt = openStore('postgres://atlas:s3cret@127.0.0.1:1/atlas');
    await expect(attempt).rejects.toThrow(StoreError);
    await expect(attempt).rejects.toThrow(
      /cannot open store postgres:\/\/atlas@127\.0\.0\.1:1\/atlas: cannot reach the server/,
    );
    await expect(attempt).rejects.not.toThrow(/s3cret/);
  });
});
