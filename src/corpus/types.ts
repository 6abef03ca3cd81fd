import type { Sentence, Span } from '../extract/types.js';
import type { SentenceTable } from './sections.js';

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
  /** made from `sentenceTable` when first read, then the same list */
  readonly sentences: Sentence[];
  /** the sentences as columns, what the extractor reads (see SentenceTable) */
  readonly sentenceTable: SentenceTable;
  /**
   * maps an offset into `text` to an offset into `source` (identity for text and MediaWiki).
   * Where markup was removed, one text offset is two source positions (after "bold" and before
   * the closing "**"); it returns the one a span boundary there means: the end of what precedes
   * when the next character is whitespace or closing punctuation, else the start of what follows.
   * So `source.slice(toSource(s.start), toSource(s.end))` is the sentence for every sentence.
   */
  toSource(offset: number): number;
  /**
   * maps a span of `text` to the smallest span of `source` holding exactly those characters
   * (exact for any span, e.g. an annotation ending inside "**10,000**").
   * Example: Markdown "It was **10,000**." with text "It was 10,000." -> [7, 13] -> [9, 15].
   */
  spanToSource(span: Span): Span;
}
