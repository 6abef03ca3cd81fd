import { readdirSync, realpathSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

/** The extensions ingest reads, lower-case; matched case-insensitively (`A.TXT` is read). */
export const DOCUMENT_EXTENSIONS: readonly string[] = ['.txt', '.md', '.markdown', '.html', '.htm'];

/** A path that could not be collected, with why, for the ingest log. */
export interface WalkError {
  path: string;
  message: string;
}

export interface CollectedFiles {
  /** document files, sorted by code unit, each once */
  files: string[];
  errors: WalkError[];
}

const EXPECTED = 'expected .txt, .md, .markdown, .html or .htm';

const isDocument = (name: string): boolean => DOCUMENT_EXTENSIONS.includes(extname(name).toLowerCase());

/** Plain code-unit order: the same on every machine, unlike localeCompare. */
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A corpus folder's own notes (README.md, SOURCES.md, LICENSE.txt...) describe the documents;
 * they are not documents. Named explicitly, they are read like any file.
 */
const CORPUS_METADATA = /^(?:readme|sources|licen[cs]e|changelog|contributing)\.[a-z]+$/i;

/**
 * The document files among `paths`: files as named, folders walked recursively. In a folder only
 * files with a document extension are taken; hidden entries (`.git`, `.draft.md`),
 * `node_modules` and a corpus's notes (README.md, SOURCES.md, LICENSE.txt) are skipped, and so are sockets and FIFOs, which would block a read. A file named
 * explicitly must have a document extension. A path that is missing or unreadable becomes an error
 * entry, never an exception, so one bad path does not stop the others.
 * Symbolic links are followed; a folder already walked (a link loop, or two links to one folder) is
 * not walked again, and two paths to one file (a link beside its target) give the file once, under
 * the smaller path.
 * Example: collectFiles(['corpus']) -> { files: ['corpus/north-koreans-in-russia.txt'], errors: [] }.
 */
export function collectFiles(paths: string[]): CollectedFiles {
  const errors: WalkError[] = [];
  // real path -> the path we report it under
  const found = new Map<string, string>();
  const walked = new Set<string>();

  const addFile = (path: string): void => {
    let real: string;
    try {
      real = realpathSync(path);
    } catch (error) {
      errors.push({ path, message: reason(error) });
      return;
    }
    const seen = found.get(real);
    if (seen === undefined || byCodeUnit(path, seen) < 0) found.set(real, path);
  };

  const walk = (dir: string): void => {
    let real: string;
    let names: string[];
    try {
      real = realpathSync(dir);
      if (walked.has(real)) return;
      walked.add(real);
      names = readdirSync(dir).sort(byCodeUnit);
    } catch (error) {
      errors.push({ path: dir, message: reason(error) });
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || name === 'node_modules' || CORPUS_METADATA.test(name)) continue;
      const path = join(dir, name);
      let stat: ReturnType<typeof statSync>;
      try {
        stat = statSync(path);
      } catch (error) {
        // a dangling link: worth reporting only when it looks like a document
        if (isDocument(name)) {
          const code = (error as NodeJS.ErrnoException).code;
          errors.push({ path, message: code === 'ENOENT' ? 'broken symbolic link' : reason(error) });
        }
        continue;
      }
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile() && isDocument(name)) addFile(path);
    }
  };

  for (const given of paths) {
    const path = normalize(given);
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path);
    } catch (error) {
      errors.push({ path: given, message: reason(error) });
      continue;
    }
    if (stat.isDirectory()) walk(path);
    else if (!stat.isFile()) errors.push({ path: given, message: `not a regular file (${EXPECTED})` });
    else if (!isDocument(path)) {
      const ext = extname(path);
      errors.push({
        path: given,
        message: `not a document: ${ext ? `extension ${ext}` : 'no extension'} (${EXPECTED})`,
      });
    } else addFile(path);
  }
  return { files: [...found.values()].sort(byCodeUnit), errors };
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENOTDIR':
      return 'not a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
