import { createInterface } from 'node:readline';
import Table from 'cli-table3';
import { InputError } from '../../errors.js';
import { type AskResult, ask } from '../../query/ask.js';
import { diffDocument } from '../../query/diff.js';
import {
  DEFAULT_CANDIDATES,
  type Estimate,
  type EstimateQuery,
  estimate,
  MAX_CANDIDATES,
} from '../../query/estimate.js';
import { formatValue } from '../../query/format.js';
import { resolveEventType, resolveGroup, resolveMeasure, resolvePlace, resolveYear } from '../../query/resolve.js';
import { series } from '../../query/series.js';
import { timeline } from '../../query/timeline.js';
import type { Store } from '../../store/types.js';
import { type DbOption, withStore } from '../open-store.js';
import type { Output } from '../output.js';
import { TABLE_STYLE } from './extract.js';
import { positive } from './review.js';

const MAX_QUESTION_LINES = 10_000;

/** `atlas ask "question" [--json]`; with no question, one question a line on stdin, one answer a line out. */
export async function askCommand(question: string | undefined, options: DbOption & { json?: boolean }, io: Output) {
  await withStore(options, async (store) => {
    if (question !== undefined) {
      const r = await ask(store, question);
      io.out(options.json ? JSON.stringify(r) : formatAnswer(r));
      return;
    }
    const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    let n = 0;
    for await (const line of lines) {
      if (!line.trim()) continue;
      if (++n > MAX_QUESTION_LINES) throw new InputError(`at most ${MAX_QUESTION_LINES} questions per run`);
      let r: AskResult | { question: string; error: string };
      try {
        r = await ask(store, line);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        // one bad line does not stop the batch: its answer says what was wrong
        r = { question: line.slice(0, 200), error: e.message };
      }
      io.out(options.json ? JSON.stringify(r) : 'error' in r ? `${r.question}\n  error: ${r.error}` : formatAnswer(r));
    }
  });
}

export function formatAnswer(r: AskResult): string {
  const out = [`Q: ${r.question}`, `A: ${r.answer.text}`];
  for (const [i, c] of r.citations.entries()) {
    out.push(`  [${i + 1}] ${c.title ?? c.document}${c.url ? ` <${c.url}>` : ''}`, `      "${c.sentence.trim()}"`);
  }
  return out.join('\n');
}

export interface EstimateCommandOptions extends DbOption {
  group?: string;
  place?: string;
  year?: string;
  from?: string;
  to?: string;
  measure?: string;
  limit?: string;
  json?: boolean;
}

/** `atlas estimate --group workers --place Russia --year 2006 [--measure population]`. */
export async function estimateCommand(options: EstimateCommandOptions): Promise<string> {
  const q: EstimateQuery = {};
  if (options.group) q.group = resolveGroup(options.group, '--group');
  if (options.place) q.place = resolvePlace(options.place, '--place');
  if (options.measure) q.measure = resolveMeasure(options.measure, '--measure');
  if (options.year && (options.from || options.to)) throw new InputError('give --year, or --from and --to, not both');
  if (options.year) q.from = q.to = resolveYear(options.year, '--year');
  if (options.from) q.from = resolveYear(options.from, '--from');
  if (options.to) q.to = resolveYear(options.to, '--to');
  if (q.from != null && q.to != null && q.from > q.to) throw new InputError(`--from ${q.from} is after --to ${q.to}`);
  if (q.measure === 'money') q.unit = 'money';
  if (q.measure === 'share') q.unit = 'percent';
  return withStore(options, async (store) => {
    const limit = options.limit ? positive('--limit', options.limit) : DEFAULT_CANDIDATES;
    if (limit > MAX_CANDIDATES) throw new InputError(`invalid --limit: ${limit} (at most ${MAX_CANDIDATES})`);
    const e = await estimate(store, q, { limit });
    return options.json ? JSON.stringify(e) : formatEstimate(e);
  });
}

function formatEstimate(e: Estimate): string {
  const a = e.answer;
  const head =
    a.kind === 'none' || !a.value
      ? 'No stored claim fits.'
      : `${a.kind === 'single' ? 'Best fit' : `Span of ${e.basis} claims that fit about as well`}: ${formatValue(a.value, a.unit!, a.per)}` +
        `${e.corroborated ? ' (corroborated)' : ''}${e.conflicts.length ? ` — ${e.conflicts.length} conflicting pairs` : ''}`;
  const table = new Table({
    head: ['fit', 'figure', 'value', 'time', 'place', 'source', 'document', 'notes'],
    wordWrap: true,
    style: TABLE_STYLE,
    colWidths: [7, 18, 18, 12, 14, 18, 22, 30],
  });
  for (const c of e.candidates.slice(0, 30)) {
    const t = c.claim.time;
    table.push([
      c.fit.toFixed(2),
      c.claim.text,
      formatValue(c.claim.value, c.claim.unit, c.claim.per),
      t ? (t.start === t.end ? (t.start ?? '') : `${t.start ?? '…'}–${t.end ?? '…'}`) : '',
      c.claim.place?.name ?? '',
      c.claim.source ?? '',
      c.title ?? c.claim.document,
      [
        c.conflictsWith.length ? `conflicts with ${c.conflictsWith.length}` : '',
        c.corroboratedBy.length ? `corroborated by ${c.corroboratedBy.length}` : '',
        c.claim.status !== 'machine' ? c.claim.status : '',
        ...c.why.slice(0, 2),
      ]
        .filter(Boolean)
        .join('; '),
    ]);
  }
  const shown = e.candidates.length > 30 ? ' (the best 30 shown)' : '';
  const more = e.more ? `; more may fit (--limit ${MAX_CANDIDATES} lists up to ${MAX_CANDIDATES})` : '';
  const count = `${e.candidates.length} candidate${e.candidates.length === 1 ? '' : 's'}`;
  return `${head}\n${count}${shown}${more}\n${table.toString()}`;
}

export interface SeriesCommandOptions extends DbOption {
  group?: string;
  place?: string;
  measure?: string;
  unit?: string;
  json?: boolean;
}

export async function seriesCommand(options: SeriesCommandOptions): Promise<string> {
  const unit = options.unit ?? 'person';
  if (!['person', 'percent', 'money'].includes(unit))
    throw new InputError(`invalid --unit: ${unit} (expected person, percent or money)`);
  const q = {
    group: options.group ? resolveGroup(options.group, '--group').kind : null,
    place: options.place ? resolvePlace(options.place, '--place') : null,
    measure: options.measure ? resolveMeasure(options.measure, '--measure') : null,
    unit: unit as 'person' | 'percent' | 'money',
  };
  return withStore(options, async (store) => {
    const points = await series(store, q);
    if (options.json) return JSON.stringify(points);
    const table = new Table({
      head: ['from', 'to', 'value', 'group', 'measure', 'place', 'source', 'document'],
      wordWrap: true,
      style: TABLE_STYLE,
      colWidths: [7, 7, 22, 11, 12, 16, 20, 24],
    });
    for (const p of points) {
      table.push([
        p.from ?? '…',
        p.to ?? '…',
        formatValue(p, p.unit, p.per),
        p.group ?? '',
        p.measure,
        p.place ?? '',
        p.source ?? '',
        p.document,
      ]);
    }
    return `${points.length} points\n${table.toString()}`;
  });
}

export interface TimelineCommandOptions extends DbOption {
  from?: string;
  to?: string;
  place?: string;
  type?: string;
  limit?: string;
  events?: boolean;
  json?: boolean;
}

export async function timelineCommand(options: TimelineCommandOptions): Promise<string> {
  const from = options.from ? resolveYear(options.from, '--from') : null;
  const to = options.to ? resolveYear(options.to, '--to') : null;
  if (from !== null && to !== null && from > to) throw new InputError(`--from ${from} is after --to ${to}`);
  const filter = {
    from,
    to,
    place: options.place ? resolvePlace(options.place, '--place') : null,
    types: options.type ? options.type.split(',').map((t) => resolveEventType(t, '--type')) : [],
    claims: !options.events,
    limit: options.limit ? positive('--limit', options.limit) : 1000,
  };
  return withStore(options, async (store) => {
    const entries = await timeline(store, filter);
    if (options.json) return JSON.stringify(entries.map(({ record: _r, ...e }) => e));
    const table = new Table({
      head: ['when', 'kind', 'type', 'text', 'place', 'sentence'],
      wordWrap: true,
      style: TABLE_STYLE,
      colWidths: [14, 7, 13, 18, 14, 60],
    });
    for (const e of entries) {
      table.push([e.time?.edtf ?? '', e.kind, e.type, e.text, e.place?.name ?? '', e.sentence.trim().slice(0, 300)]);
    }
    return `${entries.length} entries\n${table.toString()}`;
  });
}

export interface SearchCommandOptions extends DbOption {
  doc?: string;
  limit?: string;
  json?: boolean;
}

export async function searchCommand(text: string, options: SearchCommandOptions, io: Output): Promise<void> {
  if (!text.trim()) throw new InputError('nothing to search for');
  if (text.length > 500) throw new InputError('a search is limited to 500 characters');
  const limit = options.limit ? positive('--limit', options.limit) : 20;
  await withStore(options, async (store: Store) => {
    const hits = await store.search(text, { limit, ...(options.doc ? { document: options.doc } : {}) });
    if (options.json) return io.out(JSON.stringify(hits));
    const bold = io.tty ? (s: string) => `\x1b[1m${s}\x1b[22m` : (s: string) => `[${s}]`;
    const lines = [`${hits.length} sentences`];
    for (const h of hits) {
      let snippet = '';
      let at = 0;
      for (const [a, b] of h.highlights) {
        snippet += h.snippet.slice(at, a) + bold(h.snippet.slice(a, b));
        at = b;
      }
      snippet += h.snippet.slice(at);
      lines.push(`${h.title ?? h.document} (${h.document}, sentence ${h.sentenceIndex + 1})`, `  ${snippet}`);
    }
    io.out(lines.join('\n'));
  });
}

export async function diffCommand(document: string, options: DbOption & { json?: boolean }): Promise<string> {
  return withStore(options, async (store) => {
    if (!(await store.documentState(document)))
      throw new InputError(`no document ${document} (atlas documents lists them)`);
    const d = await diffDocument(store, document);
    if (options.json) return JSON.stringify(d);
    const lines = [
      `${document}: ${d.counts.new} new, ${d.counts.corroborates} corroborate, ${d.counts.conflicts} conflict, ${d.counts.consistent} consistent with what the store held`,
    ];
    for (const c of d.changes) {
      if (c.kind === 'new') continue;
      const others = c.others.map((o) => `"${o.text}" (${o.document})`).join(', ');
      lines.push(`  ${c.kind.padEnd(12)} "${c.claim.text}" ${c.kind === 'conflicts' ? 'vs' : 'with'} ${others}`);
    }
    return lines.join('\n');
  });
}
