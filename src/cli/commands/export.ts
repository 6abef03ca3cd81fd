import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { InputError } from '../../errors.js';
import { csvLines, type ExportInput, geoJsonChunks, jsonChunks } from '../../export/index.js';
import type { ClaimFilter, ClaimStatus, SentenceRecord, Store } from '../../store/types.js';
import { type DbOption, withStore } from '../open-store.js';

const FORMATS = ['csv', 'json', 'geojson'] as const;
type Format = (typeof FORMATS)[number];

export interface ExportCommandOptions extends DbOption {
  format?: string;
  out?: string;
  doc?: string;
  /** include rejected claims (left out by default: a reviewer said they are wrong) */
  all?: boolean;
}

/**
 * `atlas export --format csv|json|geojson [--out FILE] [--doc D] [--all]`. Writes to stdout, or
 * to FILE through a temporary file renamed at the end, so a failed export never leaves half a
 * file where a good one was.
 */
export async function exportCommand(
  options: ExportCommandOptions,
  stdout: (chunk: string) => void,
): Promise<string | null> {
  const format = (options.format ?? 'json') as Format;
  if (!FORMATS.includes(format))
    throw new InputError(`invalid --format: ${options.format} (expected csv, json or geojson)`);
  return withStore(options, async (store) => {
    const input = await exportInput(store, options);
    const chunks = format === 'csv' ? csvLines(input) : format === 'json' ? jsonChunks(input) : geoJsonChunks(input);
    if (!options.out) {
      for (const c of chunks) stdout(c);
      return null;
    }
    const tmp = `${options.out}.tmp-${process.pid}`;
    let fd: number;
    try {
      fd = openSync(tmp, 'w');
    } catch (e) {
      throw new InputError(`cannot write ${options.out}: ${(e as Error).message}`);
    }
    try {
      for (const c of chunks) writeSync(fd, c);
      closeSync(fd);
      renameSync(tmp, options.out);
    } catch (e) {
      try {
        closeSync(fd);
      } catch {}
      rmSync(tmp, { force: true });
      throw new InputError(`cannot write ${options.out}: ${(e as Error).message}`);
    }
    return `exported ${format} to ${options.out}`;
  });
}

const LIVE: ClaimStatus[] = ['machine', 'accepted', 'corrected'];

async function exportInput(store: Store, options: ExportCommandOptions): Promise<ExportInput> {
  const documents = (await store.listDocuments()).filter((d) => !options.doc || d.id === options.doc);
  if (options.doc && documents.length === 0) throw new InputError(`no document ${options.doc} in ${store.location}`);
  const filter: ClaimFilter = {};
  if (options.doc) filter.document = options.doc;
  if (!options.all) filter.status = LIVE;
  const claims = await store.claims(filter);
  const events = await store.events(options.doc ? { document: options.doc } : {});
  const places = (await store.places()).filter((p) => p.claims + p.events > 0);
  const sentences = new Map<string, SentenceRecord[]>();
  for (const d of documents) sentences.set(d.id, await store.sentences(d.id));
  return {
    documents,
    claims,
    events,
    places,
    sentenceText: (doc, i) => sentences.get(doc)?.[i]?.text ?? '',
  };
}
