/**
 * Distributed ingestion through pg-boss, a job queue kept in the PostgreSQL database the store
 * lives in: `atlas ingest --queue` sends one job per document (its text travels in the job, so
 * workers need not share a file system), and any number of `atlas worker` processes, on any
 * machine that reaches the database, take jobs with SELECT ... SKIP LOCKED and ingest them.
 * A job whose document is bad input completes with the error recorded (retrying will not fix
 * it); a job that fails on the store is failed and retried by pg-boss.
 */
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import PgBoss from 'pg-boss';
import { decodeFile } from '../corpus/index.js';
import { InputError, StoreError } from '../errors.js';
import type { Store } from '../store/types.js';
import { type IngestItem, ingestBytes } from './ingest.js';
import { collectFiles } from './walk.js';

export const INGEST_QUEUE = 'atlas-ingest';
/**
 * pg-boss's tables live in a schema of their own, apart from the atlas tables: `atlas_queue`, or
 * `<schema>_queue` when the URL puts the atlas in a schema (`?options=-csearch_path=<schema>`),
 * so two atlases in one database never take each other's jobs.
 */
export function queueSchema(url: string): string {
  let options = '';
  try {
    options = new URL(url).searchParams.get('options') ?? '';
  } catch {}
  const schema = /search_path=([a-z_][a-z0-9_]{0,40})/i.exec(options)?.[1];
  return schema ? `${schema.toLowerCase()}_queue` : 'atlas_queue';
}

export interface IngestJob {
  path: string;
  text: string;
  date: string | null;
  force: boolean;
}

/** Starts pg-boss on the store's database (creating its schema and the queue on first use). */
export async function openQueue(url: string): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: queueSchema(url),
    max: 4,
    supervise: true,
    schedule: false,
  });
  // pg-boss reports background failures (lost connection, maintenance) as events, not rejections
  const failures: Error[] = [];
  boss.on('error', (e) => failures.push(e));
  try {
    await boss.start();
    if (!(await boss.getQueue(INGEST_QUEUE))) {
      await boss.createQueue(INGEST_QUEUE, { name: INGEST_QUEUE, retryLimit: 3, retryDelay: 5, retryBackoff: true });
    }
  } catch (e) {
    await boss.stop({ graceful: false, wait: false }).catch(() => {});
    throw new StoreError(`cannot start the ingest queue: ${(e as Error).message ?? failures[0]?.message}`, {
      cause: e,
    });
  }
  return boss;
}

export interface EnqueueReport {
  queued: number;
  failed: { path: string; error: string }[];
  bytes: number;
}

/** Reads and checks every file (so bad ones are reported now, not by a worker) and queues the rest. */
export async function enqueuePaths(
  boss: PgBoss,
  paths: string[],
  options: { date?: string | null; force?: boolean } = {},
): Promise<EnqueueReport> {
  const { files, errors } = collectFiles(paths);
  const failed = errors.map((e) => ({ path: e.path, error: e.message }));
  let queued = 0;
  let bytes = 0;
  for (const path of files) {
    let text: string;
    try {
      text = decodeFile(readFileSync(path), path);
    } catch (e) {
      if (e instanceof InputError) failed.push({ path, error: e.message });
      else failed.push({ path, error: `cannot read ${path}: ${(e as Error).message}` });
      continue;
    }
    const job: IngestJob = { path, text, date: options.date ?? null, force: options.force ?? false };
    await boss.send(INGEST_QUEUE, job);
    queued++;
    bytes += Buffer.byteLength(text);
  }
  return { queued, failed, bytes };
}

export interface WorkOptions {
  /** documents processed at once by this process */
  concurrency?: number;
  /** stop when the queue holds nothing more to do (else run until stopped) */
  untilEmpty?: boolean;
  /** seconds between polls of an empty queue */
  pollSeconds?: number;
  signal?: AbortSignal;
  onItem?: (item: IngestItem) => void;
}

/** Takes jobs until stopped (or, with untilEmpty, until none are left), ingesting each into `store`. */
export async function runWorker(boss: PgBoss, store: Store, options: WorkOptions = {}): Promise<IngestItem[]> {
  const done: IngestItem[] = [];
  const poll = (options.pollSeconds ?? 1) * 1000;
  // one lane's store failure stops the others: they would fail the same way
  const stop = new AbortController();
  options.signal?.addEventListener('abort', () => stop.abort(), { once: true });
  const lane = async () => {
    while (!stop.signal.aborted) {
      const [job] = await boss.fetch<IngestJob>(INGEST_QUEUE, { batchSize: 1 });
      if (!job) {
        if (options.untilEmpty && (await boss.getQueueSize(INGEST_QUEUE, { before: 'completed' })) === 0) return;
        await sleep(poll, undefined, { signal: stop.signal }).catch(() => {});
        continue;
      }
      let item: IngestItem;
      try {
        const { path, text, date, force } = job.data;
        item = await ingestBytes(store, path, Buffer.from(text, 'utf8'), { date, force });
      } catch (e) {
        stop.abort();
        await boss.fail(INGEST_QUEUE, job.id, { error: (e as Error).message });
        throw e;
      }
      await boss.complete(INGEST_QUEUE, job.id, { status: item.status, id: item.id, error: item.error });
      done.push(item);
      options.onItem?.(item);
    }
  };
  const lanes = Array.from({ length: Math.max(1, options.concurrency ?? 1) }, lane);
  const results = await Promise.allSettled(lanes);
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected) throw rejected.reason;
  return done;
}

/** Jobs not yet finished: waiting, retrying or being worked on. */
export async function pendingJobs(boss: PgBoss): Promise<number> {
  return boss.getQueueSize(INGEST_QUEUE, { before: 'completed' });
}
