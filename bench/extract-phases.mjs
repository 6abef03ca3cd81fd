#!/usr/bin/env node
// Where the extractor's time goes, on the text bench:extract reads (the bundled article's prose
// repeated to ~5 MB): tokenizing, each annotator, and the rest (claim and event assembly, the
// document's places and entities, the JSON), each as a share of one full extract() in the same
// round. Each annotator runs as the extractor runs it, over blocks of 64 tokenized sentences;
// attributions and modality cues only on sentences with a claim quantity. The rest is the full
// extract() minus the parts, so it also holds what the parts cost more inside it than alone:
// extract() keeps each block's results and the claims and events until the end, so its young
// generation holds live objects at every scavenge, where the parts' holds almost none. The
// garbage collector's pauses within each are printed too. Rounds alternate the parts and
// extract(), and the median of each is taken.
//   npm run bench:extract:phases        (builds first if needed)
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { readDocument } from '../dist/corpus/index.js';
import { annotateAttributions, annotateModalities } from '../dist/extract/attributions/index.js';
import { hasClaimQuantity } from '../dist/extract/claims/from-quantities.js';
import { annotateEntities } from '../dist/extract/entities/index.js';
import { annotateEvents } from '../dist/extract/events/index.js';
import { annotateGroups } from '../dist/extract/groups/index.js';
import { extract } from '../dist/extract/index.js';
import { annotateNumbers } from '../dist/extract/numbers/index.js';
import { annotatePlaces } from '../dist/extract/places/index.js';
import { TimeReader } from '../dist/extract/times/index.js';
import { tokenize } from '../dist/extract/tokenize.js';
import { text } from './extract-text.mjs';

const ROUNDS = 7;
const BLOCK = 64;

const PARTS = ['read', 'tokenize', 'times', 'numbers', 'places', 'groups', 'attributions', 'events', 'entities'];

/** The garbage collector's pauses so far, in ms (entries arrive after the code that caused them yields). */
let gcMs = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration;
}).observe({ entryTypes: ['gc'] });
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

/** One round: the parts over the whole text, block by block, timed separately; then extract(). */
async function round() {
  await settle();
  const gc0 = gcMs;
  const ms = Object.fromEntries(PARTS.map((p) => [p, 0]));
  let t = performance.now();
  const lap = (part) => {
    const now = performance.now();
    ms[part] += now - t;
    t = now;
  };
  const doc = readDocument(text, { format: 'text' });
  lap('read');
  const times = new TimeReader({ date: null });
  const list = doc.sentences;
  for (let from = 0; from < list.length; from += BLOCK) {
    const block = [];
    for (let k = from; k < Math.min(from + BLOCK, list.length); k++) {
      block.push({ text, sentence: list[k], tokens: tokenize(text, list[k]) });
    }
    lap('tokenize');
    times.read(block);
    lap('times');
    const claimed = [];
    for (const c of block) if (hasClaimQuantity(annotateNumbers(c, hasClaimQuantity).quantities)) claimed.push(c);
    lap('numbers');
    for (const c of block) annotatePlaces(c);
    lap('places');
    for (const c of block) annotateGroups(c);
    lap('groups');
    for (const c of claimed) {
      annotateAttributions(c);
      annotateModalities(c);
    }
    lap('attributions');
    for (const c of block) annotateEvents(c);
    lap('events');
    for (const c of block) annotateEntities(c);
    lap('entities');
  }
  await settle();
  const gc1 = gcMs;
  const t0 = performance.now();
  extract(readDocument(text, { format: 'text' }));
  const total = performance.now() - t0;
  await settle();
  return { ms, total, partsGc: gc1 - gc0, extractGc: gcMs - gc1 };
}

await round(); // warm-up: JIT, gazetteer load
const rounds = [];
for (let i = 0; i < ROUNDS; i++) rounds.push(await round());
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const total = median(rounds.map((r) => r.total));
const parts = Object.fromEntries(PARTS.map((p) => [p, median(rounds.map((r) => r.ms[p]))]));
const rest = total - PARTS.reduce((sum, p) => sum + parts[p], 0);
const row = (name, ms) =>
  console.log(`${name.padEnd(13)} ${ms.toFixed(0).padStart(6)} ms  ${((100 * ms) / total).toFixed(1).padStart(5)}%`);
console.log(`extract() of ${(Buffer.byteLength(text) / 1048576).toFixed(2)} MB, median of ${ROUNDS} rounds:`);
for (const p of PARTS) row(p, parts[p]);
row('rest', rest);
row('extract()', total);
const partsGc = median(rounds.map((r) => r.partsGc));
const extractGc = median(rounds.map((r) => r.extractGc));
console.log(
  `garbage collector: ${extractGc.toFixed(0)} ms within extract(), ${partsGc.toFixed(0)} ms within all the parts`,
);
console.log(
  `${PARTS.map((p) => `${p}_pct=${((100 * parts[p]) / total).toFixed(1)}`).join(' ')} rest_pct=${((100 * rest) / total).toFixed(1)} extract_ms=${total.toFixed(0)} ` +
    `extract_gc_ms=${extractGc.toFixed(0)} parts_gc_ms=${partsGc.toFixed(0)}`,
);
