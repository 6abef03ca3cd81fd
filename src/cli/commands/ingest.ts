import cliProgress from 'cli-progress';
import { InputError } from '../../errors.js';
import { type IngestItem, type IngestReport, ingestPaths, summarise } from '../../ingest/ingest.js';
import { type DocumentDiff, diffDocument } from '../../query/diff.js';
import { isPostgresUrl } from '../../store/open.js';
import { type DbOption, withStore } from '../open-store.js';
import type { Output } from '../output.js';

export interface IngestCommandOptions extends DbOption {
  json?: boolean;
  force?: boolean;
  date?: string;
  queue?: boolean;
  /** report what each new document adds or contradicts (default: when at most 200 changed) */
  diff?: boolean;
}

const DIFF_BY_DEFAULT = 200;

function diffJson(d: DocumentDiff) {
  return {
    document: d.document,
    counts: d.counts,
    claims: d.changes.map((c) => ({ id: c.claim.id, text: c.claim.text, kind: c.kind, others: c.others })),
  };
}

/** "report: 2 new, 1 corroborates, 1 conflicts" and a line per conflict naming the other claims */
function formatDiff(d: DocumentDiff): string {
  const lines = [
    `${d.document}: ${d.counts.new} new, ${d.counts.corroborates} corroborate, ${d.counts.conflicts} conflict, ${d.counts.consistent} consistent with the store`,
  ];
  for (const c of d.changes) {
    if (c.kind !== 'conflicts' && c.kind !== 'corroborates') continue;
    const others = c.others
      .slice(0, 3)
      .map((o) => `"${o.text}" (${o.document})`)
      .join(', ');
    lines.push(
      `  ${c.kind === 'conflicts' ? 'conflicts   ' : 'corroborates'} "${c.claim.text}" ${c.kind === 'conflicts' ? 'vs' : '='} ${others}`,
    );
  }
  return lines.join('\n');
}

const ISO_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

function checkDate(date: string | undefined): string | null {
  if (date === undefined) return null;
  if (!ISO_DATE.test(date)) throw new InputError(`invalid --date: ${date} (expected a date such as 2024-11-05)`);
  return date;
}

/**
 * `atlas ingest PATH... [--db D] [--json] [--force] [--queue]`. Returns the exit status: 1 when
 * any file failed (the others are in the store), else 0.
 */
export async function ingestCommand(paths: string[], options: IngestCommandOptions, io: Output): Promise<number> {
  const date = checkDate(options.date);
  if (paths.length === 0) throw new InputError('nothing to ingest: name files or folders (.txt, .md, .html)');
  const target = options.db ?? process.env.ATLAS_DB;
  if (options.queue) {
    if (target === undefined || !isPostgresUrl(target)) {
      throw new InputError('--queue needs a PostgreSQL store (--db postgres://...)');
    }
    return enqueueCommand(target, paths, { date, force: options.force ?? false, json: options.json ?? false }, io);
  }
  const report = await withStore(options, async (store) => {
    const progress = reporter(io, options.json ?? false);
    const r = await ingestPaths(store, paths, {
      force: options.force ?? false,
      date,
      onStart: progress.start,
      onItem: progress.item,
    });
    progress.stop();
    const changed = r.items.filter((i) => (i.status === 'added' || i.status === 'replaced') && i.id);
    const diffs: DocumentDiff[] = [];
    if (options.diff ?? changed.length <= DIFF_BY_DEFAULT) {
      for (const i of changed) diffs.push(await diffDocument(store, i.id!));
    }
    return { report: r, location: store.location, diffs };
  });
  io.out(
    options.json
      ? JSON.stringify({ store: report.location, ...report.report, changes: report.diffs.map(diffJson) })
      : [formatReport(report.report), ...report.diffs.map(formatDiff)].join('\n'),
  );
  return report.report.failed > 0 ? 1 : 0;
}

/** A progress bar on a terminal; a line per document otherwise; nothing but failures with --json. */
function reporter(io: Output, json: boolean) {
  let bar: cliProgress.SingleBar | null = null;
  const failures: string[] = [];
  return {
    start(total: number) {
      if (!io.tty || json || total < 2) return;
      bar = new cliProgress.SingleBar(
        {
          format: 'ingest [{bar}] {value}/{total} {file}',
          stream: process.stderr,
          hideCursor: true,
          clearOnComplete: true,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(total, 0, { file: '' });
    },
    item(item: IngestItem) {
      if (bar) {
        bar.increment({ file: item.id ?? item.path });
        if (item.status === 'failed') failures.push(itemLine(item));
      } else if (json) {
        if (item.status === 'failed') io.err(itemLine(item));
      } else io.out(itemLine(item));
    },
    stop() {
      if (bar) {
        bar.stop();
        for (const f of failures) io.err(f);
      }
    },
  };
}

function itemLine(i: IngestItem): string {
  if (i.status === 'failed') return `failed     ${i.path}: ${i.error}`;
  const detail =
    i.status === 'unchanged'
      ? ''
      : ` (${i.claims} claims, ${i.events} events${i.reviews.applied + i.reviews.orphaned > 0 ? `, reviews: ${i.reviews.applied} applied, ${i.reviews.orphaned} orphaned` : ''})`;
  return `${i.status.padEnd(10)} ${i.id}${detail}`;
}

function formatReport(r: IngestReport): string {
  const mb = r.bytes / (1024 * 1024);
  return [
    `${r.files} files: ${r.added} added, ${r.replaced} replaced, ${r.unchanged} unchanged, ${r.failed} failed`,
    `${r.claims} claims and ${r.events} events written; reviews re-applied: ${r.reviews.applied}, orphaned: ${r.reviews.orphaned}`,
    `${mb.toFixed(2)} MB in ${r.seconds.toFixed(1)} s`,
  ].join('\n');
}

async function enqueueCommand(
  url: string,
  paths: string[],
  options: { date: string | null; force: boolean; json: boolean },
  io: Output,
): Promise<number> {
  // open the store first so its schema exists before any worker starts
  await withStore({ db: url }, async () => {});
  // pg-boss is loaded only here and in the worker: it adds ~0.5 s to every command's start
  const { enqueuePaths, openQueue, pendingJobs } = await import('../../ingest/queue.js');
  const boss = await openQueue(url);
  try {
    const r = await enqueuePaths(boss, paths, options);
    const pending = await pendingJobs(boss);
    for (const f of r.failed) io.err(`failed     ${f.path}: ${f.error}`);
    io.out(
      options.json
        ? JSON.stringify({ queued: r.queued, failed: r.failed, pending })
        : `${r.queued} documents queued, ${r.failed.length} failed; ${pending} jobs pending. Run \`atlas worker --db ...\` to ingest them.`,
    );
    return r.failed.length > 0 ? 1 : 0;
  } finally {
    await boss.stop({ graceful: false, wait: true, close: true });
  }
}

export interface WorkerCommandOptions extends DbOption {
  concurrency?: string;
  untilEmpty?: boolean;
  json?: boolean;
}

/** `atlas worker --db postgres://... [--concurrency N] [--until-empty]`: ingests queued documents. */
export async function workerCommand(options: WorkerCommandOptions, io: Output): Promise<number> {
  const target = options.db ?? process.env.ATLAS_DB;
  if (target === undefined || !isPostgresUrl(target)) {
    throw new InputError('atlas worker needs a PostgreSQL store (--db postgres://...)');
  }
  const { openQueue, runWorker } = await import('../../ingest/queue.js');
  const concurrency = Number(options.concurrency ?? '1');
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    throw new InputError(`invalid --concurrency: ${options.concurrency} (expected a whole number from 1 to 64)`);
  }
  const t0 = performance.now();
  const items = await withStore({ db: target }, async (store) => {
    const boss = await openQueue(target);
    const stop = new AbortController();
    const onSignal = () => stop.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      return await runWorker(boss, store, {
        concurrency,
        untilEmpty: options.untilEmpty ?? false,
        signal: stop.signal,
        onItem: (item) => {
          if (!options.json) io.out(itemLine(item));
          else if (item.status === 'failed') io.err(itemLine(item));
        },
      });
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await boss.stop({ graceful: true, wait: true, close: true, timeout: 10_000 });
    }
  });
  const report = summarise(items, (performance.now() - t0) / 1000);
  io.out(options.json ? JSON.stringify(report) : formatReport(report));
  return report.failed > 0 ? 1 : 0;
}
