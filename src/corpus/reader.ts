import type { Span } from '../extract/types.js';
import type { MappedText } from './offset-map.js';
import type { Heading } from './sections.js';

/** What a format reader hands to readDocument: the text, its map, and where prose and headings are. */
export interface ReaderOutput extends MappedText {
  /** prose blocks of `text` (paragraphs, list items, table cells, lines), in order; sentences never cross them */
  blocks: Span[];
  headings: Heading[];
  /** the title the document itself gives (`= T =`, `<title>`, `# T`), or null */
  title: string | null;
}
