/**
 * CSV export: one row per claim and per event, RFC 4180 (CRLF line ends, fields quoted when they
 * hold a comma, quote or line break, quotes doubled). Hand-written: no CSV library is installed,
 * and writing is the easy half of CSV.
 */
import type { ClaimRecord, EventRecord } from '../store/types.js';
import { type Citation, citer, type ExportInput } from './common.js';

/**
 * The columns, in order. `measure` is set for claims and `event_type` for events (the contract's
 * words for each), so neither column mixes two vocabularies.
 */
export const CSV_COLUMNS = [
  'id',
  'kind',
  'document',
  'document_title',
  'document_url',
  'text',
  'measure',
  'event_type',
  'low',
  'high',
  'approx',
  'unit',
  'per',
  'group_kind',
  'group_label',
  'time_start',
  'time_end',
  'time_edtf',
  'place_id',
  'place_name',
  'lat',
  'lon',
  'source',
  'modality',
  'status',
  'sentence',
  'span_start',
  'span_end',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];
type Cell = string | number | null | undefined;
export type CsvRow = Partial<Record<CsvColumn, Cell>>;

const CRLF = '\r\n';

/**
 * A text cell a spreadsheet would run as a formula starts with one of these (OWASP "CSV
 * injection"): `=`, `+`, `-`, `@`, tab, carriage return. Such text gets a leading `'`, which
 * spreadsheets show as text; numbers are written as numbers, so -12.5 stays a longitude.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field: empty for null, numbers as written, text defused and quoted as needed. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record as a line, with its CRLF. */
export function csvLine(cells: readonly Cell[]): string {
  return cells.map(csvCell).join(',') + CRLF;
}

export const CSV_HEADER = csvLine(CSV_COLUMNS);

function claimRow(c: ClaimRecord, cite: Citation): CsvRow {
  return {
    id: c.id,
    kind: 'claim',
    document: c.document,
    document_title: cite.title,
    document_url: cite.url,
    text: c.text,
    measure: c.measure,
    low: c.value.low,
    high: c.value.high,
    approx: c.value.approx,
    unit: c.unit,
    per: c.per,
    group_kind: c.group?.kind,
    group_label: c.group?.label,
    time_start: c.time?.start,
    time_end: c.time?.end,
    time_edtf: c.time?.edtf,
    place_id: c.place?.id,
    place_name: c.place?.name,
    lat: c.place?.lat,
    lon: c.place?.lon,
    source: c.source,
    modality: c.modality,
    status: c.status,
    sentence: cite.sentence,
    span_start: c.span[0],
    span_end: c.span[1],
  };
}

function eventRow(e: EventRecord, cite: Citation): CsvRow {
  return {
    id: e.id,
    kind: 'event',
    document: e.document,
    document_title: cite.title,
    document_url: cite.url,
    text: e.text,
    event_type: e.type,
    time_start: e.time?.start,
    time_end: e.time?.end,
    time_edtf: e.time?.edtf,
    place_id: e.place?.id,
    place_name: e.place?.name,
    lat: e.place?.lat,
    lon: e.place?.lon,
    sentence: cite.sentence,
    span_start: e.span[0],
    span_end: e.span[1],
  };
}

const rowLine = (row: CsvRow): string => csvLine(CSV_COLUMNS.map((column) => row[column]));

/**
 * The CSV lines, each with its CRLF: the header (unless `header: false`), then a row per claim,
 * then a row per event. Lazy: a big store streams page by page, or document by document with
 * `header: false` after the first.
 * Example: for (const line of csvLines(input)) out.write(line).
 */
export function* csvLines(input: ExportInput, options: { header?: boolean } = {}): Generator<string> {
  const cite = citer(input);
  if (options.header !== false) yield CSV_HEADER;
  for (const c of input.claims) yield rowLine(claimRow(c, cite(c)));
  for (const e of input.events) yield rowLine(eventRow(e, cite(e)));
}

/** The whole CSV document as one string. Example: exportCsv(input).split('\r\n')[0] -> 'id,kind,document,...'. */
export function exportCsv(input: ExportInput): string {
  return [...csvLines(input)].join('');
}
