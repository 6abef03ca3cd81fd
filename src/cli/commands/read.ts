import { readDocument } from '../../corpus/index.js';
import type { ReadDocument } from '../../corpus/types.js';
import { readDocumentFile } from '../read-file.js';

export interface ReadCommandOptions {
  json?: boolean;
}

/** A read document as plain data: every span indexes the original file. */
export function readJson(doc: ReadDocument) {
  const span = (s: { start: number; end: number }) => {
    const m = doc.spanToSource(s);
    return [m.start, m.end];
  };
  return {
    format: doc.format,
    meta: doc.meta,
    length: doc.source.length,
    sections: doc.sections.map((s) => ({
      title: s.title,
      level: s.level,
      parent: s.parent,
      span: span(s),
      heading: span(s.heading),
    })),
    sentences: doc.sentences.map((s) => ({ span: span(s), section: s.section, text: doc.text.slice(s.start, s.end) })),
  };
}

/** `atlas read FILE [--json]`: what the reader made of a file (title, sections, sentences), to check a new format. */
export function readCommand(file: string, options: ReadCommandOptions): string {
  const doc = readDocument(readDocumentFile(file), { path: file });
  const r = readJson(doc);
  if (options.json) return JSON.stringify(r);
  const lines = [`${r.meta.title ?? '(untitled)'} — ${r.format}, ${r.length.toLocaleString('en-US')} characters`];
  for (const [k, v] of Object.entries(r.meta)) if (v !== null && k !== 'title') lines.push(`${k}: ${v}`);
  lines.push(`${r.sections.length} sections, ${r.sentences.length} sentences`);
  r.sentences.forEach((s, i) => {
    const section = s.section === null ? '' : `[${r.sections[s.section]?.title}] `;
    lines.push(`${String(i + 1).padStart(4)} ${s.span[0]}-${s.span[1]} ${section}${s.text.replace(/\s+/g, ' ')}`);
  });
  return lines.join('\n');
}
