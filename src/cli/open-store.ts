import { openStore } from '../store/open.js';
import type { Store } from '../store/types.js';

/** Options every store command takes. */
export interface DbOption {
  db?: string;
}

export const DB_HELP = 'store: a SQLite file or a postgres:// URL (default: $ATLAS_DB, else ./atlas.db)';

/** Opens the store a command names, runs `fn`, and always closes it (even when `fn` throws). */
export async function withStore<T>(options: DbOption, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(options.db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
