import { Command, CommanderError } from 'commander';
import { InputError, NotFoundError, StoreError } from '../errors.js';
import { DEFAULT_CANDIDATES, MAX_CANDIDATES } from '../query/limits.js';
import { DB_HELP } from './db-option.js';
import { type Output, processOutput } from './output.js';

/**
 * Each command's module, loaded when that command runs. Loaded all at once (the extractor and its
 * lexicons, the document parsers, both store drivers, pg-boss, the query layer) they took ~0.45 s
 * before any command started, `atlas --version` included (bench/cli-start.mjs).
 */
const commands = {
  extract: () => import('./commands/extract.js'),
  read: () => import('./commands/read.js'),
  summary: () => import('./commands/summary.js'),
  ingest: () => import('./commands/ingest.js'),
  store: () => import('./commands/store.js'),
  review: () => import('./commands/review.js'),
  export: () => import('./commands/export.js'),
  query: () => import('./commands/query.js'),
  serve: () => import('./commands/serve.js'),
};

/**
 * The `atlas` command line. Commands are thin: each validates its options, calls one layer
 * function and prints a table, or exactly one JSON document on stdout. Errors are mapped to
 * exit codes once, at the bottom.
 */
export function buildProgram(io: Output, setStatus: (status: number) => void): Command {
  const write = io.out;
  const program = new Command('atlas')
    .description('Diaspora Atlas: sourced figures, dates, places, groups and events from documents')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('extract')
    .description('extract claims and events from one document (.txt, .md, .html)')
    .argument('<file>', 'the document to read')
    .option('--json', 'print the extraction contract as one JSON object')
    .option('--date <date>', 'document date for relative times (YYYY-MM-DD)')
    .action(async (file: string, options) => write((await commands.extract()).extractCommand(file, options)));

  program
    .command('read')
    .description('show how a document is read: title, front matter, sections and sentences with their spans')
    .argument('<file>', 'the document to read')
    .option('--json', 'print one JSON object')
    .action(async (file: string, options) => write((await commands.read()).readCommand(file, options)));

  program
    .command('summary')
    .description('extract documents and print a summary table (the bundled corpus by default)')
    .argument('[files...]', 'documents to read')
    .action(async (files: string[]) => write((await commands.summary()).summaryCommand(files)));

  program
    .command('ingest')
    .description('read, extract and store documents (files or folders of .txt, .md, .html), one transaction each')
    .argument('<paths...>', 'files or folders (read recursively)')
    .option('--db <store>', DB_HELP)
    .option('--json', 'print the summary as one JSON object')
    .option('--force', 're-extract and rewrite documents even when unchanged')
    .option('--date <date>', 'document date for relative times, overriding the front matter (YYYY-MM-DD)')
    .option('--queue', 'queue the documents for `atlas worker` instead (PostgreSQL stores only)')
    .option('--diff', 'report what each document adds, corroborates or contradicts (default when at most 200 change)')
    .option('--no-diff', 'do not report it')
    .action(async (paths: string[], options) =>
      setStatus(await (await commands.ingest()).ingestCommand(paths, options, io)),
    );

  program
    .command('worker')
    .description('ingest documents queued with `atlas ingest --queue` (PostgreSQL stores only)')
    .option('--db <store>', DB_HELP)
    .option('--concurrency <n>', 'documents processed at once', '1')
    .option('--until-empty', 'stop when the queue is empty instead of waiting for more')
    .option('--json', 'print the summary as one JSON object')
    .action(async (options) => setStatus(await (await commands.ingest()).workerCommand(options, io)));

  program
    .command('migrate')
    .description("bring the store's schema up to date (opening a store does this too)")
    .option('--db <store>', DB_HELP)
    .option('--json', 'print one JSON object')
    .action(async (options) => write(await (await commands.store()).migrateCommand(options)));

  program
    .command('documents')
    .description('list the documents in the store')
    .option('--db <store>', DB_HELP)
    .option('--json', 'print one JSON array')
    .action(async (options) => write(await (await commands.store()).documentsCommand(options)));

  program
    .command('check')
    .description("run the store's integrity check")
    .option('--db <store>', DB_HELP)
    .option('--json', 'print one JSON object')
    .action(async (options) => {
      const r = await (await commands.store()).checkCommand(options);
      write(r.text);
      if (!r.ok) setStatus(1);
    });

  program
    .command('claims')
    .description('list stored claims with their ids and review status')
    .option('--db <store>', DB_HELP)
    .option('--doc <id>', 'only this document')
    .option('--status <list>', 'only these statuses: machine, accepted, corrected, rejected (comma-separated)')
    .option('--limit <n>', 'at most this many')
    .option('--json', 'print one JSON array')
    .action(async (options) => write(await (await commands.review()).claimsCommand(options)));

  program
    .command('review')
    .description('correct, accept or reject a claim; the review survives re-ingestion')
    .argument('<claim>', 'claim id (see `atlas claims`)')
    .option('--db <store>', DB_HELP)
    .option(
      '--set <field=value>',
      'correct a field (repeatable): value, low, high, approx, unit, per, measure, group, group_label, time, place, source, modality',
      collect,
      [],
    )
    .option('--accept', 'confirm the claim as extracted')
    .option('--reject', 'mark the claim wrong: it no longer counts in answers')
    .option('--note <text>', "the reviewer's note")
    .option('--json', 'print one JSON object')
    .action(async (claim: string, options) => write(await (await commands.review()).reviewCommand(claim, options)));

  program
    .command('reviews')
    .description('list reviews and whether they still apply (orphaned: their quote is gone)')
    .option('--db <store>', DB_HELP)
    .option('--doc <id>', 'only this document')
    .option('--orphaned', 'only orphaned reviews')
    .option('--json', 'print one JSON array')
    .action(async (options) => write(await (await commands.review()).reviewsCommand(options)));

  program
    .command('export')
    .description('export claims, events and places with their citations')
    .option('--db <store>', DB_HELP)
    .option('--format <format>', 'csv, json or geojson', 'json')
    .option('--out <file>', 'write to this file (default: standard output)')
    .option('--doc <id>', 'only this document')
    .option('--all', 'include rejected claims')
    .action(async (options) => {
      const done = await (await commands.export()).exportCommand(options, (chunk) => process.stdout.write(chunk));
      if (done) io.err(done);
    });

  program
    .command('ask')
    .description(
      'answer a question from the store, with citations; with no question, one a line from stdin (JSON Lines out with --json)',
    )
    .argument('[question]', 'e.g. "How many North Korean workers were in Russia in 2006?"')
    .option('--db <store>', DB_HELP)
    .option('--json', 'print the ask contract as JSON')
    .action(async (question: string | undefined, options) =>
      (await commands.query()).askCommand(question, options, io),
    );

  program
    .command('estimate')
    .description('the claims that answer "how many", ranked, reconciled, conflicts and corroboration shown')
    .option('--db <store>', DB_HELP)
    .option(
      '--group <group>',
      'workers, students, soldiers, refugees, community, general, or a group such as lumberjacks',
    )
    .option('--place <place>', 'a place name or gazetteer id; places within it count')
    .option('--year <year>', 'one year')
    .option('--from <year>', 'first year')
    .option('--to <year>', 'last year')
    .option('--measure <measure>', 'population, arrivals, departures, count, share, money')
    .option('--limit <n>', `at most this many candidates (default ${DEFAULT_CANDIDATES}, at most ${MAX_CANDIDATES})`)
    .option('--json', 'print one JSON object')
    .action(async (options) => write(await (await commands.query()).estimateCommand(options)));

  program
    .command('series')
    .description('every estimate over time, as intervals with low and high')
    .option('--db <store>', DB_HELP)
    .option('--group <group>', 'a group kind or group')
    .option('--place <place>', 'a place name or gazetteer id')
    .option('--measure <measure>', 'population, arrivals, departures, count, share, money')
    .option('--unit <unit>', 'person, percent or money', 'person')
    .option('--json', 'print one JSON array')
    .action(async (options) => write(await (await commands.query()).seriesCommand(options)));

  program
    .command('timeline')
    .description('events and dated claims in time order, fuzzy dates kept fuzzy')
    .option('--db <store>', DB_HELP)
    .option('--from <year>', 'first year')
    .option('--to <year>', 'last year')
    .option('--place <place>', 'a place name or gazetteer id')
    .option('--type <types>', 'event types, comma-separated')
    .option('--events', 'events only, no claims')
    .option('--limit <n>', 'at most this many entries', '1000')
    .option('--json', 'print one JSON array')
    .action(async (options) => write(await (await commands.query()).timelineCommand(options)));

  program
    .command('search')
    .description('full-text search over the sentences of every document')
    .argument('<text>', 'words to find')
    .option('--db <store>', DB_HELP)
    .option('--doc <id>', 'only this document')
    .option('--limit <n>', 'at most this many sentences', '20')
    .option('--json', 'print one JSON array')
    .action(async (text: string, options) => (await commands.query()).searchCommand(text, options, io));

  program
    .command('diff')
    .description("what a document adds to the store: its claims that are new, corroborate or conflict with others'")
    .argument('<document>', 'document id')
    .option('--db <store>', DB_HELP)
    .option('--json', 'print one JSON object')
    .action(async (document: string, options) => write(await (await commands.query()).diffCommand(document, options)));

  program
    .command('serve')
    .description('serve the JSON API and the explorer over HTTP (read-only unless --write with ATLAS_TOKEN)')
    .option('--db <store>', DB_HELP)
    .option('--port <port>', 'port to listen on; 0 picks a free one', '8080')
    .option('--host <host>', 'address to bind (loopback by default)', '127.0.0.1')
    .option('--write', 'enable the review and ingest endpoints (needs ATLAS_TOKEN; clients send it as a Bearer token)')
    .option('--rate-limit <n>', 'requests a second per client, in bursts of 4x; 0 for no limit', '50')
    .action(async (options) => {
      // the server (Hono, zod, OpenAPI) is loaded only to serve: ~0.7 s off every other command
      return (await commands.serve()).serveCommand(options, io);
    });

  return program;
}

const collect = (value: string, previous: string[]) => [...previous, value];

export async function main(argv: readonly string[]): Promise<number> {
  // `atlas ingest ... | head`: the reader went away. Stop as a Unix tool stops on SIGPIPE,
  // quietly, rather than die on an unhandled EPIPE with a stack trace. Writes to the store are
  // transactions, so stopping between two of them leaves every committed document whole.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  let status = 0;
  const program = buildProgram(processOutput, (s) => {
    status = Math.max(status, s);
  });
  try {
    await program.parseAsync(argv as string[]);
    return status;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof InputError || e instanceof NotFoundError || e instanceof StoreError) {
      process.stderr.write(`atlas: ${e.message}\n`);
      if (process.env.ATLAS_DEBUG) process.stderr.write(`${e.stack}\n`);
      return 1;
    }
    process.stderr.write(`atlas: internal error: ${(e as Error)?.message ?? e}\n`);
    process.stderr.write(
      process.env.ATLAS_DEBUG
        ? `${(e as Error)?.stack}\n`
        : 'Run with ATLAS_DEBUG=1 for details, and please report it.\n',
    );
    return 70;
  }
}
