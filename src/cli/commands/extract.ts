import Table from 'cli-table3';
import { readDocument } from '../../corpus/index.js';
import { InputError } from '../../errors.js';
import { type Extraction, extract } from '../../extract/index.js';
import { readDocumentFile } from '../read-file.js';

export interface ExtractCommandOptions {
  json?: boolean;
  date?: string;
}

const ISO_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** `atlas extract FILE [--json] [--date YYYY-MM-DD]`: the extraction contract, or a table. */
export function extractCommand(file: string, options: ExtractCommandOptions): string {
  if (options.date !== undefined && !ISO_DATE.test(options.date)) {
    throw new InputError(`invalid --date: ${options.date} (expected a date such as 2024-11-05, 2024-11 or 2024)`);
  }
  const source = readDocumentFile(file);
  const result = extract(readDocument(source, { path: file }), { date: options.date ?? null });
  return options.json ? JSON.stringify(result) : formatExtraction(result);
}

/** Colour only on a terminal: piped output stays plain text. */
export const TABLE_STYLE = process.stdout.isTTY ? {} : { head: [], border: [] };

const fmt = (n: number | null) => (n === null ? '' : n.toLocaleString('en-US', { maximumFractionDigits: 3 }));

/** A readable value: "15,000–20,000", "≥ 10,000", "≤ 70", "~ 12,000". */
export function formatValue(v: Extraction['claims'][number]['value']): string {
  switch (v.approx) {
    case 'at-least':
      return `≥ ${fmt(v.low)}`;
    case 'at-most':
      return `≤ ${fmt(v.high)}`;
    case 'about':
      return `~ ${fmt(v.low)}`;
    default:
      return v.low === v.high ? fmt(v.low) : `${fmt(v.low)}–${fmt(v.high)}`;
  }
}

function formatTime(t: { start: string | null; end: string | null } | null): string {
  if (!t) return '';
  if (t.start === t.end) return t.start ?? '';
  return `${t.start ?? '…'}–${t.end ?? '…'}`;
}

export function formatExtraction(r: Extraction): string {
  const claims = new Table({
    head: ['text', 'value', 'unit', 'measure', 'group', 'time', 'place', 'source'],
    wordWrap: true,
    style: TABLE_STYLE,
    colWidths: [22, 16, 10, 12, 14, 12, 16, 20],
  });
  for (const c of r.claims) {
    claims.push([
      c.text,
      formatValue(c.value),
      c.per ? `${c.unit}/${c.per}` : c.unit,
      c.measure,
      c.group?.kind ?? '',
      formatTime(c.time),
      c.place?.name ?? '',
      c.source ?? '',
    ]);
  }
  const events = new Table({
    head: ['trigger', 'type', 'time', 'place', 'actors'],
    wordWrap: true,
    style: TABLE_STYLE,
    colWidths: [18, 14, 12, 18, 40],
  });
  for (const e of r.events) events.push([e.text, e.type, formatTime(e.time), e.place?.name ?? '', e.actors.join(', ')]);
  const title = r.document.title ?? '(untitled)';
  return [
    `${title} — ${r.document.format}, ${r.document.length.toLocaleString('en-US')} characters`,
    `${r.claims.length} claims`,
    claims.toString(),
    `${r.events.length} events`,
    events.toString(),
  ].join('\n');
}
