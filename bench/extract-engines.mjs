// The three engines bench:extract compares, over the text of extract-text.mjs, shared by the
// wall-clock bench (extract.mjs) and the instruction-count one (extract-instructions.mjs) so
// both measure the same work. Each returns how many items it found.
import * as chrono from 'chrono-node';
import { readDocument } from '../dist/corpus/index.js';
import { splitSentences } from '../dist/corpus/sentences.js';
import { extract } from '../dist/extract/index.js';
import { tokenize } from '../dist/extract/tokenize.js';
import { text } from './extract-text.mjs';

const REFERENCE = new Date(2026, 0, 1);

function paragraphs(t) {
  const spans = [];
  let start = 0;
  for (;;) {
    const end = t.indexOf('\n\n', start);
    spans.push({ start, end: end < 0 ? t.length : end });
    if (end < 0) return spans;
    start = end + 2;
  }
}

export const engines = {
  /** the full extractor, reading the document included */
  extract: () => extract(readDocument(text, { format: 'text' })).claims.length,
  /** the floor any extractor pays: sentences split and tokenized, nothing else */
  tokenizer: () => {
    let n = 0;
    for (const s of splitSentences(text, paragraphs(text))) n += tokenize(text, s).length;
    return n;
  },
  // chrono-node is fed paragraph by paragraph, as an application would: on one 5 MB string
  // some of its patterns rescan the text and it slows down many times over.
  chrono: () => {
    let n = 0;
    for (const p of paragraphs(text)) n += chrono.parse(text.slice(p.start, p.end), REFERENCE).length;
    return n;
  },
};
