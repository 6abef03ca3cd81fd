import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Reads a data file the build writes into data/ (`npm run build` runs
 * scripts/build-gazetteer.ts), checking its format version. A missing or outdated file is
 * an error that says how to make it.
 * Example: readBuildData<GazetteerFile>('gazetteer.json', 'the gazetteer', 2)
 */
export function readBuildData<T extends { version: number }>(file: string, what: string, version: number): T {
  // Two levels below the project root both as src/extract/*.ts (tsx, vitest) and as
  // dist/extract/*.js (after tsc), so one relative URL serves both.
  const url = new URL(`../../data/${file}`, import.meta.url);
  let raw: string;
  try {
    raw = readFileSync(url, 'utf8');
  } catch {
    throw new Error(
      `${what} is missing: ${fileURLToPath(url)} was not found. Run \`npm run build\` ` +
        '(or `npx tsx scripts/build-gazetteer.ts`) to make it.',
    );
  }
  const data = JSON.parse(raw) as T;
  if (data.version !== version) {
    throw new Error(
      `data/${file} has version ${data.version}, expected ${version}: run \`npm run build\` to rebuild it.`,
    );
  }
  return data;
}
