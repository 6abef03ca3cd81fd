#!/usr/bin/env node
// The `atlas` command. It runs the compiled code in dist/; `npm install` (prepare) builds it.
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('atlas: the compiled code is missing (dist/). Run `npm install` or `npm run build` first.\n');
  process.exit(1);
}
const { main: run } = await import(main.href);
process.exitCode = await run(process.argv);
