import { readFileSync, statSync } from 'node:fs';
import { checkDocumentSize, decodeFile } from '../corpus/index.js';
import { InputError } from '../errors.js';

/** Reads a document file for a command, turning file-system failures into one clear InputError. */
export function readDocumentFile(path: string): string {
  let bytes: Buffer;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new InputError(`${path} is a folder, not a file`);
    // refused before it is read: a 1 GB file is not loaded into memory only to be turned away
    checkDocumentSize(st.size, path);
    bytes = readFileSync(path);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`no such file: ${path}`);
    if (code === 'EACCES') throw new InputError(`cannot read ${path}: permission denied`);
    throw new InputError(`cannot read ${path}: ${(e as Error).message}`);
  }
  return decodeFile(bytes, path);
}
