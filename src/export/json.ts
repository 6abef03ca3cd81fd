/**
 * JSON export: `{ generated, documents, places, claims, events }`, each claim and event with its
 * citation. Written record by record, one per line, so a big export streams and diffs well.
 */
import type { ClaimRecord, EventRecord } from '../store/types.js';
import { type Citation, citer, type ExportInput } from './common.js';

export interface JsonExportOptions {
  /** ISO 8601 timestamp written as `generated`; now by default (tests pass a fixed one) */
  generated?: string;
}

/** What `exportJson` writes, for readers of the file. */
export interface JsonExport {
  generated: string;
  documents: ExportInput['documents'];
  places: ExportInput['places'];
  claims: (ClaimRecord & { citation: Citation })[];
  events: (EventRecord & { citation: Citation })[];
}

/**
 * The JSON document in chunks that concatenate to it: a lazy generator, so claims and events
 * stream from any iterable. Example: for (const chunk of jsonChunks(input)) out.write(chunk).
 */
export function* jsonChunks(input: ExportInput, options: JsonExportOptions = {}): Generator<string> {
  const cite = citer(input);
  const generated = options.generated ?? new Date().toISOString();
  yield `{\n"generated": ${JSON.stringify(generated)},\n`;
  yield* array('documents', input.documents);
  yield ',\n';
  yield* array('places', input.places);
  yield ',\n';
  yield* array(
    'claims',
    map(input.claims, (c) => ({ ...c, citation: cite(c) })),
  );
  yield ',\n';
  yield* array(
    'events',
    map(input.events, (e) => ({ ...e, citation: cite(e) })),
  );
  yield '\n}\n';
}

/** The whole JSON export as one string. Example: JSON.parse(exportJson(input)).claims[0].citation.title. */
export function exportJson(input: ExportInput, options: JsonExportOptions = {}): string {
  return [...jsonChunks(input, options)].join('');
}

function* array(key: string, items: Iterable<unknown>): Generator<string> {
  yield `${JSON.stringify(key)}: [`;
  let first = true;
  for (const item of items) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(item)}`;
    first = false;
  }
  yield first ? ']' : '\n]';
}

function* map<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}
