import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectFiles } from './walk.js';

let root: string;
const at = (...parts: string[]) => join(root, ...parts);
const touch = (...parts: string[]) => {
  mkdirSync(join(root, ...parts.slice(0, -1)), { recursive: true });
  writeFileSync(at(...parts), 'Some text.');
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'atlas-walk-'));
  touch('corpus', 'b.txt');
  touch('corpus', 'a.md');
  touch('corpus', 'c.markdown');
  touch('corpus', 'sub', 'd.html');
  touch('corpus', 'sub', 'e.HTM');
  touch('corpus', 'sub', 'deeper', 'f.txt');
  touch('corpus', 'notes.pdf');
  touch('corpus', 'data.json');
  touch('corpus', 'README');
  touch('corpus', '.git', 'g.txt');
  touch('corpus', '.hidden.md');
  touch('corpus', 'node_modules', 'pkg', 'h.md');
  touch('other', 'x.txt');
  touch('other', 'y.csv');
  touch('other', 'z');
  mkdirSync(at('corpus', 'folder.txt'));
  touch('corpus', 'folder.txt', 'inner.md');
  // a loop: corpus/sub/loop -> corpus
  symlinkSync(at('corpus'), at('corpus', 'sub', 'loop'));
  // a link to a file inside the corpus, and a dangling one
  symlinkSync(at('corpus', 'b.txt'), at('corpus', 'z-link.txt'));
  symlinkSync(at('corpus', 'gone.txt'), at('corpus', 'dangling.txt'));
  symlinkSync(at('corpus', 'gone.pdf'), at('corpus', 'dangling.pdf'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('collectFiles', () => {
  it('walks folders recursively, taking only document extensions, sorted', () => {
    const { files, errors } = collectFiles([at('corpus')]);
    expect(files).toEqual([
      at('corpus', 'a.md'),
      at('corpus', 'b.txt'),
      at('corpus', 'c.markdown'),
      at('corpus', 'folder.txt', 'inner.md'),
      at('corpus', 'sub', 'd.html'),
      at('corpus', 'sub', 'deeper', 'f.txt'),
      at('corpus', 'sub', 'e.HTM'),
    ]);
    expect(errors).toEqual([{ path: at('corpus', 'dangling.txt'), message: 'broken symbolic link' }]);
  });

  it('skips hidden entries and node_modules in folders, but not when named', () => {
    const { files } = collectFiles([at('corpus')]);
    expect(files.some((f) => f.includes('.git') || f.includes('.hidden') || f.includes('node_modules'))).toBe(false);
    expect(collectFiles([at('corpus', '.hidden.md')]).files).toEqual([at('corpus', '.hidden.md')]);
    expect(collectFiles([at('corpus', 'node_modules')]).files).toEqual([at('corpus', 'node_modules', 'pkg', 'h.md')]);
  });

  it("skips a corpus folder's notes (README.md, SOURCES.md), but not when named, nor look-alikes", () => {
    touch('notes', 'README.md');
    touch('notes', 'SOURCES.md');
    touch('notes', 'License.txt');
    touch('notes', 'sources-of-labour.md');
    expect(collectFiles([at('notes')]).files).toEqual([at('notes', 'sources-of-labour.md')]);
    expect(collectFiles([at('notes', 'SOURCES.md')]).files).toEqual([at('notes', 'SOURCES.md')]);
  });

  it('survives a symbolic link loop and gives a linked file once, under the smaller path', () => {
    const { files } = collectFiles([at('corpus', 'sub')]);
    // sub/loop -> corpus, which holds sub again: walked once
    expect(files).toContain(at('corpus', 'sub', 'loop', 'a.md'));
    expect(files.filter((f) => f.endsWith('d.html'))).toHaveLength(1);
    // z-link.txt -> b.txt: one entry, b.txt
    const top = collectFiles([at('corpus')]).files;
    expect(top).toContain(at('corpus', 'b.txt'));
    expect(top).not.toContain(at('corpus', 'z-link.txt'));
  });

  it('follows a link named explicitly when it is the only path to its file', () => {
    expect(collectFiles([at('corpus', 'z-link.txt')]).files).toEqual([at('corpus', 'z-link.txt')]);
  });

  it('deduplicates a file named twice, or named and inside a named folder', () => {
    const { files } = collectFiles([at('other', 'x.txt'), at('other'), `${at('other')}/./x.txt`]);
    expect(files).toEqual([at('other', 'x.txt')]);
  });

  it('reports a missing path as an error entry and goes on', () => {
    const missing = at('nowhere.txt');
    const { files, errors } = collectFiles([missing, at('other')]);
    expect(files).toEqual([at('other', 'x.txt')]);
    expect(errors).toEqual([{ path: missing, message: 'no such file or folder' }]);
  });

  it('reports a file named explicitly with another extension; ignores it inside a folder', () => {
    const { files, errors } = collectFiles([at('other', 'y.csv'), at('other', 'z')]);
    expect(files).toEqual([]);
    expect(errors.map((e) => e.message)).toEqual([
      'not a document: extension .csv (expected .txt, .md, .markdown, .html or .htm)',
      'not a document: no extension (expected .txt, .md, .markdown, .html or .htm)',
    ]);
    // near miss: the same files inside a walked folder are no error
    expect(collectFiles([at('other')]).errors).toEqual([]);
  });

  it('ignores a dangling link without a document extension', () => {
    expect(collectFiles([at('corpus')]).errors.map((e) => e.path)).not.toContain(at('corpus', 'dangling.pdf'));
  });

  it('reports an unreadable folder when not running as root', () => {
    if (process.getuid?.() === 0) return; // root reads anything
    const locked = at('locked');
    mkdirSync(locked);
    writeFileSync(join(locked, 'a.txt'), 'x');
    chmodSync(locked, 0o000);
    try {
      expect(collectFiles([locked]).errors).toEqual([{ path: locked, message: 'permission denied' }]);
    } finally {
      chmodSync(locked, 0o755);
    }
  });

  it('returns nothing for no paths', () => {
    expect(collectFiles([])).toEqual({ files: [], errors: [] });
  });
});
