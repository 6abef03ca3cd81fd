import type { Sentence, Span } from '../extract/types.js';

export type DocumentFormat = 'mediawiki' | 'markdown' | 'html' | 'text';

/** Metadata from YAML front matter (or the reader's own guess, e.g. the title from `= T =`). */
export interface DocumentMeta {
  title: string | null;
  /** where the document was published (front matter `source`, `url` or `source_url`) */
  source: string | null;
  /** publication date, ISO 8601 (front matter `date`) */
  date: string | null;
  licence: string | null;
}

export interface Section extends Span {
  /** heading text as written, without markup */
  title: string;
  /** 1 for `= T =`/`#`/`<h1>`, 2 for `== S ==`, and so on */
  level: number;
  /** the heading's own span (the title text) */
  heading: Span;
  /** index of the enclosing section, or null for a top-level one */
  parent: number | null;
}

/**
 * A document read into text. `source` is the file's text as decoded; `text` is what the
 * annotators read. For plain text and MediaWiki they are the same string; for Markdown and
 * HTML, `text` is the visible prose and `toSource(offset)` maps an offset in `text` back to the
 * file, so every span the atlas reports indexes the original file.
 * Sentences and sections are spans into `text`.
 */
export interface ReadDocument {
  format: DocumentFormat;
  source: string;
  text: string;
  meta: DocumentMeta;
  sections: Section[];
  sentences: Sentence[];
  /** maps an offset into `text` to an offset into `source` (identity for text and MediaWiki) */
  toSource(offset: number): number;
}
