/**
 * Ingestion: files in, documents out, one transaction each. A bad file is reported and skipped;
 * the rest go in. Each document is read, extracted and written on its own, so a crash loses at
 * most the document being written (its transaction rolls back) and a re-run completes the rest:
 * unchanged documents (same hash and extractor version) are skipped before extraction.
 */
import { readFileSync, statSync } from 'node:fs';
import { decodeFile, MAX_DOCUMENT_BYTES } from '../corpus/index.js';
import { InputError } from '../errors.js';
import { EXTRACTOR_VERSION } from '../extract/version.js';
import type { PutResult, Store } from '../store/types.js';
import { contentHash, documentId, prepareText } from './prepare.js';
import { collectFiles } from './walk.js';

export interface IngestItem {
  path: string;
  /** the document id, when the file could be read far enough to know it */
  id: string | null;
  status: PutResult['status'] | 'failed';
  claims: number;
  events: number;
  reviews: PutResult['reviews'];
  bytes: number;
  /** why it failed, one line */
  error: string | null;
}

export interface IngestReport {
  files: number;
  added: number;
  replaced: number;
  unchanged: number;
  failed: number;
  claims: number;
  events: number;
  reviews: PutResult['reviews'];
  bytes: number;
  seconds: number;
  items: IngestItem[];
}

export interface IngestOptions {
  /** re-extract and rewrite even unchanged documents */
  force?: boolean;
  /** document date for relative times; overrides the front matter's */
  date?: string | null;
  onStart?: (files: number) => void;
  onItem?: (item: IngestItem, done: number, total: number) => void;
}

/** Files and folders (recursively: .txt, .md, .html) into the store. Never throws for one bad file. */
export async function ingestPaths(store: Store, paths: string[], options: IngestOptions = {}): Promise<IngestReport> {
  const t0 = performance.now();
  const { files, errors } = collectFiles(paths);
  const total = files.length + errors.length;
  options.onStart?.(total);
  const items: IngestItem[] = [];
  const record = (item: IngestItem) => {
    items.push(item);
    options.onItem?.(item, items.length, total);
  };
  for (const e of errors) record(failed(e.path, null, 0, e.message));
  for (const path of files) record(await ingestFile(store, path, options));
  return summarise(items, (performance.now() - t0) / 1000);
}

/** One file into the store: read, skip if unchanged, extract, write in one transaction. */
export async function ingestFile(store: Store, path: string, options: IngestOptions = {}): Promise<IngestItem> {
  let bytes: Buffer;
  try {
    bytes = readBounded(path);
  } catch (e) {
    return failed(path, null, 0, message(e));
  }
  return ingestBytes(store, path, bytes, options);
}

/** A document already in memory (a queued job, an upload) into the store. */
export async function ingestBytes(
  store: Store,
  path: string,
  bytes: Buffer,
  options: Pick<IngestOptions, 'force' | 'date'> = {},
): Promise<IngestItem> {
  let id: string | null = null;
  try {
    const text = decodeFile(bytes, path);
    id = documentId(path, text);
    if (!options.force && (await isUnchanged(store, id, text))) {
      return { ...failed(path, id, bytes.length, ''), status: 'unchanged', error: null };
    }
    const input = prepareText(path, text, { id, date: options.date ?? null });
    const put = await store.putDocument(input, { force: options.force ?? false });
    return {
      path,
      id,
      status: put.status,
      claims: put.claims,
      events: put.events,
      reviews: put.reviews,
      bytes: bytes.length,
      error: null,
    };
  } catch (e) {
    if (e instanceof InputError) return failed(path, id, bytes.length, e.message);
    throw e; // a store failure stops the run: every later document would fail the same way
  }
}

/** Extraction is most of the cost of ingesting, so an unchanged document stops before it. */
async function isUnchanged(store: Store, id: string, text: string): Promise<boolean> {
  const known = await store.documentState(id);
  return known !== null && known.extractor === EXTRACTOR_VERSION && known.hash === contentHash(text);
}

/** Reads a file, refusing folders and files over the size limit before reading them. */
function readBounded(path: string): Buffer {
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError(`${path} is a folder, not a file`);
    if (st.size > MAX_DOCUMENT_BYTES) {
      throw new InputError(`${path} is ${mib(st.size)} MiB; the limit is ${mib(MAX_DOCUMENT_BYTES)} MiB`);
    }
    return readFileSync(path);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`no such file: ${path}`);
    if (code === 'EACCES') throw new InputError(`cannot read ${path}: permission denied`);
    throw new InputError(`cannot read ${path}: ${(e as Error).message}`);
  }
}

const mib = (n: number) => (n / (1024 * 1024)).toFixed(1);

function failed(path: string, id: string | null, bytes: number, error: string): IngestItem {
  return { path, id, status: 'failed', claims: 0, events: 0, reviews: { applied: 0, orphaned: 0 }, bytes, error };
}

function message(e: unknown): string {
  if (e instanceof InputError) return e.message;
  throw e;
}

export function summarise(items: IngestItem[], seconds: number): IngestReport {
  const count = (s: IngestItem['status']) => items.filter((i) => i.status === s).length;
  let claims = 0;
  let events = 0;
  let bytes = 0;
  const reviews = { applied: 0, orphaned: 0 };
  for (const i of items) {
    if (i.status === 'added' || i.status === 'replaced') {
      claims += i.claims;
      events += i.events;
      reviews.applied += i.reviews.applied;
      reviews.orphaned += i.reviews.orphaned;
    }
    bytes += i.bytes;
  }
  return {
    files: items.length,
    added: count('added'),
    replaced: count('replaced'),
    unchanged: count('unchanged'),
    failed: count('failed'),
    claims,
    events,
    reviews,
    bytes,
    seconds,
    items,
  };
}
