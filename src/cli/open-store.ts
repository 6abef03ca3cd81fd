import { openStore } from '../store/open.js';
import type { Store } from '../store/types.js';
import type { DbOption } from './db-option.js';

export { DB_HELP, type DbOption } from './db-option.js';

/** Opens the store a command names, runs `fn`, and always closes it (even when `fn` throws). */
export async function withStore<T>(options: DbOption, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(options.db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
