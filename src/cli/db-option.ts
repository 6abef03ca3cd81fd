// The option every store command takes. Apart from open-store.ts so that the command line can
// print its help without loading the store drivers.

/** Options every store command takes. */
export interface DbOption {
  db?: string;
}

export const DB_HELP = 'store: a SQLite file or a postgres:// URL (default: $ATLAS_DB, else ./atlas.db)';
