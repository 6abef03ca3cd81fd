import { Command, CommanderError } from 'commander';
import { InputError, NotFoundError, StoreError } from '../errors.js';
import { extractCommand } from './commands/extract.js';
import { readCommand } from './commands/read.js';
import { summaryCommand } from './commands/summary.js';

/**
 * The `atlas` command line. Commands are thin: each validates its options, calls one layer
 * function and prints a table, or exactly one JSON document on stdout. Errors are mapped to
 * exit codes once, at the bottom.
 */
export function buildProgram(write: (s: string) => void): Command {
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
    .action((file: string, options) => write(extractCommand(file, options)));

  program
    .command('read')
    .description('show how a document is read: title, front matter, sections and sentences with their spans')
    .argument('<file>', 'the document to read')
    .option('--json', 'print one JSON object')
    .action((file: string, options) => write(readCommand(file, options)));

  program
    .command('summary')
    .description('extract documents and print a summary table (the bundled corpus by default)')
    .argument('[files...]', 'documents to read')
    .action((files: string[]) => write(summaryCommand(files)));

  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram((s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`));
  try {
    await program.parseAsync(argv as string[]);
    return 0;
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
