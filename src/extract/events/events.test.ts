import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EventTrigger, SentenceContext } from '../types.js';
import { goldDocuments, haveGold, sentence } from './documents.corpus.js';
import { eventCorpus, eventNearMisses } from './events.corpus.js';
import { annotateEvents } from './index.js';
import { TRIGGER_WORDS } from './lexicon.js';

const show = (ctx: SentenceContext, events: EventTrigger[]) =>
  JSON.stringify(events.map((e) => [ctx.text.slice(e.start, e.end), e.type, e.rule]));

describe('events corpus', () => {
  for (const entry of eventCorpus) {
    for (const text of entry.sentences) {
      it(`${entry.type} "${entry.trigger}": ${text}`, () => {
        const ctx = sentence(text);
        const events = annotateEvents(ctx);
        const ofType = events.filter((e) => e.type === entry.type);
        expect(ofType, show(ctx, events)).toHaveLength(1);
        expect(text.slice(ofType[0]!.start, ofType[0]!.end)).toBe(entry.trigger);
        expect(ofType[0]!.rule).toBe(entry.rule);
      });
    }
  }

  it('a proposal swallows its clause: one event for the offer sentence', () => {
    const ctx = sentence(eventCorpus.find((e) => e.trigger === 'offer')!.sentences[0]!);
    expect(annotateEvents(ctx).map((e) => e.type)).toEqual(['proposal']);
  });

  it('a denial swallows its clause', () => {
    const ctx = sentence('North Korea denied having sent troops to aid the Russians, and later captured two spies.');
    expect(annotateEvents(ctx).map((e) => [ctx.text.slice(e.start, e.end), e.type])).toEqual([
      ['denied', 'denial'],
      ['captured', 'capture'],
    ]);
  });

  it('keeps one trigger per type and clause, and drops a later noun of an earlier type', () => {
    const ctx = sentence('Thousands were killed and wounded; 300 more died in 1947, and the deaths were concealed.');
    expect(annotateEvents(ctx).map((e) => ctx.text.slice(e.start, e.end))).toEqual(['killed', 'died']);
  });
});

describe('events near misses', () => {
  for (const text of eventNearMisses) {
    it(`no event: ${text}`, () => {
      const ctx = sentence(text);
      const events = annotateEvents(ctx);
      expect(events, show(ctx, events)).toEqual([]);
    });
  }
});

/**
 * Triggers found in the dev texts that no gold context accounts for, each kept on purpose:
 * - seed "repatriated": "roughly one thousand even repatriated to North Korea" is a real
 *   repatriation; the gold annotates its figure as a claim but lists no event.
 * - seed "sent" (three times): "had sent troops to Russia", "sent about 12,000 troops", "had
 *   sent troops to aid the Russians" are real deployments, restated through the text; the gold
 *   records the deployment once, at "serving in Kursk". Dropping them needs document-level
 *   de-duplication, not a sentence rule.
 */
const EXPECTED_EXTRAS: Record<string, string[]> = {
  seed: ['repatriation repatriated', 'deployment sent', 'deployment sent', 'deployment sent'],
};

describe.skipIf(!haveGold())('gold documents', () => {
  for (const doc of haveGold() ? goldDocuments() : []) {
    const events = doc.sentences.flatMap((s) => annotateEvents(s));
    const located = doc.events.map((g) => {
      const start = doc.text.indexOf(g.context);
      return { ...g, types: [g.type].flat(), start, end: start + g.context.length };
    });
    const inside = (e: EventTrigger, g: (typeof located)[number]) => e.start < g.end && g.start < e.end;

    for (const g of located.filter((x) => !x.optional)) {
      it(`${doc.name} ${g.id} ${g.types.join('|')}: ${g.context.slice(0, 50)}`, () => {
        const hits = events.filter((e) => inside(e, g));
        // found with the right type, and no second trigger inside a required context (it would be a false positive)
        expect(
          hits.map((e) => e.type).filter((t) => g.types.includes(t)),
          show({ ...doc.sentences[0]!, text: doc.text }, hits),
        ).toHaveLength(1);
        expect(hits).toHaveLength(1);
      });
    }

    it(`${doc.name}: extras outside every gold context`, () => {
      const extras = events
        .filter((e) => !located.some((g) => inside(e, g)))
        .map((e) => `${e.type} ${doc.text.slice(e.start, e.end)}`);
      expect(extras).toEqual(EXPECTED_EXTRAS[doc.name] ?? []);
    });
  }
});

const WORDS = [
  ...TRIGGER_WORDS.keys(),
  'sent',
  'troops',
  'back',
  'came',
  'as',
  'workers',
  'returned',
  'to',
  'home',
  'cross',
  'border',
  'forced',
  'transfer',
  'taken',
  'prisoner',
  'of',
  'war',
  'refused',
  'grant',
  'suggested',
  'allowing',
  'study',
  'in',
  'Moscow',
  'the',
  'a',
  'deal',
  'joint',
  'exercises',
  'death',
  'toll',
  '300',
  'dead',
  'if',
  'prevent',
  'for',
  ',',
  ';',
  '(',
  ')',
  'and',
  'but',
];

const sentenceArb = fc.oneof(
  fc.array(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 6 })), { maxLength: 40 }).map((w) => w.join(' ')),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

describe('properties', () => {
  it('never throws, and every span lies in its sentence with text = slice', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), sentenceArb, (before, body) => {
        const text = `${before} ${body}`;
        const span = { start: before.length + 1, end: text.length };
        const ctx = { ...sentence(text), sentence: { ...span, index: 0, section: null } };
        ctx.tokens = ctx.tokens.filter((t) => t.start >= span.start);
        for (const e of annotateEvents(ctx)) {
          expect(e.start).toBeGreaterThanOrEqual(span.start);
          expect(e.end).toBeLessThanOrEqual(span.end);
          expect(e.end).toBeGreaterThan(e.start);
          expect(text.slice(e.start, e.end)).toBe(e.text);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
