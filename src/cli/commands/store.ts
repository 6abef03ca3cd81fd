import Table from 'cli-table3';
import { type DbOption, withStore } from '../open-store.js';
import { TABLE_STYLE } from './extract.js';

/** `atlas migrate [--db D] [--json]`: brings the store's schema to this version (opening it already does). */
export async function migrateCommand(options: DbOption & { json?: boolean }): Promise<string> {
  return withStore(options, async (store) => {
    const now = await store.migrate();
    // opening the store (withStore) already ran the pending steps: report those
    const opened = store.migratedOnOpen;
    const r = opened?.applied.length
      ? { from: opened.from, to: now.to, applied: [...opened.applied, ...now.applied] }
      : now;
    const version = await store.schemaVersion();
    if (options.json) return JSON.stringify({ store: store.location, ...r, version });
    return r.applied.length
      ? `${store.location}: migrated from version ${r.from} to ${r.to} (${r.applied.join(', ')})`
      : `${store.location}: schema version ${version}, up to date`;
  });
}

/** `atlas documents [--json]`: what the store holds. */
export async function documentsCommand(options: DbOption & { json?: boolean }): Promise<string> {
  return withStore(options, async (store) => {
    const docs = await store.listDocuments();
    if (options.json) return JSON.stringify(docs);
    const table = new Table({
      head: ['id', 'title', 'date', 'claims', 'events', 'ingested'],
      wordWrap: true,
      style: TABLE_STYLE,
      colWidths: [30, 34, 12, 8, 8, 22],
    });
    for (const d of docs) table.push([d.id, d.title ?? '', d.date ?? '', d.claims, d.events, d.ingestedAt]);
    return `${docs.length} documents in ${store.location}\n${table.toString()}`;
  });
}

/** `atlas check`: the store's integrity check; exit status 1 when it finds a problem. */
export async function checkCommand(options: DbOption & { json?: boolean }): Promise<{ text: string; ok: boolean }> {
  return withStore(options, async (store) => {
    const problems = await store.integrityCheck();
    const text = options.json
      ? JSON.stringify({ store: store.location, ok: problems.length === 0, problems })
      : problems.length === 0
        ? `${store.location}: ok`
        : [`${store.location}: ${problems.length} problems`, ...problems].join('\n');
    return { text, ok: problems.length === 0 };
  });
}
