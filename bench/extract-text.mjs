// The text bench:extract and bench:extract:phases read: the bundled article's prose (headings and
// bullets dropped, so every engine reads the same plain paragraphs) repeated to ~5 MB.
import { readFileSync } from 'node:fs';

const TARGET_BYTES = 5 * 1024 * 1024;

const unit = readFileSync(new URL('../corpus/north-koreans-in-russia.txt', import.meta.url), 'utf8');
const prose = unit
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('=') && !l.startsWith('-'))
  .join('\n\n');

/** How many copies of the prose the text holds. */
export const copies = Math.ceil(TARGET_BYTES / Buffer.byteLength(prose));
export const text = Array.from({ length: copies }, () => prose).join('\n\n');
