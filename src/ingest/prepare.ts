import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { readFrontMatter } from '../corpus/front-matter.js';
import { decodeFile, readDocument } from '../corpus/index.js';
import { extractWithMentions } from '../extract/index.js';
import type { PlaceRef } from '../extract/types.js';
import { EXTRACTOR_VERSION } from '../extract/version.js';
import type { DocumentInput, PlaceRecord, SectionRecord } from '../store/types.js';

export interface PrepareOptions {
  /** the document id; overrides the front matter's `id`/`slug` and the file name (slugified all the same) */
  id?: string;
  /** the document date, ISO 8601 (`--date`); overrides the front matter's; null or absent keeps it */
  date?: string | null;
}

/** The longest slug `slugify` makes. */
export const MAX_SLUG_LENGTH = 80;

/**
 * A document id from a name: lower-case ASCII letters and digits, every other run of characters
 * one `-`, no `-` at either end, at most 80 characters. Accents are dropped first ("Kōryo" ->
 * "koryo"). A name with no ASCII letter or digit ("Корё-сарам") gives `document-` and 8 hex digits
 * of its sha256, so such names stay apart and stable across runs.
 * Example: slugify('North Koreans in Russia.txt') -> 'north-koreans-in-russia-txt'.
 */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    // cut at 80, then trim: the cut may land right after a `-`
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
  return slug || `document-${createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 8)}`;
}

/**
 * Decodes, reads and extracts one document file into what `Store.putDocument` writes. Every offset
 * in the result (sections, sentences, claims, events) indexes the decoded source text, which is
 * stored as `text`, so `text.slice(start, end)` is the span even for Markdown and HTML.
 *
 * Throws InputError (from decodeFile and readDocument) for an empty, binary, UTF-16 or non-UTF-8
 * file, malformed front matter, or a file over MAX_DOCUMENT_BYTES (20 MiB, about 3 million words:
 * far above any article, low enough that one document's extraction fits in memory). Never throws
 * on the text itself.
 *
 * The id is `documentId`'s; the title is the front matter's or the reader's (`= T =`, `# T`,
 * `<title>`), else the file name.
 * Example: prepareDocument('corpus/north-koreans-in-russia.txt', bytes).id -> 'north-koreans-in-russia'.
 */
export function prepareDocument(path: string, bytes: Buffer, options: PrepareOptions = {}): DocumentInput {
  return prepareText(path, decodeFile(bytes, path), options);
}

/**
 * prepareDocument for text already decoded with decodeFile (ingest decodes first to compare the
 * hash and skip an unchanged document before extracting it). Throws InputError for malformed
 * front matter.
 */
export function prepareText(path: string, source: string, options: PrepareOptions = {}): DocumentInput {
  const doc = readDocument(source, { path });
  const { extraction, places, entities } = extractWithMentions(doc, { date: options.date });
  const sentences = doc.sentences.map((s) => {
    const span = doc.spanToSource(s);
    return { index: s.index, start: span.start, end: span.end, section: s.section };
  });
  const sentenceAt = sentenceFinder(sentences);
  return {
    id: documentId(path, source, options),
    title: doc.meta.title ?? basename(path),
    source: doc.meta.source,
    date: extraction.document.date,
    licence: doc.meta.licence,
    format: doc.format,
    hash: contentHash(source),
    path,
    extractor: EXTRACTOR_VERSION,
    text: source,
    sections: doc.sections.map((s, index): SectionRecord => {
      const span = doc.spanToSource(s);
      return { index, title: s.title, level: s.level, start: span.start, end: span.end, parent: s.parent };
    }),
    sentences,
    claims: extraction.claims.map((c) => ({ ...c, sentenceIndex: sentenceAt(c.sentence, c.span) })),
    events: extraction.events.map((e) => ({ ...e, sentenceIndex: sentenceAt(e.sentence, e.span) })),
    places: places.map(placeRecord),
    entities: entities.map((e) => ({ name: e.name, kind: e.kind, count: e.count })),
  };
}

/**
 * A document's id without extracting it: `options.id`, else front matter `id` (then `slug`), else
 * the file name without its extension, slugified. Throws InputError for malformed front matter.
 * Example: documentId('corpus/north-koreans-in-russia.txt', text) -> 'north-koreans-in-russia'.
 */
export function documentId(path: string, source: string, options: Pick<PrepareOptions, 'id'> = {}): string {
  const name = basename(path);
  return slugify(options.id ?? frontMatterId(source, path) ?? name.slice(0, name.length - extname(name).length));
}

/** sha256 of the decoded text, hex: `DocumentInput.hash`, what the store compares. */
export function contentHash(source: string): string {
  return createHash('sha256').update(source, 'utf8').digest('hex');
}

function placeRecord(p: PlaceRef): PlaceRecord {
  // a copy: gazetteer refs are frozen and shared
  return { id: p.id, name: p.name, kind: p.kind, lat: p.lat, lon: p.lon, parents: [...p.parents] };
}

type SourceSentence = { index: number; start: number; end: number };

/**
 * The index of the sentence whose source span holds a claim's `sentence` span. extract() computes
 * that span from the same sentence with the same mapping, so it matches one exactly; the fallback
 * (the last sentence starting at or before the claim's own span) only guards against a future
 * change to either side.
 */
function sentenceFinder(sentences: readonly SourceSentence[]) {
  const lastStartingBy = (offset: number): number => {
    let lo = 0;
    let hi = sentences.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid]!.start <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  return (sentence: [number, number], span: [number, number]): number => {
    // Sentences never overlap, but an empty one may share a start: walk back over those.
    for (let k = lastStartingBy(sentence[0]); k >= 0 && sentences[k]!.start === sentence[0]; k--) {
      if (sentences[k]!.end >= sentence[1]) return sentences[k]!.index;
    }
    const k = lastStartingBy(span[0]);
    return sentences[Math.max(k, 0)]?.index ?? 0;
  };
}

/**
 * The front matter's `id` or `slug`, which DocumentMeta does not carry. readFrontMatter validates
 * the block (InputError when malformed); this parses it again only to pick the one field.
 */
function frontMatterId(source: string, path: string): string | null {
  const front = readFrontMatter(source, path);
  if (!front.present) return null;
  const open = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const yamlStart = source.indexOf('\n', open) + 1;
  // the closing fence is the last line before bodyStart
  const closing = source.lastIndexOf('\n', front.bodyStart - 2) + 1;
  let data: unknown;
  try {
    data = parseYaml(source.slice(yamlStart, closing));
  } catch {
    return null;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return null;
  const fields = new Map(Object.entries(data).map(([key, value]) => [key.toLowerCase(), value as unknown]));
  for (const key of ['id', 'slug']) {
    const value = fields.get(key);
    if ((typeof value === 'string' && value.trim() !== '') || typeof value === 'number') return String(value);
  }
  return null;
}
