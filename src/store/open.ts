/**
 * Opens the store a user names: `--db`, else `ATLAS_DB`, else `./atlas.db`. A `postgres://` or
 * `postgresql://` URL is a PostgreSQL store; anything else is a SQLite file path.
 */
import { PostgresStore } from './postgres.js';
import { SqliteStore } from './sqlite.js';
import type { Store } from './types.js';

export const DEFAULT_STORE = './atlas.db';

/** where the store is: the argument, else ATLAS_DB, else ./atlas.db (empty strings count as unset) */
export function storeTarget(target?: string): string {
  return target || process.env.ATLAS_DB || DEFAULT_STORE;
}

export function isPostgresUrl(target: string): boolean {
  const lower = target.slice(0, 14).toLowerCase();
  return lower.startsWith('postgres://') || lower.startsWith('postgresql://');
}

/**
 * Opens and migrates the store. StoreError, with a message naming the store, when it cannot:
 * missing directory, not a database, read-only, unreachable server, refused login, or a store
 * written by a newer atlas (left untouched).
 * Example: const store = await openStore(); await store.listDocuments()
 */
export async function openStore(target?: string): Promise<Store> {
  const where = storeTarget(target);
  return isPostgresUrl(where) ? PostgresStore.open(where) : SqliteStore.open(where);
}
