import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Table from 'cli-table3';
import { readDocument } from '../../corpus/index.js';
import { extract } from '../../extract/index.js';
import { readDocumentFile } from '../read-file.js';
import { formatValue, TABLE_STYLE } from './extract.js';

/** The corpus bundled with the package: <root>/corpus (two levels above src/cli or dist/cli). */
export const BUNDLED_CORPUS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'corpus');

/** `atlas summary [FILES...]`: per document, its figures about people in one readable table. */
export function summaryCommand(files: string[]): string {
  const paths =
    files.length > 0
      ? files
      : readdirSync(BUNDLED_CORPUS)
          .filter((f) => /\.(txt|md|html?)$/.test(f) && !/^(SOURCES|README)\.md$/i.test(f))
          .map((f) => join(BUNDLED_CORPUS, f));
  const out: string[] = [];
  for (const path of paths) {
    const r = extract(readDocument(readDocumentFile(path), { path }));
    const table = new Table({
      head: ['figure', 'value', 'measure', 'group', 'time', 'place', 'source'],
      wordWrap: true,
      style: TABLE_STYLE,
      colWidths: [24, 18, 12, 12, 13, 20, 22],
    });
    for (const c of r.claims) {
      const t = c.time
        ? c.time.start === c.time.end
          ? c.time.start
          : `${c.time.start ?? '…'}–${c.time.end ?? '…'}`
        : '';
      table.push([
        c.text,
        `${formatValue(c.value)} ${c.unit === 'person' ? '' : c.unit}${c.per ? `/${c.per}` : ''}`,
        c.measure,
        c.group?.kind ?? '',
        t ?? '',
        c.place?.name ?? '',
        c.source ?? '',
      ]);
    }
    const byType = new Map<string, number>();
    for (const e of r.events) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
    out.push(
      `${r.document.title ?? path} (${path})`,
      `${r.claims.length} figures, ${r.events.length} events: ${[...byType].map(([k, n]) => `${k} ${n}`).join(', ')}`,
      table.toString(),
      '',
    );
  }
  return out.join('\n');
}
