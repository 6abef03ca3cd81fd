import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goldDocuments, haveGold, sentence } from '../events/documents.corpus.js';
import type { SentenceContext } from '../types.js';
import { attributionCorpus, attributionNearMisses, modalityCorpus, modalityNearMisses } from './attributions.corpus.js';
import { annotateAttributions, annotateModalities } from './index.js';
import { MODALITY_WORDS, STATEMENT_VERBS } from './lexicon.js';

const trace = (ctx: SentenceContext) =>
  JSON.stringify(annotateAttributions(ctx).map((a) => [ctx.text.slice(a.start, a.end), a.cue, a.rule]));

describe('attributions corpus', () => {
  for (const entry of attributionCorpus) {
    for (const text of entry.sentences) {
      it(`${entry.source} <- ${text}`, () => {
        const ctx = sentence(text);
        const found = annotateAttributions(ctx);
        expect(found, trace(ctx)).toHaveLength(1);
        const a = found[0]!;
        expect(text.slice(a.start, a.end)).toBe(entry.source);
        expect(a.source).toBe(entry.source);
        expect(a.rule).toBe(entry.rule);
      });
    }
  }
});

describe('attributions near misses', () => {
  for (const text of attributionNearMisses) {
    it(`no source: ${text}`, () => {
      const ctx = sentence(text);
      expect(annotateAttributions(ctx), trace(ctx)).toEqual([]);
    });
  }
});

describe('modality corpus', () => {
  for (const entry of modalityCorpus) {
    for (const text of entry.sentences) {
      it(`${entry.modality} (${entry.cue}): ${text}`, () => {
        const cues = annotateModalities(sentence(text));
        const hit = cues.find((c) => text.slice(c.start, c.end) === entry.cue);
        expect(hit?.modality, JSON.stringify(cues)).toBe(entry.modality);
      });
    }
  }
});

describe('modality near misses', () => {
  for (const text of modalityNearMisses) {
    it(`no cue: ${text}`, () => {
      expect(annotateModalities(sentence(text))).toEqual([]);
    });
  }
});

/**
 * Known gaps, each with its reason. q06: the quotation the source introduces runs on into the
 * next sentence ('claimed that "many ... Russian. In fact, many hardly speak ..."'); a sentence
 * annotator cannot see it, carrying it over is the claim assembler's job.
 */
const GOLD_GAPS = new Set(['35-vietnamese-people-in-russia q06']);

describe.skipIf(!haveGold())('gold documents', () => {
  for (const doc of haveGold() ? goldDocuments() : []) {
    for (const claim of doc.claims) {
      if (claim.source === 'any' || GOLD_GAPS.has(`${doc.name} ${claim.id}`)) continue;
      it(`${doc.name} ${claim.id} source ${JSON.stringify(claim.source)}`, () => {
        const at = doc.text.indexOf(claim.context) + claim.context.indexOf(claim.quote);
        const ctx = doc.sentences.find((s) => s.sentence.start <= at && at < s.sentence.end)!;
        const found = annotateAttributions(ctx);
        if (claim.source === null) {
          // a figure inside the source phrase ("some historians") is not attributed by it
          expect(found.filter((a) => a.end <= at || a.start > at)).toEqual([]);
        } else if (claim.source !== 'any') {
          const names = claim.source.map((n) => n.toLowerCase());
          const ok = found.some((a) =>
            names.some((n) => a.source.toLowerCase().includes(n) || n.includes(a.source.toLowerCase())),
          );
          expect(ok, trace(ctx)).toBe(true);
        }
        if (claim.modality) expect(annotateModalities(ctx).map((m) => m.modality)).toContain(claim.modality);
      });
    }
  }
});

const WORDS = [
  ...STATEMENT_VERBS.keys(),
  ...MODALITY_WORDS.keys(),
  'according',
  'to',
  'by',
  'from',
  'study',
  "Seoul's",
  "'",
  's',
  'source',
  ':',
  '(',
  ')',
  ',',
  ';',
  '.',
  'U',
  'N',
  'the',
  'an',
  'is',
  'was',
  'that',
  'quoted',
  'as',
  'saying',
  'In',
  '2009',
  'Officials',
  'however',
  'Kyung',
];

const sentenceArb = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 6 })), { maxLength: 40 }).map((w) => w.join(' ')),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

describe('properties', () => {
  it('never throws, and every span lies in its sentence with text = slice', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), sentenceArb, (before, body) => {
        // a sentence in the middle of a document: offsets must stay absolute
        const text = `${before} ${body}`;
        const span = { start: before.length + 1, end: text.length };
        const ctx = { ...sentence(text), sentence: { ...span, index: 0, section: null } };
        ctx.tokens = ctx.tokens.filter((t) => t.start >= span.start);
        for (const a of [...annotateAttributions(ctx), ...annotateModalities(ctx)]) {
          expect(a.start).toBeGreaterThanOrEqual(span.start);
          expect(a.end).toBeLessThanOrEqual(span.end);
          expect(a.end).toBeGreaterThan(a.start);
          expect(text.slice(a.start, a.end)).toBe(a.text);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
